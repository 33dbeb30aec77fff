// Validation against the Hatchet spec (severity and JSON pointer of each rule) and RFC 3339 timestamps.
#include "hatchet/snapshot.h"
#include "hatchet/timestamp.h"
#include "hatchet/validation.h"
#include "testutil.h"
#include "json/document.h"

#include <QDateTime>
#include <QFile>
#include <QTest>
#include <QTimeZone>

using hwi::hatchet::parseRfc3339;
using hwi::hatchet::Problem;
using hwi::hatchet::Severity;
using hwi::hatchet::severityName;
using hwi::hatchet::Snapshot;
using hwi::json::Document;
using hwi::json::NodeId;
using hwi::json::NoNode;
using testutil::fixture;

namespace {

// "pointer: severity: message", as --check prints it.
QString describe(const Problem& problem) {
    return problem.pointer + QLatin1String(": ") + severityName(problem.severity) + QLatin1String(": ") +
           problem.message;
}

QStringList describeAll(const std::vector<Problem>& problems) {
    QStringList out;
    for (const Problem& problem : problems)
        out << describe(problem);
    return out;
}

constexpr char Meta[] = R"("metadata": {"id": "0b8e90e9-f646-4d5f-9ae8-5d0928398f9f", )"
                        R"("createdAt": "2026-11-29T10:00:00Z", "updatedAt": "2026-11-29T13:00:01Z"})";

// A valid Worker with extra members appended (they may repeat or override nothing: keys are appended).
QByteArray worker(const QByteArray& extra = {}) {
    QByteArray out = QByteArray("{") + Meta + R"(, "name": "w", "type": "SELFHOSTED")";
    if (!extra.isEmpty())
        out += ", " + extra;
    return out + "}";
}

// A Worker without name/type: members is everything after metadata.
QByteArray workerWith(const QByteArray& members) {
    return QByteArray("{") + Meta + (members.isEmpty() ? QByteArray() : ", " + members) + "}";
}

qint64 utcMsecs(int y, int mo, int d, int h, int mi, int s, int ms) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validWorkerHasNoProblems();
    void rules_data();
    void rules();
    void tolerated_data();
    void tolerated();
    void invalidTypesFixture();
    void tolerantFixture();
    void cleanFixtures_data();
    void cleanFixtures();
    void problemNodesMatchPointers();
    void largeDocumentsMatchOnePass_data();
    void largeDocumentsMatchOnePass();
    void duplicateKeys_data();
    void duplicateKeys();
    void lastOfDuplicateKeysCounts_data();
    void lastOfDuplicateKeysCounts();
    void uuids_data();
    void uuids();
    void uuidsEveryByteAtEveryPlace();

    void timestamps_data();
    void timestamps();
    void invalidTimestamps_data();
    void invalidTimestamps();
    void timestampDisplay();
};

void TestValidation::validWorkerHasNoProblems() {
    SNAPSHOT_OK(snapshot, worker());
    QCOMPARE(describeAll(snapshot->problems), QStringList());
}

