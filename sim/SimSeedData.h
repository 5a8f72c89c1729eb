#pragma once

#include <QByteArray>
#include <QString>

namespace hlc::sim {

/**
 * @brief The seed data file @p name of sim/data/, embedded in the simulator at :/sim/data/.
 *
 * The seed (hosts, guests, agents, presets, ...) is data, not code; the classes that animate it read it from here
 * once at start. A missing file is a broken build, never a runtime condition: it stops the program with a message.
 */
QByteArray seedData(const QString& name);

} // namespace hlc::sim
