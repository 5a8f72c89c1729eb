#pragma once

#include "AlertmanagerTypes.h"
#include "core/Result.h"

#include <QByteArray>

namespace hlc::am {

/// Bytes <-> plain structs for the Alertmanager API v2 (`/api/v2/...`). Never throws, never crashes; tolerant of
/// fields older versions leave out (mutedBy, silence annotations, isEqual) and of nulls for arrays.
namespace parser {
Result<QList<Alert>> alerts(const QByteArray& body);
Result<QList<Silence>> silences(const QByteArray& body);
Result<Silence> silence(const QByteArray& body);
/// The answer of POST /api/v2/silences: `{"silenceID": "..."}`.
Result<QString> silenceId(const QByteArray& body);
Result<Status> status(const QByteArray& body);
/// The JSON body for POST /api/v2/silences (a postableSilence).
QByteArray postableSilence(const Silence& silence);
/// The error text Alertmanager puts in a 4xx/5xx body (a JSON string or plain text), or empty.
QString errorText(const QByteArray& body);
} // namespace parser

} // namespace hlc::am
