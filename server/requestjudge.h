#pragma once

// The receiver's protocol in one pure function (spec sections 2–4, 7, 10): a received request and
// the receiver's configuration in, a decision out — the HTTP answer, the auth fields and where they
// came from, the body encoding, the decoded event, the findings and the stored event. No I/O, so
// every route, auth placement, key, origin, encoding and limit is pinned down by table tests.
//
//     const Sentry::Decision decision = Sentry::RequestJudge::judge(request, config);
//     socket->write(decision.answer.toHttp(request.method != "HEAD"));

#include "authheader.h"
#include "bodycodec.h"
#include "finding.h"
#include "receiverconfig.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace Sentry {

using RawHeader = QPair<QByteArray, QByteArray>;
using RawHeaders = QList<RawHeader>;

// Case-insensitive, the first; the name as a view, so a literal costs no allocation.
QByteArray headerValue(const RawHeaders &headers, QByteArrayView name);
QJsonArray authFieldsJson(const QList<AuthHeader::Field> &fields); // [{"name", "value"}]
QList<AuthHeader::Field> authFieldsFromJson(const QJsonArray &array);

// A request as it arrived: the method, the request target (path and query, still percent-encoded),
// the headers in wire order, the body bytes and the peer address.
struct ReceivedRequest
{
    QByteArray method = "POST";
    QByteArray target;
    RawHeaders headers;
    QByteArray body;
    QString peer;

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
};

// An HTTP answer as the receiver writes it.
struct Answer
{
    int status = 200;
    RawHeaders headers; // without Content-Length, which toHttp() adds
    QByteArray body;

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
    // The status line, headers, Content-Length and (unless a HEAD answer) the body.
    QByteArray toHttp(bool withBody = true, bool close = false) const;
};

enum class Route { Store, LegacyStore, CrossDomain, ProjectCrossDomain, NoTrailingSlash, NotFound };
QString routeName(Route route); // "store", "legacy-store", "crossdomain", …

enum class AuthSource { None, SentryAuthHeader, AuthorizationHeader, Query };
QString authSourceName(AuthSource source); // "none", "x-sentry-auth", "authorization", "query"

struct Decision
{
    Route route = Route::NotFound;
    QString projectId;   // the project the request was judged for ("" when none was found)
    QString origin;      // Origin, or the origin of Referer; "" for a server-side client
    AuthSource authSource = AuthSource::None;
    QList<AuthHeader::Field> authFields; // as found, in order, duplicates kept
    QString client;      // sentry_client, else User-Agent
    // Why the request was refused: a refusal code ("auth.key", "body.decode", …) and the part that
    // did not match ("sentry_key", "origin", "body", "/message"); both empty when it was accepted.
    QString refusal;
    QString refusedPart;
    BodyForm encoding = BodyForm::Unknown;
    QString decodeError;  // decodeErrorName() when the body could not be decoded
    QByteArray eventJson; // the decoded event text; empty when there was none
    Findings findings;
    QJsonObject storedEvent; // the event as stored; empty unless accepted
    Answer answer;

    bool isAccepted() const { return refusal.isEmpty() && !storedEvent.isEmpty(); }
    QString eventId() const;
    QJsonObject toJson() const; // for `inspect --json` and the history
};

struct JudgeOptions
{
    std::function<QDateTime()> clock;     // receipt time for the validator; now when empty
    std::function<QString()> idGenerator; // ids for events without one; uuid4 hex when empty
};

class RequestJudge
{
public:
    static Decision judge(const ReceivedRequest &request, const ReceiverConfig &config,
                          const JudgeOptions &options = {});

    // The answer the v4 server (or Relay, by profile) gave for a refusal code, with its text:
    // X-Sentry-Error carries the first 200 characters. Codes are listed in requestjudge.cpp.
    static Answer refusalAnswer(const QString &code, Profile profile, const QString &detail = {});
    static QByteArray pixelGif(); // the 1×1 GIF answered to the GET beacon
};

} // namespace Sentry
