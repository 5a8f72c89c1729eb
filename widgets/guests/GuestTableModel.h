#pragma once

#include "core/KeyedTableModel.h"
#include "proxmox/ProxmoxTypes.h"

namespace hlc {

/// The Proxmox guests (VMs and LXC containers) of one host, keyed by "qemu/100" / "lxc/200".
class GuestTableModel final : public KeyedTableModel<pve::Resource>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestTableModel)
public:
    enum Column
    {
        VmId,
        Name,
        Type,
        Status,
        Cpu,
        Memory,
        Uptime,
        Tags,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole;     ///< the raw value for sorting
    static constexpr int KeyRole = Qt::UserRole + 1; ///< the row's key

    explicit GuestTableModel(QObject* parent = nullptr);

    void setGuests(const QList<pve::Resource>& guests);
    /// Shows @p text in the Status column of @p key while an action runs; empty: back to the status.
    void setProgress(const QString& key, const QString& text);
    [[nodiscard]] QString progress(const QString& key) const { return m_progress.value(key); }

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] QString keyOf(const pve::Resource& r) const override { return r.id; }
    /// Only what a row shows or an action checks: a refresh that moves nothing of it emits no dataChanged.
    [[nodiscard]] bool rowChanged(const pve::Resource& before, const pve::Resource& after) const override;

private:
    QHash<QString, QString> m_progress;
};

} // namespace hlc
