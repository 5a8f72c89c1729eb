#pragma once

#include "core/KeyedTableModel.h"
#include "ollama/OllamaTypes.h"

namespace hlc {

class LlmMonitor;

/// The models Ollama has loaded (LlmMonitor::loadedModels()), merged by name.
class LoadedModelsModel final : public KeyedTableModel<ollama::LoadedModel>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadedModelsModel)
public:
    enum Column
    {
        Name,
        Size,
        VramShare,
        Context,
        ExpiresIn,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole;

    explicit LoadedModelsModel(LlmMonitor* monitor, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void refresh();

protected:
    [[nodiscard]] QString keyOf(const ollama::LoadedModel& m) const override { return m.name; }

private:
    LlmMonitor* m_monitor;
};

} // namespace hlc
