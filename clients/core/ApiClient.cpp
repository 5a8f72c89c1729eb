#include "ApiClient.h"

#include "RetryAfter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcApi, "hlc.clients.core")

namespace hlc {

namespace {

QString displayUrl(const QUrl& url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment).toString();
}

/**
 * The body of a non-idempotent request, readable exactly once.
 *
 * Qt 6.4's HTTP/1.1 channel re-sends the current request on its own (up to 3 times, whatever the method) when the
 * connection closes before the status line arrives (QHttpNetworkConnectionChannel::handleUnexpectedEOF() and the
 * RemoteHostClosedError branch of _q_error()). Before every such re-send it rewinds the upload device
 * (resetUploadData() from _q_startNextRequest()); when that fails it gives up with ContentReSendError instead. A
 * sequential device whose reset() fails therefore turns Qt's silent second send into an error we can report.
 */
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject* parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] qint64 size() const override { return m_data.size(); }
    [[nodiscard]] qint64 bytesAvailable() const override { return m_data.size() - m_pos; }
    [[nodiscard]] bool atEnd() const override { return m_pos >= m_data.size(); }
    bool reset() override { return false; }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::memcpy(out, m_data.constData() + m_pos, static_cast<size_t>(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

/// Errors that prove the request never left this machine: repeating it cannot do anything twice.
bool provesNotSent(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProtocolUnknownError:
        return true;
    default:
        return false;
    }
}

/// True when @p body is an HTML document (a login page, a proxy's error page), not the API's answer.
bool looksLikeHtml(const QByteArray& body)
{
    QByteArray head = body.left(512).trimmed().toLower();
    if (head.startsWith("\xef\xbb\xbf")) // UTF-8 byte order mark
        head = head.mid(3).trimmed();
    return head.startsWith("<!doctype html") || head.startsWith("<html") ||
           (head.startsWith("<!--") && head.contains("<html"));
}

/// The page's <title> when it is a few plain words (e.g. "authentik", "Sign in"), else empty: never arbitrary markup.
QString htmlTitle(const QByteArray& body)
{
    const QByteArray lower = body.left(4096).toLower();
    const qsizetype open = lower.indexOf("<title>");
    const qsizetype close = lower.indexOf("</title>", open);
    if (open < 0 || close < 0)
        return {};
    const QString title = QString::fromUtf8(body.mid(open + 7, close - open - 7)).simplified();
    if (title.isEmpty() || title.size() > 40)
        return {};
    for (const QChar c : title) {
        if (!c.isLetterOrNumber() && c != QLatin1Char(' ') && c != QLatin1Char('-') && c != QLatin1Char('.') &&
            c != QLatin1Char('|') && c != QLatin1Char(':'))
            return {};
    }
    return title;
}

/// The pauses services asked for (429 with Retry-After), per client: the deadline of the next poll.
QHash<const ApiClient*, QDeadlineTimer>& pauses()
{
    static QHash<const ApiClient*, QDeadlineTimer> s_pauses;
    return s_pauses;
}

/// A text answer (text/plain, text/html, ...) whose body cannot be JSON: not the API answering a poll (an action may
/// answer "OK" as text/plain, as AdGuard Home does).
bool isTextNotJson(const QByteArray& contentType, const QByteArray& body)
{
    if (!contentType.trimmed().toLower().startsWith("text/"))
        return false;
    const QByteArray start = body.left(64).trimmed();
    if (start.isEmpty())
        return false;
    const char c = start.front();
    return !(c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' ||
             c == 'n');
}

/// The error for an HTML page where the API's JSON was expected: a login page or a proxy's single sign-on in front of
/// the API (Traefik forward auth to Authentik answers 200 with its sign-in page).
ApiError webPageError(const QUrl& url, int status, const QByteArray& contentType, const QByteArray& body,
                      const QString& what)
{
    ApiError e;
    e.kind = ApiError::Kind::Parse;
    e.httpStatus = status;
    const QString title = htmlTitle(body);
    const QString type = QString::fromLatin1(contentType.left(60)).simplified();
    const QString seen = title.isEmpty()
                             ? QCoreApplication::translate("hlc::ApiClient", "HTTP %1, %2")
                                   .arg(status)
                                   .arg(type.isEmpty() ? QStringLiteral("?") : type)
                             : QCoreApplication::translate("hlc::ApiClient", "HTTP %1, a page titled \u201c%2\u201d")
                                   .arg(status)
                                   .arg(title);
    e.message = QCoreApplication::translate(
                    "hlc::ApiClient",
                    "%1 sent a web page instead of the API's answer (%2): is a login page or a proxy with single "
                    "sign-on in front of %3? Let the API path through without the login (e.g. a bypass rule in the "
                    "proxy), or use the service's own address.")
                    .arg(ApiClient::hostOf(url), seen, displayUrl(url));
    e.detail = QStringLiteral("%1: HTTP %2 with an HTML page (%3, %4 bytes) where JSON was expected")
                   .arg(what)
                   .arg(status)
                   .arg(type)
                   .arg(body.size());
    return e;
}

/// The error for a text answer that is no JSON ("upstream connect error ..." as text/plain): something other than the
/// service answers at this address.
ApiError textAnswerError(const QUrl& url, int status, const QByteArray& contentType, const QString& what)
{
    ApiError e;
    e.kind = ApiError::Kind::Parse;
    e.httpStatus = status;
    const QString type = QString::fromLatin1(contentType.left(60)).section(QLatin1Char(';'), 0, 0).simplified();
    e.message = QCoreApplication::translate(
                    "hlc::ApiClient",
                    "%1 answered with %2 instead of the API's JSON: something other than the service answers at this "
                    "address (a proxy, another program on the port). Check the address and the port.")
                    .arg(ApiClient::hostOf(url), type);
    e.detail = QStringLiteral("%1: HTTP %2 with %3 where JSON was expected").arg(what).arg(status).arg(type);
    return e;
}

/// The request expects a JSON answer: the default Accept, not overridden by one that takes anything.
bool expectsJson(const ApiRequest& r)
{
    for (const auto& [name, value] : r.headers) {
        if (name.compare("Accept", Qt::CaseInsensitive) == 0)
            return value.contains("json") && !value.contains("*/*");
    }
    return true;
}

} // namespace

