#pragma once

#include <QString>

namespace hlc::format {

/// 1536 -> "1.5 KiB", binary units as Proxmox shows them.
QString bytes(double bytes);
/// 93784 -> "1 d 2 h", 3720 -> "1 h 2 min", 42 -> "42 s".
QString duration(qint64 seconds);
/// 0.4567 -> "45.7 %".
QString percent(double ratio);
/// "12 s ago", "3 min ago".
QString ago(qint64 seconds);

} // namespace hlc::format
