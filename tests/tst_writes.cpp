// Writes: a full disk and a refused directory are reported with the path and leave an existing file as it
// was (atomic writes, QSaveFile); loading and exporting never open the source file for writing.
//
// Without root there is no tiny filesystem to fill, so "disk full" is produced two real ways: the export's
// child process runs under RLIMIT_FSIZE (write() fails with EFBIG part-way, as on a full disk), and standard
// output goes to /dev/full (write() fails with ENOSPC). As root, the permission test drops to `nobody`.
#include "export/atomicwrite.h"
#include "export/workerexport.h"
#include "load/loader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <numeric>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace hwi;

namespace {

const QString Sample = QStringLiteral(HWI_SAMPLE);

struct Run {
    int exitCode = -1;
    QString err;
};

Run runInspector(const QStringList& arguments, const std::function<void()>& inChild = {},
                 const QString& standardOutput = {}) {
    QProcess process;
    if (inChild)
        process.setChildProcessModifier(inChild);
    if (!standardOutput.isEmpty())
        process.setStandardOutputFile(standardOutput);
    process.start(QStringLiteral(HWI_INSPECTOR), arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError()).trimmed()};
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

std::shared_ptr<const hatchet::Snapshot> loadFile(const QString& path) {
    load::Loader loader;
    QSignalSpy loaded(&loader, &load::Loader::loaded);
    loader.load(path);
    if (!loaded.wait(30000))
        return nullptr;
    return loaded.at(0).at(0).value<std::shared_ptr<const hatchet::Snapshot>>();
}

} // namespace

class TestWrites : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fullDiskKeepsThePreviousFile_data();
    void fullDiskKeepsThePreviousFile();
    void fullStandardOutput();
    void permissionDenied();
    void sourceNeverOpenedForWriting();
};

void TestWrites::fullDiskKeepsThePreviousFile_data() {
    QTest::addColumn<int>("padding"); // length of a string in a one-worker list; 0: the sample
    // Above the 4096-byte limit, the export's size decides how its bytes reach the disk: all in QFileDevice's
    // 16 KiB buffer until the commit, a partial write then a buffered tail, or one direct write.
    QTest::newRow("sample") << 0;
    QTest::newRow("8 kB") << 8000;
    QTest::newRow("18 kB") << 18000;
    QTest::newRow("40 kB") << 40000;
}

void TestWrites::fullDiskKeepsThePreviousFile() {
    QFETCH(int, padding);
    QTemporaryDir dir;
    QString source = Sample;
    if (padding > 0) {
        source = dir.filePath(QStringLiteral("padded.json"));
        QVERIFY(writeFile(source, R"({"rows": [{"metadata": {"id": "w-1"}, "name": ")" +
                                      QByteArray(padding, 'x') + "\"}]}\n"));
    }
    const QString out = dir.filePath(QStringLiteral("workers.json"));
    QVERIFY(writeFile(out, "the previous export\n"));
    const Run run = runInspector({QStringLiteral("--export"), out, source}, [] {
        ::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of death
        const rlimit limit{4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QStringLiteral("Cannot write %1: File too large").arg(out));
    QCOMPARE(readFile(out), QByteArray("the previous export\n"));
    QStringList files = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    files.removeOne(QStringLiteral("padded.json"));
    QCOMPARE(files, QStringList{QStringLiteral("workers.json")});
}

void TestWrites::fullStandardOutput() {
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full");
    const Run run = runInspector({QStringLiteral("--export"), QStringLiteral("-"), Sample}, {},
                                 QStringLiteral("/dev/full"));
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QStringLiteral("Cannot write standard output: No space left on device"));
}

void TestWrites::permissionDenied() {
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                                  QFileDevice::ReadGroup | QFileDevice::ExeGroup |
                                                  QFileDevice::ReadOther | QFileDevice::ExeOther)); // 0555
    const QString out = dir.filePath(QStringLiteral("workers.json"));
    const bool root = ::geteuid() == 0;
    // Root writes anywhere: the export runs as nobody instead (the sample and the binary are world-readable).
    const Run run = runInspector({QStringLiteral("--export"), out, Sample}, [root] {
        if (root && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(99);
    });
    QFile::setPermissions(dir.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(QStringLiteral("Cannot write %1: ").arg(out)), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("ermission denied")), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(out));
}

// A read-only source watched with inotify: loading, exporting (in process and from the command line) and
// reloading read it (IN_CLOSE_NOWRITE) and never open it for writing (IN_CLOSE_WRITE), change it or its
// attributes. Root ignores the read-only bit, so the watch is the proof.
void TestWrites::sourceNeverOpenedForWriting() {
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("source.json"));
    QVERIFY(QFile::copy(Sample, source));
    QVERIFY(QFile::setPermissions(source,
                                  QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const QByteArray content = readFile(source);
    const QDateTime modified = QFileInfo(source).lastModified();

    const int watch = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    QVERIFY(watch >= 0);
    QVERIFY(::inotify_add_watch(watch, QFile::encodeName(source).constData(), IN_ALL_EVENTS) >= 0);

    auto snapshot = loadFile(source);
    QVERIFY(snapshot);
    std::vector<std::size_t> all(snapshot->workers.size());
    std::iota(all.begin(), all.end(), std::size_t(0));
    const auto error =
        exporting::writeAtomically(dir.filePath(QStringLiteral("export.json")), [&](QIODevice& device) {
            return exporting::writeWorkers(device, *snapshot, all, exporting::Style::Pretty);
        });
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QVERIFY(loadFile(source));
    const Run run = runInspector({QStringLiteral("--check"), QStringLiteral("--export"),
                                  dir.filePath(QStringLiteral("export2.json")), source});
    QCOMPARE(run.exitCode, 0);

    std::uint32_t seen = 0;
    alignas(inotify_event) char buffer[4096];
    for (ssize_t got; (got = ::read(watch, buffer, sizeof buffer)) > 0;) {
        for (char* at = buffer; at < buffer + got;) {
            const auto* event = reinterpret_cast<const inotify_event*>(at);
            seen |= event->mask;
            at += sizeof(inotify_event) + event->len;
        }
    }
    ::close(watch);
    QVERIFY2(seen & IN_CLOSE_NOWRITE, "the watch saw no read: it proves nothing");
    QVERIFY2(!(seen & (IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_MOVE_SELF | IN_DELETE_SELF)),
             qPrintable(QStringLiteral("inotify mask 0x%1").arg(seen, 0, 16)));
    QCOMPARE(readFile(source), content);
    QCOMPARE(QFileInfo(source).lastModified(), modified);
    QCOMPARE(readFile(dir.filePath(QStringLiteral("export.json"))),
             content); // the sample exports byte for byte
}

QTEST_GUILESS_MAIN(TestWrites)
#include "tst_writes.moc"
