#include "PortainerParser.h"

#include "core/Json.h"

namespace hlc::portainer::parser {

using hlc::json::Json;
namespace J = hlc::json;

namespace {

Stack stackFrom(const Json& s)
{
    Stack x;
    x.id = static_cast<int>(J::integer(s, "Id"));
    x.name = J::string(s, "Name");
    x.type = static_cast<int>(J::integer(s, "Type"));
    x.endpointId = static_cast<int>(J::integer(s, "EndpointId"));
    x.status = static_cast<int>(J::integer(s, "Status"));
    x.updateDate = J::integer(s, "UpdateDate");
    return x;
}

QString healthFromStatus(const QString& status)
{
    // Older engines have no Health member: the health is only in the status text, e.g. "Up 2 hours (healthy)".
    if (status.contains(QLatin1String("(unhealthy)")))
        return QStringLiteral("unhealthy");
    if (status.contains(QLatin1String("(healthy)")))
        return QStringLiteral("healthy");
    if (status.contains(QLatin1String("(health: starting)")))
        return QStringLiteral("starting");
    return {};
}

std::optional<Environment> environmentOf(const Json& e)
{
    Environment x;
    x.id = static_cast<int>(J::integer(e, "Id"));
    if (x.id <= 0)
        return std::nullopt;
    x.name = J::string(e, "Name");
    x.url = J::string(e, "URL");
    x.type = static_cast<int>(J::integer(e, "Type"));
    x.status = static_cast<int>(J::integer(e, "Status"));
    return x;
}

/// Which members of a container list the JSON reader builds: of each container only what containerOf() reads, of its
/// labels only the compose project. Ports, mounts, network settings and the other labels of 3,000 containers are
/// read past, never built (a real Docker host's list is mostly those).
bool keepContainerMember(const std::vector<std::string>& openers, const std::string& key)
{
    if (openers.size() == 2 && openers[0].empty() && openers[1].empty()) // a member of a container
        return key == "Id" || key == "Names" || key == "Image" || key == "State" || key == "Status" ||
               key == "Created" || key == "Health" || key == "Labels";
    if (openers.size() == 3 && openers[2] == "Labels")
        return key == "com.docker.compose.project";
    return true;
}

std::optional<Container> containerOf(const Json& c)
{
    Container x;
    x.id = J::string(c, "Id");
    if (x.id.isEmpty())
        return std::nullopt;
    for (const Json& n : J::array(c, "Names")) {
        QString name = J::toString(n);
        if (name.startsWith(QLatin1Char('/')))
            name.remove(0, 1);
        if (!name.isEmpty()) {
            x.name = name;
            break;
        }
    }
    if (x.name.isEmpty())
        x.name = x.id.left(12);
    x.image = J::string(c, "Image");
    x.state = J::string(c, "State").toLower();
    x.status = J::string(c, "Status");
    x.created = J::integer(c, "Created");
    if (const Json* h = J::member(c, "Health"))
        x.health = J::string(*h, "Status");
    if (x.health.isEmpty() || x.health == QLatin1String("none"))
        x.health = healthFromStatus(x.status);
    if (const Json* labels = J::member(c, "Labels"))
        x.stack = J::string(*labels, "com.docker.compose.project");
    return x;
}

} // namespace

Result<SystemStatus> systemStatus(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/system/status");
    const auto doc = J::object(body, what);
    if (!doc)
        return doc.error();
    const Json& d = doc.value();
    SystemStatus s;
    s.version = J::string(d, "Version");
    s.instanceId = J::string(d, "instanceID", J::string(d, "InstanceID")); // 2.31 vs older
    if (s.version.isEmpty())
        return J::shapeError(what, QStringLiteral("no Version"));
    return s;
}

Result<QList<Environment>> environments(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/endpoints");
    return J::list<Environment>(J::document(body, what), what, nullptr, environmentOf);
}

Result<QList<Stack>> stacks(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/stacks");
    // 204 No Content: no stacks.
    if (body.trimmed().isEmpty())
        return QList<Stack>();
    return J::list<Stack>(J::document(body, what), what, nullptr, [](const Json& s) -> std::optional<Stack> {
        Stack x = stackFrom(s);
        if (x.id <= 0 || x.name.isEmpty())
            return std::nullopt;
        return x;
    });
}

Result<Stack> stack(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/stacks/{id}");
    const auto doc = J::object(body, what);
    if (!doc)
        return doc.error();
    Stack x = stackFrom(doc.value());
    if (x.id <= 0)
        return J::shapeError(what, QStringLiteral("no Id"));
    return x;
}

Result<QList<Container>> containers(const QByteArray& body)
{
    const QString what = QStringLiteral("/containers/json");
    return J::list<Container>(J::document(body, what, keepContainerMember), what, nullptr, containerOf);
}

Result<ContainerInspect> containerInspect(const QByteArray& body)
{
    const QString what = QStringLiteral("/containers/{id}/json");
    const auto doc = J::objectOf(J::document(body, what), what, nullptr);
    if (!doc)
        return doc.error();
    const Json& d = doc.value();
    ContainerInspect c;
    c.id = J::string(d, "Id");
    c.name = J::string(d, "Name");
    if (c.name.startsWith(QLatin1Char('/')))
        c.name.remove(0, 1);
    c.restartCount = static_cast<int>(J::integer(d, "RestartCount"));
    if (const Json* st = J::member(d, "State"); st && st->is_object()) {
        c.state = J::string(*st, "Status");
        c.startedAt = J::dateTime(*st, "StartedAt");
        c.exitCode = static_cast<int>(J::integer(*st, "ExitCode"));
        if (const Json* h = J::member(*st, "Health"); h && h->is_object())
            c.health = J::string(*h, "Status");
    }
    if (c.id.isEmpty())
        return J::shapeError(what, QStringLiteral("no Id"));
    return c;
}

QString errorMessage(const QByteArray& body)
{
    const Json j = J::documentOrNull(body);
    QString m = J::string(j, "message").trimmed();
    if (m.isEmpty())
        m = J::string(j, "details").trimmed();
    return m;
}

QStringList logLines(const QByteArray& body, int maxLines)
{
    QByteArray text;
    const auto isFrame = [&body](qsizetype i) {
        if (i + 8 > body.size())
            return false;
        const auto t = static_cast<unsigned char>(body.at(i));
        return t <= 2 && body.at(i + 1) == 0 && body.at(i + 2) == 0 && body.at(i + 3) == 0;
    };
    if (!body.isEmpty() && isFrame(0)) {
        qsizetype i = 0;
        while (i < body.size()) {
            if (!isFrame(i)) {
                text += body.mid(i); // not a frame after all: keep the rest as text
                break;
            }
            const auto b = [&body, i](int k) {
                return static_cast<quint32>(static_cast<unsigned char>(body.at(i + k)));
            };
            const quint32 len = (b(4) << 24) | (b(5) << 16) | (b(6) << 8) | b(7);
            const qsizetype start = i + 8;
            const qsizetype take = std::min<qsizetype>(static_cast<qsizetype>(len), body.size() - start);
            text += body.mid(start, take);
            i = start + take;
        }
    } else {
        text = body;
    }
    QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QString& l : lines) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    }
    if (maxLines > 0 && lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines;
}

} // namespace hlc::portainer::parser
