// Home Assistant: REST states, error messages, and every WebSocket message type (auth_required/ok/invalid, result,
// event, pong) read as each kind the client can expect for an id (get_states, subscribe_entities events with their
// compressed diffs, state_changed events, entity and area registries). The last selector is a session: lines of
// messages, the first a full get_states dump, the rest subscribe_entities diffs applied to the entities as the app
// applies them (HomeAssistantLink::applyDelta).
#include "FuzzTarget.h"
#include "homeassistant/HomeAssistantParser.h"

#include <QHash>

HLC_FUZZ_SELECTORS(9)

namespace {
using hlc::ha::Expect;

void session(const QByteArray& body)
{
    QHash<QString, hlc::ha::EntityState> entities;
    bool first = true;
    for (const QByteArray& line : body.split('\n')) {
        const auto m = hlc::ha::parser::message(line, [first](int, bool event) {
            return first ? Expect::States : (event ? Expect::EntitiesEvent : Expect::Nothing);
        });
        hlc::fuzz::check(m);
        first = false;
        if (!m.ok() || !m.value().hasDelta)
            continue;
        const hlc::ha::EntityDelta& d = m.value().delta;
        if (d.full)
            entities.clear();
        for (const hlc::ha::EntityState& s : d.changed)
            entities.insert(s.entityId, s);
        for (const hlc::ha::EntityPatch& p : d.patches) {
            auto it = entities.find(p.entityId);
            if (it != entities.end())
                p.applyTo(*it);
        }
        for (const QString& id : d.removed)
            entities.remove(id);
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc::ha::parser;
    const auto in = hlc::fuzz::split(data, size, 9);
    static const Expect kinds[] = {Expect::Nothing,           Expect::States,         Expect::EntitiesEvent,
                                   Expect::StateChangedEvent, Expect::EntityRegistry, Expect::AreaRegistry};
    switch (in.selector) {
    case 0:
        hlc::fuzz::check(states(in.body));
        break;
    case 1:
        (void)errorMessage(in.body);
        break;
    case 2:
        session(in.body);
        break;
    default: {
        const Expect kind = kinds[in.selector - 3];
        hlc::fuzz::check(message(in.body, [kind](int, bool) { return kind; }));
        break;
    }
    }
    return 0;
}
