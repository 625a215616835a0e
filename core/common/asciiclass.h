#pragma once

// Internal: the ASCII character classes that JSON text and the protocol define, in one place for
// the tokenizer, the byte pass, the normalizer and the body codec. Not QChar::isDigit() or
// isSpace(): those accept Unicode digits and spaces, which neither JSON nor a hex id allows.
// A char passes as it is: a byte of 0x80 or more becomes 0xFF80 or more, in no class.

namespace Sentry::Ascii {

constexpr bool isHexDigit(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// JSON's whitespace (RFC 8259, section 2).
constexpr bool isJsonSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

} // namespace Sentry::Ascii
