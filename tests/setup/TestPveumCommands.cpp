// The least-privilege pveum commands for each feature choice, and reading the token back from pveum's output.

#include "TestUtil.h"
#include "setup/PveumCommands.h"

#include <QStandardPaths>
#include <QTest>

using namespace hlc;

class TestPveumCommands final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void privileges_data()
    {
        QTest::addColumn<bool>("guests");
        QTest::addColumn<bool>("storage");
        QTest::addColumn<bool>("actions");
        QTest::addColumn<QString>("privs");
        QTest::newRow("nodes only") << false << false << false << QStringLiteral("Sys.Audit");
        QTest::newRow("guests") << true << false << false << QStringLiteral("Sys.Audit VM.Audit");
        QTest::newRow("monitoring") << true << true << false << QStringLiteral("Sys.Audit VM.Audit Datastore.Audit");
        QTest::newRow("with actions") << true << true << true
                                      << QStringLiteral("Sys.Audit VM.Audit Datastore.Audit VM.PowerMgmt");
        QTest::newRow("actions imply VM.Audit")
            << false << false << true << QStringLiteral("Sys.Audit VM.Audit VM.PowerMgmt");
    }

    void privileges()
    {
        QFETCH(bool, guests);
        QFETCH(bool, storage);
        QFETCH(bool, actions);
        QFETCH(QString, privs);
        PveFeatures f;
        f.guests = guests;
        f.storage = storage;
        f.actions = actions;
        QCOMPARE(PveumCommands::privileges(f).join(QLatin1Char(' ')), privs);
        const QStringList cmds = PveumCommands::commands(f);
        QCOMPARE(cmds.size(), 5);
        QCOMPARE(cmds.at(1), QStringLiteral("pveum role add 'HomelabControl' --privs '%1'").arg(privs));
        QVERIFY(!cmds.join(QLatin1Char('\n')).contains(QLatin1String("Administrator")));
        QCOMPARE(actions, cmds.at(1).contains(QLatin1String("VM.PowerMgmt")));
    }

    void exactCommands()
    {
        PveFeatures f;
        const QStringList expected{
            QStringLiteral("pveum user add 'homelab-control@pve' --comment 'Homelab Control Center'"),
            QStringLiteral("pveum role add 'HomelabControl' --privs 'Sys.Audit VM.Audit Datastore.Audit'"),
            QStringLiteral("pveum acl modify / --users 'homelab-control@pve' --roles 'HomelabControl'"),
            QStringLiteral("pveum user token add 'homelab-control@pve' 'homelab-control' --privsep 1"),
            QStringLiteral(
                "pveum acl modify / --tokens 'homelab-control@pve!homelab-control' --roles 'HomelabControl'"),
        };
        QCOMPARE(PveumCommands::commands(f), expected);
        test::evidence(QStringLiteral("pveum: ") + PveumCommands::commands(f).join(QStringLiteral(" && ")));
    }

    void parse_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("tokenId");
        QTest::addColumn<QString>("secret");
        const QString id = QStringLiteral("homelab-control@pve!homelab-control");
        const QString value = QStringLiteral("0b1e2f3a-4c5d-6e7f-8091-a2b3c4d5e6f7");
        QTest::newRow("unicode table")
            << QStringLiteral("root@pve:~# pveum user token add homelab-control@pve homelab-control --privsep 1\n"
                              "\u250C\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500"
                              "\u2500\u252C\u2500\u2500\u2510\n"
                              "\u2502 key          \u2502 value                                \u2502\n"
                              "\u255E\u2550\u2550\u2550\u2550\u2550\u2550\u256A\u2550\u2550\u2550\u2561\n"
                              "\u2502 full-tokenid \u2502 homelab-control@pve!homelab-control  \u2502\n"
                              "\u251C\u2500\u2500\u2500\u2500\u2500\u2500\u253C\u2500\u2500\u2500\u2524\n"
                              "\u2502 info         \u2502 {\"privsep\":\"1\"}                      \u2502\n"
                              "\u251C\u2500\u2500\u2500\u2500\u2500\u2500\u253C\u2500\u2500\u2500\u2524\n"
                              "\u2502 value        \u2502 0b1e2f3a-4c5d-6e7f-8091-a2b3c4d5e6f7 \u2502\n"
                              "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2518\n")
            << id << value;
        QTest::newRow("ascii table") << QStringLiteral("+--------------+------+\n| key | value |\n"
                                                       "| full-tokenid | homelab-control@pve!homelab-control |\n"
                                                       "| value | 0b1e2f3a-4c5d-6e7f-8091-a2b3c4d5e6f7 |\n")
                                     << id << value;
        QTest::newRow("json") << QStringLiteral("{\"full-tokenid\":\"homelab-control@pve!homelab-control\","
                                                "\"info\":{\"privsep\":\"1\"},"
                                                "\"value\":\"0b1e2f3a-4c5d-6e7f-8091-a2b3c4d5e6f7\"}")
                              << id << value;
        QTest::newRow("json-pretty with prompt")
            << QStringLiteral("root@pve:~# pveum user token add x --output-format json-pretty\n{\n"
                              "   \"full-tokenid\" : \"homelab-control@pve!homelab-control\",\n"
                              "   \"info\" : {\n      \"privsep\" : \"1\"\n   },\n"
                              "   \"value\" : \"0b1e2f3a-4c5d-6e7f-8091-a2b3c4d5e6f7\"\n}\n")
            << id << value;
        QTest::newRow("header value")
            << QStringLiteral("PVEAPIToken=homelab-control@pve!homelab-control=0b1e2f3a-4c5d-6e7f-8091-a2b3c4d5e6f7")
            << id << value;
    }

    void parse()
    {
        QFETCH(QString, pasted);
        QFETCH(QString, tokenId);
        QFETCH(QString, secret);
        QString error;
        const auto t = PveumCommands::parseTokenOutput(pasted, &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->tokenId, tokenId);
        QCOMPARE(t->secret, secret);
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QString() << QStringLiteral("full-tokenid");
        QTest::newRow("no value") << QStringLiteral("\u2502 full-tokenid \u2502 a@pve!b \u2502\n")
                                  << QStringLiteral("full-tokenid");
        QTest::newRow("bad id") << QStringLiteral("| full-tokenid | nobody |\n| value | "
                                                  "0b1e2f3a-4c5d-6e7f-8091-a2b3c4d5e6f7 |")
                                << QStringLiteral("USER@REALM!TOKENID");
        QTest::newRow("cut value") << QStringLiteral("| full-tokenid | a@pve!b |\n| value | 0b1e2f3a-4c5d |")
                                   << QStringLiteral("UUID");
    }

    void parseRejects()
    {
        QFETCH(QString, pasted);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!PveumCommands::parseTokenOutput(pasted, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPveumCommands)
#include "TestPveumCommands.moc"
