// The window's speed as a user meets it (README, "The window").
//   window_benchmark --launch INSPECTOR PEER FILE   the window as a process on the offscreen platform: from
//       posix_spawn to the first worker rows painted and to the filter ready (HWI_BENCH_EVENTS, see
//       views/benchevents.h), against the peer process (json_peer FILE: read, QJsonDocument::fromJson, exit),
//       interleaved, medians. Target: rows painted before the peer has finished.
//   window_benchmark --responsive FILE              in this process, a MainWindow loading FILE (e.g. 100,000
//       workers): the longest gap between GUI event-loop turns during the load, Cancel at three moments of a
//       load, filter keystrokes, header clicks that sort; each against its frame (16 ms) or 100 ms target.
#include "filter/workerfilterproxy.h"
#include "filterbar.h"
#include "itemmodels/workertablemodel.h"
#include "load/backgroundpool.h"
#include "mainwindow.h"
#include "session/session.h"
#include "workertableview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

extern char** environ;

using namespace hwi;
using models::WorkerTableModel;

namespace {

constexpr int Rounds = 5;
constexpr double FrameMs = 16.0;
constexpr double SortTargetMs = 100.0;

double monotonicMs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? -1 : values[values.size() / 2];
}

std::vector<char*> argvOf(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    return argv;
}

// ---- the window as a process ----

struct Launch {
    double firstRows = -1;    // from posix_spawn, the benchmark's clock
    double filterReady = -1;  //
    double ownFirstRows = -1; // as the window counts from its process start (/proc/self/stat)
};

Launch launchWindow(const std::string& inspector, const std::string& file, const std::string& configDir) {
    int pipeFds[2];
    if (pipe2(pipeFds, O_CLOEXEC) != 0) {
        std::perror("pipe2");
        std::exit(2);
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 3); // dup2 clears close-on-exec
    std::vector<std::string> env = {"QT_QPA_PLATFORM=offscreen", "HWI_BENCH_EVENTS=fd:3",
                                    "XDG_CONFIG_HOME=" + configDir}; // no remembered layout or recent files
    for (char** variable = environ; *variable; ++variable) {
        const std::string text = *variable;
        if (text.rfind("QT_QPA_PLATFORM=", 0) != 0 && text.rfind("HWI_BENCH_EVENTS=", 0) != 0 &&
            text.rfind("XDG_CONFIG_HOME=", 0) != 0)
            env.push_back(text);
    }
    const std::vector<std::string> args = {inspector, file};
    std::vector<char*> argv = argvOf(args), envp = argvOf(env);
    const double start = monotonicMs();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) {
        std::perror(argv[0]);
        std::exit(2);
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    Launch launch;
    std::string pending;
    while (launch.firstRows < 0 || launch.filterReady < 0) {
        pollfd wait{pipeFds[0], POLLIN, 0};
        if (poll(&wait, 1, 120000) <= 0)
            break;
        char buffer[512];
        const ssize_t got = ::read(pipeFds[0], buffer, sizeof buffer);
        if (got <= 0)
            break; // the window exited
        pending.append(buffer, std::size_t(got));
        for (std::size_t end = pending.find('\n'); end != std::string::npos; end = pending.find('\n')) {
            char event[32] = {};
            double own = 0;
            long long mono = 0;
            if (std::sscanf(pending.substr(0, end).c_str(), "%31s %lf %lld", event, &own, &mono) == 3) {
                const double at = double(mono) / 1e6 - start;
                if (std::strcmp(event, "first-rows") == 0) {
                    launch.firstRows = at;
                    launch.ownFirstRows = own;
                } else if (std::strcmp(event, "filter-ready") == 0) {
                    launch.filterReady = at;
                }
            }
            pending.erase(0, end + 1);
        }
    }
    ::close(pipeFds[0]);
    ::kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (launch.firstRows < 0 || launch.filterReady < 0) {
        std::fprintf(stderr, "the window did not report first-rows and filter-ready\n");
        std::exit(1);
    }
    return launch;
}

