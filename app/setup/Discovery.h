#pragma once

#include "core/CertificateInfo.h"
#include "core/Config.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace hlc {

/// One port to look at: which kind is expected there and over which scheme.
struct DiscoveryCandidate
{
    ServiceKind kind = ServiceKind::Proxmox;
    quint16 port = 0;
    QString scheme; ///< "http" or "https"
};

/// A service that answered as its kind does, pre-filled for the setup dialog (no secret, no pin: Test connection
/// shows the certificate to trust).
struct DiscoveredService
{
    ServiceConfig config;        ///< id, kind, baseUrl with the API path, the kind's usual auth
    QString evidence;            ///< translated: what identified it ("GET /api/version answered version 0.5.7")
    QString version;             ///< when the unauthenticated answer tells it
    CertificateInfo certificate; ///< https: the certificate the port showed (not trusted by this)
};

/**
 * @brief Finds the homelab services on one address the user typed, without credentials.
 *
 * Probes the usual ports (defaultCandidates(): Proxmox 8006, Portainer 9443/9000, Prometheus 9090, Alertmanager
 * 9093, AdGuard Home 80/3000, Home Assistant 8123, Ollama 11434, n8n 5678, agent platform 8000) with GETs of each
 * kind's unauthenticated version, health or login endpoint and identifies what answers by the shape of the answer.
 * Nothing is sent to any other address, no redirect is followed and no credential is ever sent.
 *
 * HTTPS: the homelab's certificates are mostly self-signed, so identification reads the answer over a connection
 * whose certificate is not verified; that is safe because nothing secret travels and nothing is trusted by it.
 * The probes use a network manager of their own so that such a connection is never reused by a client.
 */
class Discovery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Discovery)
public:
    explicit Discovery(QObject* parent = nullptr);
    ~Discovery() override;

    /// The usual ports of the nine kinds.
    [[nodiscard]] static QList<DiscoveryCandidate> defaultCandidates();
    /**
     * @brief A port the user named (a service moved off its usual port): every kind, over https and http.
     *
     * The kinds whose answer is most specific come first; when several would match one port, the first wins
     * (finished() lists one service per port).
     */
    [[nodiscard]] static QList<DiscoveryCandidate> candidatesForPort(quint16 port);
    /// "9001, 8443 3001": the ports, or std::nullopt with @p error (translated) naming the first bad entry.
    [[nodiscard]] static std::optional<QList<quint16>> parsePorts(const QString& text, QString* error);
    /// What discover() probes (default: defaultCandidates()); tests pass the simulator's ports.
    void setCandidates(const QList<DiscoveryCandidate>& candidates) { m_candidates = candidates; }
    [[nodiscard]] const QList<DiscoveryCandidate>& candidates() const { return m_candidates; }
    /// Per request (default 3000 ms).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    /// Probes @p address (a host name or IP address exactly as typed). A discovery still running is abandoned.
    void discover(const QString& address);
    [[nodiscard]] bool isRunning() const { return m_pending > 0; }

signals:
    /// One service was identified.
    void found(const hlc::DiscoveredService& service);
    /// Every candidate was probed; @p services in candidate order.
    void finished(const QList<hlc::DiscoveredService>& services);

public:
    /// One unauthenticated GET of a kind and how its answer is recognised (Discovery.cpp).
    struct Probe;

private:
    void probe(int candidate, int step, quint64 generation);
    void candidateDone(quint64 generation);

    QNetworkAccessManager* m_nam;
    QList<DiscoveryCandidate> m_candidates;
    QString m_address;
    int m_timeoutMs = 3000;
    int m_pending = 0;
    quint64 m_generation = 0;
    QList<std::optional<DiscoveredService>> m_results;
};

} // namespace hlc

Q_DECLARE_METATYPE(hlc::DiscoveredService)
