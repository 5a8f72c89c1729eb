#include "setup/ConnectionTester.h"

#include "adguard/AdGuardClient.h"
#include "agents/AgentsClient.h"
#include "alertmanager/AlertmanagerClient.h"
#include "core/ApiClient.h"
#include "core/TlsPolicy.h"
#include "homeassistant/HomeAssistantClient.h"
#include "n8n/N8nClient.h"
#include "ollama/OllamaClient.h"
#include "portainer/PortainerClient.h"
#include "prometheus/PrometheusClient.h"
#include "proxmox/ProxmoxClient.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcTester, "hlc.app.setup")

namespace hlc {

namespace {

int portOf(const QUrl& url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

/// The privilege or scope a 403 names: PVE's "Permission check failed (/nodes/x, Sys.Audit)".
QString privilegeIn(const ApiError& e)
{
    static const QRegularExpression s_priv(QStringLiteral(
        "\\b((?:Sys|VM|Datastore|Pool|SDN|User|Group|Realm|Permissions|Mapping)\\.[A-Za-z]+(?:\\.[A-Za-z]+)?)"));
    for (const QString& text : {e.detail, QString::fromUtf8(e.body), e.message}) {
        const auto m = s_priv.match(text);
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

QString trT(const char* text)
{
    return QCoreApplication::translate("hlc::ConnectionTester", text);
}

} // namespace

QString TestReport::toText() const
{
    QStringList lines;
    for (const TestStep& s : steps) {
        const QString mark = s.status == TestStep::Status::Ok       ? trT("OK")
                             : s.status == TestStep::Status::Failed ? trT("FAILED")
                                                                    : trT("skipped");
        QString line = QStringLiteral("[%1] %2").arg(mark, s.name);
        if (!s.detail.isEmpty())
            line += QStringLiteral(": ") + s.detail;
        if (!s.next.isEmpty())
            line += QStringLiteral(" -> ") + s.next;
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

ConnectionTester::ConnectionTester(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
{}

ConnectionTester::~ConnectionTester()
{
    delete m_work;
}

QString ConnectionTester::expectedPath(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Proxmox:
        return QStringLiteral("/api2/json");
    case ServiceKind::Portainer:
        return QStringLiteral("/api");
    case ServiceKind::AdGuard:
        return QStringLiteral("/control");
    case ServiceKind::Agents:
        return QStringLiteral("/api/v1");
    default:
        return {};
    }
}

QString ConnectionTester::stepKindName(TestStep::Kind kind)
{
    switch (kind) {
    case TestStep::Kind::Cleartext:
        return QStringLiteral("cleartext");
    case TestStep::Kind::Resolve:
        return QStringLiteral("resolve");
    case TestStep::Kind::Connect:
        return QStringLiteral("connect");
    case TestStep::Kind::Tls:
        return QStringLiteral("tls");
    case TestStep::Kind::Http:
        return QStringLiteral("http");
    }
    return {};
}

QString ConnectionTester::failureName(TestReport::Failure f)
{
    using F = TestReport::Failure;
    switch (f) {
    case F::None:
        return QStringLiteral("none");
    case F::CleartextRefused:
        return QStringLiteral("cleartext-refused");
    case F::InvalidUrl:
        return QStringLiteral("invalid-url");
    case F::NameResolution:
        return QStringLiteral("name-resolution");
    case F::Refused:
        return QStringLiteral("refused");
    case F::Timeout:
        return QStringLiteral("timeout");
    case F::Network:
        return QStringLiteral("network");
    case F::TlsUntrusted:
        return QStringLiteral("tls-untrusted");
    case F::TlsChanged:
        return QStringLiteral("tls-changed");
    case F::TlsHostname:
        return QStringLiteral("tls-hostname");
    case F::TlsExpired:
        return QStringLiteral("tls-expired");
    case F::Tls:
        return QStringLiteral("tls");
    case F::WrongPath:
        return QStringLiteral("wrong-path");
    case F::Unauthorized:
        return QStringLiteral("unauthorized");
    case F::Forbidden:
        return QStringLiteral("forbidden");
    case F::Server:
        return QStringLiteral("server");
    case F::Unexpected:
        return QStringLiteral("unexpected");
    }
    return {};
}

void ConnectionTester::cancel()
{
    ++m_generation;
    // Later, not now: cancel() may run inside a signal of one of the test's own sockets or calls.
    if (m_work) {
        m_work->deleteLater();
        m_work = nullptr;
    }
    m_running = false;
}

void ConnectionTester::test(const ServiceConfig& service, const QString& secret)
{
    cancel();
    m_work = new QObject(this);
    m_service = service;
    m_secret = secret;
    m_address.clear();
    m_report = TestReport{};
    m_report.service = service;
    m_running = true;

    const QUrl& url = service.baseUrl;
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        fail({TestStep::Kind::Resolve, TestStep::Status::Failed, tr("Address"),
              tr("\"%1\" is not a usable address.").arg(url.toDisplayString()),
              tr("Write an absolute http:// or https:// URL with a host, e.g. https://192.168.1.10:8006%1.")
                  .arg(expectedPath(service.kind))},
             TestReport::Failure::InvalidUrl);
        return;
    }
    if (cleartextAuth(service)) {
        if (!service.allowCleartextAuth) {
            fail({TestStep::Kind::Cleartext, TestStep::Status::Failed, tr("Encryption"),
                  tr("The secret would travel unencrypted over http:// to %1; nothing was sent.")
                      .arg(ApiClient::hostOf(url)),
                  tr("Use https:// if the service offers it, or tick \"allow unencrypted on this network\" for this "
                     "service if you trust every device on the network.")},
                 TestReport::Failure::CleartextRefused);
            return;
        }
        stepDone({TestStep::Kind::Cleartext,
                  TestStep::Status::Ok,
                  tr("Encryption"),
                  tr("Unencrypted http:// allowed for this service: the secret is readable on the network."),
                  {}});
    }
    resolve();
}

void ConnectionTester::resolve()
{
    const QString host = m_service.baseUrl.host();
    const QHostAddress literal(host);
    if (!literal.isNull()) {
        m_address = literal.toString();
        stepDone({TestStep::Kind::Resolve, TestStep::Status::Ok, tr("Address"), m_address, {}});
        connectTcp();
        return;
    }
    const quint64 gen = m_generation;
    QHostInfo::lookupHost(host, m_work, [this, gen, host](const QHostInfo& info) {
        if (gen != m_generation)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            fail({TestStep::Kind::Resolve, TestStep::Status::Failed, tr("Name resolution of %1").arg(host),
                  tr("The name could not be resolved: %1").arg(info.errorString()),
                  tr("Check the spelling, or use the host's IP address.")},
                 TestReport::Failure::NameResolution);
            return;
        }
        // Prefer IPv4 (what homelab services listen on most often), else the first address.
        QHostAddress chosen = info.addresses().constFirst();
        for (const QHostAddress& a : info.addresses()) {
            if (a.protocol() == QAbstractSocket::IPv4Protocol) {
                chosen = a;
                break;
            }
        }
        m_address = chosen.toString();
        QStringList all;
        for (const QHostAddress& a : info.addresses())
            all << a.toString();
        stepDone({TestStep::Kind::Resolve,
                  TestStep::Status::Ok,
                  tr("Name resolution of %1").arg(host),
                  all.join(QStringLiteral(", ")),
                  {}});
        connectTcp();
    });
}

void ConnectionTester::connectTcp()
{
    const int port = portOf(m_service.baseUrl);
    const QString name = tr("TCP connect to %1:%2").arg(m_address).arg(port);
    auto* socket = new QTcpSocket(m_work);
    auto* timer = new QTimer(socket);
    timer->setSingleShot(true);
    const quint64 gen = m_generation;
    connect(timer, &QTimer::timeout, this, [this, gen, socket, name] {
        if (gen != m_generation)
            return;
        socket->abort();
        fail({TestStep::Kind::Connect, TestStep::Status::Failed, name,
              tr("No answer to the connection attempt within %1 s.").arg(m_service.timeoutMs / 1000.0, 0, 'g', 3),
              tr("Check that the host is on and that no firewall drops the port.")},
             TestReport::Failure::Timeout);
        socket->deleteLater();
    });
    connect(socket, &QTcpSocket::connected, this, [this, gen, socket, timer, name] {
        if (gen != m_generation)
            return;
        timer->stop();
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        stepDone({TestStep::Kind::Connect, TestStep::Status::Ok, name, tr("connected"), {}});
        if (m_service.baseUrl.scheme() == QLatin1String("https"))
            checkTls();
        else
            callApi();
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, gen, socket, timer, name](QAbstractSocket::SocketError e) {
        if (gen != m_generation)
            return;
        timer->stop();
        socket->disconnect(this);
        socket->deleteLater();
        if (e == QAbstractSocket::ConnectionRefusedError) {
            fail({TestStep::Kind::Connect, TestStep::Status::Failed, name,
                  tr("Connection refused: nothing listens there."),
                  tr("Check the port, and that the service is running and listens on this address, not only on "
                     "localhost.")},
                 TestReport::Failure::Refused);
        } else if (e == QAbstractSocket::SocketTimeoutError) {
            fail({TestStep::Kind::Connect, TestStep::Status::Failed, name, tr("The connection attempt timed out."),
                  tr("Check that the host is on and that no firewall drops the port.")},
                 TestReport::Failure::Timeout);
        } else {
            fail({TestStep::Kind::Connect, TestStep::Status::Failed, name, socket->errorString(),
                  tr("Check the address and the network path to the host.")},
                 TestReport::Failure::Network);
        }
    });
    timer->start(m_service.timeoutMs);
    socket->connectToHost(m_address, static_cast<quint16>(port));
}

void ConnectionTester::checkTls()
{
    const QUrl& url = m_service.baseUrl;
    const int port = portOf(url);
    const QString name = tr("TLS with %1").arg(ApiClient::hostOf(url));
    const TlsPolicy policy(m_service.pinnedSha256);
    auto* socket = new QSslSocket(m_work);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket->setSslConfiguration(ssl);
    auto* timer = new QTimer(socket);
    timer->setSingleShot(true);
    const quint64 gen = m_generation;
    auto done = std::make_shared<bool>(false);

    connect(timer, &QTimer::timeout, this, [this, gen, socket, name, done] {
        if (gen != m_generation || *done)
            return;
        *done = true;
        socket->disconnect(this);
        socket->abort();
        fail({TestStep::Kind::Tls, TestStep::Status::Failed, name,
              tr("The TLS handshake did not complete within %1 s.").arg(m_service.timeoutMs / 1000.0, 0, 'g', 3),
              tr("Check that the port speaks https (try http:// if the service has no TLS).")},
             TestReport::Failure::Timeout);
    });
    connect(socket, &QSslSocket::sslErrors, this,
            [this, gen, socket, timer, name, policy, done](const QList<QSslError>& errors) {
                if (gen != m_generation || *done)
                    return;
                const QSslCertificate peer = socket->peerCertificate();
                m_report.certificate = CertificateInfo::fromCertificate(peer);
                if (policy.acceptsUnverified(peer)) {
                    socket->ignoreSslErrors(errors);
                    return;
                }
                *done = true;
                timer->stop();
                socket->disconnect(this);
                socket->abort();
                bool hostname = false;
                bool expired = false;
                bool untrusted = false;
                QStringList texts;
                for (const QSslError& e : errors) {
                    texts << e.errorString();
                    switch (e.error()) {
                    case QSslError::HostNameMismatch:
                        hostname = true;
                        break;
                    case QSslError::CertificateExpired:
                    case QSslError::CertificateNotYetValid:
                        expired = true;
                        break;
                    default:
                        untrusted = true;
                        break;
                    }
                }
                const QString fp = m_report.certificate.groupedFingerprint();
                if (policy.isPinned()) {
                    m_report.pinnedSha256 = policy.pin();
                    fail({TestStep::Kind::Tls, TestStep::Status::Failed, name,
                          tr("The certificate changed: it is not the one you trusted. Trusted: %1. Now: %2.")
                              .arg(CertificateInfo::groupFingerprint(policy.pin()), fp),
                          tr("Nothing was sent. If you renewed the certificate yourself, compare the new fingerprint "
                             "on the server and replace the pin; otherwise someone may be in between.")},
                         TestReport::Failure::TlsChanged);
                } else if (expired) {
                    fail({TestStep::Kind::Tls, TestStep::Status::Failed, name,
                          tr("The certificate is outside its validity (%1 to %2).")
                              .arg(m_report.certificate.notBefore.toString(Qt::ISODate),
                                   m_report.certificate.notAfter.toString(Qt::ISODate)),
                          tr("Renew the certificate on the server (and check this computer's clock), or trust this "
                             "exact certificate.")},
                         TestReport::Failure::TlsExpired);
                } else if (untrusted) {
                    fail({TestStep::Kind::Tls, TestStep::Status::Failed, name,
                          tr("The certificate is not trusted by this system (%1). SHA-256: %2")
                              .arg(texts.join(QStringLiteral("; ")), fp),
                          tr("Compare the fingerprint with the one the server shows (e.g. Proxmox: Datacenter > Node "
                             "> Certificates) and trust this certificate.")},
                         TestReport::Failure::TlsUntrusted);
                } else if (hostname) {
                    const QStringList names = m_report.certificate.subjectAlternativeNames;
                    fail({TestStep::Kind::Tls, TestStep::Status::Failed, name,
                          tr("The certificate is valid but not for \"%1\"; it names: %2.")
                              .arg(m_service.baseUrl.host(),
                                   names.isEmpty() ? m_report.certificate.subject : names.join(QStringLiteral(", "))),
                          tr("Use one of the names the certificate is for in the URL, or trust this exact "
                             "certificate.")},
                         TestReport::Failure::TlsHostname);
                } else {
                    fail({TestStep::Kind::Tls, TestStep::Status::Failed, name, texts.join(QStringLiteral("; ")),
                          tr("Check the server's TLS setup.")},
                         TestReport::Failure::Tls);
                }
            });
    connect(socket, &QSslSocket::encrypted, this, [this, gen, socket, timer, name, policy, done] {
        if (gen != m_generation || *done)
            return;
        *done = true;
        timer->stop();
        socket->disconnect(this);
        const QSslCertificate peer = socket->peerCertificate();
        socket->abort();
        m_report.certificate = CertificateInfo::fromCertificate(peer);
        if (!policy.acceptsEstablished(peer)) {
            m_report.pinnedSha256 = policy.pin();
            fail({TestStep::Kind::Tls, TestStep::Status::Failed, name,
                  tr("The certificate changed: it is not the one you trusted. Trusted: %1. Now: %2.")
                      .arg(CertificateInfo::groupFingerprint(policy.pin()), m_report.certificate.groupedFingerprint()),
                  tr("Nothing was sent. Verify the new certificate on the server before replacing the pin.")},
                 TestReport::Failure::TlsChanged);
            return;
        }
        stepDone({TestStep::Kind::Tls,
                  TestStep::Status::Ok,
                  name,
                  policy.isPinned()
                      ? tr("the pinned certificate (SHA-256 %1)").arg(m_report.certificate.groupedFingerprint())
                      : tr("certificate trusted by the system (%1)").arg(m_report.certificate.subject),
                  {}});
        callApi();
    });
    connect(socket, &QSslSocket::errorOccurred, this,
            [this, gen, socket, timer, name, done](QAbstractSocket::SocketError) {
                if (gen != m_generation || *done)
                    return;
                *done = true;
                timer->stop();
                socket->disconnect(this);
                fail({TestStep::Kind::Tls, TestStep::Status::Failed, name, socket->errorString(),
                      tr("Check that the port speaks https (try http:// if the service has no TLS).")},
                     TestReport::Failure::Tls);
            });
    timer->start(m_service.timeoutMs);
    socket->connectToHostEncrypted(m_address, static_cast<quint16>(port), url.host());
}

Endpoint ConnectionTester::endpoint() const
{
    Endpoint e = endpointFor(m_service, false);
    e.maxRetries = 0; // a test reports the first failure as it is
    e.credentials.secret = m_secret;
    if (m_service.kind == ServiceKind::HomeAssistant)
        e.credentials.scheme = AuthScheme::Bearer; // as ServiceDirectory: a long-lived token
    if (m_service.kind == ServiceKind::N8n)
        e.credentials.scheme = AuthScheme::None; // n8n's secrets are per webhook
    return e;
}

void ConnectionTester::httpFailed(const QObject* client, const ApiError& e, const QUrl& url)
{
    if (!client || client->parent() != m_work)
        return; // a test that was cancelled or replaced
    m_report.triedUrl = url;
    const QString name = tr("API at %1").arg(url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
    const QString expected = expectedPath(m_service.kind);
    const QString pathAdvice = expected.isEmpty()
                                   ? tr("The base URL should be the service's root, e.g. %1://%2:%3 (no path).")
                                         .arg(m_service.baseUrl.scheme(), m_service.baseUrl.host())
                                         .arg(portOf(m_service.baseUrl))
                                   : tr("The base URL should end in %1, e.g. %2://%3:%4%1.")
                                         .arg(expected, m_service.baseUrl.scheme(), m_service.baseUrl.host())
                                         .arg(portOf(m_service.baseUrl));
    using K = ApiError::Kind;
    switch (e.kind) {
    case K::Auth:
        if (e.httpStatus == 403) {
            m_report.missingPrivilege = privilegeIn(e);
            QString next;
            if (!m_report.missingPrivilege.isEmpty())
                next = tr("Grant %1 to the user or token (a privilege-separated token needs it on the token too).")
                           .arg(m_report.missingPrivilege);
            else if (m_service.kind == ServiceKind::Portainer)
                next = tr("The API key's user must be a Portainer administrator (or have access to the environment).");
            else
                next = tr("Give the account the permission this service needs.");
            fail({TestStep::Kind::Http, TestStep::Status::Failed, name,
                  m_report.missingPrivilege.isEmpty()
                      ? tr("Access denied (HTTP 403): the credentials are valid but lack a permission.")
                      : tr("Access denied (HTTP 403): the credentials lack the privilege %1.")
                            .arg(m_report.missingPrivilege),
                  next},
                 TestReport::Failure::Forbidden);
        } else {
            fail({TestStep::Kind::Http, TestStep::Status::Failed, name,
                  tr("The service rejected the credentials (HTTP 401)."),
                  m_service.kind == ServiceKind::Proxmox && m_service.auth == AuthScheme::PveToken
                      ? tr("Check the token id (USER@REALM!TOKENID) and paste the secret again.")
                      : tr("Check the user name and enter the secret again.")},
                 TestReport::Failure::Unauthorized);
        }
        return;
    case K::NotFound:
    case K::Parse:
        m_report.expectedPath = expected;
        fail({TestStep::Kind::Http, TestStep::Status::Failed, name,
              e.kind == K::NotFound ? tr("%1 does not exist there (HTTP 404).").arg(url.toDisplayString())
                                    : tr("%1 answered, but not with the %2 API.")
                                          .arg(url.toDisplayString(), serviceKindName(m_service.kind)),
              pathAdvice},
             TestReport::Failure::WrongPath);
        return;
    case K::Rejected:
        if (e.httpStatus >= 300 && e.httpStatus < 400) {
            m_report.expectedPath = expected;
            fail({TestStep::Kind::Http, TestStep::Status::Failed, name, e.message,
                  tr("Use the address the service redirects to (often https:// instead of http://). %1")
                      .arg(pathAdvice)},
                 TestReport::Failure::WrongPath);
            return;
        }
        break;
    case K::Timeout:
        fail({TestStep::Kind::Http, TestStep::Status::Failed, name,
              tr("The service accepted the connection but did not answer within %1 s.")
                  .arg(m_service.timeoutMs / 1000.0, 0, 'g', 3),
              tr("Check that this port is the service's (not another program's), or raise the timeout.")},
             TestReport::Failure::Timeout);
        return;
    case K::Tls:
        m_report.certificate = e.tlsCertificate;
        m_report.pinnedSha256 = e.tlsPinnedSha256;
        fail({TestStep::Kind::Http, TestStep::Status::Failed, name, e.message, tr("Trust the certificate first.")},
             e.tlsPinnedSha256.isEmpty() ? TestReport::Failure::TlsUntrusted : TestReport::Failure::TlsChanged);
        return;
    case K::Server:
        fail({TestStep::Kind::Http, TestStep::Status::Failed, name, e.message,
              tr("The service itself has a problem: look at its logs.")},
             TestReport::Failure::Server);
        return;
    case K::Network:
        fail({TestStep::Kind::Http, TestStep::Status::Failed, name, e.message,
              tr("Check that this port is the service's and that it speaks %1.").arg(m_service.baseUrl.scheme())},
             TestReport::Failure::Network);
        return;
    case K::Config:
        fail({TestStep::Kind::Http, TestStep::Status::Failed, name, e.message, tr("Enter the secret.")},
             TestReport::Failure::Unauthorized);
        return;
    default:
        break;
    }
    fail({TestStep::Kind::Http, TestStep::Status::Failed, name, e.message, {}}, TestReport::Failure::Unexpected);
}

void ConnectionTester::callApi()
{
    if (m_service.auth != AuthScheme::None && m_service.kind != ServiceKind::N8n && m_secret.isEmpty()) {
        fail({TestStep::Kind::Http, TestStep::Status::Failed, tr("API"), tr("No secret was entered."),
              tr("Enter the token, key or password for this service.")},
             TestReport::Failure::Unauthorized);
        return;
    }
    QObject* ctx = m_work;
    const Endpoint ep = endpoint();
    const QString name = tr("API at %1").arg(m_service.baseUrl.toDisplayString(QUrl::RemoveUserInfo));
    auto ok = [this, name, ctx](const QString& version, const QString& fact) {
        if (ctx != m_work)
            return; // a test that was cancelled or replaced
        m_report.version = version;
        m_report.fact = fact;
        QString detail = version.isEmpty() ? fact : tr("version %1, %2").arg(version, fact);
        stepDone({TestStep::Kind::Http, TestStep::Status::Ok, name, detail, {}});
        succeed();
    };

    switch (m_service.kind) {
    case ServiceKind::Proxmox: {
        auto* c = new pve::ProxmoxClient(m_nam, ep, ctx);
        auto afterAuth = [this, c, ctx, ok] {
            c->version(ctx, [this, c, ctx, ok](Result<pve::Version> v) {
                if (!v)
                    return httpFailed(c, v.error(), c->api()->urlFor(QStringLiteral("/version")));
                const QString version = v.value().version;
                c->nodes(ctx, [this, c, ctx, ok, version](Result<QList<pve::NodeEntry>> n) {
                    if (!n)
                        return httpFailed(c, n.error(), c->api()->urlFor(QStringLiteral("/nodes")));
                    const int count = static_cast<int>(n.value().size());
                    const QString fact = tr("%n nodes", nullptr, count);
                    if (m_service.proxmoxNode.isEmpty())
                        return ok(version, fact);
                    const QString node = m_service.proxmoxNode;
                    c->nodeStatus(node, ctx, [this, c, ok, version, fact, node](Result<pve::NodeStatus> s) {
                        if (!s)
                            return httpFailed(c, s.error(),
                                              c->api()->urlFor(QStringLiteral("/nodes/%1/status").arg(node)));
                        ok(version, tr("%1, node %2 answers").arg(fact, node));
                    });
                });
            });
        };
        if (m_service.auth == AuthScheme::PveTicket) {
            c->login(m_service.user, m_secret, ctx, [this, c, afterAuth](Result<pve::Ticket> t) {
                if (!t)
                    return httpFailed(c, t.error(), c->api()->urlFor(QStringLiteral("/access/ticket")));
                afterAuth();
            });
        } else {
            afterAuth();
        }
        return;
    }
    case ServiceKind::Portainer: {
        auto* c = new portainer::PortainerClient(m_nam, ep, ctx);
        c->systemStatus(ctx, [this, c, ctx, ok](Result<portainer::SystemStatus> st) {
            if (!st)
                return httpFailed(c, st.error(), c->api()->urlFor(QStringLiteral("/system/status")));
            const QString version = st.value().version;
            c->environments(ctx, [this, c, ctx, ok, version](Result<QList<portainer::Environment>> envs) {
                if (!envs)
                    return httpFailed(c, envs.error(), c->api()->urlFor(QStringLiteral("/endpoints")));
                const int nEnv = static_cast<int>(envs.value().size());
                c->stacks(ctx, [this, c, ok, version, nEnv](Result<QList<portainer::Stack>> stacks) {
                    if (!stacks)
                        return httpFailed(c, stacks.error(), c->api()->urlFor(QStringLiteral("/stacks")));
                    ok(version, tr("%1, %2").arg(tr("%n environments", nullptr, nEnv),
                                                 tr("%n stacks", nullptr, static_cast<int>(stacks.value().size()))));
                });
            });
        });
        return;
    }
    case ServiceKind::Prometheus: {
        auto* c = new prom::PrometheusClient(m_nam, ep, ctx);
        c->buildInfo(ctx, [this, c, ctx, ok](Result<prom::BuildInfo> b) {
            if (!b)
                return httpFailed(c, b.error(), c->api()->urlFor(QStringLiteral("/api/v1/status/buildinfo")));
            const QString version = b.value().version;
            c->targets(ctx, [this, c, ok, version](Result<prom::Targets> t) {
                if (!t)
                    return httpFailed(c, t.error(), c->api()->urlFor(QStringLiteral("/api/v1/targets")));
                int up = 0;
                for (const prom::Target& x : t.value().active)
                    up += x.health == QLatin1String("up") ? 1 : 0;
                ok(version, tr("%1 of %n targets up", nullptr, static_cast<int>(t.value().active.size())).arg(up));
            });
        });
        return;
    }
    case ServiceKind::Alertmanager: {
        auto* c = new am::AlertmanagerClient(m_nam, ep, ctx);
        c->status(ctx, [this, c, ctx, ok](Result<am::Status> s) {
            if (!s)
                return httpFailed(c, s.error(), c->api()->urlFor(QStringLiteral("/api/v2/status")));
            const QString version = s.value().version;
            const QString cluster = s.value().clusterStatus;
            c->alerts(am::AlertFilter{}, ctx, [this, c, ok, version, cluster](Result<QList<am::Alert>> a) {
                if (!a)
                    return httpFailed(c, a.error(), c->api()->urlFor(QStringLiteral("/api/v2/alerts")));
                ok(version, tr("cluster %1, %2")
                                .arg(cluster.isEmpty() ? tr("unknown") : cluster,
                                     tr("%n alerts", nullptr, static_cast<int>(a.value().size()))));
            });
        });
        return;
    }
    case ServiceKind::AdGuard: {
        auto* c = new adguard::AdGuardClient(m_nam, ep, ctx);
        c->status(ctx, [this, c, ok](Result<adguard::ServerStatus> s) {
            if (!s)
                return httpFailed(c, s.error(), c->api()->urlFor(QStringLiteral("/status")));
            ok(s.value().version, s.value().protectionEnabled ? tr("protection on") : tr("protection off"));
        });
        return;
    }
    case ServiceKind::HomeAssistant: {
        auto* c = new ha::HomeAssistantClient(m_nam, ep, ctx);
        c->fetchStates(ctx, [this, c, ok](Result<QList<ha::EntityState>> s) {
            if (!s)
                return httpFailed(c, s.error(), c->api()->urlFor(QStringLiteral("/api/states")));
            ok({}, tr("%n entities", nullptr, static_cast<int>(s.value().size())));
        });
        return;
    }
    case ServiceKind::Ollama: {
        auto* c = new ollama::OllamaClient(m_nam, ep, ctx);
        c->version(ctx, [this, c, ctx, ok](Result<QString> v) {
            if (!v)
                return httpFailed(c, v.error(), c->api()->urlFor(QStringLiteral("/api/version")));
            const QString version = v.value();
            c->ps(ctx, [this, c, ctx, ok, version](Result<QList<ollama::LoadedModel>> ps) {
                if (!ps)
                    return httpFailed(c, ps.error(), c->api()->urlFor(QStringLiteral("/api/ps")));
                const int loaded = static_cast<int>(ps.value().size());
                c->tags(ctx, [this, c, ok, version, loaded](Result<QList<ollama::InstalledModel>> tags) {
                    if (!tags)
                        return httpFailed(c, tags.error(), c->api()->urlFor(QStringLiteral("/api/tags")));
                    ok(version, tr("%1 loaded, %n models available", nullptr, static_cast<int>(tags.value().size()))
                                    .arg(loaded));
                });
            });
        });
        return;
    }
    case ServiceKind::Agents: {
        auto* c = new agents::AgentsClient(m_nam, ep, ctx);
        c->agents(ctx, [this, c, ok](Result<QList<agents::Agent>> a) {
            if (!a)
                return httpFailed(c, a.error(), c->api()->urlFor(QStringLiteral("/agents")));
            ok({}, tr("%n agents", nullptr, static_cast<int>(a.value().size())));
        });
        return;
    }
    case ServiceKind::N8n: {
        // n8n's API needs its own key; the app only calls webhooks. Its health endpoint proves the address.
        auto* c = new n8n::N8nClient(m_nam, ep, ctx);
        const QUrl url = c->api()->urlFor(QStringLiteral("/healthz"));
        c->api()->get(QStringLiteral("/healthz"), {}, ctx, [this, c, url, ok](const ApiResponse& r) {
            if (!r.ok())
                return httpFailed(c, r.error, url);
            ok({}, tr("reachable (%1 answered)").arg(url.path()));
        });
        return;
    }
    }
}

void ConnectionTester::stepDone(TestStep step)
{
    m_report.steps << step;
    emit stepFinished(step);
}

void ConnectionTester::fail(TestStep step, TestReport::Failure failure)
{
    m_report.failure = failure;
    stepDone(std::move(step));
    qCInfo(lcTester) << "test of" << m_service.baseUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)
                     << "failed:" << failureName(failure);
    finish();
}

void ConnectionTester::succeed()
{
    finish();
}

void ConnectionTester::finish()
{
    // The steps after a failure were not tried: list them so the user sees where the test stopped.
    const bool https = m_service.baseUrl.scheme() == QLatin1String("https");
    QList<TestStep::Kind> all{TestStep::Kind::Resolve, TestStep::Kind::Connect};
    if (https)
        all << TestStep::Kind::Tls;
    all << TestStep::Kind::Http;
    for (TestStep::Kind k : all) {
        bool seen = false;
        for (const TestStep& s : m_report.steps)
            seen = seen || s.kind == k;
        if (seen)
            continue;
        QString name;
        switch (k) {
        case TestStep::Kind::Resolve:
            name = tr("Address");
            break;
        case TestStep::Kind::Connect:
            name = tr("TCP connect");
            break;
        case TestStep::Kind::Tls:
            name = tr("TLS");
            break;
        default:
            name = tr("API");
            break;
        }
        m_report.steps << TestStep{k, TestStep::Status::Skipped, name, tr("not tried"), {}};
    }
    m_secret.clear();
    m_running = false;
    const TestReport report = m_report;
    ++m_generation; // late callbacks of this test are ignored
    // Drop this test's sockets and client after the callbacks returned.
    if (m_work) {
        m_work->deleteLater();
        m_work = nullptr;
    }
    emit finished(report);
}

} // namespace hlc
