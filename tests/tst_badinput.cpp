// Bad input, end to end through the Loader: every file of tests/badinput/ and generated extremes (deep
// nesting, a 10 MB string, a million elements, every Worker field with every wrong JSON type) either loads
// with the problems listed or fails with a message and line:column; hostile sources (a directory, a named
// pipe, a device, an endless HTTP stream, a file that grows while read) fail promptly; the size limit and
// its units; cancelling 100 loads gives the memory back.
#include "hatchet/health.h"
#include "itemmodels/problemsmodel.h"
#include "itemmodels/workertablemodel.h"
#include "load/backgroundpool.h"
#include "load/bytesize.h"
#include "load/loader.h"
#include "json/jsondiagnoser.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <sys/stat.h>
#include <unistd.h>

using namespace hwi;
using hatchet::Snapshot;
using load::Loader;
using load::LoadError;

namespace {

using SnapshotPtr = std::shared_ptr<const Snapshot>;

const QString Corpus = QStringLiteral(HWI_BADINPUT);

struct Outcome {
    SnapshotPtr snapshot;
    std::optional<LoadError> error;
    bool finished = false;
};

// Loads source with a fresh Loader; `during` runs on each progress signal (to interfere with the read).
Outcome loadSource(const QString& source, qint64 maxBytes = Loader::DefaultMaxBytes,
                   const std::function<void()>& during = {}) {
    Outcome outcome;
    Loader loader;
    loader.setMaxBytes(maxBytes);
    QObject::connect(&loader, &Loader::loaded, [&](const SnapshotPtr& snapshot, load::LoadTimings) {
        outcome.snapshot = snapshot;
        outcome.finished = true;
    });
    QObject::connect(&loader, &Loader::failed, [&](const LoadError& error) {
        outcome.error = error;
        outcome.finished = true;
    });
    if (during)
        QObject::connect(&loader, &Loader::progress, during);
    loader.load(source);
    if (!QTest::qWaitFor([&] { return outcome.finished; }, 120000))
        qWarning("%s: no outcome within two minutes", qPrintable(source));
    return outcome;
}

QString describe(const Outcome& outcome) {
    if (outcome.error)
        return outcome.error->toString();
    return outcome.snapshot ? QStringLiteral("loaded") : QStringLiteral("neither loaded nor failed");
}

// "severity POINTER" for each problem, in order.
QStringList problemLines(const Snapshot& snapshot) {
    QStringList lines;
    for (const hatchet::Problem& problem : snapshot.problems)
        lines << hatchet::severityName(problem.severity) + QLatin1Char(' ') + problem.pointer;
    return lines;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The bytes the process holds: with glibc, those its allocator has handed out and not had back (every
// arena, and blocks of their own mapping), so what glibc keeps for later (a freed block inside a heap, an
// arena's fragments) is not counted; elsewhere the resident memory.
qint64 bytesInUse() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    const struct mallinfo2 heap = ::mallinfo2();
    return qint64(heap.uordblks + heap.hblkhd);
#else
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * ::sysconf(_SC_PAGESIZE) : -1;
#endif
}

// A valid worker with every section filled, so each known field can be given a wrong type.
QJsonObject fullWorker() {
    const QJsonObject meta{{QStringLiteral("id"), QStringLiteral("0b8e90e9-f646-4d5f-9ae8-5d0928398f9f")},
                           {QStringLiteral("createdAt"), QStringLiteral("2026-11-29T12:00:00Z")},
                           {QStringLiteral("updatedAt"), QStringLiteral("2026-11-29T12:00:00Z")}};
    const QString uuid = QStringLiteral("a7b8c9d0-0001-4eb5-8a5b-6c7d8e9fa0b1");
    const QString time = QStringLiteral("2026-11-29T12:59:00Z");
    return QJsonObject{
        {QStringLiteral("metadata"), meta},
        {QStringLiteral("name"), QStringLiteral("w")},
        {QStringLiteral("type"), QStringLiteral("SELFHOSTED")},
        {QStringLiteral("status"), QStringLiteral("ACTIVE")},
        {QStringLiteral("lastHeartbeatAt"), time},
        {QStringLiteral("lastListenerEstablished"), time},
        {QStringLiteral("actions"), QJsonArray{QStringLiteral("a:b")}},
        {QStringLiteral("registeredWorkflows"),
         QJsonArray{
             QJsonObject{{QStringLiteral("id"), uuid}, {QStringLiteral("name"), QStringLiteral("etl")}}}},
        {QStringLiteral("slots"),
         QJsonArray{QJsonObject{{QStringLiteral("stepRunId"), uuid},
                                {QStringLiteral("actionId"), QStringLiteral("a:b")},
                                {QStringLiteral("startedAt"), time},
                                {QStringLiteral("timeoutAt"), time},
                                {QStringLiteral("workflowRunId"), uuid},
                                {QStringLiteral("status"), QStringLiteral("RUNNING")}}}},
        {QStringLiteral("recentStepRuns"),
         QJsonArray{QJsonObject{{QStringLiteral("metadata"), meta},
                                {QStringLiteral("actionId"), QStringLiteral("a:b")},
                                {QStringLiteral("status"), QStringLiteral("SUCCEEDED")},
                                {QStringLiteral("startedAt"), time},
                                {QStringLiteral("finishedAt"), time},
                                {QStringLiteral("cancelledAt"), time},
                                {QStringLiteral("workflowRunId"), uuid}}}},
        {QStringLiteral("slotConfig"),
         QJsonObject{{QStringLiteral("default"),
                      QJsonObject{{QStringLiteral("available"), 1}, {QStringLiteral("limit"), 2}}}}},
        {QStringLiteral("maxRuns"), 2},
        {QStringLiteral("availableRuns"), 1},
        {QStringLiteral("dispatcherId"), uuid},
        {QStringLiteral("labels"),
         QJsonArray{QJsonObject{{QStringLiteral("metadata"), meta},
                                {QStringLiteral("key"), QStringLiteral("gpu")},
                                {QStringLiteral("value"), QStringLiteral("a100")}}}},
        {QStringLiteral("webhookUrl"), QStringLiteral("https://example.invalid/hook")},
        {QStringLiteral("webhookId"), uuid},
        {QStringLiteral("runtimeInfo"),
         QJsonObject{{QStringLiteral("sdkVersion"), QStringLiteral("1.0")},
                     {QStringLiteral("language"), QStringLiteral("PYTHON")},
                     {QStringLiteral("languageVersion"), QStringLiteral("3.12")},
                     {QStringLiteral("os"), QStringLiteral("linux")},
                     {QStringLiteral("runtimeExtra"), QStringLiteral("")}}},
    };
}

QJsonValue replaced(const QJsonValue& at, QStringList path, const QJsonValue& value) {
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    if (at.isArray()) {
        QJsonArray array = at.toArray();
        array[head.toInt()] = replaced(array[head.toInt()], path, value);
        return array;
    }
    QJsonObject object = at.toObject();
    object[head] = replaced(object[head], path, value);
    return object;
}

// Every accessor of the worker view and a table row: wrong types read as absent, never crash.
void touchEverything(const SnapshotPtr& snapshot) {
    for (std::size_t i = 0; i < snapshot->workers.size(); ++i) {
        const hatchet::WorkerView worker = snapshot->worker(i);
        (void)worker.metadata();
        (void)worker.displayName();
        (void)worker.actions();
        (void)worker.registeredWorkflows();
        (void)worker.slots();
        (void)worker.recentStepRuns();
        (void)worker.labels();
        (void)worker.slotCapacities();
        (void)worker.runtimeInfo().sdkSummary();
        (void)worker.era();
        (void)hatchet::assessHealth(worker, QDateTime::currentDateTimeUtc()).allReasons();
    }
    models::WorkerTableModel table;
    table.setSnapshot(snapshot);
    for (int row = 0; row < table.rowCount(); ++row) {
        for (int column = 0; column < table.columnCount(); ++column)
            (void)table.index(row, column).data();
    }
}

// A minimal HTTP server on 127.0.0.1 that answers every request with headers, then body chunks forever.
class EndlessServer : public QTcpServer {
public:
    explicit EndlessServer(QByteArray headers)
        : m_headers(std::move(headers)) {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* socket = nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                socket->readAll();
                socket->write(m_headers + "[");
                auto* timer = new QTimer(socket);
                connect(timer, &QTimer::timeout, socket, [socket] {
                    if (socket->bytesToWrite() < (1 << 20))
                        socket->write(QByteArray("0,").repeated(32 * 1024));
                });
                timer->start(1);
            });
        });
    }

