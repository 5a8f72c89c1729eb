#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace hlc::am {

/// A label set, sorted by name.
using Labels = QMap<QString, QString>;

/// One matcher of a silence or filter: `name="value"`, `name!="value"`, `name=~"re"`, `name!~"re"`.
struct Matcher
{
    QString name;
    QString value;
    bool isRegex = false;
    bool isEqual = true; ///< false: negated (`!=`, `!~`); missing in Alertmanager < 0.22 means true

    bool operator==(const Matcher&) const = default;
};

/// One alert of GET /api/v2/alerts.
struct Alert
{
    QString fingerprint; ///< 16 hex digits, stable for a label set
    Labels labels;
    Labels annotations;
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime updatedAt;
    QString generatorUrl;
    QString state; ///< "active", "suppressed" or "unprocessed"
    QStringList silencedBy;
    QStringList inhibitedBy;
    QStringList mutedBy; ///< time intervals (newer versions only)
    QStringList receivers;

    [[nodiscard]] QString name() const { return labels.value(QStringLiteral("alertname")); }
    [[nodiscard]] bool silenced() const { return !silencedBy.isEmpty(); }
    [[nodiscard]] bool inhibited() const { return !inhibitedBy.isEmpty(); }
    [[nodiscard]] bool suppressed() const { return state == QLatin1String("suppressed") || silenced() || inhibited(); }
};

/// Which alerts GET /api/v2/alerts returns (all flags default to the server's default, true).
struct AlertFilter
{
    bool active = true;
    bool silenced = true;
    bool inhibited = true;
    bool unprocessed = true;
    QStringList matchers; ///< e.g. `alertname="X"`, sent as repeated `filter` parameters
};

/// A silence (GET /api/v2/silences, POST to create).
struct Silence
{
    QString id; ///< empty for a new silence
    QList<Matcher> matchers;
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime updatedAt;
    QString createdBy;
    QString comment;
    QString state; ///< "active", "pending" or "expired"

    [[nodiscard]] bool active() const { return state == QLatin1String("active"); }
    bool operator==(const Silence&) const = default;
};

/// GET /api/v2/status (subset).
struct Status
{
    QString version;
    QString clusterStatus; ///< "ready", "settling", "disabled"
    QDateTime uptime;
};

/// Alertmanager's fingerprint of a label set (FNV-1a 64 over sorted name/value pairs, as 16 hex digits). The same
/// value Alertmanager reports, so alerts read from Prometheus (fallback) keep the same key.
[[nodiscard]] QString fingerprintOf(const Labels& labels);

/// Whether @p labels satisfy every matcher.
[[nodiscard]] bool matches(const QList<Matcher>& matchers, const Labels& labels);

} // namespace hlc::am
