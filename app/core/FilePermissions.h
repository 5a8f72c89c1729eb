#pragma once

#include <QString>

namespace hlc {

/**
 * @brief Whether a file the app trusts (the config: it names the servers our tokens are sent to) can be changed
 * by someone other than the user.
 *
 * A config file or folder that is group- or world-writable (a folder without the sticky bit), or owned by another
 * user, lets another account point the app at a server of theirs and collect the tokens from the keychain. The
 * app still loads it (the file is the user's), but says so, naming the path and the command that fixes it.
 */
namespace filePermissions {

/// A translated warning for @p path (its file and the folder it is in), or an empty string when only the user can
/// change them. Unix only; elsewhere always empty.
[[nodiscard]] QString insecureWarning(const QString& path);

} // namespace filePermissions
} // namespace hlc
