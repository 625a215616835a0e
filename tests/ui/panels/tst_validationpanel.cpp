#include "composerpanel.h"
#include "eventdocument.h"
#include "findingsfilter.h"
#include "findingsmodel.h"
#include "rulesmodel.h"
#include "validationpanel.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

QString sampleEvent(const QString &name)
{
    QFile file(QStringLiteral(SENTRY_TEST_DATA_DIR "/events/") + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The proxy row of the first finding at `location`, or an invalid index.
QModelIndex findingAt(const ValidationPanel &panel, const QString &location)
{
    const FindingsFilter *filter = panel.findingsFilter();
    for (int row = 0; row < filter->rowCount(); ++row) {
        const QModelIndex index = filter->index(row, 0);
        if (index.data(FindingsModel::LocationRole).toString() == location)
            return index;
    }
    return {};
}

} // namespace

class TestValidationPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edit_isValidatedInTheBackground_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addRow("unknown level") << u"level-unknown.json"_s;
        QTest::addRow("message not a string") << u"message-not-a-string.json"_s;
        QTest::addRow("broken json") << u"broken-json.json"_s;
        QTest::addRow("seed") << u"seed-example.json"_s;
    }
    void edit_isValidatedInTheBackground()
    {
        QFETCH(QString, file);
        const QString text = sampleEvent(file);
        QVERIFY(!text.isEmpty());
        EventDocument document;
        document.reset(u"{}"_s);
        ValidationPanel panel(&document);
        QSignalSpy validated(&panel, &ValidationPanel::validated);
        QVERIFY(validated.wait());
        document.setText(text);
        QVERIFY(validated.wait());
        const auto expected = Sentry::Validator::validate(text.toUtf8(), Sentry::Profile::V4);
        QCOMPARE(panel.result().findings, expected.findings);
        QCOMPARE(panel.findingsModel()->rowCount(), expected.findings.size());
        QCOMPARE(panel.result().parsed, expected.parsed);
    }

    // The summary counts notes, and the rows call them notes too (not "Info").
    void summaryAndRows_nameNotesAlike()
    {
        EventDocument document;
        document.reset(u"{}"_s);
        ValidationPanel panel(&document);
        QSignalSpy validated(&panel, &ValidationPanel::validated);
        QVERIFY(validated.wait());
        document.setText(sampleEvent(u"exception-single-object-legacy.json"_s));
        QVERIFY(validated.wait());
        QModelIndex note;
        for (int row = 0; row < panel.findingsFilter()->rowCount(); ++row) {
            const QModelIndex index = panel.findingsFilter()->index(row, 0);
            if (index.data(FindingsModel::SeverityRole).toInt() == int(Sentry::Severity::Info))
                note = index;
        }
        QVERIFY2(note.isValid(), "the sample has a note");
        const QString word = note.data().toString().toLower();
        const auto *summary = panel.findChild<QLabel *>(u"validationSummary"_s);
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(u" "_s + word), qPrintable(summary->text() + u" / "_s + word));
    }

    // At 1920 the whole path shows; when it cannot, the column is capped and elides in the middle.
    void pathColumn_showsThePathWhole()
    {
        EventDocument document;
        document.reset(u"{}"_s);
        ValidationPanel panel(&document);
        QSignalSpy validated(&panel, &ValidationPanel::validated);
        panel.resize(1500, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY(!validated.isEmpty());
        validated.clear();
        document.setText(u"{\"message\": \"m\", \"sentry.interfaces.Exception\": "
                         "{\"values\": [{\"type\": \"ValueError\"}]}}"_s);
        QVERIFY(validated.wait());
        QVERIFY(findingAt(panel, u"/sentry.interfaces.Exception/values/0"_s).isValid());
        QTreeView *view = panel.findingsView();
        QVERIFY(view->itemDelegateForColumn(FindingsModel::PathColumn)); // elides in the middle
        int widest = 0;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, FindingsModel::PathColumn);
            widest = qMax(widest, view->fontMetrics().horizontalAdvance(index.data().toString()));
        }
        QVERIFY(widest > 0);
        QVERIFY2(view->columnWidth(FindingsModel::PathColumn) > widest,
                 qPrintable(u"%1 <= %2"_s.arg(view->columnWidth(FindingsModel::PathColumn)).arg(widest)));
        panel.resize(700, 300);
        QTRY_VERIFY2(view->columnWidth(FindingsModel::PathColumn) < widest,
                     qPrintable(u"%1, widest %2, view %3"_s.arg(view->columnWidth(FindingsModel::PathColumn))
                                    .arg(widest)
                                    .arg(view->viewport()->width())));
        QVERIFY2(view->columnWidth(FindingsModel::PathColumn) <= view->viewport()->width() / 2,
                 qPrintable(u"%1 of %2"_s.arg(view->columnWidth(FindingsModel::PathColumn))
                                .arg(view->viewport()->width())));
    }

    void staleResults_areDropped()
    {
        EventDocument document;
        document.reset(u"{}"_s);
        ValidationPanel panel(&document);
        QSignalSpy validated(&panel, &ValidationPanel::validated);
        QVERIFY(validated.wait());
        validated.clear();
        const QString last = sampleEvent(u"level-unknown.json"_s);
        document.setText(sampleEvent(u"message-not-a-string.json"_s));
        panel.validateNow(); // starts a worker on text that is about to change
        document.setText(last);
        QVERIFY(validated.wait());
        QCOMPARE(validated.count(), 1);
        QCOMPARE(panel.result().findings,
                 Sentry::Validator::validate(last.toUtf8(), Sentry::Profile::V4).findings);
    }

    void profile_switchRevalidates()
    {
        EventDocument document;
        document.reset(sampleEvent(u"level-as-python-int.json"_s));
        ValidationPanel panel(&document);
        QSignalSpy validated(&panel, &ValidationPanel::validated);
        QVERIFY(validated.wait());
        QCOMPARE(panel.profile(), Sentry::Profile::V4);
        QCOMPARE(panel.rulesModel()->profile(), Sentry::Profile::V4);
        panel.setProfile(Sentry::Profile::Relay);
        QVERIFY(validated.wait());
        QCOMPARE(panel.result().profile, Sentry::Profile::Relay);
        QCOMPARE(panel.rulesModel()->profile(), Sentry::Profile::Relay); // the Rules tab follows
        QCOMPARE(panel.rulesModel()->rowCount(), Sentry::Rules::all(Sentry::Profile::Relay).size());
    }

    void normalizedEvent_isShownAsADiff()
    {
        EventDocument document;
        document.reset(sampleEvent(u"level-and-logger-defaulted.json"_s));
        ValidationPanel panel(&document);
        QSignalSpy validated(&panel, &ValidationPanel::validated);
        QVERIFY(validated.wait());
        QVERIFY(!panel.result().changes.isEmpty());
        QVERIFY2(panel.diffText().contains(u"\n+ "_s), qPrintable(panel.diffText()));
    }

    void activatingAFinding_emitsPathAndOffset_andFocusesTheField()
    {
        EventDocument document;
        const QString text = sampleEvent(u"level-unknown.json"_s);
        document.reset(text);
        ValidationPanel panel(&document);
        ComposerPanel composer(&document);
        connect(&panel, &ValidationPanel::findingActivated, &composer, &ComposerPanel::revealPath);
        composer.show();
        QVERIFY(QTest::qWaitForWindowActive(&composer));
        QSignalSpy validated(&panel, &ValidationPanel::validated);
        QVERIFY(validated.wait());

        const QModelIndex index = findingAt(panel, u"/level"_s);
        QVERIFY(index.isValid());
        QSignalSpy activated(&panel, &ValidationPanel::findingActivated);
        Q_EMIT panel.findingsView()->activated(index);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), u"/level"_s);
        QCOMPARE(activated.at(0).at(1).toInt(), int(text.indexOf(u"\"level\""_s)));
        QTRY_VERIFY(composer.fieldForPath(u"/level"_s)->hasFocus());
    }
};

QTEST_MAIN(TestValidationPanel)
#include "tst_validationpanel.moc"
