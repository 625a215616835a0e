#pragma once

// One Backoff per target (spec section 8): 429s on one project must not delay, or colour the
// report of, a send to another. A target is where a request goes: its store URL (scheme, host,
// port, path prefix and project id) and its public key (the legacy /api/store/ names the project
// only by the key). All backoffs share one clock.
//
//     Sentry::Backoffs backoffs(clock);
//     const QString target = Sentry::Backoffs::targetOf(request);
//     backoffs.record(target, result);
//     if (!backoffs.canSendNow(target)) timer.start(backoffs.msUntilReady(target));

#include "backoff.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Sentry {

class StoreRequest;

class Backoffs
{
public:
    explicit Backoffs(Backoff::Clock clock = {});

    // "http://host:9000/api/1/store/ key=public": the target's identity, without query or secret.
    static QString targetOf(const StoreRequest &request);

    BackoffState record(const QString &target, const SendResult &result);
    BackoffState state(const QString &target) const; // Ready for a target never recorded
    bool canSendNow(const QString &target) const;
    qint64 msUntilReady(const QString &target) const;
    void reset(const QString &target);
    QStringList targets() const; // those with a state, in no particular order

private:
    Backoff::Clock m_clock;
    QHash<QString, Backoff> m_backoffs;
};

} // namespace Sentry
