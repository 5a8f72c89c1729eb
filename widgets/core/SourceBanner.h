#pragma once

#include "core/SourceStatus.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace hlc {

/// " Data shown is stale, last fresh at HH:MM." (with its leading space) for a failed source whose earlier data is
/// still shown; empty when the source is fine or never had data. Every panel marks its stale data with it.
[[nodiscard]] inline QString staleNote(const SourceStatus& s)
{
    if (!s.isStale())
        return {};
    return QLatin1Char(' ') + QCoreApplication::translate("hlc::SourceBanner", "Data shown is stale, last fresh at %1.")
                                  .arg(QLocale().toString(s.lastSuccess.toLocalTime().time(), QLocale::ShortFormat));
}

/// The banner text for a failed source: what failed, and since when the data shown is stale. Empty when fine.
[[nodiscard]] inline QString sourceBannerText(const QString& source, const SourceStatus& s)
{
    if (s.state != SourceStatus::State::Error)
        return {};
    return QStringLiteral("%1: %2").arg(source, s.error.message) + staleNote(s);
}

} // namespace hlc
