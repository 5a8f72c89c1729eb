#include "agents/WebhookActions.h"

#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "n8n/N8nClient.h"

namespace hlc {

WebhookActions::WebhookActions(ServiceDirectory* services, ActionJournal* journal, QObject* parent)
    : QObject(parent)
    , m_secrets(services->secretStore())
    , m_journal(journal)
{
    for (const HostConfig& h : services->config().hosts) {
        for (const ServiceConfig& s : h.services) {
            if (s.kind != ServiceKind::N8n)
                continue;
            QStringList problems;
            const QList<n8n::WebhookAction> actions = n8n::N8nClient::actionsFromConfig(s.extra, &problems);
            for (const QString& p : std::as_const(problems))
                m_problems << QStringLiteral("%1/%2: %3").arg(h.id, s.id, p);
            if (actions.isEmpty())
                continue;
            // Service-level auth (e.g. Basic in front of n8n) is the client's, applied by the directory; webhook header
            // auth is per action.
            m_clients.insert(h.id + QLatin1Char('/') + s.id, services->n8n(h.id, s.id));
            for (const n8n::WebhookAction& a : actions)
                m_entries << Entry{h.id, s.id, a};
        }
    }
}

WebhookActions::~WebhookActions() = default;

bool WebhookActions::run(const QString& key)
{
    const Entry* entry = nullptr;
    for (const Entry& e : m_entries) {
        if (e.key() == key)
            entry = &e;
    }
    if (!entry || m_running.contains(key))
        return false;
    m_running.insert(key, true);
    emit started(key);
    const Entry e = *entry;
    if (e.action.headerName.isEmpty()) {
        call(e, {});
        return true;
    }
    if (!m_secrets) {
        m_running.remove(key);
        emit finished(key, false, tr("No keychain to read the header secret of %1 from.").arg(e.action.name));
        return true;
    }
    m_secrets->read(
        secretKey(e.hostId, e.serviceId + QLatin1Char('/') + e.action.id), this, [this, e](const SecretResult& r) {
            if (r.ok()) {
                call(e, r.secret);
                return;
            }
            m_running.remove(e.key());
            const QString msg = r.status == SecretResult::Status::NotFound
                                    ? tr("No secret for the header %1 of %2 is stored (keychain key %3).")
                                          .arg(e.action.headerName, e.action.name,
                                               secretKey(e.hostId, e.serviceId + QLatin1Char('/') + e.action.id))
                                    : r.message;
            emit finished(e.key(), false, msg);
        });
    return true;
}

void WebhookActions::call(const Entry& e, const QString& secret)
{
    n8n::N8nClient* client = m_clients.value(e.hostId + QLatin1Char('/') + e.serviceId);
    ActionTarget target;
    target.hostId = e.hostId;
    target.service = ServiceKind::N8n;
    target.kind = ActionTarget::Kind::Webhook;
    target.id = e.action.id;
    target.label = e.action.name;
    const ActionJournal::Entry entry = m_journal->begin(target, QStringLiteral("trigger"));
    client->trigger(e.action, secret, this, [this, e, entry](Result<n8n::WebhookResult> r) {
        m_running.remove(e.key());
        QString message;
        ActionJournal::Outcome o;
        if (r) {
            message = tr("HTTP %1: %2").arg(r.value().status).arg(r.value().summary);
            o = ActionJournal::Outcome::ok(tr("%1 triggered").arg(e.action.name), message);
            o.detail = QStringLiteral("HTTP %1").arg(r.value().status);
        } else {
            message = r.error().message;
            o = r.error().outcomeUnknown
                    ? ActionJournal::Outcome::unknown(
                          message, tr("Check in n8n whether the workflow ran before triggering it again."),
                          tr("%1: outcome unknown").arg(e.action.name), message)
                    : ActionJournal::Outcome::failed(message, tr("%1 failed").arg(e.action.name), message);
        }
        m_journal->finish(entry, o);
        emit finished(e.key(), r.ok(), message);
    });
}

} // namespace hlc
