// The two executables: hatchet-inspector (HWI_INSPECTOR) answers on the command line without loading any GUI
// library, and without a command-line option becomes hatchet-inspector-window (HWI_INSPECTOR_WINDOW), which
// reads the same options the same way. Where the window is looked for when it is not beside the front.
#include "inspectorprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

QByteArray readProc(qint64 pid, const char* entry) {
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(entry)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The process's thread count (/proc/PID/status), 0 when it is gone.
int threadCount(qint64 pid) {
    for (const QByteArray& line : readProc(pid, "status").split('\n')) {
        if (line.startsWith("Threads:"))
            return line.mid(8).trimmed().toInt();
    }
    return 0;
}

// Polls until ready() or ten seconds have passed.
template <typename Ready> bool waitFor(Ready ready) {
    const QDeadlineTimer deadline(10000);
    while (!ready()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(5);
    }
    return true;
}

testutil::InspectorRun runWindowExecutable(const QStringList& arguments) {
    QProcess process;
    process.setProcessEnvironment(testutil::headless());
    process.start(QStringLiteral(HWI_INSPECTOR_WINDOW), arguments);
    testutil::InspectorRun run;
    run.finished = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Starts `front SOURCE` on the offscreen platform, waits for the process to become the window executable
// (/proc/PID/exe) and paint its first worker rows (HWI_BENCH_EVENTS, views/benchevents.h), and kills it.
// Returns "" or what went wrong; *argv is the window's command line.
QString openWindowWith(const QString& front, QList<QByteArray>* argv) {
    QTemporaryDir dir;
    const QString events = dir.filePath(QStringLiteral("events"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("HWI_BENCH_EVENTS"), events);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(front, {QStringLiteral(HWI_SAMPLE)});
    if (!process.waitForStarted(10000))
        return QStringLiteral("not started: ") + process.errorString();
    const qint64 pid = process.processId();
    const QString window = QFileInfo(QStringLiteral(HWI_INSPECTOR_WINDOW)).canonicalFilePath();
    const bool becameWindow = waitFor(
        [&] { return QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).canonicalFilePath() == window; });
    const bool painted = becameWindow && waitFor([&] {
                             QFile file(events);
                             return file.open(QIODevice::ReadOnly) && file.readAll().contains("first-rows");
                         });
    *argv = readProc(pid, "cmdline").split('\0');
    process.kill();
    process.waitForFinished(10000);
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    if (!becameWindow)
        return QStringLiteral("did not become %1: %2").arg(window, err);
    if (!painted)
        return QStringLiteral("painted no worker rows: ") + err;
    return {};
}

} // namespace

class TestExecutables : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void commandLineLoadsNoGui();
    void windowModeBecomesTheWindow();
    void installedLayoutFindsTheWindow();
    void windowReadsTheSameOptions_data();
    void windowReadsTheSameOptions();
    void windowRefusesCommandLineModes();
    void missingWindowIsSaid();
};

// `--list -` waits for standard input in a loader thread: by then the options are parsed and the command
// runs, and neither Qt Widgets nor Qt Gui (nor D-Bus) is mapped into the process. Then it answers as from the
// file.
void TestExecutables::commandLineLoadsNoGui() {
    QProcess process;
    process.setProcessEnvironment(testutil::headless());
    process.start(QStringLiteral(HWI_INSPECTOR), {QStringLiteral("--list"), QStringLiteral("-")});
    QVERIFY(process.waitForStarted(10000));
    const qint64 pid = process.processId();
    // The main thread and the one reading standard input.
    QVERIFY2(waitFor([&] { return threadCount(pid) >= 2; }), "the load of standard input never started");
    const QByteArray maps = readProc(pid, "maps");
    QVERIFY(maps.contains("libQt6Core.so"));
    for (const char* library : {"libQt6Widgets", "libQt6Gui", "libQt6DBus"})
        QVERIFY2(!maps.contains(library), library);
    QCOMPARE(QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).canonicalFilePath(),
             QFileInfo(QStringLiteral(HWI_INSPECTOR)).canonicalFilePath());

    QFile sample(QStringLiteral(HWI_SAMPLE));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    process.write(sample.readAll());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    const testutil::InspectorRun fromFile =
        testutil::runInspector({QStringLiteral("--list"), QStringLiteral(HWI_SAMPLE)});
    QCOMPARE(fromFile.exitCode, 0);
    QCOMPARE(process.readAllStandardOutput(), fromFile.out);
}

