#include "dsnbreakdown.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using SentryUi::DsnBreakdown;
using Part = DsnBreakdown::Part;

namespace {
QString withoutBreaks(QString text)
{
    return text.remove(QChar(0x200B));
}
} // namespace

class TestDsnBreakdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Warnings were only readable by hovering a 16 px icon; errors were spelled out.
    void findings_areSpelledOutUnderTheirPart_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("part");
        QTest::addColumn<Sentry::Severity>("severity");
        QTest::addRow("warning: no secret") << u"https://pub@example.com/1"_s << u"secret"_s
                                            << Sentry::Severity::Warning;
        QTest::addRow("error: port typo") << u"https://pub:sec@example.com:90o0/1"_s << u"port"_s
                                          << Sentry::Severity::Error;
    }
    void findings_areSpelledOutUnderTheirPart()
    {
        QFETCH(QString, dsn);
        QFETCH(QString, part);
        QFETCH(Sentry::Severity, severity);
        DsnBreakdown breakdown;
        breakdown.resize(420, 600);
        breakdown.show();
        QVERIFY(QTest::qWaitForWindowExposed(&breakdown));
        breakdown.setDsn(Sentry::Dsn::parse(dsn));
        auto *message = breakdown.findChild<QLabel *>(u"message_"_s + part);
        QVERIFY(message);
        QVERIFY(message->isVisible());
        const Sentry::Findings findings = Sentry::Dsn::parse(dsn).findings();
        const auto finding = std::find_if(findings.cbegin(), findings.cend(), [&](const Sentry::Finding &f) {
            return f.location == part && f.severity == severity;
        });
        QVERIFY(finding != findings.cend());
        QVERIFY2(withoutBreaks(message->text()).contains(finding->message), qPrintable(message->text()));
        QVERIFY(withoutBreaks(message->text()).startsWith(Sentry::severityName(severity)));
        auto *clean = breakdown.findChild<QLabel *>(u"message_host"_s);
        QVERIFY(clean && !clean->isVisible()); // a part without findings says nothing
    }

    // A long explanation for a garbage DSN ran past the panel's right edge.
    void garbage_wrapsInsteadOfWideningThePanel()
    {
        const QString garbage = QString(u"qwertyuiopasdfghjklzxcvbnm"_s).repeated(5);
        DsnBreakdown breakdown;
        breakdown.setDsn(Sentry::Dsn::parse(garbage));
        auto *summary = breakdown.findChild<QLabel *>(u"dsnSummary"_s);
        QVERIFY(summary);
        const QString text = withoutBreaks(summary->text());
        QVERIFY2(text.contains(garbage.left(30)), qPrintable(text)); // the DSN, quoted shortened
        const int textWidth = summary->fontMetrics().horizontalAdvance(text);
        const int narrow = 300;
        QVERIFY(textWidth > 2 * narrow); // a long explanation: it has to wrap
        QVERIFY2(breakdown.minimumSizeHint().width() <= narrow,
                 qPrintable(u"the breakdown needs %1 px"_s.arg(breakdown.minimumSizeHint().width())));
        breakdown.resize(narrow, 900);
        breakdown.show();
        QVERIFY(QTest::qWaitForWindowExposed(&breakdown));
        QTRY_VERIFY(summary->width() <= narrow);
        QVERIFY(summary->geometry().right() < breakdown.width());
        QVERIFY2(summary->height() >= 2 * summary->fontMetrics().height(),
                 qPrintable(u"%1 px high: not wrapped"_s.arg(summary->height())));
    }

    void wrappable_breaksOnlyLongRuns_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("changed");
        QTest::addRow("words") << u"The DSN has no secret key."_s << false;
        QTest::addRow("a 23-character word") << QString(23, u'x') << false;
        QTest::addRow("a long run") << (u"is "_s + QString(60, u'x') + u" here"_s) << true;
    }
    void wrappable_breaksOnlyLongRuns()
    {
        QFETCH(QString, text);
        QFETCH(bool, changed);
        const QString result = DsnBreakdown::wrappable(text);
        QCOMPARE(result != text, changed);
        QCOMPARE(withoutBreaks(result), text);
    }

    void secret_isMaskedUntilShown()
    {
        DsnBreakdown breakdown;
        breakdown.setDsn(Sentry::Dsn::parse(u"https://pub:sec@example.com/1"_s));
        QVERIFY(!breakdown.partText(Part::Secret).contains(u"sec"_s));
        breakdown.setSecretShown(true);
        QCOMPARE(breakdown.partText(Part::Secret), u"sec"_s);
    }
};

QTEST_MAIN(TestDsnBreakdown)
#include "tst_dsnbreakdown.moc"
