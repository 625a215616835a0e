#include "plainevent.h"

#include "asciiclass.h"
#include "normalizer.h"
#include "plainjudge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <array>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Sentry::PlainEvent {

void TextWriter::grow(qsizetype capacity)
{
    QByteArray bigger(capacity, Qt::Uninitialized);
    std::memcpy(bigger.data(), m_begin, size_t(m_pos - m_begin));
    m_pos = bigger.data() + (m_pos - m_begin);
    m_heap = std::move(bigger);
    m_begin = m_heap.data();
    m_end = m_begin + capacity;
}

bool Judge::isEmptyValue(qsizetype index) const
{
    const Token &t = token(index);
    return t.kind == Kind::String ? t.end - t.begin == 2
                                  : (t.kind == Kind::Array || t.kind == Kind::Object) && t.next == index + 1;
}

// QString::size() of the decoded string. (Invalid UTF-8 never reaches a result: the stored event
// keeps these bytes, and QJsonDocument refuses it.)
qsizetype Judge::utf16Length(qsizetype index) const
{
    const Token &t = token(index);
    if (t.ascii && !t.escaped)
        return t.end - t.begin - 2;
    qsizetype length = 0;
    const char *p = m_text.constData() + t.begin + 1;
    const char *end = m_text.constData() + t.end - 1;
    while (p < end) {
        const auto c = uchar(*p);
        if (c == '\\')
            p += p[1] == 'u' ? 6 : 2;
        else
            p += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        length += c >= 0xF0 ? 2 : 1; // four UTF-8 bytes: a surrogate pair
    }
    return length;
}

// NormalizeContext::checkRows() would report nothing about the value (v4).
bool Judge::rowsPass(const RowCheck &rows, qsizetype value) const
{
    const Kind kind = token(value).kind;
    return (rows.types & typeBit(kind))
           && (kind != Kind::String || rows.maxLength == std::numeric_limits<qsizetype>::max()
               || utf16Length(value) <= rows.maxLength);
}

bool Judge::eventId(qsizetype value) const
{
    const Token &t = token(value);
    if (t.kind != Kind::String || t.escaped || t.end - t.begin != 34)
        return false;
    const QByteArrayView id = inner(value);
    return std::all_of(id.begin(), id.end(), Ascii::isHexDigit);
}

bool Judge::message(qsizetype value, const TopLevelKey &entry)
{
    if (kind(value) != Kind::String)
        return false;
    const qsizetype length = utf16Length(value);
    if (length > 1000 && length <= 2048)
        m_context.report(u"event.message.document-length"_s, entry.path, {QString::number(length)});
    return true;
}

// A time the v4 server parsed, at most a minute ahead. The document's own form is read here; the
// others as Normalizer::parseTimestamp() reads them.
bool Judge::timestamp(qsizetype value) const
{
    const Token &t = token(value);
    if (t.kind != Kind::String)
        return false;
    const QByteArrayView text = inner(value);
    // Read in place: QDate, QTime and QDateTime cost more than the rest of the pass on it. One
    // loop over the pattern reads the six numbers, each ended by the separator after it.
    static constexpr char pattern[] = "dddd-dd-ddTdd:dd:dd";
    std::array<int, 6> numbers{};
    size_t number = 0;
    bool plain = !t.escaped && text.size() == qsizetype(sizeof(pattern) - 1);
    for (qsizetype i = 0; plain && i < text.size(); ++i) {
        const char c = text[i];
        if (pattern[i] != 'd') {
            plain = c == pattern[i];
            ++number;
        } else if ((plain = c >= '0' && c <= '9')) {
            numbers[number] = numbers[number] * 10 + (c - '0');
        }
    }
    if (plain) {
        const qint64 msecs = utcMSecs(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]);
        return msecs != InvalidTime && msecs <= m_latest;
    }
    const QByteArray list = '[' + raw(value).toByteArray() + ']'; // Qt's reading of the escapes
    const QDateTime time = Normalizer::parseTimestamp(QJsonDocument::fromJson(list).array().at(0));
    return time.isValid() && time.toMSecsSinceEpoch() <= m_latest;
}

