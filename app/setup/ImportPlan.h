#pragma once

#include "core/Config.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace hlc {

/// One entry found in an imported file, mapped to a host / service / field; the preview lets the user change or
/// skip it.
struct ImportRow
{
    enum class Field
    {
        Address,     ///< the host's address (no service)
        Url,         ///< the service's base URL
        User,        ///< user name or Proxmox token id
        Secret,      ///< token, key or password: to the keychain, never to the config
        Node,        ///< Proxmox node
        Environment, ///< Portainer environment id
    };
    QString source; ///< what it was in the file: "PVE_TOKEN_ID", "Infra/Proxmox: widget.username"
    int line = 0;   ///< 1-based line in the file, 0 when unknown
    QString value;  ///< as written (a ${VAR} or {{HOMEPAGE_VAR_X}} reference stays as it is)
    QString host;   ///< the host's name (matched to an existing host by name or id, else created)
    ServiceKind kind = ServiceKind::Proxmox; ///< unused for Field::Address
    Field field = Field::Url;
    bool import = true; ///< false: skipped (the user's choice, or a default with `note` saying why)
    QString note;       ///< translated: why it is skipped by default, or what to check

    [[nodiscard]] bool isSecret() const { return field == Field::Secret; }
    /// The value as the preview shows it: secrets masked (first 2 characters, then dots), others as they are.
    [[nodiscard]] QString displayValue() const;
};

/// A line of the file that could not be read: listed for the user, never fatal.
struct ImportProblem
{
    int line = 0;
    QString text; ///< translated
};

/// What a parser found.
struct ImportParse
{
    QList<ImportRow> rows;
    QList<ImportProblem> problems;
};

/// The preview's rows applied to a configuration.
struct ImportApplied
{
    Config config;
    QList<QPair<QString, QString>> secrets; ///< (secretKey(host, service), secret): for the SecretStore only
    QStringList notes;                      ///< translated remarks (e.g. a secret that travels over http://)
};

/// Applies import rows to a configuration; the rules both imports (.env, Homepage) share.
class ImportPlan
{
    Q_DECLARE_TR_FUNCTIONS(hlc::ImportPlan)

public:
    /// The rows with `import` set, applied on top of @p base: hosts matched by name or id (else created, with an
    /// id from hostIdFor()), one service per kind and host (created with defaultService() when missing).
    [[nodiscard]] static ImportApplied apply(const QList<ImportRow>& rows, const Config& base);
    /// A host id from a name: lower-case, [a-z0-9-], unique in @p c ("host" when nothing is left).
    [[nodiscard]] static QString hostIdFor(const QString& name, const Config& c);
    /// A new service of @p kind on @p address with the kind's usual port, API path and auth scheme.
    [[nodiscard]] static ServiceConfig defaultService(ServiceKind kind, const QString& address);
    /// True for a value that only refers to another variable: ${VAR}, $VAR, {{HOMEPAGE_VAR_X}}.
    [[nodiscard]] static bool isReference(const QString& value);
    [[nodiscard]] static QString fieldName(ImportRow::Field field);
};

} // namespace hlc