QByteArray ApiResponse::header(const QByteArray& name) const
{
    for (const auto& [k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------------------------

ApiCall::ApiCall(ApiClient* client, ApiRequest request, QObject* context, Callback callback)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_context(context)
    , m_hasContext(context != nullptr)
    , m_callback(std::move(callback))
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_leader) {
        // A follower has nothing on the wire: it just leaves (the request it joined goes on for the others).
        m_leader->m_followers.removeAll(QPointer<ApiCall>(this));
        m_leader.clear();
    }
    if (m_reply) {
        m_reply->abort();
    } else {
        // Between two attempts: finish now.
        ApiResponse r;
        r.attempts = m_attempt;
        r.error.kind = ApiError::Kind::Cancelled;
        r.error.message = tr("The request was cancelled.");
        r.error.detail = QStringLiteral("cancelled before attempt %1").arg(m_attempt + 1);
        finish(r);
    }
}

void ApiCall::start()
{
    if (m_done)
        return;
    ++m_attempt;
    m_timedOut = false;
    m_tooLarge = false;
    m_tlsRejection.reset();

    const QNetworkRequest req = m_client->buildRequest(m_request);
    QNetworkAccessManager* nam = m_client->m_nam;
    if (!m_request.isIdempotent()) {
        // At most once on the wire: see OneShotBody. The body streams from the device (no copy Qt could rewind),
        // which needs an explicit Content-Length. The device lives as long as the reply (its child).
        QNetworkRequest once = req;
        once.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        once.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
        auto* body = new OneShotBody(m_request.body, nullptr);
        m_reply = nam->sendCustomRequest(once, m_request.method, body);
        body->setParent(m_reply);
    } else if (m_request.body.isEmpty() && (m_request.method == "GET" || m_request.method == "HEAD")) {
        m_reply = m_request.method == "GET" ? nam->get(req) : nam->head(req);
    } else {
        m_reply = nam->sendCustomRequest(req, m_request.method, m_request.body);
    }
    QNetworkReply* reply = m_reply;

    m_client->tlsPolicy().watch(reply, this, [this](const TlsRejection& rejected) { m_tlsRejection = rejected; });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64) {
        if (received > m_client->m_endpoint.maxBodyBytes) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onFinished);

    const int timeout = m_request.timeoutMs > 0 ? m_request.timeoutMs : m_client->m_endpoint.timeoutMs;
    m_timeout->start(timeout);
}

