#include "ProxmoxTaskSim.h"

#include "ProxmoxSim.h"
#include "SimHomelab.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>

namespace hlc::sim {

using nlohmann::json;

namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

SimResponse pveData(const json& payload)
{
    return SimResponse::json(200, QByteArray::fromStdString(json{{"data", payload}}.dump()));
}

SimResponse pveError(int status, const QByteArray& reason, const json& errors = nullptr)
{
    json body = {{"data", nullptr}};
    if (!errors.is_null())
        body["errors"] = errors;
    SimResponse r = SimResponse::json(status, QByteArray::fromStdString(body.dump()));
    r.reason = reason;
    return r;
}

/// PVE's answer for a guest that is not on that node (or not of that type): its configuration file is missing.
SimResponse noConfigFile(const QString& node, const QString& type, int vmid)
{
    const QByteArray dir = type == QLatin1String("qemu") ? "qemu-server" : "lxc";
    return pveError(500, "Configuration file 'nodes/" + node.toUtf8() + "/" + dir + "/" + QByteArray::number(vmid) +
                             ".conf' does not exist");
}

QString hex8(qint64 v)
{
    return QStringLiteral("%1").arg(v, 8, 16, QLatin1Char('0')).toUpper();
}

QString randomToken(int bytes)
{
    QByteArray b;
    for (int i = 0; i < bytes; ++i)
        b.append(static_cast<char>(QRandomGenerator::system()->bounded(256)));
    return QString::fromLatin1(b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QHash<QString, QString> formFields(const QByteArray& body)
{
    QHash<QString, QString> out;
    for (const QByteArray& pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            continue;
        QByteArray v = pair.mid(eq + 1);
        v.replace('+', ' ');
        out.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(eq))),
                   QString::fromUtf8(QByteArray::fromPercentEncoding(v)));
    }
    return out;
}

QString cookieValue(const QByteArray& cookieHeader, const QByteArray& name)
{
    for (QByteArray part : cookieHeader.split(';')) {
        part = part.trimmed();
        if (part.startsWith(QByteArray(name + "=")))
            return QString::fromUtf8(QByteArray::fromPercentEncoding(part.mid(name.size() + 1)));
    }
    return {};
}

} // namespace

ProxmoxTaskSim::ProxmoxTaskSim(SimHomelab* lab, SimHttpServer* server, ProxmoxSim* pve)
    : QObject(pve)
    , m_lab(lab)
    , m_server(server)
    , m_pve(pve)
    , m_loginPassword(randomToken(12))
{
    for (const QString& type : {QStringLiteral("qemu"), QStringLiteral("lxc")}) {
        for (const char* a : {"start", "stop", "shutdown", "reboot", "suspend", "resume"}) {
            add("POST", QStringLiteral("/nodes/{node}/%1/{vmid}/status/%2").arg(type, QLatin1String(a)),
                [this, type](const SimRequest& r) { return action(r, type); });
        }
        add("GET", QStringLiteral("/nodes/{node}/%1/{vmid}/status/current").arg(type),
            [this, type](const SimRequest& r) { return guestCurrent(r, type); });
        add("GET", QStringLiteral("/nodes/{node}/%1/{vmid}/rrddata").arg(type),
            [this, type](const SimRequest& r) { return guestRrd(r, type); });
        add("GET", QStringLiteral("/nodes/{node}/%1/{vmid}/config").arg(type),
            [this, type](const SimRequest& r) { return guestConfig(r, type); });
    }
    add("GET", QStringLiteral("/nodes/{node}/tasks"), [this](const SimRequest& r) { return nodeTasks(r); });
    add("GET", QStringLiteral("/nodes/{node}/tasks/{upid}/status"),
        [this](const SimRequest& r) { return taskStatus(r); });
    add("GET", QStringLiteral("/nodes/{node}/tasks/{upid}/log"), [this](const SimRequest& r) { return taskLog(r); });
    add("GET", QStringLiteral("/nodes/{node}/rrddata"), [this](const SimRequest& r) { return nodeRrd(r); });
    // Tickets open ProxmoxSim's own (read) routes too.
    pve->setExtraAuthorization(
        [self = QPointer<ProxmoxTaskSim>(this)](const SimRequest& r) { return self && self->ticketAuthorized(r); });
    if (m_server) {
        m_server->route("POST", ProxmoxSim::apiPrefix() + QStringLiteral("/access/ticket"),
                        [self = QPointer<ProxmoxTaskSim>(this)](const SimRequest& r) {
                            return self ? self->login(r) : pveError(503, "service unavailable");
                        });
    }
}

