#include "analysis/fleet.h"
#include "filter/labelchoices.h"
#include "filter/query.h"
#include "filter/substring.h"
#include "filter/workerfilterproxy.h"
#include "filter/workerindex.h"
#include "itemmodels/workertablemodel.h"
#include "itemmodeltestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <random>

using hwi::filter::containsBytes;
using hwi::filter::Query;
using hwi::filter::QueryError;
using hwi::filter::WorkerFilterProxy;
using hwi::filter::WorkerIndex;
using hwi::models::WorkerTableModel;

namespace {

// Edge cases for slots and heartbeats (capture time 2026-11-29T13:00:05Z).
const char* const Synthetic = R"([
 {"metadata":{"id":"1"},"name":"full","status":"ACTIVE","type":"SELFHOSTED",
  "slotConfig":{"default":{"available":0,"limit":2},"durable":{"available":0,"limit":1}},
  "lastHeartbeatAt":"0001-01-01T00:00:00Z"},
 {"metadata":{"id":"2"},"name":"unknown","status":"ACTIVE","type":"SELFHOSTED",
  "slotConfig":{"default":{"limit":3}},"lastHeartbeatAt":"yesterday"},
 {"metadata":{"id":"3"},"name":"mixed","status":"ACTIVE","type":"SELFHOSTED",
  "slotConfig":{"default":{"available":0,"limit":2},"durable":{"limit":1}},
  "lastHeartbeatAt":"2026-11-29T13:00:00Z"},
 {"metadata":{"id":"4"},"name":"none","status":"INACTIVE","type":"SELFHOSTED"},
 {"metadata":{"id":"5"},"name":"legacyfull","status":"ACTIVE","type":"SELFHOSTED","maxRuns":2,
  "availableRuns":0,"lastHeartbeatAt":"2026-11-29T13:00:04Z"},
 {"metadata":{"id":"6"},"name":"free","status":"ACTIVE","type":"SELFHOSTED",
  "slotConfig":{"default":{"available":1,"limit":1},"durable":{"available":0,"limit":1}},
  "lastHeartbeatAt":"2026-11-29T13:00:04Z","labels":[{"key":"Zone","value":"A b"}]}
])";

std::shared_ptr<const hwi::hatchet::Snapshot> snapshotNamed(const QString& name) {
    if (name == QLatin1String("synthetic"))
        return testutil::snapshotOf(Synthetic, testutil::captureTimeFor(name));
    return testutil::loadFixture(name);
}

Query parseOk(const QString& text) {
    auto parsed = Query::parse(text);
    if (auto* error = std::get_if<QueryError>(&parsed))
        qFatal("'%s' does not parse: %s", qPrintable(text), qPrintable(error->toString()));
    return std::get<Query>(parsed);
}

QString nameOf(const hwi::hatchet::WorkerView& worker) {
    const QString name = worker.name();
    return name.isEmpty() ? QStringLiteral("<webhook>") : name;
}

} // namespace

class TestFilter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void substringSearch();
    void matching_data();
    void matching();
    void errors_data();
    void errors();
    void emptyQuery();
    void serverFilters_data();
    void serverFilters();
    void index();
    void proxy();
    void narrowing_data();
    void narrowing();
    void healthFollowsTheReferenceTime();
    void proxyWithPrebuiltIndex();
    void hints_data();
    void hints();
    void labelChoicesSortNumerically();
    void termSpans();
    void exactTerm();
    void exactTermsKeepPivotRows();
};

// The search behind every "contains" term agrees with std::string_view::find for needles at every offset,
// across the 16- and 32-byte blocks and the last block that overlaps them, and for near misses (first and
// last byte right, middle wrong); in each way this processor can search.
void TestFilter::substringSearch() {
    const auto kernels = hwi::filter::availableSubstringKernels();
    QVERIFY(!kernels.empty());
    std::mt19937 random(12345); // not a bare LCG: its low bits repeat every few draws, and so did the texts
    const auto next = [&random] { return std::uint32_t(random()); };
    const char alphabet[] = {'a', 'b', 'r', '\x01'};
    for (int round = 0; round < 40000; ++round) {
        std::string haystack(next() % 150, ' ');
        for (char& c : haystack)
            c = alphabet[next() % 4];
        std::string needle;
        const std::size_t length = 1 + next() % 20;
        if (!haystack.empty() && next() % 2) {
            const std::size_t from = next() % haystack.size();
            needle = haystack.substr(from, length);
            if (next() % 3 == 0 && needle.size() > 2)
                needle[needle.size() / 2] = needle[needle.size() / 2] == 'a' ? 'b' : 'a';
        } else {
            needle.assign(length, ' ');
            for (char& c : needle)
                c = alphabet[next() % 3];
        }
        const bool expected = std::string_view(haystack).find(needle) != std::string_view::npos;
        QVERIFY2(containsBytes(haystack, needle) == expected,
                 qPrintable(QStringLiteral("'%1' in '%2'")
                                .arg(QString::fromStdString(needle), QString::fromStdString(haystack))));
        for (const hwi::filter::SubstringKernel kernel : kernels) {
            QVERIFY2(containsBytes(haystack, needle, kernel) == expected,
                     qPrintable(QStringLiteral("kernel %1: '%2' in '%3'")
                                    .arg(int(kernel))
                                    .arg(QString::fromStdString(needle), QString::fromStdString(haystack))));
        }
    }
    QVERIFY(containsBytes("render", ""));
    QVERIFY(!containsBytes("", "r"));
}

