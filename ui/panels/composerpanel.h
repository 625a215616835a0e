#pragma once

// The composer: a form for the v4 attributes and interfaces beside the JSON editor. Both edit the
// one EventDocument: a form edit changes only the keys that field owns (everything else in the
// event is kept) as one undo step; a text change refreshes the form. While the text is not a JSON
// object the form is read-only and says why. The form's tabs are pages (composer/): attributes,
// exception, interfaces, tags & extra; their bound fields are one ComposerFields.

#include <QWidget>

class QJsonValue;
class QLabel;
class QTabWidget;
class QTimer;

namespace SentryUi {

class ComposerFields;
class ComposerPage;
class EventDocument;
class ExceptionPage;
class FindBar;
class InterfacesPage;
class JsonEditor;
class TablesPage;

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
    FindBar *findBar() const { return m_findBar; } // Find in the JSON editor
    bool isFormEnabled() const;
    void refreshForm(); // normally runs ~100 ms after the text changed
    void commitPendingEdit(); // normally runs when typing pauses or the field loses focus

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    QWidget *buildForm();
    QWidget *buildEditor();
    QWidget *addPage(ComposerPage *page);

    void applyEdit(const QString &pointer, const QJsonValue &value);
    bool decodeBodyAsSent();
    void showBrokenNote();

    QWidget *placeInForm(const QString &pointer);
    void revealSyntaxError();
    void focusField(QWidget *widget);
    void revealInEditor(const QString &pointer);

    EventDocument *m_document = nullptr;
    ComposerFields *m_fields = nullptr;
    ComposerPage *m_attributesPage = nullptr;
    ExceptionPage *m_exceptionPage = nullptr;
    InterfacesPage *m_interfacesPage = nullptr;
    TablesPage *m_tablesPage = nullptr;
    JsonEditor *m_editor = nullptr;
    FindBar *m_findBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_brokenNote = nullptr;
    QTimer *m_refreshTimer = nullptr;
    bool m_updating = false; // the form is being filled from the document: ignore its signals
    bool m_writing = false; // the form is writing to the document: don't refresh from it
    QString m_decodedBody; // the last body as sent decoded here (Undo may bring it back)
};

} // namespace SentryUi
