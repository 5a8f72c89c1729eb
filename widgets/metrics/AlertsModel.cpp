#include "metrics/AlertsModel.h"

#include "core/Format.h"

#include <QColor>
#include <QSet>

namespace hlc {

AlertsModel::AlertsModel(AlertCenter* center, QHash<QString, QString> hostNames, QObject* parent)
    : QAbstractTableModel(parent)
    , m_center(center)
    , m_hostNames(std::move(hostNames))
{
    connect(center, &AlertCenter::alertsChanged, this, &AlertsModel::merge);
    merge();
}

int AlertsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
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
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AlertEntry& a = m_rows.at(index.row());
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
            return QColor(0xc0, 0x1c, 0x28);
        if (a.severity == AlertEntry::Severity::Warning)
            return QColor(0xb5, 0x83, 0x5a);
    }
    if (role == Qt::ForegroundRole && a.state == AlertEntry::State::Resolved)
        return QColor(Qt::gray);
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
    if (!m_center)
        return;
    const QList<AlertEntry>& next = m_center->alerts();
    QSet<QString> nextKeys;
    for (const AlertEntry& a : next)
        nextKeys.insert(a.fingerprint);
    // Remove rows that are gone (from the bottom so indexes stay valid).
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!nextKeys.contains(m_rows.at(row).fingerprint)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // Update the rest in place, append the new ones.
    QHash<QString, int> rowOf;
    for (int row = 0; row < m_rows.size(); ++row)
        rowOf.insert(m_rows.at(row).fingerprint, row);
    QList<AlertEntry> added;
    for (const AlertEntry& a : next) {
        const auto it = rowOf.constFind(a.fingerprint);
        if (it == rowOf.cend()) {
            added.append(a);
            continue;
        }
        if (!(m_rows.at(*it) == a)) {
            m_rows[*it] = a;
            emit dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

} // namespace hlc