void TestFilter::matching_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* file, const char* query, const char* expected) {
        QTest::addRow("%s: %s", file, query)
            << QString::fromLatin1(file) << QString::fromUtf8(query) << QString::fromUtf8(expected);
    };
    const char* const all =
        "notifications-worker,fulfillment-webhook,email-sender,render-farm-01,search-indexer,"
        "reports & exports,ml-inference-gpu,video-transcoder,web-crawler,payments-worker,"
        "billing-sidecar,invoice-pdf-operator";
    const char* const s = "sample";
    row(s, "", all);
    row(s, "   ", all);
    // Bare words: name, id, labels, actions, workflows.
    row(s, "render", "email-sender,render-farm-01,reports & exports,payments-worker,invoice-pdf-operator");
    row(s, "RENDER", "email-sender,render-farm-01,reports & exports,payments-worker,invoice-pdf-operator");
    row(s, "render pdf", "reports & exports,payments-worker,invoice-pdf-operator");
    row(s, "eu-west-1", "ml-inference-gpu,payments-worker");
    row(s, "memory_gb", "render-farm-01,search-indexer,reports & exports,ml-inference-gpu");
    row(s, "0b8e90e9", "render-farm-01");
    row(s, "fulfillment", "fulfillment-webhook");
    row(s, "image-pipeline:resize", "render-farm-01");
    row(s, "thumbnail-batch", "render-farm-01");
    row(s, "\"reports & exports\"", "reports & exports");
    row(s, "\"render-farm\"", "render-farm-01");
    row(s, "nothing-like-this", "");
    // Substring fields.
    row(s, "name:RENDER", "render-farm-01");
    row(s, "Name:render", "render-farm-01");
    row(s, "name:render,crawler", "render-farm-01,web-crawler");
    row(s, "name:\"reports & exports\"", "reports & exports");
    row(s, "name:\"render farm\"", "");
    row(s, "name:\"render\",\"web\"", "fulfillment-webhook,render-farm-01,web-crawler");
    row(s, "id:0B8E90E9", "render-farm-01");
    row(s, "action:deliver", "notifications-worker,email-sender");
    row(s, "workflow:invoice", "payments-worker");
    row(s, "workflow:render", "render-farm-01");
    row(s, "dispatcher:6C3EB14B", "notifications-worker,fulfillment-webhook");
    // Whole-value fields.
    row(s, "status:active",
        "fulfillment-webhook,email-sender,render-farm-01,video-transcoder,payments-worker,billing-sidecar,"
        "invoice-pdf-operator");
    row(s, "status:ACTIVE,paused",
        "fulfillment-webhook,email-sender,render-farm-01,reports & exports,video-transcoder,payments-worker,"
        "billing-sidecar,invoice-pdf-operator");
    row(s, "status:act", "");
    row(s, "type:managed", "email-sender");
    row(s, "type:webhook", "fulfillment-webhook");
    row(s, "type:self", "");
    row(s, "sdk:python", "reports & exports,ml-inference-gpu,payments-worker");
    row(s, "sdk:py", "");
    row(s, "sdk:golang,typescript",
        "notifications-worker,email-sender,render-farm-01,search-indexer,video-transcoder,web-crawler");
    row(s, "sdk:ruby", "billing-sidecar");
    // Labels: exact key, exact value, case-insensitive.
    row(s, "label:gpu", "render-farm-01,ml-inference-gpu,video-transcoder");
    row(s, "label:gp", "");
    row(s, "label:GPU=NVIDIA-L4", "ml-inference-gpu");
    row(s, "label:gpu=nvidia", "");
    row(s, "label:region=us-east-1,region=eu-west-1",
        "render-farm-01,ml-inference-gpu,video-transcoder,payments-worker");
    row(s, "label:region=eu-west-1", "ml-inference-gpu,payments-worker");
    // Negation and AND.
    row(s, "-name:render",
        "notifications-worker,fulfillment-webhook,email-sender,search-indexer,reports & exports,"
        "ml-inference-gpu,video-transcoder,web-crawler,payments-worker,billing-sidecar,invoice-pdf-operator");
    row(s, "-status:inactive",
        "fulfillment-webhook,email-sender,render-farm-01,reports & exports,video-transcoder,payments-worker,"
        "billing-sidecar,invoice-pdf-operator");
    row(s, "-label:gpu",
        "notifications-worker,fulfillment-webhook,email-sender,search-indexer,reports & exports,web-crawler,"
        "payments-worker,billing-sidecar,invoice-pdf-operator");
    row(s, "sdk:golang status:inactive", "notifications-worker,search-indexer");
    row(s, "status:active,paused -label:gpu slots:free",
        "fulfillment-webhook,email-sender,reports & exports,payments-worker,billing-sidecar,"
        "invoice-pdf-operator");
    // Slots.
    row(s, "slots:free", all);
    row(s, "slots:FULL", "");
    // Heartbeat ages at 13:00:05Z: notifications-worker 13.5 s, ml-inference-gpu 45.8 s, search-indexer
    // 2 min 2 s, web-crawler 3 h 0 min 3 s, the others under 4 s.
    row(s, "heartbeat:>30s", "search-indexer,ml-inference-gpu,web-crawler");
    row(s, "-heartbeat:>30s",
        "notifications-worker,fulfillment-webhook,email-sender,render-farm-01,reports & exports,"
        "video-transcoder,payments-worker,billing-sidecar,invoice-pdf-operator");
    row(s, "heartbeat:<5m",
        "notifications-worker,fulfillment-webhook,email-sender,render-farm-01,search-indexer,reports & "
        "exports,"
        "ml-inference-gpu,video-transcoder,payments-worker,billing-sidecar,invoice-pdf-operator");
    row(s, "heartbeat:<3s", "email-sender,reports & exports,billing-sidecar,invoice-pdf-operator");
    row(s, "heartbeat:<40S",
        "notifications-worker,fulfillment-webhook,email-sender,render-farm-01,reports & exports,"
        "video-transcoder,payments-worker,billing-sidecar,invoice-pdf-operator");
    row(s, "heartbeat:>2m", "search-indexer,web-crawler");
    row(s, "heartbeat:>1h", "web-crawler");
    row(s, "heartbeat:>3h", "web-crawler");
    row(s, "heartbeat:>4h", "");
    row(s, "heartbeat:>1d", "");
    row(s, "heartbeat:<1d", all);
    row(s, "heartbeat:<5s,>1h",
        "fulfillment-webhook,email-sender,render-farm-01,reports & exports,video-transcoder,web-crawler,"
        "payments-worker,billing-sidecar,invoice-pdf-operator");
    // Health at 13:00:05Z: one state of each kind the sample shows.
    row(s, "health:no-new-work", "notifications-worker");
    row(s, "health:lost", "search-indexer,ml-inference-gpu,web-crawler");
    row(s, "health:no-dispatcher", "search-indexer");
    row(s, "health:paused", "reports & exports");
    row(s, "health:no-actions", "billing-sidecar");
    row(s, "health:unhealthy",
        "notifications-worker,search-indexer,reports & exports,ml-inference-gpu,web-crawler,billing-sidecar");

    const char* const c = "list-current.json";
    row(c, "", "order-processor,report-builder,mailer");
    row(c, "render", "report-builder");
    row(c, "status:paused", "report-builder");
    row(c, "label:region", "order-processor");
    row(c, "label:region=US-EAST-1", "order-processor");
    row(c, "slots:free", "order-processor,report-builder,mailer");
    row(c, "sdk:typescript", "mailer");
    row(c, "dispatcher:e2b6", "mailer");
    row(c, "heartbeat:>30s", "mailer");
    row(c, "heartbeat:<5s", "order-processor,report-builder");
    row(c, "action:send-email:deliver", "mailer");
    // At 13:00:05: order-processor 1.75 s and ready (ok), report-builder PAUSED 2.5 s (paused), mailer never
    // heartbeated (never).
    row(c, "health:ok", "order-processor");
    row(c, "health:paused", "report-builder");
    row(c, "health:never", "mailer");
    row(c, "health:paused,never", "report-builder,mailer");
    row(c, "health:unhealthy", "report-builder,mailer");
    row(c, "-health:unhealthy", "order-processor");
    row(c, "health:LOST,No-New-Work", "");
    row(c, "health:unhealthy status:paused", "report-builder");

    const char* const l = "list-legacy.json";
    row(l, "", "transcoder-a,janitor-b");
    row(l, "slots:free", "transcoder-a,janitor-b");
    row(l, "slots:full", "");
    row(l, "heartbeat:<5s", "transcoder-a,janitor-b");
    row(l, "heartbeat:>2s", "transcoder-a"); // janitor-b is exactly 2 s old: not older
    row(l, "sdk:golang", "transcoder-a");
    row(l, "-sdk:golang", "janitor-b");
    row(l, "transcode", "transcoder-a");
    // An action as a bare word is quoted: cleanup:sweep would name a field.
    row(l, "\"cleanup:sweep\"", "janitor-b");
    row(l, "action:cleanup:sweep", "janitor-b");
    row(l, "health:ok", "transcoder-a,janitor-b");

    // An old-era webhook worker is searched by its URL, the name the dashboard shows.
    const char* const w = "webhook-legacy.json";
    row(w, "hooks.acme-corp", "<webhook>");
    row(w, "name:\"webhook?tenant\"", "<webhook>");
    row(w, "type:webhook", "<webhook>");

    const char* const y = "synthetic";
    row(y, "slots:full", "full,legacyfull");
    row(y, "slots:free", "free");
    row(y, "slots:free,full", "full,legacyfull,free");
    row(y, "-slots:free", "full,unknown,mixed,none,legacyfull");
    row(y, "-slots:full", "unknown,mixed,none,free");
    // Zero time and absent: never (older than anything); malformed: unknown (neither).
    row(y, "heartbeat:>1s", "full,mixed,none");
    row(y, "heartbeat:<1d", "mixed,legacyfull,free");
    row(y, "heartbeat:>1d", "full,none");
    row(y, "label:zone=\"a B\"", "free");
    row(y, "label:zone=a", "");
    row(y, "\"a b\"", "free");
    // Every state that applies counts, not only the first: "full" never heartbeated, has no dispatcher and
    // no actions, and every slot type has 0 available.
    row(y, "health:full", "full,legacyfull");
    row(y, "health:never", "full,none");
    row(y, "health:no-slots", "none");
    row(y, "health:no-dispatcher", "full,unknown,mixed,none,legacyfull,free");
    row(y, "health:ok", "");
    row(y, "health:lost,no-new-work", "");
    row(y, "health:unhealthy", "full,unknown,mixed,none,legacyfull,free");

    // Exact forms (case-sensitive, the values `--by` counts) and schedulable (reference 13:00:05Z).
    const char* const f = "fleet-current.json";
    row(f, "action:=etl:load", "etl-1,paused-1,stale-active,no-dispatcher");
    row(f, "action:etl:load", "etl-1,etl-2,paused-1,stale-active,no-dispatcher");
    row(f, "action:=ETL:load", "");
    row(f, "action:=etl:load,plainaction", "etl-1,paused-1,stale-active,no-dispatcher");
    row(f, "action:=etl:loa", "");
    row(f, "-action:=etl:load", "etl-2,empty-slots,draining,inactive");
    row(f, "action:=média:encode", "stale-active");
    row(f, "action:=😀:party", "draining");
    row(f, "workflow:=etl", "etl-1,etl-2,paused-1,stale-active,no-dispatcher");
    row(f, "workflow:=report", ""); // etl-2 registers its workflows: etl, nightly
    row(f, "workflow:=plainaction", "no-dispatcher");
    row(f, "label:=gpu=a100", "etl-1,paused-1");
    row(f, "label:=gpu", "etl-2"); // the label without a value
    row(f, "label:gpu", "etl-1,etl-2,paused-1");
    row(f, "label:=GPU=a100", "");
    row(f, "label:=tier=", "empty-slots");
    row(f, "label:=zone=ß", "no-dispatcher");
    row(f, "slot-type:durable", "etl-1");
    row(f, "Slot-Type:DEFAULT", "etl-1,etl-2,paused-1,stale-active,no-dispatcher,draining,inactive");
    row(f, "slot-type:def", "");
    row(f, "slot-type:=DEFAULT", "");
    row(f, "slot-type:=durable", "etl-1");
    row(f, "slot-typo:x", ""); // a word: only known fields carry a hyphen
    row(f, "sdk:=\"PYTHON 1.12.0\"", "etl-1");
    row(f, "sdk:=\"unknown unknown\"", "empty-slots,draining");
    row(f, "status:=DRAINING", "draining");
    row(f, "status:=active", "");
    row(f, "dispatcher:=none", "no-dispatcher");
    row(f, "dispatcher:=d-1", "etl-1,etl-2,empty-slots,inactive");
    row(f, "schedulable:yes", "etl-1,etl-2");
    row(f, "Schedulable:YES", "etl-1,etl-2");
    row(f, "schedulable:no", "paused-1,stale-active,no-dispatcher,empty-slots,draining,inactive");
    row(f, "-schedulable:yes", "paused-1,stale-active,no-dispatcher,empty-slots,draining,inactive");
    row(f, "schedulable:yes,no",
        "etl-1,etl-2,paused-1,stale-active,no-dispatcher,empty-slots,draining,inactive");
    // A bare word never spans the id and the first action (stale-active has no labels between them).
    row(f, "0004etl", "");
    row(f, "0004", "stale-active");
    const char* const o = "fleet-legacy.json";
    row(o, "schedulable:yes", "old-1,old-no-available"); // old-zero has maxRuns 0
    row(o, "slot-type:=default", "old-1,old-zero,old-no-available,old-inactive");
}

