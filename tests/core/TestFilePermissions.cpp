// The warning for a configuration file that other accounts can change: real files with real modes in a temporary
// folder.
#include "TestUtil.h"

#include "core/FilePermissions.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hlc;

class TestFilePermissions : public QObject
{
    Q_OBJECT

private slots:
    void privateFileIsQuiet()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{}");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QCOMPARE(filePermissions::insecureWarning(path), QString());
        // A file that is not there is no permission problem (first run).
        QCOMPARE(filePermissions::insecureWarning(dir.filePath(QStringLiteral("missing.json"))), QString());
    }

    void groupOrWorldWritableIsNamedWithTheFix()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{}");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::WriteGroup));
        QString w = filePermissions::insecureWarning(path);
        QVERIFY2(w.contains(QStringLiteral("other users can change the file")), qPrintable(w));
        QVERIFY2(w.contains(QStringLiteral("chmod 600 '%1'").arg(path)), qPrintable(w));
        QVERIFY2(w.contains(path), qPrintable(w));

        // The file is private again, but its folder is writable by everyone (and not sticky): it can be replaced.
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                      QFile::WriteOther | QFile::ReadOther | QFile::ExeOther));
        w = filePermissions::insecureWarning(path);
        QVERIFY2(w.contains(QStringLiteral("its folder is writable")), qPrintable(w));
        QVERIFY2(w.contains(QStringLiteral("chmod 700 '%1'").arg(dir.path())), qPrintable(w));
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QCOMPARE(filePermissions::insecureWarning(path), QString());
        hlc::test::evidence("config permission check: a group-writable file and a world-writable folder were named "
                            "with the chmod that fixes them; a 0600 file in a 0700 folder passed");
    }
};

QTEST_GUILESS_MAIN(TestFilePermissions)
#include "TestFilePermissions.moc"
