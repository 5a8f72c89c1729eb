// Every tab fits a real screen, in English and in German (German strings are long): the demo homelab at 1280x800 and
// 1920x1080, every tab shown in turn once its data is there, and then for each visible widget: no label, button,
// check box or group title is narrower than its text (a word-wrapped label is tall enough for its lines), every tab of
// the tab bar shows its whole title with its icon, and every table or tree has room for at least five rows.
// HLC_SCREENSHOT_DIR=dir saves every tab in both languages and sizes there for review (the README's pictures).
#include "TestUtil.h"

#include "AppSession.h"
#include "AppShell.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/UiLanguage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTranslator>
#include <QTreeView>

using namespace hlc;
using hlc::test::waitFor;

namespace {

QString describe(const QWidget* w)
{
    QString name = w->objectName();
    if (name.isEmpty()) {
        for (const QWidget* p = w->parentWidget(); p && name.isEmpty(); p = p->parentWidget())
            if (!p->objectName().isEmpty())
                name = QStringLiteral("in ") + p->objectName();
    }
    return QStringLiteral("%1 (%2)").arg(QString::fromLatin1(w->metaObject()->className()), name);
}

/// The text of @p w that must be readable whole, or "" when it has none (or says it is elided on purpose: the full
/// text is then in its tooltip).
QString textOf(const QWidget* w)
{
    QString text;
    if (const auto* label = qobject_cast<const QLabel*>(w))
        text = label->text();
    else if (const auto* button = qobject_cast<const QAbstractButton*>(w))
        text = button->text();
    else if (const auto* box = qobject_cast<const QGroupBox*>(w))
        text = box->title();
    if (text.endsWith(QChar(0x2026)) && !w->toolTip().isEmpty())
        return {};
    return text;
}

/// What is clipped among the visible widgets under @p root: one line per widget.
QStringList clippedIn(QWidget* root)
{
    QStringList out;
    const auto widgets = root->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisible() || w->width() <= 0)
            continue;
        const QString text = textOf(w);
        if (text.trimmed().isEmpty())
            continue;
        if (const auto* label = qobject_cast<const QLabel*>(w)) {
            if (label->wordWrap()) {
                const int needed = label->heightForWidth(label->width());
                if (needed > label->height() + 1)
                    out << QStringLiteral("%1 \"%2\": %3 px tall, its lines need %4")
                               .arg(describe(w), text.left(60))
                               .arg(label->height())
                               .arg(needed);
                continue;
            }
        }
        const int needed = qobject_cast<const QGroupBox*>(w) ? w->minimumSizeHint().width() : w->sizeHint().width();
        if (needed > w->width() + 1)
            out << QStringLiteral("%1 \"%2\": %3 px wide, its text needs %4")
                       .arg(describe(w), text.left(60))
                       .arg(w->width())
                       .arg(needed);
    }
    return out;
}

/// The rows a view has room for.
int rowsShown(QAbstractItemView* view)
{
    int rowHeight = 0;
    if (auto* table = qobject_cast<QTableView*>(view))
        rowHeight = table->verticalHeader()->defaultSectionSize();
    else if (view->model() && view->model()->rowCount() > 0)
        rowHeight = view->sizeHintForRow(0);
    if (rowHeight <= 0)
        rowHeight = view->fontMetrics().height() + 6;
    return view->viewport()->height() / rowHeight;
}

/// Cells cut short in a column that could have been wider: every column but the stretching one (which holds free
/// text) shows the whole text of its first rows.
QStringList cutCellsIn(QTableView* view)
{
    QStringList out;
    QAbstractItemModel* model = view->model();
    QHeaderView* header = view->horizontalHeader();
    if (!model)
        return out;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (header->isSectionHidden(c) || header->sectionResizeMode(c) == QHeaderView::Stretch ||
            (c == model->columnCount() - 1 && header->stretchLastSection()))
            continue;
        for (int r = 0; r < std::min(model->rowCount(), 20); ++r) {
            const QModelIndex index = model->index(r, c);
            const QString text = index.data(Qt::DisplayRole).toString();
            const int needed = view->fontMetrics().horizontalAdvance(text) + 6;
            if (!text.isEmpty() && !text.contains(QLatin1Char('\n')) && needed > header->sectionSize(c)) {
                out << QStringLiteral("%1 column \"%2\": \"%3\" is cut (%4 px of %5)")
                           .arg(describe(view), model->headerData(c, Qt::Horizontal).toString(), text)
                           .arg(header->sectionSize(c))
                           .arg(needed);
                break;
            }
        }
    }
    return out;
}

} // namespace

