#include "AdGuardVersion.h"

#include <QRegularExpression>

namespace hlc::adguard {

AdGuardVersion AdGuardVersion::parse(const QString& text)
{
    AdGuardVersion v;
    v.text = text.trimmed();
    static const QRegularExpression s_release(QStringLiteral("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const QRegularExpressionMatch m = s_release.match(v.text);
    if (m.hasMatch()) {
        v.major = m.captured(1).toInt();
        v.minor = m.captured(2).toInt();
        v.patch = m.captured(3).toInt(); // "" -> 0
        v.known = true;
        return v;
    }
    // "edge", "dev", "beta", a commit hash: a build from a development channel, newer than any release
    v.development = !v.text.isEmpty() && v.text != QLatin1String("undefined");
    return v;
}

bool AdGuardVersion::atLeast(int maj, int min, int pat) const
{
    if (development)
        return true;
    if (!known)
        return false;
    if (major != maj)
        return major > maj;
    if (minor != min)
        return minor > min;
    return patch >= pat;
}

} // namespace hlc::adguard
