// "Can it run?" (analysis/placement.h): verdicts, ranks, reasons and the summary against small fixtures
// (tests/fixtures/place-*.json) whose answers were worked out by hand in tests/expected/place-*.tsv.
//
// place-labels.json: seven ACTIVE render:frame workers, heartbeat 2 s old, default 2 of 4 available, except
// render-g (0 of 4). Labels: a gpu=a100 memory_gb=128 region=eu-west-1; b gpu=a100 memory_gb=64
// region=us-east-1; c gpu=a100 memory_gb=lots region=eu-west-1; d gpu=t4 memory_gb=256 region=eu-west-1;
// e memory_gb=32 and region without value (no gpu); f like a plus tier=spot; g gpu=h100 memory_gb=512
// region=us-east-1.
// place-slots.json: etl workers, one per failing rule-1/2/3 check (see the expected files' reasons).
// place-legacy.json: old-era rows (maxRuns/availableRuns), no labels, no pagination.
#include "analysis/placement.h"
#include "itemmodeltestutil.h"

#include <QTest>

#include <set>

using namespace hwi::analysis;

Q_DECLARE_METATYPE(hwi::analysis::Task)

namespace {

DesiredLabel want(const char* key, Comparator comparator, const char* value, bool required = false,
                  int weight = 100) {
    return {QString::fromUtf8(key), comparator, QString::fromUtf8(value), required, weight};
}

Task task(const char* action, std::vector<DesiredLabel> labels = {}, std::vector<SlotUnits> units = {},
          Sticky sticky = Sticky::None, const char* stickyWorker = "") {
    return {QString::fromUtf8(action), std::move(labels), std::move(units), sticky,
            QString::fromUtf8(stickyWorker)};
}

SlotUnits units(const char* type, std::int64_t count) {
    return {QString::fromUtf8(type), count};
}

std::vector<std::size_t> allWorkers(const hwi::hatchet::Snapshot& snapshot) {
    std::vector<std::size_t> indexes(snapshot.workers.size());
    for (std::size_t i = 0; i < indexes.size(); ++i)
        indexes[i] = i;
    return indexes;
}

Placement placeIn(const QString& fixture, const Task& task) {
    const auto snapshot = testutil::loadFixture(fixture);
    return place(task, *snapshot, allWorkers(*snapshot),
                 testutil::captureTimeFor(fixture).toMSecsSinceEpoch());
}

// The same table the command line prints (tests/expected/place-*.tsv), from the analysis alone.
QStringList table(const QString& fixture, const Task& task) {
    const auto snapshot = testutil::loadFixture(fixture);
    const Placement placement =
        place(task, *snapshot, allWorkers(*snapshot), testutil::captureTimeFor(fixture).toMSecsSinceEpoch());
    QStringList lines{QStringLiteral("ID\tNAME\tVERDICT\tRANK\tREASONS")};
    for (const WorkerPlacement& answer : placement.workers) {
        const auto worker = snapshot->worker(answer.worker);
        lines << QStringList{worker.id(), worker.name(), verdictId(answer.verdict),
                             answer.verdict == Verdict::Excluded ? QStringLiteral("-")
                                                                 : QString::number(answer.rank),
                             answer.reasons().join(QStringLiteral("; "))}
                     .join(QLatin1Char('\t'));
    }
    return lines;
}

const char* const RenderD = "7e11de00-0000-4000-8000-000000000004";
const char* const RenderE = "7e11de00-0000-4000-8000-000000000005";
const char* const EtlFull = "c0ffee00-0000-4000-8000-000000000002";
const char* const EtlStale = "c0ffee00-0000-4000-8000-000000000003";
const QString Cancelled =
    QStringLiteral(" (it would be cancelled after its schedule timeout, 5 min by default)");

} // namespace

