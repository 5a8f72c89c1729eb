// A Proxmox account with two-factor authentication (`auth: pve-ticket`): POST /access/ticket answers `NeedTFA: 1`
// with a half ticket. The app must recognise it, ask for the TOTP code (or name an API token), and never send a request
// with the half ticket, nor log in again on every poll. The simulator's TOTP mode answers as PVE 7+ does
// (spec-checked).
#include "PveSimFixture.h"
#include "SpecCheck.h"
#include "TestUtil.h"

#include "ProxmoxTaskSim.h"
#include "SimHttpServer.h"
#include "core/ApiClient.h"
#include "core/ServiceDirectory.h"
#include "guests/GuestInventory.h"
#include "guests/HostMonitor.h"
#include "proxmox/ProxmoxClient.h"
#include "proxmox/ProxmoxParser.h"
#include "proxmox/ProxmoxTicketSession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kTokenUser = QStringLiteral("monitor@pve!homelab-control");
const QString kTokenSecret = QStringLiteral("0d9b7c1a-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
const QString kUser = QStringLiteral("admin@pve");
const QString kPassword = QStringLiteral("tfa-Account-pw 9");
const QString kNode = QStringLiteral("pve-thinkpad");
const QString kHost = QStringLiteral("host-a");
} // namespace

class TestPveTfa : public QObject
{
    Q_OBJECT

private:
    hlc::test::PveSimFixture m_pve;
    hlc::test::SpecCheck m_spec;

