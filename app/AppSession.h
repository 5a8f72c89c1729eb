#pragma once

#include "core/Config.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace hlc {

class Homelab;
class SecretStore;
namespace sim {
class Simulator;
}

/**
 * @brief The one owner of what the window shows: the configuration, the live Homelab built from it and, in demo
 * mode, the built-in simulator. It can replace the Homelab while the app runs (start the demo from the welcome page,
 * apply the settings dialog): listeners drop every pointer into the old one on aboutToReplaceHomelab(), then the old
 * one is stopped and deleted, and homelabReplaced() hands out the new one, already started.
 *
 * Call the switching functions from a queued context when the caller is a widget that the switch deletes (a button
 * on the welcome page).
 */
class AppSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppSession)
public:
    enum class Mode
    {
        FirstRun,      ///< no config file yet: the welcome page; saving creates the file at configPath()
        Configured,    ///< the user's config file, loaded
        ConfigProblem, ///< the file exists but did not load: it is never written (see problem())
        Demo,          ///< the built-in simulator; nothing is saved, secrets stay in memory
    };
    Q_ENUM(Mode)

    /// @p secrets and @p nam must outlive the session.
    AppSession(SecretStore* secrets, QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~AppSession() override;

    /// Moves a config file from the old doubled path once (see notice()), then opens ConfigStore::defaultPath().
    void openDefaultConfig();
    /// Loads @p path: a missing file is a first run, a broken one a ConfigProblem (never overwritten).
    void openConfig(const QString& path);
    /// Starts the built-in simulator and switches to it, exactly as `--demo`. False (and @p error) when it cannot.
    bool startDemo(QString* error = nullptr);
    /// `--demo --old-servers`: the simulator serves the oldest server versions the app supports (PVE 7.4, AdGuard
    /// Home v0.105, Home Assistant without subscribe_entities, Alertmanager 0.25). Set before startDemo().
    void setDemoOldServers(bool old) { m_demoOldServers = old; }
    [[nodiscard]] bool demoOldServers() const { return m_demoOldServers; }

    /**
     * @brief Saves @p config (atomically, mode 0600, unknown keys kept) and switches the app to it: a service added
     * starts polling, one removed stops. The keychain entries of services and webhooks that are gone are removed;
     * @p secrets (keychain key -> value, e.g. a webhook's header secret) are stored in the keychain, never in the file.
     * In demo mode nothing is saved. @return the translated reason when nothing was changed
     */
    std::optional<QString> apply(const Config& config, const QHash<QString, QString>& secrets = {});

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] Homelab* homelab() const { return m_homelab.get(); }
    [[nodiscard]] const Config& config() const;
    /// Where the config is read from and saved to (empty in demo mode and after a problem).
    [[nodiscard]] QString configPath() const { return m_path; }
    /// Why the config file was not loaded (translated, names file, line/field); empty unless ConfigProblem.
    [[nodiscard]] QString problem() const { return m_problem; }
    /// A calm line for the window (the config was moved from the old path, ...); empty when there is nothing to say.
    [[nodiscard]] QString notice() const { return m_notice; }
    [[nodiscard]] sim::Simulator* simulator() const { return m_simulator.get(); }
    [[nodiscard]] SecretStore* secrets() const { return m_secrets; }

signals:
    /// Drop every pointer into homelab() now: it is stopped and deleted right after this signal.
    void aboutToReplaceHomelab();
    /// @p homelab (started) replaces the previous one; mode(), problem() and configPath() are already updated.
    void homelabReplaced(hlc::Homelab* homelab);

private:
    void replace(const Config& config, const QString& savePath, bool demo);
    void forgetSecretsOfRemoved(const Config& before, const Config& after);

    SecretStore* m_secrets;
    QNetworkAccessManager* m_nam;
    std::unique_ptr<sim::Simulator> m_simulator;
    std::unique_ptr<Homelab> m_homelab;
    Mode m_mode = Mode::FirstRun;
    QString m_path;
    QString m_problem;
    QString m_notice;
    bool m_demoOldServers = false;
};

} // namespace hlc
