#include "core/TabIcons.h"

#include <QIcon>
#include <QTabWidget>

#include <utility>

namespace hlc::tabicons {

namespace {

struct TabIcon
{
    const char* page;      ///< object name (prefix) of the tab's page
    const char* themeName; ///< freedesktop icon name
    const char* fallback;  ///< bundled SVG under :/icons/tabs/
};

constexpr TabIcon kIcons[] = {
    {"overviewPage", "view-grid", "overview"},   {"hostDetail_", "computer", "host"},
    {"inboxView", "mail-folder-inbox", "inbox"}, {"alertsView", "dialog-warning", "alerts"},
    {"gpuLlmTab", "video-display", "gpu"},       {"agentsTab", "system-run", "agents"},
    {"adguardView", "security-high", "adguard"}, {"homeAssistantView", "go-home", "home"},
    {"auditLogView", "text-x-generic", "audit"},
};

QIcon iconFor(const TabIcon& t)
{
    return QIcon::fromTheme(QLatin1String(t.themeName),
                            QIcon(QStringLiteral(":/icons/tabs/%1.svg").arg(QLatin1String(t.fallback))));
}

} // namespace

int apply(QTabWidget* tabs)
{
    int applied = 0;
    for (int i = 0; i < tabs->count(); ++i) {
        const QString name = tabs->widget(i)->objectName();
        const TabIcon* found = nullptr;
        for (const TabIcon& t : kIcons) {
            if (name.startsWith(QLatin1String(t.page))) {
                found = &t;
                break;
            }
        }
        if (!found && i == 0)
            found = &kIcons[0]; // the Overview, whatever its page is called
        if (!found)
            continue;
        tabs->setTabIcon(i, iconFor(*found));
        ++applied;
    }
    return applied;
}

} // namespace hlc::tabicons