// A level name stays; one of the numbers 10 … 50 is stored as its name (v4 reports nothing).
bool Judge::level(Member &member, const TopLevelKey &entry)
{
    static constexpr std::array<std::pair<const char *, const char *>, 5> levels = {{
        {"debug", "10"}, {"info", "20"}, {"warning", "30"}, {"error", "40"}, {"fatal", "50"},
    }};
    static const std::array<QByteArray, 5> quoted = {"\"debug\"", "\"info\"", "\"warning\"", "\"error\"", "\"fatal\""};
    const qsizetype value = member.value;
    const Token &t = token(value);
    if (t.kind == Kind::String) {
        return !t.escaped && std::any_of(levels.begin(), levels.end(), [&](const auto &level) {
            return same(level.first, inner(value));
        });
    }
    for (size_t i = 0; t.kind == Kind::Number && i < levels.size(); ++i) {
        if (!same(raw(value), levels[i].second))
            continue;
        member.emit = Emit::Text;
        member.text = quoted[i];
        static const QString resolved = u"resolved to its name"_s;
        m_changes.append({&entry.path, &resolved, PendingChange::Input, PendingChange::Stored, entry.rank, value});
        return true;
    }
    return false;
}

// The map form is stored as pairs: every value a string, keys and values within their limits, keys
// plain ASCII and written once (a QJsonObject orders such keys as their bytes). The list form,
// every entry a pair of strings within the limits, is stored as it came; so is null.
bool Judge::tags(Member &member, const TopLevelKey &entry)
{
    const qsizetype value = member.value;
    const auto fits = [this](qsizetype key, qsizetype text) {
        return kind(key) == Kind::String && kind(text) == Kind::String && utf16Length(key) <= 32
               && utf16Length(text) <= 200;
    };
    switch (kind(value)) {
    case Kind::Null:
        return true;
    case Kind::Array:
        return items(value, [&](qsizetype pair) {
            const qsizetype second = token(pair + 1).next; // a pair: two items, the second one last
            return kind(pair) == Kind::Array && pair + 1 < token(pair).next && second < token(pair).next
                   && token(second).next == token(pair).next && fits(pair + 1, second);
        });
    case Kind::Object:
        break;
    default:
        return false;
    }
    const bool ok = members(value, [&](qsizetype key, qsizetype text) {
        m_tagPairs.append({inner(key), text});
        return token(key).ascii && !token(key).escaped && fits(key, text);
    });
    if (!ok)
        return false;
    // A handful of tags: sorted in place by insertion, a loop of a few instructions where
    // std::sort brings three functions; a repeated key ends up next to its twin.
    for (auto it = m_tagPairs.begin(); it != m_tagPairs.end(); ++it) {
        for (auto at = it; at != m_tagPairs.begin() && at->first < (at - 1)->first; --at)
            std::swap(*at, *(at - 1));
    }
    const auto sameKey = [](const auto &a, const auto &b) { return same(a.first, b.first); };
    if (std::adjacent_find(m_tagPairs.begin(), m_tagPairs.end(), sameKey) != m_tagPairs.end())
        return false;
    member.emit = Emit::TagPairs;
    static const QString pairs = u"stored as [key, value] pairs"_s;
    m_changes.append({&entry.path, &pairs, PendingChange::Input, PendingChange::Stored, entry.rank, value});
    return true;
}

// ExtraTrimmer keeps the map as it came: at most 50 keys, no string over 2048 characters, no list
// or map nested more than 3 levels below extra. Judged on every token as written (keys and
// repeated members too), so the pass is only ever more careful than the walk.
bool Judge::extra(qsizetype value) const
{
    const Token &t = token(value);
    qsizetype keys = 0;
    members(value, [&keys](qsizetype, qsizetype) { return ++keys <= 50; });
    if (t.kind != Kind::Object || keys > 50)
        return false;
    std::array<qint32, 4> ends{}; // where the containers open at levels 0 (extra) … 3 end
    ends[0] = t.next;
    int level = 0;
    for (qsizetype i = value + 1; i < t.next; ++i) {
        while (i >= ends[size_t(level)])
            --level;
        const Token &item = token(i);
        if (item.kind == Kind::String && item.end - item.begin - 2 > 2048 && utf16Length(i) > 2048)
            return false;
        if (item.kind == Kind::Object || item.kind == Kind::Array) {
            if (++level > 3)
                return false;
            ends[size_t(level)] = item.next;
        }
    }
    return true;
}