void TestFilter::matching() {
    QFETCH(QString, file);
    QFETCH(QString, query);
    QFETCH(QString, expected);
    const auto snapshot = snapshotNamed(file);
    const qint64 reference = testutil::captureTimeFor(file).toMSecsSinceEpoch();
    QStringList names;
    for (const std::size_t i : hwi::filter::matchingWorkers(*snapshot, parseOk(query), reference))
        names << nameOf(snapshot->worker(i));
    QCOMPARE(names.join(QLatin1Char(',')), expected);
}

void TestFilter::errors_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* query, int position, const char* message) {
        QTest::addRow("%s", query) << QString::fromUtf8(query) << position << QString::fromUtf8(message);
    };
    const char* const duration = "expected a duration like 30s, 5m, 2h or 1d";
    row("status:", 7, "expected a value after 'status:'");
    row("name:render status:", 19, "expected a value after 'status:'");
    row("status:active,", 14, "expected a value after ','");
    row("name:\"\"", 5, "expected a value after 'name:'");
    row("heartbeat:>abc", 11, duration);
    row("heartbeat:>", 11, duration);
    row("heartbeat:>30ms", 11, duration);
    row("heartbeat:>1.5h", 11, duration);
    row("heartbeat:<5", 11, duration);
    row("status:active heartbeat:>5x", 25, duration);
    row("heartbeat:30s", 10, "expected '>' or '<' before the duration, like heartbeat:>30s");
    row("name:\"render farm", 5, "unclosed quote: expected a closing '\"'");
    row("render \"farm", 7, "unclosed quote: expected a closing '\"'");
    row("foo:bar", 0,
        "unknown field 'foo'; known fields: name, id, status, type, label, action, workflow, sdk, "
        "dispatcher, slot-type, slots, heartbeat, health, schedulable, verdict, change, changed");
    row("status:active -Foo:x", 15,
        "unknown field 'foo'; known fields: name, id, status, type, label, action, workflow, sdk, "
        "dispatcher, slot-type, slots, heartbeat, health, schedulable, verdict, change, changed");
    row("slots:maybe", 6, "expected 'free' or 'full' after 'slots:'");
    row("slots:free,", 11, "expected a value after ','");
    row("-", 0, "expected a term after '-'");
    row("render -", 7, "expected a term after '-'");
    row("label:\"=x\"", 6, "expected a label key before '='");
    row("label:=", 7, "expected a value after 'label:='");
    row("action:=a,", 10, "expected a value after ','");
    row("slot-type:", 10, "expected a value after 'slot-type:'");
    row("schedulable:maybe", 12, "unknown value 'maybe' for schedulable; known: yes, no");
    row("schedulable:yes,", 16, "expected a value after ','");
    row("\"\"", 0, "expected text between the quotes");
    row("health:sick", 7,
        "unknown health state 'sick'; known: never, lost, no-new-work, no-dispatcher, no-slots, no-actions, "
        "paused, full, ok, unhealthy");
    row("health:ok,", 10, "expected a value after ','");
    row("change:moved", 7, "unknown change 'moved'; known: appeared, gone, replaced, changed");
    row("changed:colour", 8,
        "unknown field 'colour' for changed; known: name, type, status, dispatcherId, webhookUrl, "
        "runtimeInfo, "
        "slotConfig, maxRuns, availableRuns, labels, actions, registeredWorkflows, lastHeartbeatAt, "
        "metadata, "
        "lastListenerEstablished, slots, recentStepRuns");
    row("verdict:runs", 8, "unknown verdict 'runs'; known: fits, full, too-small, excluded");
}

