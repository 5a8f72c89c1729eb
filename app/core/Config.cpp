#include "core/Config.h"

#include <array>
#include <utility>

namespace hlc {

namespace {

// The names are part of the file format: never change one, only add.
constexpr std::array<std::pair<ServiceKind, const char*>, 9> kServiceKindNames{{
    {ServiceKind::Proxmox, "proxmox"},
    {ServiceKind::Portainer, "portainer"},
    {ServiceKind::Prometheus, "prometheus"},
    {ServiceKind::Alertmanager, "alertmanager"},
    {ServiceKind::AdGuard, "adguard"},
    {ServiceKind::HomeAssistant, "homeassistant"},
    {ServiceKind::Ollama, "ollama"},
    {ServiceKind::Agents, "agents"},
    {ServiceKind::N8n, "n8n"},
}};

constexpr std::array<std::pair<AuthScheme, const char*>, 6> kAuthSchemeNames{{
    {AuthScheme::None, "none"},
    {AuthScheme::PveToken, "pve-token"},
    {AuthScheme::PveTicket, "pve-ticket"},
    {AuthScheme::ApiKey, "api-key"},
    {AuthScheme::Bearer, "bearer"},
    {AuthScheme::Basic, "basic"},
}};

} // namespace

QString serviceKindName(ServiceKind kind)
{
    for (const auto& [k, name] : kServiceKindNames) {
        if (k == kind) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

std::optional<ServiceKind> serviceKindFromName(const QString& name)
{
    for (const auto& [k, n] : kServiceKindNames) {
        if (name == QLatin1String(n)) {
            return k;
        }
    }
    return std::nullopt;
}

QString authSchemeName(AuthScheme scheme)
{
    for (const auto& [s, name] : kAuthSchemeNames) {
        if (s == scheme) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

std::optional<AuthScheme> authSchemeFromName(const QString& name)
{
    for (const auto& [s, n] : kAuthSchemeNames) {
        if (name == QLatin1String(n)) {
            return s;
        }
    }
    return std::nullopt;
}

bool cleartextAuth(const ServiceConfig& s)
{
    return s.auth != AuthScheme::None && s.baseUrl.scheme() == QLatin1String("http");
}

bool cleartextAuthRefused(const ServiceConfig& s)
{
    return cleartextAuth(s) && !s.allowCleartextAuth;
}

const HostConfig* Config::host(const QString& id) const
{
    for (const HostConfig& h : hosts) {
        if (h.id == id) {
            return &h;
        }
    }
    return nullptr;
}

const ServiceConfig* Config::service(const QString& hostId, const QString& serviceId) const
{
    const HostConfig* h = host(hostId);
    if (!h)
        return nullptr;
    for (const ServiceConfig& s : h->services) {
        if (s.id == serviceId)
            return &s;
    }
    return nullptr;
}

QString ConfigError::toString() const
{
    QString out;
    if (!file.isEmpty()) {
        out += file;
        if (line > 0) {
            out += QLatin1Char(':') + QString::number(line);
            if (column > 0) {
                out += QLatin1Char(':') + QString::number(column);
            }
        }
        out += QLatin1String(": ");
    }
    if (!field.isEmpty()) {
        out += field + QLatin1String(": ");
    }
    out += message;
    return out;
}

Endpoint endpointFor(const ServiceConfig& s, bool shortRetries)
{
    Endpoint e;
    e.baseUrl = s.baseUrl;
    e.credentials.scheme = s.auth;
    e.credentials.user = s.user;
    e.timeoutMs = s.timeoutMs;
    e.pinnedSha256 = s.pinnedSha256;
    if (shortRetries) {
        e.maxRetries = 1;
        e.retryBaseDelayMs = 250;
    }
    return e;
}

} // namespace hlc
