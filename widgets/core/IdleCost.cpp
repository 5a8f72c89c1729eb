#include "core/IdleCost.h"

#include "core/PollPacer.h"

#include <QEvent>
#include <QPointer>

namespace hlc::idle {

namespace {
/// Tells the pacer when its view is shown or hidden (a child of the view: gone with it).
class PollViewer final : public QObject
{
public:
    PollViewer(QWidget* view, PollPacer* pacer)
        : QObject(view)
        , m_view(view)
        , m_pacer(pacer)
    {
        pacer->addViewer(view);
        pacer->setViewerVisible(view, view->isVisible());
        view->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // Spontaneous ones too: a minimised window's widgets get a Hide event but stay isVisible().
        if (watched == m_view && m_pacer && (event->type() == QEvent::Show || event->type() == QEvent::Hide))
            m_pacer->setViewerVisible(m_view, event->type() == QEvent::Show);
        return false;
    }

private:
    QWidget* m_view;
    QPointer<PollPacer> m_pacer;
};
} // namespace

void pacePollWhileShown(QWidget* view, PollPacer* pacer)
{
    if (view && pacer)
        new PollViewer(view, pacer);
}

} // namespace hlc::idle
