// The typed worker view over a parsed document (hatchet::Snapshot and hatchet::WorkerView): the shapes a
// saved file comes in, the two schema eras of slots, and what the view tolerates — null and empty members,
// unknown fields and values, malformed and missing times.
#include "hatchet/snapshot.h"
#include "hatchet/worker.h"
#include "testutil.h"
#include "json/document.h"

#include <QDateTime>
#include <QFile>
#include <QTest>
#include <QTimeZone>

using hwi::hatchet::LabelText;
using hwi::hatchet::SchemaEra;
using hwi::hatchet::Shape;
using hwi::hatchet::Snapshot;
using hwi::hatchet::TimeValue;
using hwi::hatchet::WorkerView;
using hwi::json::Document;
using hwi::json::Kind;
using hwi::json::NodeId;
using hwi::json::NoNode;
using testutil::fixture;
using testutil::lines;
using testutil::readFile;

namespace QTest {
template <> inline char* toString(const std::string_view& text) {
    return QTest::toString(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
}
template <> inline char* toString(const std::optional<std::int64_t>& value) {
    return qstrdup(value ? QByteArray::number(qlonglong(*value)).constData() : "nullopt");
}
} // namespace QTest

namespace {

constexpr char Bom[] = "\xEF\xBB\xBF";

qint64 utcMsecs(int y, int mo, int d, int h, int mi, int s, int ms) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

class TestWorkerView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Shapes, eras and tolerances of the worker view.
    void shapes_data();
    void shapes();
    void bomFileIsAWorker();
    void currentEraSlots();
    void legacyEraSlots();
    void slotTypeWithoutAvailable();
    void nullActionsAreAbsent();
    void oneLabelByKey();
    void emptyRuntimeInfo();
    void webhookUrlNamesTheWorker();
    void timeValues();
    void unknownFieldsAndValuesKept();
    void missingOptionalFields();
};

void TestWorkerView::shapes_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<QStringList>("names"); // of the workers, in document order
    QTest::addColumn<QString>("note");      // part of the note; empty: no note

    QTest::newRow("WorkerList") << fixture("list-current.json") << Shape::WorkerList
                                << lines({"order-processor", "report-builder", "mailer"}) << QString();
    QTest::newRow("WorkerList, legacy") << fixture("list-legacy.json") << Shape::WorkerList
                                        << lines({"transcoder-a", "janitor-b"}) << QString();
    QTest::newRow("Worker") << fixture("worker-get.json") << Shape::Worker << lines({"render-farm-01"})
                            << QString();
    QTest::newRow("Worker, PATCH response")
        << fixture("worker-patch.json") << Shape::Worker << lines({"render-farm-01"}) << QString();
    QTest::newRow("bare array") << fixture("worker-array.json") << Shape::WorkerArray
                                << lines({"etl & sync", "etl-transform"}) << QString();
    QTest::newRow("sample") << readFile(QStringLiteral(HWI_SAMPLE)) << Shape::WorkerList
                            << lines({"notifications-worker", "fulfillment-webhook", "email-sender",
                                      "render-farm-01", "search-indexer", "reports & exports",
                                      "ml-inference-gpu", "video-transcoder", "web-crawler",
                                      "payments-worker", "billing-sidecar", "invoice-pdf-operator"})
                            << QString();
    QTest::newRow("empty array") << QByteArray("[]") << Shape::WorkerArray << QStringList() << QString();
    QTest::newRow("empty WorkerList")
        << QByteArray(R"({"pagination": {"current_page": 0, "num_pages": 0}, "rows": []})")
        << Shape::WorkerList << QStringList() << QString();
    QTest::newRow("APIErrors") << fixture("not-workers.json") << Shape::PlainJson << QStringList()
                               << QStringLiteral("APIErrors");
    QTest::newRow("other object") << QByteArray(R"({"hello": "world"})") << Shape::PlainJson << QStringList()
                                  << QStringLiteral("holds no workers");
    QTest::newRow("array of numbers")
        << QByteArray("[1, 2, 3]") << Shape::PlainJson << QStringList() << QStringLiteral("holds no workers");
    QTest::newRow("string") << QByteArray(R"("workers")") << Shape::PlainJson << QStringList()
                            << QStringLiteral("holds no workers");
    QTest::newRow("null") << QByteArray("null") << Shape::PlainJson << QStringList()
                          << QStringLiteral("holds no workers");
}

