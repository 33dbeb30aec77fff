// The loader: every SOURCE form, failures, cancellation, replacement, the size cap, capture time, progress.
#include "load/backgroundpool.h"
#include "load/loader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>

#include <thread>

#include <sys/resource.h>
#include <unistd.h>

using hwi::hatchet::Shape;
using hwi::hatchet::Snapshot;
using hwi::load::Loader;
using hwi::load::LoadError;
using hwi::load::LoadTimings;

namespace {

using SnapshotPtr = std::shared_ptr<const Snapshot>;

QString fixturePath(const char* name) {
    return QStringLiteral(HWI_FIXTURES "/") + QString::fromUtf8(name);
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Root reads files whatever their permissions say.
bool permissionsAreEnforced() {
    return ::geteuid() != 0;
}

// A valid WorkerList big enough that parsing it takes a while (tens of milliseconds at least).
QByteArray bigWorkerList(int workers) {
    QByteArray out = "{\"rows\": [";
    for (int i = 0; i < workers; ++i) {
        if (i)
            out += ",";
        out +=
            "{\"metadata\": {\"id\": \"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b\", \"createdAt\": "
            "\"2026-11-29T12:00:00Z\", \"updatedAt\": \"2026-11-29T12:00:00Z\"}, \"name\": \"w" +
            QByteArray::number(i) +
            "\", \"type\": \"SELFHOSTED\", \"status\": \"ACTIVE\", \"actions\": [\"a:b\", \"c:d\", \"e:f\"], "
            "\"slotConfig\": {\"default\": {\"available\": 1, \"limit\": 2}}}";
    }
    return out + "]}";
}

// Waits for the pool threads a cancelled parse may still occupy, then delivers any queued signal.
void drain() {
    hwi::load::backgroundPool().waitForDone(30000);
    QCoreApplication::processEvents();
    QTest::qWait(50);
}

SnapshotPtr snapshotAt(const QSignalSpy& loaded, qsizetype i) {
    return loaded.at(i).at(0).value<SnapshotPtr>();
}

LoadError errorAt(const QSignalSpy& failed, qsizetype i) {
    return failed.at(i).at(0).value<LoadError>();
}

QString describe(const QSignalSpy& failed) {
    return failed.isEmpty() ? QStringLiteral("no failure") : errorAt(failed, 0).toString();
}

// Serves `body` once per connection over plain HTTP with this Date header, as a web server or Hatchet would.
class DatedServer : public QTcpServer {
public:
    DatedServer(QByteArray body, QByteArray date)
        : m_body(std::move(body))
        , m_date(std::move(date)) {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_requests[socket] += socket->readAll();
                    if (!m_requests[socket].contains("\r\n\r\n"))
                        return;
                    m_requests.remove(socket);
                    socket->write("HTTP/1.1 200 OK\r\nDate: " + m_date +
                                  "\r\nContent-Type: application/json\r\nContent-Length: " +
                                  QByteArray::number(m_body.size()) + "\r\nConnection: close\r\n\r\n" +
                                  m_body);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QString url(const char* path) const {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(QLatin1String(path));
    }

private:
    QByteArray m_body;
    QByteArray m_date;
    QHash<QTcpSocket*, QByteArray> m_requests;
};

} // namespace

class TestLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void sources_data();
    void sources();
    void unreadable_data();
    void unreadable();
    void malformedFile();
    void errorText();
    void urlForSource_data();
    void urlForSource();

    void cancelBeforeRead();
    void cancelWhileParsing();
    void backgroundPriority();
    void cancelWhenIdle();
    void newLoadReplacesRunningOne();
    void newLoadReplacesParsingOne();
    void newLoadReplacesFailingOne();
    void loadAgainAfterFinishing();
    void destroyWhileLoading();

    void sizeCap_data();
    void sizeCap();
    void captureTimeIsFileTime();
    void captureTimeWithoutFileTime();
    void copiedFileTimeIsContradicted();
    void captureHintKind();
    void progressAndParsing();
    void largeFileParsedWhileRead();

private:
    QTemporaryDir m_dir;
};

void TestLoader::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(":/sample-workers.json")));
}

