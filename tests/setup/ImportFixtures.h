#pragma once

// The import tests' files, kept out of the test class's source: moc would read their "#" lines as directives.

#include <QByteArray>

namespace fixtures {
/// A .env.master with a malformed line (13) and an unclosed quote (15).
QByteArray envMaster();
/// A realistic Homepage services.yaml (proxmox, portainer, glances, prometheus, adguard, homeassistant, jellyfin).
QByteArray homepageServicesYaml();
/// A Homepage widgets.yaml (resources, glances, search).
QByteArray homepageWidgetsYaml();
} // namespace fixtures