class TestPlacement : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every worker's verdict, rank and reasons, and the summary, for each rule and edge case.
    void verdicts_data();
    void verdicts();
    // Summaries whose tables add nothing: which sentence for which cause.
    void summaries_data();
    void summaries();
    // A fleet's placement with only the reasons worded: the same answers, the passed checks without words.
    void reasonsAlone_data() { verdicts_data(); }
    void reasonsAlone();
    void onlyAnExcludedWorkerIsBigEnough();
    void manyWorkersInParts();
    void checksOfOneWorker();
    void actionRule_data();
    void actionRule();
    void stickyIgnoresLabels();
    void rankIsKeptWhenExcluded();
    void withoutReferenceTime();
    void requestedUnits();
    void labelIntegers();
    void idsAndSymbolsRoundTrip();
    void specText();
};

void TestPlacement::verdicts_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<Task>("task");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("summary");
    using C = Comparator;
    const auto runs = int(Placement::Outcome::RunsNow);
    const QString labels = QStringLiteral("place-labels.json");
    const QString slots = QStringLiteral("place-slots.json");

    // Required excludes, optional adds 0; rotation within the top rank: the group of three is named.
    QTest::newRow("required and optional labels")
        << labels
        << task("render:frame",
                {want("gpu", C::Equal, "a100", true), want("region", C::Equal, "eu-west-1", false, 50)})
        << "place-labels-required.tsv" << runs
        << "Runs now on one of 3 workers (rank 150: render-a, render-c, render-f)";
    // worker value OP desired value (128 < 100 is false); "lots" is not an integer, never meets.
    QTest::newRow("integer comparators")
        << labels
        << task("render:frame", {want("memory_gb", C::LessThan, "100", true),
                                 want("memory_gb", C::GreaterThanOrEqual, "64", false, 10)})
        << "place-labels-integers.tsv" << runs << "Runs now on render-b (rank 110)";
    QTest::newRow("negative weight below 0")
        << labels
        << task("render:frame", {want("gpu", C::Equal, "a100"), want("tier", C::Equal, "spot", false, -150)})
        << "place-labels-negative.tsv" << runs
        << "Runs now on one of 3 workers (rank 100: render-a, render-b, render-c)";
    // A lower rank runs only because the higher one is full.
    QTest::newRow("higher rank full") << labels << task("render:frame", {want("gpu", C::Equal, "h100")})
                                      << "place-labels-higher-full.tsv" << runs
                                      << "Runs now on one of 6 workers (rank 0: render-a, render-b, "
                                         "render-c, render-d, render-e, render-f); 1 "
                                         "worker of higher rank is full";
    // A label without value never meets, not even !=.
    QTest::newRow("not equal, label without value")
        << labels << task("render:frame", {want("region", C::NotEqual, "us-east-1", true)})
        << "place-labels-not-equal.tsv" << runs
        << "Runs now on one of 4 workers (rank 100: render-a, render-c, render-d, render-f)";
    QTest::newRow("SOFT sticky ignores labels")
        << labels << task("render:frame", {want("gpu", C::Equal, "a100", true)}, {}, Sticky::Soft, RenderD)
        << "place-labels-soft.tsv" << runs << "Runs now on render-d (rank 1)";
    QTest::newRow("HARD sticky ignores labels")
        << labels << task("render:frame", {want("gpu", C::Equal, "a100", true)}, {}, Sticky::Hard, RenderE)
        << "place-labels-hard.tsv" << runs << "Runs now on render-e (rank 0)";

    QTest::newRow("liveness, action, default slot")
        << slots << task("etl:load") << "place-slots-default.tsv" << runs << "Runs now on etl-live (rank 0)";
    QTest::newRow("slot type the worker lacks")
        << slots << task("etl:load", {}, {units("durable", 2)}) << "place-slots-durable.tsv"
        << int(Placement::Outcome::NeverRuns)
        << QStringLiteral("Can never run: no worker has 2 durable units") + Cancelled;
    QTest::newRow("two slot types") << slots
                                    << task("etl:load", {}, {units("default", 1), units("durable", 1)})
                                    << "place-slots-two-types.tsv" << runs << "Runs now on etl-live (rank 0)";
    QTest::newRow("units above every limit")
        << slots << task("etl:load", {}, {units("default", 5)}) << "place-slots-above-limits.tsv"
        << int(Placement::Outcome::NeverRuns)
        << QStringLiteral("Can never run: no worker has 5 default units") + Cancelled;
    QTest::newRow("would wait") << slots << task("etl:load", {}, {units("default", 3)})
                                << "place-slots-would-wait.tsv" << int(Placement::Outcome::WouldWait)
                                << "Would wait: the 3 workers that could take it are full";
    QTest::newRow("HARD sticky to a dead worker")
        << slots << task("etl:load", {}, {}, Sticky::Hard, EtlStale) << "place-slots-hard-dead.tsv"
        << int(Placement::Outcome::NeverRuns)
        << QStringLiteral("Can never run: the desired worker etl-stale (HARD sticky): status INACTIVE; "
                          "heartbeat 12 s old") +
               Cancelled;
    // maxRuns/availableRuns read as slot type default; availableRuns missing: not reported, 0 free.
    QTest::newRow("old era") << QStringLiteral("place-legacy.json") << task("video:transcode")
                             << "place-legacy.tsv" << runs << "Runs now on transcoder-a (rank 0)";
}

