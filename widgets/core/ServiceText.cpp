#include "core/ServiceText.h"

#include "core/ServiceDirectory.h"

#include <QCoreApplication>

namespace hlc {

namespace {
// The translation context of these texts (lupdate reads ServiceText::tr).
struct ServiceText
{
    Q_DECLARE_TR_FUNCTIONS(ServiceText)
};
} // namespace

QString serviceKindTitle(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Proxmox:
        return ServiceText::tr("Proxmox VE");
    case ServiceKind::Portainer:
        return ServiceText::tr("Portainer");
    case ServiceKind::Prometheus:
        return ServiceText::tr("Prometheus");
    case ServiceKind::Alertmanager:
        return ServiceText::tr("Alertmanager");
    case ServiceKind::AdGuard:
        return ServiceText::tr("AdGuard Home");
    case ServiceKind::HomeAssistant:
        return ServiceText::tr("Home Assistant");
    case ServiceKind::Ollama:
        return ServiceText::tr("Ollama");
    case ServiceKind::Agents:
        return ServiceText::tr("Agent platform");
    case ServiceKind::N8n:
        return ServiceText::tr("n8n");
    }
    return serviceKindName(kind);
}

QString secretDescription(ServiceKind kind, AuthScheme auth, const QString& user)
{
    switch (auth) {
    case AuthScheme::PveToken:
        return user.isEmpty()
                   ? ServiceText::tr("the API token secret (a UUID, shown once when the token was created)")
                   : ServiceText::tr("the API token secret of %1 (a UUID, shown once when the token was created)")
                         .arg(user);
    case AuthScheme::PveTicket:
        return user.isEmpty() ? ServiceText::tr("the Proxmox password")
                              : ServiceText::tr("the Proxmox password of %1").arg(user);
    case AuthScheme::ApiKey:
        return kind == ServiceKind::Portainer ? ServiceText::tr("the Portainer API key (My account → Access tokens)")
                                              : ServiceText::tr("the API key");
    case AuthScheme::Basic:
        if (kind == ServiceKind::AdGuard)
            return user.isEmpty() ? ServiceText::tr("the AdGuard Home password")
                                  : ServiceText::tr("the AdGuard Home password of %1").arg(user);
        return user.isEmpty() ? ServiceText::tr("the password") : ServiceText::tr("the password of %1").arg(user);
    case AuthScheme::Bearer:
    case AuthScheme::None:
        break;
    }
    switch (kind) {
    case ServiceKind::HomeAssistant:
        return ServiceText::tr("a long-lived access token (Home Assistant profile → Security)");
    case ServiceKind::Agents:
        return ServiceText::tr("the agent platform's bearer token");
    case ServiceKind::Ollama:
        return ServiceText::tr("the bearer token of the proxy in front of Ollama");
    case ServiceKind::N8n:
        return ServiceText::tr("the value of the webhook's authentication header");
    case ServiceKind::Portainer:
        return ServiceText::tr("the Portainer API key (My account → Access tokens)");
    case ServiceKind::Proxmox:
        return ServiceText::tr("the API token secret");
    case ServiceKind::Prometheus:
    case ServiceKind::Alertmanager:
    case ServiceKind::AdGuard:
        break;
    }
    return ServiceText::tr("the bearer token");
}

QStringList serviceApiFailures(const ServiceDirectory* services, const QString& hostId)
{
    QStringList lines;
    const HostConfig* host = services ? services->config().host(hostId) : nullptr;
    if (!host)
        return lines;
    for (const ServiceConfig& s : host->services) {
        if (const std::optional<ApiError> f = services->apiFailure(hostId, s.id))
            lines << ServiceText::tr("%1 API: %2").arg(serviceKindTitle(s.kind), f->message);
    }
    return lines;
}

} // namespace hlc