void ApiCall::onFinished()
{
    m_timeout->stop();
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();

    ApiResponse r;
    r.attempts = m_attempt;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.headers = reply->rawHeaderPairs();
    if (!m_tooLarge && reply->isOpen()) // an aborted reply (cancel, timeout) is closed: nothing to read
        r.body = reply->readAll();

    const QUrl url = reply->url();
    const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(m_request.method), displayUrl(url));
    const int timeout = m_request.timeoutMs > 0 ? m_request.timeoutMs : m_client->m_endpoint.timeoutMs;

    if (m_cancelled) {
        r.error.kind = ApiError::Kind::Cancelled;
        r.error.message = tr("The request was cancelled.");
        r.error.detail = what + QStringLiteral(": cancelled");
    } else if (m_timedOut) {
        r.error.kind = ApiError::Kind::Timeout;
        r.error.message =
            tr("%1 did not answer within %2 s.").arg(ApiClient::hostOf(url)).arg(timeout / 1000.0, 0, 'g', 3);
        r.error.detail = what + QStringLiteral(": timed out after %1 ms").arg(timeout);
    } else if (m_tlsRejection && m_tlsRejection->afterHandshake) {
        // The policy aborted the reply after the handshake: the pinned endpoint presented another certificate.
        r.error = m_tlsRejection->toError(ApiClient::hostOf(url), what);
    } else if (const TlsPolicy policy = m_client->tlsPolicy();
               url.scheme() == QLatin1String("https") && reply->error() == QNetworkReply::NoError &&
               !policy.acceptsEstablished(reply->sslConfiguration().peerCertificate())) {
        // Defence in depth: whatever connection carried it, a pinned endpoint's answer must come from the pin.
        r.body.clear();
        r.error =
            policy.rejection(reply->sslConfiguration().peerCertificate(), true).toError(ApiClient::hostOf(url), what);
        r.error.detail = what + QStringLiteral(": answer not from the pinned certificate");
    } else if (m_tooLarge) {
        r.error.kind = ApiError::Kind::Parse;
        r.error.message = tr("%1 sent a response larger than %2 MB; it was not read.")
                              .arg(ApiClient::hostOf(url))
                              .arg(m_client->m_endpoint.maxBodyBytes / (1024LL * 1024));
        r.error.detail = what + QStringLiteral(": response body over limit");
    } else {
        r.error = ApiClient::mapReplyError(reply, what);
        if (r.error.kind == ApiError::Kind::Tls && m_tlsRejection)
            r.error = m_tlsRejection->toError(ApiClient::hostOf(url), what);
        if (!r.error.isError() && r.status >= 200 && r.status < 300 && expectsJson(m_request) && looksLikeHtml(r.body))
            r.error = webPageError(url, r.status, reply->rawHeader("Content-Type"), r.body, what);
        else if (!r.error.isError() && r.status >= 200 && r.status < 300 && m_request.isIdempotent() &&
                 expectsJson(m_request) && isTextNotJson(reply->rawHeader("Content-Type"), r.body))
            r.error = textAnswerError(url, r.status, reply->rawHeader("Content-Type"), what);
        if (r.error.isError())
            r.error.body = r.body;
        if (r.status == 429) {
            const qint64 wait = retryafter::parseMs(reply->rawHeader("Retry-After"));
            if (wait > 0)
                pauses()[m_client] = QDeadlineTimer(wait, Qt::PreciseTimer);
        }
    }

    // No complete answer to an action: the connection broke (before the status line, or after the headers while the
    // body came) or the timeout elapsed. A status of 2xx seen before the break does not tell what was done either.
    if (!m_request.isIdempotent() && r.status < 300 && !provesNotSent(reply->error()) &&
        (r.error.kind == ApiError::Kind::Network || r.error.kind == ApiError::Kind::Timeout)) {
        // The action may have reached the service; it was not sent again (OneShotBody). Say so plainly.
        r.error.outcomeUnknown = true;
        const QString advice = tr("The action may or may not have been carried out: check its current state "
                                  "before trying again.");
        if (r.error.kind == ApiError::Kind::Timeout)
            r.error.message += QLatin1Char(' ') + advice;
        else
            r.error.message = tr("The connection to %1 was lost after the request was sent, before an answer came.")
                                  .arg(ApiClient::hostOf(url)) +
                              QLatin1Char(' ') + advice;
        r.error.detail += QStringLiteral("; outcome unknown, not re-sent");
    }

    m_client->reportTlsRejection(r.error, ApiClient::hostOf(url));
    if (!r.error.isError() && url.scheme() == QLatin1String("https"))
        m_client->notePeerCertificate(reply->sslConfiguration().peerCertificate());

    if (shouldRetry(r)) {
        const int delay = m_client->m_endpoint.retryBaseDelayMs * (1 << (m_attempt - 1));
        qCDebug(lcApi) << "retrying" << what << "after" << delay << "ms:" << r.error.detail;
        QTimer::singleShot(delay, this, &ApiCall::start);
        return;
    }
    if (r.error.isError())
        qCDebug(lcApi) << r.error.detail;
    finish(std::move(r));
}