double runPeer(const std::string& peer, const std::string& file) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    const std::vector<std::string> args = {peer, file};
    std::vector<char*> argv = argvOf(args);
    const double start = monotonicMs();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        std::perror(argv[0]);
        std::exit(2);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "the peer failed\n");
        std::exit(1);
    }
    return monotonicMs() - start;
}

int benchLaunch(const std::string& inspector, const std::string& peer, const std::string& file) {
    char configDir[] = "/tmp/hwi-window-bench-XXXXXX";
    if (!mkdtemp(configDir)) {
        std::perror("mkdtemp");
        return 2;
    }
    launchWindow(inspector, file, configDir); // warm-up: the file in the page cache, the libraries loaded
    runPeer(peer, file);
    std::vector<double> rows, ready, own, peers, rowRatios, readyRatios;
    for (int round = 0; round < Rounds; ++round) { // interleaved: both see the same machine
        const Launch launch = launchWindow(inspector, file, configDir);
        const double theirs = runPeer(peer, file);
        rows.push_back(launch.firstRows);
        ready.push_back(launch.filterReady);
        own.push_back(launch.ownFirstRows);
        peers.push_back(theirs);
        rowRatios.push_back(launch.firstRows / theirs);
        readyRatios.push_back(launch.filterReady / theirs);
    }
    std::string rm = std::string("rm -rf ") + configDir;
    [[maybe_unused]] const int removed = std::system(rm.c_str());
    const double rowRatio = median(rowRatios);
    std::printf("window launch (%s, %.1f MB; offscreen; %d interleaved rounds, medians)\n", file.c_str(),
                double(QFileInfo(QString::fromStdString(file)).size()) / 1e6, Rounds);
    std::printf("peer process (read + QJsonDocument::fromJson + exit): %8.1f ms\n", median(peers));
    std::printf(
        "launch -> first worker rows painted:                  %8.1f ms  %5.2fx of the peer  (target < "
        "1: %s)\n",
        median(rows), rowRatio, rowRatio < 1 ? "met" : "NOT met");
    std::printf("launch -> filter ready (worker index built):          %8.1f ms  %5.2fx of the peer\n",
                median(ready), median(readyRatios));
    std::printf("(first rows as the window counts from its process start: %.0f ms)\n", median(own));
    return 0;
}

// ---- the window in this process ----

// The time the host has taken from this VM's CPUs so far (/proc/stat's steal, all CPUs), in ms.
double stolenMs() {
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = stat.readLine().simplified().split(' '); // cpu user nice system idle ...
    return fields.size() > 8 ? fields[8].toDouble() * 1000.0 / double(::sysconf(_SC_CLK_TCK)) : 0;
}

// The calling thread's scheduler times so far (/proc/thread-self/schedstat, opened on that thread): on a CPU,
// and runnable but waiting for one, in ms. What the GUI thread did during a gap: ran (the window's work),
// waited (other threads held the cores), or neither (it slept: blocked, or its virtual CPU stood still).
class ThreadTimes {
public:
    ThreadTimes()
        : m_fd(::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC)) {}
    ~ThreadTimes() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    std::pair<double, double> read() const {
        char text[128] = {};
        unsigned long long ran = 0, waited = 0;
        if (m_fd < 0 || ::pread(m_fd, text, sizeof text - 1, 0) <= 0 ||
            std::sscanf(text, "%llu %llu", &ran, &waited) != 2)
            return {0, 0};
        return {ran / 1e6, waited / 1e6};
    }

private:
    int m_fd;
};