void TestPlacement::verdicts() {
    QFETCH(QString, fixture);
    QFETCH(Task, task);
    QFETCH(QString, expected);
    QFETCH(int, outcome);
    QFETCH(QString, summary);
    QVERIFY(testutil::sameLines(table(fixture, task), testutil::expectedLines(expected)));
    const Placement placement = placeIn(fixture, task);
    QCOMPARE(placement.summary, summary);
    QCOMPARE(int(placement.outcome), outcome);
}

void TestPlacement::reasonsAlone() {
    QFETCH(QString, fixture);
    QFETCH(Task, task);
    const auto snapshot = testutil::loadFixture(fixture);
    const qint64 now = testutil::captureTimeFor(fixture).toMSecsSinceEpoch();
    const Placement all = place(task, *snapshot, allWorkers(*snapshot), now);
    const Placement reasons = place(task, *snapshot, allWorkers(*snapshot), now, CheckTexts::Reasons);
    QCOMPARE(reasons.summary, all.summary);
    QCOMPARE(reasons.warnings, all.warnings);
    QCOMPARE(reasons.topGroup, all.topGroup);
    QCOMPARE(reasons.workers.size(), all.workers.size());
    int unworded = 0;
    for (std::size_t w = 0; w < all.workers.size(); ++w) {
        const WorkerPlacement& got = reasons.workers[w];
        const WorkerPlacement& expected = all.workers[w];
        QCOMPARE(got.verdict, expected.verdict);
        QCOMPARE(got.rank, expected.rank);
        QCOMPARE(got.reasons(), expected.reasons());
        QCOMPARE(got.checks.size(), expected.checks.size());
        for (std::size_t c = 0; c < got.checks.size(); ++c) {
            QCOMPARE(got.checks[c].rule, expected.checks[c].rule);
            QCOMPARE(got.checks[c].result, expected.checks[c].result);
            QVERIFY(!expected.checks[c].text.isEmpty());
            QCOMPARE(got.checks[c].text, expected.checks[c].failed() ? expected.checks[c].text : QString());
            unworded += !expected.checks[c].failed();
        }
    }
    QVERIFY(unworded > 0); // every row has workers with passed checks
}

void TestPlacement::summaries_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<Task>("task");
    QTest::addColumn<QString>("summary");
    using C = Comparator;
    const QString labels = QStringLiteral("place-labels.json");
    const QString slots = QStringLiteral("place-slots.json");
    QTest::newRow("no live worker registers it")
        << slots << task("etl:transform")
        << QStringLiteral("Can never run: no live worker registers etl:transform") + Cancelled;
    // Matched exactly as given: etl-case registers etl:Load.
    QTest::newRow("exact case") << slots << task("etl:Load") << "Runs now on etl-case (rank 0)";
    QTest::newRow("HARD sticky to a full worker")
        << slots << task("etl:load", {}, {}, Sticky::Hard, EtlFull)
        << "Would wait: the only worker that could take it (etl-full) is full";
    QTest::newRow("HARD sticky to an unknown worker")
        << slots << task("etl:load", {}, {}, Sticky::Hard, "nobody")
        << QStringLiteral("Can never run: the desired worker nobody (HARD sticky) is not among the workers") +
               Cancelled;
    QTest::newRow("labels exclude every live worker")
        << labels << task("render:frame", {want("gpu", C::Equal, "v100", true)})
        << QStringLiteral(
               "Can never run: no live worker that registers render:frame meets the desired labels") +
               Cancelled;
    QTest::newRow("four units: full, not too small")
        << slots << task("etl:load", {}, {units("default", 4)})
        << QStringLiteral("Would wait: the 3 workers that could take it are full");
    QTest::newRow("old era lacks durable")
        << QStringLiteral("place-legacy.json") << task("video:transcode", {}, {units("durable", 1)})
        << QStringLiteral("Can never run: no worker has 1 durable unit") + Cancelled;
}