void TestFilter::errors() {
    QFETCH(QString, query);
    QFETCH(int, position);
    QFETCH(QString, message);
    const auto parsed = Query::parse(query);
    const auto* error = std::get_if<QueryError>(&parsed);
    QVERIFY2(error, "the query parsed");
    QCOMPARE(error->message, message);
    QCOMPARE(error->position, position);
    QCOMPARE(error->toString(), QStringLiteral("column %1: %2").arg(position + 1).arg(message));
}

void TestFilter::emptyQuery() {
    QVERIFY(Query().isEmpty());
    QVERIFY(parseOk(QString()).isEmpty());
    QVERIFY(parseOk(QStringLiteral(" \t ")).isEmpty());
    QVERIFY(!parseOk(QStringLiteral("x")).isEmpty());
    QVERIFY(!parseOk(QStringLiteral("name:x")).usesReferenceTime());
    QVERIFY(parseOk(QStringLiteral("name:x -heartbeat:<5s")).usesReferenceTime());
    QVERIFY(parseOk(QStringLiteral("-schedulable:no")).usesReferenceTime());
    QVERIFY(!parseOk(QStringLiteral("action:=x label:=y slot-type:z")).usesReferenceTime());
    QCOMPARE((QueryError{7, QStringLiteral("oops")}.toString()), QStringLiteral("column 8: oops"));
}

