// Slot arithmetic written once (hatchet/slots.h): totals over slot types and the old era's padding.
#include "hatchet/slots.h"
#include "itemmodeltestutil.h"

#include <QTest>

using namespace hwi::hatchet;

class TestSlots : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void totals();
    void unknownUse();
    void padding();
    void runningText_data();
    void runningText();
    void runningTasksOfAV1TaskSummaryList();
};

void TestSlots::totals() {
    const SlotTotals totals =
        slotTotals({{QStringLiteral("default"), 2, 5}, {QStringLiteral("durable"), 0, 1}});
    QCOMPARE(totals.capacities.size(), std::size_t(2));
    QCOMPARE(totals.limit, 6);
    QCOMPARE(totals.totalUsed(), std::optional<std::int64_t>(4));
    QCOMPARE(*totals.usedFraction(), 4.0 / 6.0);
    QVERIFY(!slotTotals({}).usedFraction());
}

void TestSlots::unknownUse() {
    // `available` missing: the use is unknown, so the total is too; the fraction covers the measured types.
    const SlotTotals totals =
        slotTotals({{QStringLiteral("default"), 1, 4}, {QStringLiteral("durable"), {}, 2}});
    QCOMPARE(totals.limit, 6);
    QVERIFY(!totals.totalUsed());
    QCOMPARE(*totals.usedFraction(), 0.75);
}

void TestSlots::padding() {
    const QString zero = QStringLiteral("00000000-0000-0000-0000-000000000000");
    Slot busy;
    busy.stepRunId = QStringLiteral("b1");
    busy.actionId = QStringLiteral("wf:step");
    Slot pad;
    pad.stepRunId = zero;
    pad.workflowRunId = zero;
    const SlotEntries entries = splitPadding({busy, pad, pad});
    QCOMPARE(entries.busy.size(), std::size_t(1));
    QCOMPARE(entries.busy.front().stepRunId, QStringLiteral("b1"));
    QCOMPARE(entries.padding, 2);
    // The server pads up to availableRuns entries: padding = max(0, availableRuns − running).
    QCOMPARE(expectedPadding(3, 1), 2);
    QCOMPARE(expectedPadding(1, 3), 0);
}

void TestSlots::runningText_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("busy");
    QTest::addColumn<std::optional<std::int64_t>>("free");
    QTest::addColumn<QString>("text");
    const QByteArray pad = R"({"actionId": "", "stepRunId": "00000000-0000-0000-0000-000000000000",
                                "workflowRunId": "00000000-0000-0000-0000-000000000000"})";
    const QByteArray run =
        R"({"actionId": "a:b", "stepRunId": "r1", "workflowRunId": "r1", "status": "RUNNING",
                               "startedAt": "2026-01-15T09:29:00Z"})";
    // Hatchet pads to availableRuns entries: 1 running + 2 padding with availableRuns 3 is 3 free, not 2.
    QTest::newRow("GET, padded") << (R"({"maxRuns": 4, "availableRuns": 3, "slots": [)" + run + "," + pad +
                                     "," + pad + "]}")
                                 << 1 << std::optional<std::int64_t>(3)
                                 << QStringLiteral("1 busy \u00b7 3 free");
    // More running than availableRuns: no padding at all, and still availableRuns free.
    QTest::newRow("GET, no padding") << (R"({"maxRuns": 3, "availableRuns": 1, "slots": [)" + run + "," +
                                         run + "]}")
                                     << 2 << std::optional<std::int64_t>(1)
                                     << QStringLiteral("2 busy \u00b7 1 free");
    QTest::newRow("GET, free unknown")
        << (R"({"maxRuns": 3, "slots": [)" + run + "]}") << 1 << std::optional<std::int64_t>()
        << QStringLiteral("1 busy \u00b7 free not reported");
    QTest::newRow("list row") << QByteArray(R"({"maxRuns": 4, "availableRuns": 1})") << 0
                              << std::optional<std::int64_t>(1)
                              << QStringLiteral(
                                     "Lists do not include running slots (a single GET does); 3 of 4 in "
                                     "use \u00b7 1 free");
    QTest::newRow("current") << QByteArray(R"({"slotConfig": {"default": {"available": 1, "limit": 8},
                                                              "durable": {"available": 0, "limit": 2}}})")
                             << 0 << std::optional<std::int64_t>()
                             << QStringLiteral(
                                    "This server does not list running slots; 9 units in use (default 7 "
                                    "of 8, durable 2 of 2)");
    QTest::newRow("current, one unit")
        << QByteArray(R"({"slotConfig": {"default": {"available": 4, "limit": 5}},
                                                        "slots": []})")
        << 0 << std::optional<std::int64_t>()
        << QStringLiteral("This server does not list running slots; 1 unit in use "
                          "(default 1 of 5)");
    QTest::newRow("current, available missing")
        << QByteArray(R"({"slotConfig": {"default": {"available": 4, "limit": 5}, "durable": {"limit": 2}}})")
        << 0 << std::optional<std::int64_t>()
        << QStringLiteral("This server does not list running slots; at least 1 unit in use (default 1 of 5, "
                          "durable ? of 2)");
    QTest::newRow("current, empty config")
        << QByteArray(R"({"slotConfig": {}})") << 0 << std::optional<std::int64_t>()
        << QStringLiteral("This server does not list running slots");
    QTest::newRow("nothing") << QByteArray("{}") << 0 << std::optional<std::int64_t>() << QString();
}