void TestPlacement::summaries() {
    QFETCH(QString, fixture);
    QFETCH(Task, task);
    QFETCH(QString, summary);
    QCOMPARE(placeIn(fixture, task).summary, summary);
}

// Only a worker the scheduler would not consider has the units: the sentence must not claim nobody has them.
void TestPlacement::onlyAnExcludedWorkerIsBigEnough() {
    const QDateTime now = testutil::captureTimeFor(QStringLiteral("inline.json"));
    const auto snapshot = testutil::snapshotOf(R"([
        {"metadata": {"id": "big"}, "name": "big", "status": "INACTIVE", "dispatcherId": "d",
         "lastHeartbeatAt": "2026-11-29T12:00:00Z", "actions": ["x:y"], "slotConfig": {"default": {"available": 8, "limit": 8}}},
        {"metadata": {"id": "small"}, "name": "small", "status": "ACTIVE", "dispatcherId": "d",
         "lastHeartbeatAt": "2026-11-29T13:00:04Z", "actions": ["x:y"], "slotConfig": {"default": {"available": 2, "limit": 2}}}
    ])",
                                               now);
    const Placement plain =
        place(task("x:y", {}, {units("default", 4)}), *snapshot, {0, 1}, now.toMSecsSinceEpoch());
    QCOMPARE(plain.summary,
             QStringLiteral("Can never run: no live worker that registers x:y has 4 default units") +
                 Cancelled);
    QCOMPARE(plain.workers.at(1).reasons(), QStringList{QStringLiteral("default: limit 2 < 4 units")});
    const Placement labelled = place(task("x:y", {want("k", Comparator::Equal, "v")}, {units("default", 4)}),
                                     *snapshot, {0, 1}, now.toMSecsSinceEpoch());
    QCOMPARE(
        labelled.summary,
        QStringLiteral(
            "Can never run: no live worker that registers x:y and meets the desired labels has 4 default "
            "units") +
            Cancelled);
}

// place() reads a large fleet in parts at once: each answer is still the one placeOnWorker() gives for its
// worker, in the order the workers were asked for (here descending, every third left out).
void TestPlacement::manyWorkersInParts() {
    const QDateTime now = testutil::captureTimeFor(QStringLiteral("inline.json"));
    QByteArray json = "[";
    for (int i = 0; i < 3000; ++i) {
        json += QStringLiteral(R"(%1{"metadata": {"id": "w%2"}, "name": "w%2", "status": "%3",
            "dispatcherId": "d", "lastHeartbeatAt": "2026-11-29T13:00:0%4Z", "actions": ["x:y"],
            "labels": [{"key": "gpu", "value": "%5"}],
            "slotConfig": {"default": {"available": %6, "limit": 4}}})")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(i)
                    .arg(i % 7 ? QStringLiteral("ACTIVE") : QStringLiteral("PAUSED"))
                    .arg(i % 5)
                    .arg(i % 3 ? QStringLiteral("a100") : QStringLiteral("t4"))
                    .arg(i % 5)
                    .toUtf8();
    }
    json += "]";
    const auto snapshot = testutil::snapshotOf(json, now);
    std::vector<std::size_t> workers;
    for (std::size_t i = snapshot->workers.size(); i-- > 0;) {
        if (i % 3 != 1)
            workers.push_back(i);
    }
    const Task wanted = task("x:y", {want("gpu", Comparator::Equal, "a100", true)}, {units("default", 2)});
    const Placement placement = place(wanted, *snapshot, workers, now.toMSecsSinceEpoch());
    QCOMPARE(placement.workers.size(), workers.size());
    std::set<Verdict> verdicts;
    for (std::size_t i = 0; i < workers.size(); ++i) {
        const WorkerPlacement expected =
            placeOnWorker(wanted, snapshot->worker(workers[i]), workers[i], now.toMSecsSinceEpoch());
        const WorkerPlacement& got = placement.workers[i];
        QCOMPARE(got.worker, workers[i]);
        QCOMPARE(got.verdict, expected.verdict);
        QCOMPARE(got.rank, expected.rank);
        QCOMPARE(got.reasons(), expected.reasons());
        verdicts.insert(got.verdict);
    }
    QVERIFY(verdicts.size() > 1); // the fleet holds more than one kind of answer
}

