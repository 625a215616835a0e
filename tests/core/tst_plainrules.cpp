// The tables and arithmetic the byte pass (plainevent.cpp) uses in place of Qt's own: each must
// answer exactly as the Qt call it stands for.

#include "plainrules.h"
#include "rules.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Sentry;
using namespace Sentry::PlainEvent;

class TestPlainRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every date of years 0 to 2401 and the edges of the four-digit years, each at a different
    // time of day including out-of-range hours, minutes and seconds.
    void utcMSecs_agreesWithQDateTime()
    {
        qsizetype checked = 0;
        const auto check = [&checked](int year) {
            for (int month = 0; month <= 13; ++month) {
                for (int day = 0; day <= 32; ++day) {
                    const int hour = (year + day) % 25, minute = (month * 7 + day) % 61, second = (day * 3 + year) % 61;
                    const QDate date(year, month, day);
                    const QTime time(hour, minute, second);
                    const qint64 expected = date.isValid() && time.isValid()
                        ? QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch() : InvalidTime;
                    if (utcMSecs(year, month, day, hour, minute, second) != expected)
                        QFAIL(qPrintable(u"%1-%2-%3 %4:%5:%6"_s.arg(year).arg(month).arg(day).arg(hour).arg(minute).arg(second)));
                    ++checked;
                }
            }
        };
        for (int year = 0; year <= 2401; ++year)
            check(year);
        for (const int year : {2899, 2900, 3000, 3200, 4000, 9996, 9999})
            check(year);
        QVERIFY(checked > 1'000'000);
    }

    void utcMSecs_knownInstants()
    {
        QCOMPARE(utcMSecs(1970, 1, 1, 0, 0, 0), 0);
        QCOMPARE(utcMSecs(2011, 5, 2, 17, 41, 36), Q_INT64_C(1304358096000));
        QCOMPARE(utcMSecs(2024, 2, 29, 23, 59, 59), QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(utcMSecs(2023, 2, 29, 0, 0, 0), InvalidTime);
        QCOMPARE(utcMSecs(2011, 5, 2, 24, 0, 0), InvalidTime);
        QCOMPARE(utcMSecs(2011, 5, 2, 23, 59, 60), InvalidTime); // no leap second in QTime
        QCOMPARE(utcMSecs(0, 1, 1, 0, 0, 0), InvalidTime);       // no year 0 in QDate
    }

    // Every key of the table is found by its own bytes and by no other.
    void topLevelIndex_findsEachKnownKeyExactly()
    {
        const QList<TopLevelKey> &keys = topLevelKeys();
        QCOMPARE(topLevelIndex().size(), keys.size());
        for (qsizetype i = 0; i < keys.size(); ++i) {
            QCOMPARE(topLevelIndex().find(keys.at(i).key), i);
            QByteArray other = keys.at(i).key;
            other[other.size() - 1] = other.back() == 'x' ? 'y' : 'x';
            QVERIFY(topLevelIndex().find(other) < 0 || keys.at(topLevelIndex().find(other)).key == other);
        }
        QCOMPARE(topLevelIndex().find("Level"), -1);
        QCOMPARE(topLevelIndex().find(""), -1);
        QCOMPARE(topLevelIndex().find(QByteArray(100, 'a')), -1);
    }

    // The ranks order the keys as a QJsonObject orders them.
    void ranks_followQJsonObjectOrder()
    {
        QJsonObject object;
        for (const TopLevelKey &entry : topLevelKeys())
            object.insert(QString::fromLatin1(entry.key), entry.rank);
        int expected = 0;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it, ++expected)
            QCOMPARE(it.value().toInt(), expected);
    }

    // RowCheck folds the rows as NormalizeContext::checkRows() applies them under v4.
    void rowCheck_foldsTypeAndLengthRows()
    {
        const RowCheck message = RowCheck::of(Rules::membersOf(QString::fromUtf16(Owner::Event)).value(u"message"_s));
        QCOMPARE(message.types, unsigned(StringType | NullType));
        QCOMPARE(message.maxLength, 2048);
        const RowCheck frames = RowCheck::of(Rules::membersOf(QString::fromUtf16(Owner::Stacktrace)).value(u"frames"_s));
        QCOMPARE(frames.types, unsigned(ArrayType));
        QCOMPARE(frames.maxLength, std::numeric_limits<qsizetype>::max());
    }
};

QTEST_GUILESS_MAIN(TestPlainRules)
#include "tst_plainrules.moc"