bool Judge::member(Member &member, const TopLevelKey &entry)
{
    m_present |= entry.defaulted;
    const qsizetype value = member.value;
    if (isEmptyValue(value) || !rowsPass(entry.rows, value))
        return false;
    switch (entry.handler) {
    case Handler::EventId:
        return eventId(value);
    case Handler::Message:
        return message(value, entry);
    case Handler::Timestamp:
        return timestamp(value);
    case Handler::Level:
        return level(member, entry);
    case Handler::Plain:
        return kind(value) != Kind::Null;
    case Handler::Project:
        m_context.report(u"event.project.legacy"_s, entry.path);
        return true;
    case Handler::Tags:
        return tags(member, entry);
    case Handler::Modules:
        return kind(value) == Kind::Object;
    case Handler::Extra:
        return extra(value);
    case Handler::Interface:
        return interface(member, entry);
    }
    return false;
}

void Judge::writeValue(TextWriter &out, const Member &member) const
{
    switch (member.emit) {
    case Emit::Raw:
        out << raw(member.value);
        break;
    case Emit::Text:
        out << member.text;
        break;
    case Emit::WrapList:
        out << "{\"values\":" << raw(member.value) << '}';
        break;
    case Emit::WrapSingle:
        out << "{\"values\":[" << raw(member.value) << "]}";
        break;
    case Emit::TagPairs:
        out << '[';
        for (const auto &[key, value] : m_tagPairs)
            out << (&key == &m_tagPairs.front().first ? "[\"" : ",[\"") << key << "\"," << raw(value) << ']';
        out << ']';
        break;
    }
}

// fillDefaults(): what the server defaults, in its order. The event id is added to the parsed
// stored event (see run()), so a fallback to the full walk never makes a second one.
void Judge::fillDefaults(TextWriter &out, bool *first)
{
    // The usual event has them all: then no rule id or value below is even built.
    constexpr unsigned all = Bit::EventId | Bit::Message | Bit::Timestamp | Bit::Level | Bit::Logger;
    if ((m_present & all) == all)
        return;
    const auto fill = [&](unsigned bit, QByteArrayView key, const QString &ruleId, const QString &value) {
        if (m_present & bit)
            return;
        static const QString defaulted = u"defaulted"_s;
        const TopLevelKey &entry = topLevelKeys().at(topLevelIndex().find(key));
        m_context.report(ruleId, entry.path);
        m_changes.append({&entry.path, &defaulted, PendingChange::Added,
                          bit == Bit::EventId ? PendingChange::NewId : PendingChange::Stored, entry.rank});
        if (bit == Bit::EventId)
            return;
        // "key":"value", escaped as Qt escapes it
        const QJsonObject member{{QString::fromLatin1(key), value}};
        const QByteArray json = QJsonDocument(member).toJson(QJsonDocument::Compact);
        out << (*first ? "" : ",") << QByteArrayView(json).sliced(1, json.size() - 2);
        *first = false;
        m_storedMask |= quint64(1) << entry.rank;
    };
    fill(Bit::EventId, "event_id", u"event.event_id.missing"_s, {});
    fill(Bit::Message, "message", u"event.message.missing"_s, u"<no message value>"_s);
    if (!(m_present & Bit::Timestamp))
        fill(Bit::Timestamp, "timestamp", u"event.timestamp.missing"_s, Normalizer::formatTimestamp(QDateTime::fromMSecsSinceEpoch(m_now, Qt::UTC)));
    fill(Bit::Level, "level", u"event.level.missing"_s, u"error"_s);
    fill(Bit::Logger, "logger", u"event.logger.missing"_s, u"root"_s);
}

