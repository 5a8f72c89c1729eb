#include "AgentEventStream.h"

#include "AgentsParser.h"
#include "core/ApiClient.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcAgents)

namespace hlc::agents {

namespace {
QString eventsPath(const QString& runId)
{
    return QStringLiteral("/runs/%1/events").arg(QString::fromLatin1(QUrl::toPercentEncoding(runId)));
}
} // namespace

AgentEventStream::AgentEventStream(ApiClient* api, QString runId, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_runId(std::move(runId))
    , m_idleTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_idleTimer->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        qCDebug(lcAgents) << "event stream of" << m_runId << "idle: reconnecting";
        if (m_reply)
            m_reply->abort(); // -> onStreamFinished -> reconnect
    });
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_mode == Mode::Polling)
            poll();
        else if (m_mode == Mode::Reconnecting)
            openStream();
    });
}

AgentEventStream::~AgentEventStream()
{
    stop();
}

void AgentEventStream::start(qint64 afterEventId)
{
    stop();
    m_lastEventId = afterEventId;
    m_failures = 0;
    m_finalStatus = RunStatus::Unknown;
    openStream();
}

void AgentEventStream::stop()
{
    if (m_mode != Mode::Finished)
        setMode(Mode::Idle); // first: callbacks of the calls cancelled below see that nobody follows any more
    m_idleTimer->stop();
    m_retryTimer->stop();
    if (m_reply) {
        QNetworkReply* r = m_reply;
        m_reply = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
    if (m_pollCall)
        m_pollCall->cancel();
    if (m_runCall)
        m_runCall->cancel();
}

void AgentEventStream::setMode(Mode m)
{
    if (m_mode == m)
        return;
    m_mode = m;
    emit modeChanged(m);
}

void AgentEventStream::openStream()
{
    setMode(Mode::Streaming);
    m_decoder.reset();
    m_gotEventThisConnection = false;
    m_tlsRejection.reset();
    m_connectionBytes = 0;
    m_limitError.reset();
    m_recycle = false;

    ApiRequest r;
    r.path = eventsPath(m_runId);
    if (m_lastEventId > 0)
        r.query.addQueryItem(QStringLiteral("after"), QString::number(m_lastEventId));
    r.headers.append(qMakePair(QByteArray("Accept"), QByteArray("text/event-stream")));
    if (m_lastEventId > 0)
        r.headers.append(qMakePair(QByteArray("Last-Event-ID"), QByteArray::number(m_lastEventId)));
    QNetworkRequest req = m_api->prepareRequest(r);
    m_reply = m_api->networkManager()->get(req);
    ++m_connects;
    QNetworkReply* reply = m_reply;
    m_api->tlsPolicy().watch(reply, this, [this](const TlsRejection& rejected) { m_tlsRejection = rejected; });
    connect(reply, &QNetworkReply::readyRead, this, &AgentEventStream::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &AgentEventStream::onStreamFinished);
    m_idleTimer->start(m_idleTimeoutMs);
}

void AgentEventStream::onReadyRead()
{
    if (!m_reply)
        return;
    m_idleTimer->start(m_idleTimeoutMs);
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // an error body: read in onStreamFinished
    const QByteArray chunk = m_reply->readAll();
    m_connectionBytes += chunk.size();
    m_decoder.append(chunk);
    decode();
    if (m_mode != Mode::Streaming || !m_reply || m_limitError)
        return;
    if (m_connectionBytes > m_limits.maxConnectionBytes && m_decoder.idle()) {
        // Between events: reopen after the last event seen, so one connection never reads without bound.
        qCInfo(lcAgents) << "event stream of" << m_runId << "read" << m_connectionBytes << "bytes: reopening";
        m_recycle = true;
        m_reply->abort();
    }
}

void AgentEventStream::decode()
{
    while (m_mode == Mode::Streaming) {
        const std::optional<SseEvent> sse = m_decoder.next();
        if (!sse)
            break;
        dispatchEvent(*sse);
    }
    if (m_mode != Mode::Streaming)
        return;
    switch (m_decoder.overflow()) {
    case SseDecoder::Overflow::None:
        break;
    case SseDecoder::Overflow::Line:
        dropForLimit(tr("The agent platform sent an event stream line longer than %1 MiB; the stream was dropped.")
                         .arg(static_cast<double>(m_limits.maxLineBytes) / (1024.0 * 1024.0), 0, 'g', 3),
                     QStringLiteral("SSE line over %1 bytes").arg(m_limits.maxLineBytes));
        break;
    case SseDecoder::Overflow::Event:
        dropForLimit(tr("The agent platform sent an event larger than %1 MiB; the stream was dropped.")
                         .arg(static_cast<double>(m_limits.maxEventBytes) / (1024.0 * 1024.0), 0, 'g', 3),
                     QStringLiteral("SSE event over %1 bytes").arg(m_limits.maxEventBytes));
        break;
    }
}

void AgentEventStream::dropForLimit(const QString& message, const QString& detail)
{
    ApiError e;
    e.kind = ApiError::Kind::Parse;
    e.message = message;
    e.detail = detail;
    m_limitError = e;
    m_decoder.reset();
    if (m_reply)
        m_reply->abort(); // -> onStreamFinished: reported, then reconnect (or polling after repeated failures)
}

void AgentEventStream::dispatchEvent(const SseEvent& sse)
{
    auto parsed = parser::event(sse.data);
    if (!parsed) {
        qCDebug(lcAgents) << "skipping unreadable event of" << m_runId << parsed.error().detail;
        return;
    }
    RunEvent e = std::move(parsed).value();
    if (e.id == 0)
        e.id = sse.id.toLongLong();
    deliver(e);
}

void AgentEventStream::deliver(const RunEvent& e)
{
    if (m_mode == Mode::Finished)
        return;
    if (e.id != 0 && e.id <= m_lastEventId)
        return; // already seen (a server that ignores Last-Event-ID replays from the start)
    if (e.id != 0)
        m_lastEventId = e.id;
    m_gotEventThisConnection = true;
    m_failures = 0;
    emit eventReceived(e);
    if (e.type == RunEvent::Type::Status && isFinal(e.status))
        finish(e.status);
}

void AgentEventStream::onStreamFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_idleTimer->stop();
    if (m_mode == Mode::Finished)
        return;
    if (m_recycle) {
        m_recycle = false;
        scheduleReconnect();
        return;
    }
    if (m_limitError) {
        const ApiError err = *std::exchange(m_limitError, std::nullopt);
        qCInfo(lcAgents) << "event stream of" << m_runId << "dropped:" << err.detail;
        emit problem(err);
        scheduleReconnect();
        return;
    }
    // Events completed by the last bytes; an event not ended by a blank line is incomplete and dropped (as browsers
    // do).
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 && m_mode == Mode::Streaming) {
        m_decoder.append(reply->readAll());
        decode();
        m_limitError.reset(); // the connection is over anyway: what completed was delivered
    }
    m_decoder.reset();
    if (m_mode == Mode::Finished)
        return;

    const QString what = QStringLiteral("GET %1").arg(eventsPath(m_runId));
    ApiError err = ApiClient::mapReplyError(reply, what);
    if (m_tlsRejection) {
        // Refused before the request (and its token) left: a TLS error naming the certificate, reported to whoever
        // watches the service's client, like the refusals of ordinary requests.
        err = m_tlsRejection->toError(ApiClient::hostOf(reply->url()), what);
        m_api->reportTlsRejection(err, ApiClient::hostOf(reply->url()));
    }
    const int status = err.httpStatus;
    if (status == 401 || status == 403 || status == 404) {
        err.body = reply->readAll();
        if (const QString m = parser::errorMessage(err.body); !m.isEmpty())
            err.message += QLatin1Char(' ') + m;
        emit problem(err);
        stop();
        return;
    }
    if (err.isError()) {
        qCDebug(lcAgents) << "event stream of" << m_runId << "dropped:" << err.detail;
        emit problem(err);
    }
    scheduleReconnect();
}

