#include "home/AdGuardMonitor.h"

#include "adguard/AdGuardClient.h"
#include "core/PollPacer.h"
#include "core/ServiceDirectory.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <limits>

Q_LOGGING_CATEGORY(lcAdGuard, "hlc.app.adguard")

namespace hlc {

namespace {
// The context of AdGuardMonitor::tr, spelled out: lupdate would file a tr() here under "hlc".
QString durationText(qint64 ms)
{
    if (ms <= 0)
        return QCoreApplication::translate("hlc::AdGuardMonitor", "until re-enabled");
    // Plain ints for the counts: lupdate 6.4 drops a translate() whose arguments hold a cast.
    const int hours = static_cast<int>(ms / 3600000), minutes = static_cast<int>(ms / 60000),
              seconds = static_cast<int>((ms + 999) / 1000);
    if (ms % 3600000 == 0)
        return QCoreApplication::translate("hlc::AdGuardMonitor", "for %n hours", nullptr, hours);
    if (ms % 60000 == 0)
        return QCoreApplication::translate("hlc::AdGuardMonitor", "for %n minutes", nullptr, minutes);
    return QCoreApplication::translate("hlc::AdGuardMonitor", "for %n seconds", nullptr, seconds);
}
} // namespace

AdGuardMonitor::AdGuardMonitor(const HostConfig& host, const ServiceConfig& service, ServiceDirectory* services,
                               ActionJournal* journal, QObject* parent)
    : QObject(parent)
    , m_hostId(host.id)
    , m_hostName(host.name.isEmpty() ? host.id : host.name)
    , m_service(service)
    , m_journal(journal)
    , m_client(services->adguard(host.id, service.id))
    , m_timer(new QTimer(this))
    , m_pacer(new PollPacer(m_timer, this))
    , m_appResume(new QTimer(this))
{
    m_filter.limit = 200;
    connect(m_timer, &QTimer::timeout, this, &AdGuardMonitor::refresh);
    m_appResume->setSingleShot(true);
    connect(m_appResume, &QTimer::timeout, this, &AdGuardMonitor::resume);
}

AdGuardMonitor::~AdGuardMonitor() = default;

void AdGuardMonitor::setSourceError(const ApiError& error)
{
    m_source.state = SourceStatus::State::Error;
    m_source.error = error;
    m_source.lastAttempt = QDateTime::currentDateTimeUtc();
    emit updated();
}

void AdGuardMonitor::start(int intervalMs)
{
    m_pacer->setIntervalMs(std::max(1000, intervalMs));
    m_timer->start(m_pacer->currentMs());
    refresh();
}

void AdGuardMonitor::stop()
{
    m_timer->stop();
}

void AdGuardMonitor::refresh()
{
    pollStatus();
    if (queryLogWanted())
        fetchQueryLog();
}

void AdGuardMonitor::setQueryLogInterest(std::function<bool()> interest)
{
    m_queryLogInterest = std::move(interest);
}

void AdGuardMonitor::queryLogNeededNow()
{
    if (m_timer->isActive() && queryLogWanted())
        fetchQueryLog();
}

adguard::AdGuardVersion AdGuardMonitor::serverVersion() const
{
    return adguard::AdGuardVersion::parse(m_status ? m_status->version : QString());
}

bool AdGuardMonitor::serverTimesPauses() const
{
    return !m_noProtectionApi && (!m_status || serverVersion().hasTimedPause());
}

bool AdGuardMonitor::pauseTimedByApp() const
{
    return m_appResume->isActive();
}

qint64 AdGuardMonitor::pauseRemainingMs() const
{
    if (m_appResume->isActive() && m_status && !m_status->protectionEnabled)
        return std::max(0, m_appResume->remainingTime());
    if (!m_status || m_status->protectionEnabled || m_status->protectionDisabledDurationMs <= 0)
        return 0;
    return std::max<qint64>(0, m_status->protectionDisabledDurationMs - m_statusAge.elapsed());
}

bool AdGuardMonitor::pausedIndefinitely() const
{
    return m_status && !m_status->protectionEnabled && m_status->protectionDisabledDurationMs <= 0 &&
           !m_appResume->isActive();
}

void AdGuardMonitor::pollStatus()
{
    if (m_pending > 0)
        return;
    m_pending = 3;
    m_source.lastAttempt = QDateTime::currentDateTimeUtc();
    auto finishOne = [this](const std::optional<ApiError>& error) {
        if (error && error->kind != ApiError::Kind::Cancelled) {
            m_source.state = SourceStatus::State::Error;
            m_source.error = *error;
            qCInfo(lcAdGuard) << m_hostId << "adguard poll failed:" << error->detail;
        }
        if (--m_pending == 0) {
            if (m_source.state != SourceStatus::State::Unknown)
                m_pacer->pollFinished(m_source.state == SourceStatus::State::Ok);
            emit updated();
        }
    };
    // A round is good only when all three parts are; start optimistic and let an error mark it.
    m_source.state = SourceStatus::State::Ok;
    m_source.error = {};
    m_client->status(this, [this, finishOne](Result<adguard::ServerStatus> r) {
        if (r.ok()) {
            m_status = std::move(r).value();
            m_statusAge.restart();
            if (m_status->protectionEnabled)
                m_appResume->stop(); // turned on meanwhile (by someone else): nothing left to end
            m_source.lastSuccess = QDateTime::currentDateTimeUtc();
            finishOne(std::nullopt);
        } else {
            finishOne(r.error());
        }
    });
    m_client->stats(this, [this, finishOne](Result<adguard::Stats> r) {
        if (!r.ok()) {
            finishOne(r.error());
            return;
        }
        m_stats = std::move(r).value();
        finishOne(std::nullopt);
    });
    m_client->filteringStatus(this, [this, finishOne](Result<adguard::FilteringStatus> r) {
        if (!r.ok()) {
            finishOne(r.error());
            return;
        }
        m_filtering = std::move(r).value();
        finishOne(std::nullopt);
    });
}

void AdGuardMonitor::setQueryFilter(const adguard::QueryLogFilter& filter)
{
    m_filter = filter;
    ++m_filterGeneration;
    if (m_logCall)
        m_logCall->cancel();
    fetchQueryLog();
}

void AdGuardMonitor::fetchQueryLog()
{
    if (m_logCall)
        return;
    const int gen = m_filterGeneration;
    m_logCall = m_client->queryLog(m_filter, this, [this, gen](Result<adguard::QueryLog> r) {
        m_logCall.clear();
        if (gen != m_filterGeneration)
            return;
        if (r.ok()) {
            m_queryLog = std::move(r).value().entries;
            emit queryLogUpdated();
        }
    });
}

void AdGuardMonitor::pause(qint64 ms)
{
    setProtection(false, std::max<qint64>(0, ms));
}

void AdGuardMonitor::resume()
{
    setProtection(true, 0);
}

void AdGuardMonitor::setProtection(bool enabled, qint64 ms)
{
    if (m_actionInFlight)
        return;
    m_actionInFlight = true;
    const QString action =
        enabled ? QStringLiteral("resume-protection")
                : QStringLiteral("pause-protection %1")
                      .arg(ms > 0 ? QString::number(ms) + QStringLiteral("ms") : QStringLiteral("indefinitely"));
    ActionTarget target;
    target.hostId = m_hostId;
    target.hostName = m_hostName;
    target.service = ServiceKind::AdGuard;
    target.kind = ActionTarget::Kind::AdGuard;
    target.id = QStringLiteral("protection");
    target.label = QStringLiteral("DNS protection");
    const ActionJournal::Entry entry = m_journal->begin(target, action);
    emit updated();
    sendProtection(enabled, ms, !serverTimesPauses(), entry);
}

void AdGuardMonitor::sendProtection(bool enabled, qint64 ms, bool legacy, const ActionJournal::Entry& entry)
{
    auto onSent = [this, enabled, ms, legacy, entry](Result<bool> r) {
        using Outcome = ActionJournal::Outcome;
        if (!r.ok() && !legacy && r.error().httpStatus == 404) {
            // No POST /control/protection: a server older than v0.107.27 (or a proxy hiding it). A 404 changed
            // nothing, so switching through /control/dns_config instead sends the action once, not twice.
            qCInfo(lcAdGuard) << m_hostId << "no /control/protection (version" << serverVersion().text
                              << "), switching through /control/dns_config";
            m_noProtectionApi = true;
            sendProtection(enabled, ms, true, entry);
            return;
        }
        if (!r.ok()) {
            m_actionInFlight = false;
            const QString msg = tr("Changing DNS protection on %1 failed: %2").arg(m_hostName, r.error().message);
            record(entry, Outcome::failed(r.error().message, tr("AdGuard Home action failed"), msg), msg);
            return;
        }
        // Accepted is not the outcome: read the server's state back and report what it says.
        m_client->status(this, [this, enabled, ms, legacy, entry](Result<adguard::ServerStatus> s) {
            m_actionInFlight = false;
            if (!s.ok()) {
                const QString msg = tr("DNS protection on %1 was changed, but its state could not be read back: %2")
                                        .arg(m_hostName, s.error().message);
                record(entry,
                       Outcome::unknown(s.error().message,
                                        tr("Check the protection state in AdGuard Home before trying again."),
                                        tr("AdGuard Home action failed"), msg),
                       msg);
                return;
            }
            m_status = std::move(s).value();
            m_statusAge.restart();
            if (m_status->protectionEnabled == enabled) {
                QString msg = enabled ? tr("DNS protection on %1 is on again.").arg(m_hostName)
                                      : tr("DNS protection on %1 is paused %2.").arg(m_hostName, durationText(ms));
                if (enabled) {
                    m_appResume->stop();
                } else if (legacy && ms > 0) {
                    m_appResume->start(static_cast<int>(std::min<qint64>(ms, std::numeric_limits<int>::max())));
                    msg += QLatin1Char(' ') +
                           tr("AdGuard Home %1 has no pause timer (added in v0.107.27): this app turns protection "
                              "back on when the pause ends, but only while it is running.")
                               .arg(serverVersion().text);
                }
                record(entry, Outcome::ok(tr("AdGuard Home"), msg), msg);
            } else {
                const QString msg = tr("AdGuard Home on %1 accepted the change, but protection is still %2.")
                                        .arg(m_hostName, m_status->protectionEnabled ? tr("on") : tr("off"));
                record(entry,
                       Outcome::failed(QStringLiteral("state did not change"), tr("AdGuard Home action failed"), msg),
                       msg);
            }
            emit updated();
        });
    };
    if (legacy)
        m_client->setProtectionEnabled(enabled, this, std::move(onSent));
    else
        m_client->setProtection(enabled, ms, this, std::move(onSent));
}

void AdGuardMonitor::record(const ActionJournal::Entry& entry, const ActionJournal::Outcome& outcome,
                            const QString& message)
{
    m_journal->finish(entry, outcome);
    emit actionFinished(outcome.result == ActionJournal::Outcome::Result::Ok, message);
    emit updated();
}

} // namespace hlc
