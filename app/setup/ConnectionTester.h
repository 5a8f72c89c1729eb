#pragma once

#include "core/ApiError.h"
#include "core/CertificateInfo.h"
#include "core/Config.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace hlc {

class ServiceClient;

/// One step of a connection test, as the user reads it: what was tried, how it went, and what to do next.
struct TestStep
{
    enum class Kind
    {
        Cleartext, ///< would a secret travel over plain http://?
        Resolve,   ///< name resolution (for a literal IP address: just the address)
        Connect,   ///< TCP connect
        Tls,       ///< TLS handshake and certificate (https:// only)
        Http,      ///< the service's API with the secret
    };
    enum class Status
    {
        Ok,
        Failed,
        Skipped,
    };
    Kind kind = Kind::Resolve;
    Status status = Status::Skipped;
    QString name;   ///< translated, e.g. "TCP connect to 127.0.0.1:8006"
    QString detail; ///< translated: what happened (never a secret)
    QString next;   ///< translated: what to do next; empty when nothing is needed
};

/// The outcome of ConnectionTester::test(): every step, and the facts the setup dialog acts on.
struct TestReport
{
    /// The first failure, precise enough for the dialog (and tests) to act on.
    enum class Failure
    {
        None,
        CleartextRefused, ///< auth over http:// without allowCleartextAuth: nothing was sent
        InvalidUrl,       ///< the URL is not an absolute http(s) URL with a host
        NameResolution,   ///< the host name could not be resolved
        Refused,          ///< nothing listens on the port
        Timeout,          ///< no answer in time (TCP, TLS or HTTP)
        Network,          ///< another network error (reset, unreachable, ...)
        TlsUntrusted,     ///< self-signed / unknown issuer, no pin: `certificate` holds it
        TlsChanged,       ///< a pin exists and the server shows another certificate: `certificate`, `pinnedSha256`
        TlsHostname,      ///< the certificate does not name the host typed
        TlsExpired,       ///< the certificate expired (or is not valid yet)
        Tls,              ///< another TLS failure
        WrongPath,        ///< 404 or not the service's API: `triedUrl` and `expectedPath`
        Unauthorized,     ///< 401: wrong secret
        Forbidden,        ///< 403: `missingPrivilege` when the server names it
        Server,           ///< 5xx
        Unexpected,       ///< any other HTTP answer
    };
    ServiceConfig service; ///< what was tested (no secret)
    QList<TestStep> steps;
    Failure failure = Failure::None;
    CertificateInfo certificate; ///< the server's leaf certificate (https); the one to trust on TlsUntrusted
    QByteArray pinnedSha256;     ///< TlsChanged: the pin it did not match
    QUrl triedUrl;               ///< the URL of the failing (or last) HTTP request
    QString expectedPath;        ///< WrongPath: the API path the base URL should end in ("/api2/json")
    QString missingPrivilege;    ///< Forbidden: e.g. "VM.Audit", when the server said it
    QString version;             ///< on success: the server's version, when it tells it
    QString fact;                ///< on success: one fact, translated ("2 nodes", "14 entities", ...)

    [[nodiscard]] bool ok() const { return failure == Failure::None; }
    /// The step list as plain text, one line per step (for the dialog's copy button and logs: no secret in it).
    [[nodiscard]] QString toText() const;
};

/**
 * @brief "Test connection" for one service that is not saved yet: reports exactly what happened, step by step.
 *
 * Steps: cleartext check (a secret over http:// is refused unless the service allows it, and then nothing is sent),
 * name resolution (QHostInfo; a literal address is just shown), TCP connect (refused / timeout), TLS for https (a
 * handshake of its own that only looks at the certificate: untrusted, changed pin, hostname mismatch, expired) and
 * the service's API through a throw-away client of its kind, built the way ServiceDirectory builds them, with the
 * secret given (never stored). On success the report carries the server's version and one fact.
 *
 * A test never saves anything and sends the secret only in the HTTP step, to the URL given, after TLS was checked.
 */
class ConnectionTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTester)
public:
    explicit ConnectionTester(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~ConnectionTester() override;

    /// Starts testing @p service with @p secret; a test still running is abandoned. finished() reports the end.
    void test(const ServiceConfig& service, const QString& secret);
    /// True while a test runs.
    [[nodiscard]] bool isRunning() const { return m_running; }
    /// Stops a running test without a report.
    void cancel();

    /// The base path a kind's API lives under ("/api2/json" for Proxmox, "" for the root).
    [[nodiscard]] static QString expectedPath(ServiceKind kind);
    /// Step kind names for logs and tests: "cleartext", "resolve", "connect", "tls", "http".
    [[nodiscard]] static QString stepKindName(TestStep::Kind kind);
    [[nodiscard]] static QString failureName(TestReport::Failure failure);

signals:
    /// A step finished (steps run in order; skipped ones are reported at the end).
    void stepFinished(const hlc::TestStep& step);
    /// The test ended; @p report holds every step.
    void finished(const hlc::TestReport& report);

private:
    void resolve();
    void connectTcp();
    void checkTls();
    void callApi();
    void stepDone(TestStep step);
    void fail(TestStep step, TestReport::Failure failure);
    void succeed();
    void finish();
    void httpFailed(const QObject* client, const ApiError& error, const QUrl& url);
    [[nodiscard]] Endpoint endpoint() const;

    QNetworkAccessManager* m_nam;
    ServiceConfig m_service;
    QString m_secret;
    QString m_address; ///< resolved address the TCP and TLS steps use
    TestReport m_report;
    bool m_running = false;
    quint64 m_generation = 0;
    QPointer<QObject> m_work; ///< parent of this test's sockets, timers and client: deleted with the test
};

} // namespace hlc

Q_DECLARE_METATYPE(hlc::TestStep)
Q_DECLARE_METATYPE(hlc::TestReport)