void TestValidation::rules_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("message"); // a part of the message

    const auto row = [](const char* name, const QByteArray& json, const char* pointer, const char* severity,
                        const char* message) {
        QTest::newRow(name) << json << QString::fromUtf8(pointer) << QString::fromUtf8(severity)
                            << QString::fromUtf8(message);
    };

    // error: a required field missing or null.
    row("missing name", workerWith(R"("type": "SELFHOSTED")"), "/name", "error",
        "required field 'name' is missing");
    row("missing type", workerWith(R"("name": "w")"), "/type", "error", "required field 'type' is missing");
    row("missing metadata", QByteArray(R"({"name": "w", "type": "SELFHOSTED", "status": "ACTIVE"})"),
        "/metadata", "error", "required field 'metadata' is missing");
    row("missing metadata id",
        QByteArray(
            R"({"metadata": {"createdAt": "2026-11-29T10:00:00Z", "updatedAt": "2026-11-29T10:00:00Z"},)"
            R"( "name": "w", "type": "SELFHOSTED"})"),
        "/metadata/id", "error", "required field 'id' is missing");
    row("null name", workerWith(R"("name": null, "type": "SELFHOSTED")"), "/name", "error",
        "required field 'name' is null");
    row("missing label key", worker(QByteArray("\"labels\": [{") + Meta + R"(, "value": "x"}])"),
        "/labels/0/key", "error", "required field 'key' is missing");
    row("missing slot limit", worker(R"("slotConfig": {"default": {"available": 1}})"),
        "/slotConfig/default/limit", "error", "required field 'limit' is missing");
    row("missing legacy stepRunId",
        worker(R"("maxRuns": 1, "slots": [{"actionId": "", )"
               R"("workflowRunId": "00000000-0000-0000-0000-000000000000"}])"),
        "/slots/0/stepRunId", "error", "required field 'stepRunId' is missing");
    row("missing workflow name",
        worker(R"("registeredWorkflows": [{"id": "5a6b7c8d-0001-4e9f-a0b1-c2d3e4f5a6b7"}])"),
        "/registeredWorkflows/0/name", "error", "required field 'name' is missing");
    row("missing name in list row",
        "{\"rows\": [" + worker() + ", " + workerWith(R"("type": "MANAGED")") + "]}", "/rows/1/name", "error",
        "required field 'name' is missing");
    row("missing name in bare array", "[" + worker() + ", " + workerWith(R"("type": "MANAGED")") + "]",
        "/1/name", "error", "required field 'name' is missing");

    // error: a known field of the wrong JSON type.
    row("name is a number", workerWith(R"("name": 7, "type": "SELFHOSTED")"), "/name", "error",
        "'name' should be a string, found number");
    row("type is a number", workerWith(R"("name": "w", "type": 1)"), "/type", "error",
        "'type' should be a string (WorkerType), found number");
    row("actions is a string", worker(R"("actions": "a:b")"), "/actions", "error",
        "'actions' should be an array, found string");
    row("action is a number", worker(R"("actions": ["a:b", 2])"), "/actions/1", "error",
        "items of 'actions' should be strings, found number");
    row("maxRuns is a string", worker(R"("maxRuns": "4")"), "/maxRuns", "error",
        "'maxRuns' should be an integer, found string");
    row("heartbeat is a number", worker(R"("lastHeartbeatAt": 1764421201)"), "/lastHeartbeatAt", "error",
        "'lastHeartbeatAt' should be a string (date-time), found number");
    row("dispatcherId is an object", worker(R"("dispatcherId": {})"), "/dispatcherId", "error",
        "should be a string (uuid), found object");
    row("slotConfig is an array", worker(R"("slotConfig": [])"), "/slotConfig", "error",
        "'slotConfig' should be an object, found array");
    row("available is a string", worker(R"("slotConfig": {"default": {"available": "1", "limit": 2}})"),
        "/slotConfig/default/available", "error", "'available' should be an integer, found string");
    row("slot config entry is a number", worker(R"("slotConfig": {"default": 5})"), "/slotConfig/default",
        "error", "found number");
    row("labels is an object", worker(R"("labels": {})"), "/labels", "error",
        "'labels' should be an array, found object");
    row("label is a string", worker(R"("labels": ["gpu"])"), "/labels/0", "error",
        "expected a WorkerLabel object, found string");
    row("runtimeInfo is a string", worker(R"("runtimeInfo": "python")"), "/runtimeInfo", "error",
        "'runtimeInfo' should be an object, found string");
    row("language is a boolean", worker(R"("runtimeInfo": {"language": true})"), "/runtimeInfo/language",
        "error", "found boolean");
    row("status is null-free number", worker(R"("status": 0)"), "/status", "error",
        "'status' should be a string (WorkerStatus), found number");
    row("row is not an object", "{\"rows\": [" + worker() + ", 5]}", "/rows/1", "error",
        "expected a Worker object, found number");
    row("pagination is a number", QByteArray(R"({"pagination": 1, "rows": []})"), "/pagination", "error",
        "'pagination' should be an object, found number");
    row("array element is not an object", "[" + worker() + ", \"w\"]", "/1", "error",
        "expected a Worker object, found string");

    // warning: an unknown enum value, a malformed uuid or date-time.
    row("unknown status", worker(R"("status": "DRAINING")"), "/status", "warning",
        "unknown WorkerStatus value 'DRAINING'");
    row("unknown type", workerWith(R"("name": "w", "type": "SERVERLESS")"), "/type", "warning",
        "unknown WorkerType value 'SERVERLESS'");
    row("unknown language", worker(R"("runtimeInfo": {"language": "RUST", "sdkVersion": "0.1"})"),
        "/runtimeInfo/language", "warning", "unknown WorkerRuntimeSDKs value 'RUST'");
    row("unknown slot status",
        worker(R"("slots": [{"actionId": "a:b", "stepRunId": "c3d4e5f6-0001-4a71-8c1d-2e3f4a5b6c7d", )"
               R"("workflowRunId": "c3d4e5f6-0001-4a71-8c1d-2e3f4a5b6c7d", "status": "QUEUED"}])"),
        "/slots/0/status", "warning", "unknown StepRunStatus value 'QUEUED'");
    row("lowercase status", worker(R"("status": "active")"), "/status", "warning",
        "unknown WorkerStatus value 'active'");
    row("malformed dispatcherId", worker(R"("dispatcherId": "not-a-uuid")"), "/dispatcherId", "warning",
        "'dispatcherId' is not a valid uuid: 'not-a-uuid'");
    row("uuid without dashes", worker(R"("webhookId": "0b8e90e9f6464d5f9ae85d0928398f9f")"), "/webhookId",
        "warning", "is not a valid uuid");
    row("malformed slot uuid",
        worker(R"("slots": [{"actionId": "a:b", "stepRunId": "c3d4e5f6-0001-4a71-8c1d-2e3f4a5b6c7", )"
               R"("workflowRunId": "c3d4e5f6-0001-4a71-8c1d-2e3f4a5b6c7d"}])"),
        "/slots/0/stepRunId", "warning", "'stepRunId' is not a valid uuid");
    row("malformed workflow id", worker(R"("registeredWorkflows": [{"id": "wf-1", "name": "x"}])"),
        "/registeredWorkflows/0/id", "warning", "'id' is not a valid uuid: 'wf-1'");
    row("malformed heartbeat", worker(R"("lastHeartbeatAt": "29/11/2026 13:00:01")"), "/lastHeartbeatAt",
        "warning", "'lastHeartbeatAt' is not an RFC 3339 date-time: '29/11/2026 13:00:01'");
    row("heartbeat without zone", worker(R"("lastHeartbeatAt": "2026-11-29T13:00:01")"), "/lastHeartbeatAt",
        "warning", "is not an RFC 3339 date-time");
    row("February 30",
        QByteArray(R"({"metadata": {"id": "x", "createdAt": "2026-02-30T10:00:00Z", )"
                   R"("updatedAt": "2026-11-29T10:00:00Z"}, "name": "w", "type": "SELFHOSTED"})"),
        "/metadata/createdAt", "warning", "'createdAt' is not an RFC 3339 date-time");
    row("malformed slot start",
        worker(R"("slots": [{"actionId": "a:b", "stepRunId": "c3d4e5f6-0001-4a71-8c1d-2e3f4a5b6c7d", )"
               R"("workflowRunId": "c3d4e5f6-0001-4a71-8c1d-2e3f4a5b6c7d", "startedAt": "now"}])"),
        "/slots/0/startedAt", "warning", "'startedAt' is not an RFC 3339 date-time: 'now'");

    // info: an unknown field, wherever it is.
    row("unknown worker field", worker(R"("futureField": {"x": 1})"), "/futureField", "info",
        "unknown field 'futureField' (not in the Worker schema; kept)");
    row("unknown runtime field", worker(R"("runtimeInfo": {"gpu": "a10g"})"), "/runtimeInfo/gpu", "info",
        "unknown field 'gpu' (not in the WorkerRuntimeInfo schema; kept)");
    row("unknown list field", QByteArray(R"({"rows": [], "total": 0})"), "/total", "info",
        "unknown field 'total' (not in the WorkerList schema; kept)");
    row("unknown slot config field", worker(R"("slotConfig": {"default": {"limit": 2, "reserved": 1}})"),
        "/slotConfig/default/reserved", "info", "unknown field 'reserved'");
    row("unknown field with / and ~", worker(R"("a/b~c": 1)"), "/a~1b~0c", "info", "unknown field 'a/b~c'");
    row("unknown escaped field", worker(R"("x\u0026y": 1)"), "/x&y", "info", "unknown field 'x&y'");
    // "nome" has the length and the first and last bytes of "name": a lookup that compared only those would
    // take it for "name". A known key may be written with escapes.
    row("unknown field sketched as a known one", worker(R"("nome": "w")"), "/nome", "info",
        "unknown field 'nome' (not in the Worker schema; kept)");
    row("known field with escapes", worker(R"("dispatch\u0065rId": "x")"), "/dispatcherId", "warning",
        "'dispatcherId' is not a valid uuid: 'x'");
    row("unknown field in a list row", "{\"rows\": [" + worker() + ", " + worker(R"("zone": "eu")") + "]}",
        "/rows/1/zone", "info", "unknown field 'zone'");
}

