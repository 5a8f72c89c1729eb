// Every real capture under shared/api/*/examples/ (Docker engine and Portainer fixtures) and every Proxmox example
// response (go-proxmox mocks: anonymised captures of PVE 7 and 9) is fed to the parser of its endpoint. Real
// servers are looser than the specs; the parsers must read them, with the values a person would read off them.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "portainer/PortainerParser.h"
#include "proxmox/ProxmoxParser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace hlc;

class TestRealCaptures : public QObject
{
    Q_OBJECT

private:
    hlc::test::SpecCheck m_spec;

    QByteArray file(const QString& relative) const
    {
        QFile f(m_spec.specPath(relative));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        HLC_REQUIRE_REAL(m_spec.unavailable(QStringLiteral("proxmox/examples.go-proxmox-mocks.json")));
    }

    void proxmoxExamples()
    {
        const QJsonArray examples =
            QJsonDocument::fromJson(file(QStringLiteral("proxmox/examples.go-proxmox-mocks.json")))
                .object()
                .value(QStringLiteral("examples"))
                .toArray();
        QVERIFY(examples.size() >= 50);
        int fed = 0;
        QStringList failures;
        for (const QJsonValue& v : examples) {
            const QJsonObject e = v.toObject();
            const QString method = e.value(QStringLiteral("method")).toString();
            const QString path =
                e.value(QStringLiteral("path_regex")).toString().remove(QLatin1Char('^')).remove(QLatin1Char('$'));
            const int status = e.value(QStringLiteral("status")).toInt();
            const QByteArray body =
                QJsonDocument(e.value(QStringLiteral("body")).toObject()).toJson(QJsonDocument::Compact);
            if (status != 200)
                continue;
            const QString where = method + QLatin1Char(' ') + path + QStringLiteral(" (") +
                                  e.value(QStringLiteral("pve_mock_set")).toString() + QStringLiteral("): ");
            const auto check = [&](bool ok, const QString& why) {
                ++fed;
                if (!ok)
                    failures << where + why;
            };
            static const QRegularExpression s_action(QStringLiteral("/status/[a-z]+$"));
            static const QRegularExpression s_nodeStatus(QStringLiteral("^/nodes/[^/]+/status$"));
            if (method == QLatin1String("GET") && path == QLatin1String("/version")) {
                const auto r = pve::parser::version(body);
                check(r.ok() && r.value().version.contains(QLatin1Char('-')), QStringLiteral("version"));
            } else if (method == QLatin1String("GET") && path == QLatin1String("/nodes")) {
                const auto r = pve::parser::nodes(body);
                check(r.ok() && !r.value().isEmpty() && !r.value().first().node.isEmpty(), QStringLiteral("nodes"));
            } else if (method == QLatin1String("GET") && path == QLatin1String("/cluster/resources")) {
                const auto r = pve::parser::resources(body);
                bool readable = r.ok() && !r.value().isEmpty();
                for (const pve::Resource& x : r.ok() ? r.value() : QList<pve::Resource>())
                    readable = readable && !x.unreadable && !x.id.isEmpty();
                check(readable, QStringLiteral("resources"));
            } else if (method == QLatin1String("GET") && path == QLatin1String("/cluster/status")) {
                const auto r = pve::parser::clusterStatus(body);
                check(r.ok() && !r.value().isEmpty(), QStringLiteral("cluster status"));
            } else if (method == QLatin1String("POST") && path == QLatin1String("/access/ticket")) {
                const auto r = pve::parser::ticket(body);
                check(r.ok() && !r.value().ticket.isEmpty() && !r.value().needTfa, QStringLiteral("ticket"));
            } else if (method == QLatin1String("GET") && s_nodeStatus.match(path).hasMatch()) {
                // the smallest capture ({"name","status"}) is no node status: a Parse error, not a crash
                const auto r = pve::parser::nodeStatus(body);
                check(r.ok() ? r.value().cpus > 0 || r.value().memTotal > 0 : r.error().kind == ApiError::Kind::Parse,
                      QStringLiteral("node status"));
            } else if (method == QLatin1String("GET") && path.endsWith(QLatin1String("/rrddata"))) {
                const auto r = pve::parser::rrdData(body);
                check(r.ok() && !r.value().isEmpty(), QStringLiteral("rrddata"));
            } else if (method == QLatin1String("GET") && path.contains(QLatin1String("/tasks/UPID")) &&
                       path.endsWith(QLatin1String("/status"))) {
                const auto r = pve::parser::taskStatus(body);
                check(r.ok() && r.value().upid.startsWith(QLatin1String("UPID:")), QStringLiteral("task status"));
            } else if (method == QLatin1String("GET") && path.endsWith(QLatin1String("/log"))) {
                const auto r = pve::parser::taskLogPage(body);
                check(r.ok(), QStringLiteral("task log"));
            } else if (method == QLatin1String("POST") && s_action.match(path).hasMatch() &&
                       path.contains(QRegularExpression(QStringLiteral("/(qemu|lxc)/")))) {
                const auto r = pve::parser::upid(body);
                check(r.ok() && r.value().startsWith(QLatin1String("UPID:")), QStringLiteral("upid"));
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY(fed >= 30);
        hlc::test::evidence(
            QStringLiteral("%1 Proxmox example responses (PVE 7 and 9 captures) read by their parsers").arg(fed));
    }

    void dockerAndPortainerExamples()
    {
        const auto containers =
            portainer::parser::containers(file(QStringLiteral("docker-engine/examples/containers.json")));
        QVERIFY(containers.ok());
        QVERIFY(!containers.value().isEmpty());
        for (const portainer::Container& c : containers.value()) {
            QCOMPARE(c.id.size(), 64);
            QVERIFY(!c.name.isEmpty() && !c.name.startsWith(QLatin1Char('/')));
            QVERIFY(!c.state.isEmpty());
        }
        const auto status =
            portainer::parser::systemStatus(file(QStringLiteral("portainer/examples/portainer_system_status.json")));
        QVERIFY(status.ok());
        QVERIFY(!status.value().version.isEmpty());
        const auto envs = portainer::parser::environments(file(QStringLiteral("portainer/examples/endpoints.json")));
        QVERIFY(envs.ok());
        QVERIFY(!envs.value().isEmpty() && envs.value().first().id > 0);
        const auto stacks = portainer::parser::stacks(file(QStringLiteral("portainer/examples/stacks.json")));
        QVERIFY(stacks.ok());
        QVERIFY(!stacks.value().isEmpty() && !stacks.value().first().name.isEmpty());
        for (const char* one : {"portainer/examples/stack.json", "portainer/examples/stack_stopped.json"}) {
            const auto s = portainer::parser::stack(file(QLatin1String(one)));
            QVERIFY2(s.ok(), one);
            QVERIFY(s.value().id > 0 && (s.value().status == 1 || s.value().status == 2));
        }
        hlc::test::evidence(QStringLiteral("Docker/Portainer captures read: %1 containers, %2 stacks, %3 environments")
                                .arg(containers.value().size())
                                .arg(stacks.value().size())
                                .arg(envs.value().size()));
    }
};

QTEST_GUILESS_MAIN(TestRealCaptures)
#include "TestRealCaptures.moc"
