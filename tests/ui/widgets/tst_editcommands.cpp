#include "editcommands.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace SentryUi;
using EditCommands::Command;

class TestEditCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineEdit_cutCopyPasteSelectAll()
    {
        QLineEdit edit(u"hello"_s);
        QVERIFY(EditCommands::apply(&edit, Command::SelectAll));
        QCOMPARE(edit.selectedText(), u"hello"_s);
        QVERIFY(EditCommands::apply(&edit, Command::Cut));
        QCOMPARE(edit.text(), QString());
        QCOMPARE(QGuiApplication::clipboard()->text(), u"hello"_s);
        QVERIFY(EditCommands::apply(&edit, Command::Paste));
        QCOMPARE(edit.text(), u"hello"_s);
    }

    void readOnly_copiesButNeverEdits()
    {
        QPlainTextEdit view(u"read only"_s);
        view.setReadOnly(true);
        QVERIFY(EditCommands::canApply(&view, Command::Copy));
        QVERIFY(!EditCommands::canApply(&view, Command::Cut));
        QVERIFY(!EditCommands::canApply(&view, Command::Paste));
        QVERIFY(EditCommands::apply(&view, Command::SelectAll));
        QVERIFY(EditCommands::apply(&view, Command::Copy));
        QCOMPARE(QGuiApplication::clipboard()->text(), u"read only"_s);
        QVERIFY(!EditCommands::apply(&view, Command::Cut));
        QCOMPARE(view.toPlainText(), u"read only"_s);
    }

    void editableCombo_actsOnItsLineEdit()
    {
        QComboBox combo;
        combo.setEditable(true);
        combo.setEditText(u"typed"_s);
        QVERIFY(EditCommands::isTextWidget(&combo));
        QVERIFY(EditCommands::apply(&combo, Command::SelectAll));
        QCOMPARE(combo.lineEdit()->selectedText(), u"typed"_s);
        QComboBox fixed;
        QVERIFY(!EditCommands::isTextWidget(&fixed));
    }

    void notText_isLeftAlone()
    {
        QLabel label(u"label"_s);
        QVERIFY(!EditCommands::isTextWidget(&label));
        QVERIFY(!EditCommands::apply(&label, Command::Copy));
        QVERIFY(!EditCommands::apply(nullptr, Command::Paste));
    }
};

QTEST_MAIN(TestEditCommands)
#include "tst_editcommands.moc"