private:
    QByteArray m_headers;
};

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void corpusFails_data();
    void corpusFails();
    void corpusLoads_data();
    void corpusLoads();
    void truncatedAtManyPoints();
    void deepNesting_data();
    void deepNesting();
    void tenMegabyteString();
    void millionElements();
    void countsBeyondInt64();
    void everyFieldWithEveryWrongType_data();
    void everyFieldWithEveryWrongType();

    void directoryPipeAndDevice_data();
    void directoryPipeAndDevice();
    void endlessStreamStopsAtTheLimit();
    void announcedSizeAboveTheLimit();
    void fileGrowingWhileRead();
    void sizeUnits_data();
    void sizeUnits();
    void maxSizeOption();
    void cancelledLoadsGiveMemoryBack();

private:
    QTemporaryDir m_dir;
};

void TestBadInput::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(Corpus).exists());
}

void TestBadInput::corpusFails_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    const auto row = [](const char* file, int line, int column, const char* message) {
        QTest::newRow(file) << QString::fromLatin1(file) << line << column << QString::fromUtf8(message);
    };
    row("truncated.json", 19, 16, "unterminated string starting at line 19, column 9");
    row("utf16le-bom.json", 1, 1,
        "the text is UTF-16 (little-endian, with a byte order mark), but JSON must be UTF-8: convert it, "
        "e.g. with `iconv -f UTF-16 -t UTF-8`");
    row("utf16le.json", 1, 1, "the text is UTF-16 (little-endian), but JSON must be UTF-8");
    row("utf16be-bom.json", 1, 1, "the text is UTF-16 (big-endian, with a byte order mark), but JSON");
    row("utf16be.json", 1, 1, "the text is UTF-16 (big-endian), but JSON must be UTF-8");
    row("utf32le.json", 1, 1,
        "the text is UTF-32 (little-endian), but JSON must be UTF-8: convert it, e.g. "
        "with `iconv -f UTF-32 -t UTF-8`");
    row("latin1.json", 14, 17, "invalid UTF-8 byte 0xfc");
    row("nan.json", 23, 24, "NaN and Infinity are not valid JSON numbers");
    row("infinity.json", 24, 21, "NaN and Infinity are not valid JSON numbers");
    row("trailing-comma.json", 20, 7, "trailing comma: expected a value after ','");
    row("line-comment.json", 16, 27, "comments are not allowed in JSON");
    row("block-comment.json", 1, 1, "comments are not allowed in JSON");
    row("single-quotes.json", 14, 7, "expected a string key after ',', found '''");
    row("ndjson.json", 2, 1, "unexpected content after the JSON value, found '{'");
    row("html.json", 1, 1, "this looks like HTML, not JSON");
    row("empty.json", 1, 1, "empty input: expected a JSON value");
    row("whitespace.json", 3, 1, "empty input: expected a JSON value");
    row("bom-only.json", 1, 1, "empty input: expected a JSON value");
    row("binary.bin", 1, 1, "expected a JSON value");
    // Found by the fuzzer: simdjson skipped a string followed by ':' as if it were a key.
    row("string-then-colon.json", 1, 13, "expected ',' or '}' after an object member, found ':'");
    row("nul-in-string.json", 1, 12, "control character 0x00 must be escaped");
}

