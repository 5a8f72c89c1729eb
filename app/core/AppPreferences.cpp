#include "core/AppPreferences.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace hlc {

namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kStartMinimized = QStringLiteral("ui/startMinimized");

/// A desktop-entry Exec value: quoted when it has spaces (the spec's quoting rules for the few characters we meet).
QString execValue(const QString& command)
{
    if (!command.contains(QLatin1Char(' ')))
        return command;
    QString quoted = command;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
} // namespace

QString AppPreferences::language()
{
    const QString v = QSettings().value(kLanguage, QStringLiteral("system")).toString();
    return v == QLatin1String("en") || v == QLatin1String("de") ? v : QStringLiteral("system");
}

void AppPreferences::setLanguage(const QString& code)
{
    QSettings().setValue(kLanguage, code);
}

bool AppPreferences::startMinimized()
{
    return QSettings().value(kStartMinimized, false).toBool();
}

void AppPreferences::setStartMinimized(bool on)
{
    QSettings().setValue(kStartMinimized, on);
}

QString AppPreferences::autostartPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QLatin1String("/autostart/homelab-control.desktop");
}

bool AppPreferences::autostartEnabled()
{
    return QFileInfo::exists(autostartPath());
}

QString AppPreferences::setAutostart(bool on, const QString& command)
{
    const QString path = autostartPath();
    if (!on) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return tr("The autostart file %1 could not be removed.").arg(QDir::toNativeSeparators(path));
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return tr("The folder of %1 could not be created.").arg(QDir::toNativeSeparators(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("The autostart file %1 could not be written: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Homelab Control Center\n"
                                         "Comment=Native control center for a Proxmox homelab\n"
                                         "Exec=%1\n"
                                         "Icon=homelab-control\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(execValue(command));
    file.write(entry.toUtf8());
    if (!file.commit())
        return tr("The autostart file %1 could not be written: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

} // namespace hlc