// Each rule reports exactly one problem, at the pointer of the offending (or missing) value.
void TestValidation::rules() {
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    QFETCH(QString, severity);
    QFETCH(QString, message);

    SNAPSHOT_OK(snapshot, json);
    QVERIFY2(snapshot->note.isEmpty(), qPrintable(snapshot->note));
    const QStringList all = describeAll(snapshot->problems);
    QVERIFY2(snapshot->problems.size() == 1, qPrintable(all.join(QLatin1Char('\n'))));
    const Problem& problem = snapshot->problems.front();
    QCOMPARE(problem.pointer, pointer);
    QCOMPARE(severityName(problem.severity), severity);
    QVERIFY2(problem.message.contains(message), qPrintable(problem.message));
    QCOMPARE(snapshot->errorCount(), std::size_t(severity == QLatin1String("error") ? 1 : 0));
}

void TestValidation::tolerated_data() {
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("only required fields") << worker();
    QTest::newRow("actions null") << worker(R"("actions": null)");
    QTest::newRow("optional fields null")
        << worker(R"("labels": null, "slotConfig": null, "lastHeartbeatAt": null, "runtimeInfo": null)");
    QTest::newRow("empty runtimeInfo strings") << worker(
        R"("runtimeInfo": {"language": "", "languageVersion": "", "os": "", "runtimeExtra": "", "sdkVersion": ""})");
    QTest::newRow("zero time") << worker(R"("lastListenerEstablished": "0001-01-01T00:00:00Z")");
    QTest::newRow("nanoseconds and offsets")
        << worker(R"("lastHeartbeatAt": "2026-11-29T14:00:03.123456789+01:00", )"
                  R"("lastListenerEstablished": "2026-11-29T07:58:40-05:00")");
    QTest::newRow("available missing") << worker(R"("slotConfig": {"durable": {"limit": 5}})");
    QTest::newRow("empty slotConfig") << worker(R"("slotConfig": {})");
    QTest::newRow("legacy padded slots")
        << worker(R"("maxRuns": 2, "availableRuns": 2, "webhookUrl": "", "slots": [)"
                  R"({"actionId": "", "stepRunId": "00000000-0000-0000-0000-000000000000", )"
                  R"("workflowRunId": "00000000-0000-0000-0000-000000000000"}])");
    QTest::newRow("empty recentStepRuns") << worker(R"("recentStepRuns": [])");
    QTest::newRow("label with integer value as text")
        << worker(QByteArray("\"labels\": [{\"key\": \"memory_gb\", \"value\": \"64\", ") + Meta + "}]");
    QTest::newRow("label without value")
        << worker(QByteArray("\"labels\": [{\"key\": \"gpu\", ") + Meta + "}]");
    QTest::newRow("every status") << "[" + worker(R"("status": "ACTIVE")") + "," +
                                         worker(R"("status": "PAUSED")") + "," +
                                         worker(R"("status": "INACTIVE")") + "]";
    QTest::newRow("every type")
        << "[" + worker() + "," + workerWith(R"("name": "w", "type": "MANAGED")") + "," +
               workerWith(R"("name": "", "type": "WEBHOOK", "webhookUrl": "https://x.test/h")") + "]";
    QTest::newRow("uppercase uuid") << worker(R"("dispatcherId": "D1A5C0DE-7B3E-4F6A-9C21-5E8F0A4B3C2D")");
    QTest::newRow("empty list") << QByteArray(
        R"({"pagination": {"current_page": 1, "next_page": 2, "num_pages": 3}, "rows": []})");
    QTest::newRow("empty array") << QByteArray("[]");
}

void TestValidation::tolerated() {
    QFETCH(QByteArray, json);
    SNAPSHOT_OK(snapshot, json);
    QVERIFY2(snapshot->note.isEmpty(), qPrintable(snapshot->note));
    QCOMPARE(describeAll(snapshot->problems), QStringList());
}

void TestValidation::invalidTypesFixture() {
    SNAPSHOT_OK(snapshot, fixture("invalid-types.json"));
    const QStringList expected = {
        QStringLiteral("/rows/0/name: error: required field 'name' is missing"),
        QStringLiteral("/rows/0/actions: error: 'actions' should be an array, found string"),
        QStringLiteral("/rows/0/type: error: 'type' should be a string (WorkerType), found number"),
        QStringLiteral("/rows/1/dispatcherId: warning: 'dispatcherId' is not a valid uuid: 'not-a-uuid'"),
        QStringLiteral("/rows/1/lastHeartbeatAt: warning: 'lastHeartbeatAt' is not an RFC 3339 date-time: "
                       "'29/11/2026 13:00:01'"),
        QStringLiteral(
            "/rows/1/name: warning: duplicate key 'name' (first at line 32, column 15); both are kept"),
        QStringLiteral("/rows/1/slots/0/stepRunId: error: required field 'stepRunId' is missing"),
    };
    QCOMPARE(describeAll(snapshot->problems), expected);
    QCOMPARE(snapshot->errorCount(), std::size_t(4));
    QCOMPARE(snapshot->workers.size(), std::size_t(2));
    // Both are kept; the one that counts is the last, as for Hatchet's Go decoder.
    QCOMPARE(snapshot->worker(1).name(), QStringLiteral("indexer"));
}

void TestValidation::tolerantFixture() {
    SNAPSHOT_OK(snapshot, fixture("tolerant.json"));
    QCOMPARE(snapshot->errorCount(), std::size_t(0));
    const QStringList all = describeAll(snapshot->problems);
    const auto has = [&all](const char* line) { return all.contains(QString::fromUtf8(line)); };
    QVERIFY2(has("/futureField: info: unknown field 'futureField' (not in the Worker schema; kept)"),
             qPrintable(all.join(QLatin1Char('\n'))));
    QVERIFY2(
        has("/runtimeInfo/language: warning: unknown WorkerRuntimeSDKs value 'RUST' (known: GOLANG, PYTHON, "
            "TYPESCRIPT, RUBY); shown as written"),
        qPrintable(all.join(QLatin1Char('\n'))));
    QVERIFY2(has("/status: warning: unknown WorkerStatus value 'DRAINING' (known: ACTIVE, INACTIVE, PAUSED); "
                 "shown "
                 "as written"),
             qPrintable(all.join(QLatin1Char('\n'))));
    // Nothing about the zero time, the offsets, the nanoseconds, the empty strings or the big number.
    for (const Problem& problem : snapshot->problems) {
        QVERIFY2(!problem.pointer.startsWith(QLatin1String("/lastListenerEstablished")),
                 qPrintable(describe(problem)));
        QVERIFY2(!problem.pointer.startsWith(QLatin1String("/lastHeartbeatAt")),
                 qPrintable(describe(problem)));
        QVERIFY2(!problem.pointer.startsWith(QLatin1String("/metadata")), qPrintable(describe(problem)));
        QVERIFY2(!problem.pointer.startsWith(QLatin1String("/futureField/")), qPrintable(describe(problem)));
        QVERIFY2(problem.pointer != QLatin1String("/runtimeInfo/os"), qPrintable(describe(problem)));
    }
}

void TestValidation::cleanFixtures_data() {
    QTest::addColumn<QByteArray>("json");
    for (const char* name : {"list-current.json", "list-legacy.json", "worker-get.json", "worker-array.json",
                             "worker-patch.json", "bom.json"})
        QTest::newRow(name) << fixture(name);
    QFile sample(QStringLiteral(HWI_SAMPLE));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QTest::newRow("sample") << sample.readAll();
}

void TestValidation::cleanFixtures() {
    QFETCH(QByteArray, json);
    QVERIFY(!json.isEmpty());
    SNAPSHOT_OK(snapshot, json);
    QCOMPARE(describeAll(snapshot->problems), QStringList());
}

// A problem's node is the offending value, or for a missing field the object it belongs in.
void TestValidation::problemNodesMatchPointers() {
    SNAPSHOT_OK(snapshot, fixture("invalid-types.json"));
    const Document& doc = *snapshot->document;
    for (const Problem& problem : snapshot->problems) {
        QVERIFY(problem.node != NoNode);
        const QString nodePointer = doc.pointer(problem.node);
        if (problem.message.contains(QLatin1String("is missing")))
            QVERIFY2(problem.pointer.startsWith(nodePointer + QLatin1Char('/')) &&
                         problem.pointer.count(QLatin1Char('/')) == nodePointer.count(QLatin1Char('/')) + 1,
                     qPrintable(describe(problem)));
        else
            QCOMPARE(nodePointer, problem.pointer);
    }
    // The missing stepRunId belongs to the first slot of the second row, at line 35.
    const Problem& last = snapshot->problems.back();
    QCOMPARE(doc.pointer(last.node), QStringLiteral("/rows/1/slots/0"));
    QCOMPARE(doc.position(last.node).line, 35);
}

void TestValidation::duplicateKeys_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("two names") << worker(R"("name": "again")")
                               << QStringList{
                                      QStringLiteral("/name: warning: duplicate key 'name' (first at line 1, "
                                                     "column 144); both are kept")};
    QTest::newRow("escaped duplicate")
        << worker(R"("n\u0061me": "again")")
        << QStringList{QStringLiteral("/name: warning: duplicate key 'name' (first at "
                                      "line 1, column 144); both are kept")};
    QByteArray many = "{";
    for (int i = 0; i < 30; ++i)
        many += "\"k" + QByteArray::number(i) + "\": " + QByteArray::number(i) + ", ";
    many += "\"k3\": 99}";
    QTest::newRow("in a big unknown object")
        << worker("\"extra\": " + many)
        << QStringList{QStringLiteral("/extra: info: unknown field 'extra' (not in "
                                      "the Worker schema; kept)"),
                       QStringLiteral("/extra/k3: warning: duplicate key 'k3' "
                                      "(first at line 1, column 214); both are "
                                      "kept")};
    QTest::newRow("three times")
        << QByteArray(R"({"a": 1, "a": 2, "a": 3})")
        << QStringList{QStringLiteral("/a: warning: duplicate key 'a' (first at line 1, column "
                                      "7); both are kept"),
                       QStringLiteral("/a: warning: duplicate key 'a' (first at line 1, column "
                                      "7); both are kept")};
    // One length and the same first, middle and last bytes (the node table's sketch): only the text tells.
    QTest::newRow("same sketch, different keys")
        << QByteArray(R"({"kAxyz": 1, "kBxyz": 2, "kCxyz": 3})") << QStringList();
    QTest::newRow("same sketch, one duplicate")
        << QByteArray(R"({"kAxyz": 1, "kBxyz": 2, "kAxyz": 3})")
        << QStringList{QStringLiteral("/kAxyz: warning: duplicate key 'kAxyz' (first at line 1, column "
                                      "11); both are kept")};
    const QByteArray longKey = QByteArray(150, 'a') + QByteArray(150, 'z');
    QTest::newRow("300-byte keys")
        << QByteArray(R"({")" + longKey + R"(": 1, "b)" + longKey.mid(1) + R"(": 2, ")" + longKey +
                      R"(": 3})")
        << QStringList{QStringLiteral("/%1: warning: duplicate key '%1' (first at line 1, column 306); both "
                                      "are kept")
                           .arg(QString::fromLatin1(longKey))};
    QTest::newRow("same key, different objects")
        << QByteArray(R"({"x": {"a": 1}, "y": {"a": 2}})") << QStringList();
    // A list whose rows come twice: the earlier rows' workers are checked by the envelope's validator, the
    // later ones in parts; the duplicates within both are said.
    QTest::newRow("rows twice")
        << QByteArray(R"({"rows": [{"q": 1, "q": 2}], "rows": [{"r": [{"s": 1, "s": 2}]}]})")
        << QStringList{
               QStringLiteral(
                   "/rows/0/q: warning: duplicate key 'q' (first at line 1, column 17); both are kept"),
               QStringLiteral(
                   "/rows: warning: duplicate key 'rows' (first at line 1, column 10); both are kept"),
               QStringLiteral("/rows/0/r: info: unknown field 'r' (not in the Worker schema; kept)"),
               QStringLiteral("/rows/0/r/0/s: warning: duplicate key 's' (first at line 1, column 52); both "
                              "are kept")};
}