void AgentEventStream::scheduleReconnect()
{
    m_failures = m_gotEventThisConnection ? 1 : m_failures + 1;
    if (m_failures >= m_maxFailures) {
        qCInfo(lcAgents) << "event stream of" << m_runId << "failed" << m_failures << "times: polling instead";
        setMode(Mode::Polling);
        poll();
        return;
    }
    setMode(Mode::Reconnecting);
    const int delay = std::min(8000, m_reconnectDelayMs * (1 << std::min(m_failures - 1, 5)));
    m_retryTimer->start(delay);
}

void AgentEventStream::poll()
{
    if (m_mode != Mode::Polling)
        return;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("after"), QString::number(m_lastEventId));
    m_pollCall = m_api->get(eventsPath(m_runId), q, this, [this](const ApiResponse& r) {
        if (m_mode != Mode::Polling)
            return;
        if (r.ok()) {
            auto events = parser::events(r.body);
            if (events) {
                for (const RunEvent& e : events.value()) {
                    deliver(e);
                    if (m_mode != Mode::Polling)
                        return;
                }
            } else {
                emit problem(events.error());
            }
        } else {
            emit problem(r.error);
        }
        // The run itself: progress and a final status even if its status event was lost.
        m_runCall = m_api->get(QStringLiteral("/runs/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_runId))),
                               {}, this, [this](const ApiResponse& rr) {
                                   if (m_mode != Mode::Polling)
                                       return;
                                   if (rr.ok()) {
                                       auto run = parser::run(rr.body);
                                       if (run) {
                                           emit runUpdated(run.value());
                                           if (isFinal(run.value().status)) {
                                               finishAfterLastEvents(run.value().status);
                                               return;
                                           }
                                       }
                                   } else {
                                       emit problem(rr.error);
                                   }
                                   m_retryTimer->start(m_pollIntervalMs);
                               });
    });
}

