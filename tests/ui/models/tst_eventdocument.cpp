#include "eventdocument.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

using namespace Qt::Literals::StringLiterals;
using SentryUi::EventDocument;

class TestEventDocument : public QObject
{
    Q_OBJECT

    TestSupport::Sandbox m_sandbox;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sandbox.isValid()); }

    void object_parsesOnlyJsonObjects_data();
    void object_parsesOnlyJsonObjects();
    void object_followsTextChanges();
    void setText_isOneUndoStep();
    void setText_sameTextAddsNoUndoStep();
    void setObject_keepsUnknownKeys();
    void text_keepsNoBreakSpacesAndNewlines();
    void modified_followsEditsSaveAndUndo();
    void reset_clearsHistoryAndPath();
    void saveAndLoad_roundTripBytes();
    void load_refusesWithSpecificMessage_data();
    void load_refusesWithSpecificMessage();
    void save_reportsUnwritablePath();
    void displayName_isFileNameOrUntitled();
};

void TestEventDocument::object_parsesOnlyJsonObjects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isObject");
    QTest::newRow("object") << u"{\"message\": \"hi\"}"_s << true;
    QTest::newRow("empty object") << u"{}"_s << true;
    QTest::newRow("array") << u"[1, 2]"_s << false;
    QTest::newRow("number") << u"42"_s << false;
    QTest::newRow("truncated") << u"{\"message\": "_s << false;
    QTest::newRow("empty text") << QString() << false;
}

void TestEventDocument::object_parsesOnlyJsonObjects()
{
    QFETCH(QString, text);
    QFETCH(bool, isObject);
    EventDocument document;
    document.setText(text);
    QCOMPARE(document.object().has_value(), isObject);
}

void TestEventDocument::object_followsTextChanges()
{
    EventDocument document;
    document.setText(u"{\"level\": \"info\"}"_s);
    QCOMPARE(document.object()->value("level"_L1).toString(), u"info"_s);
    QTextCursor cursor(document.textDocument());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(u","_s); // typing breaks it
    QVERIFY(!document.object());
    // One undo takes the typing away, not the text set before it (Qt merged the two).
    document.textDocument()->undo();
    QCOMPARE(document.text(), u"{\"level\": \"info\"}"_s);
    QVERIFY(document.object());
    QCOMPARE(document.object()->value("level"_L1).toString(), u"info"_s);
}

void TestEventDocument::setText_isOneUndoStep()
{
    EventDocument document;
    document.reset(u"{\"a\": 1}"_s);
    QSignalSpy changed(&document, &EventDocument::contentsChanged);
    document.setText(u"{\"a\": 2}"_s);
    document.setText(u"{\"a\": 3}"_s);
    QVERIFY(changed.count() >= 2);
    document.textDocument()->undo();
    QCOMPARE(document.text(), u"{\"a\": 2}"_s);
    document.textDocument()->undo();
    QCOMPARE(document.text(), u"{\"a\": 1}"_s);
    QVERIFY(!document.textDocument()->isUndoAvailable());
}

void TestEventDocument::setText_sameTextAddsNoUndoStep()
{
    EventDocument document;
    document.reset(u"{}"_s);
    document.setText(u"{}"_s);
    QVERIFY(!document.textDocument()->isUndoAvailable());
    QVERIFY(!document.isModified());
}

void TestEventDocument::setObject_keepsUnknownKeys()
{
    EventDocument document;
    document.reset(u"{\"message\": \"m\", \"x_custom\": {\"deep\": [1, 2]}}"_s);
    QJsonObject object = *document.object();
    object.insert("level"_L1, "warning"_L1);
    document.setObject(object);
    const QJsonObject written = *document.object();
    QCOMPARE(written.value("x_custom"_L1).toObject().value("deep"_L1).toArray().size(), 2);
    QCOMPARE(written.value("level"_L1).toString(), u"warning"_s);
    QVERIFY2(document.text().contains(u"\n    \"level\""_s), "indented");
}