// What a live list sends to the server: only terms whose server-side form keeps every worker the query
// matches (review bug 2: `label:a=b,c=d` used to go out as one ANDed labels= parameter).
void TestFilter::serverFilters_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QStringList>("labels");
    const QStringList none;
    QTest::newRow("empty") << QString() << none << none;
    QTest::newRow("toggles") << QStringLiteral("status:active,paused")
                             << QStringList{QStringLiteral("ACTIVE"), QStringLiteral("PAUSED")} << none;
    QTest::newRow("field any case") << QStringLiteral("Status:Inactive LABEL:gpu=a100")
                                    << QStringList{QStringLiteral("INACTIVE")}
                                    << QStringList{QStringLiteral("gpu:a100")};
    QTest::newRow("label value as typed")
        << QStringLiteral("label:Zone=\"A b\"") << none << QStringList{QStringLiteral("Zone:A b")};
    QTest::newRow("two labels are ANDed") << QStringLiteral("label:a=b label:c=d") << none
                                          << QStringList{QStringLiteral("a:b"), QStringLiteral("c:d")};
    QTest::newRow("label alternatives stay local") << QStringLiteral("label:a=b,c=d") << none << none;
    QTest::newRow("label key only stays local") << QStringLiteral("label:gpu") << none << none;
    QTest::newRow("negated stay local") << QStringLiteral("-status:active -label:a=b") << none << none;
    QTest::newRow("half-typed status stays local") << QStringLiteral("status:act") << none << none;
    QTest::newRow("one unknown status keeps the term local")
        << QStringLiteral("status:active,sleeping") << none << none;
    QTest::newRow("first status term only") << QStringLiteral("status:paused status:active,paused")
                                            << QStringList{QStringLiteral("PAUSED")} << none;
    QTest::newRow("exact label") << QStringLiteral("label:=gpu=a100") << none
                                 << QStringList{QStringLiteral("gpu:a100")};
    QTest::newRow("exact label key stays local") << QStringLiteral("label:=gpu") << none << none;
    QTest::newRow("exact status") << QStringLiteral("status:=PAUSED") << QStringList{QStringLiteral("PAUSED")}
                                  << none;
    QTest::newRow("schedulable stays local") << QStringLiteral("schedulable:yes") << none << none;
    QTest::newRow("other fields stay local")
        << QStringLiteral("name:x sdk:go slots:free heartbeat:<5s word") << none << none;
}

