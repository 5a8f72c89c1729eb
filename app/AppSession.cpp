#include "AppSession.h"

#include "DemoSetup.h"
#include "Simulator.h"
#include "core/AuditLog.h"
#include "core/ConfigStore.h"
#include "core/FilePermissions.h"
#include "core/Homelab.h"
#include "core/SecretStore.h"
#include "n8n/N8nClient.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcSession, "hlc.app.session")

namespace hlc {

namespace {
/// Every keychain key that belongs to @p c: one per service, one per n8n webhook action.
QSet<QString> secretKeysOf(const Config& c)
{
    QSet<QString> keys;
    for (const HostConfig& h : c.hosts) {
        for (const ServiceConfig& s : h.services) {
            keys.insert(secretKey(h.id, s.id));
            if (s.kind != ServiceKind::N8n)
                continue;
            for (const n8n::WebhookAction& a : n8n::N8nClient::actionsFromConfig(s.extra, nullptr))
                keys.insert(secretKey(h.id, s.id + QLatin1Char('/') + a.id));
        }
    }
    return keys;
}
} // namespace

AppSession::AppSession(SecretStore* secrets, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_nam(nam)
{}

AppSession::~AppSession()
{
    if (m_homelab)
        m_homelab->stop();
    m_homelab.reset(); // before the simulator it talks to
}

const Config& AppSession::config() const
{
    static const Config s_empty;
    return m_homelab ? m_homelab->config() : s_empty;
}

void AppSession::openDefaultConfig()
{
    const ConfigStore::Migration moved = ConfigStore::migrateLegacyConfig();
    m_notice = moved.message;
    const QString auditMoved = AuditLog::migrateLegacy();
    if (!auditMoved.isEmpty())
        m_notice = m_notice.isEmpty() ? auditMoved : m_notice + u' ' + auditMoved;
    openConfig(ConfigStore::defaultPath());
}

void AppSession::openConfig(const QString& path)
{
    Config config;
    m_problem.clear();
    if (!QFileInfo::exists(path)) {
        // A missing file is normal on a first start: the welcome page, and the first save creates it here.
        m_mode = Mode::FirstRun;
        m_path = path;
    } else {
        auto loaded = ConfigStore::load(path);
        if (auto* c = std::get_if<Config>(&loaded)) {
            config = std::move(*c);
            m_mode = Mode::Configured;
            m_path = path;
            // Loaded as it is (the file is the user's), but a file others can change is said out loud.
            if (const QString unsafe = filePermissions::insecureWarning(path); !unsafe.isEmpty()) {
                qCWarning(lcSession).noquote() << unsafe;
                m_notice = m_notice.isEmpty() ? unsafe : m_notice + QLatin1Char(' ') + unsafe;
            }
        } else {
            const ConfigError& err = std::get<ConfigError>(loaded);
            m_problem = tr("The configuration was not loaded and has not been changed: %1").arg(err.toString());
            qCWarning(lcSession).noquote() << err.toString();
            m_mode = Mode::ConfigProblem;
            m_path.clear(); // never save over a file we could not read
        }
    }
    replace(config, m_path, false);
}

bool AppSession::startDemo(QString* error)
{
    if (!m_simulator) {
        auto simulator = std::make_unique<sim::Simulator>();
        simulator->setProxmoxTicketLogin(QStringLiteral("host-b")); // Host A uses an API token: both modes on show
        simulator->setOldServers(m_demoOldServers);
        QString why;
        if (!simulator->start(&why)) {
            if (error)
                *error = why;
            return false;
        }
        m_simulator = std::move(simulator);
    }
    demo::storeSecrets(*m_simulator, m_secrets); // session-only: the keychain is never touched in demo mode
    m_mode = Mode::Demo;
    m_problem.clear();
    m_notice.clear();
    m_path.clear();
    replace(demo::configFor(*m_simulator), QString(), true);
    return true;
}

std::optional<QString> AppSession::apply(const Config& config, const QHash<QString, QString>& secrets)
{
    if (m_mode == Mode::ConfigProblem)
        return tr("The configuration file has a problem and is left untouched; fix it first: %1").arg(m_problem);
    if (m_mode == Mode::Demo) {
        if (const auto err = ConfigStore::validate(config))
            return err->toString();
    } else if (const auto err = ConfigStore::save(config, m_path)) {
        return err->toString();
    }
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        m_secrets->write(it.key(), it.value(), this, [](const SecretResult&) {});
    forgetSecretsOfRemoved(this->config(), config);
    if (m_mode == Mode::FirstRun)
        m_mode = Mode::Configured;
    replace(config, m_path, m_mode == Mode::Demo);
    return std::nullopt;
}

void AppSession::forgetSecretsOfRemoved(const Config& before, const Config& after)
{
    const QSet<QString> kept = secretKeysOf(after);
    for (const QString& key : secretKeysOf(before)) {
        if (kept.contains(key))
            continue;
        qCInfo(lcSession) << "removing the keychain entry of" << key;
        m_secrets->remove(key, this, [](const SecretResult&) {});
    }
}

void AppSession::replace(const Config& config, const QString& savePath, bool demo)
{
    if (m_homelab) {
        emit aboutToReplaceHomelab();
        m_homelab->stop();
        m_homelab.reset();
    }
    m_homelab = std::make_unique<Homelab>(config, savePath, m_secrets, m_nam);
    m_homelab->setDemo(demo);
    m_homelab->start();
    emit homelabReplaced(m_homelab.get());
}

} // namespace hlc