void ProxmoxTaskSim::failStart(int vmid, const QString& exitstatus, const QStringList& logLines)
{
    m_failStart.insert(vmid, {exitstatus, logLines});
}

void ProxmoxTaskSim::setLogin(const QString& user, const QString& password)
{
    m_loginUser = user;
    m_loginPassword = password;
}

void ProxmoxTaskSim::add(const QByteArray& method, const QString& path, Handler handler)
{
    if (!m_server)
        return;
    m_server->route(method, ProxmoxSim::apiPrefix() + path,
                    [self = QPointer<ProxmoxTaskSim>(this), handler = std::move(handler)](const SimRequest& r) {
                        if (!self || !self->m_lab || !self->m_pve)
                            return pveError(503, "service unavailable");
                        if (!self->authorized(r))
                            return pveError(401, "authentication failure");
                        return handler(r);
                    });
}

bool ProxmoxTaskSim::authorized(const SimRequest& request) const
{
    return request.header("authorization") == m_pve->authorizationHeader() || ticketAuthorized(request);
}

bool ProxmoxTaskSim::ticketAuthorized(const SimRequest& request) const
{
    const QString ticket = cookieValue(request.header("cookie"), "PVEAuthCookie");
    if (m_halfTickets.contains(ticket))
        ++m_halfTicketRequests;
    if (ticket.isEmpty() || !m_tickets.contains(ticket))
        return false;
    if (QDateTime::currentSecsSinceEpoch() - m_tickets.value(ticket) > m_ticketLifetime)
        return false;
    if (request.method != "GET" && request.method != "HEAD")
        return request.header("csrfpreventiontoken") == m_csrf.value(ticket).toUtf8();
    return true;
}

