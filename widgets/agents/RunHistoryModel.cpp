#include "agents/RunHistoryModel.h"

#include "agents/AgentRunner.h"
#include "core/Format.h"
#include "core/StatusColors.h"

#include <QBrush>
#include <QColor>

namespace hlc {

using namespace hlc::agents;

RunHistoryModel::RunHistoryModel(AgentRunner* runner, QObject* parent)
    : KeyedTableModel<agents::Run>(parent)
    , m_runner(runner)
{
    connect(m_runner, &AgentRunner::historyChanged, this, &RunHistoryModel::refresh);
    connect(m_runner, &AgentRunner::runChanged, this, &RunHistoryModel::refresh);
    connect(m_runner, &AgentRunner::agentsChanged, this, &RunHistoryModel::refresh);
    refresh();
}

void RunHistoryModel::refresh()
{
    mergeRows(m_runner->history());
}

int RunHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Started:
        return tr("Started");
    case Agent:
        return tr("Agent");
    case Run:
        return tr("Run");
    case Status:
        return tr("Status");
    case Progress:
        return tr("Progress");
    case Duration:
        return tr("Duration");
    case Tokens:
        return tr("Tokens");
    case Cost:
        return tr("Cost");
    default:
        return {};
    }
}

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const
{
    const agents::Run* r = rowAt(index.row());
    if (!r || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == RunIdRole)
        return r->id;
    const qint64 duration =
        r->startedAt.isValid()
            ? r->startedAt.secsTo(r->finishedAt.isValid() ? r->finishedAt : QDateTime::currentDateTimeUtc())
            : -1;
    if (role == RawRole) {
        switch (index.column()) {
        case Started:
            return r->createdAt;
        case Agent:
            return m_runner->runLabel(*r);
        case Run:
            return r->id;
        case Status:
            return static_cast<int>(r->status);
        case Progress:
            return r->progress;
        case Duration:
            return duration;
        case Tokens:
            return r->usage ? r->usage->totalTokens : qint64(-1);
        case Cost:
            return r->usage && r->usage->costUsd ? *r->usage->costUsd : -1.0;
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Started:
            return r->createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Agent:
            return m_runner->runLabel(*r);
        case Run:
            return r->id;
        case Status:
            return runStatusName(r->status);
        case Progress:
            return format::percent(r->progress);
        case Duration:
            return duration >= 0 ? format::duration(duration) : QStringLiteral("–");
        case Tokens:
            return r->usage ? QString::number(r->usage->totalTokens) : QStringLiteral("–");
        case Cost:
            return r->usage && r->usage->costUsd ? QStringLiteral("$%1").arg(*r->usage->costUsd, 0, 'f', 4)
                                                 : QStringLiteral("–");
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status) {
        switch (r->status) {
        case RunStatus::Succeeded:
            return QBrush(StatusColors::color(StatusColors::Role::Ok));
        case RunStatus::Failed:
            return QBrush(StatusColors::color(StatusColors::Role::Critical));
        case RunStatus::Cancelled:
            return QBrush(StatusColors::color(StatusColors::Role::Stale));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && !r->error.isEmpty())
        return r->error;
    return {};
}

} // namespace hlc