void TestWorkerView::shapes() {
    QFETCH(QByteArray, json);
    QFETCH(Shape, shape);
    QFETCH(QStringList, names);
    QFETCH(QString, note);

    QVERIFY(!json.isEmpty());
    SNAPSHOT_OK(snapshot, json);
    QCOMPARE(snapshot->shape, shape);
    QStringList actual;
    for (std::size_t i = 0; i < snapshot->workers.size(); ++i)
        actual << snapshot->worker(i).name();
    QCOMPARE(actual, names);
    if (note.isEmpty()) {
        QVERIFY2(snapshot->note.isEmpty(), qPrintable(snapshot->note));
    } else {
        QVERIFY2(snapshot->note.contains(note), qPrintable(snapshot->note));
    }
    // None of these is invalid.
    QCOMPARE(snapshot->errorCount(), std::size_t(0));
    QCOMPARE(snapshot->source, QStringLiteral("test.json"));
}

// A file that starts with a byte order mark is read like one without.
void TestWorkerView::bomFileIsAWorker() {
    const QByteArray withBom = fixture("bom.json");
    QVERIFY(withBom.startsWith(Bom));
    SNAPSHOT_OK(snapshot, withBom);
    QCOMPARE(snapshot->shape, Shape::Worker);
    QCOMPARE(snapshot->workers.size(), std::size_t(1));
    QVERIFY(snapshot->problems.empty());
    QCOMPARE(snapshot->worker(0).name(), QStringLiteral("order-processor"));
}

void TestWorkerView::currentEraSlots() {
    SNAPSHOT_OK(snapshot, fixture("list-current.json"));
    QCOMPARE(snapshot->workers.size(), std::size_t(3));
    const WorkerView w = snapshot->worker(0);
    QCOMPARE(w.era(), SchemaEra::Current);
    const auto caps = w.slotCapacities();
    QCOMPARE(caps.size(), std::size_t(2));
    QCOMPARE(caps[0].slotType, QStringLiteral("default"));
    QCOMPARE(caps[0].available, std::optional<std::int64_t>(2));
    QCOMPARE(caps[0].limit, std::optional<std::int64_t>(5));
    QCOMPARE(caps[0].used(), std::optional<std::int64_t>(3));
    QCOMPARE(caps[1].slotType, QStringLiteral("durable"));
    QCOMPARE(caps[1].used(), std::optional<std::int64_t>(0));
    QCOMPARE(caps[1].limit, std::optional<std::int64_t>(1));
    QVERIFY(w.slots().empty());

    const WorkerView paused = snapshot->worker(1);
    QCOMPARE(paused.status(), QStringLiteral("PAUSED"));
    QCOMPARE(paused.slotCapacities().size(), std::size_t(1));
    QCOMPARE(paused.slotCapacities()[0].used(), std::optional<std::int64_t>(0));
}

