#include "SimDocker.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace hlc::sim {

namespace {
qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

QString ago(qint64 secs)
{
    if (secs < 60)
        return QStringLiteral("%1 seconds").arg(std::max<qint64>(secs, 1));
    if (secs < 3600)
        return secs < 120 ? QStringLiteral("About a minute") : QStringLiteral("%1 minutes").arg(secs / 60);
    if (secs < 86400)
        return secs < 7200 ? QStringLiteral("About an hour") : QStringLiteral("%1 hours").arg(secs / 3600);
    return QStringLiteral("%1 days").arg(secs / 86400);
}
} // namespace

SimDocker::SimDocker(int endpointId, QObject* parent)
    : QObject(parent)
    , m_endpointId(endpointId)
{}

QString SimDocker::idFor(const QString& name)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(QByteArray("hlc-sim/") + name.toUtf8()), QCryptographicHash::Sha256)
            .toHex());
}

SimDocker* SimDocker::createSeeded(const QString& hostId, int endpointId, QObject* parent)
{
    auto* d = new SimDocker(endpointId, parent);
    const qint64 t0 = now();
    struct Seed
    {
        const char* stack;
        const char* name;
        const char* image;
        const char* state;
        const char* health;
        bool tty;
    };
    QList<Seed> seeds;
    if (hostId == QLatin1String("host-a")) {
        seeds = {
            {"proxy", "traefik", "traefik:v3.2", "running", "healthy", false},
            {"auth", "authentik-server", "ghcr.io/goauthentik/server:2024.10", "running", "healthy", false},
            {"auth", "authentik-worker", "ghcr.io/goauthentik/server:2024.10", "running", "", false},
            {"", "portainer", "portainer/portainer-ce:2.31.2", "running", "", false},
            {"dns", "adguard", "adguard/adguardhome:v0.107.55", "running", "", false},
            {"automation", "n8n", "docker.n8n.io/n8nio/n8n:1.70.1", "running", "", false},
            {"monitoring", "grafana", "grafana/grafana:11.3.0", "running", "healthy", false},
            {"monitoring", "prometheus", "prom/prometheus:v2.55.1", "running", "", false},
            {"monitoring", "loki", "grafana/loki:3.2.1", "running", "unhealthy", false},
            {"home", "homeassistant", "ghcr.io/home-assistant/home-assistant:2024.11", "running", "", true},
            {"home", "mosquitto", "eclipse-mosquitto:2.0.20", "running", "", false},
            {"home", "zigbee2mqtt", "koenkk/zigbee2mqtt:1.41.0", "running", "", false},
            {"home", "esphome", "ghcr.io/esphome/esphome:2024.11.1", "exited", "", false},
            {"home", "node-red", "nodered/node-red:4.0.5", "running", "", false},
        };
    } else if (hostId == QLatin1String("host-b")) {
        seeds = {
            {"data", "postgres", "postgres:16.4", "running", "healthy", false},
            {"data", "redis", "redis:7.4-alpine", "running", "healthy", false},
            {"ai", "ollama", "ollama/ollama:0.4.2", "running", "", false},
            {"ai", "open-webui", "ghcr.io/open-webui/open-webui:v0.4.4", "running", "healthy", false},
            {"media", "jellyfin", "jellyfin/jellyfin:10.10.3", "running", "healthy", false},
            {"media", "sonarr", "lscr.io/linuxserver/sonarr:4.0.11", "running", "", false},
            {"media", "radarr", "lscr.io/linuxserver/radarr:5.15.1", "running", "", false},
            {"media", "prowlarr", "lscr.io/linuxserver/prowlarr:1.27.0", "created", "", false},
            {"downloads", "gluetun", "qmcgaw/gluetun:v3.39.1", "running", "healthy", false},
            {"downloads", "qbittorrent", "lscr.io/linuxserver/qbittorrent:5.0.2", "running", "", false},
            {"nvr", "frigate", "ghcr.io/blakeblackshear/frigate:0.14.1", "exited", "", false},
        };
    }
    int stackId = endpointId * 10;
    for (const Seed& s : seeds) {
        const QString stackName = QString::fromLatin1(s.stack);
        if (!stackName.isEmpty() && !d->stackByName(stackName)) {
            SimStack st;
            st.id = ++stackId;
            st.name = stackName;
            st.endpointId = endpointId;
            st.status = stackName == QLatin1String("nvr") ? 2 : 1;
            st.created = t0 - 86400 * 40 - stackId * 3600;
            st.updated = t0 - 86400 * 3 - stackId * 600;
            d->addStack(st);
        }
        SimContainer c;
        c.name = QString::fromLatin1(s.name);
        c.id = idFor(c.name);
        c.image = QString::fromLatin1(s.image);
        c.state = QString::fromLatin1(s.state);
        c.health = QString::fromLatin1(s.health);
        c.stack = stackName;
        c.tty = s.tty;
        c.created = t0 - 86400 * 30 - (c.id.at(0).unicode() % 16) * 3600;
        c.startedAt = c.state == QLatin1String("running") ? t0 - 86400 * 3 - (c.id.at(1).unicode() % 16) * 900 : 0;
        c.finishedAt = c.state == QLatin1String("exited") ? t0 - 7200 : 0;
        c.exitCode = c.name == QLatin1String("esphome") ? 137 : 0;
        d->addContainer(c);
    }
    return d;
}

