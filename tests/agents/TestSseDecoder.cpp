// The event stream's framing (SseDecoder): fields, comments, CRLF, multi-line data, any chunking, and its limits.
#include "TestUtil.h"

#include "agents/SseDecoder.h"

using namespace hlc::agents;

namespace {
QList<SseEvent> drain(SseDecoder& d)
{
    QList<SseEvent> out;
    while (auto e = d.next())
        out.append(*e);
    return out;
}

const QByteArray kStream = ": keep-alive\r\n"
                           "event: log\n"
                           "id: 1\n"
                           "data: {\"id\":1}\n"
                           "\n"
                           "data:first\r\n"
                           "data: second\n"
                           "retry: 1000\n"
                           "unknown: x\n"
                           "\r\n"
                           "id: 7\n"
                           "\n" // no data: no event
                           "data\n"
                           "\n" // a bare "data" field is empty data: no event
                           "id: 9\n"
                           "data: last\n"
                           "\n"
                           "data: incomplete\n";
} // namespace

class TestSseDecoder : public QObject
{
    Q_OBJECT

private slots:
    void fieldsCommentsAndLineEnds()
    {
        SseDecoder d;
        d.append(kStream);
        const QList<SseEvent> events = drain(d);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).data, QByteArray("{\"id\":1}"));
        QCOMPARE(events.at(0).name, QByteArray("log"));
        QCOMPARE(events.at(0).id, QByteArray("1"));
        QCOMPARE(events.at(1).data, QByteArray("first\nsecond"));
        QVERIFY(events.at(1).id.isEmpty());
        QCOMPARE(events.at(2).data, QByteArray("last"));
        QCOMPARE(events.at(2).id, QByteArray("9"));
        QVERIFY(!d.idle()); // "data: incomplete" waits for its blank line
        QCOMPARE(d.overflow(), SseDecoder::Overflow::None);
        d.reset();
        QVERIFY(d.idle());
    }

    void anyChunkingGivesTheSameEvents()
    {
        SseDecoder whole;
        whole.append(kStream);
        const QList<SseEvent> expected = drain(whole);
        for (qsizetype cut = 0; cut <= kStream.size(); ++cut) {
            SseDecoder d;
            d.append(kStream.left(cut));
            QList<SseEvent> got = drain(d);
            d.append(kStream.mid(cut));
            got += drain(d);
            QCOMPARE(got.size(), expected.size());
            for (qsizetype i = 0; i < got.size(); ++i)
                QCOMPARE(got.at(i).data, expected.at(i).data);
        }
        // Byte by byte, reading after each byte.
        SseDecoder d;
        QList<SseEvent> got;
        for (char c : kStream) {
            d.append(QByteArray(1, c));
            got += drain(d);
        }
        QCOMPARE(got.size(), expected.size());
        hlc::test::evidence(QStringLiteral("SSE framing: %1 chunkings of a %2-byte stream give the same %3 events")
                                .arg(kStream.size() + 2)
                                .arg(kStream.size())
                                .arg(expected.size()));
    }

    void readsOneEventAtATime()
    {
        SseDecoder d;
        d.append("data: a\n\ndata: b\n\n");
        const auto first = d.next();
        QVERIFY(first);
        QCOMPARE(first->data, QByteArray("a"));
        QVERIFY(!d.idle()); // "b" not read yet: the caller may stop here
        const auto second = d.next();
        QVERIFY(second);
        QCOMPARE(second->data, QByteArray("b"));
        QVERIFY(!d.next());
        QVERIFY(d.idle());
    }

    void lineLimit()
    {
        SseDecoder d({16, 1024});
        d.append("data: ok\n\n");
        d.append(QByteArray(17, 'x')); // no newline yet, already over the limit
        const auto e = d.next();
        QVERIFY(e);
        QCOMPARE(e->data, QByteArray("ok"));
        QVERIFY(!d.next());
        QCOMPARE(d.overflow(), SseDecoder::Overflow::Line);
        d.append("\n\ndata: ignored\n\n");
        QVERIFY(!d.next()); // stopped until reset
        d.reset();
        d.append("data: again\n\n");
        QCOMPARE(drain(d).size(), 1);
    }

    void eventLimit()
    {
        SseDecoder d({1024, 10});
        d.append("data: 12345\ndata: 1234\n\n"); // 5 + 1 + 4 = 10 bytes: at the limit
        QCOMPARE(drain(d).size(), 1);
        d.append("data: 12345\ndata: 12345\n\n"); // 11 bytes
        QVERIFY(!d.next());
        QCOMPARE(d.overflow(), SseDecoder::Overflow::Event);
        QVERIFY(d.idle()); // nothing kept of the refused event
    }
};

QTEST_GUILESS_MAIN(TestSseDecoder)
#include "TestSseDecoder.moc"
