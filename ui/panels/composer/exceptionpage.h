#pragma once

// The composer's exception tab: one exception value at a time (chosen in a list, added, removed),
// its type, value and module, and its stack frames, whatever shape the event's exception has.

#include "composerpage.h"

class QComboBox;

namespace SentryUi {

class FramesEditor;

class ExceptionPage final : public ComposerPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExceptionPage)

public:
    ExceptionPage(EventDocument *document, ComposerFields *fields, QWidget *parent = nullptr);

    void refresh(const QJsonObject &event) override;
    // A pointer inside an exception value selects that value first (selectionChanged()).
    QWidget *reveal(const QJsonObject &event, const QString &pointer) override;

Q_SIGNALS:
    void selectionChanged(); // another value is shown: the form must be refreshed

private:
    void addException();
    void removeException();

    QComboBox *m_selector = nullptr;
    FramesEditor *m_frames = nullptr;
    int m_index = 0;
};

} // namespace SentryUi
