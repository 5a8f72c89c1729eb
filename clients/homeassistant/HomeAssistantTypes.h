#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hlc::ha {

/// The state of one entity (`light.kitchen`), as in `/api/states` and `get_states`.
struct EntityState
{
    QString entityId;
    QString state;
    QJsonObject attributes;
    QDateTime lastChanged; ///< when the state last changed (attributes-only updates keep it)
    QDateTime lastUpdated;

    [[nodiscard]] QString domain() const { return entityId.section(QLatin1Char('.'), 0, 0); }
    [[nodiscard]] QString friendlyName() const
    {
        const QString n = attributes.value(QLatin1String("friendly_name")).toString();
        return n.isEmpty() ? entityId : n;
    }
    [[nodiscard]] QString unit() const { return attributes.value(QLatin1String("unit_of_measurement")).toString(); }
    bool operator==(const EntityState&) const = default;
};

/// A partial update of one entity (subscribe_entities "c" diffs): only what changed.
struct EntityPatch
{
    QString entityId;
    std::optional<QString> state;
    QJsonObject setAttributes;
    QStringList removeAttributes;
    QDateTime lastChanged; ///< invalid: unchanged
    QDateTime lastUpdated; ///< invalid: unchanged

    /// Applies this patch to @p s (the entity's current state).
    void applyTo(EntityState& s) const
    {
        if (state)
            s.state = *state;
        for (auto it = setAttributes.begin(); it != setAttributes.end(); ++it)
            s.attributes.insert(it.key(), it.value());
        for (const QString& k : removeAttributes)
            s.attributes.remove(k);
        if (lastChanged.isValid())
            s.lastChanged = lastChanged;
        if (lastUpdated.isValid())
            s.lastUpdated = lastUpdated;
    }
};

/// A change set pushed by the server: changed or added entities (full new state), patches, removed entity ids.
struct EntityDelta
{
    QList<EntityState> changed;
    QList<EntityPatch> patches;
    QStringList removed;
    /// True when `changed` is the complete set (initial dump after a (re)connect): entities not in it are gone.
    bool full = false;
};

/// Registry data used to group entities: entity id -> area id, area id -> area name.
struct Registry
{
    QHash<QString, QString> entityArea;
    QHash<QString, QString> areaNames;
};

/// One WebSocket message from Home Assistant, decoded.
struct WsMessage
{
    enum class Type
    {
        Other,
        AuthRequired,
        AuthOk,
        AuthInvalid,
        Result,
        Event,
        Pong
    };
    Type type = Type::Other;
    int id = 0;
    QString haVersion;
    bool success = false;
    QString errorCode;    ///< result with success=false
    QString errorMessage; ///< result error message or auth_invalid message
    /// What the payload held (decoded according to the kind the caller expected for this id).
    EntityDelta delta; ///< get_states result (full), subscribe_entities event, or a state_changed event
    bool hasDelta = false;
    Registry registry; ///< registry results
    bool hasRegistry = false;
};

/// What the caller expects as the payload of a message with a given id.
enum class Expect
{
    Nothing,
    States,
    EntitiesEvent,
    StateChangedEvent,
    EntityRegistry,
    AreaRegistry
};

} // namespace hlc::ha
