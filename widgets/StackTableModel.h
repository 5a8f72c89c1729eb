#pragma once

#include "KeyedTableModel.h"
#include "portainer/PortainerTypes.h"

namespace hlc {

/// The Portainer stacks of one host, keyed by stack id, with their containers' counts.
class StackTableModel final : public KeyedTableModel<portainer::Stack>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StackTableModel)
public:
    enum Column
    {
        Name,
        Status,
        Containers,
        Id,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole;
    static constexpr int KeyRole = Qt::UserRole + 1;

    explicit StackTableModel(QObject* parent = nullptr);

    void setStacks(const QList<portainer::Stack>& stacks, const QList<portainer::Container>& containers);
    void setProgress(const QString& key, const QString& text);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] QString keyOf(const portainer::Stack& s) const override;

private:
    QHash<QString, QPair<int, int>> m_counts; ///< stack name -> (running, total)
    QHash<QString, QString> m_progress;
};

} // namespace hlc
