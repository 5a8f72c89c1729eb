#include "ProxmoxSim.h"

#include "SimHomelab.h"

#include <nlohmann/json.hpp>

namespace hlc::sim {

using nlohmann::json;

namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

SimResponse data(const json& payload)
{
    return SimResponse::json(200, QByteArray::fromStdString(json{{"data", payload}}.dump()));
}

/// PVE's failures: the message goes into the status line, the body is `{"data":null}` (plus `errors` for 400).
SimResponse pveError(int status, const QByteArray& reason, const json& errors = nullptr)
{
    json body = {{"data", nullptr}};
    if (!errors.is_null())
        body["errors"] = errors;
    SimResponse r = SimResponse::json(status, QByteArray::fromStdString(body.dump()));
    r.reason = reason;
    return r;
}

std::string loadString(double v)
{
    return QString::number(v, 'f', 2).toStdString();
}

/// "80:D4:F2:..." as in /nodes ssl_fingerprint.
std::string colonFingerprint(const QByteArray& hex)
{
    QByteArrayList parts;
    const QByteArray up = hex.toUpper();
    for (qsizetype i = 0; i + 1 < up.size(); i += 2)
        parts.append(up.mid(i, 2));
    return parts.join(':').toStdString();
}

json nodeResource(const SimNode& n)
{
    json j = {{"id", "node/" + str(n.name)},
              {"type", "node"},
              {"node", str(n.name)},
              {"status", n.online ? "online" : "offline"}};
    if (n.online) {
        j["cpu"] = n.cpu;
        j["maxcpu"] = n.cpus;
        j["mem"] = n.memUsed;
        j["maxmem"] = n.memTotal;
        j["disk"] = n.diskUsed;
        j["maxdisk"] = n.diskTotal;
        j["uptime"] = n.uptime;
        j["level"] = "";
        j["cgroup-mode"] = 2;
    }
    return j;
}

json guestResource(const SimGuest& g, bool nodeOnline)
{
    json j = {{"id", str(g.type) + "/" + std::to_string(g.vmid)},
              {"type", str(g.type)},
              {"vmid", g.vmid},
              {"name", str(g.name)},
              {"node", str(g.node)},
              {"maxcpu", g.cpus},
              {"maxmem", g.maxmem},
              {"maxdisk", g.maxdisk}};
    if (!g.tags.isEmpty())
        j["tags"] = str(g.tags);
    if (g.isTemplate)
        j["template"] = true;
    if (!g.lock.isEmpty())
        j["lock"] = str(g.lock);
    if (!nodeOnline) { // pmxcfs still knows the guest, nobody knows its state
        j["status"] = "unknown";
        return j;
    }
    j["status"] = str(g.status);
    j["cpu"] = g.cpu;
    j["mem"] = g.mem;
    // PVE only knows the used space inside containers; for VMs it reports 0 (no guest agent query here)
    j["disk"] = g.type == QLatin1String("lxc") ? g.disk : 0;
    j["uptime"] = g.uptime;
    j["netin"] = g.netin;
    j["netout"] = g.netout;
    j["diskread"] = g.diskread;
    j["diskwrite"] = g.diskwrite;
    return j;
}

json storageResource(const SimStorage& s, bool nodeOnline)
{
    json j = {{"id", "storage/" + str(s.node) + "/" + str(s.storage)},
              {"type", "storage"},
              {"storage", str(s.storage)},
              {"node", str(s.node)},
              {"plugintype", str(s.plugintype)},
              {"content", str(s.content)},
              {"shared", s.shared},
              {"status", nodeOnline ? "available" : "unknown"}};
    if (nodeOnline) {
        j["disk"] = s.used;
        j["maxdisk"] = s.total;
    }
    return j;
}

} // namespace

ProxmoxSim::ProxmoxSim(SimHomelab* lab, SimHttpServer* server, QStringList nodes, QString tokenUser,
                       QString tokenSecret, QObject* parent)
    : QObject(parent)
    , m_lab(lab)
    , m_server(server)
    , m_nodes(std::move(nodes))
    , m_tokenUser(std::move(tokenUser))
    , m_tokenSecret(std::move(tokenSecret))
{
    get(QStringLiteral("/version"), [this](const SimRequest& r) { return version(r); });
    get(QStringLiteral("/nodes"), [this](const SimRequest& r) { return this->nodes(r); });
    get(QStringLiteral("/nodes/{node}/status"), [this](const SimRequest& r) { return nodeStatus(r); });
    get(QStringLiteral("/cluster/resources"), [this](const SimRequest& r) { return clusterResources(r); });
    get(QStringLiteral("/cluster/status"), [this](const SimRequest& r) { return clusterStatus(r); });
}

