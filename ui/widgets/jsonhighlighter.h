#pragma once

// Colours JSON: keys, strings, numbers, literals (true/false/null) and punctuation, with one
// colour set for light and one for dark palettes.

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace SentryUi {

class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonHighlighter)

public:
    enum class Token { Key, String, Number, Literal, Punctuation };

    explicit JsonHighlighter(QTextDocument *document, bool dark = false);

    bool isDark() const { return m_dark; }
    void setDark(bool dark); // re-highlights with the other colour set
    QTextCharFormat tokenFormat(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    qsizetype highlightString(const QString &text, qsizetype start);
    qsizetype highlightWord(const QString &text, qsizetype start);

    bool m_dark = false;
    std::array<QTextCharFormat, 5> m_formats;
};

} // namespace SentryUi