void TestValidation::duplicateKeys() {
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    SNAPSHOT_OK(snapshot, json);
    QStringList found;
    for (const Problem& problem : snapshot->problems) {
        if (problem.message.contains(QLatin1String("duplicate")) || problem.severity == Severity::Info)
            found << describe(problem);
    }
    QCOMPARE(found, expected);
    for (const Problem& problem : snapshot->problems) {
        if (problem.message.contains(QLatin1String("duplicate")))
            QCOMPARE(problem.severity, Severity::Warning);
    }
}

// Of duplicate keys the last one is validated (Hatchet's Go decoder keeps it): what an earlier value would
// have said is not said, and what the fields between said stays. Besides the duplicate warnings.
void TestValidation::lastOfDuplicateKeysCounts_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");
    const QString badUuid = QStringLiteral("/dispatcherId: warning: 'dispatcherId' is not a valid uuid: 'x'");
    QTest::newRow("a bad value, then a good one")
        << worker(R"("status": "BOGUS", "dispatcherId": "x", "status": "ACTIVE")") << QStringList{badUuid};
    QTest::newRow("a good value, then a bad one")
        << worker(R"("status": "ACTIVE", "dispatcherId": "x", "status": "BOGUS")")
        << QStringList{badUuid, QStringLiteral("/status: warning: unknown WorkerStatus value 'BOGUS' (known: "
                                               "ACTIVE, INACTIVE, PAUSED); shown as written")};
    QTest::newRow("a bad object, then a good one")
        << workerWith(R"("name": "w", "metadata": {"id": 5}, "dispatcherId": "x", "type": "SELFHOSTED", )" +
                      QByteArray(Meta))
        << QStringList{badUuid};
    QTest::newRow("a good object, then a bad one")
        << workerWith(R"("name": "w", "type": "SELFHOSTED", "metadata": {"id": "m", "createdAt": "no"})")
        << QStringList{QStringLiteral("/metadata/updatedAt: error: required field 'updatedAt' is missing"),
                       QStringLiteral("/metadata/createdAt: warning: 'createdAt' is not an RFC 3339 "
                                      "date-time: 'no'")};
    QTest::newRow("required and null, then given")
        << worker(R"("name": null, "labels": [{"key": 1}], "name": "again")")
        << QStringList{QStringLiteral("/labels/0/metadata: error: required field 'metadata' is missing"),
                       QStringLiteral("/labels/0/key: error: 'key' should be a string, found number")};
    QTest::newRow("given, then required and null")
        << worker(R"("name": null)")
        << QStringList{QStringLiteral("/name: error: required field 'name' is null")};
    QTest::newRow("three times, the last good")
        << worker(R"("type": 1, "actions": "a", "type": "X", "type": "MANAGED")")
        << QStringList{QStringLiteral("/actions: error: 'actions' should be an array, found string")};
}

