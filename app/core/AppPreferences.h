#pragma once

#include <QCoreApplication>
#include <QString>

namespace hlc {

/**
 * @brief The desktop preferences that are not part of the homelab's config file (they belong to this computer):
 * start minimised to the tray, the language, and autostart at login. The first two live in QSettings; autostart is
 * the XDG autostart file ~/.config/autostart/homelab-control.desktop (written or removed at once).
 */
class AppPreferences
{
    Q_DECLARE_TR_FUNCTIONS(hlc::AppPreferences)

public:
    /// "system" (the desktop's locale), "en" or "de".
    [[nodiscard]] static QString language();
    static void setLanguage(const QString& code);

    [[nodiscard]] static bool startMinimized();
    static void setStartMinimized(bool on);

    /// GenericConfigLocation + "/autostart/homelab-control.desktop".
    [[nodiscard]] static QString autostartPath();
    [[nodiscard]] static bool autostartEnabled();
    /**
     * @brief Writes (atomically) or removes the autostart file.
     * @param command what the session starts, e.g. the path of this executable
     * @return the translated reason when it failed, else an empty string
     */
    [[nodiscard]] static QString setAutostart(bool on, const QString& command);
};

} // namespace hlc