void TestSlots::runningText() {
    QFETCH(QByteArray, json);
    QFETCH(int, busy);
    QFETCH(std::optional<std::int64_t>, free);
    QFETCH(QString, text);
    // A worker needs a name and a type to be one.
    json = R"({"name": "w", "type": "SELFHOSTED")" +
           (json.size() > 2 ? QByteArray(", " + json.mid(1)) : QByteArray("}"));
    const auto snapshot = testutil::snapshotOf(json, QDateTime::currentDateTimeUtc());
    QCOMPARE(snapshot->workers.size(), std::size_t(1));
    const RunningSlots slots = runningSlots(snapshot->worker(0));
    QCOMPARE(int(slots.busy.size()), busy);
    QCOMPARE(slots.free, free);
    QCOMPARE(runningSlotsText(slots), text);
    QCOMPARE(runningSlotsText(snapshot->worker(0)), text);
}

void TestSlots::runningTasksOfAV1TaskSummaryList() {
    // One row as Hatchet sends it, one with only displayName and metadata.id, and a stray non-object.
    const auto document = testutil::parse(R"({"pagination": {"current_page": 1, "num_pages": 1}, "rows": [
        {"metadata": {"id": "t1"}, "taskExternalId": "t1", "actionId": "wf:step", "displayName": "step",
         "status": "RUNNING", "startedAt": "2026-02-10T12:00:00Z", "workflowRunExternalId": "r1"},
        {"metadata": {"id": "t2"}, "displayName": "other", "status": "RUNNING", "startedAt": null},
        7]})");
    const std::vector<Slot> tasks = runningTasks(*document);
    QCOMPARE(tasks.size(), std::size_t(2));
    QCOMPARE(tasks[0].actionId, QStringLiteral("wf:step"));
    QCOMPARE(tasks[0].stepRunId, QStringLiteral("t1"));
    QCOMPARE(tasks[0].workflowRunId, QStringLiteral("r1"));
    QCOMPARE(tasks[0].status, QStringLiteral("RUNNING"));
    QCOMPARE(tasks[0].startedAt.state, TimeValue::Valid);
    QCOMPARE(tasks[0].startedAt.text, QStringLiteral("2026-02-10T12:00:00Z"));
    QCOMPARE(tasks[0].timeoutAt.state, TimeValue::Absent); // V1TaskSummary has no timeout
    QVERIFY(!tasks[0].isFreePadding());
    QCOMPARE(tasks[1].actionId, QStringLiteral("other"));
    QCOMPARE(tasks[1].stepRunId, QStringLiteral("t2"));
    QCOMPARE(tasks[1].startedAt.state, TimeValue::Absent);
    QVERIFY(runningTasks(*testutil::parse(R"({"rows": []})")).empty());
    QVERIFY(runningTasks(*testutil::parse("[]")).empty());
}

QTEST_MAIN(TestSlots)
#include "tst_slots.moc"