void TestValidation::lastOfDuplicateKeysCounts() {
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    SNAPSHOT_OK(snapshot, json);
    QStringList found;
    for (const Problem& problem : snapshot->problems) {
        if (!problem.message.contains(QLatin1String("duplicate key")))
            found << describe(problem);
    }
    QCOMPARE(found, expected);
}

void TestValidation::uuids_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("lowercase") << QByteArray("0b8e90e9-f646-4d5f-9ae8-5d0928398f9f") << true;
    QTest::newRow("uppercase") << QByteArray("0B8E90E9-F646-4D5F-9AE8-5D0928398F9F") << true;
    QTest::newRow("zero") << QByteArray("00000000-0000-0000-0000-000000000000") << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("no dashes") << QByteArray("0b8e90e9f6464d5f9ae85d0928398f9f") << false;
    QTest::newRow("too short") << QByteArray("0b8e90e9-f646-4d5f-9ae8-5d0928398f9") << false;
    QTest::newRow("too long") << QByteArray("0b8e90e9-f646-4d5f-9ae8-5d0928398f9f0") << false;
    QTest::newRow("not hex") << QByteArray("0b8e90e9-f646-4d5f-9ae8-5d0928398f9g") << false;
    QTest::newRow("dash misplaced") << QByteArray("0b8e90e9f-646-4d5f-9ae8-5d0928398f9f") << false;
    QTest::newRow("braces") << QByteArray("{0b8e90e9-f646-4d5f-9ae8-5d0928398f9}") << false;
    QTest::newRow("dash for a digit") << QByteArray("0b8e90e9-f646-4d5f-9ae8-5d0928-98f9f") << false;
    QTest::newRow("digit for a dash") << QByteArray("0b8e90e9-f64604d5f-9ae8-5d0928398f9f") << false;
    QTest::newRow("a byte above 127") << QByteArray("0b8e90e9-f646-4d5f-9ae8-5d0928398f9\xe6") << false;
    QTest::newRow("first byte") << QByteArray("Gb8e90e9-f646-4d5f-9ae8-5d0928398f9f") << false;
}

