#pragma once

#include <QMetaType>
#include <QString>

namespace hlc {

/// Where a click on the Overview leads: the detail of what was clicked (MainWindow routes it, see
/// overview::openTarget()).
struct OverviewTarget
{
    enum class Kind
    {
        Host,          ///< the host's tab
        Guests,        ///< the host's Guests tab
        Stacks,        ///< the host's Stacks tab
        Services,      ///< the host's Services (health checks) tab
        Charts,        ///< the host's Charts tab (falls back to the host's tab)
        Alerts,        ///< the Alerts tab, filtered by hostId (all hosts when empty)
        Gpu,           ///< the GPU / LLM tab
        HomeAssistant, ///< the Home Assistant tab
        AdGuard,       ///< the AdGuard tab
        InboxItem,     ///< an inbox item where it lives (key)
        Prompt,        ///< a service's pending prompt (certificate, secret): hostId + serviceId
    };
    Kind kind = Kind::Host;
    QString hostId;
    QString key; ///< InboxItem: the inbox key; Prompt: the service id

    bool operator==(const OverviewTarget&) const = default;
};

} // namespace hlc

Q_DECLARE_METATYPE(hlc::OverviewTarget)
