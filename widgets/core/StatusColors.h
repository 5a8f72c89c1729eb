#pragma once

#include <QApplication>
#include <QColor>
#include <QPalette>
#include <QString>

namespace hlc {

/**
 * @brief The one place for status colours (ok, warning, critical, stale, unknown), derived from the palette so
 * that they read well on light and dark window backgrounds alike.
 *
 * Each role has a hue (green, amber, red, blue; grey for stale and unknown); its lightness is chosen against the
 * palette's window colour until the text contrast reaches at least kMinContrast.
 */
class StatusColors
{
public:
    enum class Role
    {
        Ok,
        Warning,
        Critical,
        Stale,
        Unknown,
        Info, ///< busy / in progress: neither good nor bad
    };
    /// WCAG AA for large text and UI components; small status text is usually bold.
    static constexpr double kMinContrast = 4.5;

    /// The text colour of @p role on @p palette's window background.
    [[nodiscard]] static QColor color(Role role, const QPalette& palette = QApplication::palette());
    /// A faint background of @p role's hue for banners, and a border, on @p palette.
    [[nodiscard]] static QColor background(Role role, const QPalette& palette = QApplication::palette());
    [[nodiscard]] static QColor border(Role role, const QPalette& palette = QApplication::palette());
    /// "color: #rrggbb;" for a label's style sheet.
    [[nodiscard]] static QString labelStyle(Role role, const QPalette& palette = QApplication::palette());
    /// A style sheet for a message label shown as a tinted box: background, border, padding, readable text.
    [[nodiscard]] static QString tintStyle(Role role, const QPalette& palette = QApplication::palette());
    /// The saturated colour of @p role for icons drawn outside the window (tray): the same on every palette.
    [[nodiscard]] static QColor iconColor(Role role);
    /// A style sheet for a banner frame named @p objectName: tinted background, border, readable text.
    [[nodiscard]] static QString bannerStyle(const QString& objectName, Role role,
                                             const QPalette& palette = QApplication::palette());
    /// The WCAG contrast ratio of two colours (1 .. 21).
    [[nodiscard]] static double contrast(const QColor& a, const QColor& b);
    /// True when @p palette's window is dark (its text is lighter than its background).
    [[nodiscard]] static bool isDark(const QPalette& palette = QApplication::palette());
};

} // namespace hlc
