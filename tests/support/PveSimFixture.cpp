#include "PveSimFixture.h"

namespace hlc::test {

bool PveSimFixture::start(QObject* parent, const QStringList& nodes, const QString& tokenUser,
                          const QString& tokenSecret)
{
    lab = sim::SimHomelab::createSeeded(parent);
    server = new sim::SimHttpServer(parent);
    if (!server->listen(true))
        return false;
    pve = new sim::ProxmoxSim(lab, server, nodes, tokenUser, tokenSecret, parent);
    tasks = new sim::ProxmoxTaskSim(lab, server, pve);
    return true;
}

QUrl PveSimFixture::apiUrl() const
{
    QUrl url = server->baseUrl();
    url.setPath(sim::ProxmoxSim::apiPrefix());
    return url;
}

ServiceConfig PveSimFixture::service(const QString& node, AuthScheme auth, const QString& user) const
{
    ServiceConfig p;
    p.id = QStringLiteral("proxmox");
    p.kind = ServiceKind::Proxmox;
    p.baseUrl = apiUrl();
    p.auth = auth;
    p.user = user;
    p.pinnedSha256 = server->tlsIdentity().sha256Hex();
    p.proxmoxNode = node;
    return p;
}

Endpoint PveSimFixture::tokenEndpoint(const QString& user, const QString& secret) const
{
    Endpoint e;
    e.baseUrl = apiUrl();
    e.credentials = {AuthScheme::PveToken, user, secret, {}};
    e.pinnedSha256 = server->tlsIdentity().sha256Hex();
    return e;
}

} // namespace hlc::test
