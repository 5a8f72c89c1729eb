#pragma once

// Which power actions a guest or a container accepts in its current state, and why not. Pure functions: the
// widgets enable their buttons from these, the tests walk every state.

#include "portainer/PortainerTypes.h"
#include "proxmox/ProxmoxTypes.h"

#include <QCoreApplication>
#include <QString>

namespace hlc {

/// Whether an action may be sent, and when not, a sentence for the user (tooltip, status line).
struct ActionAvailability
{
    bool allowed = false;
    QString reason; ///< empty when allowed, or when nothing is selected

    /// Docker Engine's state table (ContainerSummary.State): stop applies to running, restarting and paused
    /// containers, start to created, exited and dead ones; restart to every container that is not being removed.
    [[nodiscard]] static ActionAvailability forContainer(portainer::ContainerAction action, const QString& state);

    /// Proxmox: a template runs nothing; a config lock blocks every power action (except start of a hibernated VM,
    /// lock "suspended"); the rest follows the run state, which for VMs is QEMU's (qmpstatus: "paused",
    /// "prelaunch", "io-error", ...) as /cluster/resources reports it. @p frozen: an LXC container this app
    /// suspended (PVE still reports it "running").
    [[nodiscard]] static ActionAvailability forGuest(pve::GuestAction action, const pve::Resource& guest, bool frozen);

private:
    Q_DECLARE_TR_FUNCTIONS(ActionAvailability)
};

} // namespace hlc
