#include "metrics/NotificationSettings.h"

#include "core/Config.h"

namespace hlc {

namespace {
const QString kKey = QStringLiteral("notifications");
const QString kTimeFormat = QStringLiteral("HH:mm");

qint64 positive(const QJsonObject& o, const QString& key, qint64 fallback)
{
    const qint64 v = o.value(key).toInteger(fallback);
    return v > 0 ? v : fallback;
}
} // namespace

QString NotificationSettings::severityName(Severity s)
{
    switch (s) {
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Critical:
        return QStringLiteral("critical");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

NotificationSettings NotificationSettings::fromConfig(const Config& config)
{
    NotificationSettings n;
    const QJsonObject o = config.extra.value(kKey).toObject();
    if (const qint64 hold = o.value(QStringLiteral("resolvedHoldSeconds")).toInteger(-1); hold >= 0)
        n.policy.resolvedHoldSeconds = hold; // 0: announce at once
    n.policy.stormThreshold = static_cast<int>(positive(o, QStringLiteral("stormThreshold"), n.policy.stormThreshold));
    n.policy.stormWindowSeconds = positive(o, QStringLiteral("stormWindowSeconds"), n.policy.stormWindowSeconds);
    n.policy.repeatSeconds = positive(o, QStringLiteral("repeatSeconds"), n.policy.repeatSeconds);
    const QString min = o.value(QStringLiteral("minimumSeverity")).toString();
    for (Severity s : {Severity::Info, Severity::Warning, Severity::Critical}) {
        if (severityName(s) == min)
            n.minimumSeverity = s;
    }
    const QJsonObject quiet = o.value(QStringLiteral("quietHours")).toObject();
    const QTime from = QTime::fromString(quiet.value(QStringLiteral("from")).toString(), kTimeFormat);
    const QTime to = QTime::fromString(quiet.value(QStringLiteral("to")).toString(), kTimeFormat);
    if (from.isValid() && to.isValid()) {
        n.quietHours = true;
        n.quietFrom = from;
        n.quietTo = to;
        n.quietCriticalBreaksThrough = quiet.value(QStringLiteral("criticalBreaksThrough")).toBool(true);
    }
    return n;
}

void NotificationSettings::writeTo(Config* config) const
{
    QJsonObject o = config->extra.value(kKey).toObject(); // keys of a newer build stay
    o.insert(QStringLiteral("resolvedHoldSeconds"), policy.resolvedHoldSeconds);
    o.insert(QStringLiteral("stormThreshold"), policy.stormThreshold);
    o.insert(QStringLiteral("stormWindowSeconds"), policy.stormWindowSeconds);
    o.insert(QStringLiteral("repeatSeconds"), policy.repeatSeconds);
    o.insert(QStringLiteral("minimumSeverity"), severityName(minimumSeverity));
    if (quietHours) {
        o.insert(QStringLiteral("quietHours"),
                 QJsonObject{{QStringLiteral("from"), quietFrom.toString(kTimeFormat)},
                             {QStringLiteral("to"), quietTo.toString(kTimeFormat)},
                             {QStringLiteral("criticalBreaksThrough"), quietCriticalBreaksThrough}});
    } else {
        o.remove(QStringLiteral("quietHours"));
    }
    config->extra.insert(kKey, o);
}

bool NotificationSettings::isQuiet(const QTime& now) const
{
    if (!quietHours || quietFrom == quietTo)
        return false;
    if (quietFrom < quietTo)
        return now >= quietFrom && now < quietTo;
    return now >= quietFrom || now < quietTo; // over midnight
}

bool NotificationSettings::allows(Severity severity, const QTime& now) const
{
    if (severity < minimumSeverity)
        return false;
    return severity == Severity::Critical || !isQuiet(now);
}

} // namespace hlc