QByteArray ProxmoxSim::authorizationHeader() const
{
    return "PVEAPIToken=" + m_tokenUser.toUtf8() + '=' + m_tokenSecret.toUtf8();
}

void ProxmoxSim::get(const QString& path, Handler handler)
{
    if (!m_server)
        return;
    m_server->route("GET", apiPrefix() + path,
                    [self = QPointer<ProxmoxSim>(this), handler = std::move(handler)](const SimRequest& request) {
                        if (!self || !self->m_lab) // the routes outlive this object on the server
                            return pveError(503, "service unavailable");
                        if (!self->authorized(request))
                            return pveError(401, "authentication failure");
                        const QString apiPath = request.path.mid(apiPrefix().size());
                        for (auto it = self->m_denied.cbegin(); it != self->m_denied.cend(); ++it) {
                            if (apiPath == it.key() || apiPath.startsWith(it.key() + QLatin1Char('/')))
                                return pveError(403, "Permission check failed (" + it.key().toUtf8() + ", " +
                                                         it.value().toUtf8() + ")");
                        }
                        return handler(request);
                    });
}

void ProxmoxSim::denyPrivilege(const QString& apiPath, const QString& privilege)
{
    if (privilege.isEmpty())
        m_denied.remove(apiPath);
    else
        m_denied.insert(apiPath, privilege);
}

bool ProxmoxSim::authorized(const SimRequest& request) const
{
    return (!m_tokenSecret.isEmpty() && request.header("authorization") == authorizationHeader()) ||
           (m_extraAuth && m_extraAuth(request));
}

SimResponse ProxmoxSim::version(const SimRequest&) const
{
    const std::optional<SimNode> n = m_nodes.isEmpty() ? std::nullopt : m_lab->node(m_nodes.first());
    const QString full = n ? n->pveVersion : QStringLiteral("8.3.0");
    return data({{"version", str(full)},
                 // "8.3.0" -> "8.3", PVE 7's "7.4-17" -> "7.4"
                 {"release", str(full.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('.'), 0, 1))},
                 {"repoid", str(n ? n->pveRepoid : QStringLiteral("c1689ccb1065a83b"))},
                 {"console", "html5"}});
}

SimResponse ProxmoxSim::nodes(const SimRequest&) const
{
    const QByteArray fingerprint = m_server ? m_server->tlsIdentity().sha256Hex() : QByteArray();
    json list = json::array();
    for (const QString& name : m_nodes) {
        const std::optional<SimNode> n = m_lab->node(name);
        if (!n)
            continue;
        json j = nodeResource(*n);
        if (!fingerprint.isEmpty())
            j["ssl_fingerprint"] = colonFingerprint(fingerprint);
        list.push_back(std::move(j));
    }
    return data(list);
}

