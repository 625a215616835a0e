#pragma once

// The composer's interfaces tab (spec section 6): the top-level stack frames, and the members of
// the message, request, user, template and query interfaces the form shows, under whichever key
// (alias or full name) the event uses.

#include "composerpage.h"

namespace SentryUi {

class FramesEditor;

class InterfacesPage final : public ComposerPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterfacesPage)

public:
    InterfacesPage(EventDocument *document, ComposerFields *fields, QWidget *parent = nullptr);

    void refresh(const QJsonObject &event) override;
    QWidget *reveal(const QJsonObject &event, const QString &pointer) override;

private:
    FramesEditor *m_stacktrace = nullptr;
};

} // namespace SentryUi
