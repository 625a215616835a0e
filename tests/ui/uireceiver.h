#pragma once

// A receiver on 127.0.0.1, port 0, in the test's own thread, and a way to send it one event with
// the core's sender and wait for the answer: for the GUI tests of faults and series.

#include "dsn.h"
#include "receiver.h"
#include "sender.h"
#include "storerequest.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

inline Sentry::ReceiverConfig uiReceiverConfig()
{
    Sentry::ReceiverConfig config;
    config.projects = {{QStringLiteral("1"), QStringLiteral("app"), {{QStringLiteral("pub"), QStringLiteral("sec")}}}};
    return config;
}

inline Sentry::StoreRequest requestFor(const Sentry::Receiver &receiver,
                                       const QByteArray &json = R"({"message":"hi","level":"error"})")
{
    return *Sentry::StoreRequest::build(Sentry::Dsn::parse(receiver.dsn()), json);
}

// One send with the core's sender; the result once it arrived (status -1 if it never did).
inline Sentry::SendResult sendOnce(const Sentry::Receiver &receiver)
{
    QNetworkAccessManager manager;
    Sentry::Sender sender(&manager);
    QSignalSpy finished(&sender, &Sentry::Sender::finished);
    sender.send(requestFor(receiver));
    if (!finished.wait(10000)) {
        Sentry::SendResult never;
        never.status = -1;
        return never;
    }
    return finished.first().first().value<Sentry::SendResult>();
}