// What the panel explains line by line: every check, passed or not, in rule order.
void TestPlacement::checksOfOneWorker() {
    const Placement placement =
        placeIn(QStringLiteral("place-labels.json"),
                task("render:frame", {want("gpu", Comparator::Equal, "a100", true),
                                      want("region", Comparator::Equal, "eu-west-1", false, 50)}));
    const WorkerPlacement& renderB = placement.workers.at(1);
    QStringList lines;
    for (const Check& check : renderB.checks)
        lines << QStringLiteral("%1 %2 %3").arg(int(check.rule)).arg(int(check.result)).arg(check.text);
    QVERIFY(
        testutil::sameLines(lines, testutil::lines({
                                       "1 0 live: ACTIVE, heartbeat 2 s old",
                                       "2 0 registers render:frame",
                                       "3 0 default: available 2 >= 1 unit",
                                       "4 0 label gpu=a100 meets gpu=a100 (+100)",
                                       "4 1 label region=us-east-1, wants region=eu-west-1 (optional: +0)",
                                       "4 0 rank 100",
                                   })));
    QVERIFY(renderB.reasons().isEmpty());
    QCOMPARE(renderB.verdict, Verdict::Fits);
}

// Rule 2 alone: exact matches win over matches without case wherever they stand; case is folded for ASCII
// and, through QString, beyond it; escapes in the document are read as their text.
void TestPlacement::actionRule_data() {
    QTest::addColumn<QByteArray>("actions");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("text");
    QTest::newRow("exact") << QByteArray(R"(["a:b", "wf:task"])") << QStringLiteral("wf:task")
                           << QStringLiteral("registers wf:task");
    QTest::newRow("exact after other case")
        << QByteArray(R"(["WF:Task", "wf:task"])") << QStringLiteral("wf:task")
        << QStringLiteral("registers wf:task");
    QTest::newRow("ascii case") << QByteArray(R"(["a:b", "WF:Task", "wf:TASK"])") << QStringLiteral("wf:task")
                                << QStringLiteral("registers WF:Task (case differs)");
    QTest::newRow("non-ascii case") << QByteArray(R"(["wf:\u00c4rger"])") << QStringLiteral("wf:ärger")
                                    << QStringLiteral("registers wf:Ärger (case differs)");
    QTest::newRow("escaped exact") << QByteArray(R"(["wf:\u00e4rger"])") << QStringLiteral("wf:ärger")
                                   << QStringLiteral("registers wf:ärger");
    QTest::newRow("same length, other") << QByteArray(R"(["wf:tasl"])") << QStringLiteral("wf:task")
                                        << QStringLiteral("does not register wf:task");
    // Longer in UTF-8 than the ASCII action, yet the same without case: U+212A KELVIN SIGN folds to k.
    QTest::newRow("kelvin sign") << QByteArray(R"(["wf:tas\u212a"])") << QStringLiteral("wf:task")
                                 << QStringLiteral("registers wf:tas\u212a (case differs)");
    QTest::newRow("longer, ascii") << QByteArray(R"(["wf:tasks", "WF:TASKS"])") << QStringLiteral("wf:task")
                                   << QStringLiteral("does not register wf:task");
    QTest::newRow("shorter, or as long with other characters")
        << QByteArray(R"(["wf:tas", "WF:TA\u00df"])") << QStringLiteral("wf:task")
        << QStringLiteral("does not register wf:task");
    QTest::newRow("no strings") << QByteArray(R"([1, null])") << QStringLiteral("wf:task")
                                << QStringLiteral("registers no actions");
    QTest::newRow("empty") << QByteArray("[]") << QStringLiteral("wf:task")
                           << QStringLiteral("registers no actions");
}

