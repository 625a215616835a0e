#include "fieldtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SentryUi {

QString displayText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::String:
        return value.toString();
    default:
        break;
    }
    // Wrapping in an array serializes scalars too; strip the brackets again.
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QJsonValue valueFromText(const QString &text, ValueKind kind)
{
    if (text.isEmpty())
        return QJsonValue::Undefined;
    if (kind == ValueKind::Integer) {
        bool ok = false;
        const qint64 number = text.trimmed().toLongLong(&ok);
        return ok ? QJsonValue(number) : QJsonValue(text);
    }
    if (kind == ValueKind::Json) {
        QJsonParseError error;
        const QJsonDocument doc
            = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + ']', &error);
        if (error.error == QJsonParseError::NoError && doc.array().size() == 1)
            return doc.array().at(0);
    }
    return text;
}

} // namespace SentryUi
