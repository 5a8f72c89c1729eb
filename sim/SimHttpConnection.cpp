#include "SimHttpConnection.h"

#include "SimStream.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace hlc::sim {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
constexpr qint64 kMaxBodyBytes = 256ll * 1024 * 1024;
constexpr qint64 kOversizedChunk = 256 * 1024;
constexpr qint64 kWriteHighWater = 1024 * 1024;

/// What Authentik's flow executor serves behind Traefik's forward auth when the request carries no session: a full
/// HTML page with status 200 (abridged).
constexpr char kLoginPage[] = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>authentik</title>
<link rel="stylesheet" type="text/css" href="/static/dist/authentik.css">
<script src="/static/dist/flow/FlowInterface.js" type="module"></script>
</head>
<body>
<ak-flow-executor flowSlug="default-authentication-flow">
<ak-loading></ak-loading>
</ak-flow-executor>
<noscript>Welcome to authentik! Please sign in to continue.</noscript>
</body>
</html>
)";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray statusLine(int status, const QByteArray& reason)
{
    QByteArray r = reason.isEmpty() ? reasonPhrase(status) : reason;
    r.replace('\r', ' ').replace('\n', ' ');
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + r + "\r\n";
}

QByteArray errorBody(int status, const std::string& message)
{
    const nlohmann::json j = {{"data", nullptr}, {"error", message}, {"status", status}};
    return QByteArray::fromStdString(j.dump());
}

} // namespace

SimHttpConnection::SimHttpConnection(SimHttpServer* server, QTcpSocket* socket)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &SimHttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &SimHttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_oversizedLeft > 0)
            pumpOversized();
    });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        // A failed TLS handshake or a reset by the peer: nothing to answer any more.
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            onDisconnected();
    });
    if (auto* ssl = qobject_cast<QSslSocket*>(m_socket)) {
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError>&) { abortNow(); });
    }
}

SimHttpConnection::~SimHttpConnection() = default;

void SimHttpConnection::abortNow()
{
    m_closing = true;
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    onDisconnected();
}

bool SimHttpConnection::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void SimHttpConnection::onDisconnected()
{
    m_closing = true;
    m_oversizedLeft = 0;
    if (m_stream) {
        SimStream* s = m_stream;
        m_stream = nullptr;
        s->markClosed();
    }
    deleteLater();
}

void SimHttpConnection::onReadyRead()
{
    m_buffer.append(m_socket->readAll());
    processBuffer();
}

void SimHttpConnection::processBuffer()
{
    while (!m_busy && !m_closing && isConnected()) {
        Parsed parsed;
        const ParseResult r = parseOne(&parsed);
        if (r != ParseResult::Ok)
            return;
        handle(std::move(parsed));
    }
}

SimHttpConnection::ParseResult SimHttpConnection::parseOne(Parsed* out)
{
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_buffer.size() > kMaxHeaderBytes) {
            sendError(431, "request header too large");
            return ParseResult::Error;
        }
        return ParseResult::Incomplete;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        sendError(400, "malformed request line");
        return ParseResult::Error;
    }
    SimRequest& req = out->request;
    req.method = requestLine[0];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (req.headers.contains(name))
            req.headers[name] += ", " + value;
        else
            req.headers.insert(name, value);
    }
    if (req.headers.contains("transfer-encoding")) {
        sendError(501, "chunked request bodies are not supported by the simulator");
        return ParseResult::Error;
    }
    qint64 length = 0;
    if (req.headers.contains("content-length")) {
        bool ok = false;
        length = req.headers.value("content-length").toLongLong(&ok);
        if (!ok || length < 0) {
            sendError(400, "invalid Content-Length");
            return ParseResult::Error;
        }
        if (length > kMaxBodyBytes) {
            sendError(413, "request body too large");
            return ParseResult::Error;
        }
    }
    const qint64 total = headerEnd + 4 + length;
    if (m_buffer.size() < total)
        return ParseResult::Incomplete;
    req.body = m_buffer.mid(headerEnd + 4, length);
    m_buffer.remove(0, total);

    QByteArray target = requestLine[1];
    if (target.startsWith("http://") || target.startsWith("https://")) // absolute form
        target = QUrl::fromEncoded(target).path(QUrl::FullyEncoded).toUtf8();
    const qsizetype q = target.indexOf('?');
    const QByteArray rawPath = q < 0 ? target : target.left(q);
    if (q >= 0)
        req.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
    req.path = QUrl::fromPercentEncoding(rawPath);
    for (const QByteArray& seg : rawPath.split('/')) {
        if (!seg.isEmpty())
            out->rawSegments.append(QUrl::fromPercentEncoding(seg));
    }
    const QByteArray connection = req.header("connection").toLower();
    out->keepAlive = requestLine[2] == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");
    return ParseResult::Ok;
}

