#include "ProxmoxClient.h"

#include "ProxmoxParser.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace hlc::pve {

ProxmoxClient::ProxmoxClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : ServiceClient(nam, endpoint, parent)
{}

ApiCall* ProxmoxClient::version(QObject* context, std::function<void(Result<Version>)> done)
{
    return get<Version>(QStringLiteral("/version"), {}, context, &parser::version, std::move(done));
}

ApiCall* ProxmoxClient::nodes(QObject* context, std::function<void(Result<QList<NodeEntry>>)> done)
{
    return get<QList<NodeEntry>>(QStringLiteral("/nodes"), {}, context, &parser::nodes, std::move(done));
}

ApiCall* ProxmoxClient::nodeStatus(const QString& node, QObject* context, std::function<void(Result<NodeStatus>)> done)
{
    const QString path = QStringLiteral("/nodes/%1/status").arg(QString::fromLatin1(QUrl::toPercentEncoding(node)));
    return get<NodeStatus>(path, {}, context, &parser::nodeStatus, std::move(done));
}

ApiCall* ProxmoxClient::clusterResources(const QString& type, QObject* context,
                                         std::function<void(Result<QList<Resource>>)> done)
{
    QUrlQuery q;
    if (!type.isEmpty())
        q.addQueryItem(QStringLiteral("type"), type);
    return get<QList<Resource>>(QStringLiteral("/cluster/resources"), q, context, &parser::resources, std::move(done));
}

namespace {
QString enc(const QString& s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}
} // namespace

ApiCall* ProxmoxClient::clusterStatus(QObject* context, std::function<void(Result<QList<ClusterStatusEntry>>)> done)
{
    return get<QList<ClusterStatusEntry>>(QStringLiteral("/cluster/status"), {}, context, &parser::clusterStatus,
                                          std::move(done));
}

ApiCall* ProxmoxClient::guestAction(const QString& node, const QString& type, int vmid, GuestAction action,
                                    QObject* context, std::function<void(Result<QString>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path =
        QStringLiteral("/nodes/%1/%2/%3/status/%4").arg(enc(node), enc(type)).arg(vmid).arg(guestActionName(action));
    r.idempotent = false;
    return call<QString>(std::move(r), context, &parser::upid, std::move(done));
}

ApiCall* ProxmoxClient::taskStatus(const QString& node, const QString& upid, QObject* context,
                                   std::function<void(Result<TaskStatus>)> done)
{
    // A UPID only holds [A-Za-z0-9:@!._-]: legal in a path segment as it is.
    return get<TaskStatus>(QStringLiteral("/nodes/%1/tasks/%2/status").arg(enc(node), upid), {}, context,
                           &parser::taskStatus, std::move(done));
}

ApiCall* ProxmoxClient::nodeTasks(const QString& node, bool errorsOnly, qint64 since, int limit, QObject* context,
                                  std::function<void(Result<QList<TaskEntry>>)> done)
{
    QUrlQuery q;
    if (errorsOnly)
        q.addQueryItem(QStringLiteral("errors"), QStringLiteral("1"));
    if (since > 0)
        q.addQueryItem(QStringLiteral("since"), QString::number(since));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return get<QList<TaskEntry>>(QStringLiteral("/nodes/%1/tasks").arg(enc(node)), q, context, &parser::taskList,
                                 std::move(done));
}

ApiCall* ProxmoxClient::guestConfig(const QString& node, const QString& type, int vmid, QObject* context,
                                    std::function<void(Result<GuestConfig>)> done)
{
    return get<GuestConfig>(QStringLiteral("/nodes/%1/%2/%3/config").arg(enc(node), enc(type)).arg(vmid), {}, context,
                            &parser::guestConfig, std::move(done));
}

ApiCall* ProxmoxClient::taskLog(const QString& node, const QString& upid, int limit, QObject* context,
                                std::function<void(Result<QList<TaskLogLine>>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("start"), QStringLiteral("0"));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return get<QList<TaskLogLine>>(QStringLiteral("/nodes/%1/tasks/%2/log").arg(enc(node), upid), q, context,
                                   &parser::taskLog, std::move(done));
}

ApiCall* ProxmoxClient::taskLogTail(const QString& node, const QString& upid, int lines, QObject* context,
                                    std::function<void(Result<QList<TaskLogLine>>)> done)
{
    const QString path = QStringLiteral("/nodes/%1/tasks/%2/log").arg(enc(node), upid);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("start"), QStringLiteral("0"));
    q.addQueryItem(QStringLiteral("limit"), QString::number(lines));
    return get<TaskLogPage>(path, q, context, &parser::taskLogPage,
                            [this, path, lines, context, done = std::move(done)](Result<TaskLogPage> first) {
                                if (!first) {
                                    done(first.error());
                                    return;
                                }
                                const int total = first.value().total;
                                if (total <= lines) { // all of it (or the server did not say how long it is)
                                    done(first.value().lines);
                                    return;
                                }
                                QUrlQuery tail;
                                tail.addQueryItem(QStringLiteral("start"), QString::number(total - lines));
                                tail.addQueryItem(QStringLiteral("limit"), QString::number(lines));
                                get<TaskLogPage>(path, tail, context, &parser::taskLogPage,
                                                 [done](Result<TaskLogPage> last) {
                                                     if (last)
                                                         done(last.value().lines);
                                                     else
                                                         done(last.error());
                                                 });
                            });
}

