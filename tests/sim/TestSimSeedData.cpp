// The simulator's seed is data (sim/data/homelab.json, sim/data/agents.json, embedded at :/sim/data/): it loads,
// and it is the homelab and the agent platform the rest of the tests and the demo rely on.
#include "SimAgents.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimSeedData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace hlc::sim;

class TestSimSeedData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void filesAreEmbeddedJson()
    {
        for (const char* name : {"homelab.json", "agents.json"}) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(seedData(QString::fromLatin1(name)), &error);
            QVERIFY2(doc.isObject(),
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(name), error.errorString())));
        }
    }

    void homelabIsTheSeed()
    {
        const std::unique_ptr<SimHomelab> lab(SimHomelab::createSeeded());
        QCOMPARE(lab->nodes().size(), 2);
        const auto a = lab->node(QStringLiteral("pve-thinkpad"));
        const auto b = lab->node(QStringLiteral("pve-ryzen"));
        QVERIFY(a && b);
        QCOMPARE(a->hostId, QStringLiteral("host-a"));
        QCOMPARE(a->ip, QStringLiteral("192.168.16.7"));
        QCOMPARE(a->cpus, 8);
        QCOMPARE(a->memTotal, qint64(16'634'765'312));
        QCOMPARE(a->swapTotal, qint64(8) * 1024 * 1024 * 1024);
        QCOMPARE(a->initialUptime, qint64(12 * 86400 + 4 * 3600 + 17 * 60));
        QVERIFY(a->gpuModel.isEmpty());
        QCOMPARE(b->gpuModel, QStringLiteral("NVIDIA GeForce GTX 1080"));
        QCOMPARE(b->gpuMemTotal, qint64(8) * 1024 * 1024 * 1024);

        QCOMPARE(lab->guests().size(), 10);
        QCOMPARE(lab->guests(a->name).size(), 5);
        const auto dockerCore = lab->guest(100);
        QVERIFY(dockerCore);
        QCOMPARE(dockerCore->name, QStringLiteral("docker-core"));
        QCOMPARE(dockerCore->type, QStringLiteral("qemu"));
        QCOMPARE(dockerCore->tags, QStringLiteral("docker;portainer;traefik"));
        QCOMPARE(dockerCore->disk, static_cast<qint64>(64.0 * 1024 * 1024 * 1024 * 0.46));
        QCOMPARE(dockerCore->initialUptime, a->initialUptime - 95);
        QCOMPARE(dockerCore->baseCpu, 0.12);
        QCOMPARE(dockerCore->diskRate, 12'000.0 + (100 % 13) * 3'500.0); // derived from the vmid
        QCOMPARE(lab->guest(110)->diskRate, 900'000.0);                  // set in the data
        QCOMPARE(lab->guest(111)->hostpci, QStringLiteral("0000:0a:00.0"));
        const auto backup = lab->guest(202);
        QVERIFY(backup);
        QCOMPARE(backup->status, QStringLiteral("stopped"));
        QVERIFY(!backup->onboot);
        QCOMPARE(backup->uptime, qint64(0));

        const QList<SimStorage> storages = lab->storages();
        QCOMPARE(storages.size(), 4);
        QCOMPARE(storages[0].storage, QStringLiteral("local"));
        QCOMPARE(storages[0].total, a->diskTotal);
        QCOMPARE(storages[1].storage, QStringLiteral("local-lvm"));
        QCOMPARE(storages[1].total, qint64(348'160) * 1024 * 1024);
        qint64 thin = 0;
        for (const SimGuest& g : lab->guests(a->name))
            thin += g.disk;
        QCOMPARE(storages[1].used, thin); // a thin pool without "used" holds its node's guest disks
    }

    void agentsAreTheSeed()
    {
        SimHttpServer server;
        SimAgents agents(&server, QStringLiteral("token"));
        QCOMPARE(agents.agentIds(), (QStringList{QStringLiteral("content-creator"), QStringLiteral("researcher"),
                                                 QStringLiteral("analyst"), QStringLiteral("verifier"),
                                                 QStringLiteral("project-manager"), QStringLiteral("communicator")}));
    }
};

QTEST_GUILESS_MAIN(TestSimSeedData)
#include "TestSimSeedData.moc"