void TestLoader::sources_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("workers");
    QTest::addColumn<Shape>("shape");

    QTest::newRow("path") << QStringLiteral(HWI_SAMPLE) << 12 << Shape::WorkerList;
    QTest::newRow("file URL") << QUrl::fromLocalFile(QStringLiteral(HWI_SAMPLE)).toString() << 12
                              << Shape::WorkerList;
    QTest::newRow(":/ resource") << QStringLiteral(":/sample-workers.json") << 12 << Shape::WorkerList;
    QTest::newRow("qrc URL") << QStringLiteral("qrc:/sample-workers.json") << 12 << Shape::WorkerList;
    QTest::newRow("single worker") << fixturePath("worker-get.json") << 1 << Shape::Worker;
    QTest::newRow("bare array") << fixturePath("worker-array.json") << 2 << Shape::WorkerArray;
    QTest::newRow("not workers") << fixturePath("not-workers.json") << 0 << Shape::PlainJson;
    QTest::newRow("spaces, # and % in the name")
        << QStringLiteral("%1/saved #1 (copy) 100%.json") << 3 << Shape::WorkerList;
}

void TestLoader::sources() {
    QFETCH(QString, source);
    QFETCH(int, workers);
    QFETCH(Shape, shape);
    if (source.startsWith(QLatin1String("%1/"))) {
        source = source.arg(m_dir.path());
        QFile::remove(source);
        QVERIFY(QFile::copy(fixturePath("list-current.json"), source));
    }

    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    QSignalSpy cancelled(&loader, &Loader::cancelled);
    loader.load(source);
    QVERIFY(loader.isLoading());
    QVERIFY2(loaded.wait(10000), qPrintable(describe(failed)));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(cancelled.size(), 0);
    QVERIFY(!loader.isLoading());

    const SnapshotPtr snapshot = snapshotAt(loaded, 0);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->source, source);
    QCOMPARE(snapshot->shape, shape);
    QCOMPARE(snapshot->workers.size(), std::size_t(workers));
    QCOMPARE(snapshot->errorCount(), std::size_t(0));
}

void TestLoader::unreadable_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringLiteral("missing") << QStringLiteral("no such file");
    QTest::newRow("missing file URL") << QStringLiteral("missing URL") << QStringLiteral("no such file");
    QTest::newRow("directory") << QStringLiteral("directory") << QStringLiteral("directory");
    QTest::newRow("unreadable file") << QStringLiteral("unreadable") << QStringLiteral("permission denied");
    QTest::newRow("missing resource") << QStringLiteral("resource") << QString();
}

