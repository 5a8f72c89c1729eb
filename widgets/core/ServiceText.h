#pragma once

#include "core/Config.h"

#include <QString>

namespace hlc {

/// The name of a service kind as people know it ("Proxmox VE", "Home Assistant", ...), translated.
[[nodiscard]] QString serviceKindTitle(ServiceKind kind);

/// What secret a service of @p kind with @p auth needs, for a prompt: "the API token secret of monitor@pve!hlc",
/// "a long-lived access token", ... @p user is the configured user or token id (may be empty). Translated.
[[nodiscard]] QString secretDescription(ServiceKind kind, AuthScheme auth, const QString& user);

} // namespace hlc