// A thread of its own that sleeps 1 ms at a time and notes each time it woke 5 ms or more late without
// having waited for a CPU meanwhile: its timer did not fire, because its virtual CPU did not run. On the
// shared 2-core VM the host sometimes stops one virtual CPU or both for 15 to 40 ms (perf shows no sample on
// either core during a whole-machine stall, and those end on 100 ms boundaries: the host's CPU quota); a
// thread whose timer is queued on a stopped CPU sleeps on, whatever it is. A GUI gap that shares such a
// stretch was the machine's, not the window's. A late wake-up spent waiting for a CPU (the window's own
// threads, or any others, holding the cores) is not counted: that delay could be the window's.
class MachineStalls {
public:
    static constexpr double LateMs = 5.0;
    // At most this share of the late interval spent runnable, waiting for a CPU.
    static constexpr double MostWaitingShare = 0.25;

    void start(const QElapsedTimer& clock) {
        m_clock = clock;
        m_late.clear();
        m_stop = false;
        m_thread = std::thread([this] {
            const ThreadTimes times; // this thread's
            double last = m_clock.nsecsElapsed() / 1e6, lastWaited = times.read().second;
            while (!m_stop) {
                const timespec oneMs{0, 1000000};
                nanosleep(&oneMs, nullptr);
                const double now = m_clock.nsecsElapsed() / 1e6, waited = times.read().second;
                if (now - last - 1.0 >= LateMs && waited - lastWaited <= MostWaitingShare * (now - last))
                    m_late.emplace_back(last + 1.0, now); // written only by this thread until join()
                last = now;
                lastWaited = waited;
            }
        });
    }
    void stop() {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    // How much of [from, to] the machine stood still.
    double within(double from, double to) const {
        double still = 0;
        for (const auto& [begin, end] : m_late)
            still += std::max(0.0, std::min(end, to) - std::max(begin, from));
        return still;
    }

private:
    QElapsedTimer m_clock;
    std::thread m_thread;
    std::atomic_bool m_stop{false};
    std::vector<std::pair<double, double>> m_late;
};

// The gaps between the GUI thread's event-loop turns (a 1 ms timer's timeouts): the longest, and the longest
// of the window's own, less the time the whole machine stood still meanwhile (MachineStalls), with what the
// GUI thread did during it.
class StallMeter final : public QObject {
public:
    struct Gap {
        double from, to, ran, waited;
    };

    StallMeter() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = m_clock.nsecsElapsed() / 1e6;
            const auto [ran, waited] = m_times.read();
            m_gaps.push_back(
                {m_last, now, ran - m_lastRan, waited - m_lastWaited}); // every turn: a few thousand
            m_last = now;
            m_lastRan = ran;
            m_lastWaited = waited;
        });
    }
    void start(const QElapsedTimer& clock) {
        m_clock = clock;
        m_gaps.clear();
        m_last = m_clock.nsecsElapsed() / 1e6;
        std::tie(m_lastRan, m_lastWaited) = m_times.read();
        m_machine.start(clock);
        m_stolenAtStart = stolenMs();
        m_timer.start();
    }
    void stop() {
        m_timer.stop();
        m_stolen = stolenMs() - m_stolenAtStart;
        m_machine.stop();
        m_longest = m_longestOwn = Gap{};
        m_longestOwnMs = 0;
        for (const Gap& gap : m_gaps) {
            if (gap.to - gap.from > m_longest.to - m_longest.from)
                m_longest = gap;
            if (const double own = gap.to - gap.from - m_machine.within(gap.from, gap.to);
                own > m_longestOwnMs) {
                m_longestOwnMs = own;
                m_longestOwn = gap;
            }
        }
    }
    double longest() const { return m_longest.to - m_longest.from; }
    double longestEnd() const { return m_longest.to; } // ms on the clock given to start()
    double longestOwn() const { return m_longestOwnMs; }
    double longestOwnEnd() const { return m_longestOwn.to; }
    double stolen() const { return m_stolen; } // from start() to stop(), all CPUs
    const Gap& longestOwnGap() const { return m_longestOwn; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    ThreadTimes m_times;
    MachineStalls m_machine;
    double m_last = 0, m_lastRan = 0, m_lastWaited = 0;
    std::vector<Gap> m_gaps;
    Gap m_longest{}, m_longestOwn{};
    double m_longestOwnMs = 0;
    double m_stolenAtStart = 0, m_stolen = 0;
};