void TestBadInput::corpusFails() {
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const QString path = Corpus + QLatin1Char('/') + file;
    const Outcome outcome = loadSource(path);
    QVERIFY2(outcome.error, qPrintable(describe(outcome)));
    QVERIFY2(outcome.error->message.contains(message), qPrintable(outcome.error->toString()));
    QCOMPARE(outcome.error->line, line);
    QCOMPARE(outcome.error->column, column);
    QVERIFY(
        outcome.error->toString().startsWith(QStringLiteral("%1:%2:%3: ").arg(path).arg(line).arg(column)));
}

void TestBadInput::corpusLoads_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("problems"); // "severity POINTER", in order
    QTest::addColumn<int>("workers");

    QTest::newRow("valid-list.json") << QStringLiteral("valid-list.json") << QStringList() << 1;
    QTest::newRow("null-everywhere.json") << QStringLiteral("null-everywhere.json")
                                          << QStringList{QStringLiteral("error /rows/0/metadata"),
                                                         QStringLiteral("error /rows/0/name"),
                                                         QStringLiteral("error /rows/0/type"),
                                                         QStringLiteral("error /rows/1"),
                                                         QStringLiteral("error /rows/2/metadata/id"),
                                                         QStringLiteral("error /rows/2/metadata/createdAt"),
                                                         QStringLiteral("error /rows/2/metadata/updatedAt"),
                                                         QStringLiteral("error /rows/2/name"),
                                                         QStringLiteral("error /rows/2/type"),
                                                         QStringLiteral("error /rows/2/labels/0"),
                                                         QStringLiteral("error /rows/2/slots/0"),
                                                         QStringLiteral("error /rows/2/slotConfig/default"),
                                                         QStringLiteral("error /rows/2/slotConfig/x/limit")}
                                          << 2;
    QTest::newRow("root-null.json") << QStringLiteral("root-null.json") << QStringList() << 0;
}

