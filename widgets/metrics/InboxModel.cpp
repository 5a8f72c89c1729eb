#include "metrics/InboxModel.h"

#include "core/Format.h"
#include "core/StatusColors.h"

#include <QLocale>
#include <QTimer>

namespace hlc {

namespace {
constexpr int kSinceRefreshMs = 30000;

QString shownTime(const QDateTime& t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

InboxModel::InboxModel(AlertInbox* inbox, QObject* parent)
    : KeyedTableModel<InboxItem>(parent)
    , m_inbox(inbox)
{
    connect(inbox, &AlertInbox::itemsChanged, this, &InboxModel::merge);
    merge();
    // "Since" is relative: it ages without the item changing, so only that column is refreshed.
    auto* tick = new QTimer(this);
    tick->setInterval(kSinceRefreshMs);
    connect(tick, &QTimer::timeout, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, Since), index(rowCount() - 1, Since), {Qt::DisplayRole});
    });
    tick->start();
}

void InboxModel::merge()
{
    if (m_inbox)
        mergeRows(m_inbox->items());
}

int InboxModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InboxModel::sourceText(InboxItem::Source s)
{
    switch (s) {
    case InboxItem::Source::Alert:
        return tr("Alert");
    case InboxItem::Source::Container:
        return tr("Container");
    case InboxItem::Source::Probe:
        return tr("Health check");
    case InboxItem::Source::AgentRun:
        return tr("Agent run");
    case InboxItem::Source::Maintenance:
        return tr("Maintenance");
    case InboxItem::Source::Proxmox:
        return tr("Proxmox");
    case InboxItem::Source::Certificate:
        return tr("Certificate");
    }
    return {};
}

QString InboxModel::severityText(InboxItem::Severity s)
{
    switch (s) {
    case InboxItem::Severity::Critical:
        return tr("critical");
    case InboxItem::Severity::Warning:
        return tr("warning");
    case InboxItem::Severity::Info:
        break;
    }
    return tr("info");
}

QString InboxModel::stateText(const InboxItem& i)
{
    switch (i.state) {
    case InboxItem::State::Open:
        return tr("needs attention");
    case InboxItem::State::Acknowledged:
        return tr("acknowledged by %1 until it clears (at most until %2)").arg(i.by, shownTime(i.until));
    case InboxItem::State::Snoozed:
        return i.reason.isEmpty() ? tr("snoozed until %1").arg(shownTime(i.until))
                                  : tr("snoozed until %1: %2").arg(shownTime(i.until), i.reason);
    case InboxItem::State::Silenced:
        return tr("silenced in Alertmanager");
    case InboxItem::State::Suppressed:
        return tr("suppressed by %1 until %2: %3").arg(i.by, shownTime(i.until), i.reason);
    case InboxItem::State::Held:
        if (i.source == InboxItem::Source::Maintenance && i.key.startsWith(QLatin1String("maintenance/")))
            return i.until.isValid() ? tr("in maintenance until %1").arg(shownTime(i.until)) : tr("in maintenance");
        if (!i.until.isValid())
            return tr("held: %1").arg(i.reason);
        return tr("held until %1 (%2)").arg(shownTime(i.until), i.reason);
    }
    return {};
}

QVariant InboxModel::data(const QModelIndex& index, int role) const
{
    const InboxItem* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    const InboxItem& i = *row;
    if (role == KeyRole)
        return i.key;
    const auto col = static_cast<Column>(index.column());
    const QString host = m_inbox ? m_inbox->hostName(i.hostId) : i.hostId;
    if (role == RawRole) {
        switch (col) {
        case Severity:
            return int(i.severity);
        case Summary:
            return i.summary;
        case Source:
            return int(i.source);
        case Host:
            return host;
        case Since:
            return i.since;
        case State:
            return int(i.state);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (col) {
        case Severity:
            return severityText(i.severity);
        case Summary:
            return i.summary;
        case Source:
            return sourceText(i.source);
        case Host:
            return host;
        case Since:
            return i.since.isValid() ? format::ago(i.since.secsTo(QDateTime::currentDateTimeUtc())) : QString();
        case State:
            return stateText(i);
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        if (col == Since && i.since.isValid())
            return shownTime(i.since);
        if (col == State && !i.silenceId.isEmpty())
            return tr("Alertmanager silence %1").arg(i.silenceId);
        return i.detail.isEmpty() ? i.summary : i.detail;
    }
    if (role == Qt::ForegroundRole) {
        if (i.state != InboxItem::State::Open)
            return StatusColors::color(StatusColors::Role::Stale);
        if (col == Severity && i.severity == InboxItem::Severity::Critical)
            return StatusColors::color(StatusColors::Role::Critical);
        if (col == Severity && i.severity == InboxItem::Severity::Warning)
            return StatusColors::color(StatusColors::Role::Warning);
    }
    return {};
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity:
        return tr("Severity");
    case Summary:
        return tr("What");
    case Source:
        return tr("Source");
    case Host:
        return tr("Host");
    case Since:
        return tr("Since");
    case State:
        return tr("State");
    default:
        break;
    }
    return {};
}

} // namespace hlc