void TestLoader::unreadable() {
    QFETCH(QString, kind);
    QFETCH(QString, message);

    QString source;
    if (kind == QLatin1String("missing")) {
        source = m_dir.filePath(QStringLiteral("does-not-exist.json"));
    } else if (kind == QLatin1String("missing URL")) {
        source = QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("does-not-exist.json"))).toString();
    } else if (kind == QLatin1String("directory")) {
        source = m_dir.path();
    } else if (kind == QLatin1String("resource")) {
        source = QStringLiteral(":/no-such-resource.json");
    } else {
        if (!permissionsAreEnforced())
            QSKIP("running as root: an unreadable file is readable anyway");
        source = m_dir.filePath(QStringLiteral("locked.json"));
        QFile::remove(source);
        QVERIFY(QFile::copy(fixturePath("list-current.json"), source));
        QVERIFY(QFile::setPermissions(source, QFileDevice::Permissions()));
    }

    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    loader.load(source);
    QCOMPARE(failed.size(), 0); // reported after load() returns
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(loaded.size(), 0);
    const LoadError error = errorAt(failed, 0);
    QCOMPARE(error.source, source);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(error.line, 0);
    QCOMPARE(error.toString(), source + QLatin1String(": ") + error.message);
    QVERIFY(!loader.isLoading());
    drain();
    QCOMPARE(failed.size(), 1);

    if (kind == QLatin1String("unreadable"))
        QFile::setPermissions(source, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestLoader::malformedFile() {
    const QString path = m_dir.filePath(QStringLiteral("truncated.json"));
    QVERIFY(writeFile(path, "{\n  \"rows\": [\n    {\"name\": \"w\""));
    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    loader.load(path);
    QVERIFY(failed.wait(10000));
    QCOMPARE(loaded.size(), 0);
    const LoadError error = errorAt(failed, 0);
    QCOMPARE(error.source, path);
    QCOMPARE(error.line, 3);
    QCOMPARE(error.column, 17);
    QCOMPARE(error.message,
             QStringLiteral("unexpected end of input: unclosed object opened at line 3, column 5"));
    QCOMPARE(error.toString(),
             path +
                 QLatin1String(":3:17: unexpected end of input: unclosed object opened at line 3, column 5"));

    // An empty file.
    const QString empty = m_dir.filePath(QStringLiteral("empty.json"));
    QVERIFY(writeFile(empty, QByteArray()));
    loader.load(empty);
    QVERIFY(failed.wait(10000));
    QCOMPARE(errorAt(failed, 1).toString(),
             empty + QLatin1String(":1:1: empty input: expected a JSON value"));
    QCOMPARE(loaded.size(), 0);
}

void TestLoader::errorText() {
    QCOMPARE((LoadError{QStringLiteral("a.json"), QStringLiteral("no such file"), 0, 0}.toString()),
             QStringLiteral("a.json: no such file"));
    QCOMPARE((LoadError{QStringLiteral("/tmp/b c.json"), QStringLiteral("bad"), 12, 3}.toString()),
             QStringLiteral("/tmp/b c.json:12:3: bad"));
}

void TestLoader::urlForSource_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QUrl>("url");
    QTest::newRow("absolute path") << QStringLiteral("/tmp/workers.json")
                                   << QUrl::fromLocalFile(QStringLiteral("/tmp/workers.json"));
    QTest::newRow("path with # and ?")
        << QStringLiteral("/tmp/a #1?.json") << QUrl::fromLocalFile(QStringLiteral("/tmp/a #1?.json"));
    QTest::newRow("relative path") << QStringLiteral("workers.json")
                                   << QUrl::fromLocalFile(
                                          QDir::current().absoluteFilePath(QStringLiteral("workers.json")));
    QTest::newRow(":/ resource") << QStringLiteral(":/sample-workers.json")
                                 << QUrl(QStringLiteral("qrc:/sample-workers.json"));
    QTest::newRow("qrc URL") << QStringLiteral("qrc:/sample-workers.json")
                             << QUrl(QStringLiteral("qrc:/sample-workers.json"));
    QTest::newRow("file URL") << QStringLiteral("file:///tmp/workers.json")
                              << QUrl::fromLocalFile(QStringLiteral("/tmp/workers.json"));
    QTest::newRow("https URL") << QStringLiteral("https://hatchet.example.com/api/v1/tenants/t/worker")
                               << QUrl(QStringLiteral("https://hatchet.example.com/api/v1/tenants/t/worker"));
}

void TestLoader::urlForSource() {
    QFETCH(QString, source);
    QFETCH(QUrl, url);
    QCOMPARE(Loader::urlForSource(source), url);
}

void TestLoader::cancelBeforeRead() {
    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    QSignalSpy cancelled(&loader, &Loader::cancelled);
    loader.load(QStringLiteral(HWI_SAMPLE));
    QVERIFY(loader.isLoading());
    loader.cancel();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!loader.isLoading());
    QTest::qWait(300);
    drain();
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(cancelled.size(), 1);

    // A failure already scheduled is cancelled too.
    loader.load(m_dir.filePath(QStringLiteral("does-not-exist.json")));
    loader.cancel();
    QTest::qWait(100);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(cancelled.size(), 2);
}

