#include "bodycodec.h"

#include "asciiclass.h"
#include "serverrefusals.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// Inflate writes into a fixed chunk and we copy out only what fits under the cap, so a bomb costs
// at most cap + one chunk, however far it would inflate.
constexpr qsizetype InflateChunk = 64 * 1024;
constexpr char Utf8Bom[] = "\xEF\xBB\xBF";

struct EncodingRow
{
    BodyEncoding encoding;
    const char *name;
    const char *contentType;
};

constexpr EncodingRow EncodingTable[] = {
    {BodyEncoding::Json, "json", "application/json"},
    {BodyEncoding::Base64Zlib, "base64-zlib", "application/octet-stream"},
};

struct ErrorRow
{
    DecodeResult::Error error;
    const char *name;
};

constexpr ErrorRow ErrorTable[] = {
    {DecodeResult::Error::None, "none"},
    {DecodeResult::Error::TooLarge, "too-large"},
    {DecodeResult::Error::InflatedTooLarge, "inflated-too-large"},
    {DecodeResult::Error::NotJsonOrBase64, "not-json-or-base64"},
    {DecodeResult::Error::BadZlib, "bad-zlib"},
    {DecodeResult::Error::GzipNotAccepted, "gzip-not-accepted"},
    {DecodeResult::Error::LeadingWhitespace, "leading-whitespace"},
};

struct Inflated
{
    enum class Status { Ok, TooLarge, Failed };
    Status status = Status::Failed;
    QByteArray data;
    qsizetype produced = 0; // bytes kept, never more than the cap
    QString detail;         // zlib's reason when it failed
};

bool isGzip(const QByteArray &data)
{
    return data.startsWith("\x1f\x8b");
}

// RFC 1950 section 2.2: CM = 8 (deflate), window ≤ 32 KiB, and CMF*256 + FLG a multiple of 31.
bool hasZlibHeader(const QByteArray &data)
{
    if (data.size() < 2)
        return false;
    const auto cmf = static_cast<uchar>(data[0]);
    const auto flg = static_cast<uchar>(data[1]);
    return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && (cmf * 256 + flg) % 31 == 0;
}

bool isBase64Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
        || c == '/' || c == '=';
}

// Some base64 text ("HK…", "hj…") happens to pass the zlib header check, so a header alone only
// counts when its second byte cannot be base64 (78 9c, 78 da, 78 5e); control bytes always count.
bool isBinary(const QByteArray &data)
{
    const qsizetype probe = std::min<qsizetype>(data.size(), 64);
    for (qsizetype i = 0; i < probe; ++i) {
        const auto c = static_cast<uchar>(data[i]);
        if (c < 0x20 && !Ascii::isJsonSpace(c))
            return true;
    }
    return hasZlibHeader(data) && !isBase64Char(data[1]);
}

QString firstBytes(const QByteArray &data)
{
    return QString::fromLatin1(data.left(8).toHex(' '));
}

// Grows `out` geometrically but never past the cap, so its capacity stays within the cap too.
void appendCapped(QByteArray &out, const char *data, qsizetype size, qsizetype cap)
{
    const qsizetype needed = out.size() + size;
    if (out.capacity() < needed)
        out.reserve(std::min(cap, std::max(needed, 2 * out.capacity())));
    out.append(data, size);
}

Inflated failed(const QString &detail)
{
    Inflated result;
    result.detail = detail;
    return result;
}

Inflated inflateCapped(const QByteArray &data, qsizetype cap)
{
    if (data.size() > qsizetype(UINT_MAX))
        return failed(u"input over 4 GiB"_s);
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK)
        return failed(u"zlib could not start inflating"_s);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    QByteArray chunk(InflateChunk, Qt::Uninitialized);
    Inflated result;
    // JSON typically inflates 5-15x: one guess up front saves most regrowth, still within the cap.
    result.data.reserve(std::min(cap, std::max(InflateChunk, 8 * data.size())));
    for (;;) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk.data());
        stream.avail_out = uInt(chunk.size());
        const int rc = inflate(&stream, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            result = failed(rc == Z_BUF_ERROR ? u"the stream is truncated (it ends before its end marker)"_s
                                              : QString::fromLatin1(stream.msg ? stream.msg : "corrupt data"));
            break;
        }
        const qsizetype produced = chunk.size() - qsizetype(stream.avail_out);
        if (result.data.size() + produced > cap) {
            result.status = Inflated::Status::TooLarge;
            result.data.clear();
            break;
        }
        appendCapped(result.data, chunk.constData(), produced, cap);
        result.produced = result.data.size();
        if (rc == Z_STREAM_END) {
            result.status = Inflated::Status::Ok;
            break;
        }
    }
    inflateEnd(&stream);
    return result;
}

DecodeResult failure(DecodeResult::Error error, const QString &message,
                     BodyForm form = BodyForm::Unknown)
{
    DecodeResult result;
    result.error = error;
    result.errorString = message;
    result.form = form;
    return result;
}

DecodeResult success(BodyForm form, const QByteArray &json, qsizetype inflated = 0)
{
    DecodeResult result;
    result.form = form;
    result.json = json;
    result.inflatedBytes = inflated;
    return result;
}

