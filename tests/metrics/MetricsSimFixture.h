#pragma once

// A simulated Prometheus + Alertmanager pair on 127.0.0.1 and a Config that points the two demo hosts at them.

#include "SimAlertmanager.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimPrometheus.h"
#include "core/Config.h"

#include <QObject>

namespace hlc::test {

struct MetricsSimFixture
{
    sim::SimHomelab* lab = nullptr;
    sim::SimHttpServer* promServer = nullptr;
    sim::SimHttpServer* amServer = nullptr;
    sim::SimPrometheus* prom = nullptr;
    sim::SimAlertmanager* am = nullptr;

    bool start(QObject* parent)
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

    /// host-a / host-b, each with the shared Prometheus (and, if @p withAlertmanager, Alertmanager) service.
    [[nodiscard]] Config config(bool withAlertmanager = true) const
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
};

} // namespace hlc::test