void TestFilter::serverFilters() {
    QFETCH(QString, query);
    const Query::ServerFilters filters = parseOk(query).serverFilters();
    QTEST(filters.statuses, "statuses");
    QTEST(filters.labels, "labels");
}

void TestFilter::index() {
    const auto snapshot = testutil::loadFixture(QStringLiteral("sample"));
    const WorkerIndex index(*snapshot);
    QCOMPARE(index.size(), std::size_t(12));
    QVERIFY(index.isFor(*snapshot));
    QVERIFY(!index.isFor(*testutil::loadFixture(QStringLiteral("sample"))));
    const auto& render = index[3];
    QCOMPARE(render.name, "render-farm-01");
    QCOMPARE(render.status, "active");
    QCOMPARE(render.sdk, "golang");
    QCOMPARE(render.labels, "\x03gpu\x02nvidia-a10g\x01\x03memory_gb\x02"
                            "64\x01\x03region\x02us-east-1\x01");
    QCOMPARE(render.workflows, "image-pipeline\x01thumbnail-batch\x01render-scene\x01");
    QVERIFY(render.anySlotFree);
    QVERIFY(!render.allSlotsFull);
    QCOMPARE(index[0].heartbeat, hwi::filter::WorkerIndexEntry::Heartbeat::Known);
    // list-current's mailer never heartbeated.
    const auto current = testutil::loadFixture(QStringLiteral("list-current.json"));
    QCOMPARE(WorkerIndex(*current)[2].heartbeat, hwi::filter::WorkerIndexEntry::Heartbeat::Never);
    QCOMPARE(hwi::filter::foldForSearch(QStringLiteral("ÄB\tc")), std::string("\xc3\xa4"
                                                                              "b c"));
}

// Typed a step at a time, each query filters what the last one kept when it narrows it, and everything when
// it does not: at every step the rows are those of a proxy given only that query.
void TestFilter::narrowing_data() {
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QList<bool>>("narrows"); // whether each step narrows the one before
    QTest::newRow("a word typed") << QStringLiteral("p|pa|pay|payments").split(QLatin1Char('|'))
                                  << QList<bool>{true, true, true};
    QTest::newRow("a word deleted") << QStringLiteral("payments|pay|p").split(QLatin1Char('|'))
                                    << QList<bool>{false, false};
    QTest::newRow("a term added")
        << QStringLiteral("status:active|status:active -label:gpu").split(QLatin1Char('|'))
        << QList<bool>{true};
    QTest::newRow("a term removed")
        << QStringLiteral("status:active -label:gpu|status:active").split(QLatin1Char('|'))
        << QList<bool>{false};
    QTest::newRow("negated word longer")
        << QStringLiteral("-pay|-payments").split(QLatin1Char('|')) << QList<bool>{false};
    QTest::newRow("alternatives")
        << QStringLiteral("name:pay,bill|name:payments,billing|name:payments").split(QLatin1Char('|'))
        << QList<bool>{true, true};
    QTest::newRow("alternative added")
        << QStringLiteral("name:pay|name:pay,bill").split(QLatin1Char('|')) << QList<bool>{false};
    QTest::newRow("another field") << QStringLiteral("name:pay|id:pay").split(QLatin1Char('|'))
                                   << QList<bool>{false};
    QTest::newRow("heartbeat kept")
        << QStringLiteral("heartbeat:>30s|heartbeat:>30s w").split(QLatin1Char('|')) << QList<bool>{true};
    QTest::newRow("heartbeat changed")
        << QStringLiteral("heartbeat:>30s|heartbeat:>3m").split(QLatin1Char('|')) << QList<bool>{false};
}