DecodeResult tooLarge(qsizetype size, qsizetype cap)
{
    return failure(DecodeResult::Error::TooLarge,
                   u"the body is %1 bytes on the wire, over the %2-byte limit for a compressed "
                   "request body; send it as base64-zlib, or trim the event (large extra data, "
                   "stack frame variables, breadcrumbs)"_s.arg(size).arg(cap));
}

DecodeResult gzipRefused(const QString &where)
{
    return failure(DecodeResult::Error::GzipNotAccepted,
                   u"%1 is a gzip (RFC 1952) stream, starting 1f 8b: the v4 server ran "
                   "zlib.decompress(base64decode(body)), which only takes an RFC 1950 zlib stream, "
                   "and answered %2. Compress with zlib instead "
                   "(Python zlib.compress, PHP gzcompress, Node zlib.deflate), then base64-encode"_s
                       .arg(where, ServerRefusals::quoted("body.decode")));
}

// JSON preceded by whitespace or a BOM: the server only took a body as JSON if byte 0 was '{'.
std::optional<DecodeResult> leadingBytesBeforeJson(const QByteArray &body)
{
    const bool bom = body.startsWith(Utf8Bom);
    qsizetype i = bom ? 3 : 0;
    while (i < body.size() && Ascii::isJsonSpace(body[i]))
        ++i;
    if (i == 0 || i >= body.size() || body[i] != '{')
        return std::nullopt;
    const QString what = bom ? u"a UTF-8 byte-order mark (EF BB BF)"_s : u"whitespace"_s;
    return failure(DecodeResult::Error::LeadingWhitespace,
                   u"the JSON starts with %1 - %2 byte(s) before the '{': the v4 server took a body "
                   "as JSON only when its first byte was '{', tried base64 instead and answered "
                   "%3. Remove the bytes before the '{'"_s
                       .arg(what).arg(i).arg(ServerRefusals::quoted("body.decode")));
}

DecodeResult rawCompressed(const QByteArray &body)
{
    const QString kind = hasZlibHeader(body) ? u"a raw zlib stream"_s : u"binary data"_s;
    return failure(DecodeResult::Error::NotJsonOrBase64,
                   u"the body is %1 (first bytes %2), not JSON or base64: the v4 server base64-decoded "
                   "every body that did not start with '{' and answered 403. Hint: base64-encode the "
                   "compressed bytes, i.e. send base64(zlib(json)) as application/octet-stream"_s
                       .arg(kind, firstBytes(body)));
}

// Standard base64 (the server used Python's base64.b64decode); line breaks are allowed.
std::optional<QByteArray> strictBase64(const QByteArray &body, QString *problem)
{
    QByteArray compact;
    compact.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (Ascii::isJsonSpace(c))
            continue;
        if (!isBase64Char(c)) {
            *problem = u"byte %1 is '%2' (0x%3), not in the base64 alphabet"_s.arg(i)
                           .arg(QChar::fromLatin1(c))
                           .arg(uint(uchar(c)), 2, 16, QChar(u'0'));
            if (c == '-' || c == '_')
                *problem += u" (URL-safe base64? the server expects the standard '+' and '/')"_s;
            return std::nullopt;
        }
        compact.append(c);
    }
    // Python's b64decode insists on padding to a multiple of 4; Qt would accept it missing.
    auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    if (compact.size() % 4 != 0 || !decoded) {
        *problem = u"the padding or length is wrong (%1 base64 characters)"_s.arg(compact.size());
        return std::nullopt;
    }
    return decoded.decoded;
}

DecodeResult inflateBody(const QByteArray &decoded, const DecodeLimits &limits)
{
    const Inflated inflated = inflateCapped(decoded, limits.maxDecompressed);
    if (inflated.status == Inflated::Status::TooLarge) {
        DecodeResult result = failure(
            DecodeResult::Error::InflatedTooLarge,
            u"the zlib stream (%1 bytes) inflates to more than %2 bytes, the limit for a "
            "decompressed body; inflating stopped at the limit. Trim the event (large extra data, "
            "stack frame variables), or raise the limit if the receiver allows it"_s
                .arg(decoded.size()).arg(limits.maxDecompressed),
            BodyForm::Base64Zlib);
        result.inflatedBytes = inflated.produced;
        return result;
    }
    if (inflated.status == Inflated::Status::Failed) {
        return failure(DecodeResult::Error::BadZlib,
                       u"the body is base64, but its %1 decoded bytes (first bytes %2) are neither "
                       "JSON (first byte '{') nor a valid zlib stream: %3. Send base64(zlib(json)) "
                       "made by zlib's deflate (not Qt's qCompress, which adds a 4-byte length "
                       "prefix), or base64 of the JSON itself"_s
                           .arg(decoded.size()).arg(firstBytes(decoded), inflated.detail));
    }
    return success(BodyForm::Base64Zlib, inflated.data, inflated.produced);
}

