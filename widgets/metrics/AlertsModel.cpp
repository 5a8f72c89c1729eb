#include "metrics/AlertsModel.h"

#include "core/Format.h"
#include "core/StatusColors.h"

#include <QColor>
#include <QTimer>

namespace hlc {

AlertsModel::AlertsModel(AlertCenter* center, QHash<QString, QString> hostNames, QObject* parent)
    : KeyedTableModel<AlertEntry>(parent)
    , m_center(center)
    , m_hostNames(std::move(hostNames))
{
    connect(center, &AlertCenter::alertsChanged, this, &AlertsModel::merge);
    merge();
    // "Since" is relative ("3 min ago"): it ages without the alert changing, so only that column is refreshed.
    auto* tick = new QTimer(this);
    tick->setInterval(kSinceRefreshMs);
    connect(tick, &QTimer::timeout, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, Since), index(rowCount() - 1, Since), {Qt::DisplayRole});
    });
    tick->start();
}

int AlertsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertsModel::severityText(AlertEntry::Severity s)
{
    switch (s) {
    case AlertEntry::Severity::Critical:
        return tr("critical");
    case AlertEntry::Severity::Warning:
        return tr("warning");
    case AlertEntry::Severity::Info:
        break;
    }
    return tr("info");
}

QString AlertsModel::stateText(AlertEntry::State s)
{
    switch (s) {
    case AlertEntry::State::Firing:
        return tr("firing");
    case AlertEntry::State::Silenced:
        return tr("silenced");
    case AlertEntry::State::Resolved:
        break;
    }
    return tr("resolved");
}

QVariant AlertsModel::data(const QModelIndex& index, int role) const
{
    const AlertEntry* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    const AlertEntry& a = *row;
    switch (role) {
    case FingerprintRole:
        return a.fingerprint;
    case HostIdRole:
        return a.hostId;
    case SeverityRole:
        return int(a.severity);
    case StateRole:
        return int(a.state);
    default:
        break;
    }
    const auto col = static_cast<Column>(index.column());
    if (role == RawRole) {
        switch (col) {
        case Severity:
            return int(a.severity);
        case Summary:
            return a.summary;
        case Host:
            return m_hostNames.value(a.hostId, a.labels.value(QStringLiteral("instance")));
        case State:
            return int(a.state);
        case Since:
            return a.since;
        case Labels:
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::DisplayRole || role == RawRole) {
        switch (col) {
        case Severity:
            return a.severityText.isEmpty() ? severityText(a.severity) : a.severityText;
        case Summary:
            return a.summary;
        case Host:
            return m_hostNames.value(a.hostId, a.labels.value(QStringLiteral("instance")));
        case State:
            if (a.state == AlertEntry::State::Silenced && a.inhibited && a.silenceIds.isEmpty())
                return tr("inhibited");
            return stateText(a.state);
        case Since:
            return a.since.isValid() ? format::ago(a.since.secsTo(QDateTime::currentDateTimeUtc())) : QString();
        case Labels: {
            QStringList parts;
            for (auto it = a.labels.cbegin(); it != a.labels.cend(); ++it)
                parts << it.key() + QLatin1Char('=') + it.value();
            return parts.join(QStringLiteral(", "));
        }
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        if (col == Since && a.since.isValid())
            return QLocale().toString(a.since.toLocalTime(), QLocale::ShortFormat);
        return a.description.isEmpty() ? a.summary : a.description;
    }
    if (role == Qt::ForegroundRole && col == Severity && a.state == AlertEntry::State::Firing) {
        if (a.severity == AlertEntry::Severity::Critical)
            return StatusColors::color(StatusColors::Role::Critical);
        if (a.severity == AlertEntry::Severity::Warning)
            return StatusColors::color(StatusColors::Role::Warning);
    }
    if (role == Qt::ForegroundRole && a.state == AlertEntry::State::Resolved)
        return StatusColors::color(StatusColors::Role::Stale);
    return {};
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity:
        return tr("Severity");
    case Summary:
        return tr("Summary");
    case Host:
        return tr("Host");
    case State:
        return tr("State");
    case Since:
        return tr("Since");
    case Labels:
        return tr("Labels");
    default:
        return {};
    }
}

void AlertsModel::merge()
{
    if (m_center)
        mergeRows(m_center->alerts());
}

} // namespace hlc