std::optional<SimStack> SimDocker::stack(int id) const
{
    for (const SimStack& s : m_stacks) {
        if (s.id == id)
            return s;
    }
    return std::nullopt;
}

std::optional<SimStack> SimDocker::stackByName(const QString& name) const
{
    for (const SimStack& s : m_stacks) {
        if (s.name == name)
            return s;
    }
    return std::nullopt;
}

std::optional<SimContainer> SimDocker::container(const QString& idOrName) const
{
    auto* self = const_cast<SimDocker*>(this);
    if (SimContainer* c = self->find(idOrName))
        return *c;
    return std::nullopt;
}

SimContainer* SimDocker::find(const QString& idOrName)
{
    if (idOrName.isEmpty())
        return nullptr;
    SimContainer* byPrefix = nullptr;
    int prefixHits = 0;
    for (SimContainer& c : m_containers) {
        if (c.id == idOrName || c.name == idOrName)
            return &c;
        if (idOrName.size() >= 4 && c.id.startsWith(idOrName)) {
            byPrefix = &c;
            ++prefixHits;
        }
    }
    return prefixHits == 1 ? byPrefix : nullptr;
}

void SimDocker::addStack(const SimStack& s)
{
    m_stacks.append(s);
}

void SimDocker::addContainer(const SimContainer& c)
{
    m_containers.append(c);
}

void SimDocker::setRunning(SimContainer& c, bool running)
{
    if (running) {
        c.state = QStringLiteral("running");
        c.startedAt = now();
        c.restartCount = 0; // a start by the user, not by the restart policy
        if (!c.health.isEmpty())
            c.health = QStringLiteral("starting");
        c.exitCode = 0;
    } else {
        c.state = QStringLiteral("exited");
        c.finishedAt = now();
        c.exitCode = 0;
    }
}

SimDocker::Change SimDocker::setStackActive(int id, bool active)
{
    SimStack* st = nullptr;
    for (SimStack& s : m_stacks) {
        if (s.id == id)
            st = &s;
    }
    if (!st)
        return Change::NotFound;
    if ((st->status == 1) == active)
        return Change::Already;
    st->status = active ? 1 : 2;
    st->updated = now();
    for (SimContainer& c : m_containers) {
        if (c.stack == st->name)
            setRunning(c, active);
    }
    emit changed();
    return Change::Done;
}

SimDocker::Change SimDocker::containerAction(const QString& idOrName, const QString& action)
{
    SimContainer* c = find(idOrName);
    if (!c)
        return Change::NotFound;
    // Docker's state table: a restarting container counts as running (State.Running is true between restarts), a
    // paused one is running but frozen; start answers 304 for both (409 for paused in the real engine, which the
    // app never sends), stop stops all three.
    const bool up = c->state == QLatin1String("running") || c->state == QLatin1String("restarting") ||
                    c->state == QLatin1String("paused");
    if (action == QLatin1String("start")) {
        if (up)
            return Change::Already;
        setRunning(*c, true);
    } else if (action == QLatin1String("stop")) {
        if (!up)
            return Change::Already;
        setRunning(*c, false);
    } else if (action == QLatin1String("restart")) {
        setRunning(*c, true);
    } else {
        return Change::NotFound;
    }
    emit changed();
    return Change::Done;
}

