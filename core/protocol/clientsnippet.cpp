#include "clientsnippet.h"

#include "dsn.h"
#include "storerequest.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Sentry {

namespace {

// One row per client: how its documentation of the time configured it. %1 is the DSN as a quoted
// string of the language.
struct ConfigLine
{
    const char16_t *id;
    const char16_t *title;
    const char16_t *line;
    bool publicDsn; // a browser client: the DSN without its secret
};

constexpr ConfigLine ConfigLines[] = {
    {u"raven-python-4", u"raven-python 4 (Python)", u"from raven import Client\nclient = Client(%1)", false},
    {u"raven-node-0.6", u"raven-node 0.6 (Node.js)",
     u"var raven = require('raven');\nvar client = new raven.Client(%1);", false},
    {u"raven-js-1.1", u"raven-js 1.1 (browser)", u"Raven.config(%1).install();", true},
};

// A single-quoted string literal of Python and JavaScript alike.
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

QString curlCommand(const Dsn &dsn, qint64 unixSeconds)
{
    const QString timestamp = QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss"_s);
    // The same DSN and second give the same event id: the command is a pure function of both.
    const QString eventId = QUuid::createUuidV5(QUuid(), dsn.text() + timestamp).toString(QUuid::Id128);
    const QJsonObject event{{u"event_id"_s, eventId},     {u"message"_s, u"Hello from curl"_s},
                            {u"level"_s, u"info"_s},      {u"logger"_s, u"curl"_s},
                            {u"platform"_s, u"other"_s}, {u"timestamp"_s, timestamp}};
    StoreRequestOptions options;
    options.clock = [unixSeconds] { return unixSeconds; };
    const auto request = StoreRequest::build(dsn, QJsonDocument(event).toJson(QJsonDocument::Compact), options);
    return request ? request->toCurl() : QString();
}

} // namespace

QList<ClientSnippet> ClientSnippet::forDsn(const Dsn &dsn, qint64 unixSeconds)
{
    if (!dsn.isValid())
        return {};
    QList<ClientSnippet> snippets;
    for (const ConfigLine &row : ConfigLines) {
        QString secret;
        const QString text = row.publicDsn ? Dsn::splitSecret(dsn.text(), &secret) : dsn.text();
        snippets.append({QString::fromUtf16(row.id), QString::fromUtf16(row.title),
                         QString::fromUtf16(row.line).arg(quoted(text))});
    }
    const QString curl = curlCommand(dsn, unixSeconds);
    if (!curl.isEmpty())
        snippets.append({u"curl"_s, u"curl"_s, curl});
    return snippets;
}

} // namespace Sentry
