#include "core/StatusColors.h"

#include <cmath>

namespace hlc {

namespace {
double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

/// The role's base colour for a light background; invalid means grey (made from the palette).
QColor baseColor(StatusColors::Role role)
{
    switch (role) {
    case StatusColors::Role::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case StatusColors::Role::Warning:
        return QColor(0xb2, 0x6a, 0x00);
    case StatusColors::Role::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case StatusColors::Role::Info:
        return QColor(0x15, 0x65, 0xc0);
    case StatusColors::Role::Stale:
    case StatusColors::Role::Unknown:
        break;
    }
    return {};
}
} // namespace

double StatusColors::contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool StatusColors::isDark(const QPalette& palette)
{
    return luminance(palette.color(QPalette::Window)) < luminance(palette.color(QPalette::WindowText));
}

QColor StatusColors::color(Role role, const QPalette& palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    QColor c = baseColor(role);
    if (!c.isValid()) {
        // Grey between text and background: stale is a little stronger than unknown.
        c = mix(text, window, role == Role::Stale ? 0.35 : 0.45);
    } else if (isDark(palette)) {
        // The same hue, light enough for a dark background.
        c = QColor::fromHslF(c.hslHueF(), std::min(1.0F, c.hslSaturationF()), 0.68F);
    }
    // Move towards the window text (lighter on dark, darker on light) until it reads well.
    for (int i = 0; i < 20 && contrast(c, window) < kMinContrast; ++i)
        c = mix(c, text, 0.15);
    return QColor(c.rgb()); // 8-bit channels: exactly what a style sheet or a brush shows
}

QColor StatusColors::background(Role role, const QPalette& palette)
{
    return QColor(mix(palette.color(QPalette::Window), color(role, palette), isDark(palette) ? 0.22 : 0.12).rgb());
}

QColor StatusColors::border(Role role, const QPalette& palette)
{
    return QColor(mix(palette.color(QPalette::Window), color(role, palette), 0.5).rgb());
}

QString StatusColors::labelStyle(Role role, const QPalette& palette)
{
    return QStringLiteral("color: %1;").arg(color(role, palette).name());
}

QString StatusColors::tintStyle(Role role, const QPalette& palette)
{
    return QStringLiteral("background: %1; color: %2; border: 1px solid %3; border-radius: 4px; padding: 4px;")
        .arg(background(role, palette).name(), palette.color(QPalette::WindowText).name(),
             border(role, palette).name());
}

QColor StatusColors::iconColor(Role role)
{
    switch (role) {
    case Role::Ok:
        return QColor(0x2e, 0x8b, 0x57);
    case Role::Warning:
        return QColor(0xe5, 0xa5, 0x0a);
    case Role::Critical:
        return QColor(0xc0, 0x1c, 0x28);
    case Role::Info:
        return QColor(0x1c, 0x71, 0xd8);
    case Role::Stale:
    case Role::Unknown:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QString StatusColors::bannerStyle(const QString& objectName, Role role, const QPalette& palette)
{
    // The text stays the palette's own window text: on the faint tint it keeps the palette's contrast.
    return QStringLiteral("#%1 { background: %2; border: 1px solid %3; border-radius: 4px; }"
                          "#%1 QLabel { color: %4; }")
        .arg(objectName, background(role, palette).name(), border(role, palette).name(),
             palette.color(QPalette::WindowText).name());
}

} // namespace hlc