void TestValidation::uuids() {
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QCOMPARE(hwi::hatchet::isUuid(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))),
             valid);
}

// Every byte value at every place of a valid uuid, against the rule written out: hex digits, dashes at 8, 13,
// 18 and 23 (isUuid reads 16 bytes at a time, so each place is in a different lane).
void TestValidation::uuidsEveryByteAtEveryPlace() {
    const QByteArray valid("0b8e90e9-f646-4d5f-9ae8-5d0928398f9f");
    const auto isHex = [](unsigned char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    int accepted = 0;
    for (qsizetype place = 0; place < valid.size(); ++place) {
        const bool dashPlace = place == 8 || place == 13 || place == 18 || place == 23;
        for (int byte = 0; byte < 256; ++byte) {
            QByteArray text = valid;
            text[place] = char(byte);
            const bool expected = dashPlace ? byte == '-' : isHex(static_cast<unsigned char>(byte));
            const bool found = hwi::hatchet::isUuid(
                std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
            if (found != expected)
                QFAIL(qPrintable(
                    QStringLiteral("byte %1 at %2: isUuid says %3").arg(byte).arg(place).arg(found)));
            accepted += found ? 1 : 0;
        }
    }
    QCOMPARE(accepted, 32 * 22 + 4 * 1); // 22 hex digits (10 + 6 + 6) at each of 32 places, a dash at 4
}

void TestValidation::timestamps_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("msecs"); // UTC
    QTest::addColumn<int>("offset");   // seconds east of UTC
    QTest::addColumn<bool>("never");

    const auto row = [](const char* text, qint64 msecs, int offset = 0, bool never = false) {
        QTest::newRow(text) << QByteArray(text) << msecs << offset << never;
    };
    row("2026-11-29T13:00:01Z", utcMsecs(2026, 11, 29, 13, 0, 1, 0));
    row("2026-11-29T12:58:40Z", utcMsecs(2026, 11, 29, 12, 58, 40, 0));
    row("2026-11-29T13:00:01.5Z", utcMsecs(2026, 11, 29, 13, 0, 1, 500));
    row("2026-11-29T13:00:01.05Z", utcMsecs(2026, 11, 29, 13, 0, 1, 50));
    row("2026-11-29T13:00:01.987654Z", utcMsecs(2026, 11, 29, 13, 0, 1, 987));
    row("2026-11-29T13:00:01.987654321Z", utcMsecs(2026, 11, 29, 13, 0, 1, 987));
    row("2026-11-29T13:00:01.000000001Z", utcMsecs(2026, 11, 29, 13, 0, 1, 0));
    row("2026-11-29T14:00:03.123456789+01:00", utcMsecs(2026, 11, 29, 13, 0, 3, 123), 3600);
    row("2026-11-29T07:30:00-05:30", utcMsecs(2026, 11, 29, 13, 0, 0, 0), -19800);
    row("2026-11-30T00:30:00+11:30", utcMsecs(2026, 11, 29, 13, 0, 0, 0), 41400);
    row("2026-01-01T00:30:00+01:00", utcMsecs(2025, 12, 31, 23, 30, 0, 0), 3600);
    row("2026-11-29T13:00:01+00:00", utcMsecs(2026, 11, 29, 13, 0, 1, 0));
    row("2026-11-29t13:00:01z", utcMsecs(2026, 11, 29, 13, 0, 1, 0));
    row("1970-01-01T00:00:00Z", 0);
    row("1969-12-31T23:59:59.999Z", -1);
    row("2024-02-29T12:00:00Z", utcMsecs(2024, 2, 29, 12, 0, 0, 0));
    row("2000-02-29T00:00:00Z", utcMsecs(2000, 2, 29, 0, 0, 0, 0));
    row("2026-12-31T23:59:59.999Z", utcMsecs(2026, 12, 31, 23, 59, 59, 999));
    row("0001-01-01T00:00:00Z", utcMsecs(1, 1, 1, 0, 0, 0, 0), 0, true);
    row("0001-01-01T00:00:01Z", utcMsecs(1, 1, 1, 0, 0, 1, 0), 0, false);
    row("9999-12-31T23:59:59Z", utcMsecs(9999, 12, 31, 23, 59, 59, 0));
}

void TestValidation::timestamps() {
    QFETCH(QByteArray, text);
    QFETCH(qint64, msecs);
    QFETCH(int, offset);
    QFETCH(bool, never);

    const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
    QVERIFY(hwi::hatchet::isRfc3339(view));
    const auto ts = parseRfc3339(view);
    QVERIFY2(ts, "rejected");
    QCOMPARE(qint64(ts->msecsSinceEpoch), msecs);
    QCOMPARE(ts->offsetSeconds, offset);
    QCOMPARE(ts->never, never);
    if (!never) {
        QCOMPARE(ts->toDateTime().toMSecsSinceEpoch(), msecs);
        QCOMPARE(ts->toDateTime().offsetFromUtc(), offset);
    }
}

void TestValidation::invalidTimestamps_data() {
    QTest::addColumn<QByteArray>("text");
    for (const char* text : {
             "",
             "2026-11-29T13:00:01",             // no zone
             "2026-11-29T13:00:01.5",           // no zone after a fraction
             "2026-11-29T13:00:01.1234567890Z", // 10 fractional digits
             "2026-11-29T13:00:01.Z",           // a dot without digits
             "2026-02-30T00:00:00Z",            // February 30
             "2026-02-29T00:00:00Z",            // 2026 is not a leap year
             "1900-02-29T00:00:00Z",            // nor is 1900
             "2100-02-29T00:00:00Z",
             "2026-04-31T00:00:00Z",
             "2026-11-29T24:00:00Z", // hour 24
             "2026-11-29T13:60:00Z",
             "2026-11-29T13:00:61Z",
             "2026-13-01T00:00:00Z",
             "2026-00-10T00:00:00Z",
             "2026-11-00T00:00:00Z",
             "2026-11-29T13:00:01+0100",  // offset without a colon
             "2026-11-29T13:00:01+01",    // offset without minutes
             "2026-11-29T13:00:01+24:00", // offset out of range
             "2026-11-29T13:00:01+01:60",
             "2026-11-29T13:00:01Z ", // trailing space
             "2026-11-29T13:00:01ZZ",
             "2026-11-29X13:00:01Z",
             "26-11-29T13:00:01Z",
             "2026-1-29T13:00:01Z",
             "29/11/2026 13:00:01",
             "2026/11/29T13:00:01Z",
             "2026-11-29",
             "yesterday",
             "1764421201",
         })
        QTest::newRow(*text ? text : "empty") << QByteArray(text);
}

void TestValidation::invalidTimestamps() {
    QFETCH(QByteArray, text);
    const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
    QVERIFY(!hwi::hatchet::isRfc3339(view));
    const auto ts = parseRfc3339(view);
    QVERIFY2(!ts, qPrintable(QStringLiteral("accepted as %1").arg(ts ? ts->toIsoString() : QString())));
}

void TestValidation::timestampDisplay() {
    const auto withOffset = parseRfc3339("2026-11-29T14:00:03.123456789+01:00");
    QVERIFY(withOffset);
    QCOMPARE(withOffset->toIsoString(), QStringLiteral("2026-11-29T14:00:03.123+01:00"));
    const auto utc = parseRfc3339("2026-11-29T13:00:01.987654321Z");
    QVERIFY(utc);
    QCOMPARE(utc->toDateTime().toUTC(),
             QDateTime(QDate(2026, 11, 29), QTime(13, 0, 1, 987), QTimeZone::utc()));
    const auto never = parseRfc3339("0001-01-01T00:00:00Z");
    QVERIFY(never);
    QCOMPARE(never->toIsoString(), QStringLiteral("never"));
}

QTEST_GUILESS_MAIN(TestValidation)
void TestValidation::largeDocumentsMatchOnePass_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("list");
    // Enough workers for many parts (256 workers each), with a different problem in most.
    const QByteArray problems[] = {
        {},
        R"("status": "SLEEPING")",
        R"("dispatcherId": "not-a-uuid")",
        R"("lastHeartbeatAt": "yesterday")",
        R"("name": 5)",
        R"("extra": true)",
        R"("type": "MANAGED")",
        R"("slots": [{"stepRunId": 1}], "actions": "a")",
        R"("maxRuns": 2.5, "labels": [{"key": "k", "key": "k2"}])",
        // Duplicate keys where the schema does not lead: an unknown field, a value of the wrong type, a map's
        // own keys, an item of a string array, the earlier of two values of one key.
        R"("extra": {"a": 1, "a": [{"b": 1, "b": 2}]})",
        R"("slotConfig": {"default": {"limit": 1}, "default": {"limit": 2, "limit": 3}})",
        R"("actions": ["a", {"d": 1, "d": 2}], "labels": {"e": 1, "e": 2})",
        R"("runtimeInfo": {"os": "x", "zz": {"f": 1, "f": 1}}, "runtimeInfo": null)",
    };
    QByteArray rows;
    for (int i = 0; i < 20000; ++i) {
        const QByteArray& extra = problems[i % std::size(problems)];
        rows += (i ? ",\n" : "") + (i % 13 == 0 ? workerWith(extra) : worker(extra));
    }
    rows += ",\n7,\n[{\"g\": 1, \"g\": 2}]"; // rows that are no workers, one holding duplicate keys
    QTest::newRow("list") << QByteArray("{\"rows\": [" + rows +
                                        "], \"pagination\": {\"num_pages\": \"1\"}, \"x\": 1}")
                          << true;
    QTest::newRow("array") << QByteArray("[" + rows + "]") << false;
}

