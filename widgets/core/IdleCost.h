#pragma once

#include <QString>
#include <QWidget>

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

} // namespace hlc::idle
