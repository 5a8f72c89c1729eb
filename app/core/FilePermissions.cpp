#include "core/FilePermissions.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace hlc::filePermissions {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("hlc::filePermissions", text);
}
} // namespace

QString insecureWarning(const QString& path)
{
#ifdef Q_OS_UNIX
    QStringList problems;
    QString fix;
    const QByteArray file = QFileInfo(path).absoluteFilePath().toLocal8Bit();
    struct stat st
    {};
    if (::stat(file.constData(), &st) != 0)
        return {}; // a missing file is not a permission problem
    if (st.st_uid != ::getuid())
        problems << tr("the file belongs to another user");
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        problems << tr("other users can change the file");
        fix = QStringLiteral("chmod 600 '%1'").arg(path);
    }
    const QString dir = QFileInfo(path).absolutePath();
    struct stat dst
    {};
    if (::stat(dir.toLocal8Bit().constData(), &dst) == 0 && (dst.st_mode & (S_IWGRP | S_IWOTH)) != 0 &&
        (dst.st_mode & S_ISVTX) == 0) {
        problems << tr("other users can replace it (its folder is writable by them)");
        fix = fix.isEmpty() ? QStringLiteral("chmod 700 '%1'").arg(dir)
                            : fix + QStringLiteral(" && chmod 700 '%1'").arg(dir);
    }
    if (problems.isEmpty())
        return {};
    QString text = tr("The configuration %1 is not protected: %2. Another account could point the app at a server "
                      "of its own and receive your tokens.")
                       .arg(path, problems.join(QStringLiteral("; ")));
    if (!fix.isEmpty())
        text += QLatin1Char(' ') + tr("To fix it, run: %1").arg(fix);
    return text;
#else
    Q_UNUSED(path)
    return {};
#endif
}

} // namespace hlc::filePermissions