void AgentEventStream::finishAfterLastEvents(RunStatus status)
{
    // The run ended between this poll's events and its status: read the events written meanwhile (the final
    // output, the last steps), then say it finished. Without this, a run that ends under load lost its last events.
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("after"), QString::number(m_lastEventId));
    m_pollCall = m_api->get(eventsPath(m_runId), q, this, [this, status](const ApiResponse& r) {
        if (m_mode != Mode::Polling)
            return;
        if (r.ok()) {
            if (auto events = parser::events(r.body)) {
                for (const RunEvent& e : events.value()) {
                    deliver(e);
                    if (m_mode != Mode::Polling)
                        return; // a final status event finished it
                }
            }
        }
        m_finalStatus = status;
        setMode(Mode::Finished);
        emit finished(m_finalStatus);
    });
}

void AgentEventStream::finish(RunStatus status)
{
    m_finalStatus = status;
    setMode(Mode::Finished);
    m_idleTimer->stop();
    m_retryTimer->stop();
    if (m_reply) {
        QNetworkReply* r = m_reply;
        m_reply = nullptr;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
    if (m_pollCall)
        m_pollCall->cancel();
    fetchFinalRun();
}

void AgentEventStream::fetchFinalRun()
{
    m_runCall = m_api->get(QStringLiteral("/runs/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_runId))), {},
                           this, [this](const ApiResponse& r) {
                               if (r.error.kind == ApiError::Kind::Cancelled)
                                   return;
                               if (r.ok()) {
                                   auto run = parser::run(r.body);
                                   if (run)
                                       emit runUpdated(run.value());
                                   else
                                       emit problem(run.error());
                               } else {
                                   emit problem(r.error);
                               }
                               emit finished(m_finalStatus);
                           });
}

} // namespace hlc::agents