void TestPlacement::actionRule() {
    QFETCH(QByteArray, actions);
    QFETCH(QString, action);
    QFETCH(QString, text);
    SNAPSHOT_OK(snapshot,
                QByteArray(R"({"metadata": {"id": "7e11de00-0000-4000-8000-000000000001"}, )"
                           R"("name": "w", "type": "SELFHOSTED", "status": "ACTIVE", "actions": )") +
                    actions + "}");
    const Placement placement =
        place(task(action.toUtf8().constData()), *snapshot, allWorkers(*snapshot), {});
    QCOMPARE(placement.workers.size(), std::size_t(1));
    QString found;
    for (const Check& check : placement.workers.front().checks) {
        if (check.rule == Check::Rule::Action)
            found = check.text;
    }
    QCOMPARE(found, text);
}

void TestPlacement::stickyIgnoresLabels() {
    const Placement placement = placeIn(
        QStringLiteral("place-labels.json"),
        task("render:frame", {want("gpu", Comparator::Equal, "a100", true)}, {}, Sticky::Soft, RenderD));
    const WorkerPlacement& renderD = placement.workers.at(3);
    QCOMPARE(renderD.checks.at(3).result, Check::Result::Ignored);
    QCOMPARE(renderD.checks.at(3).text,
             QStringLiteral("gpu=a100 (required) ignored under SOFT sticky (Hatchet #4936)"));
    QCOMPARE(renderD.checks.at(4).text, QStringLiteral("the desired worker (SOFT sticky): rank 1"));
    QCOMPARE(placement.warnings,
             QStringList{QStringLiteral("SOFT sticky: Hatchet ignores every desired label, the required "
                                        "+gpu=a100 included (issue #4936)")});
    // Optional labels only: still said, without "required".
    const Placement optional =
        placeIn(QStringLiteral("place-labels.json"),
                task("render:frame", {want("gpu", Comparator::Equal, "a100")}, {}, Sticky::Hard, RenderD));
    QCOMPARE(optional.warnings,
             QStringList{QStringLiteral("HARD sticky: Hatchet ignores every desired label (issue #4936)")});
    // SOFT to a worker that is not there: everybody ranks 0, and it is said.
    const Placement nobody =
        placeIn(QStringLiteral("place-labels.json"), task("render:frame", {}, {}, Sticky::Soft, "nobody"));
    QCOMPARE(nobody.warnings,
             QStringList{QStringLiteral("the desired worker nobody is not among the workers")});
    QCOMPARE(nobody.topRank, std::int64_t(0));
    QCOMPARE(nobody.topGroup.size(), std::size_t(6));
}

void TestPlacement::rankIsKeptWhenExcluded() {
    const Placement placement =
        placeIn(QStringLiteral("place-labels.json"),
                task("render:frame", {want("gpu", Comparator::Equal, "a100"),
                                      want("tier", Comparator::Equal, "spot", false, -150)}));
    const WorkerPlacement& renderF = placement.workers.at(5);
    QCOMPARE(renderF.verdict, Verdict::Excluded);
    QCOMPARE(renderF.rank, std::int64_t(-50));
    QCOMPARE(renderF.checks.at(4).text, QStringLiteral("label tier=spot meets tier=spot (-150)"));
    // A missing key never meets, not even !=; a desired value an order comparator cannot read is said.
    const Placement other =
        placeIn(QStringLiteral("place-labels.json"),
                task("render:frame", {want("tier", Comparator::NotEqual, "spot", true),
                                      want("memory_gb", Comparator::GreaterThan, "lots")}));
    QCOMPARE(other.workers.at(0).reasons(),
             QStringList{QStringLiteral("no label tier, wants tier!=spot (required)")});
    QCOMPARE(other.workers.at(0).checks.at(4).text,
             QStringLiteral("label memory_gb=128, wants memory_gb>lots (not an integer; optional: +0)"));
}

