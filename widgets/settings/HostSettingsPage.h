#pragma once

#include "settings/SettingsPage.h"

class QTreeWidget;
class QTreeWidgetItem;
class QPushButton;

namespace hlc {

/**
 * @brief The hosts and their services. Remove asks first; the removed service's keychain secret is deleted when
 * the dialog is applied. Add and Edit are answered by the host editor through addHostRequested() and
 * editServiceRequested().
 */
class HostSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostSettingsPage)
public:
    explicit HostSettingsPage(Config* config, QWidget* parent = nullptr);

    void reload() override;
    QString commit(QHash<QString, QString>* secrets) override;

    /// Selects service @p serviceId of host @p hostId (a host when @p serviceId is empty).
    void select(const QString& hostId, const QString& serviceId = {});

signals:
    void addHostRequested();
    void editServiceRequested(const QString& hostId, const QString& serviceId);
    /// A host or service was removed from the working config.
    void hostsChanged();

private:
    void removeSelected();
    void showDetails(const QString& hostId, const QString& serviceId);
    void updateButtons();

    QTreeWidget* m_tree;
    QPushButton* m_edit;
    QPushButton* m_remove;
};

} // namespace hlc
