#pragma once

#include "core/ActionJournal.h"
#include "core/Config.h"
#include "n8n/N8nTypes.h"

#include <QHash>
#include <QObject>

namespace hlc {

class SecretStore;
class ServiceDirectory;
namespace n8n {
class N8nClient;
}

/**
 * @brief The n8n webhook quick actions of every n8n service in the configuration ("webhooks" in the service
 * object), runnable from the agents panel and the tray. A header-auth secret is read from the keychain under
 * "<host>/<service>/<action id>" at each call. Every call's HTTP result is shown, and recorded through the
 * ActionJournal by the action's id (never its URL path).
 */
class WebhookActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookActions)
public:
    struct Entry
    {
        QString hostId;
        QString serviceId;
        n8n::WebhookAction action;
        /// "host-b/n8n/publish-newsletter": identifies the action app-wide.
        [[nodiscard]] QString key() const
        {
            return hostId + QLatin1Char('/') + serviceId + QLatin1Char('/') + action.id;
        }
    };

    /// The n8n services of @p services' config and their clients come from @p services; a webhook's own header
    /// secret is read from its SecretStore when the action runs.
    WebhookActions(ServiceDirectory* services, ActionJournal* journal, QObject* parent = nullptr);
    ~WebhookActions() override;

    [[nodiscard]] const QList<Entry>& actions() const { return m_entries; }
    /// Config problems (entries skipped), for a notice.
    [[nodiscard]] const QStringList& problems() const { return m_problems; }
    [[nodiscard]] bool isRunning(const QString& key) const { return m_running.contains(key); }

    /// Runs the action @p key; false when unknown or already running. The outcome arrives as finished().
    bool run(const QString& key);

signals:
    void started(const QString& key);
    /// @param message translated: "HTTP 200: Workflow was started" or the error
    void finished(const QString& key, bool ok, const QString& message);

private:
    void call(const Entry& e, const QString& secret);

    SecretStore* m_secrets;
    ActionJournal* m_journal;
    QList<Entry> m_entries;
    QStringList m_problems;
    QHash<QString, n8n::N8nClient*> m_clients; ///< by "<host>/<service>"
    QHash<QString, bool> m_running;
};

} // namespace hlc
