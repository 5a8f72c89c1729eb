#include "core/Format.h"

#include <QCoreApplication>

#include <cmath>

namespace hlc::format {

QString bytes(double b)
{
    static const char* const s_units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    int i = 0;
    double v = std::max(0.0, b);
    while (v >= 1024.0 && i < 5) {
        v /= 1024.0;
        ++i;
    }
    return QStringLiteral("%1 %2").arg(v, 0, 'f', (i == 0 || v >= 100) ? 0 : 1).arg(QLatin1String(s_units[i]));
}

QString duration(qint64 s)
{
    if (s < 0)
        s = 0;
    const qint64 d = s / 86400, h = (s % 86400) / 3600, m = (s % 3600) / 60;
    if (d > 0)
        return QCoreApplication::translate("hlc::format", "%1 d %2 h").arg(d).arg(h);
    if (h > 0)
        return QCoreApplication::translate("hlc::format", "%1 h %2 min").arg(h).arg(m);
    if (m > 0)
        return QCoreApplication::translate("hlc::format", "%1 min").arg(m);
    return QCoreApplication::translate("hlc::format", "%1 s").arg(s);
}

QString percent(double ratio)
{
    if (!std::isfinite(ratio))
        return QStringLiteral("–");
    return QStringLiteral("%1 %").arg(ratio * 100.0, 0, 'f', 1);
}

QString ago(qint64 s)
{
    // Plain ints for the counts: lupdate 6.4 loops forever on "int(s / 60)" inside translate()'s arguments, and
    // drops the message when they hold a static_cast.
    const int seconds = static_cast<int>(s), minutes = static_cast<int>(s / 60), hours = static_cast<int>(s / 3600);
    if (s < 60)
        return QCoreApplication::translate("hlc::format", "%n s ago", nullptr, seconds);
    if (s < 3600)
        return QCoreApplication::translate("hlc::format", "%n min ago", nullptr, minutes);
    return QCoreApplication::translate("hlc::format", "%n h ago", nullptr, hours);
}

} // namespace hlc::format