void TestBadInput::corpusLoads() {
    QFETCH(QString, file);
    QFETCH(QStringList, problems);
    QFETCH(int, workers);

    const Outcome outcome = loadSource(Corpus + QLatin1Char('/') + file);
    QVERIFY2(outcome.snapshot, qPrintable(describe(outcome)));
    QCOMPARE(problemLines(*outcome.snapshot), problems);
    QCOMPARE(outcome.snapshot->workers.size(), std::size_t(workers));
    touchEverything(outcome.snapshot);
}

// Cut anywhere, a file fails at the cut (or at the start of the string or character the cut is in).
void TestBadInput::truncatedAtManyPoints() {
    const QByteArray whole = readFile(QStringLiteral(HWI_SAMPLE));
    QVERIFY(whole.size() > 1000);
    const QString path = m_dir.filePath(QStringLiteral("cut.json"));
    const qsizetype end = whole.lastIndexOf('}');
    for (int i = 0; i < 40; ++i) {
        const qsizetype cut = 1 + qsizetype(qint64(end - 1) * i / 40);
        const QByteArray part = whole.left(cut);
        QVERIFY(writeFile(path, part));
        const Outcome outcome = loadSource(path);
        const QString where = QStringLiteral("cut at %1: %2").arg(cut).arg(describe(outcome));
        QVERIFY2(outcome.error, qPrintable(where));
        const QString& message = outcome.error->message;
        QVERIFY2(message.contains(QLatin1String("end of input")) ||
                     message.contains(QLatin1String("unterminated string")) ||
                     message.contains(QLatin1String("truncated multi-byte sequence")),
                 qPrintable(where));
        if (message.contains(QLatin1String("end of input"))) {
            const json::TextPosition at =
                json::textPositionAt(std::string_view(part.constData(), std::size_t(cut)), cut);
            QVERIFY2(outcome.error->line == at.line && outcome.error->column == at.column, qPrintable(where));
        }
    }
}

void TestBadInput::deepNesting_data() {
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("objects");
    QTest::newRow("1,025 arrays") << 1025 << false;
    QTest::newRow("1,025 objects") << 1025 << true;
    QTest::newRow("100,000 arrays") << 100000 << false;
    QTest::newRow("100,000 objects") << 100000 << true;
}

void TestBadInput::deepNesting() {
    QFETCH(int, depth);
    QFETCH(bool, objects);
    const QByteArray json =
        objects ? QByteArray(QByteArray("{\"a\":").repeated(depth - 1) + "{}" + QByteArray(depth - 1, '}'))
                : QByteArray(QByteArray(depth, '[') + QByteArray(depth, ']'));
    const QString path = m_dir.filePath(QStringLiteral("deep.json"));
    QVERIFY(writeFile(path, json));
    const Outcome outcome = loadSource(path);
    QVERIFY2(outcome.error, qPrintable(describe(outcome)));
    QVERIFY2(outcome.error->message.contains(QLatin1String("nesting deeper than 1024 levels")),
             qPrintable(outcome.error->message));
    QCOMPARE(outcome.error->line, 1);
    QCOMPARE(outcome.error->column, objects ? 1024 * 5 + 1 : 1025); // the bracket that goes too deep
}

void TestBadInput::tenMegabyteString() {
    const QByteArray name(10'000'000, 'n');
    const QByteArray json = "{\"rows\": [{\"name\": \"" + name +
                            "\", \"type\": \"SELFHOSTED\", \"metadata\": "
                            "{\"id\": \"i\", \"createdAt\": \"2026-11-29T12:00:00Z\", \"updatedAt\": "
                            "\"2026-11-29T12:00:00Z\"}}]}";
    const QString path = m_dir.filePath(QStringLiteral("long-string.json"));
    QVERIFY(writeFile(path, json));
    Outcome outcome = loadSource(path);
    QVERIFY2(outcome.snapshot, qPrintable(describe(outcome)));
    QCOMPARE(outcome.snapshot->workers.size(), std::size_t(1));
    QCOMPARE(outcome.snapshot->worker(0).name().size(), qsizetype(name.size()));
    QCOMPARE(outcome.snapshot->problems.size(), std::size_t(0));

    // The same string left open: the error names where it started.
    QVERIFY(writeFile(path, "[\"" + name));
    outcome = loadSource(path);
    QVERIFY2(outcome.error, qPrintable(describe(outcome)));
    QCOMPARE(outcome.error->message, QStringLiteral("unterminated string starting at line 1, column 2"));
    QCOMPARE(outcome.error->column, 10'000'003);
}

