#include "setup/ImportPlan.h"

#include "core/SecretStore.h"
#include "setup/ConnectionTester.h"
#include "setup/Discovery.h"

#include <QRegularExpression>

namespace hlc {

QString ImportRow::displayValue() const
{
    if (!isSecret() || ImportPlan::isReference(value))
        return value;
    if (value.size() <= 4)
        return QString(value.size(), QChar(0x2022));
    return value.left(2) + QString(8, QChar(0x2022));
}

bool ImportPlan::isReference(const QString& value)
{
    static const QRegularExpression s_ref(QStringLiteral("^\\s*(\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}|\\$[A-Za-z_][A-Za-z0-9_"
                                                         "]*|\\{\\{\\s*HOMEPAGE_[A-Z_]+[A-Za-z0-9_]*\\s*\\}\\})\\s*$"));
    return s_ref.match(value).hasMatch();
}

QString ImportPlan::fieldName(ImportRow::Field f)
{
    switch (f) {
    case ImportRow::Field::Address:
        return tr("address");
    case ImportRow::Field::Url:
        return tr("URL");
    case ImportRow::Field::User:
        return tr("user / token id");
    case ImportRow::Field::Secret:
        return tr("secret");
    case ImportRow::Field::Node:
        return tr("node");
    case ImportRow::Field::Environment:
        return tr("environment id");
    }
    return {};
}

QString ImportPlan::hostIdFor(const QString& name, const Config& c)
{
    QString base = name.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9-]+")), QStringLiteral("-"));
    base.replace(QRegularExpression(QStringLiteral("-+")), QStringLiteral("-"));
    while (base.startsWith(QLatin1Char('-')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("host");
    QString id = base;
    for (int n = 2; c.host(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    return id;
}

ServiceConfig ImportPlan::defaultService(ServiceKind kind, const QString& address)
{
    const QString where = address.isEmpty() ? QStringLiteral("192.168.1.10") : address;
    ServiceConfig s;
    s.kind = kind;
    s.id = serviceKindName(kind);
    for (const DiscoveryCandidate& c : Discovery::defaultCandidates()) {
        if (c.kind != kind)
            continue;
        QUrl u;
        u.setScheme(c.scheme);
        u.setHost(where);
        u.setPort(c.port);
        u.setPath(ConnectionTester::expectedPath(kind));
        s.baseUrl = u;
        break;
    }
    switch (kind) {
    case ServiceKind::Proxmox:
        s.auth = AuthScheme::PveToken;
        break;
    case ServiceKind::Portainer:
        s.auth = AuthScheme::ApiKey;
        s.portainerEndpointId = 1;
        break;
    case ServiceKind::AdGuard:
        s.auth = AuthScheme::Basic;
        break;
    case ServiceKind::HomeAssistant:
    case ServiceKind::Agents:
        s.auth = AuthScheme::Bearer;
        break;
    case ServiceKind::Prometheus:
        s.prometheusInstance = where + QStringLiteral(":9100");
        break;
    default:
        break;
    }
    return s;
}

ImportApplied ImportPlan::apply(const QList<ImportRow>& rows, const Config& base)
{
    ImportApplied out;
    out.config = base;
    Config& c = out.config;
    const auto hostIndex = [&c](const QString& name) -> int {
        for (int i = 0; i < c.hosts.size(); ++i) {
            if (c.hosts.at(i).name == name || c.hosts.at(i).id == name)
                return i;
        }
        return -1;
    };
    const auto ensureHost = [&](const QString& name) -> HostConfig& {
        const QString n = name.trimmed().isEmpty() ? tr("Imported host") : name.trimmed();
        int i = hostIndex(n);
        if (i < 0) {
            HostConfig h;
            h.id = hostIdFor(n, c);
            h.name = n;
            c.hosts << h;
            i = static_cast<int>(c.hosts.size()) - 1;
        }
        return c.hosts[i];
    };
    // Addresses first: the services created below take their default URL from them.
    for (const ImportRow& r : rows) {
        if (r.import && r.field == ImportRow::Field::Address)
            ensureHost(r.host).address = r.value.trimmed();
    }
    // URLs before the rest, so a service is created at its real address.
    QList<ImportRow> ordered;
    for (const ImportRow& r : rows) {
        if (r.import && r.field == ImportRow::Field::Url)
            ordered << r;
    }
    for (const ImportRow& r : rows) {
        if (r.import && r.field != ImportRow::Field::Url && r.field != ImportRow::Field::Address)
            ordered << r;
    }
    for (const ImportRow& r : ordered) {
        HostConfig& h = ensureHost(r.host);
        ServiceConfig* s = nullptr;
        for (ServiceConfig& x : h.services) {
            if (x.kind == r.kind && !s)
                s = &x;
        }
        if (!s) {
            ServiceConfig fresh = defaultService(r.kind, h.address);
            if (r.field == ImportRow::Field::Url) {
                const QUrl u(r.value.trimmed());
                if (h.address.isEmpty())
                    h.address = u.host();
            }
            h.services << fresh;
            s = &h.services.last();
        }
        const QString v = r.value.trimmed();
        switch (r.field) {
        case ImportRow::Field::Url: {
            QUrl u(v, QUrl::StrictMode);
            const QString expected = ConnectionTester::expectedPath(r.kind);
            if ((u.path().isEmpty() || u.path() == QLatin1String("/")) && !expected.isEmpty())
                u.setPath(expected);
            else if (u.path() == QLatin1String("/"))
                u.setPath(QString());
            s->baseUrl = u;
            if (r.kind == ServiceKind::Prometheus && s->prometheusInstance.startsWith(QLatin1String("192.168.1.10")))
                s->prometheusInstance = u.host() + QStringLiteral(":9100");
            break;
        }
        case ImportRow::Field::User:
            s->user = v;
            if (r.kind == ServiceKind::Proxmox)
                s->auth = v.contains(QLatin1Char('!')) ? AuthScheme::PveToken : AuthScheme::PveTicket;
            break;
        case ImportRow::Field::Secret:
            if (s->auth == AuthScheme::None)
                s->auth = r.kind == ServiceKind::Portainer ? AuthScheme::ApiKey : AuthScheme::Bearer;
            out.secrets << qMakePair(secretKey(h.id, s->id), r.value);
            break;
        case ImportRow::Field::Node:
            s->proxmoxNode = v;
            break;
        case ImportRow::Field::Environment:
            s->portainerEndpointId = v.toInt();
            break;
        case ImportRow::Field::Address:
            break;
        }
    }
    for (const HostConfig& h : c.hosts) {
        for (const ServiceConfig& s : h.services) {
            if (cleartextAuthRefused(s))
                out.notes << tr("%1 on %2 would send its secret over plain http://: use https://, or allow it for "
                                "this service in the settings.")
                                 .arg(serviceKindName(s.kind), h.name);
        }
    }
    return out;
}

} // namespace hlc
