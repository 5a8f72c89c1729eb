#pragma once

#include "core/ActionJournal.h"
#include "core/Config.h"
#include "core/SourceStatus.h"
#include "homeassistant/HomeAssistantTypes.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class QTimer;

namespace hlc {
class ServiceDirectory;
namespace ha {
class HomeAssistantClient;
}

/**
 * @brief The live entity store of one Home Assistant, merged incrementally by entity_id.
 *
 * Live over the WebSocket while it is up (no polling); while it is down, the states are read over REST every
 * refresh interval and the socket is retried with backoff. Actions (toggle, scene, script, automation) are
 * confirmed by the state change that follows, not assumed; each is shown, notified and audited.
 */
class HomeAssistantLink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HomeAssistantLink)
public:
    enum class Mode
    {
        Offline,
        Connecting,
        Live,
        RestFallback,
        AuthFailed
    };
    Q_ENUM(Mode)

    /// The service's client (with its token) comes from @p services; the link opens it once a token is there.
    HomeAssistantLink(const HostConfig& host, const ServiceConfig& service, ServiceDirectory* services,
                      ActionJournal* journal, QObject* parent = nullptr);
    ~HomeAssistantLink() override;

    [[nodiscard]] QString hostId() const { return m_hostId; }
    [[nodiscard]] QString hostName() const { return m_hostName; }
    [[nodiscard]] const ServiceConfig& service() const { return m_service; }
    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] const SourceStatus& sourceStatus() const { return m_source; }
    /// Why the WebSocket went down last (Mode::RestFallback says it while REST reads keep the data fresh).
    [[nodiscard]] const ApiError& socketError() const { return m_socketError; }
    [[nodiscard]] ha::HomeAssistantClient* client() const { return m_client; }

    [[nodiscard]] int entityCount() const { return static_cast<int>(m_entities.size()); }
    [[nodiscard]] const ha::EntityState* entity(const QString& entityId) const;
    [[nodiscard]] QStringList entityIds() const { return m_entities.keys(); }
    /// The area name of an entity (from the registries), empty if it has none.
    [[nodiscard]] QString areaOf(const QString& entityId) const;
    [[nodiscard]] QStringList areaNames() const;

    /// Whether @p entityId can be acted on, and the verb shown for it ("Toggle", "Activate", "Run", "Trigger").
    [[nodiscard]] static QString actionFor(const QString& entityId);

    /// Toggles a light/switch/fan/input_boolean, activates a scene, runs a script or triggers an automation.
    void act(const QString& entityId);
    /// Turns an automation on or off (automation.turn_on / turn_off), for a maintenance window. @p done is called once:
    /// ok when the state shows it, else with why not (the same confirmation, journal and audit as act()).
    void setAutomationEnabled(const QString& entityId, bool on, std::function<void(bool, const QString&)> done);
    [[nodiscard]] bool isPending(const QString& entityId) const { return m_pending.contains(entityId); }
    /// How long an action may take before it is reported as not confirmed.
    void setConfirmTimeoutMs(int ms) { m_confirmTimeoutMs = ms; }

    /// Favourites of this host (entity ids), shown on the host panel. Stored in the app's settings.
    [[nodiscard]] QStringList favourites() const { return m_favourites; }
    void setFavourite(const QString& entityId, bool on);

    void setSourceError(const ApiError& error);
    void start(int restIntervalMs);
    void stop();
    /// REST read now (only while the socket is down).
    void refresh();
    /// The REST fallback's current poll interval: the refresh interval, doubled after each failed or overrun read
    /// (a failing or slow server is asked less often) up to restBackoffLimitMs(), back to the refresh interval after
    /// a read that succeeded.
    [[nodiscard]] int restIntervalMs() const { return m_restCurrentMs; }
    [[nodiscard]] int restBackoffLimitMs() const { return std::max(m_restIntervalMs, kRestBackoffLimitMs); }

signals:
    /// Entities added or changed (@p upserted) and gone (@p removed), in one batch.
    void entitiesChanged(const QStringList& upserted, const QStringList& removed);
    void modeChanged(hlc::HomeAssistantLink::Mode mode);
    void favouritesChanged();
    /// An action ended: @p ok, with the outcome as the user should read it.
    void actionFinished(const QString& entityId, bool ok, const QString& message);

private:
    struct Pending
    {
        QString service;
        ha::EntityState before;
        qint64 deadline = 0;
        ActionJournal::Entry entry;
        bool connectionLost = false; ///< the socket went before HA answered the call: outcome unknown until seen
        QString expectState;         ///< confirmed when the state becomes this (turn_on/turn_off); empty: any change
        std::function<void(bool, const QString&)> done;
    };
    void startAction(const ha::EntityState& e, const QString& service, const QString& expectState,
                     std::function<void(bool, const QString&)> done);
    void setMode(Mode m);
    void applyFull(const QList<ha::EntityState>& all);
    void applyDelta(const ha::EntityDelta& delta);
    void checkPending(const QStringList& ids);
    void finishAction(const QString& entityId, const ActionJournal::Outcome& outcome, const QString& message);
    void pollRest();
    void backOffRest();
    void resetRestInterval();
    static constexpr int kRestBackoffLimitMs = 60000;
    [[nodiscard]] QString settingsKey() const;

    QString m_hostId;
    QString m_hostName;
    ServiceConfig m_service;
    ActionJournal* m_journal;
    ha::HomeAssistantClient* m_client;
    QTimer* m_restTimer;
    QTimer* m_pendingTimer;
    Mode m_mode = Mode::Offline;
    SourceStatus m_source;
    ApiError m_socketError;
    QHash<QString, ha::EntityState> m_entities;
    ha::Registry m_registry;
    QHash<QString, Pending> m_pending;
    QStringList m_favourites;
    bool m_restInFlight = false; ///< a REST read (request + decoding) is under way
    int m_restIntervalMs = 5000;
    int m_restCurrentMs = 5000; ///< with backoff
    int m_confirmTimeoutMs = 10000;
    bool m_started = false;
};

} // namespace hlc
