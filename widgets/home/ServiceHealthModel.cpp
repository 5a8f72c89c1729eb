#include "home/ServiceHealthModel.h"

#include "core/StatusColors.h"
#include "home/HealthProber.h"

#include <QColor>
#include <QLocale>

namespace hlc {

ServiceHealthModel::ServiceHealthModel(HealthProber* prober, QString hostId, QObject* parent)
    : QAbstractTableModel(parent)
    , m_prober(prober)
    , m_hostId(std::move(hostId))
{
    if (!m_prober)
        return;
    m_rows = static_cast<int>(m_prober->results(m_hostId).size());
    connect(m_prober, &HealthProber::hostUpdated, this, [this](const QString& updatedHost) {
        if (updatedHost != m_hostId || m_rows == 0)
            return;
        emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    });
}

int ServiceHealthModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ServiceHealthModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceHealthModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_prober)
        return {};
    const QList<ProbeResult> results = m_prober->results(m_hostId);
    if (index.row() >= results.size())
        return {};
    const ProbeResult& r = results.at(index.row());
    if (role == UrlRole)
        return r.probe.url;
    if (role == BrowsableRole)
        return r.probe.openInBrowser;
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (r.state == ProbeResult::State::Down)
            return StatusColors::color(StatusColors::Role::Critical);
        if (r.state == ProbeResult::State::Up)
            return StatusColors::color(StatusColors::Role::Ok);
        return {};
    }
    if (role == Qt::ToolTipRole)
        return r.probe.url.toString();
    const bool raw = role == RawRole;
    if (role != Qt::DisplayRole && !raw)
        return {};
    switch (index.column()) {
    case Service:
        return r.probe.name;
    case Status:
        if (raw)
            return static_cast<int>(r.state);
        switch (r.state) {
        case ProbeResult::State::Up:
            return tr("up");
        case ProbeResult::State::Down:
            return tr("down");
        case ProbeResult::State::Unknown:
            return tr("checking…");
        }
        return {};
    case Latency:
        if (raw)
            return r.latencyMs;
        return r.latencyMs >= 0 ? tr("%1 ms").arg(r.latencyMs) : QString();
    case Detail:
        return r.detail;
    case Checked:
        if (raw)
            return r.checkedAt;
        return r.checkedAt.isValid() ? QLocale().toString(r.checkedAt.toLocalTime().time(), QLocale::LongFormat)
                                     : QString();
    default:
        return {};
    }
}

QVariant ServiceHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Service:
        return tr("Service");
    case Status:
        return tr("Status");
    case Latency:
        return tr("Latency");
    case Detail:
        return tr("Detail");
    case Checked:
        return tr("Checked");
    default:
        return {};
    }
}

} // namespace hlc