// The change entries, with their values read from the stored event. Its keys are known and
// ASCII, so a QJsonObject keeps them in the order of their bytes: each value is read by its
// index, without looking its key up. They go straight into *changes: the pass reports no other.
void Judge::resolveChanges(const QJsonObject &stored, QList<Change> *changes)
{
    const auto storedValue = [&](int rank) -> QJsonValue {
        const quint64 bit = quint64(1) << rank;
        Q_ASSERT(m_storedMask & bit); // the order: tst_plainrules checks it
        return (stored.constBegin() + qPopulationCount(m_storedMask & (bit - 1))).value();
    };
    QJsonValue values = QJsonValue::Undefined; // of the stored exception, written as {"values": [...]}
    const auto storedValues = [&](int key) {
        if (values.isUndefined())
            values = storedValue(key).toObject().constBegin().value();
        return values;
    };
    const auto value = [&](PendingChange::From from, const PendingChange &change) -> QJsonValue {
        switch (from) {
        case PendingChange::Added:
            return QJsonValue::Undefined;
        case PendingChange::Stored:
            return storedValue(change.stored);
        case PendingChange::StoredValues:
            return storedValues(change.stored);
        case PendingChange::StoredFirstValue:
            return storedValues(change.stored).toArray().at(0);
        case PendingChange::NewId:
            return m_newId;
        case PendingChange::Input:
            break;
        }
        return std::move(m_inputs[change.input]); // each input value is shown by one change
    };
    changes->reserve(m_changes.size());
    for (const PendingChange &change : m_changes)
        changes->append({*change.path, *change.description, value(change.before, change), value(change.after, change)});
}

namespace {

// visit(i) for the members order[i] by their entries' rank (TopLevelKey::rank, the order of a
// QJsonObject's keys, or ::storedRank), while it returns true. The table has at most 64 keys and a
// rank is an index into it, so a mask of the ranks present is the sorted order. No two members of
// `order` share a rank: their keys differ, and an alias and its full name, which share a stored
// rank, never both reach writeEvent().
template<typename Order, typename Visit>
bool forEachByRank(const Order &order, int TopLevelKey::*rank, Visit visit)
{
    std::array<qint8, 64> byRank;
    quint64 ranks = 0;
    for (qsizetype i = 0; i < order.size(); ++i) {
        const int r = order[i].first->*rank;
        Q_ASSERT(r >= 0 && r < 64 && !(ranks & (quint64(1) << r)));
        ranks |= quint64(1) << r;
        byRank[size_t(r)] = qint8(i);
    }
    for (; ranks; ranks &= ranks - 1) {
        if (!visit(qsizetype(byRank[qCountTrailingZeroBits(ranks)])))
            return false;
    }
    return true;
}

} // namespace

// The members in the order of their stored keys: the order QJsonDocument keeps, which it then
// finds already sorted.
void Judge::writeEvent(TextWriter &out, const Order &order)
{
    out << '{';
    bool first = true;
    // The input values the change entries show ride along as the first members, under keys no
    // event member can have (" 0", " 1": a space sorts before letters): one parse for all, and
    // they are taken out again in run().
    for (PendingChange &change : m_changes) {
        if (change.before != PendingChange::Input)
            continue;
        change.input = m_inputCount++;
        out << (first ? "\" " : ",\" ") << char('0' + change.input) << "\":" << raw(change.token);
        first = false;
    }
    // Members stored as they came that also follow each other in the input are copied as one
    // span of it, separators included: [spanBegin, spanEnd), the last of them order[spanLast].
    qsizetype spanBegin = 0, spanEnd = 0, spanLast = -2;
    const auto flush = [&] {
        if (spanEnd > spanBegin)
            out << QByteArrayView(m_text.constData() + spanBegin, spanEnd - spanBegin);
        spanBegin = spanEnd = 0;
    };
    forEachByRank(order, &TopLevelKey::storedRank, [&](qsizetype i) {
        const auto &member = order[i].second;
        const bool asItCame = member.storedKey.isEmpty() && member.emit == Emit::Raw;
        if (asItCame && i == spanLast + 1 && spanEnd > spanBegin) {
            spanEnd = token(member.value).end;
            spanLast = i;
            return true;
        }
        flush();
        if (!first)
            out << ',';
        first = false;
        if (asItCame) {
            spanBegin = token(member.key).begin;
            spanEnd = token(member.value).end;
            spanLast = i;
            return true;
        }
        if (member.storedKey.isEmpty())
            out << raw(member.key);
        else
            out << '"' << member.storedKey << '"';
        out << ':';
        writeValue(out, member);
        return true;
    });
    flush();
    fillDefaults(out, &first);
    out << '}';
}

