#include "core/CommandPalette.h"

#include "core/CommandSearch.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace hlc {

namespace {
constexpr int kIndexRole = Qt::UserRole + 1;
constexpr int kIdRole = Qt::UserRole + 2;
constexpr int kMaxShown = 200;
} // namespace

CommandPalette::CommandPalette(Provider provider, QWidget* parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint)
    , m_provider(std::move(provider))
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_search->setPlaceholderText(tr("Type a command, a guest, a stack, an entity or a tab…"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("paletteResults"));
    m_list->setUniformItemSizes(true);
    m_list->setAlternatingRowColors(true);
    m_hint->setObjectName(QStringLiteral("paletteHint"));
    m_hint->setText(tr("↑↓ choose · Enter run · Esc close · actions that change something ask first"));
    m_hint->setEnabled(false); // greyed: a hint, not content
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_hint);
    setStyleSheet(QStringLiteral("QDialog#commandPalette { border: 1px solid palette(mid); }"));

    connect(m_search, &QLineEdit::textChanged, this, &CommandPalette::filter);
    connect(m_list, &QListWidget::itemActivated, this, [this] { runSelected(); });
}

void CommandPalette::popup()
{
    m_entries = m_provider ? m_provider() : QList<PaletteEntry>{};
    m_search->clear();
    filter();
    if (QWidget* w = parentWidget() ? parentWidget()->window() : nullptr) {
        const int width = qBound(420, w->width() * 3 / 5, 760);
        const int height = qBound(240, w->height() * 3 / 5, 520);
        resize(width, height);
        const QPoint topLeft = w->mapToGlobal(QPoint((w->width() - width) / 2, qMin(80, w->height() / 8)));
        move(topLeft);
    }
    show();
    raise();
    activateWindow();
    m_search->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::filter()
{
    QStringList titles;
    titles.reserve(m_entries.size());
    for (const PaletteEntry& e : std::as_const(m_entries))
        titles << e.title + QLatin1Char(' ') + e.kind;
    const QList<int> order = CommandSearch::rank(m_search->text(), titles);
    // Letters scattered over a long title match too, but far below a real hit: keep what is close to the best.
    const int best = order.isEmpty() ? 0 : CommandSearch::score(m_search->text(), titles.at(order.first())).value_or(0);
    m_list->clear();
    for (int i : order) {
        if (m_list->count() >= kMaxShown)
            break;
        if (best > 0 && CommandSearch::score(m_search->text(), titles.at(i)).value_or(0) * 5 < best * 2)
            break;
        const PaletteEntry& e = m_entries.at(i);
        auto* item =
            new QListWidgetItem(e.kind.isEmpty() ? e.title : QStringLiteral("%1: %2").arg(e.kind, e.title), m_list);
        item->setData(kIndexRole, i);
        item->setData(kIdRole, e.id);
        item->setToolTip(e.asks ? tr("%1 (asks before it changes anything)").arg(e.title) : e.title);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        m_hint->setText(tr("Nothing matches “%1”.").arg(m_search->text()));
    if (m_list->count() > 0)
        m_hint->setText(tr("↑↓ choose · Enter run · Esc close · actions that change something ask first"));
}

QStringList CommandPalette::shownIds() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->data(kIdRole).toString();
    return out;
}

bool CommandPalette::runEntry(const QString& id)
{
    for (const PaletteEntry& e : std::as_const(m_entries)) {
        if (e.id != id)
            continue;
        const PaletteEntry copy = e; // the action may rebuild the window and with it this list
        hide();
        if (copy.run)
            copy.run();
        emit entryRun(copy.id);
        return true;
    }
    return false;
}

bool CommandPalette::runSelected()
{
    const QListWidgetItem* item = m_list->currentItem();
    return item && runEntry(item->data(kIdRole).toString());
}

bool CommandPalette::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp: {
            const int rows = m_list->count();
            if (rows == 0)
                return true;
            const int step = key->key() == Qt::Key_Down       ? 1
                             : key->key() == Qt::Key_Up       ? -1
                             : key->key() == Qt::Key_PageDown ? 10
                                                              : -10;
            m_list->setCurrentRow(qBound(0, m_list->currentRow() + step, rows - 1));
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runSelected();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace hlc
