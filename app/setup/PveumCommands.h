#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace hlc {

/// What the app should be allowed to do on a Proxmox node; each choice adds exactly the privileges it needs.
struct PveFeatures
{
    bool guests = true;                                    ///< list VMs and containers with their metrics: VM.Audit
    bool storage = true;                                   ///< storage usage: Datastore.Audit
    bool actions = false;                                  ///< start / shut down / reboot guests: VM.PowerMgmt
    QString user = QStringLiteral("homelab-control@pve");  ///< USER@REALM of the dedicated user
    QString tokenName = QStringLiteral("homelab-control"); ///< the token id after the "!"
    QString role = QStringLiteral("HomelabControl");       ///< the role created for it
};

/// A Proxmox API token read back from pveum's output.
struct PveTokenPaste
{
    QString tokenId; ///< "USER@REALM!TOKENID" (the config's `user`)
    QString secret;  ///< the token's value (goes to the keychain)
};

/**
 * @brief The least-privilege setup of a Proxmox API token as `pveum` commands, and the reading of their output.
 *
 * Pure functions: the dialog shows the commands for the user to paste on a node (as root), then reads the token back
 * from what the user pastes of `pveum user token add`'s output (the default table, `--output-format json` or
 * `json-pretty`, or a `PVEAPIToken=...` header value).
 */
class PveumCommands
{
    Q_DECLARE_TR_FUNCTIONS(hlc::PveumCommands)

public:
    /// The privileges @p f needs: Sys.Audit always (node status), then VM.Audit, Datastore.Audit, VM.PowerMgmt.
    [[nodiscard]] static QStringList privileges(const PveFeatures& f);
    /// The commands, one per line: user, role, ACL for the user, privilege-separated token, ACL for the token.
    [[nodiscard]] static QStringList commands(const PveFeatures& f);
    /// The token in @p pasted, or std::nullopt (then @p error, if given, says what is missing).
    [[nodiscard]] static std::optional<PveTokenPaste> parseTokenOutput(const QString& pasted, QString* error = nullptr);
};

} // namespace hlc
