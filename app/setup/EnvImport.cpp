#include "setup/EnvImport.h"

#include <QRegularExpression>

namespace hlc {

namespace {

struct Prefix
{
    const char* name;
    ServiceKind kind;
};

// Longest first where one is a prefix of another.
constexpr Prefix kPrefixes[] = {
    {"HOMEASSISTANT", ServiceKind::HomeAssistant},
    {"HOME_ASSISTANT", ServiceKind::HomeAssistant},
    {"HASS", ServiceKind::HomeAssistant},
    {"HA", ServiceKind::HomeAssistant},
    {"PROXMOX", ServiceKind::Proxmox},
    {"PVE", ServiceKind::Proxmox},
    {"PORTAINER", ServiceKind::Portainer},
    {"PROMETHEUS", ServiceKind::Prometheus},
    {"PROM", ServiceKind::Prometheus},
    {"ALERTMANAGER", ServiceKind::Alertmanager},
    {"ADGUARD_HOME", ServiceKind::AdGuard},
    {"ADGUARD", ServiceKind::AdGuard},
    {"AGH", ServiceKind::AdGuard},
    {"OLLAMA", ServiceKind::Ollama},
    {"N8N", ServiceKind::N8n},
    {"AGENT_PLATFORM", ServiceKind::Agents},
    {"AGENTS", ServiceKind::Agents},
    {"AGENT", ServiceKind::Agents},
};

bool oneOf(const QString& rest, std::initializer_list<const char*> names)
{
    for (const char* n : names) {
        if (rest == QLatin1String(n))
            return true;
    }
    return false;
}

/// Reads one value (after the "="). Returns std::nullopt with @p error for an unterminated quote or junk after it.
std::optional<QString> readValue(const QString& raw, QString* error)
{
    const QString v = raw.trimmed();
    if (v.startsWith(QLatin1Char('"'))) {
        QString out;
        for (qsizetype i = 1; i < v.size(); ++i) {
            const QChar ch = v.at(i);
            if (ch == QLatin1Char('\\') && i + 1 < v.size()) {
                const QChar n = v.at(++i);
                out += n == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : n;
                continue;
            }
            if (ch == QLatin1Char('"')) {
                const QString rest = v.mid(i + 1).trimmed();
                if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('#'))) {
                    *error = EnvImport::tr("Text after the closing quote.");
                    return std::nullopt;
                }
                return out;
            }
            out += ch;
        }
        *error = EnvImport::tr("The double quote is not closed (values spanning lines are not supported).");
        return std::nullopt;
    }
    if (v.startsWith(QLatin1Char('\''))) {
        const qsizetype end = v.indexOf(QLatin1Char('\''), 1);
        if (end < 0) {
            *error = EnvImport::tr("The single quote is not closed.");
            return std::nullopt;
        }
        const QString rest = v.mid(end + 1).trimmed();
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('#'))) {
            *error = EnvImport::tr("Text after the closing quote.");
            return std::nullopt;
        }
        return v.mid(1, end - 1);
    }
    // Bare: a comment starts at " #".
    QString out = v;
    static const QRegularExpression s_comment(QStringLiteral("\\s#"));
    const auto m = s_comment.match(out);
    if (m.hasMatch())
        out = out.left(m.capturedStart());
    return out.trimmed();
}

} // namespace

std::optional<EnvImport::Mapping> EnvImport::recognise(const QString& keyIn)
{
    const QString key = keyIn.toUpper();
    for (const Prefix& p : kPrefixes) {
        const QString prefix = QLatin1String(p.name) + QLatin1Char('_');
        if (!key.startsWith(prefix))
            continue;
        const QString rest = key.mid(prefix.size());
        Mapping m;
        m.kind = p.kind;
        if (oneOf(rest, {"URL", "BASE_URL", "API_URL", "ENDPOINT", "ADDR", "ADDRESS"}) ||
            (oneOf(rest, {"HOST"}) && p.kind == ServiceKind::Ollama)) {
            m.field = ImportRow::Field::Url;
        } else if (oneOf(rest, {"TOKEN_ID", "API_TOKEN_ID", "TOKENID", "USER", "USERNAME", "API_USER", "LOGIN"})) {
            m.field = ImportRow::Field::User;
        } else if (oneOf(rest, {"TOKEN_SECRET", "API_TOKEN_SECRET", "SECRET", "TOKEN", "API_TOKEN", "API_KEY", "KEY",
                                "ACCESS_TOKEN", "PASSWORD", "PASS", "BEARER_TOKEN"})) {
            m.field = ImportRow::Field::Secret;
        } else if (oneOf(rest, {"NODE", "NODE_NAME"}) && p.kind == ServiceKind::Proxmox) {
            m.field = ImportRow::Field::Node;
        } else if (oneOf(rest, {"ENV", "ENV_ID", "ENDPOINT_ID", "ENVIRONMENT", "ENVIRONMENT_ID"}) &&
                   p.kind == ServiceKind::Portainer) {
            m.field = ImportRow::Field::Environment;
        } else if (oneOf(rest, {"HOST", "IP"})) {
            // PVE_HOST / PROXMOX_IP: the address of that service's host.
            m.kind.reset();
            m.field = ImportRow::Field::Address;
        } else {
            continue; // e.g. PVE_THINKPAD_IP: a host address below, or nothing
        }
        return m;
    }
    // Any other *_HOST / *_IP / *_ADDRESS: a host's address, the host named by the rest.
    static const QRegularExpression s_addr(QStringLiteral("^([A-Z0-9_]+?)_(HOST|IP|ADDR|ADDRESS)$"));
    if (const auto a = s_addr.match(key); a.hasMatch()) {
        Mapping m;
        m.field = ImportRow::Field::Address;
        m.hostHint = a.captured(1).toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
        return m;
    }
    return std::nullopt;
}

ImportParse EnvImport::parse(const QByteArray& text, const QString& hostName)
{
    ImportParse out;
    static const QRegularExpression s_line(QStringLiteral("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=(.*)$"));
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        const auto m = s_line.match(line);
        if (!m.hasMatch()) {
            out.problems << ImportProblem{i + 1, tr("Not KEY=value: the line was skipped.")};
            continue;
        }
        QString error;
        const auto value = readValue(m.captured(2), &error);
        if (!value) {
            out.problems << ImportProblem{i + 1, error};
            continue;
        }
        const QString key = m.captured(1);
        const auto mapping = recognise(key);
        if (!mapping)
            continue;
        ImportRow r;
        r.source = key;
        r.line = i + 1;
        r.value = *value;
        r.field = mapping->field;
        r.kind = mapping->kind.value_or(ServiceKind::Proxmox);
        r.host =
            mapping->field == ImportRow::Field::Address && !mapping->hostHint.isEmpty() ? mapping->hostHint : hostName;
        if (r.value.isEmpty()) {
            r.import = false;
            r.note = tr("empty");
        } else if (ImportPlan::isReference(r.value) && r.isSecret()) {
            r.import = false;
            r.note = tr("a reference to another variable, not the secret itself: enter it in the setup");
        } else if (mapping->kind == ServiceKind::N8n && r.isSecret()) {
            r.import = false;
            r.note = tr("n8n secrets belong to single webhooks: set them per webhook in the settings");
        }
        out.rows << r;
    }
    return out;
}

} // namespace hlc