const QString SpinTimerName = QStringLiteral("spinUntil");

// When the last QTimer's timeout began (the filter box's debounce runs the filter in one).
class TimerEventClock final : public QObject {
public:
    explicit TimerEventClock(const QElapsedTimer& clock)
        : m_clock(clock) {}
    double lastStart = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Timer && watched->inherits("QTimer") &&
            watched->objectName() != SpinTimerName)
            lastStart = m_clock.nsecsElapsed() / 1e6;
        return false;
    }

private:
    const QElapsedTimer& m_clock;
};

// Notes when a widget first paints while its table has rows.
class FirstRowsPaint final : public QObject {
public:
    FirstRowsPaint(QAbstractItemView* view, const QElapsedTimer& clock)
        : m_view(view)
        , m_clock(clock) {
        view->viewport()->installEventFilter(this);
    }
    double at = -1;

protected:
    bool eventFilter(QObject*, QEvent* event) override {
        if (at < 0 && event->type() == QEvent::Paint && m_view->model()->rowCount() > 0)
            at = m_clock.nsecsElapsed() / 1e6;
        return false;
    }

private:
    QAbstractItemView* m_view;
    const QElapsedTimer& m_clock;
};

// Runs the event loop until done() or the timeout, blocked in it between events as the application is. Not
// QTest::qWaitFor: it sleeps 10 ms between its turns, which the stall meter counted as stalls of the
// window (and which delayed a Cancel click by as much).
bool spinUntil(const std::function<bool()>& done, int timeoutMs) {
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setObjectName(SpinTimerName); // not the filter's debounce (TimerEventClock)
    check.setInterval(2);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return done();
}

void spinFor(int ms) {
    QElapsedTimer clock;
    clock.start();
    spinUntil([&] { return clock.elapsed() >= ms; }, ms + 1000);
}

const char* verdict(double value, double target) {
    return value <= target ? "met" : "NOT met";
}

// The worst of the window's own figures (less the time the machine stood still meanwhile), and the worst as
// measured.
struct Worst {
    double own = 0, raw = 0;
    void add(double ownMs, double rawMs) {
        own = std::max(own, ownMs);
        raw = std::max(raw, rawMs);
    }
};

// " (N ms with the machine's)" when the machine stood still during a figure, else nothing.
std::string withMachine(double own, double raw) {
    if (raw - own < 0.05)
        return {};
    char text[64];
    std::snprintf(text, sizeof text, " (%.1f ms with the machine's)", raw);
    return text;
}

views::MainWindow* newWindow() {
    auto* window = new views::MainWindow;
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        std::fprintf(stderr, "the window was not exposed\n");
    return window;
}

void deleteWindow(views::MainWindow* window) {
    delete window;
    load::backgroundPool().waitForDone();
    QCoreApplication::processEvents();
}

struct LoadFigures {
    double shown = -1, firstRows = -1, filterReady = -1;
};

