// The import preview offscreen: the .env fixture's rows with secrets masked and the malformed lines listed, a row
// skipped and one moved to another host by the user, Import -> the Config and the keychain (session-only store);
// the secrets are absent from the saved configuration file.

#include "ImportFixtures.h"
#include "TestUtil.h"
#include "core/ConfigStore.h"
#include "core/SecretStore.h"
#include "setup/EnvImport.h"
#include "setup/ImportPreviewDialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hlc;

class TestImportPreviewGui final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void envPreviewImport()
    {
        const ImportParse parsed = EnvImport::parse(fixtures::envMaster(), QStringLiteral("pve-thinkpad"));
        SecretStore secrets(QStringLiteral("homelab-control-test"));
        secrets.setSessionOnly(true);
        ImportPreviewDialog dialog(parsed, Config{}, &secrets);
        dialog.show();
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("importTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), parsed.rows.size());
        const QString problems = dialog.findChild<QLabel*>(QStringLiteral("problemsLabel"))->text();
        QVERIFY2(problems.contains(QLatin1String("Line 13")) && problems.contains(QLatin1String("Line 15")),
                 qPrintable(problems));

        // No cell shows a secret in full.
        QStringList secretValues;
        for (const ImportRow& r : parsed.rows) {
            if (r.isSecret() && !ImportPlan::isReference(r.value))
                secretValues << r.value;
        }
        QVERIFY(secretValues.size() >= 3);
        int portainerRow = -1;
        int adguardUserRow = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int col = 0; col < table->columnCount(); ++col) {
                const QTableWidgetItem* item = table->item(row, col);
                if (!item)
                    continue; // the combo boxes
                for (const QString& s : secretValues)
                    QVERIFY2(!item->text().contains(s), qPrintable(item->text()));
            }
            const QString source = table->item(row, ImportPreviewDialog::SourceColumn)->text();
            if (source.startsWith(QLatin1String("PORTAINER_API_KEY")))
                portainerRow = row;
            if (source.startsWith(QLatin1String("ADGUARD_USER")))
                adguardUserRow = row;
        }
        QVERIFY(portainerRow >= 0 && adguardUserRow >= 0);

        // The user skips Portainer's key and moves the AdGuard user... to the AdGuard of host "pve-ryzen".
        table->item(portainerRow, ImportPreviewDialog::ImportColumn)->setCheckState(Qt::Unchecked);
        table->item(adguardUserRow, ImportPreviewDialog::HostColumn)->setText(QStringLiteral("pve-ryzen"));

        QSignalSpy imported(&dialog, &ImportPreviewDialog::imported);
        dialog.findChild<QPushButton*>(QStringLiteral("importButton"))->click();
        QVERIFY2(test::waitForCount(imported, 1, 10000),
                 qPrintable(dialog.findChild<QLabel*>(QStringLiteral("importError"))->text()));
        const Config c = dialog.config();
        QVERIFY(c.service(QStringLiteral("pve-thinkpad"), QStringLiteral("proxmox")));
        QVERIFY(!c.service(QStringLiteral("pve-thinkpad"), QStringLiteral("portainer")));
        QCOMPARE(c.service(QStringLiteral("pve-ryzen"), QStringLiteral("adguard"))->user, QStringLiteral("admin"));

        test::Capture<SecretResult> pve;
        secrets.read(secretKey(QStringLiteral("pve-thinkpad"), QStringLiteral("proxmox")), nullptr, pve.callback());
        QVERIFY(pve.wait());
        QCOMPARE(pve.value->secret, QStringLiteral("8c1f9a2e-5b7d-4e3a-9f60-1d2c3b4a5e6f"));
        test::Capture<SecretResult> portainer;
        secrets.read(secretKey(QStringLiteral("pve-thinkpad"), QStringLiteral("portainer")), nullptr,
                     portainer.callback());
        QVERIFY(portainer.wait());
        QCOMPARE(portainer.value->status, SecretResult::Status::NotFound);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(!ConfigStore::save(c, path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        for (const QString& s : secretValues)
            QVERIFY2(!text.contains(s.toUtf8()), qPrintable(s.left(2)));
        test::evidence(QStringLiteral("import preview: %1 rows, %2 secrets masked, 1 skipped, 1 re-assigned; "
                                      "grepped the %4-byte config for the %3 secret values: none there")
                           .arg(table->rowCount())
                           .arg(secretValues.size())
                           .arg(secretValues.size())
                           .arg(text.size()));
    }
};

QTEST_MAIN(TestImportPreviewGui)
#include "TestImportPreviewGui.moc"