void TestLoader::cancelWhileParsing() {
    const QString path = m_dir.filePath(QStringLiteral("big.json"));
    QVERIFY(writeFile(path, bigWorkerList(60000)));

    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    QSignalSpy cancelled(&loader, &Loader::cancelled);
    // As a Cancel button would: from the event loop, once parsing has begun.
    connect(&loader, &Loader::parsing, &loader,
            [&loader] { QTimer::singleShot(0, &loader, [&loader] { loader.cancel(); }); });
    loader.load(path);
    QVERIFY(cancelled.wait(20000));
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!loader.isLoading());
    drain();
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(cancelled.size(), 1);
}

void TestLoader::cancelWhenIdle() {
    Loader loader;
    QSignalSpy cancelled(&loader, &Loader::cancelled);
    loader.cancel();
    QCOMPARE(cancelled.size(), 0);
}

void TestLoader::newLoadReplacesRunningOne() {
    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    loader.load(fixturePath("list-current.json"));
    loader.load(fixturePath("list-legacy.json"));
    QVERIFY(loaded.wait(10000));
    drain();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(snapshotAt(loaded, 0)->source, fixturePath("list-legacy.json"));
    QCOMPARE(snapshotAt(loaded, 0)->workers.size(), std::size_t(2));
}

void TestLoader::newLoadReplacesParsingOne() {
    const QString path = m_dir.filePath(QStringLiteral("big.json"));
    QVERIFY(writeFile(path, bigWorkerList(60000)));

    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    bool replaced = false;
    connect(&loader, &Loader::parsing, &loader, [&] {
        if (!replaced) {
            replaced = true;
            QTimer::singleShot(0, &loader, [&loader] { loader.load(fixturePath("worker-get.json")); });
        }
    });
    loader.load(path);
    QVERIFY(loaded.wait(20000));
    drain();
    QVERIFY(replaced);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(snapshotAt(loaded, 0)->source, fixturePath("worker-get.json"));
    QCOMPARE(snapshotAt(loaded, 0)->workers.size(), std::size_t(1));
}

// A load that would fail (missing file) replaced at once by one that succeeds: only the success arrives.
void TestLoader::newLoadReplacesFailingOne() {
    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    const QString missing = m_dir.filePath(QStringLiteral("does-not-exist.json"));
    const QString sample = QStringLiteral(HWI_SAMPLE);
    loader.load(missing);
    loader.load(sample);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() + failed.size() > 0, 10000);
    drain();
#if !defined(__SANITIZE_ADDRESS__) // AddressSanitizer never reuses the address at once, which hides the bug
#endif
    QVERIFY2(failed.isEmpty(), qPrintable(describe(failed)));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(snapshotAt(loaded, 0)->source, sample);
}

void TestLoader::loadAgainAfterFinishing() {
    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    loader.load(fixturePath("list-current.json"));
    QVERIFY(loaded.wait(10000));
    loader.load(m_dir.filePath(QStringLiteral("does-not-exist.json")));
    QVERIFY(failed.wait(10000));
    loader.load(fixturePath("list-legacy.json"));
    QVERIFY(loaded.wait(10000));
    drain();
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(snapshotAt(loaded, 1)->source, fixturePath("list-legacy.json"));
}

void TestLoader::destroyWhileLoading() {
    const QString path = m_dir.filePath(QStringLiteral("big.json"));
    QVERIFY(writeFile(path, bigWorkerList(60000)));
    int loadedCount = 0;
    {
        auto loader = std::make_unique<Loader>();
        connect(loader.get(), &Loader::loaded, this, [&loadedCount] { ++loadedCount; });
        QSignalSpy parsing(loader.get(), &Loader::parsing);
        loader->load(path);
        QVERIFY(parsing.wait(20000));
        loader.reset(); // e.g. the window closes while a file is being parsed
    }
    drain();
    QCOMPARE(loadedCount, 0);
}

