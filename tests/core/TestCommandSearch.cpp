// The command palette's fuzzy matcher: subsequence matching, and a ranking in which word starts and consecutive
// letters beat scattered letters.
#include "core/CommandSearch.h"

#include "TestUtil.h"

#include <QStandardPaths>
#include <QTest>

using namespace hlc;

class TestCommandSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void matches_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("match");
        QTest::newRow("empty") << QString() << QStringLiteral("Anything") << true;
        QTest::newRow("prefix") << QStringLiteral("sta") << QStringLiteral("Start stack media") << true;
        QTest::newRow("case") << QStringLiteral("STACK") << QStringLiteral("Start stack media") << true;
        QTest::newRow("subsequence") << QStringLiteral("ssm") << QStringLiteral("Start stack media") << true;
        QTest::newRow("spaces ignored") << QStringLiteral("st med") << QStringLiteral("Start stack media") << true;
        QTest::newRow("order matters") << QStringLiteral("mst") << QStringLiteral("Start stack media") << false;
        QTest::newRow("missing letter") << QStringLiteral("stx") << QStringLiteral("Start stack media") << false;
        QTest::newRow("longer than text") << QStringLiteral("abcdef") << QStringLiteral("abc") << false;
        QTest::newRow("umlaut") << QStringLiteral("über") << QStringLiteral("Über den Host") << true;
    }
    void matches()
    {
        QFETCH(QString, query);
        QFETCH(QString, text);
        QFETCH(bool, match);
        QCOMPARE(CommandSearch::score(query, text).has_value(), match);
    }

    void ranking_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<QString>("best");
        QTest::newRow("word starts beat inner letters")
            << QStringLiteral("rc") << QStringLiteral("Directory scan|Restart container nginx").split(u'|')
            << QStringLiteral("Restart container nginx");
        QTest::newRow("consecutive beat scattered")
            << QStringLiteral("stop") << QStringLiteral("Start the tank of pumps|Stop guest 101").split(u'|')
            << QStringLiteral("Stop guest 101");
        QTest::newRow("earlier start wins")
            << QStringLiteral("alerts") << QStringLiteral("Go to tab: Alerts|Alerts tab").split(u'|')
            << QStringLiteral("Alerts tab");
        QTest::newRow("camel case word start")
            << QStringLiteral("ha") << QStringLiteral("Toggle lamp (what)|Go to HomeAssistant").split(u'|')
            << QStringLiteral("Go to HomeAssistant");
        QTest::newRow("host name") << QStringLiteral("hostb")
                                   << QStringLiteral("Reboot VM 101 on Host A|Go to host: Host B").split(u'|')
                                   << QStringLiteral("Go to host: Host B");
    }
    void ranking()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, texts);
        QFETCH(QString, best);
        const QList<int> order = CommandSearch::rank(query, texts);
        QVERIFY(!order.isEmpty());
        QCOMPARE(texts.at(order.first()), best);
        hlc::test::evidence(QStringLiteral("'%1' ranks '%2' first (score %3 vs %4)")
                                .arg(query, best)
                                .arg(*CommandSearch::score(query, best))
                                .arg(order.size() > 1
                                         ? QString::number(*CommandSearch::score(query, texts.at(order.at(1))))
                                         : QStringLiteral("-")));
    }

    void rankDropsNonMatchesAndKeepsOrderOfEquals()
    {
        const QStringList texts{QStringLiteral("Alpha one"), QStringLiteral("Beta"), QStringLiteral("Alpha two")};
        QCOMPARE(CommandSearch::rank(QStringLiteral("alpha"), texts), (QList<int>{0, 2}));
        QCOMPARE(CommandSearch::rank(QString(), texts), (QList<int>{0, 1, 2}));
        QVERIFY(CommandSearch::rank(QStringLiteral("zzz"), texts).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCommandSearch)
#include "TestCommandSearch.moc"
