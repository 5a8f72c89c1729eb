#pragma once

#include "core/SourceStatus.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace hlc {

/// The banner text for a failed source: what failed, and since when the data shown is stale. Empty when fine.
[[nodiscard]] inline QString sourceBannerText(const QString& source, const SourceStatus& s)
{
    if (s.state != SourceStatus::State::Error)
        return {};
    QString text = QStringLiteral("%1: %2").arg(source, s.error.message);
    if (s.hasData())
        text += QLatin1Char(' ') +
                QCoreApplication::translate("hlc::SourceBanner", "Data shown is stale, last fresh at %1.")
                    .arg(QLocale().toString(s.lastSuccess.toLocalTime().time(), QLocale::ShortFormat));
    return text;
}

} // namespace hlc
