// The translations as the user meets them: the language preference picks the German or English .qm embedded in the
// build, real windows (main window, welcome page, the overview of the demo, settings, host editor) come out German,
// every message of the .ts files is finished with the placeholders of its source, no source string is missing from
// them, and English plural forms read "1 entity". HLC_TRANSLATION_SCREENSHOT_DIR=dir saves the German overview and
// settings dialog there (docs/overview-de.png, docs/settings-de.png in the README).
#include "TestUtil.h"

#include "AppSession.h"
#include "AppShell.h"
#include "core/AppPreferences.h"
#include "core/ConfigStore.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/UiLanguage.h"
#include "core/WelcomePage.h"
#include "settings/SettingsDialog.h"
#include "setup/HostSetupDialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace hlc;
using hlc::test::waitFor;

namespace {

/// One message of a .ts file.
struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;      ///< the translation's type attribute: "" when finished, else unfinished/vanished/obsolete
    QStringList forms; ///< the translation (numerus: one per form)
};

QList<TsMessage> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << m;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            m = TsMessage{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!m.numerus)
                m.forms << xml.readElementText();
        } else if (xml.name() == QLatin1String("numerusform")) {
            m.forms << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(?:[1-9]|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured());
    return out;
}

QString tsPath(const char* lang)
{
    return QStringLiteral(HLC_SOURCE_DIR "/translations/homelab-control_%1.ts").arg(QLatin1String(lang));
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QNetworkAccessManager m_nam;
    QTranslator m_app;
    QTranslator m_qt;

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QStandardPaths::setTestModeEnabled(true);
    }

    // What main() does: the preference (the settings' language combo) -> UiLanguage::choose -> the .qm installed.
    void preferencePicksTranslation()
    {
        AppPreferences::setLanguage(QStringLiteral("de"));
        QCOMPARE(UiLanguage::choose(AppPreferences::language(), {QStringLiteral("en-US")}), QStringLiteral("de"));
        AppPreferences::setLanguage(QStringLiteral("en"));
        QCOMPARE(UiLanguage::choose(AppPreferences::language(), {QStringLiteral("de-DE")}), QStringLiteral("en"));
        AppPreferences::setLanguage(QStringLiteral("system"));
        QCOMPARE(UiLanguage::choose(AppPreferences::language(), {QStringLiteral("de-AT"), QStringLiteral("de")}),
                 QStringLiteral("de"));
        QCOMPARE(UiLanguage::choose(AppPreferences::language(), {QStringLiteral("fr-FR"), QStringLiteral("de-DE")}),
                 QStringLiteral("de"));
        // A language we do not have: English, whose plural forms read right ("1 entity").
        QCOMPARE(UiLanguage::choose(AppPreferences::language(), {QStringLiteral("fr-FR")}), QStringLiteral("en"));
        QCOMPARE(UiLanguage::choose(AppPreferences::language(), {}), QStringLiteral("en"));

        // The General settings page's combo writes the preference main() reads at the next start.
        {
            SettingsDialog dialog{Config{}};
            auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
            QVERIFY(combo);
            combo->setCurrentIndex(combo->findData(QStringLiteral("de")));
            dialog.accept();
        }
        QCOMPARE(AppPreferences::language(), QStringLiteral("de"));
        const QString code = UiLanguage::choose(AppPreferences::language(), QLocale::system().uiLanguages());
        QCOMPARE(code, QStringLiteral("de"));
        QVERIFY(UiLanguage::install(code, &m_app, &m_qt));
        QVERIFY(!m_app.isEmpty());
        QCOMPARE(m_app.language(), QStringLiteral("de"));
        hlc::test::evidence(QStringLiteral("settings language \"de\" -> UiLanguage::choose -> %1 loaded (%2)")
                                .arg(code, UiLanguage::qmPath(code)));
    }

    void windowsAreGerman()
    {
        QVERIFY(!m_app.isEmpty());
        SecretStore secrets;
        secrets.setSessionOnly(true);
        AppSession session(&secrets, &m_nam);
        session.openDefaultConfig();
        QCOMPARE(session.mode(), AppSession::Mode::FirstRun);
        MainWindow window(session.homelab());
        shell::connectWindow(&session, &window);
        window.resize(1280, 800);
        window.show();

        QStringList menus;
        for (QAction* a : window.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus,
                 (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"), QStringLiteral("&Ansicht"),
                              QStringLiteral("&Aktionen"), QStringLiteral("&Hilfe")}));
        QCOMPARE(window.findChild<QAction*>(QStringLiteral("addHostAction"))->text(),
                 QStringLiteral("Host &hinzufügen…"));
        QCOMPARE(window.findChild<QAction*>(QStringLiteral("settingsAction"))->text(),
                 QStringLiteral("&Einstellungen…"));
        WelcomePage* welcome = window.welcomePage();
        QVERIFY(welcome);
        QCOMPARE(welcome->findChild<QLabel*>(QStringLiteral("welcomeTitle"))->text(),
                 QStringLiteral("Willkommen bei Homelab Control Center"));
        QCOMPARE(welcome->findChild<QPushButton*>(QStringLiteral("exploreDemoButton"))->text(),
                 QStringLiteral("Demo-Homelab erkunden"));
        QCOMPARE(welcome->findChild<QPushButton*>(QStringLiteral("addFirstHostButton"))->text(),
                 QStringLiteral("Meinen ersten Host hinzufügen"));

        // The demo's overview and tabs.
        welcome->findChild<QPushButton*>(QStringLiteral("exploreDemoButton"))->click();
        QVERIFY(waitFor([&session] { return session.mode() == AppSession::Mode::Demo; }));
        QVERIFY(waitFor([&window] { return window.allPanelsHaveData(); }, 30000));
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        QStringList tabTexts;
        for (int i = 0; i < tabs->count(); ++i)
            tabTexts << tabs->tabText(i);
        for (const char* german : {"Übersicht", "Alarme", "GPU / LLM", "Agenten", "Audit-Log"})
            QVERIFY2(tabTexts.contains(QString::fromUtf8(german)), qPrintable(tabTexts.join(QLatin1String(", "))));
        QTest::qWait(500); // one more repaint with live numbers for the screenshot (not asserted)
        const QString shots = qEnvironmentVariable("HLC_TRANSLATION_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QVERIFY(window.grab().save(shots + QStringLiteral("/overview-de.png")));

        // Settings: page titles, the language combo, Qt's own standard buttons (qtbase_de).
        SettingsDialog settings(session.homelab()->config());
        QCOMPARE(settings.windowTitle(), QStringLiteral("Einstellungen"));
        QStringList pages;
        auto* list = settings.findChild<QListWidget*>(QStringLiteral("settingsPageList"));
        for (int i = 0; i < list->count(); ++i)
            pages << list->item(i)->text();
        QCOMPARE(pages, (QStringList{QStringLiteral("Allgemein"), QStringLiteral("Benachrichtigungen"),
                                     QStringLiteral("Zustandsprüfungen"), QStringLiteral("n8n-Webhooks"),
                                     QStringLiteral("Hosts"), QStringLiteral("Wartung")}));
        QCOMPARE(settings.findChild<QComboBox*>(QStringLiteral("languageCombo"))->itemText(0),
                 QStringLiteral("Systemsprache"));
        QCOMPARE(settings.findChild<QLabel*>(QStringLiteral("languageNote"))->text(),
                 QStringLiteral("Eine neue Sprache gilt ab dem nächsten Start."));
        QCOMPARE(settings.findChild<QPushButton*>(QStringLiteral("settingsCancelButton"))->text(),
                 QStringLiteral("Abbrechen"));
        if (!shots.isEmpty()) {
            settings.resize(900, 620);
            settings.show();
            QCoreApplication::processEvents();
            QVERIFY(settings.grab().save(shots + QStringLiteral("/settings-de.png")));
        }

        // The host editor.
        HostSetupDialog editor(Config{}, &secrets, &m_nam);
        QCOMPARE(editor.windowTitle(), QStringLiteral("Host hinzufügen"));
        QCOMPARE(editor.findChild<QPushButton*>(QStringLiteral("discoverButton"))->text(),
                 QStringLiteral("Dienste suchen"));
        QCOMPARE(editor.findChild<QLineEdit*>(QStringLiteral("hostAddressEdit"))->placeholderText(),
                 QStringLiteral("IP-Adresse oder Hostname, z. B. 192.168.1.10"));

        // A plural message in German.
        QCOMPARE(QCoreApplication::translate("hlc::HomeAssistantView", "%n entities", nullptr, 1),
                 QStringLiteral("1 Entität"));
        QCOMPARE(QCoreApplication::translate("hlc::HomeAssistantView", "%n entities", nullptr, 12),
                 QStringLiteral("12 Entitäten"));
        hlc::test::evidence(QStringLiteral("German UI: menus %1; tabs %2; settings pages %3; welcome page, host editor "
                                           "and Qt's \"Abbrechen\" German")
                                .arg(menus.join(QLatin1String(" ")), tabTexts.join(QLatin1String(", ")),
                                     pages.join(QLatin1String(", "))));
    }

    void englishPluralForms()
    {
        QTranslator en;
        QVERIFY(en.load(UiLanguage::qmPath(QStringLiteral("en"))));
        QCoreApplication::removeTranslator(&m_app);
        QCoreApplication::installTranslator(&en);
        const QString one = QCoreApplication::translate("hlc::HomeAssistantView", "%n entities", nullptr, 1);
        const QString many = QCoreApplication::translate("hlc::HomeAssistantView", "%n entities", nullptr, 7);
        const QString hour = QCoreApplication::translate("hlc::AdGuardMonitor", "for %n hours", nullptr, 1);
        const QString hours = QCoreApplication::translate("hlc::AdGuardMonitor", "for %n hours", nullptr, 2);
        const QString plain = QCoreApplication::translate("hlc::MainWindow", "&File"); // not in the English file
        QCoreApplication::removeTranslator(&en);
        QCoreApplication::installTranslator(&m_app);
        QCOMPARE(one, QStringLiteral("1 entity"));
        QCOMPARE(many, QStringLiteral("7 entities"));
        QCOMPARE(hour, QStringLiteral("for 1 hour"));
        QCOMPARE(hours, QStringLiteral("for 2 hours"));
        QCOMPARE(plain, QStringLiteral("&File"));
        hlc::test::evidence(QStringLiteral("English: \"%1\", \"%2\", \"%3\", \"%4\"").arg(one, many, hour, hours));
    }

    // Every message finished, with the placeholders of its source; the English file holds the plural messages only.
    void tsFilesComplete()
    {
        for (const char* lang : {"de", "en"}) {
            QString error;
            const QList<TsMessage> messages = readTs(tsPath(lang), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(!messages.isEmpty());
            int finished = 0, plural = 0;
            for (const TsMessage& m : messages) {
                const QString where = QStringLiteral("%1 %2: \"%3\"").arg(QLatin1String(lang), m.context, m.source);
                QVERIFY2(m.type.isEmpty(), qPrintable(where + QStringLiteral(" is ") + m.type +
                                                      QStringLiteral(" (scripts/update-translations lists it)")));
                QVERIFY2(m.forms.size() == (m.numerus ? 2 : 1), qPrintable(where));
                if (QLatin1String(lang) == QLatin1String("en"))
                    QVERIFY2(m.numerus, qPrintable(where + QStringLiteral(": only plural messages belong here")));
                for (const QString& form : m.forms) {
                    QVERIFY2(!form.isEmpty(), qPrintable(where + QStringLiteral(" has an empty translation")));
                    QVERIFY2(placeholders(form) == placeholders(m.source),
                             qPrintable(where + QStringLiteral(" -> \"") + form +
                                        QStringLiteral("\": not the same placeholders")));
                    QVERIFY2(form.startsWith(QLatin1Char(' ')) == m.source.startsWith(QLatin1Char(' ')) &&
                                 form.endsWith(QLatin1Char(' ')) == m.source.endsWith(QLatin1Char(' ')),
                             qPrintable(where + QStringLiteral(": leading/trailing space differs")));
                }
                if (!m.numerus)
                    QVERIFY2(m.source.count(QLatin1Char('&')) == m.forms.first().count(QLatin1Char('&')),
                             qPrintable(where + QStringLiteral(": accelerator & missing")));
                ++finished;
                plural += m.numerus ? 1 : 0;
            }
            hlc::test::evidence(QStringLiteral("%1 of %2 %3 messages translated (%4 plural), placeholders "
                                               "match their sources")
                                    .arg(finished)
                                    .arg(messages.size())
                                    .arg(QLatin1String(lang == QLatin1String("de") ? "German" : "English"))
                                    .arg(plural));
        }
    }

    // lupdate over the sources into a copy of each .ts: nothing new, nothing vanished, nothing changed.
    void tsFilesMatchTheSources()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char* lang : {"de", "en"}) {
            const QString copy = dir.filePath(QFileInfo(tsPath(lang)).fileName());
            QVERIFY(QFile::copy(tsPath(lang), copy));
            QStringList args{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none")};
            if (QLatin1String(lang) == QLatin1String("en"))
                args << QStringLiteral("-pluralonly");
            args << QStringLiteral("app") << QStringLiteral("widgets") << QStringLiteral("clients")
                 << QStringLiteral("-ts") << copy;
            QProcess lupdate;
            lupdate.setWorkingDirectory(QStringLiteral(HLC_SOURCE_DIR));
            lupdate.start(QStringLiteral(HLC_LUPDATE), args);
            QVERIFY(lupdate.waitForFinished(120000));
            QCOMPARE(lupdate.exitCode(), 0);
            QFile a(tsPath(lang)), b(copy);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            const QByteArray before = a.readAll(), after = b.readAll();
            QVERIFY2(
                before == after,
                qPrintable(QStringLiteral("translations/homelab-control_%1.ts is out of date with the sources: run "
                                          "scripts/update-translations and translate what it lists")
                               .arg(QLatin1String(lang))));
        }
        hlc::test::evidence("lupdate over app/ widgets/ clients/ leaves both .ts files unchanged");
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