void SimHttpConnection::handle(Parsed parsed)
{
    const SimHttpServer::Dispatch dispatch = m_server->match(parsed.request.method, parsed.rawSegments);
    parsed.request.params = dispatch.params;
    m_server->recordRequest(parsed.request);
    if (m_closing || !isConnected()) // a requestReceived slot may have closed the server
        return;

    const QString pattern = dispatch.route ? dispatch.route->pattern : QString();
    const std::optional<Fault> maybeFault = m_server->takeFault(parsed.request.method, pattern);
    const Fault fault = maybeFault.value_or(Fault{});
    if (fault.reset) {
        m_server->answered(parsed.request); // given up: a retry is no duplicate
        abortNow();
        return;
    }
    m_busy = true;
    if (fault.hang)
        return; // never answered; the socket stays open until the client gives up
    if (fault.latencyMs > 0) {
        QTimer::singleShot(fault.latencyMs, this,
                           [this, req = parsed.request, dispatch, fault, keep = parsed.keepAlive] {
                               respond(req, dispatch.route, dispatch, fault, keep);
                           });
        return;
    }
    respond(parsed.request, dispatch.route, dispatch, fault, parsed.keepAlive);
}

void SimHttpConnection::respond(const SimRequest& request, const std::optional<SimHttpServer::Route>& route,
                                const SimHttpServer::Dispatch& dispatch, const Fault& fault, bool keepAlive)
{
    if (m_server)
        m_server->answered(request);
    if (!isConnected())
        return;
    if (fault.status != 0) {
        SimResponse r = SimResponse::json(
            fault.status, errorBody(fault.status, "simulated fault: HTTP " + std::to_string(fault.status)));
        sendResponse(r, fault, keepAlive);
        return;
    }
    if (!route) {
        if (!dispatch.allowedMethods.isEmpty()) {
            SimResponse r = SimResponse::json(405, errorBody(405, "method not allowed"));
            r.headers.append({"Allow", dispatch.allowedMethods.join(", ")});
            sendResponse(r, fault, keepAlive);
        } else {
            sendResponse(SimResponse::json(404, errorBody(404, "no such route: " + request.path.toStdString())), fault,
                         keepAlive);
        }
        return;
    }
    if (route->streamHandler) {
        m_keepAlive = keepAlive;
        auto* stream = new SimStream(this);
        m_stream = stream;
        route->streamHandler(request, stream);
        return;
    }
    sendResponse(route->handler ? route->handler(request) : SimResponse::json(500, errorBody(500, "no handler")), fault,
                 keepAlive);
}

