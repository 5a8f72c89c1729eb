#pragma once

#include <QString>
#include <QStringList>

class QTranslator;

namespace hlc {

/**
 * @brief Which translation the user interface loads, and loading it. The app ships German and English (the English
 * one holds the singular and plural forms of the %n messages, so "1 host" never reads "1 host(s)"); every other
 * language gets English.
 */
class UiLanguage
{
public:
    /**
     * @brief The translation for a language preference.
     * @param preference AppPreferences::language(): "system", "en" or "de"
     * @param systemLanguages the desktop's languages in order of preference (QLocale::system().uiLanguages())
     * @return "de" or "en": for "system", the first of the desktop's languages that we have, else "en"
     */
    [[nodiscard]] static QString choose(const QString& preference, const QStringList& systemLanguages);

    /// The embedded translation file of @p code ("de", "en"): ":/i18n/homelab-control_<code>.qm".
    [[nodiscard]] static QString qmPath(const QString& code);

    /**
     * @brief Loads the translation of @p code into @p app, and Qt's own (the standard buttons' "Cancel") into
     * @p qt where Debian's qt6-translations-l10n has it, and installs both that loaded.
     * @return whether the app's translation loaded
     */
    static bool install(const QString& code, QTranslator* app, QTranslator* qt);
};

} // namespace hlc