void TestLoader::sizeCap_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<bool>("accepted");

    const qint64 size = QFileInfo(QStringLiteral(HWI_SAMPLE)).size();
    QTest::newRow("file, 100 bytes") << QStringLiteral(HWI_SAMPLE) << qint64(100) << false;
    QTest::newRow("file, one byte short") << QStringLiteral(HWI_SAMPLE) << size - 1 << false;
    QTest::newRow("file, exactly its size") << QStringLiteral(HWI_SAMPLE) << size << true;
    QTest::newRow("resource, 100 bytes") << QStringLiteral(":/sample-workers.json") << qint64(100) << false;
    QTest::newRow("resource, one byte short") << QStringLiteral(":/sample-workers.json") << size - 1 << false;
    QTest::newRow("resource, exactly its size") << QStringLiteral(":/sample-workers.json") << size << true;
}

void TestLoader::sizeCap() {
    QFETCH(QString, source);
    QFETCH(qint64, maxBytes);
    QFETCH(bool, accepted);

    Loader loader;
    loader.setMaxBytes(maxBytes);
    QCOMPARE(loader.maxBytes(), maxBytes);
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    loader.load(source);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() + failed.size() > 0, 10000);
    drain();
    if (accepted) {
        QVERIFY2(failed.isEmpty(), qPrintable(describe(failed)));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(snapshotAt(loaded, 0)->workers.size(), std::size_t(12));
        return;
    }
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(failed.size(), 1);
    const LoadError error = errorAt(failed, 0);
    QCOMPARE(error.source, source);
    QVERIFY2(error.message.contains(QLatin1String("limit")), qPrintable(error.message));
    if (maxBytes == 100)
        QVERIFY2(error.message.contains(QLatin1String("100 bytes")), qPrintable(error.message));
}

void TestLoader::captureTimeIsFileTime() {
    const QString path = m_dir.filePath(QStringLiteral("captured.json"));
    QFile::remove(path);
    QVERIFY(QFile::copy(fixturePath("list-current.json"), path));
    const QDateTime when(QDate(2026, 11, 29), QTime(13, 0, 5), QTimeZone::utc());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(when, QFileDevice::FileModificationTime));
    }
    QCOMPARE(QFileInfo(path).lastModified().toMSecsSinceEpoch(), when.toMSecsSinceEpoch());

    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    loader.load(path);
    QVERIFY2(loaded.wait(10000), qPrintable(describe(failed)));
    const SnapshotPtr snapshot = snapshotAt(loaded, 0);
    QVERIFY(snapshot->captureTime.isValid());
    QCOMPARE(snapshot->captureTime.toMSecsSinceEpoch(), when.toMSecsSinceEpoch());
    QVERIFY2(!snapshot->captureTimeNote.contains(QLatin1String("estimated")),
             qPrintable(snapshot->captureTimeNote));

    // Through a file:// URL as well.
    loader.load(QUrl::fromLocalFile(path).toString());
    QVERIFY2(loaded.wait(10000), qPrintable(describe(failed)));
    QCOMPARE(snapshotAt(loaded, 1)->captureTime.toMSecsSinceEpoch(), when.toMSecsSinceEpoch());
}

// A resource has no file time: the newest heartbeat stands in, and says so.
void TestLoader::captureTimeWithoutFileTime() {
    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    loader.load(QStringLiteral(":/sample-workers.json"));
    QVERIFY2(loaded.wait(10000), qPrintable(describe(failed)));
    const SnapshotPtr snapshot = snapshotAt(loaded, 0);
    // email-sender's heartbeat is the newest in the sample.
    QCOMPARE(snapshot->captureTime.toMSecsSinceEpoch(),
             QDateTime(QDate(2026, 11, 29), QTime(13, 0, 3, 650), QTimeZone::utc()).toMSecsSinceEpoch());
    QVERIFY2(snapshot->captureTimeNote.contains(QLatin1String("estimated")),
             qPrintable(snapshot->captureTimeNote));
}

