#pragma once

#include "setup/ImportPlan.h"

#include <QByteArray>
#include <QCoreApplication>

namespace hlc {

/**
 * @brief Reads Homepage's (gethomepage.dev) `services.yaml` and `widgets.yaml` into import rows, with yaml-cpp.
 *
 * services.yaml is a list of groups, each a list of services, each with an optional `widget:` whose `type` we map:
 * proxmox (url, username = token id, password = token secret, node), portainer (url, env, key), prometheus (url),
 * adguard (url, username, password), homeassistant (url, key). A service's `widget.url` host becomes the host (named
 * by its `server:` when it has one). Glances has no counterpart here: it is listed, skipped, with a note. Secrets
 * found there become Field::Secret rows (for the keychain, never the config). `{{HOMEPAGE_VAR_X}}` references are
 * kept as they are and not imported as secrets. A YAML error is a problem with its line; it never throws.
 */
class HomepageImport
{
    Q_DECLARE_TR_FUNCTIONS(hlc::HomepageImport)

public:
    [[nodiscard]] static ImportParse parseServices(const QByteArray& yaml);
    [[nodiscard]] static ImportParse parseWidgets(const QByteArray& yaml);
};

} // namespace hlc
