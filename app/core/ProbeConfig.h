#pragma once

#include <QString>
#include <QUrl>

namespace hlc {

/**
 * @brief One health probe of a host: a cheap check that a service answers (part
 * of HostConfig).
 *
 * Probes never carry a secret: an HTTP probe sends a plain GET without
 * credentials (a health or login page), a TCP probe only connects, a Redis
 * probe sends an unauthenticated `PING`.
 */
struct ProbeConfig
{
    enum class Kind
    {
        Http,  ///< GET url; any HTTP answer below 500 (login pages, redirects, 401)
               ///< means "up"
        Tcp,   ///< connect to url's host:port (PostgreSQL, MQTT, ...)
        Redis, ///< connect and send PING; +PONG or -NOAUTH means "up"
    };

    QString name; ///< shown to the user, e.g. "Grafana"
    Kind kind = Kind::Http;
    QUrl url;                   ///< http(s)://host:port/path, or tcp://host:port, redis://host:port
    bool openInBrowser = false; ///< a web UI the user may open from the list

    bool operator==(const ProbeConfig&) const = default;

    /// "http", "tcp" or "redis" as written in the configuration file.
    [[nodiscard]] static QString kindName(Kind k)
    {
        switch (k) {
        case Kind::Http:
            return QStringLiteral("http");
        case Kind::Tcp:
            return QStringLiteral("tcp");
        case Kind::Redis:
            return QStringLiteral("redis");
        }
        return QStringLiteral("http");
    }
    /// The kind for a name written by kindName(); false when unknown.
    [[nodiscard]] static bool kindFromName(const QString& name, Kind* out)
    {
        for (Kind k : {Kind::Http, Kind::Tcp, Kind::Redis}) {
            if (kindName(k) == name) {
                *out = k;
                return true;
            }
        }
        return false;
    }
};

} // namespace hlc
