#include "unifieddiffview.h"

#include "theme.h"

#include <QEvent>
#include <QFontDatabase>
#include <QSyntaxHighlighter>

using namespace Qt::Literals::StringLiterals;

namespace SentryUi {

namespace {
constexpr int DiffContext = 3;
}

class UnifiedDiffView::Highlighter final : public QSyntaxHighlighter
{
public:
    Highlighter(QTextDocument *document, const QWidget *view)
        : QSyntaxHighlighter(document)
        , m_view(view)
    {
    }

protected:
    void highlightBlock(const QString &text) override
    {
        const QPalette &palette = m_view->palette();
        QTextCharFormat format;
        if (text.startsWith(u"+ "_s))
            format.setBackground(Theme::diffColor(Theme::DiffTint::Added, palette));
        else if (text.startsWith(u"- "_s))
            format.setBackground(Theme::diffColor(Theme::DiffTint::Removed, palette));
        else if (text.startsWith(u"@@"_s))
            format.setForeground(palette.color(QPalette::PlaceholderText));
        else
            return;
        setFormat(0, int(text.size()), format);
    }

private:
    const QWidget *m_view;
};

UnifiedDiffView::UnifiedDiffView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new Highlighter(document(), this);
}

void UnifiedDiffView::setDiff(const QList<Sentry::DiffLine> &diff, const QString &sameText)
{
    const QString hunks = Sentry::LineDiff::unified(diff, DiffContext);
    setPlainText(hunks.isEmpty() ? sameText : hunks);
}

void UnifiedDiffView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->rehighlight(); // the +/- colours follow light and dark palettes
}

} // namespace SentryUi