// A copy made 2 d later: the file's time is a hint the data contradicts (report-builder, PAUSED, heartbeated
// at 13:00:02.5, so the capture is at most 13:00:07.5); the capture is the earliest instant the data allows.
void TestLoader::copiedFileTimeIsContradicted() {
    const QString path = m_dir.filePath(QStringLiteral("copied.json"));
    QFile::remove(path);
    QVERIFY(QFile::copy(fixturePath("list-current.json"), path));
    const QDateTime copied(QDate(2026, 12, 1), QTime(13, 0, 5), QTimeZone::utc());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(copied, QFileDevice::FileModificationTime));
    }
    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    loader.load(path);
    QVERIFY2(loaded.wait(10000), qPrintable(describe(failed)));
    const SnapshotPtr snapshot = snapshotAt(loaded, 0);
    QCOMPARE(snapshot->captureTime, QDateTime(QDate(2026, 11, 29), QTime(13, 0, 3, 250), QTimeZone::utc()));
    QCOMPARE(snapshot->capture.source, hwi::hatchet::TimeSource::Estimated);
    QCOMPARE(snapshot->capture.hint.kind, hwi::hatchet::CaptureHint::FileTime);
    QCOMPARE(snapshot->capture.hint.time.toMSecsSinceEpoch(), copied.toMSecsSinceEpoch());
    QVERIFY2(
        snapshot->captureTimeNote.contains(QLatin1String("the file's time, 2 d later, contradicts them")),
        qPrintable(snapshot->captureTimeNote));
}