bool Judge::run(const ValidateOptions &options, ValidationResult *result)
{
    if (kind(0) != Kind::Object)
        return false;
    // Every key a known one, written once, visited in the order of a QJsonObject's keys (for ASCII
    // keys, the order of their bytes) as the full walk visits them.
    const QList<TopLevelKey> &known = topLevelKeys();
    Order order;
    quint64 seen = 0;
    const bool knownKeys = members(0, [&](qsizetype key, qsizetype value) {
        const QByteArrayView name = inner(key);
        const qsizetype index = topLevelIndex().find(name);
        if (token(key).escaped || index < 0)
            return false;
        const auto it = known.begin() + index;
        const quint64 bit = quint64(1) << index;
        if (seen & bit)
            return false;
        seen |= bit;
        order.append({&*it, Member{key, value}});
        return true;
    });
    if (!knownKeys)
        return false;
    // An interface under its alias and under its full name, which share a stored key (and rank):
    // the walk keeps one of them. Every other key has a stored rank of its own. The mask is then
    // the stored event's members as writeEvent() writes them; fillDefaults() adds the defaults.
    const bool judged = forEachByRank(order, &TopLevelKey::rank, [&](qsizetype i) {
        auto &[entry, member] = order[i];
        const quint64 bit = quint64(1) << entry->storedRank;
        if (m_storedMask & bit)
            return false;
        m_storedMask |= bit;
        return this->member(member, *entry);
    });
    if (!judged)
        return false;
    if (m_stacktrace && m_exception) // the walk may move the stacktrace into the exception
        return false;

    TextWriter out(m_text.size() + 256);
    writeEvent(out, order);
    QJsonParseError error;
    QJsonObject event = QJsonDocument::fromJson(out.text(), &error).object();
    // Every member written came back (m_storedMask has one bit for each but the change inputs).
    if (error.error != QJsonParseError::NoError || event.size() != m_inputCount + qPopulationCount(m_storedMask))
        return false; // invalid UTF-8 in the input, for one: the full walk reports it
    for (int i = 0; i < m_inputCount; ++i) {
        m_inputs.append(event.constBegin().value());
        event.erase(event.begin());
    }
    const bool newId = !(m_present & Bit::EventId);
    if (newId)
        m_newId = (options.idGenerator ? options.idGenerator : &Normalizer::newEventId)();
    resolveChanges(event, &result->changes);
    if (newId)
        event.insert(u"event_id"_s, m_newId);
    result->profile = Profile::V4;
    result->parsed = true;
    result->findings = m_context.takeFindings();
    result->normalized = std::move(event); // the move assignment swaps
    return true;
}

bool receiptTime(const ValidateOptions &options, qint64 *now)
{
    if (!options.clock) {
        *now = QDateTime::currentMSecsSinceEpoch();
        return true;
    }
    const QDateTime time = options.clock();
    *now = time.toMSecsSinceEpoch();
    return time.isValid();
}

std::optional<ValidationResult> validate(const QByteArray &json, const ValidateOptions &options)
{
    qint64 now = 0;
    ValidationResult result;
    if (!receiptTime(options, &now) || !validate(json, options, now, &result))
        return std::nullopt;
    return result;
}

bool validate(const QByteArray &json, const ValidateOptions &options, qint64 now,
              ValidationResult *result)
{
    if (options.profile != Profile::V4 || !options.quickChecks)
        return false;
    JsonTokens tokens;
    return tokens.read(json) && Judge(json, tokens, now).run(options, result);
}

} // namespace Sentry::PlainEvent