// Without a reference time the status stands in for the heartbeat's age (schedulable.h).
void TestPlacement::withoutReferenceTime() {
    const auto snapshot = testutil::loadFixture(QStringLiteral("place-slots.json"));
    const Placement placement = place(task("etl:load"), *snapshot, allWorkers(*snapshot), std::nullopt);
    QCOMPARE(placement.workers.at(2).reasons(), QStringList{QStringLiteral("status INACTIVE")});
    QCOMPARE(placement.workers.at(0).checks.at(0).text, QStringLiteral("live: ACTIVE"));
    // No workers at all.
    const Placement none = place(task("etl:load"), *snapshot, {}, std::nullopt);
    QCOMPARE(none.summary, QStringLiteral("Can never run: no live worker registers etl:load") + Cancelled);
}

void TestPlacement::requestedUnits() {
    const auto text = [](const Task& t) {
        QStringList parts;
        for (const SlotUnits& u : t.requestedUnits())
            parts << QStringLiteral("%1=%2").arg(u.slotType).arg(u.units);
        return parts.join(QLatin1Char(' '));
    };
    QCOMPARE(text(task("a:b")), QStringLiteral("default=1"));
    QCOMPARE(text(task("a:b", {}, {units("durable", 1)})),
             QStringLiteral("durable=1")); // replaces the default
    QCOMPARE(text(task("a:b", {}, {units("durable", 0), units("default", 2)})), QStringLiteral("default=2"));
    QCOMPARE(text(task("a:b", {}, {units("durable", -1)})), QStringLiteral("default=1")); // nothing left
    QCOMPARE(text(task("a:b", {}, {units("gpu", 1), units("gpu", 3)})), QStringLiteral("gpu=3"));
    const Placement dropped =
        placeIn(QStringLiteral("place-slots.json"), task("etl:load", {}, {units("durable", 0)}));
    QCOMPARE(dropped.warnings, QStringList{QStringLiteral("units of 0 or less are dropped: durable=0")});
}

void TestPlacement::labelIntegers() {
    QCOMPARE(labelInteger(QStringLiteral("64")), std::optional<std::int64_t>(64));
    QCOMPARE(labelInteger(QStringLiteral("-3")), std::optional<std::int64_t>(-3));
    for (const char* text : {"", "-", "+5", " 5", "5 ", "5.0", "0x10", "lots", "99999999999999999999"})
        QVERIFY2(!labelInteger(QString::fromLatin1(text)), text);
}

void TestPlacement::idsAndSymbolsRoundTrip() {
    QCOMPARE(verdictIds(), testutil::lines({"fits", "full", "too-small", "excluded"}));
    for (const QString& id : verdictIds())
        QCOMPARE(verdictId(*verdictFromId(id)), id);
    QVERIFY(!verdictFromId(QStringLiteral("Fits")));
    QCOMPARE(comparatorSymbols(), testutil::lines({"=", "!=", ">", ">=", "<", "<="}));
    for (const QString& symbol : comparatorSymbols())
        QCOMPARE(comparatorSymbol(*comparatorFromSymbol(symbol)), symbol);
    QVERIFY(!needsIntegers(Comparator::NotEqual));
    QVERIFY(needsIntegers(Comparator::LessThanOrEqual));
}

void TestPlacement::specText() {
    QCOMPARE(want("gpu", Comparator::Equal, "a100", true).specText(), QStringLiteral("+gpu=a100"));
    QCOMPARE(want("region", Comparator::Equal, "eu", false, 50).specText(), QStringLiteral("region=eu@50"));
    QCOMPARE(want("memory_gb", Comparator::GreaterThanOrEqual, "64", true, -5).specText(),
             QStringLiteral("+memory_gb>=64@-5"));
}

QTEST_GUILESS_MAIN(TestPlacement)
#include "tst_placement.moc"