// The loader says what its time is: a local file's modification time, an HTTP Date header, or nothing for a
// resource (the capture is then estimated from the data).
void TestLoader::captureHintKind() {
    using hwi::hatchet::CaptureHint;
    using hwi::hatchet::TimeSource;
    const QDateTime when(QDate(2026, 11, 29), QTime(13, 0, 5), QTimeZone::utc());
    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);

    // A local file: its modification time.
    const QString path = m_dir.filePath(QStringLiteral("hinted.json"));
    QFile::remove(path);
    QVERIFY(QFile::copy(fixturePath("list-current.json"), path));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(when, QFileDevice::FileModificationTime));
    }
    loader.load(path);
    QVERIFY2(loaded.wait(10000), qPrintable(describe(failed)));
    SnapshotPtr snapshot = snapshotAt(loaded, 0);
    QCOMPARE(snapshot->capture.hint.kind, CaptureHint::FileTime);
    QCOMPARE(snapshot->capture.hint.time.toMSecsSinceEpoch(), when.toMSecsSinceEpoch());
    QCOMPARE(snapshot->capture.source, TimeSource::FileTime);
    QCOMPARE(snapshot->captureTime.toMSecsSinceEpoch(), when.toMSecsSinceEpoch());

    // Over HTTP: the response's Date header.
    QFile fixture(fixturePath("list-current.json"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    DatedServer server(fixture.readAll(), "Sun, 29 Nov 2026 13:00:05 GMT");
    QVERIFY(server.listen(QHostAddress::LocalHost));
    loader.load(server.url("/workers.json"));
    QVERIFY2(loaded.wait(10000), qPrintable(describe(failed)));
    snapshot = snapshotAt(loaded, 1);
    QCOMPARE(snapshot->capture.hint.kind, CaptureHint::HttpDate);
    QCOMPARE(snapshot->capture.hint.time.toMSecsSinceEpoch(), when.toMSecsSinceEpoch());
    QCOMPARE(snapshot->capture.source, TimeSource::HttpDate);
    // The Date has whole seconds: the capture lies within that second.
    QVERIFY(snapshot->captureTime >= when && snapshot->captureTime < when.addSecs(1));

    // A resource has no time of its own: estimated from the data.
    loader.load(QStringLiteral(":/sample-workers.json"));
    QVERIFY2(loaded.wait(10000), qPrintable(describe(failed)));
    snapshot = snapshotAt(loaded, 2);
    QCOMPARE(snapshot->capture.hint.kind, CaptureHint::None);
    QCOMPARE(snapshot->capture.source, TimeSource::Estimated);
    QVERIFY(snapshot->captureTime.isValid());
}

void TestLoader::progressAndParsing() {
    const qint64 size = QFileInfo(QStringLiteral(HWI_SAMPLE)).size();
    Loader loader;
    QSignalSpy progress(&loader, &Loader::progress);
    QSignalSpy parsing(&loader, &Loader::parsing);
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    QList<int> order; // 0 progress, 1 parsing, 2 loaded
    connect(&loader, &Loader::progress, this, [&order] { order << 0; });
    connect(&loader, &Loader::parsing, this, [&order] { order << 1; });
    connect(&loader, &Loader::loaded, this, [&order] { order << 2; });
    loader.load(QStringLiteral(HWI_SAMPLE));
    QVERIFY2(loaded.wait(10000), qPrintable(describe(failed)));

    QVERIFY(progress.size() >= 1);
    qint64 previous = 0;
    for (const QList<QVariant>& args : progress) {
        const qint64 received = args.at(0).toLongLong();
        const qint64 total = args.at(1).toLongLong();
        QVERIFY(received >= previous);
        QVERIFY(total == size || total == -1);
        previous = received;
    }
    QCOMPARE(progress.last().at(0).toLongLong(), size);
    QCOMPARE(parsing.size(), 1);
    QCOMPARE(order.last(), 2);
    QCOMPARE(order.at(order.size() - 2), 1);
    QCOMPARE(order.count(1), 1);

    const auto timings = loaded.at(0).at(1).value<LoadTimings>();
    QVERIFY(timings.readMs >= 0);
    QVERIFY(timings.parseMs >= 0);
}

// Background work runs at nice 10 only where it yields to a GUI thread (the window turns that on); a
// command-line run leaves its threads at its own priority, so its parse does not give way to every other
// process on the machine.
void TestLoader::backgroundPriority() {
#if defined(Q_OS_LINUX)
    const auto niceOfANewThread = [] {
        int nice = 0;
        std::thread([&] {
            hwi::load::lowerThreadPriority();
            nice = getpriority(PRIO_PROCESS, id_t(gettid()));
        }).join();
        return nice;
    };
    const int own = getpriority(PRIO_PROCESS, 0);
    if (own >= 10)
        QSKIP("this test runs at nice 10 or more already");
    QCOMPARE(niceOfANewThread(), own); // the default: a command-line run's
    hwi::load::setBackgroundYieldsToGui(true);
    QCOMPARE(niceOfANewThread(), 10);
    hwi::load::lowerThreadPriority(); // as runAtOnce() does on the thread that calls it
    QCOMPARE(getpriority(PRIO_PROCESS, id_t(gettid())), own); // the GUI thread keeps its priority
    hwi::load::setBackgroundYieldsToGui(false);
    QCOMPARE(niceOfANewThread(), own);
#else
    QSKIP("thread priorities are only lowered on Linux");
#endif
}

QTEST_GUILESS_MAIN(TestLoader)
// A file of several megabytes is parsed while it is read (a slice at a time): the snapshot holds exactly
// the file's bytes and every worker in it, and progress climbs to the file's size.
void TestLoader::largeFileParsedWhileRead() {
    const QString path = m_dir.filePath(QStringLiteral("large.json"));
    const QByteArray bytes = bigWorkerList(40000);
    QVERIFY(bytes.size() > 8 << 20);
    QVERIFY(writeFile(path, bytes));
    Loader loader;
    QSignalSpy progress(&loader, &Loader::progress);
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    loader.load(path);
    QVERIFY2(loaded.wait(20000), qPrintable(describe(failed)));
    const auto snapshot = loaded.at(0).at(0).value<std::shared_ptr<const hwi::hatchet::Snapshot>>();
    QCOMPARE(snapshot->document->source(), bytes);
    QCOMPARE(snapshot->workers.size(), std::size_t(40000));
    const auto whole =
        std::get<std::shared_ptr<const hwi::json::Document>>(hwi::json::Document::parse(bytes));
    QCOMPARE(snapshot->document->nodeCount(), whole->nodeCount());
    QCOMPARE(progress.last().at(0).toLongLong(), bytes.size());
    QCOMPARE(progress.last().at(1).toLongLong(), bytes.size());
}

#include "tst_loader.moc"