void TestWorkerView::legacyEraSlots() {
    SNAPSHOT_OK(snapshot, fixture("list-legacy.json"));
    QCOMPARE(snapshot->workers.size(), std::size_t(2));

    const WorkerView transcoder = snapshot->worker(0);
    QCOMPARE(transcoder.era(), SchemaEra::Legacy);
    const auto caps = transcoder.slotCapacities();
    QCOMPARE(caps.size(), std::size_t(1));
    QCOMPARE(caps[0].slotType, QStringLiteral("default"));
    QCOMPARE(caps[0].limit, std::optional<std::int64_t>(4));
    QCOMPARE(caps[0].available, std::optional<std::int64_t>(2));
    QCOMPARE(caps[0].used(), std::optional<std::int64_t>(2));
    // `slots` came only on a single-worker GET, never in list rows.
    QVERIFY(transcoder.slots().empty());

    const WorkerView janitor = snapshot->worker(1);
    QCOMPARE(janitor.era(), SchemaEra::Legacy);
    QCOMPARE(janitor.slotCapacities()[0].used(), std::optional<std::int64_t>(0));

    // A GET: the 2 running slots, then padding until the array is availableRuns (3) long.
    SNAPSHOT_OK(get, fixture("worker-get-legacy.json"));
    const auto slots = get->worker(0).slots();
    QCOMPARE(slots.size(), std::size_t(3));
    QVERIFY(!slots[0].isFreePadding());
    QVERIFY(!slots[1].isFreePadding());
    QVERIFY(slots[2].isFreePadding());
    QCOMPARE(slots[0].actionId, QStringLiteral("video-transcode:transcode"));
    QCOMPARE(slots[0].status, QStringLiteral("RUNNING"));
    QCOMPARE(slots[0].startedAt.state, TimeValue::Valid);
    QCOMPARE(slots[1].timeoutAt.time.msecsSinceEpoch, utcMsecs(2026, 1, 15, 9, 31, 1, 0));
    QCOMPARE(slots[2].startedAt.state, TimeValue::Absent);

    // A running slot is never padding, even with an all-zero workflow run.
    SNAPSHOT_OK(running, QByteArray(R"({"name": "w", "type": "SELFHOSTED", "maxRuns": 1, "availableRuns": 0,
        "slots": [{"actionId": "a:b", "stepRunId": "00000000-0000-0000-0000-000000000000",
                   "workflowRunId": "00000000-0000-0000-0000-000000000000", "startedAt": "2026-01-15T09:29:00Z",
                   "status": "RUNNING"}]})"));
    QCOMPARE(running->worker(0).slots().size(), std::size_t(1));
    QVERIFY(!running->worker(0).slots()[0].isFreePadding());
}

void TestWorkerView::slotTypeWithoutAvailable() {
    SNAPSHOT_OK(snapshot, readFile(QStringLiteral(HWI_SAMPLE)));
    const WorkerView payments = snapshot->worker(9);
    QCOMPARE(payments.name(), QStringLiteral("payments-worker"));
    const auto caps = payments.slotCapacities();
    QCOMPARE(caps.size(), std::size_t(2));
    QCOMPARE(caps[1].slotType, QStringLiteral("durable"));
    QCOMPARE(caps[1].limit, std::optional<std::int64_t>(5));
    QCOMPARE(caps[1].available, std::optional<std::int64_t>());
    QCOMPARE(caps[1].used(), std::optional<std::int64_t>()); // unknown, not 5

    // Old-era workers (maxRuns) read as slot type "default".
    SNAPSHOT_OK(legacy, fixture("list-legacy.json"));
    const WorkerView transcoder = legacy->worker(0);
    QCOMPARE(transcoder.era(), SchemaEra::Legacy);
    QCOMPARE(transcoder.slotCapacities().size(), std::size_t(1));
    QCOMPARE(transcoder.slotCapacities()[0].slotType, QStringLiteral("default"));
    QCOMPARE(transcoder.slotCapacities()[0].limit, std::optional<std::int64_t>(4));
}

void TestWorkerView::nullActionsAreAbsent() {
    SNAPSHOT_OK(snapshot, fixture("worker-patch.json"));
    const WorkerView w = snapshot->worker(0);
    QCOMPARE(w.field("actions"), NoNode);
    QVERIFY(w.actions().isEmpty());
    QVERIFY(w.labels().empty());
    QVERIFY(w.slotCapacities().empty());
    QCOMPARE(w.era(), SchemaEra::Unknown);
    QCOMPARE(w.status(), QStringLiteral("PAUSED"));
    QVERIFY2(snapshot->problems.empty(),
             qPrintable(snapshot->problems.empty() ? QString() : snapshot->problems[0].message));
    // The member is still in the document, as null.
    const NodeId member = snapshot->document->member(w.node(), "actions");
    QVERIFY(member != NoNode);
    QCOMPARE(snapshot->document->kind(member), Kind::Null);
}