// Validated in parts at once, a large document has the problems of one pass over it, in the same order.
void TestValidation::largeDocumentsMatchOnePass() {
    QFETCH(QByteArray, json);
    QFETCH(bool, list);
    SNAPSHOT_OK(snapshot, json);
    const Document& doc = *snapshot->document;
    QVERIFY(snapshot->workers.size() > 2 * 256); // validated in several parts of 256 workers
    std::vector<Problem> expected;
    if (list)
        hwi::hatchet::validateWorkerList(doc, doc.root(), expected);
    else
        hwi::hatchet::validateWorkerArray(doc, doc.root(), expected);
    // The validators' duplicate keys, found object by object as they go, against one scan of the node table.
    const auto isDuplicate = [](const Problem& p) {
        return p.message.startsWith(QLatin1String("duplicate key"));
    };
    QVERIFY(std::count_if(expected.begin(), expected.end(), isDuplicate) > 1000);
    std::erase_if(expected, isDuplicate);
    hwi::hatchet::findDuplicateKeys(doc, expected);
    std::stable_sort(expected.begin(), expected.end(), [&doc](const Problem& a, const Problem& b) {
        return doc.offset(a.node) < doc.offset(b.node);
    });
    QVERIFY(expected.size() > 15000);
    const QStringList got = describeAll(snapshot->problems);
    QCOMPARE(got, describeAll(expected));
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(snapshot->problems[i].node, expected[i].node);
}

#include "tst_validation.moc"
