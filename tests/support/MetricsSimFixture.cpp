#include "MetricsSimFixture.h"

namespace hlc::test {

bool MetricsSimFixture::start(QObject* parent)
{
    lab = sim::SimHomelab::createSeeded(parent);
    promServer = new sim::SimHttpServer(parent);
    amServer = new sim::SimHttpServer(parent);
    if (!promServer->listen(false) || !amServer->listen(false))
        return false;
    prom = new sim::SimPrometheus(lab, promServer, parent);
    am = new sim::SimAlertmanager(prom, amServer, parent);
    return true;
}

Config MetricsSimFixture::config(bool withAlertmanager) const
{
    Config c;
    const QList<QPair<QString, QString>> hosts{{QStringLiteral("host-a"), QStringLiteral("pve-thinkpad")},
                                               {QStringLiteral("host-b"), QStringLiteral("pve-ryzen")}};
    for (const auto& [id, name] : hosts) {
        HostConfig h;
        h.id = id;
        h.name = name;
        h.address = QStringLiteral("127.0.0.1");
        ServiceConfig p;
        p.id = QStringLiteral("prometheus");
        p.kind = ServiceKind::Prometheus;
        p.baseUrl = promServer->baseUrl();
        p.prometheusInstance = sim::SimPrometheus::instanceOf(name);
        p.timeoutMs = 2000;
        h.services << p;
        if (withAlertmanager) {
            ServiceConfig a;
            a.id = QStringLiteral("alertmanager");
            a.kind = ServiceKind::Alertmanager;
            a.baseUrl = amServer->baseUrl();
            a.timeoutMs = 2000;
            h.services << a;
        }
        c.hosts << h;
    }
    return c;
}

} // namespace hlc::test
