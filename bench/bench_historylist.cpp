// bench_historylist: the history list over 100 000 exchanges, as a user drives it. A 1 ms timer
// beats on the GUI thread throughout; the longest gap between two beats is the longest the event
// loop stalled. The baseline, measured in the same run: the longest gap while the window sits idle.
// Phases: open (the first page), scroll to the end (every page fetched) and back to the top in
// 200 steps, a text filter that matches a tenth of the rows, one that matches none (SQLite reads
// every event), and 100 new rows arriving at the top. Prints one line per phase and the process's
// peak resident memory (VmHWM). Usage: bench_historylist [ROWS] [DB] (QT_QPA_PLATFORM=offscreen).

#include "history.h"
#include "historymodel.h"
#include "historypanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QTableView>

#include <cstdio>
#include <ctime>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

// The GUI thread's own CPU time: on a machine shared with other builds a wall-clock gap may be
// time the thread was not scheduled; the CPU time in the same gap is the work it did.
qint64 threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

// The longest gap between two turns of the 1 ms heartbeat since the last reset, in wall-clock
// time and in the GUI thread's CPU time.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_longest = qMax(m_longest, m_clock.restart());
            const qint64 cpu = threadCpuMs();
            m_longestCpu = qMax(m_longestCpu, cpu - m_cpu);
            m_cpu = cpu;
            ++m_beats;
        });
    }
    void start()
    {
        m_clock.start();
        m_cpu = threadCpuMs();
        m_timer.start();
    }
    void reset()
    {
        m_clock.restart();
        m_cpu = threadCpuMs();
        m_longest = m_longestCpu = 0;
        m_beats = 0;
    }
    qint64 longest() const { return m_longest; }
    qint64 longestCpu() const { return m_longestCpu; }
    qint64 beats() const { return m_beats; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_cpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestCpu = 0;
    qint64 m_beats = 0;
};

Sentry::Exchange exchange(int i)
{
    Sentry::Exchange e;
    e.at = QDateTime::currentDateTimeUtc().addSecs(i - 200000);
    e.direction = i % 3 ? Sentry::Exchange::Direction::In : Sentry::Exchange::Direction::Out;
    e.method = "POST";
    e.url = "/api/1/store/";
    e.client = i % 2 ? u"raven-python/4.0.0"_s : u"raven-node/0.6.3"_s;
    e.project = u"1"_s;
    e.level = i % 10 ? u"error"_s : u"warning"_s;
    e.status = i % 17 ? 200 : 429;
    e.eventId = u"%1"_s.arg(i, 32, 16, QChar(u'0'));
    e.message = i % 10 ? u"ZeroDivisionError: division by zero in handler %1"_s.arg(i)
                       : u"Disk quota exceeded on volume %1"_s.arg(i);
    const QByteArray frames = QByteArray(R"({"filename":"app/views.py","function":"handler","lineno":42},)").repeated(6);
    e.requestBody = R"({"event_id":")" + e.eventId.toUtf8() + R"(","message":")" + e.message.toUtf8()
                    + R"(","level":")" + e.level.toUtf8() + R"(","stacktrace":{"frames":[)" + frames.chopped(1) + "]}}";
    e.eventJson = e.requestBody;
    e.responseBody = R"({"id":")" + e.eventId.toUtf8() + "\"}";
    return e;
}

bool fill(const QString &path, int rows, int from = 0)
{
    Sentry::History history;
    QString error;
    if (!history.open(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    for (int start = from; start < from + rows; start += 1000) {
        QList<Sentry::Exchange> batch;
        for (int i = start; i < qMin(from + rows, start + 1000); ++i)
            batch.append(exchange(i));
        if (!history.insert(batch, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
    }
    return true;
}

qint64 peakResidentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Runs the event loop until `done` holds, calling `step` once per turn; returns the elapsed ms.
qint64 drive(const std::function<void()> &step, const std::function<bool()> &done, int timeoutMs = 600000)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (!done() && elapsed.elapsed() < timeoutMs) {
        if (step)
            step();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return elapsed.elapsed();
}

void report(const char *phase, qint64 ms, const Heartbeat &beat, qint64 idleLongest, int rows)
{
    std::printf("%-26s %7lld ms  longest stall %4lld ms (%4.1fx idle), GUI thread CPU in a gap %3lld ms  "
                "beats %6lld  rows %6d\n", phase, static_cast<long long>(ms), static_cast<long long>(beat.longest()),
                idleLongest > 0 ? double(beat.longest()) / double(idleLongest) : 0.0,
                static_cast<long long>(beat.longestCpu()), static_cast<long long>(beat.beats()), rows);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    const QString path = argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(u"history.sqlite"_s);
    QElapsedTimer timer;
    timer.start();
    if (!QFile::exists(path) && !fill(path, rows))
        return 1;
    std::printf("database: %s, %d rows, %lld MB, filled in %lld ms\n", qPrintable(path), rows,
                static_cast<long long>(QFile(path).size() / 1000000), static_cast<long long>(timer.elapsed()));

    SentryUi::HistoryPanel panel;
    panel.resize(1366, 400);
    panel.show();
    SentryUi::HistoryModel *model = panel.model();
    model->setPollInterval(0); // the phases below check for new rows themselves
    QTableView *view = panel.view();
    QScrollBar *bar = view->verticalScrollBar();
    Heartbeat beat;
    beat.start();

    drive({}, [] { return false; }, 1000);
    beat.reset();
    qint64 ms = drive({}, [] { return false; }, 2000);
    const qint64 idle = qMax<qint64>(beat.longest(), 1);
    report("idle (baseline)", ms, beat, idle, model->rowCount());

    beat.reset();
    bool loaded = false; // since the last reset: the rows of the current filter are in
    QObject::connect(model, &SentryUi::HistoryModel::loaded, [&loaded] { loaded = true; });
    QObject::connect(model, &QAbstractItemModel::modelReset, [&loaded] { loaded = false; });
    panel.open(path);
    ms = drive({}, [&] { return loaded; });
    report("open (first page)", ms, beat, idle, model->rowCount());

    beat.reset();
    ms = drive([&] { bar->setValue(bar->maximum()); },
               [&] { return !model->canFetchMore({}) && !model->isBusy() && bar->value() == bar->maximum(); });
    report("scroll to the end", ms, beat, idle, model->rowCount());

    beat.reset();
    int step = 200;
    ms = drive([&] { bar->setValue(bar->maximum() * --step / 200); }, [&] { return step <= 0; });
    report("scroll back to the top", ms, beat, idle, model->rowCount());

    const auto filterBy = [&](const QString &text, const char *phase) {
        beat.reset();
        loaded = false;
        panel.findChild<QLineEdit *>(u"historyText"_s)->setText(text);
        const qint64 took = drive({}, [&] { return loaded && model->filter().text == text; });
        report(phase, took, beat, idle, model->rowCount());
    };
    filterBy(u"quota"_s, "filter 'quota' (1 in 10)");
    filterBy(u"no-such-text"_s, "filter matching none");
    filterBy(QString(), "filter cleared");

    if (!fill(path, 100, rows))
        return 1;
    beat.reset();
    const int before = model->rowCount();
    model->checkForNew();
    ms = drive({}, [&] { return model->rowCount() >= before + 100 && !model->isBusy(); });
    report("100 new rows at the top", ms, beat, idle, model->rowCount());

    std::printf("peak resident memory (VmHWM): %lld MB\n", static_cast<long long>(peakResidentKb() / 1024));
    return 0;
}
