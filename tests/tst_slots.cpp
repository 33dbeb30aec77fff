// Slot arithmetic written once (hatchet/slots.h): totals over slot types and the old era's padding.
#include "hatchet/slots.h"

#include <QTest>

using namespace hwi::hatchet;

class TestSlots : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void totals();
    void unknownUse();
    void padding();
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

QTEST_MAIN(TestSlots)
#include "tst_slots.moc"
