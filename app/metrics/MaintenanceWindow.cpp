#include "metrics/MaintenanceWindow.h"

#include "core/Config.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hlc {

namespace {
const QString kKey = QStringLiteral("maintenance");
const QString kTimeFormat = QStringLiteral("HH:mm");
const char* const kDays[] = {"daily", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
} // namespace

QString MaintenanceWindow::dayName(int weekday)
{
    return QLatin1String(kDays[weekday >= 0 && weekday <= 7 ? weekday : 0]);
}

std::optional<std::pair<QDateTime, QDateTime>> MaintenanceWindow::occurrenceAt(const QDateTime& now) const
{
    if (!isScheduled()) {
        if (start <= now && now < end)
            return std::make_pair(start, end);
        return std::nullopt;
    }
    if (!from.isValid() || !to.isValid() || from == to)
        return std::nullopt;
    const QDateTime local = now.toLocalTime();
    // An occurrence that started today or yesterday (over midnight) may contain now.
    for (int back = 0; back <= 1; ++back) {
        const QDate day = local.date().addDays(-back);
        if (weekday != 0 && day.dayOfWeek() != weekday)
            continue;
        const QDateTime s(day, from, Qt::LocalTime);
        const QDateTime e(to > from ? day : day.addDays(1), to, Qt::LocalTime);
        if (s <= local && local < e)
            return std::make_pair(s.toUTC(), e.toUTC());
    }
    return std::nullopt;
}

QList<MaintenanceWindow> MaintenanceWindow::fromConfig(const Config& config)
{
    QList<MaintenanceWindow> out;
    const QJsonArray windows = config.extra.value(kKey).toObject().value(QStringLiteral("windows")).toArray();
    for (const QJsonValue& v : windows) {
        const QJsonObject o = v.toObject();
        MaintenanceWindow w;
        w.id = o.value(QStringLiteral("id")).toString();
        w.hostId = o.value(QStringLiteral("host")).toString();
        const QString day = o.value(QStringLiteral("day")).toString(QStringLiteral("daily")).toLower();
        w.weekday = -1;
        for (int d = 0; d <= 7; ++d) {
            if (day == dayName(d))
                w.weekday = d;
        }
        w.from = QTime::fromString(o.value(QStringLiteral("from")).toString(), kTimeFormat);
        w.to = QTime::fromString(o.value(QStringLiteral("to")).toString(), kTimeFormat);
        w.reason = o.value(QStringLiteral("reason")).toString();
        for (const QJsonValue& m : o.value(QStringLiteral("matchers")).toArray()) {
            const QJsonObject mo = m.toObject();
            am::Matcher matcher;
            matcher.name = mo.value(QStringLiteral("name")).toString();
            matcher.value = mo.value(QStringLiteral("value")).toString();
            matcher.isRegex = mo.value(QStringLiteral("isRegex")).toBool(false);
            matcher.isEqual = mo.value(QStringLiteral("isEqual")).toBool(true);
            if (!matcher.name.isEmpty())
                w.matchers << matcher;
        }
        for (const QJsonValue& a : o.value(QStringLiteral("automations")).toArray()) {
            const QString id = a.toString().trimmed();
            if (id.startsWith(QLatin1String("automation.")) && !w.automations.contains(id))
                w.automations << id;
        }
        if (w.id.isEmpty())
            w.id = QStringLiteral("window-%1").arg(out.size() + 1);
        if (w.weekday >= 0 && w.from.isValid() && w.to.isValid())
            out << w;
    }
    return out;
}

void MaintenanceWindow::writeTo(Config* config, const QList<MaintenanceWindow>& windows)
{
    QJsonObject o = config->extra.value(kKey).toObject(); // keys of a newer build stay
    QJsonArray list;
    for (const MaintenanceWindow& w : windows) {
        QJsonObject wo{{QStringLiteral("id"), w.id},
                       {QStringLiteral("host"), w.hostId},
                       {QStringLiteral("day"), dayName(w.weekday)},
                       {QStringLiteral("from"), w.from.toString(kTimeFormat)},
                       {QStringLiteral("to"), w.to.toString(kTimeFormat)}};
        if (!w.reason.isEmpty())
            wo.insert(QStringLiteral("reason"), w.reason);
        if (!w.matchers.isEmpty()) {
            QJsonArray ms;
            for (const am::Matcher& m : w.matchers) {
                ms.append(QJsonObject{{QStringLiteral("name"), m.name},
                                      {QStringLiteral("value"), m.value},
                                      {QStringLiteral("isRegex"), m.isRegex},
                                      {QStringLiteral("isEqual"), m.isEqual}});
            }
            wo.insert(QStringLiteral("matchers"), ms);
        }
        if (!w.automations.isEmpty())
            wo.insert(QStringLiteral("automations"), QJsonArray::fromStringList(w.automations));
        list.append(wo);
    }
    if (list.isEmpty())
        o.remove(QStringLiteral("windows"));
    else
        o.insert(QStringLiteral("windows"), list);
    if (o.isEmpty())
        config->extra.remove(kKey);
    else
        config->extra.insert(kKey, o);
}

} // namespace hlc