void TestEventDocument::text_keepsNoBreakSpacesAndNewlines()
{
    const QString text = u"{\n  \"message\": \"a\u00a0b\"\n}\n"_s;
    EventDocument document;
    document.reset(text);
    QCOMPARE(document.text(), text);
    QCOMPARE(document.json(), text.toUtf8());
}

void TestEventDocument::modified_followsEditsSaveAndUndo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EventDocument document;
    document.reset(u"{}"_s);
    QSignalSpy modified(&document, &EventDocument::modificationChanged);
    QVERIFY(!document.isModified());
    document.setText(u"{\"a\": 1}"_s);
    QVERIFY(document.isModified());
    QCOMPARE(modified.count(), 1);
    QString error;
    QVERIFY2(document.save(dir.filePath(u"e.json"_s), &error), qPrintable(error));
    QVERIFY(!document.isModified());
    document.textDocument()->undo();
    QVERIFY(document.isModified());
    QCOMPARE(modified.count(), 3);
}

void TestEventDocument::reset_clearsHistoryAndPath()
{
    QTemporaryDir dir;
    EventDocument document;
    QString error;
    QVERIFY(document.save(dir.filePath(u"a.json"_s), &error));
    document.setText(u"{\"b\": 1}"_s);
    QSignalSpy path(&document, &EventDocument::filePathChanged);
    document.reset(u"{}"_s);
    QCOMPARE(path.count(), 1);
    QVERIFY(document.filePath().isEmpty());
    QVERIFY(!document.textDocument()->isUndoAvailable());
    QVERIFY(!document.isModified());
}

void TestEventDocument::saveAndLoad_roundTripBytes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"round.json"_s);
    const QString text = u"{\"message\": \"Grüße ✓\",\n \"extra\": {\"z\": 1, \"a\": 2}}"_s;
    EventDocument document;
    document.setText(text);
    QString error;
    QVERIFY2(document.save(path, &error), qPrintable(error));
    QCOMPARE(document.filePath(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), text.toUtf8()); // byte for byte, key order kept

    EventDocument reopened;
    QVERIFY2(reopened.load(path, &error), qPrintable(error));
    QCOMPARE(reopened.text(), text);
    QCOMPARE(reopened.filePath(), path);
    QVERIFY(!reopened.isModified());
}

void TestEventDocument::load_refusesWithSpecificMessage_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("size"); // > 0: a file of that many bytes
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << QByteArray() << qint64(-1) << u"Cannot open"_s;
    QTest::newRow("latin-1") << QByteArray("{\"message\": \"caf\xe9\"}") << qint64(0)
                             << u"not UTF-8"_s;
    QTest::newRow("over 16 MB") << QByteArray() << qint64(16 * 1024 * 1024 + 1) << u"up to 16 MB"_s;
}

void TestEventDocument::load_refusesWithSpecificMessage()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, size);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"event.json"_s);
    if (size >= 0) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        if (size > 0)
            QVERIFY(file.resize(size));
    }
    EventDocument document;
    document.setText(u"{\"kept\": true}"_s);
    QString error;
    QVERIFY(!document.load(path, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(path), "names the file");
    QCOMPARE(document.text(), u"{\"kept\": true}"_s); // nothing lost
}

void TestEventDocument::save_reportsUnwritablePath()
{
    QTemporaryDir dir;
    EventDocument document;
    QString error;
    QVERIFY(!document.save(dir.filePath(u"no/such/dir/e.json"_s), &error));
    QVERIFY2(error.contains(u"Cannot save"_s), qPrintable(error));
    QVERIFY(document.filePath().isEmpty());
}

void TestEventDocument::displayName_isFileNameOrUntitled()
{
    QTemporaryDir dir;
    EventDocument document;
    QCOMPARE(document.displayName(), u"Untitled"_s);
    QString error;
    QVERIFY(document.save(dir.filePath(u"crash.json"_s), &error));
    QCOMPARE(document.displayName(), u"crash.json"_s);
}

QTEST_MAIN(TestEventDocument)
#include "tst_eventdocument.moc"
