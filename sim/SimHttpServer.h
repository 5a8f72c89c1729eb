#pragma once

#include "TlsIdentity.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QTcpServer;

namespace hlc::sim {

class SimHttpConnection;
class SimStream;

/// One HTTP request as the simulator received it.
struct SimRequest
{
    QByteArray method;
    QString path; ///< percent-decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< names lower-cased
    QByteArray body;
    QHash<QString, QString> params; ///< path parameters from the route pattern

    [[nodiscard]] QByteArray header(const QByteArray& lowerName) const { return headers.value(lowerName); }
};

/// The answer of a route handler.
struct SimResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json;charset=utf-8";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray reason; ///< status line reason phrase; empty: the standard one (PVE puts its error message here)

    static SimResponse json(int status, const QByteArray& body);
    static SimResponse text(int status, const QByteArray& body);
};

/// Misbehaviour injected into the answers of a route.
struct Fault
{
    int latencyMs = 0;  ///< delay before answering
    bool hang = false;  ///< accept and read the request, never answer (keep the socket open)
    bool reset = false; ///< close the connection abruptly (abort) without answering
    /// Send the status line, the headers (Content-Length of the full body) and half the body, then abort the
    /// connection (a TCP reset, not an orderly close): the answer was on its way when the connection broke.
    bool resetAfterHeaders = false;
    int status = 0; ///< 0 = the route's own status; else answer with this status (body: a JSON error object)
    /// Extra headers on the answer, e.g. `Retry-After: 2` with status 429.
    QList<QPair<QByteArray, QByteArray>> headers;
    /// Non-empty: the answer's Content-Type is this instead of the route's (e.g. "text/plain" for a JSON body).
    QByteArray contentType;
    /// Malformed: body replaced by invalid JSON; Truncated: Content-Length of the full body but only half sent,
    /// then the connection closed; Oversized: a syntactically valid JSON body of oversizedBytes bytes; Null: the
    /// JSON `null`; WrongShape: valid JSON of another shape than documented (every value a string, arrays of
    /// nulls), as broken proxies and odd versions send; Empty: no body at all; LoginPage: the HTML sign-in page a
    /// reverse proxy's single sign-on (Traefik forward auth to Authentik) serves instead of the API's answer
    /// (text/html); PlainText: a short text/plain message that is no JSON ("upstream connect error ...").
    enum class Body
    {
        AsIs,
        Malformed,
        Truncated,
        Oversized,
        Null,
        WrongShape,
        Empty,
        LoginPage,
        PlainText
    } body = Body::AsIs;
    qint64 oversizedBytes = 80ll * 1024 * 1024;
    int times = -1; ///< -1: until cleared; N: applies to the next N matching requests, then clears itself
};

/**
 * @brief A small HTTP/1.1 server on 127.0.0.1 (plain or TLS) with routes, keep-alive and fault injection.
 *
 * Requests on one connection are answered in order. Unknown paths get 404, a known path with another method
 * 405. Only `Content-Length` request bodies are supported (no chunked uploads, no `Expect: 100-continue`).
 */
class SimHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHttpServer)
public:
    using Handler = std::function<SimResponse(const SimRequest&)>;
    using StreamHandler = std::function<void(const SimRequest&, SimStream*)>;

    explicit SimHttpServer(QObject* parent = nullptr);
    ~SimHttpServer() override;

    /// Listens on 127.0.0.1:@p port (0: any free port). With @p tls and no identity set, generates one.
    bool listen(bool tls = false, quint16 port = 0);
    /// Stops listening and drops every open connection.
    void close();
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QUrl baseUrl() const; ///< "http(s)://127.0.0.1:PORT"
    [[nodiscard]] bool isTls() const { return m_tls; }
    [[nodiscard]] QString errorString() const { return m_error; }

    /// May be called while listening: connections accepted afterwards use the new identity.
    void setTlsIdentity(const TlsIdentity& id) { m_identity = id; }
    /// The server's identity replaced mid-run (a re-installed host, a new certificate, a machine in the middle):
    /// sets @p id and drops every open connection, so that the next request meets the new certificate.
    void replaceTlsIdentity(const TlsIdentity& id);
    [[nodiscard]] TlsIdentity tlsIdentity() const { return m_identity; }
    /// TLS only: the application protocols offered in ALPN, in the server's order of preference (e.g. "h2",
    /// "http/1.1", as Go servers like Portainer do). Empty (default): no ALPN. The simulator itself speaks only
    /// HTTP/1.1: a client that negotiates h2 gets no usable answer, which is what tests of ALPN choice need.
    void setAlpnProtocols(const QList<QByteArray>& protocols) { m_alpn = protocols; }
    /// The protocol each TLS connection negotiated, in the order the handshakes finished ("" when none).
    [[nodiscard]] QList<QByteArray> negotiatedProtocols() const { return m_negotiated; }

    /// @p pattern: literal segments and `{name}` placeholders, e.g. "/api2/json/nodes/{node}/status".
    void route(const QByteArray& method, const QString& pattern, Handler handler);
    /// A route whose answer is written over time through a SimStream (chunked encoding).
    void routeStream(const QByteArray& method, const QString& pattern, StreamHandler handler);

    /// @p pattern as registered, or "*" for every request (unknown paths included); @p method may be "*" too.
    void setFault(const QByteArray& method, const QString& pattern, const Fault& fault);
    void clearFault(const QByteArray& method, const QString& pattern);
    void clearFaults();

    /// Every request fully received, in order (recorded before faults apply).
    [[nodiscard]] QList<SimRequest> requests() const { return m_requests; }
    void clearRequests()
    {
        m_requests.clear();
        m_duplicateGets.clear();
    }
    /// "GET path?query" of every GET that arrived while an identical one was still unanswered (a client that sends
    /// the same request twice instead of joining the one in flight), since the start or clearRequests(). Only
    /// meaningful when answers take a while (a latency fault): instant answers leave nothing in flight.
    [[nodiscard]] QStringList duplicateGets() const { return m_duplicateGets; }
    /// TCP connections accepted, also those whose TLS handshake failed.
    [[nodiscard]] int connectionsAccepted() const { return m_connectionsAccepted; }
    /// Connections currently open.
    [[nodiscard]] int openConnections() const;

signals:
    void requestReceived(const hlc::sim::SimRequest& request);

private:
    friend class SimHttpConnection;
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
        StreamHandler streamHandler;
    };
    struct Dispatch
    {
        std::optional<Route> route;    ///< the matching route, if any
        QByteArrayList allowedMethods; ///< methods registered for this path (for 405 + Allow)
        QHash<QString, QString> params;
    };

    void handleNewConnection(qintptr descriptor);
    void addRoute(Route r);
    [[nodiscard]] Dispatch match(const QByteArray& method, const QStringList& rawSegments) const;
    /// Returns the fault for this request and counts it down (nullopt: none).
    std::optional<Fault> takeFault(const QByteArray& method, const QString& pattern);
    void recordRequest(const SimRequest& request);
    /// A GET is being answered (or given up): no longer in flight.
    void answered(const SimRequest& request);
    [[nodiscard]] static QString inFlightKey(const SimRequest& request);

    class TcpServer;
    TcpServer* m_tcp = nullptr;
    bool m_tls = false;
    TlsIdentity m_identity;
    QList<QByteArray> m_alpn;
    QList<QByteArray> m_negotiated;
    QString m_error;
    QList<Route> m_routes;
    QHash<QPair<QByteArray, QString>, Fault> m_faults;
    QList<SimRequest> m_requests;
    QHash<QString, int> m_inFlight; ///< GETs received and not answered yet, by inFlightKey()
    QStringList m_duplicateGets;
    QList<QPointer<SimHttpConnection>> m_connections;
    int m_connectionsAccepted = 0;
};

} // namespace hlc::sim
