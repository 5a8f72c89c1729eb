#pragma once

#include "setup/ImportPlan.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace hlc {

/**
 * @brief Reads a `.env.master`-style secrets file into import rows.
 *
 * Lines are `KEY=value` or `export KEY=value`, values bare, "double-quoted" (with \" \\ \n escapes) or 'single-quoted'
 * (literal), `#` comments (whole line, or after a space in a bare value). `${VAR}` references are left as they are,
 * never expanded. Variables of supported services are recognised by name (PROXMOX_/PVE_ token id and secret, user,
 * password, URL, node; PORTAINER_API_KEY; ADGUARD_USER/PASSWORD; HA_/HOMEASSISTANT_TOKEN; OLLAMA_, N8N_, AGENTS_,
 * PROMETHEUS_, ALERTMANAGER_ URLs; `*_HOST` / `*_IP` addresses); others are ignored. A malformed line is listed with
 * its number and never stops the import. Pure: no file access, no network.
 */
class EnvImport
{
    Q_DECLARE_TR_FUNCTIONS(hlc::EnvImport)

public:
    /// @p hostName: the host services are assigned to (the preview can change it per row).
    [[nodiscard]] static ImportParse parse(const QByteArray& text, const QString& hostName);

    /// Where variable @p key goes (kind and field), or std::nullopt for a variable we do not use. For Field::Address
    /// @p hostHint receives the host name the variable names (PVE_RYZEN_IP -> "pve-ryzen").
    struct Mapping
    {
        std::optional<ServiceKind> kind; ///< empty for Field::Address
        ImportRow::Field field = ImportRow::Field::Url;
        QString hostHint;
    };
    [[nodiscard]] static std::optional<Mapping> recognise(const QString& key);
};

} // namespace hlc