    [[nodiscard]] int logins() const
    {
        int n = 0;
        for (const sim::SimRequest& r : m_pve.server->requests())
            n += r.method == "POST" && r.path.endsWith(QLatin1String("/access/ticket")) ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_pve.start(this, {kNode}, kTokenUser, kTokenSecret));
        m_pve.tasks->setLogin(kUser, kPassword);
        m_pve.tasks->setLoginTotp(QStringLiteral("123456"));
    }

    void parserRecognisesHalfTickets_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("needTfa");
        QTest::addColumn<QString>("methods");
        QTest::newRow("PVE 7+ (NeedTFA 1, challenge in the ticket)")
            << QByteArray(
                   R"({"data":{"username":"a@pve","ticket":"PVE:!tfa!%7B%22totp%22%3Atrue%2C%22recovery%22%3A%22available%22%2C%22webauthn%22%3Anull%7D:6543A1B2::c2ln","CSRFPreventionToken":"x","NeedTFA":1}})")
            << true << "recovery,totp";
        QTest::newRow("NeedTFA true, old ticket form")
            << QByteArray(R"({"data":{"username":"a@pve","ticket":"PVE:a@pve:6543A1B2::c2ln","NeedTFA":true}})") << true
            << "";
        QTest::newRow("NeedTFA as a string")
            << QByteArray(R"({"data":{"username":"a@pve","ticket":"PVE:a@pve:1::s","NeedTFA":"1"}})") << true << "";
        QTest::newRow("NeedTFA 0") << QByteArray(
                                          R"({"data":{"username":"a@pve","ticket":"PVE:a@pve:1::s","NeedTFA":0}})")
                                   << false << "";
        QTest::newRow("full ticket")
            << QByteArray(R"({"data":{"username":"a@pve","ticket":"PVE:a@pve:1::s","CSRFPreventionToken":"c"}})")
            << false << "";
    }
    void parserRecognisesHalfTickets()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, needTfa);
        QFETCH(QString, methods);
        const Result<pve::Ticket> t = pve::parser::ticket(body);
        QVERIFY(t.ok());
        QCOMPARE(t.value().needTfa, needTfa);
        QStringList m = t.value().tfaMethods;
        m.sort();
        QCOMPARE(m.join(QLatin1Char(',')), methods);
    }

    /// The simulator's TOTP account answers like PVE 7+: a half ticket that opens nothing, then the second step.
    void simulatorTfaAnswersMatchTheSpec()
    {
        HLC_REQUIRE_REAL(m_spec.unavailable(QStringLiteral("proxmox/pve-api.controlcenter-excerpt.json")));
        auto* nam = new QNetworkAccessManager(this);
        Endpoint ep = m_pve.tokenEndpoint(kTokenUser, kTokenSecret);
        ep.credentials = {};
        ep.maxRetries = 0;
        auto* api = new ApiClient(nam, ep, this);
        const auto post = [&](const QByteArray& body) {
            ApiRequest r;
            r.method = "POST";
            r.path = QStringLiteral("/access/ticket");
            r.body = body;
            r.contentType = "application/x-www-form-urlencoded";
            std::optional<ApiResponse> out;
            api->send(r, this, [&out](const ApiResponse& resp) { out = resp; });
            waitFor([&] { return out.has_value(); });
            return out.value_or(ApiResponse{});
        };
        const QString spec = QStringLiteral("proxmox/pve-api.controlcenter-excerpt.json");
        const QString path = QStringLiteral("/api2/json/access/ticket");
        const ApiResponse first =
            post("username=" + QUrl::toPercentEncoding(kUser) + "&password=" + QUrl::toPercentEncoding(kPassword));
        QCOMPARE(first.status, 200);
        const QJsonObject d = QJsonDocument::fromJson(first.body).object().value(QStringLiteral("data")).toObject();
        QCOMPARE(d.value(QStringLiteral("NeedTFA")).toInt(), 1);
        const QString half = d.value(QStringLiteral("ticket")).toString();
        QVERIFY(half.startsWith(QLatin1String("PVE:!tfa!")));
        QString v = m_spec.violations(spec, QStringLiteral("POST"), path, first.status, first.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        const ApiResponse wrong = post("username=" + QUrl::toPercentEncoding(kUser) +
                                       "&tfa-challenge=" + QUrl::toPercentEncoding(half) + "&password=totp%3A000000");
        QCOMPARE(wrong.status, 401);
        const ApiResponse second = post("username=" + QUrl::toPercentEncoding(kUser) +
                                        "&tfa-challenge=" + QUrl::toPercentEncoding(half) + "&password=totp%3A123456");
        QCOMPARE(second.status, 200);
        v = m_spec.violations(spec, QStringLiteral("POST"), path, second.status, second.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        QVERIFY(!QJsonDocument::fromJson(second.body)
                     .object()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .contains(QStringLiteral("NeedTFA")));
        hlc::test::evidence(QStringLiteral("simulated PVE TOTP login: NeedTFA half ticket, wrong code 401, right "
                                           "code a full ticket; %1 answers spec-checked")
                                .arg(2));
    }

    /// The app logs in once, recognises the second factor, says what to do, and sends nothing with the half ticket.
    void appRecognisesTheSecondFactor()
    {
        HostConfig host;
        host.id = kHost;
        host.name = kNode;
        host.services = {m_pve.service(kNode, AuthScheme::PveTicket, kUser)};
        Config config;
        config.hosts << host;
        auto* nam = new QNetworkAccessManager(this);
        auto* services = new ServiceDirectory(config, nullptr, nam, this);
        auto* monitor = new HostMonitor(host, services, this);
        auto* inventory = new GuestInventory(host, services, this);
        QSignalSpy attention(services, &ServiceDirectory::needsAttention);
        QSignalSpy updates(monitor, &HostMonitor::proxmoxUpdated);
        const int loginsBefore = logins();
        const int halfBefore = m_pve.tasks->halfTicketRequests();
        services->applySecret(kHost, QStringLiteral("proxmox"), kPassword);
        monitor->start(500);
        inventory->start(500);
        QVERIFY(waitFor([monitor] { return monitor->proxmoxStatus().state == SourceStatus::State::Error; }));
        const ApiError e = monitor->proxmoxStatus().error;
        QCOMPARE(e.kind, ApiError::Kind::Auth);
        QVERIFY2(e.message.contains(QLatin1String("two-factor authentication (recovery, totp)")),
                 qPrintable(e.message));
        QVERIFY2(e.message.contains(QLatin1String("API token")), qPrintable(e.message));
        QVERIFY(!e.message.contains(QLatin1String("expired")));
        QVERIFY(!e.detail.contains(QLatin1String("!tfa!"))); // the half ticket is not logged
        QVERIFY(monitor->ticketSession()->needsSecondFactor());
        // The user is told through the attention bar (the same path as a refused password).
        QVERIFY(waitFor([&attention] { return attention.count() > 0; }));
        QCOMPARE(attention.last().at(0).value<Attention>().kind, Attention::Kind::SecondFactorRequired);
        // Several poll rounds later: still one login, no request with the half ticket, no data.
        const int rounds = static_cast<int>(updates.count());
        QVERIFY(waitFor([&updates, rounds] { return updates.count() >= rounds + 3; }, 20000));
        QCOMPARE(logins() - loginsBefore, 1);
        QCOMPARE(m_pve.tasks->halfTicketRequests() - halfBefore, 0);
        for (const sim::SimRequest& r : m_pve.server->requests())
            QVERIFY2(!r.header("cookie").contains("tfa"), r.path.toUtf8().constData());
        QVERIFY(!inventory->guestsStatus().hasData());
        QVERIFY(monitor->proxmoxStatus().error.message.contains(QLatin1String("two-factor")));
        monitor->stop();
        inventory->stop();
        hlc::test::evidence(QStringLiteral("PVE NeedTFA recognised: 1 login over %1 poll rounds, 0 requests with the "
                                           "half ticket, attention raised")
                                .arg(updates.count() - rounds + 1));
    }

    /// The in-app second factor: NeedTFA, a wrong code (said so, nothing polled with the half ticket), the right
    /// code (live: a full ticket, data polled), and the code in no log line, header or URL.
    void appCompletesTheSecondFactor()
    {
        static QStringList s_log;
        s_log.clear();
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType, const QMessageLogContext& ctx, const QString& msg) {
                s_log << QString::fromLatin1(ctx.category ? ctx.category : "") + QLatin1Char(' ') + msg;
            });
        QLoggingCategory::setFilterRules(QStringLiteral("hlc.*=true"));
        HostConfig host;
        host.id = kHost;
        host.name = kNode;
        host.services = {m_pve.service(kNode, AuthScheme::PveTicket, kUser)};
        Config config;
        config.hosts << host;
        auto* nam = new QNetworkAccessManager(this);
        auto* services = new ServiceDirectory(config, nullptr, nam, this);
        auto* monitor = new HostMonitor(host, services, this);
        auto* inventory = new GuestInventory(host, services, this);
        const int halfBefore = m_pve.tasks->halfTicketRequests();
        m_pve.server->clearRequests(); // count this test's second steps only
        services->applySecret(kHost, QStringLiteral("proxmox"), kPassword);
        monitor->start(500);
        inventory->start(500);
        QVERIFY(waitFor([monitor] { return monitor->ticketSession()->needsSecondFactor(); }));
        pve::ProxmoxTicketSession* session = monitor->ticketSession();

        const QString wrongCode = QStringLiteral("000000");
        std::optional<std::optional<ApiError>> wrong;
        session->submitSecondFactor(wrongCode, this, [&wrong](const std::optional<ApiError>& e) { wrong = e; });
        QVERIFY(waitFor([&wrong] { return wrong.has_value(); }));
        QVERIFY(wrong->has_value());
        QCOMPARE((*wrong)->kind, ApiError::Kind::Auth);
        QVERIFY2((*wrong)->message.contains(QLatin1String("did not accept the code")), qPrintable((*wrong)->message));
        QVERIFY(session->needsSecondFactor()); // still waiting for a code: asks again
        QTest::qWait(1500);                    // poll rounds meanwhile: still nothing with the half ticket
        QCOMPARE(m_pve.tasks->halfTicketRequests() - halfBefore, 0);
        QVERIFY(!inventory->guestsStatus().hasData());

        const QString code = QStringLiteral("123456");
        std::optional<std::optional<ApiError>> right;
        session->submitSecondFactor(code, this, [&right](const std::optional<ApiError>& e) { right = e; });
        QVERIFY(waitFor([&right] { return right.has_value(); }));
        QVERIFY2(!right->has_value(), right->has_value() ? qPrintable((*right)->message) : "");
        QVERIFY(!session->needsSecondFactor());
        QVERIFY(waitFor([monitor] { return monitor->proxmoxStatus().state == SourceStatus::State::Ok; }, 15000));
        QVERIFY(waitFor([inventory] { return inventory->guestsStatus().hasData(); }, 15000));
        QCOMPARE(m_pve.tasks->halfTicketRequests() - halfBefore, 0);
        monitor->stop();
        inventory->stop();
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        // The code only ever travelled in the body of the one POST: no log line, header or URL has it.
        for (const QString& line : std::as_const(s_log)) {
            QVERIFY2(!line.contains(code) && !line.contains(wrongCode), qPrintable(line));
            QVERIFY2(!line.contains(QLatin1String("!tfa!")), qPrintable(line));
        }
        int secondSteps = 0;
        for (const sim::SimRequest& r : m_pve.server->requests()) {
            QVERIFY(!r.query.toString().contains(code));
            for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it)
                QVERIFY2(!it.value().contains(code.toUtf8()), it.key().constData());
            secondSteps += r.body.contains("tfa-challenge=") ? 1 : 0;
        }
        QCOMPARE(secondSteps, 2);
        hlc::test::evidence(QStringLiteral("PVE TOTP in the app: wrong code refused (%1), right code live with guests; "
                                           "0 requests with the half ticket, code in 0 of %2 log lines")
                                .arg((*wrong)->message)
                                .arg(s_log.size()));
    }
};

QTEST_GUILESS_MAIN(TestPveTfa)
#include "TestPveTfa.moc"