bool SimDocker::setContainerState(const QString& idOrName, const QString& state, int exitCode)
{
    SimContainer* c = find(idOrName);
    if (!c)
        return false;
    c->state = state;
    c->exitCode = exitCode;
    if (state == QLatin1String("restarting") || state == QLatin1String("exited") || state == QLatin1String("dead"))
        c->finishedAt = now();
    emit changed();
    return true;
}

bool SimDocker::restartByPolicy(const QString& idOrName, int exitCode)
{
    SimContainer* c = find(idOrName);
    if (!c)
        return false;
    c->finishedAt = now();
    c->exitCode = exitCode;
    c->state = QStringLiteral("running");
    c->startedAt = now();
    ++c->restartCount;
    emit changed();
    return true;
}

bool SimDocker::setContainerHealth(const QString& idOrName, const QString& health)
{
    SimContainer* c = find(idOrName);
    if (!c)
        return false;
    c->health = health;
    emit changed();
    return true;
}

QByteArray SimDocker::logs(const QString& idOrName, int tail, bool stdoutWanted, bool stderrWanted) const
{
    const std::optional<SimContainer> c = container(idOrName);
    if (!c)
        return {};
    // 250 lines, every seventh on stderr: enough for a tail of 200 to matter.
    struct Line
    {
        bool err;
        QByteArray text;
    };
    QList<Line> lines;
    const qint64 start = c->startedAt > 0 ? c->startedAt : c->created;
    for (int i = 0; i < 250; ++i) {
        const bool err = i % 7 == 3;
        const QString ts = QDateTime::fromSecsSinceEpoch(start + i * 13, Qt::UTC).toString(Qt::ISODate);
        const QString text = err ? QStringLiteral("%1 WARN %2: slow request #%3 took 1.2s").arg(ts, c->name).arg(i)
                                 : QStringLiteral("%1 INFO %2: line %3 ok").arg(ts, c->name).arg(i);
        if ((err && stderrWanted) || (!err && stdoutWanted))
            lines.append({err, text.toUtf8() + '\n'});
    }
    if (tail >= 0 && lines.size() > tail)
        lines = lines.mid(lines.size() - tail);
    QByteArray out;
    for (const Line& l : lines) {
        if (c->tty) {
            out += l.text;
            continue;
        }
        const auto n = static_cast<quint32>(l.text.size());
        const char header[8] = {static_cast<char>(l.err ? 2 : 1),
                                0,
                                0,
                                0,
                                static_cast<char>((n >> 24) & 0xff),
                                static_cast<char>((n >> 16) & 0xff),
                                static_cast<char>((n >> 8) & 0xff),
                                static_cast<char>(n & 0xff)};
        out += QByteArray(header, 8) + l.text;
    }
    return out;
}

QString SimDocker::statusText(const SimContainer& c, qint64 t)
{
    if (c.state == QLatin1String("running")) {
        QString s = QStringLiteral("Up %1").arg(ago(t - c.startedAt));
        if (c.health == QLatin1String("healthy"))
            s += QStringLiteral(" (healthy)");
        else if (c.health == QLatin1String("unhealthy"))
            s += QStringLiteral(" (unhealthy)");
        else if (c.health == QLatin1String("starting"))
            s += QStringLiteral(" (health: starting)");
        return s;
    }
    if (c.state == QLatin1String("created"))
        return QStringLiteral("Created");
    if (c.state == QLatin1String("restarting")) // a crash loop, as `docker ps` shows it
        return QStringLiteral("Restarting (%1) %2 ago").arg(c.exitCode).arg(ago(t - c.finishedAt));
    if (c.state == QLatin1String("paused"))
        return QStringLiteral("Up %1 (Paused)").arg(ago(t - c.startedAt));
    if (c.state == QLatin1String("dead"))
        return QStringLiteral("Dead");
    if (c.state == QLatin1String("exited"))
        return QStringLiteral("Exited (%1) %2 ago").arg(c.exitCode).arg(ago(t - c.finishedAt));
    return c.state;
}

} // namespace hlc::sim
