#include "guests/ActionAvailability.h"

namespace hlc {

namespace {
ActionAvailability yes()
{
    return {true, {}};
}
} // namespace

ActionAvailability ActionAvailability::forContainer(portainer::ContainerAction action, const QString& state)
{
    const auto is = [&state](const char* s) { return state == QLatin1String(s); };
    const bool up = is("running") || is("restarting") || is("paused");
    const bool down = is("created") || is("exited") || is("dead");
    if (is("removing"))
        return {false, tr("The container is being removed.")};
    if (!up && !down)
        return {false, tr("Docker reports an unknown state \"%1\".").arg(state)};
    switch (action) {
    case portainer::ContainerAction::Start:
        if (down)
            return yes();
        return {false, is("paused") ? tr("The container is paused; Docker does not start a paused container.")
                                    : tr("The container is already running.")};
    case portainer::ContainerAction::Stop:
        if (up)
            return yes();
        return {false, tr("The container is not running.")};
    case portainer::ContainerAction::Restart:
        return yes();
    }
    return {};
}

ActionAvailability ActionAvailability::forGuest(pve::GuestAction action, const pve::Resource& g, bool frozen)
{
    using A = pve::GuestAction;
    if (g.isTemplate)
        return {false, tr("This guest is a template: templates are cloned, not run.")};
    const bool qemu = g.type == QLatin1String("qemu");
    const QString& s = g.status;
    const auto is = [&s](const char* x) { return s == QLatin1String(x); };
    if (!g.lock.isEmpty()) {
        // PVE starts a hibernated VM (lock "suspended") from its saved state; any other lock refuses every power
        // action until the operation holding it (backup, migrate, snapshot, ...) ends.
        if (action == A::Start && g.lock == QLatin1String("suspended") && is("stopped"))
            return yes();
        return {false, tr("The guest is locked (%1) until that operation ends.").arg(g.lock)};
    }
    if (is("stopped"))
        return action == A::Start ? yes() : ActionAvailability{false, tr("The guest is stopped.")};
    if (is("running") && !frozen) {
        if (action == A::Start || action == A::Resume)
            return {false, tr("The guest is running.")};
        return yes();
    }
    // Paused VMs (and LXC containers this app froze) resume or stop; QEMU refuses a shutdown or reboot of a paused
    // VM. "prelaunch" is a VM started paused; "suspended" is a guest-initiated S3 sleep; "io-error" resumes once
    // the storage is back.
    if (is("paused") || (is("running") && frozen) || (qemu && (is("prelaunch") || is("suspended") || is("io-error")))) {
        if (action == A::Resume || action == A::Stop)
            return yes();
        return {false, tr("The guest is paused: resume it or stop it.")};
    }
    if (is("unknown") || s.isEmpty())
        return {false, tr("Proxmox does not know the guest's state (its node may be offline).")};
    // Any other QEMU run state (internal-error, guest-panicked, watchdog, shutdown, inmigrate, postmigrate, ...): the
    // process is there but not usefully running; only a hard stop applies.
    if (action == A::Stop)
        return yes();
    return {false, tr("The guest is in state \"%1\": only a hard stop applies.").arg(s)};
}

} // namespace hlc