// labelText(key) is labelTexts()' first label of that key, found without wording the others: escaped keys
// by their text, a label without a string key under "", a label without value said so.
void TestWorkerView::oneLabelByKey() {
    SNAPSHOT_OK(snapshot, QByteArray(R"({"metadata": {"id": "w"}, "name": "w", "labels": [
        {"key": "gpu", "value": "a100"}, {"key": "gpu", "value": "t4"}, {"key": "zone"},
        {"key": "r\u00e9gion", "value": "eu"}, {"value": "keyless"}, {"key": 7, "value": "number"}, 3]})"));
    const WorkerView w = snapshot->worker(0);
    const std::vector<LabelText> all = w.labelTexts();
    const auto same = [](const std::optional<LabelText>& got, const LabelText& expected) {
        return got && got->key == expected.key && got->value == expected.value &&
               got->hasValue == expected.hasValue;
    };
    QVERIFY(same(w.labelText("gpu"), all[0])); // the first of two
    QCOMPARE(w.labelText("gpu")->value, QStringLiteral("a100"));
    QVERIFY(same(w.labelText("zone"), all[2]));
    QVERIFY(!w.labelText("zone")->hasValue);
    QVERIFY(same(w.labelText("r\xC3\xA9gion"), all[3]));
    QVERIFY(same(w.labelText(""), all[4]));
    QCOMPARE(w.labelText("")->value, QStringLiteral("keyless"));
    QVERIFY(!w.labelText("Gpu"));
    QVERIFY(!w.labelText("7"));
    QVERIFY(!snapshot->worker(0).labelText("region"));
}

void TestWorkerView::emptyRuntimeInfo() {
    SNAPSHOT_OK(snapshot, fixture("list-legacy.json"));
    const WorkerView janitor = snapshot->worker(1);
    QVERIFY(janitor.runtimeInfo().isEmpty());
    QVERIFY(janitor.runtimeInfo().sdkSummary().isEmpty());
    QVERIFY(snapshot->problems.empty());

    const WorkerView transcoder = snapshot->worker(0);
    QCOMPARE(transcoder.runtimeInfo().language, QStringLiteral("GOLANG"));
    QCOMPARE(transcoder.runtimeInfo().sdkSummary(), QStringLiteral("GOLANG v0.55.1"));
    QCOMPARE(transcoder.webhookUrl(), QString());
    QCOMPARE(transcoder.displayName(), QStringLiteral("transcoder-a"));
}

void TestWorkerView::webhookUrlNamesTheWorker() {
    // Before 2026-02-17 a webhook worker is known by its URL, as Hatchet's dashboard shows it.
    SNAPSHOT_OK(snapshot, fixture("webhook-legacy.json"));
    const WorkerView webhook = snapshot->worker(0);
    const QString url =
        QStringLiteral("https://hooks.acme-corp.dev/hatchet/webhook?tenant=acme-prod&env=production&v=2");
    QCOMPARE(webhook.name(), QString());
    QCOMPARE(webhook.webhookUrl(), url);
    QCOMPARE(webhook.displayName(), url);
    QCOMPARE(webhook.type(), QStringLiteral("WEBHOOK"));
}