bool ApiCall::shouldRetry(const ApiResponse& r) const
{
    if (!m_request.isIdempotent() || m_cancelled || m_attempt > m_client->m_endpoint.maxRetries)
        return false;
    switch (r.error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return true;
    case ApiError::Kind::Server:
        return r.status == 503;
    default:
        return false;
    }
}

void ApiCall::finish(ApiResponse response)
{
    if (m_done)
        return;
    m_done = true;
    if (!m_joinKey.isEmpty() && m_client->m_inFlightGets.value(m_joinKey) == this)
        m_client->m_inFlightGets.remove(m_joinKey);
    emit m_client->callFinished(m_request, response.error);
    // A call whose context died is dropped silently: nobody is left to show the result to.
    if (!m_hasContext || m_context) {
        auto cb = std::move(m_callback);
        if (cb)
            cb(response);
    }
    settleFollowers(response); // after this call's own callback: answers arrive in the order they were asked
    deleteLater();
}

void ApiCall::settleFollowers(const ApiResponse& response)
{
    QList<ApiCall*> followers;
    for (const QPointer<ApiCall>& f : std::exchange(m_followers, {})) {
        if (f && !f->m_done) {
            f->m_leader.clear();
            followers << f;
        }
    }
    if (followers.isEmpty())
        return;
    if (m_cancelled) {
        // Cancelled by its own caller: the others still want the answer. The first goes on the wire, the rest join.
        for (ApiCall* f : std::as_const(followers))
            m_client->startOrJoin(f);
        return;
    }
    for (ApiCall* f : std::as_const(followers)) {
        ApiResponse r = response;
        r.attempts = 0; // nothing of its own on the wire
        f->finish(std::move(r));
    }
}

// ---------------------------------------------------------------------------------------------------------------