class TestTabLayouts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QNetworkAccessManager m_nam;
    QTranslator m_app;
    QTranslator m_qt;
    int m_tabsChecked = 0;
    int m_widgetsChecked = 0;
    int m_viewsChecked = 0;
    int m_iconsChecked = 0;
    hlc::test::PassTally m_tally;

    void checkWindow(const QString& language, const QSize& size)
    {
        SecretStore secrets;
        secrets.setSessionOnly(true);
        AppSession session(&secrets, &m_nam);
        QString why;
        QVERIFY2(session.startDemo(&why), qPrintable(why));
        MainWindow window(session.homelab());
        shell::connectWindow(&session, &window);
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(waitFor([&window] { return window.allPanelsHaveData(); }, 30000));
        QCOMPARE(window.size(), size);

        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        const QString shots = qEnvironmentVariable("HLC_SCREENSHOT_DIR");
        const QString sizeName = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        QStringList problems;

        // Every tab has its icon (the theme's or the bundled SVG), drawn.
        for (int i = 0; i < tabs->count(); ++i) {
            const QImage icon = tabs->tabIcon(i).pixmap(16, 16).toImage();
            bool drawn = false;
            for (int y = 0; y < icon.height() && !drawn; ++y)
                for (int x = 0; x < icon.width() && !drawn; ++x)
                    drawn = qAlpha(icon.pixel(x, y)) > 0;
            if (!drawn)
                problems << QStringLiteral("tab \"%1\" has no icon").arg(tabs->tabText(i));
        }
        ++m_iconsChecked;

        // The tab bar shows every title whole.
        QTabBar* bar = tabs->tabBar();
        for (int i = 0; i < tabs->count(); ++i) {
            const QRect r = bar->tabRect(i);
            const int textWidth = bar->fontMetrics().horizontalAdvance(tabs->tabText(i).remove(QLatin1Char('&')));
            if (r.right() > bar->width() || r.width() < textWidth)
                problems << QStringLiteral("tab \"%1\" is cut: %2 px shown of %3")
                                .arg(tabs->tabText(i))
                                .arg(std::min(r.width(), bar->width() - r.left()))
                                .arg(textWidth);
        }

        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QWidget* page = tabs->currentWidget();
            // Let the tab's own data arrive: its views fill (some stay empty by design: not asserted here).
            waitFor(
                [page] {
                    const auto views = page->findChildren<QAbstractItemView*>();
                    for (QAbstractItemView* v : views)
                        if (v->isVisible() && v->model() && v->model()->rowCount() == 0)
                            return false;
                    return true;
                },
                3000);
            QCoreApplication::processEvents();

            const QString tabName = tabs->tabText(i).remove(QLatin1Char('&'));
            for (const QString& p : clippedIn(page))
                problems << tabName + QStringLiteral(": ") + p;
            m_widgetsChecked += page->findChildren<QWidget*>().size();

            if (size.height() >= 800) {
                const auto views = page->findChildren<QAbstractItemView*>();
                for (QAbstractItemView* v : views) {
                    if (!v->isVisible() || qobject_cast<QHeaderView*>(v) || v->inherits("QListView"))
                        continue;
                    ++m_viewsChecked;
                    if (auto* table = qobject_cast<QTableView*>(v))
                        for (const QString& p : cutCellsIn(table))
                            problems << tabName + QStringLiteral(": ") + p;
                    const int rows = rowsShown(v);
                    if (rows < 5)
                        problems << QStringLiteral("%1: %2 has room for %3 rows, wants 5")
                                        .arg(tabName, describe(v))
                                        .arg(rows);
                }
            }
            if (!shots.isEmpty()) {
                QString file = QStringLiteral("%1/tab-%2-%3-%4.png")
                                   .arg(shots, language, sizeName)
                                   .arg(i, 2, 10, QLatin1Char('0'));
                QVERIFY(window.grab().save(file));
            }
            ++m_tabsChecked;
        }
        // The window's own parts (menu bar, toolbar, attention bar, status bar) on the last tab.
        for (const QString& p : clippedIn(&window))
            if (!problems.contains(p))
                problems << QStringLiteral("window: ") + p;
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 at %2:\n  ").arg(language, sizeName) +
                                                problems.join(QStringLiteral("\n  "))));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QStandardPaths::setTestModeEnabled(true);
    }

    void english()
    {
        checkWindow(QStringLiteral("en"), QSize(1280, 800));
        checkWindow(QStringLiteral("en"), QSize(1920, 1080));
    }

    void german()
    {
        QVERIFY(UiLanguage::install(QStringLiteral("de"), &m_app, &m_qt));
        QCOMPARE(QCoreApplication::translate("hlc::MainWindow", "Overview"), QStringLiteral("Übersicht"));
        checkWindow(QStringLiteral("de"), QSize(1280, 800));
        checkWindow(QStringLiteral("de"), QSize(1920, 1080));
        QCoreApplication::removeTranslator(&m_app);
        QCoreApplication::removeTranslator(&m_qt);
    }

    void cleanup() { m_tally.count(); }

    void cleanupTestCase()
    {
        if (m_tally.allPassed() && m_tally.passed() == 2)
            hlc::test::evidence(
                QStringLiteral(
                    "tab layouts: %1 tabs in English and German at 1280x800 and 1920x1080, "
                    "%2 widgets checked for clipped text, %3 views with room for 5 rows, every tab with its icon")
                    .arg(m_tabsChecked)
                    .arg(m_widgetsChecked)
                    .arg(m_viewsChecked));
    }
};

QTEST_MAIN(TestTabLayouts)
#include "TestTabLayouts.moc"
