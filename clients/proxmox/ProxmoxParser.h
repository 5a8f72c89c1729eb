#pragma once

#include "ProxmoxTypes.h"
#include "core/Result.h"

#include <QByteArray>

namespace hlc::pve {

/// Bytes -> plain structs for the Proxmox VE API. Every reply is `{"data": ...}`. Never throws, never crashes.
namespace parser {
Result<Version> version(const QByteArray& body);
Result<QList<NodeEntry>> nodes(const QByteArray& body);
Result<NodeStatus> nodeStatus(const QByteArray& body);
Result<QList<Resource>> resources(const QByteArray& body);
/// A power action's reply: `{"data":"UPID:..."}`.
Result<QString> upid(const QByteArray& body);
Result<TaskStatus> taskStatus(const QByteArray& body);
Result<QList<TaskLogLine>> taskLog(const QByteArray& body);
/// GET /nodes/{node}/tasks: entries without a UPID are skipped.
Result<QList<TaskEntry>> taskList(const QByteArray& body);
/// GET /nodes/{node}/{qemu|lxc}/{vmid}/config (`onboot` as a boolean, a number or a string).
Result<GuestConfig> guestConfig(const QByteArray& body);
/// A task log page with the log's `total` (also as a string; -1 when absent).
Result<TaskLogPage> taskLogPage(const QByteArray& body);
Result<Ticket> ticket(const QByteArray& body);
Result<QList<ClusterStatusEntry>> clusterStatus(const QByteArray& body);
Result<QList<RrdPoint>> rrdData(const QByteArray& body);
/// The message PVE puts in an error reply (`{"data":null,"errors":{...}}` or a "message" member), or empty.
QString errorMessage(const QByteArray& body);
} // namespace parser

} // namespace hlc::pve
