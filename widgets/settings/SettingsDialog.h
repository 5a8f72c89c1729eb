#pragma once

#include "core/Config.h"

#include <QDialog>
#include <QHash>

#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace hlc {

class GeneralSettingsPage;
class HostSettingsPage;
class MaintenanceSettingsPage;
class SettingsPage;

/**
 * @brief The one settings dialog: General, Notifications, Health probes, n8n webhooks, Hosts. It edits a copy of
 * the config; OK hands the copy and the secrets typed in to the applier (which saves the file and switches the app
 * to it, live). When the applier refuses, the dialog stays open and says why.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    enum Page
    {
        General,
        Notifications,
        Probes,
        Webhooks,
        Hosts,
        Maintenance
    };
    Q_ENUM(Page)

    /// Saves and applies; the translated reason when it did not.
    using Applier = std::function<std::optional<QString>(const Config&, const QHash<QString, QString>&)>;

    explicit SettingsDialog(const Config& config, QWidget* parent = nullptr);

    void setApplier(Applier applier) { m_applier = std::move(applier); }
    void setPage(Page page);
    [[nodiscard]] Page page() const;
    [[nodiscard]] HostSettingsPage* hostsPage() const { return m_hosts; }
    [[nodiscard]] MaintenanceSettingsPage* maintenancePage() const { return m_maintenance; }

    /// The problem shown (validation or save), empty when none.
    [[nodiscard]] QString problem() const;

public slots:
    void accept() override;

signals:
    void addHostRequested();
    void editServiceRequested(const QString& hostId, const QString& serviceId);

private:
    void showProblem(const QString& text);

    Config m_config; ///< the working copy every page edits
    Applier m_applier;
    QListWidget* m_list;
    QStackedWidget* m_stack;
    QLabel* m_problem;
    QList<SettingsPage*> m_pages;
    GeneralSettingsPage* m_general = nullptr;
    HostSettingsPage* m_hosts = nullptr;
    MaintenanceSettingsPage* m_maintenance = nullptr;
};

} // namespace hlc