SimResponse ProxmoxSim::nodeStatus(const SimRequest& request) const
{
    const QString name = request.params.value(QStringLiteral("node"));
    const std::optional<SimNode> n = inCluster(name) ? m_lab->node(name) : std::nullopt;
    if (!n)
        return pveError(500, "no such cluster node '" + name.toUtf8() + "'");
    if (!n->online) {
        SimResponse r = SimResponse::json(595, {}); // pveproxy cannot reach the node: status line only
        r.reason = "No route to host";
        return r;
    }
    const qint64 memFree = n->memTotal - n->memUsed;
    const qint64 diskFree = n->diskTotal - n->diskUsed;
    json status = {
        {"cpu", n->cpu},
        {"wait", n->iowait},
        {"idle", 0},
        {"uptime", n->uptime},
        {"loadavg", {loadString(n->loadavg[0]), loadString(n->loadavg[1]), loadString(n->loadavg[2])}},
        {"kversion", str(QStringLiteral("Linux ") + n->kernel + QLatin1Char(' ') + n->kernelBuild)},
        {"pveversion", str(QStringLiteral("pve-manager/") + n->pveVersion + QLatin1Char('/') + n->pveRepoid)},
        {"cpuinfo",
         {{"cpus", n->cpus},
          {"cores", n->cores},
          {"sockets", n->sockets},
          {"model", str(n->cpuModel)},
          {"mhz", str(n->cpuMhz)},
          {"hvm", "1"},
          {"user_hz", 100}}},
        {"memory",
         {{"total", n->memTotal},
          {"used", n->memUsed},
          {"free", memFree},
          {"available", memFree + n->memTotal / 20}}}, // page cache counts as available
        {"swap", {{"total", n->swapTotal}, {"used", n->swapUsed}, {"free", n->swapTotal - n->swapUsed}}},
        {"ksm", {{"shared", n->ksmShared}}},
        {"rootfs", {{"total", n->diskTotal}, {"used", n->diskUsed}, {"free", diskFree}, {"avail", diskFree}}},
        {"current-kernel",
         {{"sysname", "Linux"}, {"release", str(n->kernel)}, {"version", str(n->kernelBuild)}, {"machine", "x86_64"}}},
        {"boot-info", {{"mode", "efi"}, {"secureboot", false}}},
    };
    if (m_looseStatus) {
        for (const char* key : {"cpu", "uptime", "loadavg", "rootfs"})
            status.erase(key);
        status["memory"].erase("used");
        status["memory"].erase("free");
    }
    return data(status);
}

SimResponse ProxmoxSim::clusterResources(const SimRequest& request) const
{
    const QString type = request.query.queryItemValue(QStringLiteral("type"));
    static const QStringList types = {QStringLiteral("vm"), QStringLiteral("storage"), QStringLiteral("node"),
                                      QStringLiteral("sdn")};
    if (request.query.hasQueryItem(QStringLiteral("type")) && !types.contains(type)) {
        return pveError(400, "Parameter verification failed.",
                        {{"type", "value '" + str(type) +
                                      "' does not have a value in the enumeration 'vm, storage, "
                                      "node, sdn'"}});
    }
    const bool all = type.isEmpty();
    json list = json::array();
    for (const QString& name : m_nodes) {
        const std::optional<SimNode> n = m_lab->node(name);
        if (!n)
            continue;
        if (all || type == QLatin1String("vm")) {
            for (const SimGuest& g : m_lab->guests(name)) {
                json j = guestResource(g, n->online);
                if (m_loose) { // as older or proxied servers answer
                    j.erase("id");
                    j["vmid"] = std::to_string(g.vmid);
                    j.erase("cpu");
                    j.erase("uptime");
                }
                list.push_back(std::move(j));
            }
            if (m_loose) {
                for (int i = 0; i < m_unreadable; ++i) {
                    if (i % 2 == 0)
                        list.push_back({{"type", "qemu"}, {"node", str(name)}, {"status", "running"}});
                    else
                        list.push_back("qemu/999");
                }
            }
        }
        if (all || type == QLatin1String("node"))
            list.push_back(nodeResource(*n));
        if (all || type == QLatin1String("storage")) {
            for (const SimStorage& s : m_lab->storages()) {
                if (s.node == name)
                    list.push_back(storageResource(s, n->online));
            }
        }
    }
    return data(list);
}

SimResponse ProxmoxSim::clusterStatus(const SimRequest&) const
{
    json list = json::array();
    if (m_nodes.size() > 1) {
        int online = 0;
        for (const QString& name : m_nodes) {
            const std::optional<SimNode> n = m_lab->node(name);
            online += n && n->online ? 1 : 0;
        }
        list.push_back({{"type", "cluster"},
                        {"id", "cluster"},
                        {"name", str(m_clusterName)},
                        {"nodes", m_nodes.size()},
                        {"quorate", online * 2 > m_nodes.size()},
                        {"version", m_nodes.size() + 1}});
    }
    int nodeid = m_nodes.size() > 1 ? 1 : 0; // a standalone node reports nodeid 0
    for (const QString& name : m_nodes) {
        const std::optional<SimNode> n = m_lab->node(name);
        if (!n)
            continue;
        list.push_back({{"type", "node"},
                        {"id", "node/" + str(name)},
                        {"name", str(name)},
                        {"ip", str(n->ip)},
                        {"nodeid", nodeid},
                        {"online", n->online},
                        {"local", name == m_nodes.first()},
                        {"level", ""}});
        if (nodeid > 0)
            ++nodeid;
    }
    return data(list);
}

} // namespace hlc::sim
