#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace hlc::ha {

/// The state of one entity (`light.kitchen`), as in `/api/states` and `get_states`, in compact form: of its
/// attributes only those the app shows or acts on are kept (a big install sends ~4 kB of attributes per entity,
/// effect lists and colour state the app never reads). Short repeated strings (states, units) are shared between
/// entities. Copies share their strings (Qt's implicit sharing), so the link and the model hold one state, not two.
struct EntityState
{
    /// The attribute keys kept (everything else is dropped while decoding).
    static constexpr const char* kFriendlyName = "friendly_name";
    static constexpr const char* kUnit = "unit_of_measurement";
    static constexpr const char* kLastTriggered = "last_triggered";

    QString entityId;
    QString state;
    QString name;              ///< attribute friendly_name; empty: none
    QString unitOfMeasurement; ///< attribute unit_of_measurement; empty: none
    QString lastTriggered;     ///< attribute last_triggered (automations) as sent; empty: none or null
    QDateTime lastChanged;     ///< when the state last changed (attributes-only updates keep it)
    QDateTime lastUpdated;

    [[nodiscard]] QString domain() const { return entityId.section(QLatin1Char('.'), 0, 0); }
    [[nodiscard]] QString friendlyName() const { return name.isEmpty() ? entityId : name; }
    [[nodiscard]] QString unit() const { return unitOfMeasurement; }
    /// The kept attribute @p key (one of the k* keys above); empty for any other key.
    [[nodiscard]] QString attribute(QStringView key) const
    {
        if (key == QLatin1String(kFriendlyName))
            return name;
        if (key == QLatin1String(kUnit))
            return unitOfMeasurement;
        if (key == QLatin1String(kLastTriggered))
            return lastTriggered;
        return {};
    }
    /// Sets the kept attribute @p key (an empty value removes it); false (nothing done) for a key not kept.
    bool setAttribute(QStringView key, const QString& value)
    {
        if (key == QLatin1String(kFriendlyName))
            name = value;
        else if (key == QLatin1String(kUnit))
            unitOfMeasurement = value;
        else if (key == QLatin1String(kLastTriggered))
            lastTriggered = value;
        else
            return false;
        return true;
    }
    bool operator==(const EntityState&) const = default;
};

/// A partial update of one entity (subscribe_entities "c" diffs): only what changed, of what EntityState keeps.
struct EntityPatch
{
    QString entityId;
    std::optional<QString> state;
    QList<std::pair<QString, QString>> setAttributes; ///< kept attributes set ("+": key, value as text)
    QStringList removeAttributes;                     ///< kept attributes removed ("-")
    QDateTime lastChanged;                            ///< invalid: unchanged
    QDateTime lastUpdated;                            ///< invalid: unchanged

    /// Applies this patch to @p s (the entity's current state): "+" first, then "-", as Home Assistant's frontend.
    void applyTo(EntityState& s) const
    {
        if (state)
            s.state = *state;
        for (const auto& [key, value] : setAttributes)
            s.setAttribute(key, value);
        for (const QString& k : removeAttributes)
            s.setAttribute(k, QString());
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