void TestBadInput::millionElements() {
    QByteArray json = "{\"name\": \"w\", \"type\": \"SELFHOSTED\", \"actions\": [";
    json.reserve(12'000'000);
    for (int i = 0; i < 1'000'000; ++i) {
        json += i ? ",\"a:" : "\"a:";
        json += QByteArray::number(i);
        json += '"';
    }
    json += "]}";
    const QString path = m_dir.filePath(QStringLiteral("million.json"));
    QVERIFY(writeFile(path, json));
    Outcome outcome = loadSource(path);
    QVERIFY2(outcome.snapshot, qPrintable(describe(outcome)));
    QCOMPARE(outcome.snapshot->shape, hatchet::Shape::Worker);
    const QStringList actions = outcome.snapshot->worker(0).actions();
    QCOMPARE(actions.size(), 1'000'000);
    QCOMPARE(actions.last(), QStringLiteral("a:999999"));
    QCOMPARE(problemLines(*outcome.snapshot), QStringList{QStringLiteral("error /metadata")});

    // A million rows that are not workers: a million problems, each with its place.
    QVERIFY(writeFile(path, "{\"rows\": [" + QByteArray("0,").repeated(999'999) + "0]}"));
    outcome = loadSource(path);
    QVERIFY2(outcome.snapshot, qPrintable(describe(outcome)));
    QCOMPARE(outcome.snapshot->problems.size(), std::size_t(1'000'000));
    models::ProblemsModel problems;
    problems.setSnapshot(outcome.snapshot);
    QCOMPARE(problems.rowCount(), 1'000'000);
    const QModelIndex last = problems.index(999'999, models::ProblemsModel::LocationColumn);
    QCOMPARE(last.data().toString(), QStringLiteral("1:%1").arg(11 + 2 * 999'999));
    QCOMPARE(problems.index(999'999, models::ProblemsModel::MessageColumn).data().toString(),
             QStringLiteral("expected a Worker object, found number"));
}

// Found by the fuzzer: a count too large for int64 was cast anyway (undefined behaviour), and then UBSan:
// limit - available overflowed. Counts beyond 2^40 read as unknown; up to 2^40 they still count.
void TestBadInput::countsBeyondInt64() {
    const QByteArray json = R"({"name": "w", "type": "SELFHOSTED", "maxRuns": -5e103, "availableRuns": 1e19,
        "slotConfig": {"big": {"limit": 9.3e18, "available": -9223372036854775809},
                       "fits": {"limit": 1099511627776, "available": -1e12}}})";
    auto parsed = json::Document::parse(json);
    QVERIFY(std::holds_alternative<std::shared_ptr<const json::Document>>(parsed));
    const auto snapshot = Snapshot::build(std::get<std::shared_ptr<const json::Document>>(parsed),
                                          QStringLiteral("test"), QDateTime::currentDateTimeUtc());
    QCOMPARE(snapshot->workers.size(), std::size_t(1));
    const std::vector<hatchet::SlotCapacity> capacities = snapshot->worker(0).slotCapacities();
    QCOMPARE(capacities.size(), std::size_t(2));
    QCOMPARE(capacities[0].slotType, QStringLiteral("big"));
    QVERIFY(!capacities[0].limit && !capacities[0].available && !capacities[0].used());
    QCOMPARE(capacities[1].limit, std::optional<std::int64_t>(1'099'511'627'776)); // 2^40
    QCOMPARE(capacities[1].available, std::optional<std::int64_t>(-1'000'000'000'000));
    QCOMPARE(capacities[1].used(), std::optional<std::int64_t>(2'099'511'627'776));
    touchEverything(snapshot);
}

void TestBadInput::everyFieldWithEveryWrongType_data() {
    QTest::addColumn<QString>("path");     // inside the worker
    QTest::addColumn<QJsonValue>("value"); // of a wrong JSON type
    QTest::addColumn<QString>("message");  // the one problem expected; empty: none

    // Each known field: where it is, what it should be, whether it is required. `element:` marks an array
    // element or slotConfig value that must be an object of that schema; `item` an actions string.
    struct Known {
        const char* path;
        const char* expected;
        bool required;
    };
    const Known fields[] = {
        {"metadata", "an object", true},
        {"metadata/id", "a string", true},
        {"metadata/createdAt", "a string (date-time)", true},
        {"metadata/updatedAt", "a string (date-time)", true},
        {"name", "a string", true},
        {"type", "a string (WorkerType)", true},
        {"status", "a string (WorkerStatus)", false},
        {"lastHeartbeatAt", "a string (date-time)", false},
        {"lastListenerEstablished", "a string (date-time)", false},
        {"actions", "an array", false},
        {"actions/0", "item", false},
        {"registeredWorkflows", "an array", false},
        {"registeredWorkflows/0", "element:RegisteredWorkflow", false},
        {"registeredWorkflows/0/id", "a string (uuid)", true},
        {"registeredWorkflows/0/name", "a string", true},
        {"slots", "an array", false},
        {"slots/0", "element:SemaphoreSlots", false},
        {"slots/0/stepRunId", "a string (uuid)", true},
        {"slots/0/actionId", "a string", true},
        {"slots/0/startedAt", "a string (date-time)", false},
        {"slots/0/timeoutAt", "a string (date-time)", false},
        {"slots/0/workflowRunId", "a string (uuid)", true},
        {"slots/0/status", "a string (StepRunStatus)", false},
        {"recentStepRuns", "an array", false},
        {"recentStepRuns/0", "element:RecentStepRuns", false},
        {"recentStepRuns/0/metadata", "an object", true},
        {"recentStepRuns/0/actionId", "a string", true},
        {"recentStepRuns/0/status", "a string (StepRunStatus)", true},
        {"recentStepRuns/0/startedAt", "a string (date-time)", false},
        {"recentStepRuns/0/finishedAt", "a string (date-time)", false},
        {"recentStepRuns/0/cancelledAt", "a string (date-time)", false},
        {"recentStepRuns/0/workflowRunId", "a string (uuid)", true},
        {"slotConfig", "an object", false},
        {"slotConfig/default", "element:WorkerSlotConfig", false},
        {"slotConfig/default/available", "an integer", false},
        {"slotConfig/default/limit", "an integer", true},
        {"maxRuns", "an integer", false},
        {"availableRuns", "an integer", false},
        {"dispatcherId", "a string (uuid)", false},
        {"labels", "an array", false},
        {"labels/0", "element:WorkerLabel", false},
        {"labels/0/metadata", "an object", true},
        {"labels/0/key", "a string", true},
        {"labels/0/value", "a string", false},
        {"webhookUrl", "a string", false},
        {"webhookId", "a string (uuid)", false},
        {"runtimeInfo", "an object", false},
        {"runtimeInfo/sdkVersion", "a string", false},
        {"runtimeInfo/language", "a string (WorkerRuntimeSDKs)", false},
        {"runtimeInfo/languageVersion", "a string", false},
        {"runtimeInfo/os", "a string", false},
        {"runtimeInfo/runtimeExtra", "a string", false},
    };
    const std::pair<const char*, QJsonValue> values[] = {
        {"null", QJsonValue::Null},
        {"boolean", true},
        {"number", 7},
        {"string", QStringLiteral("x")},
        {"array", QJsonArray{1}},
        {"object", QJsonObject{{QStringLiteral("k"), 1}}},
    };
    for (const Known& field : fields) {
        const QString expected = QString::fromLatin1(field.expected);
        const QString path = QString::fromLatin1(field.path);
        const QString name = path.section(QLatin1Char('/'), -1);
        for (const auto& [kind, value] : values) {
            const QString kindName = QString::fromLatin1(kind);
            QString message;
            if (expected.startsWith(QLatin1String("element:"))) {
                if (kindName == QLatin1String("object"))
                    continue;
                message = QStringLiteral("expected a %1 object, found %2").arg(expected.mid(8), kindName);
            } else if (expected == QLatin1String("item")) {
                if (kindName == QLatin1String("string"))
                    continue;
                message = QStringLiteral("items of 'actions' should be strings, found %1").arg(kindName);
            } else if (kindName == QLatin1String("null")) {
                message =
                    field.required ? QStringLiteral("required field '%1' is null").arg(name) : QString();
            } else {
                const bool right =
                    expected.startsWith(QLatin1String("a string")) ? kindName == QLatin1String("string")
                    : expected == QLatin1String("an integer")      ? kindName == QLatin1String("number")
                    : expected == QLatin1String("an object")       ? kindName == QLatin1String("object")
                                                                   : kindName == QLatin1String("array");
                if (right)
                    continue;
                message = QStringLiteral("'%1' should be %2, found %3").arg(name, expected, kindName);
            }
            QTest::addRow("%s = %s", field.path, kind) << path << value << message;
        }
    }
}

void TestBadInput::everyFieldWithEveryWrongType() {
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);

    const QJsonValue worker = replaced(fullWorker(), path.split(QLatin1Char('/')), value);
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("rows"), QJsonArray{worker}}})
                                .toJson(QJsonDocument::Compact);
    auto parsed = json::Document::parse(json);
    QVERIFY(std::holds_alternative<std::shared_ptr<const json::Document>>(parsed));
    const auto snapshot = Snapshot::build(std::get<std::shared_ptr<const json::Document>>(parsed),
                                          QStringLiteral("test"), QDateTime::currentDateTimeUtc());
    QCOMPARE(snapshot->workers.size(), std::size_t(1));
    QStringList found;
    for (const hatchet::Problem& problem : snapshot->problems)
        found << hatchet::severityName(problem.severity) + QLatin1Char(' ') + problem.pointer +
                     QStringLiteral(": ") + problem.message;
    const QStringList expected =
        message.isEmpty()
            ? QStringList()
            : QStringList{QStringLiteral("error /rows/0/") + path + QStringLiteral(": ") + message};
    QCOMPARE(found, expected);
    touchEverything(snapshot);
}

void TestBadInput::directoryPipeAndDevice_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("directory") << QStringLiteral("directory")
                               << QStringLiteral("is a directory, not a JSON file");
    QTest::newRow("named pipe without a writer")
        << QStringLiteral("fifo")
        << QStringLiteral("not a regular file (a pipe or device cannot be opened here)");
    QTest::newRow("endless device") << QStringLiteral("/dev/zero")
                                    << QStringLiteral(
                                           "not a regular file (a pipe or device cannot be opened here)");
}

