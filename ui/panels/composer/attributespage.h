#pragma once

// The composer's first tab: the event's attributes (spec section 5), with "New id" and "Now".

#include "composerpage.h"

namespace SentryUi {

class AttributesPage final : public ComposerPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttributesPage)

public:
    AttributesPage(EventDocument *document, ComposerFields *fields, QWidget *parent = nullptr);

private:
    QLayout *withButton(QWidget *field, const QString &label, const QString &toolTip,
                        std::function<QString()> value);
};

} // namespace SentryUi
