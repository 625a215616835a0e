#pragma once

// Internal to the normalizer: the seven v4 interfaces (spec section 6). Each returns what the
// server stores, or nullopt when it drops the interface (the findings say why).

#include "normalizecontext.h"
#include "rules.h"

#include <QJsonObject>

#include <optional>

namespace Sentry {

class InterfaceNormalizer
{
public:
    explicit InterfaceNormalizer(NormalizeContext &context) : m_context(context) {}

    // `key` and `path` are as in the input ("request", "/request").
    std::optional<QJsonObject> normalize(const InterfaceInfo &info, const QString &key,
                                         const QJsonValue &value, const QString &path);

private:
    std::optional<QJsonObject> exception(const QJsonValue &value, const QString &path);
    // *changed: the stored value differs from the input (its stacktrace was repaired).
    std::optional<QJsonObject> exceptionValue(const QJsonValue &value, const QString &path,
                                              const QString &dropped, bool *changed);
    std::optional<QJsonObject> stacktrace(const QJsonValue &value, const QString &path,
                                          const QString &dropped);
    bool frame(const QJsonValue &value, const QString &path, const QString &dropped);
    struct FrameMember; // what frame() checks about one member
    static const QHash<QString, FrameMember> &frameMembers();
    bool frameMember(const FrameMember &row, const QString &key, const QJsonValue &value,
                     const QString &path, const QString &dropped);
    // `passedAs`: the member a value that was not an object was passed as ("" when it was an
    // object); that member is judged where the value is in the input, at `path` itself.
    std::optional<QJsonObject> http(const QJsonObject &object, const QString &path,
                                    const QString &passedAs);
    void httpUrl(QJsonObject &object, const QString &path, const QString &passedAs);
    void httpMethod(QJsonObject &object, const QString &path);
    std::optional<QJsonObject> plain(const QString &owner, const QJsonObject &object,
                                     const QString &path, const QString &passedAs = {});

    NormalizeContext &m_context;
};

} // namespace Sentry
