#pragma once

#include "KeyedTableModel.h"
#include "portainer/PortainerTypes.h"

namespace hlc {

/// The Docker containers of one host, keyed by container id.
class ContainerTableModel final : public KeyedTableModel<portainer::Container>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerTableModel)
public:
    enum Column
    {
        Name,
        State,
        Health,
        Stack,
        Image,
        Status,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole;
    static constexpr int KeyRole = Qt::UserRole + 1;

    explicit ContainerTableModel(QObject* parent = nullptr);

    void setContainers(const QList<portainer::Container>& containers);
    void setProgress(const QString& key, const QString& text);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] QString keyOf(const portainer::Container& c) const override;

private:
    QHash<QString, QString> m_progress;
};

} // namespace hlc
