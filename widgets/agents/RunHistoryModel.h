#pragma once

#include "agents/AgentsTypes.h"
#include "core/KeyedTableModel.h"

namespace hlc {

class AgentRunner;

/// The agent runs of AgentRunner::history(), merged by run id (selection survives a refresh).
class RunHistoryModel final : public KeyedTableModel<agents::Run>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunHistoryModel)
public:
    enum Column
    {
        Started,
        Agent,
        Run,
        Status,
        Progress,
        Duration,
        Tokens,
        Cost,
        ColumnCount
    };
    /// Raw value of a cell (QDateTime, double, qint64, ...) for sorting.
    static constexpr int RawRole = Qt::UserRole;
    /// The run id of a row (any column).
    static constexpr int RunIdRole = Qt::UserRole + 1;

    explicit RunHistoryModel(AgentRunner* runner, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Re-reads the runner's history.
    void refresh();

protected:
    [[nodiscard]] QString keyOf(const agents::Run& run) const override { return run.id; }

private:
    AgentRunner* m_runner;
};

} // namespace hlc
