// Status colours come from one place and follow the palette: every role reads well (WCAG contrast) on the window
// background of a light and of a dark palette, and the tinted banners keep their text readable.
#include "core/StatusColors.h"

#include <QApplication>
#include <QLabel>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>

using namespace hlc;
using Role = StatusColors::Role;

Q_DECLARE_METATYPE(hlc::StatusColors::Role)

namespace {
QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::WindowText, QColor(0x00, 0x00, 0x00));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Text, QColor(0x00, 0x00, 0x00));
    return p;
}

const QList<Role> kRoles{Role::Ok, Role::Warning, Role::Critical, Role::Stale, Role::Unknown, Role::Info};

QColor styleColor(const QString& css)
{
    const int at = css.indexOf(QLatin1String("color: #"));
    return at < 0 ? QColor() : QColor(css.mid(at + 7, 7));
}
} // namespace

class TestStatusColors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { QApplication::setPalette(QApplication::style()->standardPalette()); }

    void rolesAreReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void rolesAreReadable()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : lightPalette());
        const QPalette p = QApplication::palette();
        QCOMPARE(StatusColors::isDark(), dark);
        const QColor window = p.color(QPalette::Window);
        for (Role r : kRoles) {
            const QColor c = StatusColors::color(r);
            const double contrast = StatusColors::contrast(c, window);
            QVERIFY2(contrast >= StatusColors::kMinContrast,
                     qPrintable(QStringLiteral("role %1: %2 on %3 has contrast %4")
                                    .arg(int(r))
                                    .arg(c.name(), window.name())
                                    .arg(contrast)));
            // A label styled with the role gets exactly that colour.
            QCOMPARE(styleColor(StatusColors::labelStyle(r)), c);
            // Tinted boxes keep the palette's text readable on their background.
            const double boxContrast =
                StatusColors::contrast(p.color(QPalette::WindowText), StatusColors::background(r));
            QVERIFY2(boxContrast >= StatusColors::kMinContrast, qPrintable(QString::number(boxContrast)));
        }
        // The colours still say different things.
        QVERIFY(StatusColors::color(Role::Ok) != StatusColors::color(Role::Critical));
        QVERIFY(StatusColors::color(Role::Warning) != StatusColors::color(Role::Critical));
        QVERIFY(StatusColors::color(Role::Critical).hslHue() < 20 ||
                StatusColors::color(Role::Critical).hslHue() > 340);
        QVERIFY(qAbs(StatusColors::color(Role::Ok).hslHue() - 120) < 30);
    }

    void darkPaletteGivesLighterColours()
    {
        for (Role r : {Role::Ok, Role::Warning, Role::Critical}) {
            const QColor light = StatusColors::color(r, lightPalette());
            const QColor dark = StatusColors::color(r, darkPalette());
            QVERIFY2(dark.lightnessF() > light.lightnessF(), qPrintable(light.name() + QLatin1Char(' ') + dark.name()));
            // The light palette's colour would be hard to read on the dark window: that is why it changes.
            QVERIFY(StatusColors::contrast(light, darkPalette().color(QPalette::Window)) <
                    StatusColors::contrast(dark, darkPalette().color(QPalette::Window)));
        }
    }

    void contrastFormula()
    {
        QCOMPARE(qRound(StatusColors::contrast(Qt::black, Qt::white)), 21);
        QCOMPARE(StatusColors::contrast(Qt::red, Qt::red), 1.0);
    }

    void styledLabelFollowsTheDarkPalette()
    {
        QApplication::setPalette(darkPalette());
        QLabel label(QStringLiteral("unreachable"));
        label.setStyleSheet(StatusColors::labelStyle(Role::Critical));
        label.ensurePolished();
        const QColor shown = label.palette().color(QPalette::WindowText);
        QVERIFY2(StatusColors::contrast(shown, darkPalette().color(QPalette::Window)) >= StatusColors::kMinContrast,
                 qPrintable(shown.name()));
    }
};

QTEST_MAIN(TestStatusColors)
#include "TestStatusColors.moc"
