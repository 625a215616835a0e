#include "authheader.h"
#include "sendresult.h"
#include "serverrefusals.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;

// The v4 server's answers are one table: findings quote it, and the sender recognises a server's
// X-Sentry-Error by it.
class TestServerRefusals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quoted_isStatusAndText_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("expected");
        QTest::addRow("no detail") << QByteArray("auth.invalid-header") << QString()
                                   << u"400 'Invalid auth header'"_s;
        QTest::addRow("detail") << QByteArray("auth.version") << u"4.0"_s
                                << u"400 'Client/server version mismatch: Unsupported protocol version (4.0)'"_s;
        QTest::addRow("detail left out") << QByteArray("body.decode") << QString()
                                         << u"403 'Bad data decoding request'"_s;
        QTest::addRow("python repr") << QByteArray("project.unknown") << QString()
                                     << u"400 'Invalid project_id'"_s;
    }
    void quoted_isStatusAndText()
    {
        QFETCH(QByteArray, code);
        QFETCH(QString, detail);
        QFETCH(QString, expected);
        QCOMPARE(ServerRefusals::quoted(code.constData(), detail), expected);
    }

    void authFindings_quoteTheTable()
    {
        const AuthHeader header = AuthHeader::parse(u"Sentry sentry_version=4.0, sentry_client=a/1, sentry_key=k, sentry_secret=s"_s);
        QVERIFY(!header.isValid());
        QVERIFY(header.findings().constFirst().message.contains(ServerRefusals::quoted("auth.version", u"4.0"_s)));
    }

    void sendResult_recognisesEachAnswerByTheTable_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<Verdict>("verdict");
        QTest::addRow("decode") << QByteArray("body.decode") << Verdict::InvalidData;
        QTest::addRow("reconstruct") << QByteArray("body.reconstruct") << Verdict::InvalidData;
        QTest::addRow("secret missing") << QByteArray("auth.secret-missing") << Verdict::AuthFailed;
        QTest::addRow("legacy project") << QByteArray("body.legacy-project") << Verdict::AuthFailed;
    }
    void sendResult_recognisesEachAnswerByTheTable()
    {
        QFETCH(QByteArray, code);
        QFETCH(Verdict, verdict);
        RawResponse response;
        response.status = ServerRefusals::row(code.constData()).status;
        const QByteArray text = ServerRefusals::text(code.constData(), u"ValueError, x"_s).toUtf8();
        response.headers = {{"X-Sentry-Error", text}};
        response.body = text;
        const SendResult result = SendResult::classify(response, QDateTime::currentDateTimeUtc());
        QCOMPARE(result.verdict, verdict);
        QVERIFY(!result.explanation.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerRefusals)
#include "tst_serverrefusals.moc"