DecodeResult decodeBase64(const QByteArray &body, const DecodeLimits &limits)
{
    QString problem;
    const std::optional<QByteArray> decoded = strictBase64(body, &problem);
    if (!decoded) {
        return failure(DecodeResult::Error::NotJsonOrBase64,
                       u"the body neither starts with '{' (JSON) nor is base64: %1. Send the JSON "
                       "object itself, or base64(zlib(json))"_s.arg(problem));
    }
    if (decoded->startsWith('{'))
        return success(BodyForm::Base64Json, *decoded);
    if (isGzip(*decoded))
        return gzipRefused(u"the base64-decoded body"_s);
    return inflateBody(*decoded, limits);
}

} // namespace

QString encodingName(BodyEncoding encoding)
{
    for (const EncodingRow &row : EncodingTable) {
        if (row.encoding == encoding)
            return QString::fromLatin1(row.name);
    }
    return {};
}

std::optional<BodyEncoding> encodingFromName(const QString &name)
{
    for (const EncodingRow &row : EncodingTable) {
        if (name == QLatin1StringView(row.name))
            return row.encoding;
    }
    return std::nullopt;
}

QString formName(BodyForm form)
{
    switch (form) {
    case BodyForm::Json: return u"json"_s;
    case BodyForm::Base64Json: return u"base64-json"_s;
    case BodyForm::Base64Zlib: return u"base64-zlib"_s;
    case BodyForm::Unknown: break;
    }
    return u"unknown"_s;
}

QString decodeErrorName(DecodeResult::Error error)
{
    for (const ErrorRow &row : ErrorTable) {
        if (row.error == error)
            return QString::fromLatin1(row.name);
    }
    return {};
}

QString BodyCodec::contentType(BodyEncoding encoding)
{
    for (const EncodingRow &row : EncodingTable) {
        if (row.encoding == encoding)
            return QString::fromLatin1(row.contentType);
    }
    return {};
}

QByteArray BodyCodec::encode(const QByteArray &json, BodyEncoding encoding)
{
    if (encoding == BodyEncoding::Json)
        return json;
    return zlibCompress(json).toBase64();
}

DecodeResult BodyCodec::decode(const QByteArray &body, const DecodeLimits &limits)
{
    if (body.size() > limits.maxCompressed)
        return tooLarge(body.size(), limits.maxCompressed);
    if (body.isEmpty()) {
        return failure(DecodeResult::Error::NotJsonOrBase64,
                       u"the body is empty; send a JSON object or base64(zlib(json))"_s);
    }
    if (body.startsWith('{'))
        return success(BodyForm::Json, body);
    if (auto leading = leadingBytesBeforeJson(body))
        return *leading;
    if (isGzip(body))
        return gzipRefused(u"the body"_s);
    if (isBinary(body))
        return rawCompressed(body);
    return decodeBase64(body, limits);
}

EventInput BodyCodec::readEvent(const QByteArray &bytes)
{
    DecodeLimits limits; // a file is not held to the wire limit; the validator checks the size
    limits.maxCompressed = std::numeric_limits<qsizetype>::max();
    const DecodeResult decoded = decode(bytes, limits);
    if (decoded.isOk())
        return {decoded.json, decoded.form, {}};
    const bool jsonText = decoded.error == DecodeResult::Error::LeadingWhitespace
        || (decoded.error == DecodeResult::Error::NotJsonOrBase64 && !isBinary(bytes));
    if (jsonText)
        return {bytes, BodyForm::Json, {}};
    const QString answer = decoded.error == DecodeResult::Error::InflatedTooLarge
        ? u"the request is refused: over the 1 MB decompressed store limit"_s
        : u"the v4 server answered "_s + ServerRefusals::quoted("body.decode");
    return {bytes, decoded.form, answer + u": "_s + decoded.errorString};
}

QString formDescription(BodyForm form)
{
    switch (form) {
    case BodyForm::Json: return u"raw JSON"_s;
    case BodyForm::Base64Json: return u"base64(JSON)"_s;
    case BodyForm::Base64Zlib: return u"base64(zlib(JSON))"_s;
    case BodyForm::Unknown: break;
    }
    return u"an unknown encoding"_s;
}

// zlib's deflate writes the RFC 1950 stream servers expect: 2-byte header, deflate data, Adler-32.
QByteArray BodyCodec::zlibCompress(const QByteArray &data, int level)
{
    uLongf size = compressBound(uLong(data.size()));
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    const int rc = compress2(reinterpret_cast<Bytef *>(out.data()), &size,
                             reinterpret_cast<const Bytef *>(data.constData()), uLong(data.size()),
                             level);
    if (rc != Z_OK)
        return {};
    out.truncate(qsizetype(size));
    return out;
}

std::optional<QByteArray> BodyCodec::zlibDecompress(const QByteArray &data, qsizetype cap,
                                                    bool *tooLarge)
{
    const Inflated inflated = inflateCapped(data, cap);
    if (tooLarge)
        *tooLarge = inflated.status == Inflated::Status::TooLarge;
    if (inflated.status != Inflated::Status::Ok)
        return std::nullopt;
    return inflated.data;
}

} // namespace Sentry