SimResponse ProxmoxTaskSim::login(const SimRequest& r)
{
    const QHash<QString, QString> f = formFields(r.body);
    const QString user = f.value(QStringLiteral("username"));
    const QString password = f.value(QStringLiteral("password"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // Renewal: PVE accepts a still valid ticket of the same user as the password.
    const bool renew = m_tickets.contains(password) && now - m_tickets.value(password) <= m_ticketLifetime &&
                       password.startsWith(QStringLiteral("PVE:%1:").arg(user));
    const QString challenge = f.value(QStringLiteral("tfa-challenge"));
    if (!challenge.isEmpty()) { // PVE 7+ second step: the half ticket and "totp:<code>"
        if (user != m_loginUser || !m_halfTickets.contains(challenge) || m_totp.isEmpty() ||
            password != QStringLiteral("totp:") + m_totp)
            return pveError(401, "authentication failure");
        m_halfTickets.remove(challenge);
    } else if (user != m_loginUser || (!renew && (m_loginPassword.isEmpty() || password != m_loginPassword))) {
        return pveError(401, "authentication failure");
    } else if (!renew && !m_totp.isEmpty()) {
        // The password is right, the account wants a second factor: a half ticket naming the challenge.
        const QByteArray offer = QUrl::toPercentEncoding(QStringLiteral("{\"totp\":true,\"recovery\":\"available\"}"));
        const QString half =
            QStringLiteral("PVE:!tfa!%1:%2::%3").arg(QString::fromLatin1(offer), hex8(now), randomToken(48));
        m_halfTickets.insert(half);
        return pveData({{"username", str(user)},
                        {"ticket", str(half)},
                        {"CSRFPreventionToken", str(QStringLiteral("%1:%2").arg(hex8(now), randomToken(32)))},
                        {"NeedTFA", 1}});
    }
    const QString ticket = QStringLiteral("PVE:%1:%2::%3").arg(user, hex8(now), randomToken(48));
    const QString csrf = QStringLiteral("%1:%2").arg(hex8(now), randomToken(32));
    m_tickets.insert(ticket, now);
    m_csrf.insert(ticket, csrf);
    json d = {{"username", str(user)}, {"ticket", str(ticket)}, {"CSRFPreventionToken", str(csrf)}};
    if (m_pve && m_pve->clusterNodes().size() > 1)
        d["clustername"] = "homelab";
    return pveData(d);
}

SimResponse ProxmoxTaskSim::action(const SimRequest& r, const QString& type)
{
    const QString node = r.params.value(QStringLiteral("node"));
    const QString act = r.path.section(QLatin1Char('/'), -1);
    const int vmid = r.params.value(QStringLiteral("vmid")).toInt();
    if (!m_pve->clusterNodes().contains(node))
        return pveError(500, "no such cluster node '" + node.toUtf8() + "'");
    const std::optional<SimNode> n = m_lab->node(node);
    if (!n || !n->online) {
        SimResponse resp = SimResponse::json(595, {});
        resp.reason = "No route to host";
        return resp;
    }
    if (!m_denied.isEmpty())
        return pveError(403,
                        "Permission check failed (/vms/" + QByteArray::number(vmid) + ", " + m_denied.toUtf8() + ")");
    const std::optional<SimGuest> g = m_lab->guest(vmid);
    if (!g || g->node != node || g->type != type)
        return noConfigFile(node, type, vmid);
    const QString prefix = type == QLatin1String("qemu") ? QStringLiteral("qm") : QStringLiteral("vz");
    const QString kind = type == QLatin1String("qemu") ? QStringLiteral("VM") : QStringLiteral("CT");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    SimTask t;
    t.node = node;
    t.type = prefix + act;
    t.id = QString::number(vmid);
    t.user = m_pve->tokenUser().section(QLatin1Char('!'), 0, 0);
    t.starttime = now;
    t.pid = m_nextPid++;
    t.upid = QStringLiteral("UPID:%1:%2:%3:%4:%5:%6:%7:")
                 .arg(node, hex8(t.pid), hex8(n->uptime * 100 + t.pid % 977), hex8(now), t.type, t.id, t.user);

    // What the task will come to.
    const QString status = g->status;
    const bool lxc = type == QLatin1String("lxc");
    std::optional<bool> frozenAfter; // LXC suspend/resume freezes/thaws; the status stays "running"
    QString exitstatus = QStringLiteral("OK");
    QString newStatus = status;
    QStringList log;
    if (act == QLatin1String("start")) {
        if (status == QLatin1String("running"))
            exitstatus = QStringLiteral("%1 %2 already running").arg(kind).arg(vmid);
        else if (m_failStart.contains(vmid)) {
            exitstatus = m_failStart.value(vmid).first;
            log = m_failStart.value(vmid).second;
        } else
            newStatus = QStringLiteral("running");
    } else if (act == QLatin1String("resume")) {
        if (lxc && status == QLatin1String("running") && g->frozen)
            frozenAfter = false;
        else if (lxc && status == QLatin1String("running"))
            exitstatus = QStringLiteral("CT %1 is not frozen").arg(vmid);
        else if (status != QLatin1String("paused"))
            exitstatus = QStringLiteral("%1 %2 not paused").arg(kind).arg(vmid);
        else
            newStatus = QStringLiteral("running");
    } else { // stop, shutdown, reboot, suspend need a running guest
        if (status == QLatin1String("stopped"))
            exitstatus = QStringLiteral("%1 %2 not running").arg(kind).arg(vmid);
        else if (act == QLatin1String("suspend") && lxc && g->frozen)
            exitstatus = QStringLiteral("CT %1 is already frozen").arg(vmid);
        else if (act == QLatin1String("suspend") && lxc)
            frozenAfter = true;
        else if (act == QLatin1String("suspend"))
            newStatus = QStringLiteral("paused");
        else if (act == QLatin1String("reboot"))
            newStatus = QStringLiteral("running");
        else
            newStatus = QStringLiteral("stopped");
    }
    if (act == QLatin1String("shutdown") && exitstatus == QLatin1String("OK"))
        t.log << QStringLiteral("shutting down %1 %2").arg(kind).arg(vmid);
    t.log << log;
    if (exitstatus == QLatin1String("OK"))
        t.log << QStringLiteral("TASK OK");
    else
        t.log << QStringLiteral("TASK ERROR: %1").arg(exitstatus);
    m_tasks.insert(t.upid, t);
    const QString upid = t.upid;
    if (lxc && (act == QLatin1String("reboot") || act == QLatin1String("stop") || act == QLatin1String("shutdown")))
        frozenAfter = false;
    QTimer::singleShot(m_taskMs, this, [this, upid, exitstatus, vmid, newStatus, status, frozenAfter] {
        finishTask(upid, exitstatus, vmid,
                   newStatus == status && newStatus != QLatin1String("running") ? QString() : newStatus);
        if (exitstatus == QLatin1String("OK") && frozenAfter && m_lab)
            m_lab->setGuestFrozen(vmid, *frozenAfter);
    });
    return pveData(str(upid));
}

void ProxmoxTaskSim::finishTask(const QString& upid, const QString& exitstatus, int vmid, const QString& newStatus)
{
    auto it = m_tasks.find(upid);
    if (it == m_tasks.end())
        return;
    it->running = false;
    it->exitstatus = exitstatus;
    it->endtime = QDateTime::currentSecsSinceEpoch();
    if (exitstatus == QLatin1String("OK") && !newStatus.isEmpty() && m_lab)
        m_lab->setGuestStatus(vmid, newStatus);
}

SimResponse ProxmoxTaskSim::taskStatus(const SimRequest& r) const
{
    const QString upid = r.params.value(QStringLiteral("upid"));
    const auto it = m_tasks.constFind(upid);
    if (it == m_tasks.constEnd() || it->node != r.params.value(QStringLiteral("node")))
        return pveError(500, "unable to parse worker upid '" + upid.toUtf8() + "'");
    json d = {{"upid", str(it->upid)},   {"node", str(it->node)},      {"pid", it->pid},
              {"pstart", it->pid % 977}, {"starttime", it->starttime}, {"type", str(it->type)},
              {"id", str(it->id)},       {"user", str(it->user)},      {"status", it->running ? "running" : "stopped"}};
    if (!it->running)
        d["exitstatus"] = str(it->exitstatus);
    return pveData(d);
}

SimResponse ProxmoxTaskSim::taskLog(const SimRequest& r) const
{
    const QString upid = r.params.value(QStringLiteral("upid"));
    const auto it = m_tasks.constFind(upid);
    if (it == m_tasks.constEnd() || it->node != r.params.value(QStringLiteral("node")))
        return pveError(500, "unable to parse worker upid '" + upid.toUtf8() + "'");
    const int start = std::max(0, r.query.queryItemValue(QStringLiteral("start")).toInt());
    bool limitOk = false;
    int limit = r.query.queryItemValue(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk || limit <= 0)
        limit = 50;
    // While the task runs, only the lines before its final "TASK ..." line exist.
    QStringList lines = it->log;
    if (it->running && !lines.isEmpty())
        lines.removeLast();
    json list = json::array();
    for (int i = start; i < lines.size() && i < start + limit; ++i)
        list.push_back({{"n", i + 1}, {"t", str(lines.at(i))}});
    if (lines.isEmpty())
        list.push_back({{"n", 1}, {"t", "no content"}});
    // PVE sends the log's length beside the page: {"data": [...], "total": N}
    json body = {{"data", list}, {"total", std::max<qsizetype>(1, lines.size())}};
    return SimResponse::json(200, QByteArray::fromStdString(body.dump()));
}

QString ProxmoxTaskSim::addFinishedTask(const QString& node, const QString& type, const QString& id,
                                        const QString& exitstatus, qint64 secondsAgo, const QStringList& logLines)
{
    if (!m_pve || !m_pve->clusterNodes().contains(node))
        return {};
    const qint64 end = QDateTime::currentSecsSinceEpoch() - std::max<qint64>(0, secondsAgo);
    SimTask t;
    t.node = node;
    t.type = type;
    t.id = id;
    t.user = QStringLiteral("root@pam");
    t.pid = m_nextPid++;
    t.starttime = end - 60;
    t.endtime = end;
    t.running = false;
    t.exitstatus = exitstatus;
    t.log = logLines;
    t.log << QStringLiteral("TASK ERROR: %1").arg(exitstatus);
    if (exitstatus == QLatin1String("OK"))
        t.log.last() = QStringLiteral("TASK OK");
    t.upid = QStringLiteral("UPID:%1:%2:%3:%4:%5:%6:%7:")
                 .arg(node, hex8(t.pid), hex8(t.pid % 977), hex8(t.starttime), t.type, t.id, t.user);
    m_tasks.insert(t.upid, t);
    return t.upid;
}

SimResponse ProxmoxTaskSim::nodeTasks(const SimRequest& r) const
{
    const QString node = r.params.value(QStringLiteral("node"));
    if (!m_pve->clusterNodes().contains(node))
        return pveError(500, "no such cluster node '" + node.toUtf8() + "'");
    const auto flag = [&r](const char* name) {
        const QString v = r.query.queryItemValue(QLatin1String(name));
        return v == QLatin1String("1") || v == QLatin1String("true");
    };
    const bool errorsOnly = flag("errors");
    const QString source = r.query.queryItemValue(QStringLiteral("source"));
    const qint64 since = r.query.queryItemValue(QStringLiteral("since")).toLongLong();
    const QString vmid = r.query.queryItemValue(QStringLiteral("vmid"));
    const QString typeFilter = r.query.queryItemValue(QStringLiteral("typefilter"));
    bool limitOk = false;
    int limit = r.query.queryItemValue(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk)
        limit = 50;
    const int start = std::max(0, r.query.queryItemValue(QStringLiteral("start")).toInt());
    QList<SimTask> list;
    for (const SimTask& t : m_tasks) {
        if (t.node != node)
            continue;
        // "archive" (the default): finished tasks only; "active": running ones; "all": both.
        if ((source.isEmpty() || source == QLatin1String("archive")) && t.running)
            continue;
        if (source == QLatin1String("active") && !t.running)
            continue;
        // errors=1: a finished task whose status is not OK (PVE also leaves out "WARNINGS: n").
        if (errorsOnly &&
            (t.running || t.exitstatus == QLatin1String("OK") || t.exitstatus.startsWith(QLatin1String("WARNINGS"))))
            continue;
        if (since > 0 && t.starttime < since)
            continue;
        if (!vmid.isEmpty() && t.id != vmid)
            continue;
        if (!typeFilter.isEmpty() && t.type != typeFilter)
            continue;
        list << t;
    }
    // Newest first, as PVE lists them.
    std::sort(list.begin(), list.end(), [](const SimTask& a, const SimTask& b) { return a.starttime > b.starttime; });
    json data = json::array();
    for (int i = start; i < list.size() && (limit == 0 || i < start + limit); ++i) {
        const SimTask& t = list.at(i);
        json j = {{"upid", str(t.upid)},      {"node", str(t.node)}, {"pid", t.pid},    {"pstart", t.pid % 977},
                  {"starttime", t.starttime}, {"type", str(t.type)}, {"id", str(t.id)}, {"user", str(t.user)}};
        if (!t.running) {
            j["status"] = str(t.exitstatus);
            j["endtime"] = t.endtime;
        }
        data.push_back(std::move(j));
    }
    return pveData(data);
}

SimResponse ProxmoxTaskSim::guestConfig(const SimRequest& r, const QString& type) const
{
    const QString node = r.params.value(QStringLiteral("node"));
    const int vmid = r.params.value(QStringLiteral("vmid")).toInt();
    const std::optional<SimGuest> g = m_lab->guest(vmid);
    if (!g || g->node != node || g->type != type)
        return noConfigFile(node, type, vmid);
    const bool lxc = type == QLatin1String("lxc");
    // A configuration file's keys; PVE leaves out what is at its default (onboot: 0).
    const qint64 memoryMiB = g->maxmem / (1024 * 1024);
    json d = {{lxc ? "hostname" : "name", str(g->name)},
              {lxc ? "cores" : "sockets", g->cpus},
              {"ostype", lxc ? "debian" : "l26"}};
    // QEMU's memory is a property string since PVE 8 ("[current=]<MiB>"), LXC's a number.
    if (lxc)
        d["memory"] = memoryMiB;
    else
        d["memory"] = std::to_string(memoryMiB);
    if (g->onboot)
        d["onboot"] = true;
    if (!g->tags.isEmpty())
        d["tags"] = str(g->tags);
    if (!g->lock.isEmpty())
        d["lock"] = str(g->lock);
    if (g->isTemplate)
        d["template"] = true;
    // The digest changes with the configuration (here: with the keys above).
    d["digest"] =
        QCryptographicHash::hash(QByteArray::fromStdString(d.dump()), QCryptographicHash::Sha1).toHex().toStdString();
    return pveData(d);
}

SimResponse ProxmoxTaskSim::guestCurrent(const SimRequest& r, const QString& type) const
{
    const QString node = r.params.value(QStringLiteral("node"));
    const int vmid = r.params.value(QStringLiteral("vmid")).toInt();
    const std::optional<SimGuest> g = m_lab->guest(vmid);
    if (!g || g->node != node || g->type != type)
        return noConfigFile(node, type, vmid);
    json d = {{"vmid", vmid},
              {"name", str(g->name)},
              {"status", g->status == QLatin1String("stopped") ? "stopped" : "running"}, // the process only
              {"cpus", g->cpus},
              {"cpu", g->cpu},
              {"mem", g->mem},
              {"maxmem", g->maxmem},
              {"disk", g->disk},
              {"maxdisk", g->maxdisk},
              {"uptime", g->uptime},
              {"netin", g->netin},
              {"netout", g->netout},
              {"diskread", g->diskread},
              {"diskwrite", g->diskwrite},
              {"ha", {{"managed", 0}}}};
    if (!g->tags.isEmpty())
        d["tags"] = str(g->tags);
    if (!g->lock.isEmpty())
        d["lock"] = str(g->lock);
    if (g->isTemplate)
        d["template"] = true;
    if (type == QLatin1String("qemu")) {
        d["qmpstatus"] = str(g->status); // QEMU's run state; "status" is only the process: running or stopped
        d["agent"] = true;
    } else {
        d["type"] = "lxc";
    }
    return pveData(d);
}

namespace {
json rrdSeries(double cpu, double mem, double maxmem, double netRate, bool withFields, qint64 seed)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 step = 60;
    json list = json::array();
    for (int i = 69; i >= 0; --i) {
        const qint64 t = (now / step - i) * step;
        json p = {{"time", t}};
        if (withFields) {
            const double wave = 0.5 + 0.5 * std::sin(static_cast<double>(t + seed * 37) / 600.0);
            p["cpu"] = std::max(0.0, cpu * (0.7 + 0.6 * wave));
            p["maxcpu"] = 1;
            p["mem"] = mem * (0.95 + 0.1 * wave);
            p["maxmem"] = maxmem;
            p["netin"] = netRate * (0.5 + wave);
            p["netout"] = netRate * (0.3 + 0.8 * wave);
        }
        list.push_back(p);
    }
    return list;
}
} // namespace

SimResponse ProxmoxTaskSim::nodeRrd(const SimRequest& r) const
{
    const QString node = r.params.value(QStringLiteral("node"));
    const std::optional<SimNode> n = m_pve->clusterNodes().contains(node) ? m_lab->node(node) : std::nullopt;
    if (!n)
        return pveError(500, "no such cluster node '" + node.toUtf8() + "'");
    if (!n->online) {
        SimResponse resp = SimResponse::json(595, {});
        resp.reason = "No route to host";
        return resp;
    }
    return pveData(rrdSeries(n->cpu, static_cast<double>(n->memUsed), static_cast<double>(n->memTotal), 250'000.0, true,
                             node.size()));
}

SimResponse ProxmoxTaskSim::guestRrd(const SimRequest& r, const QString& type) const
{
    const QString node = r.params.value(QStringLiteral("node"));
    const int vmid = r.params.value(QStringLiteral("vmid")).toInt();
    const std::optional<SimGuest> g = m_lab->guest(vmid);
    if (!g || g->node != node || g->type != type)
        return pveError(500, "Configuration file does not exist");
    // A stopped guest has no samples: PVE returns the time stamps only.
    return pveData(rrdSeries(g->cpu, static_cast<double>(g->mem), static_cast<double>(g->maxmem), g->netInRate,
                             g->status == QLatin1String("running"), vmid));
}

} // namespace hlc::sim