void TestFilter::narrowing() {
    QFETCH(QStringList, steps);
    QFETCH(QList<bool>, narrows);
    const auto snapshot = testutil::loadFixture(QStringLiteral("sample"));
    const QDateTime capture = testutil::captureTimeFor(QStringLiteral("sample"));
    WorkerTableModel table;
    table.setSnapshot(snapshot);
    WorkerFilterProxy typed;
    QAbstractItemModelTester tester(&typed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    typed.setSourceModel(&table);
    typed.setReferenceTime(capture);
    const auto namesOf = [](const WorkerFilterProxy& proxy) {
        QStringList names;
        for (int row = 0; row < proxy.rowCount(); ++row)
            names << proxy.index(row, WorkerTableModel::NameColumn).data().toString();
        return names;
    };
    for (qsizetype step = 0; step < steps.size(); ++step) {
        const Query query = parseOk(steps[step]);
        if (step > 0)
            QCOMPARE(query.narrows(parseOk(steps[step - 1])), narrows[step - 1]);
        typed.setQuery(query);
        WorkerFilterProxy fresh;
        fresh.setSourceModel(&table);
        fresh.setReferenceTime(capture);
        fresh.setQuery(query);
        QCOMPARE(namesOf(typed), namesOf(fresh));
    }
}

void TestFilter::proxy() {
    WorkerTableModel table;
    WorkerFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&table);
    const QDateTime capture = testutil::captureTimeFor(QStringLiteral("sample"));
    proxy.setReferenceTime(capture);
    table.setSnapshot(testutil::loadFixture(QStringLiteral("sample")));
    QCOMPARE(proxy.rowCount(), 12);

    QSignalSpy sourceResets(&table, &QAbstractItemModel::modelReset);
    proxy.setQuery(parseOk(QStringLiteral("status:active -label:gpu")));
    QCOMPARE(proxy.rowCount(), 5);
    proxy.sort(WorkerTableModel::NameColumn);
    QCOMPARE(proxy.index(0, WorkerTableModel::NameColumn).data().toString(),
             QStringLiteral("billing-sidecar"));
    QCOMPARE(proxy.index(4, WorkerTableModel::NameColumn).data().toString(),
             QStringLiteral("payments-worker"));
    proxy.setQuery(parseOk(QStringLiteral("heartbeat:>30s")));
    QCOMPARE(proxy.rowCount(), 3);
    // An hour earlier only the 3-hour-old worker is older than 30 s.
    proxy.setReferenceTime(capture.addSecs(-3600));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setReferenceTime(capture);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setQuery(Query());
    QCOMPARE(proxy.rowCount(), 12);
    QCOMPARE(sourceResets.size(), 0);

    // A new snapshot under a query: the index follows.
    proxy.setQuery(parseOk(QStringLiteral("heartbeat:>30s")));
    table.setSnapshot(testutil::loadFixture(QStringLiteral("list-current.json")));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, WorkerTableModel::NameColumn).data().toString(), QStringLiteral("mailer"));
    QVERIFY(proxy.workerIndex()->isFor(*table.snapshot()));
    table.setSnapshot(nullptr);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestFilter::healthFollowsTheReferenceTime() {
    // The index is built once; the states are evaluated at the proxy's reference time.
    WorkerTableModel table;
    WorkerFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&table);
    const QDateTime capture = testutil::captureTimeFor(QStringLiteral("list-current.json"));
    proxy.setReferenceTime(capture);
    table.setSnapshot(testutil::loadFixture(QStringLiteral("list-current.json")));
    const auto shown = [&proxy] {
        QStringList names;
        for (int row = 0; row < proxy.rowCount(); ++row)
            names << proxy.index(row, WorkerTableModel::NameColumn).data().toString();
        return names.join(QLatin1Char(','));
    };
    QVERIFY(parseOk(QStringLiteral("health:paused")).usesReferenceTime());
    proxy.setQuery(parseOk(QStringLiteral("health:no-new-work")));
    QCOMPARE(shown(), QString());
    // 10 s later: order-processor silent 11.75 s, report-builder 12.5 s (no longer "paused").
    proxy.setReferenceTime(capture.addSecs(10));
    QCOMPARE(shown(), QStringLiteral("order-processor,report-builder"));
    proxy.setReferenceTime(capture.addSecs(60));
    QCOMPARE(shown(), QString());
    proxy.setQuery(parseOk(QStringLiteral("health:lost")));
    QCOMPARE(shown(), QStringLiteral("order-processor,report-builder"));
    proxy.setQuery(parseOk(QStringLiteral("health:paused")));
    QCOMPARE(shown(), QString());
    proxy.setReferenceTime(capture);
    QCOMPARE(shown(), QStringLiteral("report-builder"));
}

void TestFilter::proxyWithPrebuiltIndex() {
    WorkerTableModel table;
    WorkerFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&table);
    proxy.setReferenceTime(testutil::captureTimeFor(QStringLiteral("list-legacy.json")));
    proxy.setQuery(parseOk(QStringLiteral("sdk:golang")));
    const auto snapshot = testutil::loadFixture(QStringLiteral("list-legacy.json"));
    const auto prebuilt = std::make_shared<const WorkerIndex>(*snapshot);
    proxy.setIndex(prebuilt);
    table.setSnapshot(snapshot);
    QCOMPARE(proxy.workerIndex(), prebuilt);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, WorkerTableModel::NameColumn).data().toString(), QStringLiteral("transcoder-a"));
}