// Never opened, so never waited on: a pipe without a writer or /dev/zero would otherwise block or never end.
void TestBadInput::directoryPipeAndDevice() {
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QString source = kind;
    if (kind == QLatin1String("directory")) {
        source = m_dir.path();
    } else if (kind == QLatin1String("fifo")) {
        source = m_dir.filePath(QStringLiteral("pipe.json"));
        QVERIFY(::mkfifo(QFile::encodeName(source).constData(), 0600) == 0 || QFileInfo::exists(source));
    }
    const Outcome outcome = loadSource(source);
    QVERIFY2(outcome.error, qPrintable(describe(outcome)));
    QCOMPARE(outcome.error->toString(), source + QStringLiteral(": ") + message);
}

void TestBadInput::endlessStreamStopsAtTheLimit() {
    EndlessServer server("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QString url = QStringLiteral("http://127.0.0.1:%1/workers").arg(server.serverPort());
    const Outcome outcome = loadSource(url, qint64(4) << 20);
    QVERIFY2(outcome.error, qPrintable(describe(outcome)));
    QCOMPARE(outcome.error->toString(),
             url + QStringLiteral(": more than 4.0 MB received: the size limit stops the read"));
}

void TestBadInput::announcedSizeAboveTheLimit() {
    EndlessServer server(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000000000\r\n\r\n");
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QString url = QStringLiteral("http://127.0.0.1:%1/workers").arg(server.serverPort());
    const Outcome outcome = loadSource(url, qint64(4) << 20);
    QVERIFY2(outcome.error, qPrintable(describe(outcome)));
    QCOMPARE(outcome.error->message, QStringLiteral("the source is 4.7 GB, above the 4.0 MB limit"));
}

// A writer still appending while the file is read: refused with the reason, whatever was read so far.
void TestBadInput::fileGrowingWhileRead() {
    const QString path = m_dir.filePath(QStringLiteral("growing.json"));
    const QByteArray valid = readFile(QStringLiteral(HWI_SAMPLE));
    QVERIFY(writeFile(path, valid));
    bool appended = false;
    const Outcome outcome = loadSource(path, Loader::DefaultMaxBytes, [&] {
        if (appended)
            return;
        appended = true;
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n"); // still valid JSON: only the size tells
    });
    QVERIFY(appended);
    QVERIFY2(outcome.error, qPrintable(describe(outcome)));
    QVERIFY2(outcome.error->message.startsWith(QLatin1String("the file changed while it was read (")),
             qPrintable(outcome.error->message));
    QVERIFY(outcome.error->message.endsWith(QLatin1String("load it again once its writer has finished")));

    // Once the writer is done, it loads.
    const Outcome again = loadSource(path);
    QVERIFY2(again.snapshot, qPrintable(describe(again)));
}

void TestBadInput::sizeUnits_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes"); // -1: refused
    QTest::newRow("bytes") << QStringLiteral("1000") << qint64(1000);
    QTest::newRow("K") << QStringLiteral("64K") << qint64(64 * 1024);
    QTest::newRow("MB") << QStringLiteral("10MB") << qint64(10) * 1024 * 1024;
    QTest::newRow("MiB, space") << QStringLiteral("10 MiB") << qint64(10) * 1024 * 1024;
    QTest::newRow("G lowercase") << QStringLiteral("2g") << (qint64(2) << 30);
    QTest::newRow("fraction") << QStringLiteral("1.5G") << (qint64(3) << 29);
    QTest::newRow("T") << QStringLiteral("1T") << (qint64(1) << 40);
    QTest::newRow("B") << QStringLiteral("512B") << qint64(512);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5M") << qint64(-1);
    QTest::newRow("unknown unit") << QStringLiteral("5X") << qint64(-1);
    QTest::newRow("iB without unit") << QStringLiteral("5iB") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("too big") << QStringLiteral("99999999T") << qint64(-1);
}

void TestBadInput::sizeUnits() {
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    const std::optional<qint64> parsed = load::parseByteSize(text);
    QCOMPARE(parsed.value_or(-1), bytes);
}

void TestBadInput::maxSizeOption() {
    const auto run = [](const QStringList& arguments) {
        QProcess process;
        process.start(QStringLiteral(HWI_INSPECTOR), arguments);
        process.waitForFinished(60000);
        return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
    };
    const QString sample = QStringLiteral(HWI_SAMPLE);
    auto [code, err] =
        run({QStringLiteral("--check"), QStringLiteral("--max-size"), QStringLiteral("1K"), sample});
    QCOMPARE(code, 2);
    QCOMPARE(err.trimmed(), sample + QStringLiteral(": the file is %1, above the 1.0 kB limit")
                                         .arg(load::describeByteSize(QFileInfo(sample).size())));
    std::tie(code, err) =
        run({QStringLiteral("--check"), QStringLiteral("--max-size"), QStringLiteral("10M"), sample});
    QCOMPARE(code, 0);
    std::tie(code, err) =
        run({QStringLiteral("--check"), QStringLiteral("--max-size"), QStringLiteral("ten"), sample});
    QCOMPARE(code, 2);
    QCOMPARE(err.trimmed(),
             QStringLiteral("hatchet-inspector: --max-size: expected a size such as 500M or 2G, got 'ten'"));
}

// Loads cancelled while reading or parsing (and loads replaced by the next) give their memory back.
void TestBadInput::cancelledLoadsGiveMemoryBack() {
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer has an allocator of its own, with freed memory in quarantine");
#endif
    QByteArray json = "{\"rows\": [";
    const QByteArray worker =
        "{\"metadata\": {\"id\": \"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b\", \"createdAt\": "
        "\"2026-11-29T12:00:00Z\", "
        "\"updatedAt\": \"2026-11-29T12:00:00Z\"}, \"name\": \"w\", \"type\": \"SELFHOSTED\", \"status\": "
        "\"ACTIVE\", \"actions\": [\"a:b\", \"c:d\", \"e:f\"], \"slotConfig\": {\"default\": {\"available\": "
        "1, "
        "\"limit\": 2}}}";
    while (json.size() < (24 << 20))
        json += worker + ',';
    json += worker + "]}";
    const QString path = m_dir.filePath(QStringLiteral("memory.json"));
    QVERIFY(writeFile(path, json));
    const qint64 fileSize = json.size();
    json.clear();
    json.squeeze();

    Loader loader;
    int finished = 0;
    connect(&loader, &Loader::loaded, this, [&] { ++finished; });
    connect(&loader, &Loader::failed, this, [&] { ++finished; });
    connect(&loader, &Loader::cancelled, this, [&] { ++finished; });
    qint64 afterWarmUp = 0;
    for (int round = 0; round < 100; ++round) {
        QMetaObject::Connection interfere;
        const int stage = round % 3;
        if (stage == 1)
            interfere = connect(&loader, &Loader::progress, &loader, &Loader::cancel); // while reading
        else if (stage == 2)
            interfere = connect(&loader, &Loader::parsing, &loader,
                                [&] { QTimer::singleShot(5, &loader, &Loader::cancel); });
        const int before = finished;
        loader.load(path);
        if (stage == 0)
            loader.cancel(); // before the read
        QVERIFY(QTest::qWaitFor([&] { return finished > before; }, 60000));
        disconnect(interfere);
        load::backgroundPool().waitForDone(60000); // a cancelled parse stops at its next check
        load::readerPool().waitForDone(60000);     // a cancelled read at its next slice
        QCoreApplication::processEvents();
        if (round == 9)
            afterWarmUp = bytesInUse();
    }
    const qint64 growth = bytesInUse() - afterWarmUp;
    qInfo("file %.1f MB; in use after 10 rounds %.1f MB, growth over the next 90: %.1f MB", fileSize / 1e6,
          afterWarmUp / 1e6, growth / 1e6);
    QVERIFY2(growth < fileSize / 2, qPrintable(QStringLiteral("grew by %1 bytes").arg(growth)));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