ApiCall* ProxmoxClient::nodeRrd(const QString& node, const QString& timeframe, QObject* context,
                                std::function<void(Result<QList<RrdPoint>>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("timeframe"), timeframe);
    return get<QList<RrdPoint>>(QStringLiteral("/nodes/%1/rrddata").arg(enc(node)), q, context, &parser::rrdData,
                                std::move(done));
}

ApiCall* ProxmoxClient::guestRrd(const QString& node, const QString& type, int vmid, const QString& timeframe,
                                 QObject* context, std::function<void(Result<QList<RrdPoint>>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("timeframe"), timeframe);
    return get<QList<RrdPoint>>(QStringLiteral("/nodes/%1/%2/%3/rrddata").arg(enc(node), enc(type)).arg(vmid), q,
                                context, &parser::rrdData, std::move(done));
}

ApiCall* ProxmoxClient::login(const QString& username, const QString& password, QObject* context,
                              std::function<void(Result<Ticket>)> done)
{
    m_tfaChallenge.clear();
    m_tfaMethods.clear();
    return postTicket("username=" + QUrl::toPercentEncoding(username) +
                          "&password=" + QUrl::toPercentEncoding(password),
                      username, false, context, std::move(done));
}

ApiCall* ProxmoxClient::completeSecondFactor(const QString& username, const QString& totpCode, QObject* context,
                                             std::function<void(Result<Ticket>)> done)
{
    return postTicket("username=" + QUrl::toPercentEncoding(username) +
                          "&tfa-challenge=" + QUrl::toPercentEncoding(m_tfaChallenge) +
                          "&password=" + QUrl::toPercentEncoding(QStringLiteral("totp:") + totpCode.trimmed()),
                      username, true, context, std::move(done));
}

