#include "core/UiLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace hlc {

QString UiLanguage::choose(const QString& preference, const QStringList& systemLanguages)
{
    if (preference == QLatin1String("de") || preference == QLatin1String("en"))
        return preference;
    for (const QString& language : systemLanguages) { // "de-DE", "de", "en-US", "fr-FR", ...
        const QString code = language.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (code == QLatin1String("de") || code == QLatin1String("en"))
            return code;
    }
    return QStringLiteral("en");
}

QString UiLanguage::qmPath(const QString& code)
{
    return QStringLiteral(":/i18n/homelab-control_%1.qm").arg(code);
}

bool UiLanguage::install(const QString& code, QTranslator* app, QTranslator* qt)
{
    if (qt && code != QLatin1String("en") &&
        qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    if (!app->load(qmPath(code)))
        return false;
    QCoreApplication::installTranslator(app);
    return true;
}

} // namespace hlc