// Without a command-line option the same process (same pid, same argv) becomes the window executable beside
// the front, which opens the SOURCE given.
void TestExecutables::windowModeBecomesTheWindow() {
    QList<QByteArray> argv;
    const QString problem = openWindowWith(QStringLiteral(HWI_INSPECTOR), &argv);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(argv.value(0), QFile::encodeName(QStringLiteral(HWI_INSPECTOR)));
    QCOMPARE(argv.value(1), QFile::encodeName(QStringLiteral(HWI_SAMPLE)));
}

// Installed as `cmake --install` lays it out (bin/ and libexec/ under any prefix): found from the front's
// folder.
void TestExecutables::installedLayoutFindsTheWindow() {
    QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    QVERIFY(QDir(prefix.path()).mkpath(QStringLiteral("bin")));
    QVERIFY(QDir(prefix.path()).mkpath(QStringLiteral(HWI_INSTALL_LIBEXECDIR)));
    const QString front = prefix.filePath(QStringLiteral("bin/hatchet-inspector"));
    QVERIFY(QFile::copy(QStringLiteral(HWI_INSPECTOR), front)); // a copy: a link would be followed to build/
    QVERIFY(QFile::link(QStringLiteral(HWI_INSPECTOR_WINDOW),
                        prefix.filePath(QStringLiteral(HWI_INSTALL_LIBEXECDIR "/hatchet-inspector-window"))));
    QList<QByteArray> argv;
    const QString problem = openWindowWith(front, &argv);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(argv.value(0), QFile::encodeName(front));
}

// Run directly, the window reads the options with the front's code: the same version, the same usage errors
// with the same exit status (no display needed for either).
void TestExecutables::windowReadsTheSameOptions_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("version") << QStringList{QStringLiteral("--version")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--no-such-option")};
    QTest::newRow("--at malformed") << QStringList{QStringLiteral("--at"), QStringLiteral("yesterday")};
    QTest::newRow("--max-size malformed")
        << QStringList{QStringLiteral("--max-size"), QStringLiteral("lots")};
    QTest::newRow("--filter verdict:")
        << QStringList{QStringLiteral("--filter"), QStringLiteral("verdict:runs")};
    QTest::newRow("--columns without --list")
        << QStringList{QStringLiteral("--columns"), QStringLiteral("id")};
    QTest::newRow("--connect and a SOURCE")
        << QStringList{QStringLiteral("--connect"), QStringLiteral(HWI_SAMPLE)};
}

void TestExecutables::windowReadsTheSameOptions() {
    QFETCH(QStringList, arguments);
    const testutil::InspectorRun front = testutil::runInspector(arguments);
    const testutil::InspectorRun window = runWindowExecutable(arguments);
    QVERIFY(front.finished);
    QVERIFY(window.finished);
    QCOMPARE(window.exitCode, front.exitCode);
    QCOMPARE(window.out, front.out);
    QCOMPARE(window.err, front.err);
    if (arguments.first() == QLatin1String("--version")) {
        QCOMPARE(window.exitCode, 0);
        QVERIFY(window.out.startsWith("hatchet-inspector "));
    } else {
        QCOMPARE(window.exitCode, 2);
        QVERIFY(window.err.startsWith("hatchet-inspector: "));
    }
}

// The command-line modes are the front's: the window, run directly with one, says so.
void TestExecutables::windowRefusesCommandLineModes() {
    const testutil::InspectorRun run =
        runWindowExecutable({QStringLiteral("--list"), QStringLiteral(HWI_SAMPLE)});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("run by hatchet-inspector"), run.err.constData());
}

// A front without its window (copied alone elsewhere): window mode names every path it tried and exits 2; the
// command-line modes still work.
void TestExecutables::missingWindowIsSaid() {
    if (QFileInfo::exists(QStringLiteral(HWI_LIBEXECDIR "/hatchet-inspector-window")))
        QSKIP("hatchet-inspector-window is installed in " HWI_LIBEXECDIR);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString front = dir.filePath(QStringLiteral("bin/hatchet-inspector"));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("bin")));
    QVERIFY(QFile::copy(QStringLiteral(HWI_INSPECTOR), front));
    QProcess process;
    process.setProcessEnvironment(testutil::headless());
    process.start(front, {QStringLiteral(HWI_SAMPLE)});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    QVERIFY2(err.startsWith(QLatin1String("hatchet-inspector: cannot open the window: tried ")),
             qPrintable(err));
    for (const QString& tried : {dir.filePath(QStringLiteral("bin/hatchet-inspector-window")),
                                 QStringLiteral(HWI_LIBEXECDIR "/hatchet-inspector-window")})
        QVERIFY2(err.contains(tried + QLatin1String(" (")), qPrintable(err));

    process.start(front, {QStringLiteral("--list"), QStringLiteral(HWI_SAMPLE)});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestExecutables)
#include "tst_executables.moc"