void TestFilter::hints_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("hints");
    const QString known = QStringLiteral(" (known: ACTIVE, INACTIVE, PAUSED)");
    QTest::newRow("unknown") << QStringLiteral("status:activ")
                             << QStringList{QStringLiteral("unknown status 'activ'") + known};
    QTest::newRow("known, any case") << QStringLiteral("status:active,PAUSED -status:Inactive")
                                     << QStringList();
    QTest::newRow("one of two") << QStringLiteral("gpu status:active,paus")
                                << QStringList{QStringLiteral("unknown status 'paus'") + known};
    QTest::newRow("negated, quoted") << QStringLiteral("-status:\"on hold\"")
                                     << QStringList{QStringLiteral("unknown status 'on hold'") + known};
    QTest::newRow("once each") << QStringLiteral("status:x status:x,y")
                               << QStringList{QStringLiteral("unknown status 'x'") + known,
                                              QStringLiteral("unknown status 'y'") + known};
    QTest::newRow("other fields") << QStringLiteral("type:activ name:activ activ") << QStringList();
    QTest::newRow("exact is case-sensitive")
        << QStringLiteral("status:=ACTIVE,active")
        << QStringList{QStringLiteral("unknown status 'active'") + known};
    QTest::newRow("empty") << QString() << QStringList();
}

void TestFilter::hints() {
    QFETCH(QString, query);
    QFETCH(QStringList, hints);
    const Query parsed = parseOk(query);
    QCOMPARE(parsed.hints(), hints);
    // Still applied as typed: an unknown status matches nothing.
    if (!hints.isEmpty() && query == QLatin1String("status:activ")) {
        const auto snapshot = snapshotNamed(QStringLiteral("list-current.json"));
        const WorkerIndex index(*snapshot);
        for (std::size_t i = 0; i < index.size(); ++i)
            QVERIFY(!parsed.matches(index[i], 0));
    }
}

void TestFilter::labelChoicesSortNumerically() {
    const auto snapshot = testutil::snapshotOf(
        R"([{"metadata":{"id":"1"},"name":"a","labels":[{"key":"gpu","value":"a10"},{"key":"Gpu","value":"a2"}]},
            {"metadata":{"id":"2"},"name":"b","labels":[{"key":"gpu","value":"a2"},{"key":"zone","value":"1"}]}])",
        QDateTime());
    QCOMPARE(hwi::filter::labelChoices(*snapshot),
             (QStringList{QStringLiteral("Gpu"), QStringLiteral("gpu"), QStringLiteral("Gpu=a2"),
                          QStringLiteral("gpu=a2"), QStringLiteral("gpu=a10"), QStringLiteral("zone"),
                          QStringLiteral("zone=1")}));
}

// Where each term stands in the text, so the filter bar can remove one (a chip's x) or rewrite it.
void TestFilter::termSpans() {
    const QString text = QStringLiteral(" render  -label:\"a b\"=c Status:active,paused label:gpu ");
    const Query query = parseOk(text);
    QStringList spans;
    for (const Query::Term& term : query.terms())
        spans << term.fieldName + QLatin1Char('|') + text.mid(term.start, term.length);
    spans.sort();
    QCOMPARE(spans, (QStringList{QStringLiteral("label|-label:\"a b\"=c"), QStringLiteral("label|label:gpu"),
                                 QStringLiteral("status|Status:active,paused"), QStringLiteral("|render")}));
}

void TestFilter::exactTerm() {
    QCOMPARE(Query::exactTerm(QStringLiteral("action"), QStringLiteral("etl:load")),
             QStringLiteral("action:=etl:load"));
    QCOMPARE(Query::exactTerm(QStringLiteral("sdk"), QStringLiteral("PYTHON 1.12.0")),
             QStringLiteral("sdk:=\"PYTHON 1.12.0\""));
    QCOMPARE(Query::exactTerm(QStringLiteral("label"), QStringLiteral("a,b")),
             QStringLiteral("label:=\"a,b\""));
    QCOMPARE(Query::exactTerm(QStringLiteral("label"), QStringLiteral("x\"y")), std::nullopt);
    QCOMPARE(Query::exactTerm(QStringLiteral("status"), QString()), std::nullopt);
    QCOMPARE(Query::exactFieldNames(), hwi::analysis::pivotKeyIds());
}

// Clicking a pivot row filters the worker table to the row's workers: the exact term of every row of every
// key keeps exactly the workers the row counts.
void TestFilter::exactTermsKeepPivotRows() {
    for (const char* name : {"fleet-current.json", "fleet-legacy.json", "sample"}) {
        const auto snapshot = snapshotNamed(QString::fromLatin1(name));
        const qint64 reference = testutil::captureTimeFor(QString::fromLatin1(name)).toMSecsSinceEpoch();
        const WorkerIndex index(*snapshot);
        const auto all = hwi::filter::matchingWorkers(index, Query(), reference);
        int rows = 0;
        for (int key = 0; key < hwi::analysis::PivotKeyCount; ++key) {
            const auto pivotKey = hwi::analysis::PivotKey(key);
            for (const auto& row : hwi::analysis::pivot(*snapshot, all, pivotKey, reference)) {
                const auto term = Query::exactTerm(hwi::analysis::pivotKeyId(pivotKey), row.key);
                if (!term)
                    continue;
                QCOMPARE(hwi::filter::matchingWorkers(index, parseOk(*term), reference), row.workerIndexes);
                ++rows;
            }
        }
        QVERIFY2(rows > 5, name);
    }
}

QTEST_GUILESS_MAIN(TestFilter)
#include "tst_filter.moc"
