#include "ProxmoxParser.h"

#include "core/Json.h"

#include <algorithm>
#include <cmath>

namespace hlc::pve::parser {

using hlc::json::Json;
namespace J = hlc::json;

namespace {

/// The `data` member of a PVE reply (it may be null), or an error.
Result<Json> dataOf(const QByteArray& body, const QString& what)
{
    return J::envelope(body, "data", what);
}

/// The `data` member of a PVE reply that documents an object.
Result<Json> dataObject(const QByteArray& body, const QString& what)
{
    return J::objectOf(dataOf(body, what), what, "data");
}

QStringList splitTags(const QString& tags)
{
    // PVE separates tags with ';' (also accepts ',' and spaces on input). A plain loop: a QRegularExpression made per
    // resource cost two thirds of the parse of a 2,000-guest /cluster/resources.
    QStringList out;
    qsizetype start = 0;
    const qsizetype n = tags.size();
    for (qsizetype i = 0; i <= n; ++i) {
        if (i < n && tags.at(i) != QLatin1Char(';') && tags.at(i) != QLatin1Char(',') && tags.at(i) != QLatin1Char(' '))
            continue;
        const QString t = tags.mid(start, i - start).trimmed();
        if (!t.isEmpty())
            out << t;
        start = i + 1;
    }
    return out;
}

std::optional<qint64> optInt(const Json& o, const char* key)
{
    return J::optInteger(o, key);
}

std::optional<NodeEntry> nodeEntryFrom(const Json& n)
{
    NodeEntry e;
    e.node = J::string(n, "node");
    if (e.node.isEmpty())
        return std::nullopt;
    e.status = J::string(n, "status", QStringLiteral("unknown"));
    e.cpu = J::optNumber(n, "cpu");
    e.maxcpu = static_cast<int>(J::integer(n, "maxcpu"));
    e.mem = optInt(n, "mem");
    e.maxmem = optInt(n, "maxmem");
    e.disk = optInt(n, "disk");
    e.maxdisk = optInt(n, "maxdisk");
    e.uptime = optInt(n, "uptime");
    e.sslFingerprint = J::string(n, "ssl_fingerprint");
    return e;
}

std::optional<Resource> resourceFrom(const Json& r)
{
    Resource x;
    x.id = J::string(r, "id");
    x.type = J::string(r, "type");
    x.node = J::string(r, "node");
    x.vmid = static_cast<int>(J::integer(r, "vmid")); // also "100" as a string
    // Real servers leave out "required" keys: derive what can be derived, mark the rest as unreadable.
    if (x.type.isEmpty() && !x.id.isEmpty())
        x.type = x.id.section(QLatin1Char('/'), 0, 0);
    if (x.vmid <= 0 && (x.type == QLatin1String("qemu") || x.type == QLatin1String("lxc")))
        x.vmid = x.id.section(QLatin1Char('/'), 1, 1).toInt();
    if (x.id.isEmpty()) {
        if ((x.type == QLatin1String("qemu") || x.type == QLatin1String("lxc")) && x.vmid > 0)
            x.id = QStringLiteral("%1/%2").arg(x.type).arg(x.vmid);
        else if (x.type == QLatin1String("node") && !x.node.isEmpty())
            x.id = QStringLiteral("node/%1").arg(x.node);
        else if (x.type == QLatin1String("storage") && !x.node.isEmpty())
            x.id = QStringLiteral("storage/%1/%2").arg(x.node, J::string(r, "storage"));
    }
    if (x.type.isEmpty() || x.id.isEmpty() || (x.isGuest() && x.vmid <= 0)) {
        x.unreadable = true;
        x.problem = x.type.isEmpty() ? QStringLiteral("no type") : QStringLiteral("no id and no vmid");
        return x;
    }
    x.name = J::string(r, "name");
    x.status = J::string(r, "status");
    x.cpu = J::optNumber(r, "cpu");
    x.maxcpu = static_cast<int>(J::integer(r, "maxcpu"));
    x.mem = optInt(r, "mem");
    x.maxmem = J::integer(r, "maxmem");
    x.disk = J::integer(r, "disk");
    x.maxdisk = J::integer(r, "maxdisk");
    x.uptime = optInt(r, "uptime");
    x.netin = J::integer(r, "netin");
    x.netout = J::integer(r, "netout");
    x.tags = splitTags(J::string(r, "tags"));
    x.isTemplate = J::boolean(r, "template");
    x.lock = J::string(r, "lock");
    x.hastate = J::string(r, "hastate");
    x.storage = J::string(r, "storage");
    if (x.type == QLatin1String("node") && x.node.isEmpty())
        x.node = x.id.section(QLatin1Char('/'), 1);
    return x;
}

std::optional<TaskEntry> taskEntryFrom(const Json& t)
{
    TaskEntry e;
    e.upid = J::string(t, "upid");
    if (!e.upid.startsWith(QLatin1String("UPID:")))
        return std::nullopt;
    e.node = J::string(t, "node", e.upid.section(QLatin1Char(':'), 1, 1));
    e.type = J::string(t, "type");
    e.id = J::string(t, "id");
    e.user = J::string(t, "user");
    e.status = J::string(t, "status");
    e.starttime = J::integer(t, "starttime");
    e.endtime = J::integer(t, "endtime");
    return e;
}

TaskLogLine taskLogLineFrom(const Json& l)
{
    return {static_cast<int>(J::integer(l, "n")), J::string(l, "t")};
}

std::optional<ClusterStatusEntry> clusterStatusEntryFrom(const Json& e)
{
    ClusterStatusEntry c;
    c.type = J::string(e, "type");
    if (c.type.isEmpty())
        return std::nullopt;
    c.id = J::string(e, "id");
    c.name = J::string(e, "name");
    c.online = J::boolean(e, "online");
    c.quorate = J::boolean(e, "quorate");
    c.nodeid = static_cast<int>(J::integer(e, "nodeid"));
    c.ip = J::string(e, "ip");
    c.local = J::boolean(e, "local");
    return c;
}

std::optional<RrdPoint> rrdPointFrom(const Json& e)
{
    RrdPoint p;
    p.time = J::integer(e, "time");
    if (p.time <= 0)
        return std::nullopt;
    p.cpu = J::optNumber(e, "cpu");
    p.mem = J::optNumber(e, "mem");
    if (!p.mem)
        p.mem = J::optNumber(e, "memused"); // PVE 9 node rrd
    p.maxmem = J::optNumber(e, "maxmem");
    if (!p.maxmem)
        p.maxmem = J::optNumber(e, "memtotal");
    p.netin = J::optNumber(e, "netin");
    p.netout = J::optNumber(e, "netout");
    return p;
}

} // namespace

Result<Version> version(const QByteArray& body)
{
    const QString what = QStringLiteral("/version");
    const auto data = dataObject(body, what);
    if (!data)
        return data.error();
    const Json& d = data.value();
    Version v;
    v.version = J::string(d, "version");
    v.release = J::string(d, "release");
    v.repoid = J::string(d, "repoid");
    if (v.version.isEmpty())
        return J::shapeError(what, QStringLiteral("no version"));
    return v;
}

Result<QList<NodeEntry>> nodes(const QByteArray& body)
{
    const QString what = QStringLiteral("/nodes");
    return J::list<NodeEntry>(dataOf(body, what), what, "data", nodeEntryFrom);
}

Result<NodeStatus> nodeStatus(const QByteArray& body)
{
    const QString what = QStringLiteral("/nodes/{node}/status");
    const auto data = dataObject(body, what);
    if (!data)
        return data.error();
    const Json& d = data.value();
    NodeStatus s;
    s.cpu = J::optNumber(d, "cpu");
    if (const Json* ci = J::member(d, "cpuinfo")) {
        s.cpus = static_cast<int>(J::integer(*ci, "cpus"));
        s.cpuModel = J::string(*ci, "model");
    }
    if (const Json* m = J::member(d, "memory")) {
        s.memTotal = optInt(*m, "total");
        s.memUsed = optInt(*m, "used");
        if (!s.memUsed && s.memTotal && J::member(*m, "free"))
            s.memUsed = std::max<qint64>(0, *s.memTotal - J::integer(*m, "free"));
    }
    if (const Json* r = J::member(d, "rootfs")) {
        s.rootTotal = optInt(*r, "total");
        s.rootUsed = optInt(*r, "used");
    }
    if (const Json* sw = J::member(d, "swap")) {
        s.swapTotal = J::integer(*sw, "total");
        s.swapUsed = J::integer(*sw, "used");
    }
    s.uptime = optInt(d, "uptime");
    s.ioWait = J::number(d, "wait");
    for (const Json& l : J::array(d, "loadavg")) {
        const double v = J::toNumber(l, std::nan(""));
        if (std::isnan(v)) { // one unreadable figure makes the triple meaningless: "–", not a 0 in its place
            s.loadavg.clear();
            break;
        }
        s.loadavg << v;
    }
    s.pveVersion = J::string(d, "pveversion");
    s.kernel = J::string(d, "kversion");
    if (const Json* ci = J::member(d, "current-kernel"); ci && s.kernel.isEmpty())
        s.kernel = J::string(*ci, "release");
    if (s.memTotal.value_or(0) <= 0 && s.cpus <= 0)
        return J::shapeError(what, QStringLiteral("neither memory nor cpuinfo present"));
    return s;
}

Result<QList<Resource>> resources(const QByteArray& body)
{
    const QString what = QStringLiteral("/cluster/resources");
    const Result<Json> data = dataOf(body, what);
    if (!data)
        return data.error();
    if (data.value().is_null())
        return QList<Resource>();
    if (!data.value().is_array())
        return J::shapeError(what, QStringLiteral("data is not an array"));
    QList<Resource> out;
    for (const Json& e : data.value()) {
        if (e.is_object()) {
            if (auto x = resourceFrom(e))
                out << std::move(*x);
            continue;
        }
        Resource bad; // a string, number or null where an object belongs
        bad.unreadable = true;
        bad.problem = QStringLiteral("not an object");
        out << bad;
    }
    return out;
}

Result<QString> upid(const QByteArray& body)
{
    const QString what = QStringLiteral("guest action");
    const auto data = dataOf(body, what);
    if (!data)
        return data.error();
    const QString u = data.value().is_string() ? J::toString(data.value()) : QString();
    if (!u.startsWith(QLatin1String("UPID:")))
        return J::shapeError(what, QStringLiteral("data is not a UPID"));
    return u;
}

Result<TaskStatus> taskStatus(const QByteArray& body)
{
    const QString what = QStringLiteral("/nodes/{node}/tasks/{upid}/status");
    const auto data = dataObject(body, what);
    if (!data)
        return data.error();
    const Json& d = data.value();
    TaskStatus t;
    t.upid = J::string(d, "upid");
    t.node = J::string(d, "node");
    t.type = J::string(d, "type");
    t.id = J::string(d, "id");
    t.user = J::string(d, "user");
    t.status = J::string(d, "status");
    t.exitstatus = J::string(d, "exitstatus");
    t.starttime = J::integer(d, "starttime");
    if (t.status.isEmpty())
        return J::shapeError(what, QStringLiteral("no status"));
    return t;
}

Result<QList<TaskLogLine>> taskLog(const QByteArray& body)
{
    const QString what = QStringLiteral("/nodes/{node}/tasks/{upid}/log");
    return J::list<TaskLogLine>(dataOf(body, what), what, "data", taskLogLineFrom);
}

Result<QList<TaskEntry>> taskList(const QByteArray& body)
{
    const QString what = QStringLiteral("/nodes/{node}/tasks");
    return J::list<TaskEntry>(dataOf(body, what), what, "data", taskEntryFrom);
}

Result<GuestConfig> guestConfig(const QByteArray& body)
{
    const QString what = QStringLiteral("/nodes/{node}/{type}/{vmid}/config");
    const auto data = dataObject(body, what);
    if (!data)
        return data.error();
    const Json& d = data.value();
    GuestConfig c;
    c.onboot = J::boolean(d, "onboot");
    c.name = J::string(d, "name", J::string(d, "hostname"));
    c.digest = J::string(d, "digest");
    return c;
}

Result<TaskLogPage> taskLogPage(const QByteArray& body)
{
    Result<QList<TaskLogLine>> lines = taskLog(body);
    if (!lines)
        return lines.error();
    TaskLogPage p;
    p.lines = std::move(lines).value();
    p.total = static_cast<int>(J::integer(J::documentOrNull(body), "total", -1));
    return p;
}

Result<Ticket> ticket(const QByteArray& body)
{
    const QString what = QStringLiteral("/access/ticket");
    const auto data = dataObject(body, what);
    if (!data)
        return data.error();
    const Json& d = data.value();
    Ticket t;
    t.username = J::string(d, "username");
    t.ticket = J::string(d, "ticket");
    t.csrfToken = J::string(d, "CSRFPreventionToken");
    t.clusterName = J::string(d, "clustername");
    // NeedTFA arrives as 1, true or "1" depending on the version
    if (const Json* tfa = J::member(d, "NeedTFA"))
        t.needTfa = tfa->is_boolean() ? tfa->get<bool>() : J::toNumber(*tfa) != 0.0;
    if (t.ticket.isEmpty())
        return J::shapeError(what, QStringLiteral("no ticket"));
    const qsizetype marker = t.ticket.indexOf(QLatin1String("!tfa!"));
    if (marker >= 0) {
        t.needTfa = true; // PVE 7+ marks the half ticket itself
        // "PVE:!tfa!<percent-encoded JSON>:<time>::<signature>": the challenge names the factors on offer
        const QString encoded = t.ticket.mid(marker + 5).section(QLatin1Char(':'), 0, 0);
        const Json challenge = J::documentOrNull(QByteArray::fromPercentEncoding(encoded.toLatin1()));
        if (challenge.is_object()) {
            for (auto it = challenge.begin(); it != challenge.end(); ++it) {
                if (!it.value().is_null() && it.value() != Json(false))
                    t.tfaMethods << QString::fromStdString(it.key());
            }
        }
    }
    return t;
}

Result<QList<ClusterStatusEntry>> clusterStatus(const QByteArray& body)
{
    const QString what = QStringLiteral("/cluster/status");
    return J::list<ClusterStatusEntry>(dataOf(body, what), what, "data", clusterStatusEntryFrom);
}

Result<QList<RrdPoint>> rrdData(const QByteArray& body)
{
    const QString what = QStringLiteral("rrddata");
    return J::list<RrdPoint>(dataOf(body, what), what, "data", rrdPointFrom);
}

QString errorMessage(const QByteArray& body)
{
    const Json j = J::documentOrNull(body);
    if (const Json* errs = J::member(j, "errors"); errs && errs->is_object()) {
        QStringList parts;
        for (auto it = errs->begin(); it != errs->end(); ++it)
            parts << QStringLiteral("%1: %2").arg(QString::fromStdString(it.key()), J::toString(it.value()).trimmed());
        return parts.join(QStringLiteral("; "));
    }
    return J::string(j, "message").trimmed();
}

} // namespace hlc::pve::parser
