#pragma once

// The protocol timeline of one exchange, sent or received, for teaching: DSN → URL → auth header →
// JSON → scrubbing → encoding → bytes → response → verdict, each step a plain value with the facts
// (secrets masked) and what happened and why in plain words. Pure: an exchange in, steps out; two
// renderers write them as Markdown and as one self-contained HTML page.
//
//     const QList<Sentry::TimelineStep> steps = Sentry::Timeline::build(exchange);
//     file.write(Sentry::Timeline::toHtml(exchange).toUtf8());

#include <QList>
#include <QPair>
#include <QString>

namespace Sentry {

struct Exchange;

struct TimelineStep
{
    enum class Kind { Dsn, Url, Auth, Json, Scrubbing, Encoding, Bytes, Response, Verdict };
    enum class Outcome { Ok, Note, Problem }; // Note: worth a look; Problem: where it went wrong

    Kind kind = Kind::Dsn;
    Outcome outcome = Outcome::Ok;
    QString summary;                       // what happened, in one line
    QList<QPair<QString, QString>> values; // the facts, in order
    QString explanation;                   // why, in plain words

    QString value(const QString &name) const; // "" when absent
};

QString stepTitle(TimelineStep::Kind kind);        // "DSN", "URL", "Auth header", …
QString outcomeName(TimelineStep::Outcome outcome); // "ok", "note", "problem"

class Timeline
{
public:
    static QList<TimelineStep> build(const Exchange &exchange);
    static QString title(const Exchange &exchange); // "Exchange #12: sent to 127.0.0.1:9000, …"
    static QString toMarkdown(const Exchange &exchange);
    // One HTML document: inline CSS, no scripts or external resources, every text escaped.
    static QString toHtml(const Exchange &exchange);
};

} // namespace Sentry
