#pragma once

#include <QSortFilterProxyModel>

namespace hlc {

/// Filters AlertsModel rows by host and minimum severity; sorts on the raw role.
class AlertsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsFilterModel)
public:
    explicit AlertsFilterModel(QObject* parent = nullptr);

    /// Empty: every host.
    void setHostId(const QString& hostId);
    /// int(AlertEntry::Severity); rows below are hidden. -1: all.
    void setMinimumSeverity(int severity);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_hostId;
    int m_minSeverity = -1;
};

} // namespace hlc
