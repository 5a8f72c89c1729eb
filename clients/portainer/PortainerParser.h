#pragma once

#include "PortainerTypes.h"
#include "core/Result.h"

#include <QByteArray>

namespace hlc::portainer {

/// Bytes -> plain structs for Portainer and the Docker Engine API it proxies. Never throws, never crashes.
namespace parser {
Result<SystemStatus> systemStatus(const QByteArray& body);
Result<QList<Environment>> environments(const QByteArray& body);
Result<QList<Stack>> stacks(const QByteArray& body);
Result<Stack> stack(const QByteArray& body);
Result<QList<Container>> containers(const QByteArray& body);
/// GET /containers/{id}/json (Docker inspect).
Result<ContainerInspect> containerInspect(const QByteArray& body);
/// The message of a Portainer error body (`{"message": ..., "details": ...}`) or of a Docker one
/// (`{"message": ...}`), or empty.
QString errorMessage(const QByteArray& body);
/**
 * The lines of a Docker log (GET /containers/{id}/logs). Without a TTY the stream is multiplexed: frames of an
 * 8-byte header (stream type 0/1/2, three zero bytes, big-endian 32-bit length) then the payload; with a TTY it
 * is raw text. Both are recognised. Truncated frames keep what arrived. At most @p maxLines, the last ones.
 */
QStringList logLines(const QByteArray& body, int maxLines = 200);
} // namespace parser

} // namespace hlc::portainer
