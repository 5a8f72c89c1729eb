#pragma once

#include "AgentsTypes.h"
#include "core/Result.h"

#include <QByteArray>

namespace hlc::agents {

/// Bytes -> plain structs for the agent platform API. Never throws, never crashes; tolerates nulls, numbers as
/// strings and missing optional members.
namespace parser {
Result<QList<Agent>> agents(const QByteArray& body);
Result<Run> run(const QByteArray& body);
Result<QList<Run>> runs(const QByteArray& body);
Result<QList<RunEvent>> events(const QByteArray& body);
/// One event from the `data:` of a server-sent event (the Event object as JSON).
Result<RunEvent> event(const QByteArray& data);
/// The `fields` of a 400 ValidationError body; empty when the body is none.
FieldErrors fieldErrors(const QByteArray& body);
/// The `message` of an Error body, or empty.
QString errorMessage(const QByteArray& body);
/// The `error` code of an Error body ("agent_busy", ...), or empty.
QString errorCode(const QByteArray& body);
/// The JSON body of POST /agents/{id}/runs.
QByteArray startRunBody(const StartRun& request);
} // namespace parser

/// Checks @p input against @p schema as the server would; returns per-field messages (translated), empty when valid.
/// Values may be QString (integers and booleans typed in a form are accepted as text too), qint64/int, bool.
FieldErrors validateInput(const InputSchema& schema, const QVariantMap& input);

/// The input to send for a form: strings converted to the field's type (integers, booleans), empty optional
/// fields left out. Call validateInput() on it.
QVariantMap normalizeInput(const InputSchema& schema, const QVariantMap& formValues);

} // namespace hlc::agents
