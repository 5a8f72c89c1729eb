#pragma once

#include "core/ApiError.h"
#include "core/Config.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace hlc {

/// A scrape target Prometheus has series of (`up{instance, job}`).
struct PrometheusTargetChoice
{
    QString instance;
    QString job;
};

/// What a Prometheus offers to match a host by: its `job` values and the instance/job pairs of `up`.
struct PrometheusLabelChoices
{
    QStringList jobs;                      ///< GET /api/v1/label/job/values, sorted as the server sent them
    QList<PrometheusTargetChoice> targets; ///< GET /api/v1/series?match[]=up, sorted by job then instance
    std::optional<ApiError> error;         ///< the first request that failed; the other's answer may still be here

    [[nodiscard]] bool ok() const { return !error.has_value(); }
};

/**
 * @brief Asks a Prometheus which label values it actually has, so that the host editor offers them (instead of the
 * user guessing that a host's node_exporter is the job "node-exporter-hostA").
 *
 * Two GETs with the service's auth and pin: `/api/v1/label/job/values` and `/api/v1/series?match[]=up`. Nothing is
 * stored. A secret over plain http:// that the user has not allowed is refused before anything is sent.
 */
class PrometheusLabelLookup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusLabelLookup)
public:
    explicit PrometheusLabelLookup(QNetworkAccessManager* nam, QObject* parent = nullptr);

    /// Starts the lookup for @p service with @p secret (empty for none); a running one is dropped.
    void lookup(const ServiceConfig& service, const QString& secret);
    [[nodiscard]] bool isRunning() const { return m_pending > 0; }

signals:
    void finished(const hlc::PrometheusLabelChoices& choices);

private:
    void done();

    QNetworkAccessManager* m_nam;
    QObject* m_work = nullptr; ///< parent of the client and context of its calls; replaced per lookup
    int m_pending = 0;
    PrometheusLabelChoices m_result;
};

} // namespace hlc