ApiClient::ApiClient(QNetworkAccessManager* nam, Endpoint endpoint, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_endpoint(std::move(endpoint))
{
    m_endpoint.pinnedSha256 = m_endpoint.pinnedSha256.toLower();
}

ApiClient::~ApiClient()
{
    pauses().remove(this);
}

qint64 retryafter::remainingMs(const ApiClient* client)
{
    const auto it = pauses().constFind(client);
    if (it == pauses().constEnd())
        return 0;
    const qint64 ns = it->remainingTimeNSecs();
    return ns > 0 ? (ns + 999'999) / 1'000'000 : 0; // rounded up: never a poll a fraction of a ms early
}

qint64 retryafter::parseMs(const QByteArray& value, const QDateTime& now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return 0;
    bool ok = false;
    const qint64 secs = v.toLongLong(&ok);
    qint64 ms = 0;
    if (ok) {
        ms = std::clamp<qint64>(secs, 0, 3600) * 1000;
    } else {
        // An HTTP-date (RFC 9110: IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT").
        QString date = QString::fromLatin1(v);
        if (date.endsWith(QLatin1String(" GMT"))) // HTTP says GMT; Qt's RFC 2822 reader wants the numeric zone
            date = date.left(date.size() - 4) + QLatin1String(" +0000");
        const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
        if (!at.isValid())
            return 0;
        ms = now.msecsTo(at);
    }
    return std::clamp<qint64>(ms, 0, 3600 * 1000);
}

void ApiClient::notePeerCertificate(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return;
    const QByteArray sha = TlsPolicy::sha256Hex(certificate);
    if (sha == m_peerCertificate.sha256)
        return;
    m_peerCertificate = CertificateInfo::fromCertificate(certificate);
    emit peerCertificateChanged(m_peerCertificate);
}

QString ApiClient::hostOf(const QUrl& url)
{
    // Never the query: it could hold a token in some APIs.
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

void ApiClient::reportTlsRejection(const ApiError& error, const QString& host)
{
    if (error.kind != ApiError::Kind::Tls || error.tlsFingerprint.isEmpty())
        return;
    emit untrustedCertificate(error.tlsFingerprint, host);
    emit certificateRejected(error.tlsCertificate, error.tlsPinnedSha256, host);
}

QUrl ApiClient::urlFor(const QString& path, const QUrlQuery& query) const
{
    QUrl url = m_endpoint.baseUrl;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString p = path;
    if (!p.isEmpty() && !p.startsWith(QLatin1Char('/')))
        p.prepend(QLatin1Char('/'));
    url.setPath(base + p);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QNetworkRequest ApiClient::buildRequest(const ApiRequest& r) const
{
    QNetworkRequest req(urlFor(r.path, r.query));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("User-Agent", "homelab-control/" HLC_VERSION);
    if (!r.contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
    for (const auto& [k, v] : r.headers)
        req.setRawHeader(k, v);
    // Our own timer enforces the timeout so that it maps to ApiError::Kind::Timeout precisely.
    //
    // Non-idempotent requests (actions) get a connection pool of their own (TlsPolicy::prepare() keys it by the
    // verify name) and `Connection: close`: every action goes out on a freshly opened connection that nothing else
    // used and nothing reuses, so it never races a keep-alive connection that the server is just closing. GETs keep
    // the shared pool.
    //
    // HTTP/2 (which Qt 6 offers in ALPN by default, and Go servers such as Portainer accept) multiplexes every request
    // on one long-lived connection and lets the stack resend a stream the server refused with GOAWAY: actions stay on
    // HTTP/1.1, where the guarantees above hold. Reads may use HTTP/2.
    const bool action = !r.isIdempotent();
    tlsPolicy().prepare(req, action);
    if (action) {
        req.setRawHeader("Connection", "close");
        req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    }
    decorate(req, r);
    return req;
}

void ApiClient::decorate(QNetworkRequest& req, const ApiRequest& r) const
{
    const Credentials& c = m_endpoint.credentials;
    if (c.scheme != AuthScheme::None && c.secret.isEmpty())
        return;
    switch (c.scheme) {
    case AuthScheme::None:
        break;
    case AuthScheme::PveToken:
        req.setRawHeader("Authorization", "PVEAPIToken=" + c.user.toUtf8() + '=' + c.secret.toUtf8());
        break;
    case AuthScheme::PveTicket:
        req.setRawHeader("Cookie", "PVEAuthCookie=" + QUrl::toPercentEncoding(c.secret));
        if (r.method != "GET" && r.method != "HEAD" && !c.extra.isEmpty())
            req.setRawHeader("CSRFPreventionToken", c.extra.toUtf8());
        break;
    case AuthScheme::ApiKey:
        req.setRawHeader("X-API-Key", c.secret.toUtf8());
        break;
    case AuthScheme::Bearer:
        req.setRawHeader("Authorization", "Bearer " + c.secret.toUtf8());
        break;
    case AuthScheme::Basic:
        req.setRawHeader("Authorization", "Basic " + (c.user + QLatin1Char(':') + c.secret).toUtf8().toBase64());
        break;
    }
}

ApiCall* ApiClient::send(ApiRequest request, QObject* context, ApiCall::Callback callback)
{
    auto* call = new ApiCall(this, std::move(request), context, std::move(callback));
    if (!m_endpoint.baseUrl.isValid() || m_endpoint.baseUrl.host().isEmpty()) {
        ApiResponse r;
        r.error.kind = ApiError::Kind::Config;
        r.error.message = tr("No valid address is configured for this service.");
        r.error.detail = QStringLiteral("invalid base URL");
        QTimer::singleShot(0, call, [call, r] { call->finish(r); });
        return call;
    }
    if (m_endpoint.credentials.scheme != AuthScheme::None && m_endpoint.credentials.secret.isEmpty()) {
        ApiResponse r;
        r.error.kind = ApiError::Kind::Config;
        r.error.message =
            tr("No secret is available for %1: enter it in the settings.").arg(hostOf(m_endpoint.baseUrl));
        r.error.detail = QStringLiteral("secret missing for %1").arg(hostOf(m_endpoint.baseUrl));
        QTimer::singleShot(0, call, [call, r] { call->finish(r); });
        return call;
    }
    if (call->m_request.isIdempotent() && retryafter::remainingMs(this) > 0) {
        // The service asked for a pause (429 with Retry-After): polls wait for it, nothing goes out meanwhile.
        // Actions (what the user asked for just now) still go: the service answers them, or says 429 again.
        const qint64 left = retryafter::remainingMs(this);
        const int secs = static_cast<int>((left + 999) / 1000);
        ApiResponse r;
        r.error.kind = ApiError::Kind::RateLimited;
        r.error.message =
            tr("%1 asked for a pause (HTTP 429, Retry-After): the next request goes out in %n s.", nullptr, secs)
                .arg(hostOf(m_endpoint.baseUrl));
        r.error.detail = QStringLiteral("%1 %2: not sent, Retry-After has %3 ms left")
                             .arg(QString::fromLatin1(call->m_request.method), displayUrl(urlFor(call->m_request.path)))
                             .arg(left);
        QTimer::singleShot(0, call, [call, r] { call->finish(r); });
        return call;
    }
    startOrJoin(call);
    return call;
}

QString ApiClient::joinKey(const ApiRequest& r) const
{
    // Only plain GETs: the same URL, headers and timeout give the same answer; anything that changes state never
    // joins another call.
    if (r.method != "GET" || !r.body.isEmpty() || !r.isIdempotent())
        return {};
    QString key = urlFor(r.path, r.query).toString(QUrl::FullyEncoded);
    // Credentials changed meanwhile (a new token): a new request, never the answer to the old one.
    key += QLatin1Char('\n') + QString::number(r.timeoutMs) + QLatin1Char('\n') +
           QString::number(qHash(m_endpoint.credentials.user + QLatin1Char(':') + m_endpoint.credentials.secret));
    for (const auto& [name, value] : r.headers)
        key += QLatin1Char('\n') + QString::fromLatin1(name) + QLatin1Char(':') + QString::fromLatin1(value);
    return key;
}

void ApiClient::startOrJoin(ApiCall* call)
{
    const QString key = joinKey(call->m_request);
    if (!key.isEmpty()) {
        const QPointer<ApiCall> leader = m_inFlightGets.value(key);
        if (leader && !leader->m_done && !leader->m_cancelled) {
            call->m_leader = leader;
            leader->m_followers << QPointer<ApiCall>(call);
            ++m_joined;
            return;
        }
        call->m_joinKey = key;
        m_inFlightGets.insert(key, call);
    }
    call->start();
}

ApiCall* ApiClient::get(const QString& path, const QUrlQuery& query, QObject* context, ApiCall::Callback callback)
{
    ApiRequest r;
    r.path = path;
    r.query = query;
    return send(std::move(r), context, std::move(callback));
}

int ApiClient::pending() const
{
    return static_cast<int>(findChildren<ApiCall*>(QString(), Qt::FindDirectChildrenOnly).size());
}

ApiError ApiClient::mapReplyError(QNetworkReply* reply, const QString& what)
{
    ApiError e;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QUrl url = reply->url();
    const QString host = hostOf(url);
    e.httpStatus = status;

    if (status >= 300 && status < 400) {
        e.kind = ApiError::Kind::Rejected;
        e.message = tr("%1 answered with a redirect (HTTP %2); redirects are not followed. Check the address.")
                        .arg(host)
                        .arg(status);
        const QString to = QString::fromUtf8(reply->rawHeader("Location")).toLower();
        if (to.contains(QLatin1String("login")) || to.contains(QLatin1String("auth")) ||
            to.contains(QLatin1String("sso")) || to.contains(QLatin1String("signin")) ||
            to.contains(QLatin1String("outpost")))
            e.message = tr("%1 sent the request to a login page (HTTP %2): a proxy with single sign-on is in front of "
                           "the API. Let the API path through without the login, or use the service's own address.")
                            .arg(host)
                            .arg(status);
        e.detail = QStringLiteral("%1: HTTP %2 redirect to %3")
                       .arg(what)
                       .arg(status)
                       .arg(displayUrl(QUrl(QString::fromUtf8(reply->rawHeader("Location")))));
        return e;
    }
    if (status >= 400) {
        e.detail = QStringLiteral("%1: HTTP %2 %3").arg(what).arg(status).arg(reason);
        if (status == 401) {
            e.kind = ApiError::Kind::Auth;
            e.message = tr("%1 rejected the credentials (HTTP 401). Check the token or password.").arg(host);
        } else if (status == 403) {
            e.kind = ApiError::Kind::Auth;
            e.message = tr("%1 denied access (HTTP 403): the account lacks a permission.").arg(host);
        } else if (status == 404) {
            e.kind = ApiError::Kind::NotFound;
            e.message = tr("%1 does not know %2 (HTTP 404).").arg(host, url.path());
        } else if (status == 429) {
            e.kind = ApiError::Kind::RateLimited;
            const qint64 wait = retryafter::parseMs(reply->rawHeader("Retry-After"));
            if (wait > 0)
                e.message = tr("%1 is rate limiting requests (HTTP 429): the app waits %n s, as it asked "
                               "(Retry-After), before asking again.",
                               nullptr, static_cast<int>((wait + 999) / 1000))
                                .arg(host);
            else
                e.message = tr("%1 is rate limiting requests (HTTP 429); the app asks less often until it answers "
                               "again.")
                                .arg(host);
        } else if (status == 502) {
            e.kind = ApiError::Kind::Server;
            e.message = tr("The proxy at %1 could not reach the service behind it (HTTP 502 %2): is the service "
                           "running, and does the proxy point at the right address?")
                            .arg(host, reason);
        } else if (status == 503) {
            e.kind = ApiError::Kind::Server;
            e.message = tr("%1 is unavailable for now (HTTP 503 %2): it may be starting or overloaded; the app asks "
                           "again.")
                            .arg(host, reason);
        } else if (status == 504) {
            e.kind = ApiError::Kind::Server;
            e.message = tr("The proxy at %1 gave up waiting for the service behind it (HTTP 504 %2): is the service "
                           "overloaded or down?")
                            .arg(host, reason);
        } else if (status >= 500) {
            e.kind = ApiError::Kind::Server;
            e.message = tr("%1 reported a server error (HTTP %2 %3): its log says why; the app asks again.")
                            .arg(host)
                            .arg(status)
                            .arg(reason);
        } else {
            e.kind = ApiError::Kind::Rejected;
            e.message = tr("%1 refused the request (HTTP %2 %3).").arg(host).arg(status).arg(reason);
        }
        return e;
    }

    const QNetworkReply::NetworkError ne = reply->error();
    if (ne == QNetworkReply::NoError)
        return e;
    e.detail = QStringLiteral("%1: %2 (%3)").arg(what, reply->errorString()).arg(int(ne));
    switch (ne) {
    case QNetworkReply::SslHandshakeFailedError:
        e.kind = ApiError::Kind::Tls;
        e.message = tr("The secure connection to %1 failed: %2").arg(host, reply->errorString());
        break;
    case QNetworkReply::TimeoutError:
        e.kind = ApiError::Kind::Timeout;
        e.message = tr("%1 did not answer in time.").arg(host);
        break;
    case QNetworkReply::OperationCanceledError:
        e.kind = ApiError::Kind::Cancelled;
        e.message = tr("The request was cancelled.");
        break;
    case QNetworkReply::ConnectionRefusedError:
        e.kind = ApiError::Kind::Network;
        e.message = tr("Could not connect to %1: connection refused. Is the service running?").arg(host);
        break;
    case QNetworkReply::RemoteHostClosedError:
        e.kind = ApiError::Kind::Network;
        e.message = tr("%1 closed the connection before answering.").arg(host);
        break;
    case QNetworkReply::HostNotFoundError:
        e.kind = ApiError::Kind::Network;
        e.message = tr("The host name %1 could not be resolved.").arg(url.host());
        break;
    default:
        e.kind = ApiError::Kind::Network;
        e.message = tr("Network error talking to %1: %2").arg(host, reply->errorString());
        break;
    }
    return e;
}

} // namespace hlc
