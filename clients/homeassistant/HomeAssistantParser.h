#pragma once

#include "HomeAssistantTypes.h"
#include "core/Result.h"

#include <QByteArray>

#include <functional>

/// Pure functions from Home Assistant payloads to plain structs. Never throw, never crash.
namespace hlc::ha::parser {

/// GET /api/states (or a get_states result array): every entity's state.
Result<QList<EntityState>> states(const QByteArray& body);
/// One WebSocket message. @p expect says what the payload of a result (@p event false) or event with that id is
/// (get_states result, subscribe_entities event, ...); unknown ids decode to the envelope only.
Result<WsMessage> message(const QByteArray& body, const std::function<Expect(int id, bool event)>& expect);
/// The `message` of a REST error body (`{"message": "..."}`), empty if none.
QString errorMessage(const QByteArray& body);

} // namespace hlc::ha::parser