void SimHttpConnection::sendResponse(const SimResponse& response, const Fault& fault, bool keepAlive)
{
    const Fault::Body bodyMode = fault.body;
    QByteArray body = response.body;
    QByteArray contentType = response.contentType;
    qint64 contentLength = body.size();
    if (bodyMode == Fault::Body::Malformed)
        body = R"({"data": [{"id": "broken", "value": 1,, "unterminated)";
    else if (bodyMode == Fault::Body::Null)
        body = "null";
    else if (bodyMode == Fault::Body::Empty)
        body.clear();
    else if (bodyMode == Fault::Body::WrongShape)
        body = R"({"data": "1", "status": [null], "result": {"data": null}, "items": "many", "models": {"a": 1},)"
               R"( "entities": 7, "version": [1, 2], "num_dns_queries": "12", "stacks": null, "alerts": "none"})";
    if (bodyMode == Fault::Body::LoginPage) {
        body = kLoginPage;
        contentType = "text/html; charset=utf-8";
    } else if (bodyMode == Fault::Body::PlainText) {
        body = "upstream connect error or disconnect/reset before headers. reset reason: connection failure\n";
        contentType = "text/plain; charset=utf-8";
    }
    if (!fault.contentType.isEmpty())
        contentType = fault.contentType;
    if (bodyMode == Fault::Body::Oversized)
        contentLength = std::max<qint64>(fault.oversizedBytes, 16);
    else
        contentLength = body.size();

    QByteArray head = statusLine(response.status, response.reason);
    head += "Server: hlc-sim\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    for (const auto& [name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    for (const auto& [name, value] : fault.headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    const bool truncated = bodyMode == Fault::Body::Truncated;
    head += (keepAlive && !truncated) ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    head += "\r\n";

    if (fault.resetAfterHeaders) {
        write(head + body.left(body.size() / 2));
        m_socket->flush();
        abortNow(); // a reset, not an orderly close: what a crashed server or a dropped NAT entry looks like
        return;
    }
    if (truncated) {
        write(head + body.left(body.size() / 2));
        m_closing = true;
        m_socket->disconnectFromHost(); // flushes what was written, then closes: the body stays incomplete
        return;
    }
    if (bodyMode == Fault::Body::Oversized) {
        m_keepAlive = keepAlive;
        write(head);
        m_oversizedLeft = contentLength;
        m_oversizedFirst = true;
        pumpOversized();
        return;
    }
    write(head + body);
    finishResponse(keepAlive);
}

void SimHttpConnection::pumpOversized()
{
    // {"padding":"xxxx...x"} written in slices while the socket drains, so memory stays small.
    static const QByteArray prefix = R"({"padding":")";
    static const QByteArray suffix = R"("})";
    while (m_oversizedLeft > 0 && isConnected() && m_socket->bytesToWrite() < kWriteHighWater) {
        QByteArray piece;
        if (m_oversizedFirst) {
            piece = prefix;
            m_oversizedFirst = false;
        }
        const qint64 room = m_oversizedLeft - piece.size() - static_cast<qint64>(suffix.size());
        const qint64 fill = std::clamp<qint64>(room, 0, kOversizedChunk);
        piece.append(QByteArray(fill, 'x'));
        if (m_oversizedLeft - piece.size() == suffix.size())
            piece.append(suffix);
        m_oversizedLeft -= piece.size();
        write(piece);
    }
    if (m_oversizedLeft == 0)
        finishResponse(m_keepAlive);
}

void SimHttpConnection::finishResponse(bool keepAlive)
{
    m_busy = false;
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    // Serve requests that arrived meanwhile, but not from inside a handler's call stack.
    if (!m_buffer.isEmpty())
        QTimer::singleShot(0, this, &SimHttpConnection::processBuffer);
}

void SimHttpConnection::sendError(int status, const QByteArray& message)
{
    m_closing = true;
    SimResponse r = SimResponse::json(status, errorBody(status, message.toStdString()));
    QByteArray head = statusLine(status, {});
    head += "Content-Type: " + r.contentType + "\r\nContent-Length: " + QByteArray::number(r.body.size()) +
            "\r\nConnection: close\r\n\r\n";
    write(head + r.body);
    m_socket->disconnectFromHost();
}

void SimHttpConnection::write(const QByteArray& bytes)
{
    if (isConnected())
        m_socket->write(bytes);
}

void SimHttpConnection::streamHead(int status, const QByteArray& contentType)
{
    QByteArray head = statusLine(status, {});
    head += "Server: hlc-sim\r\nContent-Type: " + contentType +
            "\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n";
    head += m_keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    write(head);
}

void SimHttpConnection::streamChunk(const QByteArray& chunk)
{
    write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
}

void SimHttpConnection::streamEnd()
{
    write("0\r\n\r\n");
    if (m_stream) {
        m_stream->deleteLater();
        m_stream = nullptr;
    }
    finishResponse(m_keepAlive);
}

void SimHttpConnection::streamAbort()
{
    m_socket->flush(); // what was written goes out first (a cut mid-message sends its half), then the reset
    abortNow();
}

} // namespace hlc::sim
