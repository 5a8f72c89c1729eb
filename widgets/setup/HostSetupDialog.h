#pragma once

#include "core/Config.h"
#include "setup/Discovery.h"

#include <QDialog>
#include <QHash>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;

namespace hlc {

class SecretStore;
class ServiceSetupPage;

/**
 * @brief Adds a host with its services (or edits one service) without editing a file: fields per kind, discovery,
 * "Test connection" with the step list, certificate trust, least-privilege help, and Save.
 *
 * Save refuses a secret over http:// unless the service allows it, checks the resulting configuration with the
 * same rules as loading, stores each typed secret in the keychain (SecretStore, key secretKey(host, service)) and
 * returns the new Config; the caller saves the file, or setSavePath() makes Save write it (ConfigStore::save) for
 * standalone use. Secrets never go into the Config.
 */
class HostSetupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostSetupDialog)
public:
    /// Add-a-host mode on top of @p current.
    HostSetupDialog(const Config& current, SecretStore* secrets, QNetworkAccessManager* nam, QWidget* parent = nullptr);
    ~HostSetupDialog() override;

    /// Edit mode: only service @p serviceId of host @p hostId (false: no such service).
    bool editService(const QString& hostId, const QString& serviceId);

    /// Save also writes the configuration to @p path (atomic, 0600) before the dialog closes.
    void setSavePath(const QString& path) { m_savePath = path; }
    /// The ports "Discover services" probes (default: Discovery::defaultCandidates()).
    void setDiscoveryCandidates(const QList<DiscoveryCandidate>& candidates);

    /// The configuration after Save (the current one before).
    [[nodiscard]] const Config& config() const { return m_result; }
    /// The service pages, in list order.
    [[nodiscard]] QList<ServiceSetupPage*> pages() const;
    /// Adds a page for @p service (what "Add service" and discovery do) and shows it.
    ServiceSetupPage* addService(const ServiceConfig& service);

    /**
     * @brief Save hands the secrets to the caller instead of the keychain (deferredSecrets()).
     *
     * For an editor inside another dialog (the settings): its secrets must reach the keychain only when that dialog
     * is applied, never when it is cancelled.
     */
    void setDeferSecrets(bool defer) { m_deferSecrets = defer; }
    /// After Save with setDeferSecrets(true): keychain key -> secret of each service given one.
    [[nodiscard]] const QHash<QString, QString>& deferredSecrets() const { return m_deferred; }

    /// Runs the dialog in add-a-host mode; the new Config, or std::nullopt when cancelled. With @p deferSecretsTo,
    /// the secrets typed go there (key -> secret) instead of the keychain.
    [[nodiscard]] static std::optional<Config> addHost(const Config& current, SecretStore* secrets,
                                                       QNetworkAccessManager* nam, QWidget* parent = nullptr,
                                                       QHash<QString, QString>* deferSecretsTo = nullptr);
    /// Runs the dialog for one existing service; the new Config, or std::nullopt when cancelled.
    [[nodiscard]] static std::optional<Config> editService(const Config& current, const QString& hostId,
                                                           const QString& serviceId, SecretStore* secrets,
                                                           QNetworkAccessManager* nam, QWidget* parent = nullptr,
                                                           QHash<QString, QString>* deferSecretsTo = nullptr);

    /// A host id from a name: lower-case, [a-z0-9-], unique in @p c ("host" when nothing is left).
    [[nodiscard]] static QString hostIdFor(const QString& name, const Config& c);

signals:
    /// Discovery ended with @p count services added.
    void discoveryFinished(int count);
    /// Save finished: secrets stored (and the file written with setSavePath()); the dialog accepts right after.
    void saved(const hlc::Config& config);

private:
    void discover();
    void removeCurrentService();
    void save();
    void storeSecrets(const Config& config, const QList<QPair<QString, QString>>& secrets);
    void finishSave(const Config& config);
    void showError(const QString& text);
    void refreshList();

    Config m_current;
    Config m_result;
    SecretStore* m_secrets;
    QNetworkAccessManager* m_nam;
    Discovery* m_discovery;
    QString m_savePath;
    QString m_editHostId; ///< edit mode: the host and service edited
    QString m_editServiceId;
    QList<DiscoveryCandidate> m_baseCandidates; ///< the usual ports (tests: the simulator's)
    QLineEdit* m_extraPorts = nullptr;
    bool m_deferSecrets = false;
    QHash<QString, QString> m_deferred;
    int m_pendingWrites = 0;
    QStringList m_writeErrors;

    QLineEdit* m_name;
    QLineEdit* m_address;
    QLineEdit* m_role;
    QPushButton* m_discover;
    QLabel* m_discoverStatus;
    QComboBox* m_addKind;
    QPushButton* m_add;
    QPushButton* m_remove;
    QListWidget* m_list;
    QStackedWidget* m_stack;
    QLabel* m_error;
    QPushButton* m_save;
};

} // namespace hlc
