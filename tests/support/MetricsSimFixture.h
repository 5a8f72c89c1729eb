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

    /// Starts both servers (HTTP, free ports) with their state owned by @p parent; false when one cannot listen.
    bool start(QObject* parent);

    /// host-a / host-b, each with the shared Prometheus (and, if @p withAlertmanager, Alertmanager) service.
    [[nodiscard]] Config config(bool withAlertmanager = true) const;
};

} // namespace hlc::test
