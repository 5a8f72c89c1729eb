#pragma once

#include "SimHttpServer.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

namespace hlc::sim {

class SimPrometheus;

/// A silence as the simulated Alertmanager keeps it.
struct SimSilence
{
    struct Matcher
    {
        QString name;
        QString value;
        bool isRegex = false;
        bool isEqual = true;
    };
    QString id; ///< UUID
    QList<Matcher> matchers;
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime updatedAt;
    QString createdBy;
    QString comment;

    /// "pending", "active" or "expired" at @p now.
    [[nodiscard]] QString state(const QDateTime& now) const;
    [[nodiscard]] bool matches(const QMap<QString, QString>& labels) const;
};

/**
 * @brief The Alertmanager API v2 (`/api/v2/...`) of the demo homelab, fed by a SimPrometheus' firing alerts.
 *
 * Routes: GET /api/v2/status, GET|POST /api/v2/alerts, GET|POST /api/v2/silences, GET|DELETE /api/v2/silence/{id}.
 * Shapes follow alertmanager/openapi.yaml; errors are JSON strings with 400/404/500 as in Alertmanager 0.25.
 * Alerts carry Alertmanager's fingerprint (FNV-1a 64 of the label set); an active silence whose matchers select an
 * alert makes it `suppressed` with `silencedBy`. Alerts POSTed to /api/v2/alerts are kept until their endsAt
 * (default: 5 minutes after the last post). Inhibition is modelled by one rule: a firing critical alert inhibits
 * warning alerts with the same `instance`.
 */
class SimAlertmanager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimAlertmanager)
public:
    SimAlertmanager(SimPrometheus* prometheus, SimHttpServer* server, QObject* parent = nullptr);
    ~SimAlertmanager() override;

    [[nodiscard]] QList<SimSilence> silences() const { return m_silences; }
    [[nodiscard]] QString version() const { return QStringLiteral("0.25.0"); }
    /// Alertmanager's fingerprint of a label set (16 hex digits).
    [[nodiscard]] static QString fingerprint(const QMap<QString, QString>& labels);

private:
    struct Pushed
    {
        QMap<QString, QString> labels;
        QMap<QString, QString> annotations;
        QDateTime startsAt;
        QDateTime endsAt;
        QString generatorUrl;
    };

    SimResponse status(const SimRequest& request) const;
    SimResponse getAlerts(const SimRequest& request);
    SimResponse postAlerts(const SimRequest& request);
    SimResponse getSilences(const SimRequest& request) const;
    SimResponse postSilence(const SimRequest& request);
    SimResponse getSilence(const SimRequest& request) const;
    SimResponse deleteSilence(const SimRequest& request);

    QPointer<SimPrometheus> m_prometheus;
    QPointer<SimHttpServer> m_server;
    QList<SimSilence> m_silences;
    QList<Pushed> m_pushed;
    QDateTime m_startedAt;
};

} // namespace hlc::sim