ApiCall* ProxmoxClient::postTicket(const QByteArray& body, const QString& username, bool secondStep, QObject* context,
                                   std::function<void(Result<Ticket>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/access/ticket");
    r.idempotent = false;
    r.contentType = "application/x-www-form-urlencoded";
    r.body = body;
    // The login itself carries no credentials: the password (or code) travels in the body only.
    const Credentials previous = endpoint().credentials;
    Credentials none;
    api()->setCredentials(none);
    auto onTicket = [this, previous, username, secondStep, done = std::move(done)](Result<Ticket> t) {
        if (t.ok() && t.value().needTfa) {
            // A half ticket: the password was right, but the account wants a second factor. It is kept only to be
            // sent back as the challenge of completeSecondFactor(), never as a ticket.
            m_tfaChallenge = t.value().ticket;
            m_tfaMethods = t.value().tfaMethods;
            t = secondFactorError(username, t.value().tfaMethods);
        }
        if (t.ok()) {
            api()->setCredentials({AuthScheme::PveTicket, t.value().username, t.value().ticket, t.value().csrfToken});
            m_ticketTime = QDateTime::currentDateTimeUtc();
            m_tfaChallenge.clear();
        } else {
            if (api()->endpoint().credentials.scheme == AuthScheme::None)
                api()->setCredentials(previous);
            if (t.error().httpStatus == 401) {
                ApiError e = t.error();
                e.message = secondStep
                                ? QCoreApplication::translate("hlc::pve::ProxmoxClient",
                                                              "Proxmox did not accept the code (HTTP 401). Enter the "
                                                              "current code from your authenticator app.")
                                : QCoreApplication::translate("hlc::pve::ProxmoxClient",
                                                              "Proxmox rejected the user name or password (HTTP 401). "
                                                              "Check the user (USER@REALM) and its password.");
                t = std::move(e);
            }
        }
        if (done)
            done(std::move(t));
    };
    ApiCall* c = call<Ticket>(std::move(r), context, &parser::ticket, std::move(onTicket));
    // The request was built synchronously: the transport may carry the previous credentials again meanwhile.
    api()->setCredentials(previous);
    return c;
}

ApiError ProxmoxClient::secondFactorError(const QString& username, const QStringList& methods)
{
    ApiError e;
    e.kind = ApiError::Kind::Auth;
    e.httpStatus = 200;
    const QString factors = methods.isEmpty() ? QCoreApplication::translate("hlc::pve::ProxmoxClient", "second factor")
                                              : methods.join(QStringLiteral(", "));
    e.message = acceptsTotpCode(methods)
                    ? QCoreApplication::translate(
                          "hlc::pve::ProxmoxClient",
                          "The Proxmox account %1 uses two-factor authentication (%2): the password alone cannot "
                          "log in. Enter the current code from your authenticator app (Enter code…). The app "
                          "renews the ticket while it runs; after a pause of more than two hours it asks again. "
                          "An API token (Datacenter > Permissions > API Tokens, auth \"pve-token\") needs no code.")
                          .arg(username, factors)
                    : QCoreApplication::translate("hlc::pve::ProxmoxClient",
                                                  "The Proxmox account %1 uses two-factor authentication (%2): the "
                                                  "password alone cannot log in, and the app answers only TOTP "
                                                  "codes. Create an API token for the app in Proxmox "
                                                  "(Datacenter > Permissions > API Tokens) and use it instead of the "
                                                  "password (auth \"pve-token\").")
                          .arg(username, factors);
    e.detail = QStringLiteral("POST /access/ticket: NeedTFA for %1 (factors: %2); half ticket discarded")
                   .arg(username, methods.join(QLatin1Char(',')));
    return e;
}

ApiCall* ProxmoxClient::renewTicket(QObject* context, std::function<void(Result<Ticket>)> done)
{
    const Credentials c = endpoint().credentials;
    return login(c.user, c.secret, context, std::move(done));
}

bool ProxmoxClient::ticketNeedsRenewal(qint64 maxAgeSecs) const
{
    if (endpoint().credentials.scheme != AuthScheme::PveTicket)
        return false;
    return !m_ticketTime.isValid() || m_ticketTime.secsTo(QDateTime::currentDateTimeUtc()) > maxAgeSecs;
}

ApiError ProxmoxClient::refineError(const ApiResponse& response) const
{
    ApiError e = response.error;
    const QString pveMessage = parser::errorMessage(response.body);
    if (e.httpStatus == 401 && endpoint().credentials.scheme == AuthScheme::PveTicket) {
        e.message = QCoreApplication::translate("hlc::pve::ProxmoxClient",
                                                "Proxmox rejected the login ticket (HTTP 401): it expired or the "
                                                "node restarted. The app logs in again.");
    } else if (e.httpStatus == 401) {
        e.message = QCoreApplication::translate("hlc::pve::ProxmoxClient",
                                                "Proxmox rejected the API token (HTTP 401 authentication failure). "
                                                "Check the token ID and secret.");
    } else if (e.httpStatus == 403) {
        // PVE names the missing privilege in the status line / message: "Permission check failed (/nodes/x, Sys.Audit)"
        const QString reason = e.detail.section(QStringLiteral("HTTP 403 "), 1) + QLatin1Char(' ') + pveMessage;
        static const QRegularExpression s_priv(QStringLiteral("\\b((?:Sys|VM|Datastore|Pool|SDN|User|Group|Realm|"
                                                              "Permissions|Mapping)\\.[A-Za-z.]+)"));
        const auto m = s_priv.match(reason);
        e.message = m.hasMatch()
                        ? QCoreApplication::translate("hlc::pve::ProxmoxClient",
                                                      "The Proxmox token lacks the privilege %1 for this action.")
                              .arg(m.captured(1))
                        : QCoreApplication::translate("hlc::pve::ProxmoxClient",
                                                      "The Proxmox token is not allowed to do this (HTTP 403).");
    } else if (e.httpStatus >= 500 && !pveMessage.isEmpty()) {
        e.message += QLatin1Char(' ') + pveMessage;
    }
    return e;
}

} // namespace hlc::pve
