#pragma once

// What `serve`, `inspect`, `history` and `replay` share: the receiver's configuration from
// --key/--project/--origin/--profile, opening the history (--db), and one line per exchange.

#include <QString>

#include <optional>

class QCommandLineParser;
class QJsonObject;

namespace Sentry {
struct Exchange;
struct ReceiverConfig;
class History;
} // namespace Sentry

namespace Cli {

void addReceiverOptions(QCommandLineParser &parser); // --key, --project, --origin, --profile
// nullopt and *error (what is wrong with which option) on a bad value. Without --key, a key pair
// is generated when `generateKey`, else the config has no key.
std::optional<Sentry::ReceiverConfig> receiverConfigFrom(const QCommandLineParser &parser,
                                                         bool generateKey, QString *error);

void addDbOption(QCommandLineParser &parser); // --db FILE
QString dbPathFrom(const QCommandLineParser &parser); // --db, or the shared default
bool openHistory(Sentry::History &history, const QString &path); // prints why on failure

QString exchangeLine(const Sentry::Exchange &exchange); // "#12 12:00:01.123 POST /api/1/store/ 200 …"
void printExchange(const Sentry::Exchange &exchange, bool json);
void printJsonLine(const QJsonObject &object); // compact, one line, flushed

} // namespace Cli