LoadFigures benchLoad(views::MainWindow& window, const QString& file, StallMeter& stalls) {
    QElapsedTimer clock;
    clock.start();
    LoadFigures figures;
    double parsing = -1;
    FirstRowsPaint paint(window.workerTable(), clock);
    QObject context; // the connections below end with this function
    QObject::connect(window.session(), &session::Session::parsing, &context,
                     [&] { parsing = clock.nsecsElapsed() / 1e6; });
    QObject::connect(&window, &views::MainWindow::snapshotShown, &context,
                     [&] { figures.shown = clock.nsecsElapsed() / 1e6; });
    QObject::connect(window.session(), &session::Session::indexed, &context,
                     [&] { figures.filterReady = clock.nsecsElapsed() / 1e6; });
    double installed = -1; // the table's rows reset to the new document's: showing begins
    QObject::connect(window.workerProxy(), &QAbstractItemModel::modelReset, &context, [&] {
        if (installed < 0 && window.workerProxy()->rowCount() > 0)
            installed = clock.nsecsElapsed() / 1e6;
    });
    stalls.start(clock);
    window.open(file);
    if (!spinUntil([&] { return figures.filterReady >= 0 && paint.at >= 0; }, 600000))
        std::fprintf(stderr, "the load did not finish\n");
    spinFor(100); // what follows at once
    stalls.stop();
    figures.firstRows = paint.at;
    const auto phase = [&](double end) {
        return end <= parsing                                      ? "while reading"
               : installed < 0 || end <= installed                 ? "while parsing and preparing rows"
               : end <= std::max(figures.shown, figures.firstRows) ? "showing the snapshot"
                                                                   : "after the snapshot was shown";
    };
    std::printf("load: read done %.0f ms, shown %.0f ms, first rows painted %.0f ms, filter ready %.0f ms\n",
                parsing, figures.shown, figures.firstRows, figures.filterReady);
    std::printf(
        "longest gap between GUI event-loop turns during the load, the window's own: %6.1f ms  %5.2fx "
        "of a %.0f ms frame (%s; it ended at %.0f ms, %s)\n",
        stalls.longestOwn(), stalls.longestOwn() / FrameMs, FrameMs, verdict(stalls.longestOwn(), FrameMs),
        stalls.longestOwnEnd(), phase(stalls.longestOwnEnd()));
    const StallMeter::Gap& gap = stalls.longestOwnGap();
    std::printf("  the GUI thread meanwhile: on a CPU %.1f ms, waiting for one %.1f ms, asleep %.1f ms\n",
                gap.ran, gap.waited, std::max(0.0, gap.to - gap.from - gap.ran - gap.waited));
    std::printf(
        "  as measured, with the time the machine stood still (a 1 ms sleeper thread %.0f ms or more late, "
        "not waiting for a CPU): %.1f ms, ended at %.0f ms, %s\n",
        MachineStalls::LateMs, stalls.longest(), stalls.longestEnd(), phase(stalls.longestEnd()));
    std::printf("  time the host took from this VM's CPUs during the load (/proc/stat steal): %.0f ms\n",
                stalls.stolen());
    return figures;
}

QPushButton* cancelButton(views::MainWindow& window) {
    for (QPushButton* button : window.statusBar()->findChildren<QPushButton*>()) {
        if (button->text() == views::MainWindow::tr("&Cancel"))
            return button;
    }
    return nullptr;
}