void TestWorkerView::timeValues() {
    SNAPSHOT_OK(snapshot, fixture("tolerant.json"));
    const WorkerView w = snapshot->worker(0);

    const TimeValue beat = w.lastHeartbeatAt();
    QCOMPARE(beat.state, TimeValue::Valid);
    QCOMPARE(beat.text, QStringLiteral("2026-11-29T14:00:03.123456789+01:00"));
    QCOMPARE(beat.time.msecsSinceEpoch, utcMsecs(2026, 11, 29, 13, 0, 3, 123));
    QCOMPARE(beat.time.offsetSeconds, 3600);
    QVERIFY(!beat.time.never);

    const TimeValue listener = w.lastListenerEstablished();
    QCOMPARE(listener.state, TimeValue::Never);
    QVERIFY(!listener.isKnown());
    QCOMPARE(listener.text, QStringLiteral("0001-01-01T00:00:00Z"));

    QCOMPARE(w.metadata().createdAt.state, TimeValue::Valid);
    QCOMPARE(w.metadata().createdAt.time.msecsSinceEpoch, utcMsecs(2026, 11, 29, 12, 15, 42, 500));

    // A time that is not a date-time stays readable as written.
    SNAPSHOT_OK(broken, fixture("invalid-types.json"));
    const TimeValue bad = broken->worker(1).lastHeartbeatAt();
    QCOMPARE(bad.state, TimeValue::Malformed);
    QCOMPARE(bad.text, QStringLiteral("29/11/2026 13:00:01"));

    // Without a capture time the newest heartbeat stands in.
    QCOMPARE(snapshot->captureTime.toMSecsSinceEpoch(), utcMsecs(2026, 11, 29, 13, 0, 3, 123));
    QVERIFY(!snapshot->captureTimeNote.isEmpty());
}

void TestWorkerView::unknownFieldsAndValuesKept() {
    SNAPSHOT_OK(snapshot, fixture("tolerant.json"));
    const Document& doc = *snapshot->document;
    const WorkerView w = snapshot->worker(0);
    QCOMPARE(w.status(), QStringLiteral("DRAINING"));
    QCOMPARE(w.runtimeInfo().language, QStringLiteral("RUST"));
    const NodeId future = w.field("futureField");
    QVERIFY(future != NoNode);
    QCOMPARE(doc.kind(future), Kind::Object);
    QCOMPARE(doc.rawScalar(doc.member(future, "big")), std::string_view("123456789012345678901234567890"));
    // "available": 1.0 is still the count 1.
    const auto caps = w.slotCapacities();
    QCOMPARE(caps.size(), std::size_t(1));
    QCOMPARE(caps[0].available, std::optional<std::int64_t>(1));
    QCOMPARE(caps[0].used(), std::optional<std::int64_t>(3));
    QCOMPARE(doc.rawScalar(doc.member(doc.member(w.field("slotConfig"), "default"), "available")),
             std::string_view("1.0"));
}

void TestWorkerView::missingOptionalFields() {
    SNAPSHOT_OK(snapshot, fixture("list-current.json"));
    const WorkerView mailer = snapshot->worker(2);
    QCOMPARE(mailer.name(), QStringLiteral("mailer"));
    QCOMPARE(mailer.lastHeartbeatAt().state, TimeValue::Absent);
    QCOMPARE(mailer.lastListenerEstablished().state, TimeValue::Absent);
    QVERIFY(mailer.labels().empty());
    QVERIFY(mailer.registeredWorkflows().empty());
    QVERIFY(mailer.recentStepRuns().empty());
    QCOMPARE(mailer.webhookUrl(), QString());
    QVERIFY(snapshot->problems.empty());

    const WorkerView first = snapshot->worker(0);
    QCOMPARE(first.labels().size(), std::size_t(2));
    QCOMPARE(first.labels()[1].key, QStringLiteral("region"));
    QCOMPARE(first.labels()[1].value, QStringLiteral("us-east-1"));
    QCOMPARE(first.actions(),
             (QStringList{QStringLiteral("order-flow:validate"), QStringLiteral("order-flow:charge"),
                          QStringLiteral("order-flow:ship")}));
}

QTEST_GUILESS_MAIN(TestWorkerView)
#include "tst_workerview.moc"
