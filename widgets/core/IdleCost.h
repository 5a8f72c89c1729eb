#pragma once

#include <QString>
#include <QWidget>

namespace hlc {
class PollPacer;
}

// Small helpers that keep an idle window cheap: a poll every few seconds must not re-polish or redraw what did
// not change, nor draw pages nobody can see.
namespace hlc::idle {

/// QWidget::setStyleSheet() re-parses and re-polishes even when the text is the same: call it only on a change.
inline void setStyleSheet(QWidget* w, const QString& css)
{
    if (w->styleSheet() != css)
        w->setStyleSheet(css);
}

/// True when nobody can see @p w although its window was shown: a tab that is not current, or the whole window
/// hidden to the tray. Its labels, charts and tables can wait for its showEvent(). A widget whose window was never
/// shown (tests, grab()) updates as before.
[[nodiscard]] inline bool hiddenInShownWindow(const QWidget* w)
{
    if (w->isVisible())
        return false;
    const QWidget* top = w->window();
    if (top != w && top->isVisible())
        return true;
    return top->testAttribute(Qt::WA_WState_ExplicitShowHide) && top->isHidden();
}

/**
 * @p view shows what @p pacer's poller fetches (PollPacer::addViewer()): the poll keeps its pace while this view (or
 * another of its viewers) is on screen and waits in the background while all of them are hidden (another tab is
 * open, or the window is minimised or closed). Follows @p view's show and hide events until either is destroyed.
 */
void pacePollWhileShown(QWidget* view, PollPacer* pacer);

} // namespace hlc::idle