// Cancel at three moments of a load: a quarter and three quarters of the file read (the parse running
// beside the read), and as the read ends (the parse, index and validation still to do).
void benchCancel(const QString& file, StallMeter& stalls) {
    struct Moment {
        const char* name;
        double share; // of the bytes read; 1: at the parsing() signal
    };
    for (const Moment moment :
         {Moment{"25% read", 0.25}, Moment{"75% read", 0.75}, Moment{"read done", 1.0}}) {
        views::MainWindow* window = newWindow();
        QElapsedTimer clock;
        clock.start();
        double due = -1, clicked = -1, answered = -1;
        bool shown = false;
        QObject context;
        const auto click = [&] {
            if (due < 0)
                return;
            clicked = clock.nsecsElapsed() / 1e6;
            if (QPushButton* button = cancelButton(*window); button && button->isVisible())
                QTest::mouseClick(button, Qt::LeftButton);
            else
                window->session()->cancel();
        };
        QObject::connect(
            window->session(), &session::Session::progress, &context, [&](qint64 got, qint64 total) {
                if (due < 0 && moment.share < 1 && total > 0 && double(got) >= moment.share * double(total)) {
                    due = clock.nsecsElapsed() / 1e6;
                    QTimer::singleShot(0, &context, click); // as a user's click: in a turn of its own
                }
            });
        QObject::connect(window->session(), &session::Session::parsing, &context, [&] {
            if (due < 0 && moment.share >= 1) {
                due = clock.nsecsElapsed() / 1e6;
                QTimer::singleShot(0, &context, click);
            }
        });
        QObject::connect(window->session(), &session::Session::shown, &context, [&] { shown = true; });
        QObject::connect(window->session(), &session::Session::cancelled, &context,
                         [&] { answered = clock.nsecsElapsed() / 1e6; });
        stalls.start(clock);
        window->open(file);
        const bool done = spinUntil([&] { return answered >= 0 || shown; }, 600000) &&
                          spinUntil([&] { return load::backgroundPool().activeThreadCount() == 0; }, 600000);
        const double stopped = clock.nsecsElapsed() / 1e6;
        stalls.stop();
        if (!done || shown || answered < 0) {
            std::printf("  cancel at %-9s: the load had finished first\n", moment.name);
        } else {
            const double answer = answered - due; // waiting for the GUI thread, then the click
            std::printf(
                "  cancel at %-9s: answered %6.1f ms after it was due (%5.2fx of %.0f ms, %s); load stopped "
                "(threads idle) %6.1f ms after; longest gap %.1f ms%s\n",
                moment.name, answer, answer / FrameMs, FrameMs, verdict(answer, FrameMs), stopped - answered,
                stalls.longestOwn(), withMachine(stalls.longestOwn(), stalls.longest()).c_str());
        }
        deleteWindow(window);
    }
}

// Types each character of `text` into the filter box; per keystroke the key's handling and the filter's
// turn (the debounce's timeout: parse, proxy filtered, counts), which together must fit a frame.
Worst typeFilter(views::MainWindow& window, const QString& text, const char* label) {
    QElapsedTimer clock;
    clock.start();
    MachineStalls machine;
    machine.start(clock);
    TimerEventClock timers(clock);
    qApp->installEventFilter(&timers);
    QLineEdit* edit = window.filterBar()->edit();
    edit->setFocus();
    double filteredAt = -1;
    const QMetaObject::Connection connection =
        QObject::connect(window.filterBar(), &views::FilterBar::queryChanged, &window,
                         [&] { filteredAt = clock.nsecsElapsed() / 1e6; });
    struct Key {
        QString text;
        double start, key, filterStart, filter;
        int rows;
    };
    std::vector<Key> keys;
    for (const QChar c : text) {
        filteredAt = -1;
        const double start = clock.nsecsElapsed() / 1e6;
        QTest::keyClick(edit, c.toLatin1());
        const double key = clock.nsecsElapsed() / 1e6 - start;
        if (!spinUntil([&] { return filteredAt >= 0; }, 10000))
            std::fprintf(stderr, "the filter did not apply\n");
        keys.push_back({edit->text(), start, key, timers.lastStart, filteredAt - timers.lastStart,
                        window.workerProxy()->rowCount()});
    }
    machine.stop();
    Worst worst;
    for (const Key& k : keys) {
        const double key = k.key - machine.within(k.start, k.start + k.key);
        const double filter = k.filter - machine.within(k.filterStart, k.filterStart + k.filter);
        worst.add(key + filter, k.key + k.filter);
        std::printf(
            "  %-26s '%s': key %5.2f ms + filter %6.2f ms = %6.2f ms  %5.2fx of %.0f ms  (%d rows)%s\n",
            label, qPrintable(k.text), key, filter, key + filter, (key + filter) / FrameMs, FrameMs, k.rows,
            withMachine(key + filter, k.key + k.filter).c_str());
    }
    QObject::disconnect(connection);
    qApp->removeEventFilter(&timers);
    return worst;
}

// From the click to the sorted rows, on `clock`.
std::pair<double, double> clickHeader(views::MainWindow& window, int column, const QElapsedTimer& clock) {
    QHeaderView* header = window.workerTable()->horizontalHeader();
    window.workerTable()->scrollTo(window.workerProxy()->index(0, column));
    const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                    header->height() / 2);
    const double from = clock.nsecsElapsed() / 1e6;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    const double to = clock.nsecsElapsed() / 1e6;
    QCoreApplication::processEvents(); // the repaint, outside the figure
    return {from, to};
}

