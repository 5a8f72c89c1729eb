#pragma once

#include "core/Config.h"

#include <QString>
#include <QStringList>

namespace hlc {

/// The name of a service kind as people know it ("Proxmox VE", "Home Assistant", ...), translated.
[[nodiscard]] QString serviceKindTitle(ServiceKind kind);

/// What secret a service of @p kind with @p auth needs, for a prompt: "the API token secret of monitor@pve!hlc",
/// "a long-lived access token", ... @p user is the configured user or token id (may be empty). Translated.
[[nodiscard]] QString secretDescription(ServiceKind kind, AuthScheme auth, const QString& user);

class ServiceDirectory;

/// One line per service of @p hostId whose API is failing now ("Portainer API: answer not from the pinned
/// certificate ..."), for the host's card and its services tab. Translated.
[[nodiscard]] QStringList serviceApiFailures(const ServiceDirectory* services, const QString& hostId);

} // namespace hlc
