#include "core/PaletteCommands.h"

#include "agents/AgentRunner.h"
#include "agents/AgentsTab.h"
#include "agents/WebhookActions.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/MainWindow.h"
#include "core/ServiceText.h"
#include "guests/ActionAvailability.h"
#include "guests/GuestInventory.h"
#include "guests/GuestsView.h"
#include "guests/HostMonitor.h"
#include "guests/StacksView.h"
#include "home/AdGuardMonitor.h"
#include "home/AdGuardView.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeAssistantView.h"
#include "home/HomeServices.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertsView.h"

#include <QAction>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTabWidget>

namespace hlc {

namespace {
/// The translation context of the palette's texts.
class PaletteText
{
    Q_DECLARE_TR_FUNCTIONS(PaletteCommands)
};

/// The tab of @p w that holds a widget of type T (nullptr when none).
template<typename T> T* tabOf(QTabWidget* tabs)
{
    for (int i = 0; tabs && i < tabs->count(); ++i) {
        if (auto* t = qobject_cast<T*>(tabs->widget(i)))
            return t;
    }
    return nullptr;
}

HostDetailView* hostDetail(QTabWidget* tabs, const QString& hostId)
{
    return tabs ? tabs->findChild<HostDetailView*>(QStringLiteral("hostDetail_%1").arg(hostId)) : nullptr;
}

/// Shows the page @p T of host @p hostId and returns it.
template<typename T> T* showHostPage(MainWindow* w, const QString& hostId)
{
    HostDetailView* detail = hostDetail(w->tabs(), hostId);
    if (!detail)
        return nullptr;
    auto* page = detail->findChild<T*>();
    if (!page)
        return nullptr;
    w->tabs()->setCurrentWidget(detail);
    detail->tabs()->setCurrentWidget(page);
    return page;
}

QString guestActionTitle(pve::GuestAction a)
{
    switch (a) {
    case pve::GuestAction::Start:
        return PaletteText::tr("Start");
    case pve::GuestAction::Shutdown:
        return PaletteText::tr("Shut down");
    case pve::GuestAction::Stop:
        return PaletteText::tr("Stop");
    case pve::GuestAction::Reboot:
        return PaletteText::tr("Reboot");
    case pve::GuestAction::Suspend:
        return PaletteText::tr("Suspend");
    case pve::GuestAction::Resume:
        return PaletteText::tr("Resume");
    }
    return {};
}

void addMenuActions(QList<PaletteEntry>& out, QMenu* menu, const QString& path, QSet<QAction*>& seen)
{
    for (QAction* a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible() || seen.contains(a))
            continue;
        seen.insert(a);
        const QString text = a->text().remove(u'&');
        if (a->menu()) {
            addMenuActions(out, a->menu(), path + QStringLiteral(" › ") + text, seen);
            continue;
        }
        if (text.isEmpty() || a->objectName() == QLatin1String("commandPaletteAction") || !a->isEnabled())
            continue;
        QPointer<QAction> action(a);
        PaletteEntry e{text, path, QStringLiteral("menu/%1").arg(a->objectName().isEmpty() ? text : a->objectName()),
                       false, [action] {
                           if (action)
                               action->trigger();
                       }};
        if (!a->shortcut().isEmpty())
            e.title += QStringLiteral("  (%1)").arg(a->shortcut().toString(QKeySequence::NativeText));
        out << e;
    }
}

void addPlaces(QList<PaletteEntry>& out, MainWindow* w)
{
    QTabWidget* tabs = w->tabs();
    for (int i = 0; tabs && i < tabs->count(); ++i) {
        QPointer<QWidget> page = tabs->widget(i);
        const bool host = qobject_cast<HostDetailView*>(page.data()) != nullptr;
        out << PaletteEntry{
            tabs->tabText(i).remove(u'&'), host ? PaletteText::tr("Go to host") : PaletteText::tr("Go to tab"),
            QStringLiteral("goto/%1").arg(page->objectName().isEmpty() ? QString::number(i) : page->objectName()),
            false, [w, page] {
                if (page && w->tabs())
                    w->tabs()->setCurrentWidget(page);
            }};
    }
}

void addGuests(QList<PaletteEntry>& out, MainWindow* w, GuestInventory* inv)
{
    const QString hostId = inv->hostId();
    for (const pve::Resource& g : inv->guests()) {
        if (g.type != QLatin1String("qemu") && g.type != QLatin1String("lxc"))
            continue;
        const QString kind = g.type == QLatin1String("qemu") ? PaletteText::tr("VM") : PaletteText::tr("Container");
        const QString name = g.name.isEmpty() ? QStringLiteral("%1 %2").arg(kind).arg(g.vmid)
                                              : QStringLiteral("%1 %2 (%3)").arg(kind).arg(g.vmid).arg(g.name);
        for (pve::GuestAction a :
             {pve::GuestAction::Start, pve::GuestAction::Shutdown, pve::GuestAction::Stop, pve::GuestAction::Reboot}) {
            if (!ActionAvailability::forGuest(a, g, false).allowed)
                continue;
            const QString key = g.id;
            out << PaletteEntry{PaletteText::tr("%1 %2 on %3").arg(guestActionTitle(a), name, inv->hostName()),
                                PaletteText::tr("Guest"),
                                QStringLiteral("guest/%1/%2/%3").arg(hostId, key, pve::guestActionName(a)),
                                a != pve::GuestAction::Start, [w, hostId, key, a] {
                                    if (auto* v = showHostPage<GuestsView>(w, hostId); v && v->selectGuest(key))
                                        v->trigger(a);
                                }};
        }
    }
}

void addStacks(QList<PaletteEntry>& out, MainWindow* w, GuestInventory* inv)
{
    const QString hostId = inv->hostId();
    for (const portainer::Stack& s : inv->stacks()) {
        const bool start = !s.active();
        const QString name = s.name;
        out << PaletteEntry{(start ? PaletteText::tr("Start stack %1 on %2") : PaletteText::tr("Stop stack %1 on %2"))
                                .arg(name, inv->hostName()),
                            PaletteText::tr("Stack"),
                            QStringLiteral("stack/%1/%2/%3")
                                .arg(hostId, name, start ? QStringLiteral("start") : QStringLiteral("stop")),
                            !start, [w, hostId, name, start] {
                                if (auto* v = showHostPage<StacksView>(w, hostId); v && v->selectStack(name))
                                    v->triggerStack(start);
                            }};
    }
    for (const portainer::Container& c : inv->containers()) {
        const QString name = c.name;
        const bool running = c.running();
        const auto action = running ? portainer::ContainerAction::Restart : portainer::ContainerAction::Start;
        if (!ActionAvailability::forContainer(action, c.state).allowed)
            continue;
        out << PaletteEntry{
            (running ? PaletteText::tr("Restart container %1 on %2") : PaletteText::tr("Start container %1 on %2"))
                .arg(name, inv->hostName()),
            PaletteText::tr("Container"),
            QStringLiteral("container/%1/%2/%3")
                .arg(hostId, name, running ? QStringLiteral("restart") : QStringLiteral("start")),
            running, [w, hostId, name, action] {
                if (auto* v = showHostPage<StacksView>(w, hostId); v && v->selectContainer(name))
                    v->triggerContainer(action);
            }};
    }
}

void addAgents(QList<PaletteEntry>& out, MainWindow* w, Homelab* h)
{
    AgentRunner* runner = h->agents();
    if (runner && runner->isConfigured()) {
        QPointer<AgentRunner> r(runner);
        for (const agents::Agent& a : runner->agents()) {
            for (const agents::Preset& p : a.presets) {
                const QString agentId = a.id;
                const QString presetId = p.id;
                out << PaletteEntry{PaletteText::tr("Run %1: %2").arg(a.name.isEmpty() ? a.id : a.name, p.name),
                                    PaletteText::tr("Agent"), QStringLiteral("agent/%1/%2").arg(agentId, presetId),
                                    false, [w, r, agentId, presetId] {
                                        if (auto* tab = tabOf<AgentsTab>(w->tabs()))
                                            w->tabs()->setCurrentWidget(tab);
                                        if (r)
                                            r->runPreset(agentId, presetId);
                                    }};
            }
        }
    }
    if (WebhookActions* hooks = h->webhooks()) {
        QPointer<WebhookActions> wa(hooks);
        for (const WebhookActions::Entry& e : hooks->actions()) {
            const QString key = e.key();
            const HostMonitor* host = h->host(e.hostId);
            const QString hostName = host && !host->host().name.isEmpty() ? host->host().name : e.hostId;
            out << PaletteEntry{PaletteText::tr("Run webhook %1 on %2")
                                    .arg(e.action.name.isEmpty() ? e.action.id : e.action.name, hostName),
                                PaletteText::tr("Webhook"), QStringLiteral("webhook/%1").arg(key), false, [w, wa, key] {
                                    if (auto* tab = tabOf<AgentsTab>(w->tabs()))
                                        w->tabs()->setCurrentWidget(tab);
                                    if (wa)
                                        wa->run(key);
                                }};
        }
    }
}

void addAlerts(QList<PaletteEntry>& out, MainWindow* w, Homelab* h)
{
    AlertCenter* alerts = h->alerts();
    if (!alerts || !alerts->canSilence())
        return;
    for (const AlertEntry& a : alerts->alerts()) {
        if (a.state != AlertEntry::State::Firing)
            continue;
        const QString fp = a.fingerprint;
        const HostMonitor* host = h->host(a.hostId);
        const QString where = host ? (host->host().name.isEmpty() ? a.hostId : host->host().name) : QString();
        const QString what = where.isEmpty() ? a.name : PaletteText::tr("%1 on %2").arg(a.name, where);
        for (const qint64 hours : {1, 4, 24}) {
            out << PaletteEntry{PaletteText::tr("Silence alert %1 for %2 h").arg(what).arg(hours),
                                PaletteText::tr("Alert"), QStringLiteral("silence/%1/%2h").arg(fp).arg(hours), false,
                                [w, fp, hours] {
                                    AlertsView* v = w->alertsView();
                                    if (!v)
                                        return;
                                    w->tabs()->setCurrentWidget(v);
                                    if (v->selectAlert(fp))
                                        v->silenceSelected(hours * 3600);
                                }};
        }
    }
}

void addHome(QList<PaletteEntry>& out, MainWindow* w, Homelab* h)
{
    for (AdGuardMonitor* m : h->home()->adGuards()) {
        const QString hostId = m->hostId();
        out << PaletteEntry{PaletteText::tr("Pause AdGuard protection on %1").arg(m->hostName()),
                            PaletteText::tr("AdGuard"), QStringLiteral("adguard/%1/pause").arg(hostId), true,
                            [w, hostId] {
                                auto* v = tabOf<AdGuardView>(w->tabs());
                                if (!v || !v->showInstance(hostId))
                                    return;
                                w->tabs()->setCurrentWidget(v);
                                v->requestPause();
                            }};
    }
    for (HomeAssistantLink* l : h->home()->homeAssistants()) {
        const QString hostId = l->hostId();
        for (const QString& id : l->entityIds()) {
            const QString action = HomeAssistantLink::actionFor(id);
            if (action.isEmpty())
                continue;
            const ha::EntityState* e = l->entity(id);
            const QString name = e ? e->friendlyName() : id;
            out << PaletteEntry{PaletteText::tr("%1: %2 (%3)").arg(action, name, id), PaletteText::tr("Home Assistant"),
                                QStringLiteral("ha/%1/%2").arg(hostId, id), false, [w, hostId, id] {
                                    auto* v = tabOf<HomeAssistantView>(w->tabs());
                                    if (!v || !v->showInstance(hostId))
                                        return;
                                    w->tabs()->setCurrentWidget(v);
                                    if (v->selectEntity(id))
                                        v->actOnSelected();
                                }};
        }
    }
}

void addServicePages(QList<PaletteEntry>& out, Homelab* h)
{
    for (const HostConfig& host : h->config().hosts) {
        const QString hostName = host.name.isEmpty() ? host.id : host.name;
        for (const ServiceConfig& s : host.services) {
            if (!s.baseUrl.isValid())
                continue;
            // The web interface, not the API path: scheme, host and port.
            QUrl page =
                s.baseUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
            page.setPath(QStringLiteral("/"));
            out << PaletteEntry{PaletteText::tr("Open %1 of %2 in the browser").arg(serviceKindTitle(s.kind), hostName),
                                PaletteText::tr("Web page"), QStringLiteral("open/%1/%2").arg(host.id, s.id), false,
                                [page] { QDesktopServices::openUrl(page); }};
        }
    }
}
} // namespace

QList<PaletteEntry> paletteCommands(MainWindow* window)
{
    QList<PaletteEntry> out;
    Homelab* h = window->homelab();
    addPlaces(out, window);
    QSet<QAction*> seen;
    for (QAction* top : window->menuBar()->actions()) {
        if (top->menu())
            addMenuActions(out, top->menu(), top->text().remove(u'&'), seen);
    }
    if (!h || !window->tabs())
        return out;
    for (const HostMonitor* host : h->hosts()) {
        if (GuestInventory* inv = h->inventory(host->hostId())) {
            addGuests(out, window, inv);
            addStacks(out, window, inv);
        }
    }
    addAgents(out, window, h);
    addAlerts(out, window, h);
    addHome(out, window, h);
    addServicePages(out, h);
    return out;
}

} // namespace hlc