int benchResponsive(const QString& file) {
    QStandardPaths::setTestModeEnabled(true); // no remembered layout, filter or recent files
    const QString size = QString::number(double(QFileInfo(file).size()) / 1e6, 'f', 1);
    std::printf("window responsiveness (%s, %s MB; offscreen, in process)\n", qPrintable(file),
                qPrintable(size));
    StallMeter stalls;
    views::MainWindow* window = newWindow();
    const LoadFigures load = benchLoad(*window, file, stalls);

    std::printf(
        "filter keystrokes (the box's 150 ms debounce between them; target: key + filter <= %.0f ms)\n",
        FrameMs);
    Worst keys = typeFilter(*window, QStringLiteral("render"), "typed, unsorted");
    QElapsedTimer clear;
    clear.start();
    window->setFilter(QString());
    std::printf("  clearing the filter: %.2f ms (%d rows)\n", clear.nsecsElapsed() / 1e6,
                window->workerProxy()->rowCount());

    std::printf("sorting by a header click (target <= %.0f ms, %d rows)\n", SortTargetMs,
                window->workerProxy()->rowCount());
    Worst sorts;
    QElapsedTimer clock;
    clock.start();
    for (const int column : {int(WorkerTableModel::NameColumn), int(WorkerTableModel::LastHeartbeatColumn),
                             int(WorkerTableModel::StatusColumn), int(WorkerTableModel::SlotsColumn),
                             int(WorkerTableModel::LabelsColumn), int(WorkerTableModel::HealthColumn)}) {
        const QString name = window->workerProxy()->headerData(column, Qt::Horizontal).toString();
        for (int click = 0; click < 2; ++click) {
            MachineStalls machine;
            machine.start(clock);
            const auto [from, to] = clickHeader(*window, column, clock);
            machine.stop();
            const double raw = to - from, ms = raw - machine.within(from, to);
            const bool sorted = window->workerProxy()->sortColumn() == column;
            sorts.add(ms, raw);
            std::printf("  %-16s %-10s %8.1f ms  %6.2fx of %.0f ms%s%s\n", qPrintable(name),
                        window->workerProxy()->sortOrder() == Qt::AscendingOrder ? "ascending" : "descending",
                        ms, ms / SortTargetMs, SortTargetMs, withMachine(ms, raw).c_str(),
                        sorted ? "" : "  (did not sort)");
        }
    }
    clickHeader(*window, WorkerTableModel::NameColumn, clock); // sorted by name, as a user would have it
    const Worst sortedKeys = typeFilter(*window, QStringLiteral("render"), "typed, sorted by name");
    keys.add(sortedKeys.own, sortedKeys.raw);
    window->setFilter(QString());
    deleteWindow(window);

    std::printf("cancel (a click on the status bar's Cancel; the load shown in %.0f ms when not cancelled)\n",
                load.shown);
    benchCancel(file, stalls);
    std::printf(
        "worst keystroke %.2f ms (%s), worst sort %.1f ms (%s); as measured, with the time the machine "
        "stood still: %.2f ms and %.1f ms\n",
        keys.own, verdict(keys.own, FrameMs), sorts.own, verdict(sorts.own, SortTargetMs), keys.raw,
        sorts.raw);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 5 && std::strcmp(argv[1], "--launch") == 0)
        return benchLaunch(argv[2], argv[3], argv[4]);
    if (argc == 3 && std::strcmp(argv[1], "--responsive") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        return benchResponsive(QString::fromLocal8Bit(argv[2]));
    }
    std::fprintf(stderr, "usage: window_benchmark --launch INSPECTOR PEER FILE\n"
                         "       window_benchmark --responsive FILE\n");
    return 2;
}
