#include "core/TableSizing.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QHelpEvent>
#include <QPointer>
#include <QTableView>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace hlc::tablesizing {

namespace {

/// Fits the columns; @p widenOnly keeps every column at least as wide as it is (later data: areas that arrive after
/// the states, longer names), so a refresh never makes the columns jump narrower under the user's eyes.
void fit(QTableView* view, int stretchColumn, bool widenOnly = false)
{
    QHeaderView* header = view->horizontalHeader();
    QAbstractItemModel* model = view->model();
    if (!model || stretchColumn >= model->columnCount() || header->property(kRestoredProperty).toBool())
        return;
    header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    if (model->rowCount() == 0)
        return;
    const int limit = std::max(120, view->viewport()->width() / 3);
    for (int c = 0; c < model->columnCount(); ++c) {
        if (c == stretchColumn || header->isSectionHidden(c))
            continue;
        const int before = header->sectionSize(c);
        header->setSectionResizeMode(c, QHeaderView::Interactive);
        const int wanted = std::min(static_cast<QAbstractItemView*>(view)->sizeHintForColumn(c) + 8, limit);
        const int width = std::max(wanted, std::max(header->sectionSizeHint(c), widenOnly ? before : 0));
        if (width != before)
            header->resizeSection(c, width);
    }
    view->setProperty("hlcColumnsFitted", true);
}

/// Keeps one table's columns fitted and shows a cut cell's whole text on hover.
class Fitter : public QObject
{
public:
    Fitter(QTableView* view, int stretchColumn)
        : QObject(view)
        , m_view(view)
        , m_stretch(stretchColumn)
    {
        // Changed cells widen the columns at most every two seconds: one timer, however many changes (a Home
        // Assistant with 50 state changes a second measures its first rows once per period, not 100 times).
        m_widen.setSingleShot(true);
        m_widen.setInterval(2000);
        connect(&m_widen, &QTimer::timeout, this, [this] {
            if (m_view->isVisible())
                fit(m_view, m_stretch, true);
            else
                m_pending = true; // a hidden tab's columns widen when it is shown
        });
        view->installEventFilter(this);
        view->viewport()->installEventFilter(this);
        if (QAbstractItemModel* model = view->model()) {
            connect(model, &QAbstractItemModel::rowsInserted, this, &Fitter::changed);
            connect(model, &QAbstractItemModel::layoutChanged, this, &Fitter::changed);
            connect(model, &QAbstractItemModel::dataChanged, this, &Fitter::changed);
            connect(model, &QAbstractItemModel::modelReset, this, [this] {
                m_view->setProperty("hlcColumnsFitted", false);
                fit(m_view, m_stretch);
            });
        }
        changed();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_view && event->type() == QEvent::Show && m_pending) {
            m_pending = false;
            fit(m_view, m_stretch, true);
            return false;
        }
        if (event->type() != QEvent::ToolTip || watched != m_view->viewport())
            return false;
        auto* help = static_cast<QHelpEvent*>(event);
        const QModelIndex index = m_view->indexAt(help->pos());
        if (!index.isValid() || !index.data(Qt::ToolTipRole).toString().isEmpty())
            return false; // the model's own tooltip
        const QString text = index.data(Qt::DisplayRole).toString();
        const QRect cell = m_view->visualRect(index);
        const int needed = m_view->fontMetrics().horizontalAdvance(text) + 8;
        if (text.isEmpty() || needed <= cell.width()) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QToolTip::showText(help->globalPos(), text, m_view->viewport(), cell);
        return true;
    }

private:
    void changed()
    {
        if (!m_view->property("hlcColumnsFitted").toBool())
            fit(m_view, m_stretch);
        else if (!m_widen.isActive())
            m_widen.start();
    }

    QTableView* m_view;
    int m_stretch;
    QTimer m_widen;
    bool m_pending = false;
};

} // namespace

void fitToContents(QTableView* view, int stretchColumn)
{
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    QHeaderView* header = view->horizontalHeader();
    header->setStretchLastSection(false);
    // The first rows tell the width; 5,000 entities are not measured (a column's size hint counts rows by the vertical
    // header's precision).
    header->setResizeContentsPrecision(64);
    view->verticalHeader()->setResizeContentsPrecision(64);
    header->setMinimumSectionSize(40);
    new Fitter(view, stretchColumn);
}

} // namespace hlc::tablesizing
