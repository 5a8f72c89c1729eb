#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace hlc {

class HealthProber;

/// The health probes of one host: service, status, latency, detail, last check.
/// Rows are the host's probes (a fixed list); each probe round updates them
/// with dataChanged.
class ServiceHealthModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceHealthModel)
public:
    enum Column
    {
        Service,
        Status,
        Latency,
        Detail,
        Checked,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole;
    static constexpr int UrlRole = Qt::UserRole + 1;       ///< the probe's URL
    static constexpr int BrowsableRole = Qt::UserRole + 2; ///< a web UI that may be opened in a browser

    ServiceHealthModel(HealthProber* prober, QString hostId, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QPointer<HealthProber> m_prober;
    QString m_hostId;
    int m_rows = 0;
};

} // namespace hlc
