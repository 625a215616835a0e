#pragma once

// The composer: a form for the v4 attributes and interfaces beside the JSON editor. Both edit the
// one EventDocument: a form edit changes only the keys that field owns (everything else in the
// event is kept) as one undo step; a text change refreshes the form. While the text is not a JSON
// object the form is read-only and says why.

#include "fieldtext.h"

#include <QList>
#include <QWidget>

#include <functional>

class QComboBox;
class QJsonObject;
class QLabel;
class QTabWidget;
class QTableView;
class QTimer;

namespace SentryUi {

class EventDocument;
class FramesModel;
class JsonEditor;
class KeyValueModel;

class ComposerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerPanel)

public:
    explicit ComposerPanel(EventDocument *document, QWidget *parent = nullptr);
    ~ComposerPanel() override;

    // Shows the form field for a JSON pointer (switching tab, exception or table row); when the
    // form has no field for it, selects the value (or its nearest ancestor) in the JSON editor.
    void revealPath(const QString &jsonPointer);
    QWidget *fieldForPath(const QString &jsonPointer) const; // the line edit/combo, or nullptr

    JsonEditor *editor() const { return m_editor; }
    bool isFormEnabled() const;
    void refreshForm(); // normally runs ~100 ms after the text changed
    void commitPendingEdit(); // normally runs when typing pauses or the field loses focus

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    struct Field
    {
        QWidget *widget = nullptr; // QLineEdit or editable QComboBox
        std::function<QString(const QJsonObject &)> pointer;
        ValueKind kind = ValueKind::Text;
        bool removeWhenEmpty = true;
    };
    struct FramesTable
    {
        FramesModel *model = nullptr;
        QTableView *view = nullptr;
        std::function<QString(const QJsonObject &)> pointer; // of the frames array; "" = none
    };
    struct Table
    {
        QString key;
        KeyValueModel *model = nullptr;
        QTableView *view = nullptr;
        QLabel *note = nullptr;
    };

    QWidget *buildForm();
    QWidget *buildEditor();
    QWidget *buildAttributesPage();
    QWidget *buildExceptionPage();
    QWidget *buildInterfacesPage();
    QWidget *buildTablesPage();
    QWidget *buildTable(const QString &key, ValueKind kind);
    QWidget *buildFramesTable(const QString &name,
                              std::function<QString(const QJsonObject &)> pointer);
    QWidget *addField(const QString &key, std::function<QString(const QJsonObject &)> pointer,
                      ValueKind kind = ValueKind::Text, QWidget *widget = nullptr);

    void fieldEdited(int field);
    void commitField(int field);
    void applyEdit(const QString &pointer, const QJsonValue &value);
    void setFromButton(QWidget *field, const QString &text);
    void refreshFields(const QJsonObject &event);
    void refreshTables(const QJsonObject &event);
    void refreshExceptions(const QJsonObject &event);
    void refreshFrames(const QJsonObject &event);
    void showBrokenNote();

    void addException();
    void removeException();

    bool revealInForm(const QString &pointer);
    QWidget *nearestField(const QString &pointer) const;
    void revealSyntaxError();
    bool revealException(const QString &pointer);
    bool revealTableRow(const QString &pointer);
    bool revealFrame(const QString &pointer);
    void focusField(QWidget *widget);
    void revealInEditor(const QString &pointer);

    EventDocument *m_document = nullptr;
    JsonEditor *m_editor = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_brokenNote = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimer *m_commitTimer = nullptr;
    QList<Field> m_fields;
    QList<Table> m_tables;
    QComboBox *m_exceptionSelector = nullptr;
    QList<FramesTable> m_frameTables; // the selected exception's, then the top-level stacktrace's
    int m_exceptionIndex = 0;
    int m_pendingField = -1;
    bool m_updating = false; // the form is being filled from the document: ignore its signals
    bool m_writing = false; // the form is writing to the document: don't refresh from it
};

} // namespace SentryUi
