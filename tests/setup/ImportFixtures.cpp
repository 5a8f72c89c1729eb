#include "ImportFixtures.h"

namespace fixtures {

QByteArray envMaster()
{
    return R"(# Homelab secrets (.env.master)
PROXMOX_TOKEN_ID=monitor@pve!homelab
export PROXMOX_TOKEN_SECRET="8c1f9a2e-5b7d-4e3a-9f60-1d2c3b4a5e6f"   # the token from pveum
PVE_NODE=pve-thinkpad
PROXMOX_URL=https://192.168.16.7:8006
PORTAINER_API_KEY='ptr_Zx9kQ2mW8vB4nT6yL1pR3s'
ADGUARD_USER=admin
ADGUARD_PASSWORD=correct horse battery # spaces in a bare value
HA_TOKEN=${HOMEASSISTANT_LONG_LIVED}
OLLAMA_URL=http://192.168.17.1:11434
N8N_API_KEY=n8n_api_0123456789
PVE_RYZEN_IP=192.168.17.1
this line is broken
UNRELATED_SETTING=42
BROKEN_QUOTE="no end
  export   SPACED_HOST = 10.0.0.5
)";
}

QByteArray homepageServicesYaml()
{
    return R"(---
# Homepage services.yaml
- Infrastructure:
    - Proxmox:
        icon: proxmox.png
        href: https://192.168.16.7:8006
        description: pve-thinkpad
        widget:
          type: proxmox
          url: https://192.168.16.7:8006
          username: homepage@pam!homepage
          password: 0b1e2f3a-4c5d-6e7f-8091-a2b3c4d5e6f7
          node: pve-thinkpad
    - Portainer:
        icon: portainer.png
        href: https://192.168.16.7:9443
        server: pve-thinkpad
        container: portainer
        widget:
          type: portainer
          url: https://192.168.16.7:9443
          env: 2
          key: ptr_homepage_key_123
    - Glances:
        widget:
          type: glances
          url: http://192.168.17.1:61208
          metric: cpu
- Monitoring:
    - Prometheus:
        href: http://192.168.16.7:9090
        widget:
          type: prometheus
          url: http://192.168.16.7:9090
- Home:
    - AdGuard Home:
        widget:
          type: adguard
          url: http://192.168.16.7
          username: admin
          password: "{{HOMEPAGE_VAR_ADGUARD_PASSWORD}}"
    - Home Assistant:
        href: http://192.168.16.7:8123
        widget:
          type: homeassistant
          url: http://192.168.16.7:8123
          key: eyJhbGciOiJIUzI1NiJ9.homepage-token
    - Jellyfin:
        widget:
          type: jellyfin
          url: http://192.168.17.1:8096
          key: not-ours
)";
}

QByteArray homepageWidgetsYaml()
{
    return R"(
- resources:
    cpu: true
- glances:
    url: http://192.168.17.1:61208
- search:
    provider: duckduckgo
)";
}

} // namespace fixtures
