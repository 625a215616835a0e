#pragma once

// Store request bodies (spec section 4): JSON, or base64(zlib(json)) — a real RFC 1950 stream,
// not qCompress's length-prefixed form. Decoding sniffs the form and inflates in a stream with a
// cap, so a decompression bomb never allocates more than the cap.

#include <QByteArray>
#include <QString>

#include <optional>

namespace Sentry {

enum class BodyEncoding { Json, Base64Zlib };

QString encodingName(BodyEncoding encoding);                     // "json", "base64-zlib"
std::optional<BodyEncoding> encodingFromName(const QString &name);

// What decode() found on the wire.
enum class BodyForm { Json, Base64Json, Base64Zlib, Unknown };

QString formName(BodyForm form); // "json", "base64-json", "base64-zlib", "unknown"

struct DecodeLimits
{
    qsizetype maxCompressed = 200 * 1000;    // bytes on the wire
    qsizetype maxDecompressed = 1000 * 1000; // bytes of JSON after inflating
};

struct DecodeResult
{
    enum class Error {
        None,
        TooLarge,           // the wire body exceeds maxCompressed
        InflatedTooLarge,   // inflating would exceed maxDecompressed (stopped at the cap)
        NotJsonOrBase64,    // neither starts with "{" nor is base64
        BadZlib,            // base64 decodes, but to neither JSON nor a valid zlib stream
        GzipNotAccepted,    // a gzip (RFC 1952) wrapper: the v4 server refused it
        LeadingWhitespace,  // JSON with leading whitespace or a BOM: the v4 server refused it
    };

    Error error = Error::None;
    QString errorString; // what is wrong and how to fix it; empty on success
    BodyForm form = BodyForm::Unknown;
    QByteArray json;     // the decoded JSON text (empty on error)
    // Bytes inflate produced before decoding stopped: never more than maxDecompressed, so a test
    // (or a receiver's log) can see a bomb was cut off at the cap rather than after the fact.
    qsizetype inflatedBytes = 0;

    bool isOk() const { return error == Error::None; }
};

// A stable code for logs and JSON: "too-large", "inflated-too-large", "gzip-not-accepted", …
QString decodeErrorName(DecodeResult::Error error);

// An event as a user brings it (a file, a paste, a drop): raw JSON, or a body as it was sent
// (base64(json), base64(zlib(json))), decoded. Text that is neither is kept as it is, for the
// validator to explain; an encoding that is there but broken is refused with the server's answer.
struct EventInput
{
    QByteArray json;                // what to validate or edit
    BodyForm form = BodyForm::Json; // what was found
    QString refusal;                // a broken encoding: what the v4 server answered, and why
    bool isRefused() const { return !refusal.isEmpty(); }
};

QString formDescription(BodyForm form); // "raw JSON", "base64(zlib(JSON))", …

class BodyCodec
{
public:
    static EventInput readEvent(const QByteArray &bytes);
    static QByteArray encode(const QByteArray &json, BodyEncoding encoding);
    static DecodeResult decode(const QByteArray &body, const DecodeLimits &limits = {});

    // zlib (RFC 1950) helpers, exposed for tests and the receiver.
    static QByteArray zlibCompress(const QByteArray &data, int level = 6);
    // Inflates an RFC 1950 stream; nullopt when it is not one, *tooLarge set when it hit the cap.
    static std::optional<QByteArray> zlibDecompress(const QByteArray &data, qsizetype cap,
                                                    bool *tooLarge = nullptr);

    static QString contentType(BodyEncoding encoding); // application/json, application/octet-stream
};

} // namespace Sentry
