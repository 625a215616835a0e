#include "bodycodec.h"
#include "composerpanel.h"
#include "eventdocument.h"
#include "framesmodel.h"
#include "jsoneditor.h"
#include "jsonpointer.h"
#include "keyvaluemodel.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString baseEvent()
{
    return u"{\"message\": \"a\", \"custom_key\": {\"x\": 1}, \"level\": \"error\","
           " \"exception\": [{\"type\": \"A\", \"value\": \"x\"},"
           " {\"type\": \"B\", \"value\": \"y\", \"stacktrace\": {\"frames\": [{\"filename\": "
           "\"f.py\", \"lineno\": 3, \"vars\": {\"v\": 1}}]}}],"
           " \"tags\": [[\"k\", \"v\"]], \"unknown_key\": 5}"_s;
}

QString textOf(QWidget *widget)
{
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        return combo->currentText();
    return qobject_cast<QLineEdit *>(widget)->text();
}

// Types into a form field as a user would and commits by pressing Return.
void typeInto(QWidget *widget, const QString &text)
{
    auto *line = qobject_cast<QLineEdit *>(widget);
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        line = combo->lineEdit();
    QVERIFY(line);
    line->selectAll();
    QTest::keyClicks(line, text);
    QTest::keyClick(line, Qt::Key_Return);
}

} // namespace

class TestComposerPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formEdit_writesOnlyItsKey_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QJsonValue>("expected");
        QTest::addRow("message") << baseEvent() << u"/message"_s << u"hello"_s
                                 << QJsonValue(u"hello"_s);
        QTest::addRow("level as name")
            << baseEvent() << u"/level"_s << u"fatal"_s << QJsonValue(u"fatal"_s);
        QTest::addRow("level as number") << baseEvent() << u"/level"_s << u"40"_s << QJsonValue(40);
        QTest::addRow("user alias created")
            << baseEvent() << u"/user/email"_s << u"a@b.c"_s << QJsonValue(u"a@b.c"_s);
        QTest::addRow("user full name kept")
            << u"{\"sentry.interfaces.User\": {\"id\": \"1\"}}"_s
            << u"/sentry.interfaces.User/email"_s << u"a@b.c"_s << QJsonValue(u"a@b.c"_s);
        QTest::addRow("template lineno is a number")
            << baseEvent() << u"/template/lineno"_s << u"12"_s << QJsonValue(12);
        QTest::addRow("second exception type")
            << baseEvent() << u"/exception/1/type"_s << u"C"_s << QJsonValue(u"C"_s);
        QTest::addRow("request headers as JSON")
            << baseEvent() << u"/request/headers"_s << u"{\"Host\": \"x\"}"_s
            << QJsonValue(QJsonObject {{u"Host"_s, u"x"_s}});
    }
    void formEdit_writesOnlyItsKey()
    {
        QFETCH(QString, event);
        QFETCH(QString, pointer);
        QFETCH(QString, typed);
        QFETCH(QJsonValue, expected);
        EventDocument document;
        document.reset(event);
        ComposerPanel composer(&document);
        composer.revealPath(pointer); // selects the right exception for exception fields
        QWidget *field = composer.fieldForPath(pointer);
        QVERIFY(field);
        typeInto(field, typed);

        QJsonObject before = parse(event);
        const QJsonObject after = *document.object();
        QCOMPARE(Sentry::JsonPointer::value(after, pointer), expected);
        Sentry::JsonPointer::setValue(before, pointer, expected);
        QCOMPARE(compact(after), compact(before)); // nothing else changed, unknown keys kept
    }

    void clearingAField_removesTheKeyAndEmptyInterface()
    {
        EventDocument document;
        document.reset(u"{\"message\": \"m\", \"user\": {\"email\": \"e\"}}"_s);
        ComposerPanel composer(&document);
        QWidget *field = composer.fieldForPath(u"/user/email"_s);
        QVERIFY(field);
        qobject_cast<QLineEdit *>(field)->selectAll();
        QTest::keyClick(field, Qt::Key_Backspace);
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(compact(*document.object()), u"{\"message\":\"m\"}"_s);
    }

    void textEdit_refreshesTheForm()
    {
        EventDocument document;
        document.reset(baseEvent());
        ComposerPanel composer(&document);
        QWidget *message = composer.fieldForPath(u"/message"_s);
        QCOMPARE(textOf(message), u"a"_s);
        document.setText(u"{\"message\": \"from text\", \"level\": 30, \"user\": {\"id\": 7}}"_s);
        QTRY_COMPARE(textOf(message), u"from text"_s);
        QCOMPARE(textOf(composer.fieldForPath(u"/level"_s)), u"30"_s);
        QCOMPARE(textOf(composer.fieldForPath(u"/user/id"_s)), u"7"_s);
        QCOMPARE(document.text(),
                 u"{\"message\": \"from text\", \"level\": 30, \"user\": {\"id\": 7}}"_s);
    }

    void brokenJson_disablesFormAndLosesNothing()
    {
        EventDocument document;
        document.reset(baseEvent());
        ComposerPanel composer(&document);
        QVERIFY(composer.isFormEnabled());
        const QString broken = u"{\"message\": \"a\",\n  \"oops\" }"_s;
        document.setText(broken);
        QTRY_VERIFY(!composer.isFormEnabled());
        QCOMPARE(document.text(), broken);
        document.setText(u"{\"message\": \"fixed\"}"_s);
        QTRY_VERIFY(composer.isFormEnabled());
        QCOMPARE(textOf(composer.fieldForPath(u"/message"_s)), u"fixed"_s);
    }

    // A body pasted as sent (raven-node's base64(zlib(JSON))) becomes its JSON, said in the
    // status; Undo brings the body back.
    void pastedBodyAsSent_isDecodedAndNamed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("form");
        const QByteArray json = R"({"message":"from the wire","level":"error"})";
        QTest::addRow("base64-zlib") << Sentry::BodyCodec::encode(json, Sentry::BodyEncoding::Base64Zlib)
                                     << u"base64(zlib(JSON))"_s;
        QTest::addRow("base64") << json.toBase64() << u"base64(JSON)"_s;
    }
    void pastedBodyAsSent_isDecodedAndNamed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, form);
        EventDocument document;
        document.reset(baseEvent());
        ComposerPanel composer(&document);
        QSignalSpy status(&composer, &ComposerPanel::statusMessage);
        document.setText(QString::fromLatin1(body));
        QTRY_VERIFY(composer.isFormEnabled() && document.object().has_value());
        QCOMPARE(document.text(), u"{\"message\":\"from the wire\",\"level\":\"error\"}"_s);
        QCOMPARE(textOf(composer.fieldForPath(u"/message"_s)), u"from the wire"_s);
        QVERIFY(!status.isEmpty());
        QVERIFY2(status.constLast().at(0).toString().contains(form), qPrintable(status.constLast().at(0).toString()));
        document.textDocument()->undo();
        QCOMPARE(document.text(), QString::fromLatin1(body));
    }

    void pastedBrokenEncoding_saysTheServersAnswer()
    {
        EventDocument document;
        document.reset(baseEvent());
        ComposerPanel composer(&document);
        const QString gzipped = QString::fromLatin1(
            QByteArray::fromHex("1f8b0800000000000203abae050043bfa6a302000000").toBase64());
        document.setText(gzipped);
        QTRY_VERIFY(!composer.isFormEnabled());
        QCOMPARE(document.text(), gzipped);
        const auto labels = composer.findChildren<QLabel *>();
        const bool said = std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->text().contains(u"Bad data decoding request"_s);
        });
        QVERIFY(said);
    }

    void undoRedo_restoresTextAndForm()
    {
        EventDocument document;
        document.reset(baseEvent());
        ComposerPanel composer(&document);
        QWidget *message = composer.fieldForPath(u"/message"_s);
        typeInto(message, u"changed"_s);
        QCOMPARE(document.object()->value(u"message"_s).toString(), u"changed"_s);
        document.textDocument()->undo();
        QCOMPARE(document.text(), baseEvent());
        QTRY_COMPARE(textOf(message), u"a"_s);
        document.textDocument()->redo();
        QCOMPARE(document.object()->value(u"message"_s).toString(), u"changed"_s);
        QTRY_COMPARE(textOf(message), u"changed"_s);
    }

    void tagsTable_keepsThePairListForm()
    {
        EventDocument document;
        document.reset(baseEvent());
        ComposerPanel composer(&document);
        auto *view = composer.findChild<QTableView *>(u"tagsView"_s);
        QVERIFY(view);
        auto *model = qobject_cast<KeyValueModel *>(view->model());
        QVERIFY(model->setData(model->index(0, KeyValueModel::ValueColumn), u"w"_s));
        QVERIFY(model->insertRows(1, 1));
        QVERIFY(model->setData(model->index(1, KeyValueModel::KeyColumn), u"n"_s));
        const QJsonArray expected {QJsonArray {u"k"_s, u"w"_s}, QJsonArray {u"n"_s, u""_s}};
        QCOMPARE(document.object()->value(u"tags"_s).toArray(), expected);
        QCOMPARE(document.object()->value(u"unknown_key"_s).toInt(), 5);
    }

    void framesTable_editKeepsUnknownFrameKeys()
    {
        EventDocument document;
        document.reset(baseEvent());
        ComposerPanel composer(&document);
        composer.revealPath(u"/exception/1/stacktrace/frames/0/lineno"_s);
        auto *view = composer.findChild<QTableView *>(u"framesView"_s);
        QCOMPARE(view->currentIndex().row(), 0);
        QCOMPARE(view->currentIndex().column(), int(FramesModel::LinenoColumn));
        QVERIFY(view->model()->setData(view->currentIndex(), u"42"_s));
        const QJsonObject frame
            = Sentry::JsonPointer::value(*document.object(), u"/exception/1/stacktrace/frames/0"_s)
                  .toObject();
        QCOMPARE(frame.value(u"lineno"_s), QJsonValue(42));
        QCOMPARE(frame.value(u"vars"_s).toObject().value(u"v"_s).toInt(), 1);
    }

    void deleteKey_removesTheSelectedTagRow()
    {
        EventDocument document;
        document.reset(u"{\"tags\": {\"a\": \"1\", \"b\": \"2\"}}"_s);
        ComposerPanel composer(&document);
        composer.show();
        QVERIFY(QTest::qWaitForWindowActive(&composer));
        composer.revealPath(u"/tags/a"_s);
        auto *view = composer.findChild<QTableView *>(u"tagsView"_s);
        QTRY_VERIFY(view->hasFocus());
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(document.object()->value(u"tags"_s).toObject(), QJsonObject({{u"b"_s, u"2"_s}}));
    }

    void stacktraceTable_editsTheTopLevelInterface()
    {
        EventDocument document;
        document.reset(
            u"{\"sentry.interfaces.Stacktrace\": {\"frames\": [{\"function\": \"f\"}]}, \"message\": \"m\"}"_s);
        ComposerPanel composer(&document);
        composer.revealPath(u"/sentry.interfaces.Stacktrace/frames/0/function"_s);
        auto *view = composer.findChild<QTableView *>(u"stacktraceView"_s);
        QVERIFY(view);
        QCOMPARE(view->currentIndex().column(), int(FramesModel::FunctionColumn));
        QVERIFY(view->model()->setData(view->currentIndex(), u"g"_s));
        const QString pointer = u"/sentry.interfaces.Stacktrace/frames/0/function"_s;
        QCOMPARE(Sentry::JsonPointer::value(*document.object(), pointer), QJsonValue(u"g"_s));
        QVERIFY(!document.object()->contains(u"stacktrace"_s)); // the full name is kept
    }

    void addException_convertsTheSingleObjectForm()
    {
        EventDocument document;
        document.reset(u"{\"exception\": {\"type\": \"A\", \"value\": \"x\"}}"_s);
        ComposerPanel composer(&document);
        auto *add = composer.findChild<QToolButton *>(u"addException"_s);
        QVERIFY(add);
        add->click();
        const QJsonArray list = document.object()->value(u"exception"_s).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(u"type"_s).toString(), u"A"_s);
    }

    void revealPath_focusesTheFieldOrTheJson()
    {
        EventDocument document;
        document.reset(baseEvent());
        ComposerPanel composer(&document);
        composer.show();
        QVERIFY(QTest::qWaitForWindowActive(&composer));

        composer.revealPath(u"/exception/1/type"_s);
        QWidget *type = composer.fieldForPath(u"/exception/1/type"_s);
        QTRY_VERIFY(type->hasFocus());
        QCOMPARE(textOf(type), u"B"_s);

        composer.revealPath(u"/request/headers/Host"_s); // inside a field's JSON value
        QTRY_VERIFY(composer.fieldForPath(u"/request/headers"_s)->hasFocus());
        composer.revealPath(u"/user"_s); // a whole interface: its first field
        QTRY_VERIFY(composer.fieldForPath(u"/user/id"_s)->hasFocus());

        composer.revealPath(u"/unknown_key"_s);
        QTRY_VERIFY(composer.editor()->hasFocus());
        QCOMPARE(composer.editor()->textCursor().selectedText(), u"\"unknown_key\": 5"_s);
    }

    void revealPath_goesToTheParseErrorWhileBroken()
    {
        EventDocument document;
        document.reset(u"{\n  \"message\": \"a\"\n  \"level\": 1\n}"_s);
        ComposerPanel composer(&document);
        composer.revealPath(u"/message"_s);
        QVERIFY(!composer.isFormEnabled());
        const QTextCursor cursor = composer.editor()->textCursor();
        QCOMPARE(cursor.blockNumber() + 1, composer.editor()->syntaxError()->line);
        QCOMPARE(cursor.positionInBlock() + 1, composer.editor()->syntaxError()->column);
    }

    // Destroying the panel while a field has focus made the line edit emit editingFinished into
    // the half-destroyed panel (Qt's assert, and UBSan's vptr check under clang). The edit typed
    // last is kept, not lost.
    void destroyingWhileEditing_keepsThePendingEdit()
    {
        EventDocument document;
        document.reset(u"{\"message\": \"m\", \"logger\": \"old\"}"_s);
        QWidget window;
        auto *composer = new ComposerPanel(&document, &window);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window) || QTest::qWaitForWindowExposed(&window));
        auto *line = qobject_cast<QLineEdit *>(composer->fieldForPath(u"/logger"_s));
        QVERIFY(line);
        line->setFocus();
        QTRY_VERIFY(line->hasFocus());
        line->selectAll();
        QTest::keyClicks(line, u"typed"_s); // pending: committed when typing pauses
        delete composer;
        QCOMPARE(document.object()->value("logger"_L1).toString(), u"typed"_s);
    }
};

QTEST_MAIN(TestComposerPanel)
#include "tst_composerpanel.moc"
