#include "httpfield.h"

#include <QString>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

constexpr auto NamePart = "header name"_L1;
constexpr auto ValuePart = "header value"_L1;

const QList<QByteArray> FramingHeaders = {"host", "content-length", "transfer-encoding",
                                          "connection", "expect", "te", "upgrade"};

// RFC 9110 tchar: the characters a field name (a token) may hold.
bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

QString shown(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    return text.size() > 40 ? text.left(40) + u'…' : text;
}

Finding problem(QLatin1StringView part, const QString &rule, const QString &message)
{
    return {Severity::Error, QString(part), message, rule};
}

void checkName(const QByteArray &name, Findings &findings)
{
    if (name.isEmpty()) {
        findings.append(problem(NamePart, u"header.name.empty"_s,
                                u"The header has no name: give one such as Origin or Referer, or "
                                "remove the row."_s));
        return;
    }
    for (const char c : name) {
        if (isTokenChar(c))
            continue;
        const QString what = c == ' ' ? u"a space"_s
            : c == ':'                ? u"':'"_s
            : uchar(c) < 0x20 || uchar(c) >= 0x7f ? u"a control or non-ASCII character"_s
                                                  : u"'%1'"_s.arg(QChar::fromLatin1(c));
        findings.append(problem(NamePart, u"header.name.token"_s,
                                u"The header name '%1' contains %2: a name is letters, digits and "
                                "!#$%&'*+-.^_`|~ only (like X-Forwarded-For). Remove it."_s
                                    .arg(shown(name), what)));
        return;
    }
    if (isFramingHeader(name))
        findings.append(problem(NamePart, u"header.name.framing"_s,
                                u"%1 is written by the sender from the URL and the body; setting it "
                                "by hand would break the request's framing. Remove the row."_s
                                    .arg(QString::fromLatin1(name))));
}

void checkValue(const QByteArray &name, const QByteArray &value, Findings &findings)
{
    const QString where = name.isEmpty() ? u"The value"_s
                                         : u"The value of %1"_s.arg(QString::fromLatin1(name));
    if (value.contains('\r') || value.contains('\n')) {
        findings.append(problem(ValuePart, u"header.value.newline"_s,
                                where + u" contains a line break, which would end the header and "
                                        "start another: put it on one line."_s));
        return;
    }
    const bool control = std::any_of(value.cbegin(), value.cend(), [](char c) {
        return (uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f;
    });
    if (control)
        findings.append(problem(ValuePart, u"header.value.control"_s,
                                where + u" contains a control character (such as NUL): HTTP allows "
                                        "only visible characters, spaces and tabs. Remove it."_s));
    else if (value != value.trimmed())
        findings.append(problem(ValuePart, u"header.value.whitespace"_s,
                                where + u" starts or ends with whitespace, which HTTP strips: "
                                        "remove it so what is sent is what you see."_s));
}

} // namespace

bool isFramingHeader(const QByteArray &name)
{
    return FramingHeaders.contains(name.toLower());
}

Findings checkHeaderField(const QByteArray &name, const QByteArray &value)
{
    Findings findings;
    checkName(name, findings);
    checkValue(name, value, findings);
    return findings;
}

} // namespace Sentry
