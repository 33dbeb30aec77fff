#include "analysis/diff.h"
#include "analysis/placement.h"
#include "export/workerexport.h"
#include "filter/workerfilterproxy.h"
#include "hatchet/health.h"
#include "itemmodels/rawvaluesortproxy.h"
#include "itemmodels/timeformat.h"
#include "itemmodels/workertablemodel.h"
#include "itemmodeltestutil.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

using hwi::hatchet::TimeValue;
using hwi::models::HealthLevel;
using hwi::models::RawValueSortProxy;
using hwi::models::WorkerTableModel;
using Tester = QAbstractItemModelTester;
using testutil::lines;

Q_DECLARE_METATYPE(HealthLevel)

namespace {

// A WorkerList of n synthetic current-era workers, as compact JSON text.
QByteArray syntheticWorkers(int n) {
    QByteArray out = "{\"rows\":[";
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            out += ',';
        const QByteArray number = QByteArray::number(i);
        out += "{\"actions\":[\"wf-" + number +
               ":a\",\"wf:b\"],\"dispatcherId\":\"d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d\","
               "\"labels\":[{\"key\":\"shard\",\"value\":\"" +
               QByteArray::number(i % 7) +
               "\"}],"
               "\"lastHeartbeatAt\":\"2026-11-29T12:" +
               QByteArray::number(10 + i % 50) + ":0" + QByteArray::number(i % 10) +
               "Z\",\"metadata\":{\"createdAt\":\"2026-11-29T10:00:00Z\",\"id\":\"id-" + number +
               "\"},\"name\":\"worker-" + number +
               "\",\"runtimeInfo\":{\"language\":\"PYTHON\",\"sdkVersion\":\"1." + QByteArray::number(i % 3) +
               "\"},\"slotConfig\":{\"default\":{\"available\":" + QByteArray::number(i % 5) +
               ",\"limit\":5}},\"status\":\"" +
               (i % 3 == 0   ? "ACTIVE"
                : i % 3 == 1 ? "PAUSED"
                             : "INACTIVE") +
               "\",\"type\":\"SELFHOSTED\"}";
    }
    return out + "]}";
}

// The workers of `all` at the given positions, as a WorkerList snapshot of source "test"; `edit` may
// rewrite the text (e.g. a status) before it is parsed.
std::shared_ptr<const hwi::hatchet::Snapshot> pick(const hwi::hatchet::Snapshot& all,
                                                   const std::vector<std::size_t>& positions,
                                                   const std::function<void(QByteArray&)>& edit = {}) {
    QByteArray text = hwi::exporting::exportWorkers(all, positions, hwi::exporting::Style::Compact);
    if (edit)
        edit(text);
    return testutil::snapshotOf(text, all.captureTime);
}

std::vector<QString> namesInRowOrder(const QAbstractItemModel& model) {
    std::vector<QString> names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.push_back(model.index(row, WorkerTableModel::NameColumn).data().toString());
    return names;
}

} // namespace

class TestWorkerTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dump_data();
    void dump();
    void roles();
    void referenceTime();
    void healthColumn();
    void reload();
    void refreshInPlace();
    void refreshThroughFilter();
    void sortEveryColumn_data();
    void sortEveryColumn();
    void largeLoad();
    void preparedRows_data() { dump_data(); }
    void preparedRows();
    void preparedRowsInBackground();
    void naturalNameOrder();
    void naturalCompareIsStrictAndTotal();
    void rankedSortMatchesValueOrder();
    void ranksFollowTheSource();
    void changedCount();
    void comparison();
    void refreshDuringComparison();
    void usageSeries();
    void placementColumns();
    void placementSortsAndFilters();
};

void TestWorkerTableModel::dump_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("expected");
    // Name|Status|Type|LastHeartbeat|Slots|Labels|Actions|Workflows|Sdk|Dispatcher|Created|Health
    // clang-format off
    QTest::newRow("list-current") << QStringLiteral("list-current.json") << lines({
        "order-processor|ACTIVE|SELFHOSTED|1 s ago|default 3/5 · durable 0/1|memory_gb=8, region=us-east-1|3|0|GOLANG v0.77.4|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d|1 h ago|OK",
        "report-builder|PAUSED|SELFHOSTED|2 s ago|default 0/3||2|0|PYTHON 1.21.3|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d|1 h ago|Paused",
        "mailer|INACTIVE|MANAGED|never|default 0/4||1|0|TYPESCRIPT 1.10.2|e2b6d1ef-8c4f-4a7b-8d32-6f9a1b5c4d3e|2 h ago|Never seen",
    });
    // maxRuns/availableRuns appear as the "default" slot type.
    QTest::newRow("list-legacy") << QStringLiteral("list-legacy.json") << lines({
        "transcoder-a|ACTIVE|SELFHOSTED|2 s ago|default 2/4||2|0|GOLANG v0.55.1|f3c7e2a0-9d5a-4b8c-9e43-7a0b2c6d5e4f|1 h ago|OK",
        "janitor-b|ACTIVE|SELFHOSTED|2 s ago|default 0/2||1|0||f3c7e2a0-9d5a-4b8c-9e43-7a0b2c6d5e4f|2 h ago|OK",
    });
    QTest::newRow("worker-get") << QStringLiteral("worker-get.json") << lines({
        "render-farm-01|ACTIVE|SELFHOSTED|3 s ago|default 7/8 · durable 2/2|gpu=nvidia-a10g, memory_gb=64|3|2|GOLANG v0.77.4|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d|3 h ago|OK",
    });
    // "actions": null -> 0 actions; no slotConfig.
    QTest::newRow("worker-patch") << QStringLiteral("worker-patch.json") << lines({
        "render-farm-01|PAUSED|SELFHOSTED|just now|||0|0|GOLANG v0.77.4|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d|3 h ago|No slots",
    });
    QTest::newRow("worker-array") << QStringLiteral("worker-array.json") << lines({
        "etl & sync|ACTIVE|SELFHOSTED|just now|default 4/10||2|0|PYTHON 1.21.3|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d|4 h ago|OK",
        "etl-transform|INACTIVE|SELFHOSTED|45 s ago|default 0/2||1|0|TYPESCRIPT 1.9.0|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d|5 h ago|Lost",
    });
    // Unknown status kept as written; "available": 1.0 still counts.
    QTest::newRow("tolerant") << QStringLiteral("tolerant.json") << lines({
        "rusty-worker|DRAINING|SELFHOSTED|1 s ago|default 3/4||1|0|RUST|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d|44 min ago|OK",
    });
    // Wrong types read as absent; a malformed heartbeat shows its text; the first of two "name" keys.
    QTest::newRow("invalid-types") << QStringLiteral("invalid-types.json") << lines({
        "|ACTIVE||2 s ago|||0|0||d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d|1 h ago|No slots",
        "indexer|INACTIVE|SELFHOSTED|29/11/2026 13:00:01|default 1/2||1|0||not-a-uuid|1 h ago|No new work",
    });
    QTest::newRow("sample") << QStringLiteral("sample") << lines({
        "notifications-worker|INACTIVE|SELFHOSTED|13 s ago|default 3/5||2|0|GOLANG v0.77.4|6c3eb14b-a66c-4639-9e88-cc046ea24599|20 s ago|No new work",
        "fulfillment-webhook|ACTIVE|WEBHOOK|3 s ago|default 3/100||2|0||6c3eb14b-a66c-4639-9e88-cc046ea24599|18 min ago|OK",
        "email-sender|ACTIVE|MANAGED|1 s ago|default 0/10|queue=email|4|2|TYPESCRIPT 1.10.2|3da561c3-a2b3-40d7-90ca-f8f83972ba4b|58 min ago|OK",
        "render-farm-01|ACTIVE|SELFHOSTED|3 s ago|default 7/8 · durable 2/2|gpu=nvidia-a10g, memory_gb=64, region=us-east-1|7|3|GOLANG v0.77.4|4ba71ab7-ac05-44a5-acc6-be1805fdf179|2 h ago|OK",
        "search-indexer|INACTIVE|SELFHOSTED|2 min ago|default 0/4 · durable 0/1|memory_gb=32, region=us-west-2|3|0|GOLANG v0.76.0||2 h ago|Lost",
        "reports & exports|PAUSED|SELFHOSTED|2 s ago|default 2/4|memory_gb=16, queue=reports|4|2|PYTHON 1.21.1|84a288e9-7cab-4d90-9df8-650c067fd22f|4 h ago|Paused",
        "ml-inference-gpu|INACTIVE|SELFHOSTED|45 s ago|default 1/2|gpu=nvidia-l4, memory_gb=24, region=eu-west-1|2|0|PYTHON 0.47.1|72a89596-4456-4886-9e6f-51fdbe30f442|5 h ago|Lost",
        "video-transcoder|ACTIVE|SELFHOSTED|3 s ago|default 3/4|gpu=none, region=us-east-1|4|1|GOLANG v0.55.1|ae46e15c-4d95-4a99-91e3-a2a76cbd1d7f|11 h ago|OK",
        "web-crawler|INACTIVE|SELFHOSTED|3 h ago|default 0/25|queue=crawl|4|0|TYPESCRIPT 1.9.0|c52bbc8c-eee7-49a2-8aa2-1c5e072022b9|13 h ago|Lost",
        "payments-worker|ACTIVE|SELFHOSTED|3 s ago|default 7/10 · durable ?/5|queue=payments, region=eu-west-1|25|12|PYTHON 1.21.3|37c6f9aa-9a1d-4ac4-8445-af0491d64484|23 h ago|OK",
        "billing-sidecar|ACTIVE|SELFHOSTED|2 s ago|default 0/5||0|0|RUBY 0.2.1|37c6f9aa-9a1d-4ac4-8445-af0491d64484|2 d ago|No actions",
        "invoice-pdf-operator|ACTIVE|SELFHOSTED|2 s ago|default 4/100||2|0||3da561c3-a2b3-40d7-90ca-f8f83972ba4b|4 d ago|OK",
    });
    // A webhook worker of the old era goes by its URL.
    QTest::newRow("webhook-legacy") << QStringLiteral("webhook-legacy.json") << lines({
        "https://hooks.acme-corp.dev/hatchet/webhook?tenant=acme-prod&env=production&v=2|ACTIVE|WEBHOOK|3 s ago|default 3/100||2|0||f3c7e2a0-9d5a-4b8c-9e43-7a0b2c6d5e4f|18 min ago|OK",
    });
    // clang-format on
}

void TestWorkerTableModel::dump() {
    QFETCH(QString, fixture);
    QFETCH(QStringList, expected);
    WorkerTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto snapshot = testutil::loadFixture(fixture);
    model.setSnapshot(snapshot);
    model.setReferenceTime(snapshot->captureTime);
    // Change, Used over time, Verdict and Rank stay empty outside a comparison, a history and a placement
    // (tested on their own).
    QStringList lines = testutil::dump(model);
    for (QString& line : lines) {
        QVERIFY2(line.endsWith(QLatin1String("||||")), qPrintable(line));
        line.chop(4);
    }
    QVERIFY(testutil::sameLines(lines, expected));
}

void TestWorkerTableModel::roles() {
    WorkerTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto snapshot = testutil::loadFixture(QStringLiteral("list-current.json"));
    model.setSnapshot(snapshot);
    model.setReferenceTime(snapshot->captureTime);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.worker(1).name(), QStringLiteral("report-builder"));
    for (int row = 0; row < 3; ++row) {
        for (int column = 0; column < WorkerTableModel::NUM_COLUMNS; ++column) {
            const QModelIndex index = model.index(row, column);
            QCOMPARE(index.data(WorkerTableModel::WorkerIndexRole).toInt(), row);
            QCOMPARE(index.data(hwi::models::NodeRole).toUInt(), snapshot->workers[std::size_t(row)]);
        }
    }
    const auto at = [&](int row, int column, int role) { return model.index(row, column).data(role); };
    using hwi::models::AgeMsecsRole;
    using hwi::models::RawValueRole;
    using hwi::models::SeverityRole;
    using hwi::models::TimeStateRole;
    // order-processor: heartbeat 13:00:03.25Z, 1.75 s before the capture time.
    QCOMPARE(at(0, WorkerTableModel::LastHeartbeatColumn, RawValueRole).toLongLong(),
             QDateTime::fromString(QStringLiteral("2026-11-29T13:00:03.25Z"), Qt::ISODateWithMs)
                 .toMSecsSinceEpoch());
    QCOMPARE(at(0, WorkerTableModel::LastHeartbeatColumn, AgeMsecsRole).toLongLong(), 1750);
    QCOMPARE(at(0, WorkerTableModel::LastHeartbeatColumn, SeverityRole).toInt(), int(HealthLevel::Good));
    QCOMPARE(at(0, WorkerTableModel::LastHeartbeatColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("2026-11-29T13:00:03.250Z\nsilent 1 s: new work until 5 s; reassigned at 30 s"));
    QCOMPARE(at(0, WorkerTableModel::LastHeartbeatColumn, TimeStateRole).toInt(), int(TimeValue::Valid));
    QCOMPARE(at(0, WorkerTableModel::StatusColumn, SeverityRole).toInt(), int(HealthLevel::Good));
    QCOMPARE(at(1, WorkerTableModel::StatusColumn, SeverityRole).toInt(), int(HealthLevel::Warning));
    QCOMPARE(at(2, WorkerTableModel::StatusColumn, SeverityRole).toInt(), int(HealthLevel::Bad));
    // mailer never heartbeated: "never", absent, Bad, sorts first, no age.
    QCOMPARE(at(2, WorkerTableModel::LastHeartbeatColumn, Qt::DisplayRole).toString(),
             QStringLiteral("never"));
    QCOMPARE(at(2, WorkerTableModel::LastHeartbeatColumn, TimeStateRole).toInt(), int(TimeValue::Absent));
    QCOMPARE(at(2, WorkerTableModel::LastHeartbeatColumn, SeverityRole).toInt(), int(HealthLevel::Bad));
    QVERIFY(!at(2, WorkerTableModel::LastHeartbeatColumn, AgeMsecsRole).isValid());
    QCOMPARE(at(2, WorkerTableModel::LastHeartbeatColumn, RawValueRole).toLongLong(),
             std::numeric_limits<qint64>::min());
    // Slots: default 3 used of 5, durable 0 of 1 -> 3/6.
    QCOMPARE(at(0, WorkerTableModel::SlotsColumn, RawValueRole).toDouble(), 0.5);
    const QVariantList capacities =
        at(0, WorkerTableModel::SlotsColumn, WorkerTableModel::SlotCapacitiesRole).toList();
    QCOMPARE(capacities.size(), 2);
    const QVariantMap first = capacities.at(0).toMap();
    QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("default"));
    QCOMPARE(first.value(QStringLiteral("used")).toLongLong(), 3);
    QCOMPARE(first.value(QStringLiteral("limit")).toLongLong(), 5);
    QCOMPARE(at(0, WorkerTableModel::ActionsColumn, RawValueRole).toInt(), 3);
    QCOMPARE(at(0, WorkerTableModel::NameColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b"));

    // A status a newer server may send is kept as written, with Unknown severity.
    model.setSnapshot(testutil::loadFixture(QStringLiteral("tolerant.json")));
    QCOMPARE(at(0, WorkerTableModel::StatusColumn, Qt::DisplayRole).toString(), QStringLiteral("DRAINING"));
    QCOMPARE(at(0, WorkerTableModel::StatusColumn, SeverityRole).toInt(), int(HealthLevel::Unknown));

    // Missing `available`: used unknown, shown as "?".
    const auto tolerant = testutil::snapshotOf(
        R"({"name":"w","slotConfig":{"default":{"limit":5},"durable":{"available":1}},"status":"ACTIVE"})",
        snapshot->captureTime);
    model.setSnapshot(tolerant);
    QCOMPARE(at(0, WorkerTableModel::SlotsColumn, Qt::DisplayRole).toString(),
             QStringLiteral("default ?/5 \u00b7 durable ?/?"));
    QCOMPARE(at(0, WorkerTableModel::SlotsColumn, RawValueRole).toDouble(), -1.0);
    QVERIFY(!at(0, WorkerTableModel::SlotsColumn, WorkerTableModel::SlotCapacitiesRole)
                 .toList()
                 .at(0)
                 .toMap()
                 .value(QStringLiteral("used"))
                 .isValid());
}

void TestWorkerTableModel::referenceTime() {
    WorkerTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto snapshot = testutil::loadFixture(QStringLiteral("list-current.json"));
    model.setSnapshot(snapshot);
    QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changedSpy(&model, &QAbstractItemModel::dataChanged);

    // Without a reference time the absolute time is shown and the age is unknown.
    const QModelIndex beat = model.index(0, WorkerTableModel::LastHeartbeatColumn);
    QCOMPARE(beat.data().toString(), QStringLiteral("2026-11-29T13:00:03.250Z"));
    QCOMPARE(beat.data(hwi::models::SeverityRole).toInt(), int(HealthLevel::Unknown));

    model.setReferenceTime(snapshot->captureTime);
    QCOMPARE(beat.data().toString(), QStringLiteral("1 s ago"));
    model.setReferenceTime(snapshot->captureTime.addSecs(125));
    QCOMPARE(beat.data().toString(), QStringLiteral("2 min ago"));
    QCOMPARE(beat.data(hwi::models::SeverityRole).toInt(), int(HealthLevel::Bad));
    QCOMPARE(model.index(0, WorkerTableModel::CreatedColumn).data().toString(), QStringLiteral("1 h ago"));

    QCOMPARE(resetSpy.size(), 0);
    QCOMPARE(changedSpy.size(), 6); // two time columns and Health, twice
    for (const QList<QVariant>& signal : changedSpy) {
        const auto topLeft = signal.at(0).value<QModelIndex>();
        const auto bottomRight = signal.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.column(), bottomRight.column());
        QVERIFY(topLeft.column() == WorkerTableModel::LastHeartbeatColumn ||
                topLeft.column() == WorkerTableModel::CreatedColumn ||
                topLeft.column() == WorkerTableModel::HealthColumn);
        QCOMPARE(topLeft.row(), 0);
        QCOMPARE(bottomRight.row(), 2);
    }
}

void TestWorkerTableModel::healthColumn() {
    WorkerTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto snapshot = testutil::loadFixture(QStringLiteral("list-current.json"));
    model.setSnapshot(snapshot);
    const QDateTime capture = testutil::captureTimeFor(QStringLiteral("list-current.json"));
    model.setReferenceTime(capture);
    using hwi::models::RawValueRole;
    using hwi::models::SeverityRole;
    const auto at = [&](int row, int role) {
        return model.index(row, WorkerTableModel::HealthColumn).data(role);
    };
    QCOMPARE(model.headerData(WorkerTableModel::HealthColumn, Qt::Horizontal).toString(),
             QStringLiteral("Health"));
    // At 13:00:05: order-processor ok (1.75 s), report-builder paused (2.5 s), mailer never heartbeated.
    QCOMPARE(at(0, Qt::DisplayRole).toString(), QStringLiteral("OK"));
    QCOMPARE(at(1, Qt::DisplayRole).toString(), QStringLiteral("Paused"));
    QCOMPARE(at(2, Qt::DisplayRole).toString(), QStringLiteral("Never seen"));
    QCOMPARE(at(0, SeverityRole).toInt(), int(HealthLevel::Good));
    QCOMPARE(at(1, SeverityRole).toInt(), int(HealthLevel::Warning));
    QCOMPARE(at(2, SeverityRole).toInt(), int(HealthLevel::Bad));
    QCOMPARE(at(0, Qt::ToolTipRole).toString(), QStringLiteral("OK: takes new tasks; heartbeat 1 s ago"));
    QCOMPARE(at(1, Qt::ToolTipRole).toString(),
             QStringLiteral("Paused: takes no new tasks; heartbeat 2 s ago"));
    QCOMPARE(at(2, Qt::ToolTipRole).toString(), QStringLiteral("Never heartbeated: takes no tasks"));
    QCOMPARE(at(1, WorkerTableModel::HealthStatesRole).toInt(),
             int(hwi::hatchet::healthBit(hwi::hatchet::HealthState::Paused)));

    // Sorting by severity: never, then paused, then ok; descending the other way round.
    RawValueSortProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(WorkerTableModel::HealthColumn, Qt::AscendingOrder);
    QCOMPARE(namesInRowOrder(proxy),
             (std::vector<QString>{QStringLiteral("mailer"), QStringLiteral("report-builder"),
                                   QStringLiteral("order-processor")}));
    proxy.sort(WorkerTableModel::HealthColumn, Qt::DescendingOrder);
    QCOMPARE(namesInRowOrder(proxy),
             (std::vector<QString>{QStringLiteral("order-processor"), QStringLiteral("report-builder"),
                                   QStringLiteral("mailer")}));

    // 12 s later: both heartbeating workers are silent; the health changes without a reset, and the
    // heartbeat tooltip names the marks. A status the reference time contradicts is said in the tooltip.
    QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changedSpy(&model, &QAbstractItemModel::dataChanged);
    model.setReferenceTime(capture.addSecs(12));
    QCOMPARE(resetSpy.size(), 0);
    QVERIFY(std::any_of(changedSpy.begin(), changedSpy.end(), [](const QList<QVariant>& signal) {
        return signal.at(0).value<QModelIndex>().column() == WorkerTableModel::HealthColumn &&
               signal.at(1).value<QModelIndex>().row() == 2 &&
               signal.at(2).value<QList<int>>().contains(Qt::ToolTipRole);
    }));
    QCOMPARE(at(0, Qt::DisplayRole).toString(), QStringLiteral("No new work"));
    QCOMPARE(at(0, SeverityRole).toInt(), int(HealthLevel::Warning));
    // 17 s - 3.25 s = 13.75 s; default 3 of 5 and durable 0 of 1 in use: 3 units.
    QCOMPARE(
        at(0, Qt::ToolTipRole).toString(),
        QStringLiteral("Silent for 13 s: takes no new tasks, keeps its runs (3 slot units in use); "
                       "reassigned at 30 s\n"
                       "ACTIVE with a heartbeat 13 s old cannot come from a server at this reference time: "
                       "the file was edited, or the reference time is wrong"));
    QCOMPARE(
        model.index(0, WorkerTableModel::LastHeartbeatColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("2026-11-29T13:00:03.250Z\nsilent 13 s: no new work since 5 s; reassigned at 30 s"));
    QCOMPARE(at(1, Qt::DisplayRole).toString(), QStringLiteral("No new work"));
    model.setReferenceTime(capture.addSecs(120));
    QCOMPARE(at(0, Qt::DisplayRole).toString(), QStringLiteral("Lost"));
    QCOMPARE(at(0, RawValueRole).toInt(), int(hwi::hatchet::HealthState::Lost));
}

void TestWorkerTableModel::refreshInPlace() {
    // A refresh matches workers by id: no reset, rows inserted and updated in place, gone rows kept (marked)
    // until the next refresh, changed cells flagged.
    const auto all = testutil::snapshotOf(syntheticWorkers(8), QDateTime::currentDateTimeUtc());
    WorkerTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSnapshot(pick(*all, {0, 1, 3, 4}));
    const QPersistentModelIndex selected = model.index(2, 0); // worker-3
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy updated(&model, &WorkerTableModel::snapshotUpdated);

    // worker-1 gone, worker-2 new after worker-0, worker-7 new at the end, worker-3 paused now.
    const auto second = pick(*all, {0, 2, 3, 4, 7}, [](QByteArray& text) {
        text.replace("\"available\":3,\"limit\":5}},\"status\":\"ACTIVE\"",
                     "\"available\":3,\"limit\":5}},\"status\":\"PAUSED\"");
    });
    model.updateSnapshot(second);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(inserts.count(), 2);
    QCOMPARE(namesInRowOrder(model),
             (std::vector<QString>{QStringLiteral("worker-0"), QStringLiteral("worker-2"),
                                   QStringLiteral("worker-1"), QStringLiteral("worker-3"),
                                   QStringLiteral("worker-4"), QStringLiteral("worker-7")}));
    QVERIFY(selected.isValid());
    QCOMPARE(selected.row(), 3);
    QCOMPARE(selected.data().toString(), QStringLiteral("worker-3"));
    QCOMPARE(model.appearedCount(), 2);
    QCOMPARE(model.goneCount(), 1);
    using State = WorkerTableModel::RowState;
    const auto state = [&](int row) {
        return State(model.index(row, 0).data(WorkerTableModel::RowStateRole).toInt());
    };
    QCOMPARE(state(0), State::Unchanged);
    QCOMPARE(state(1), State::Appeared);
    QCOMPARE(state(2), State::Gone);
    QCOMPARE(state(3), State::Changed);
    QCOMPARE(state(4), State::Unchanged);
    QCOMPARE(state(5), State::Appeared);
    // Gone rows no longer point into the snapshot; the others point at their worker in the new one.
    QCOMPARE(model.index(2, 0).data(WorkerTableModel::WorkerIndexRole).toInt(), -1);
    QVERIFY(!model.index(2, 0).data(hwi::models::NodeRole).isValid());
    QVERIFY(
        model.index(2, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("not in the refresh")));
    for (int row : {0, 1, 3, 4, 5}) {
        const int worker = model.index(row, 0).data(WorkerTableModel::WorkerIndexRole).toInt();
        QCOMPARE(second->worker(std::size_t(worker)).name(), model.index(row, 0).data().toString());
    }
    // Only worker-3's status cell changed, and with it its health (paused).
    for (int column = 0; column < WorkerTableModel::NUM_COLUMNS; ++column) {
        QCOMPARE(model.index(3, column).data(WorkerTableModel::ChangedRole).toBool(),
                 column == WorkerTableModel::StatusColumn || column == WorkerTableModel::HealthColumn);
        QVERIFY(!model.index(0, column).data(WorkerTableModel::ChangedRole).toBool());
    }
    QCOMPARE(model.index(3, WorkerTableModel::StatusColumn).data().toString(), QStringLiteral("PAUSED"));

    // The next refresh drops the gone row and clears the marks.
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);
    model.updateSnapshot(second);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(removals.count(), 1);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.appearedCount(), 0);
    QCOMPARE(model.goneCount(), 0);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(state(row), State::Unchanged);
    QCOMPARE(selected.data().toString(), QStringLiteral("worker-3"));

    // Everything gone, then everything back: still no reset.
    model.updateSnapshot(pick(*all, {}));
    QCOMPARE(model.goneCount(), 5);
    model.updateSnapshot(pick(*all, {5}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("worker-5"));
    QCOMPARE(resets.count(), 0);
}

void TestWorkerTableModel::refreshThroughFilter() {
    // The filter proxy re-filters against the new snapshot without a reset of its own.
    const auto all = testutil::snapshotOf(syntheticWorkers(6), QDateTime::currentDateTimeUtc());
    WorkerTableModel model;
    hwi::filter::WorkerFilterProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    model.setSnapshot(pick(*all, {0, 1, 2, 3, 4, 5}));
    proxy.setQuery(std::get<hwi::filter::Query>(hwi::filter::Query::parse(QStringLiteral("status:active"))));
    QCOMPARE(namesInRowOrder(proxy),
             (std::vector<QString>{QStringLiteral("worker-0"), QStringLiteral("worker-3")}));
    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
    // worker-0 paused, worker-1 active, worker-3 gone.
    model.updateSnapshot(pick(*all, {0, 1, 2, 4, 5}, [](QByteArray& text) {
        text.replace("\"name\":\"worker-0\",\"runtimeInfo\":{\"language\":\"PYTHON\",\"sdkVersion\":\"1.0\"},"
                     "\"slotConfig\":{\"default\":{\"available\":0,\"limit\":5}},\"status\":\"ACTIVE\"",
                     "\"name\":\"worker-0\",\"runtimeInfo\":{\"language\":\"PYTHON\",\"sdkVersion\":\"1.0\"},"
                     "\"slotConfig\":{\"default\":{\"available\":0,\"limit\":5}},\"status\":\"PAUSED\"");
        text.replace("\"available\":1,\"limit\":5}},\"status\":\"PAUSED\"",
                     "\"available\":1,\"limit\":5}},\"status\":\"ACTIVE\"");
    }));
    QCOMPARE(resets.count(), 0);
    // Gone rows stay listed whatever the filter, so the user sees what disappeared.
    QCOMPARE(namesInRowOrder(proxy),
             (std::vector<QString>{QStringLiteral("worker-1"), QStringLiteral("worker-3")}));
}

void TestWorkerTableModel::reload() {
    // Only a new snapshot resets; an empty or null snapshot gives no rows.
    WorkerTableModel model;
    RawValueSortProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
    QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
    model.setSnapshot(testutil::loadFixture(QStringLiteral("list-current.json")));
    proxy.sort(WorkerTableModel::NameColumn);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("mailer"));
    model.setSnapshot(testutil::loadFixture(QStringLiteral("sample")));
    QCOMPARE(proxy.rowCount(), 12);
    model.setSnapshot(testutil::loadFixture(QStringLiteral("not-workers.json")));
    QCOMPARE(model.rowCount(), 0);
    model.setSnapshot(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resetSpy.size(), 4);
}

void TestWorkerTableModel::sortEveryColumn_data() {
    QTest::addColumn<QString>("fixture");
    for (const char* name : {"list-current.json", "list-legacy.json", "invalid-types.json", "sample"})
        QTest::newRow(name) << QString::fromLatin1(name);
    QTest::newRow("synthetic") << QString();
}

void TestWorkerTableModel::sortEveryColumn() {
    QFETCH(QString, fixture);
    WorkerTableModel model;
    RawValueSortProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
    const auto snapshot = fixture.isEmpty() ? testutil::snapshotOf(syntheticWorkers(300), QDateTime())
                                            : testutil::loadFixture(fixture);
    model.setSnapshot(snapshot);
    model.setReferenceTime(snapshot->captureTime);
    for (int column = 0; column < WorkerTableModel::NUM_COLUMNS; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            QCOMPARE(proxy.rowCount(), model.rowCount());
            for (int row = 0; row + 1 < proxy.rowCount(); ++row) {
                QModelIndex a = proxy.mapToSource(proxy.index(row, column));
                QModelIndex b = proxy.mapToSource(proxy.index(row + 1, column));
                if (order == Qt::DescendingOrder)
                    std::swap(a, b);
                QVERIFY2(
                    proxy.lessThan(a, b) && !proxy.lessThan(b, a),
                    qPrintable(QStringLiteral("column %1 rows %2/%3").arg(column).arg(a.row()).arg(b.row())));
            }
            for (int row = 0; row < model.rowCount(); ++row)
                QVERIFY(!proxy.lessThan(model.index(row, column), model.index(row, column)));
            // The ranks lessThan() read give the order of the values themselves (ties by source row).
            for (int row = 0; row + 1 < proxy.rowCount(); ++row) {
                QModelIndex a = proxy.mapToSource(proxy.index(row, column));
                QModelIndex b = proxy.mapToSource(proxy.index(row + 1, column));
                if (order == Qt::DescendingOrder)
                    std::swap(a, b);
                const int byValue =
                    proxy.compareValues(a.data(hwi::models::RawValueRole), b.data(hwi::models::RawValueRole));
                QVERIFY2(
                    byValue < 0 || (byValue == 0 && a.row() < b.row()),
                    qPrintable(QStringLiteral("column %1 rows %2/%3").arg(column).arg(a.row()).arg(b.row())));
            }
        }
    }
}

void TestWorkerTableModel::largeLoad() {
    QByteArray bytes;
    int expected = 10'000;
#ifdef HWI_GENERATOR
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("workers.json"));
    if (QProcess::execute(QStringLiteral(HWI_GENERATOR), {QString::number(expected), file}) == 0) {
        QFile in(file);
        if (in.open(QIODevice::ReadOnly))
            bytes = in.readAll();
    }
#endif
    if (bytes.isEmpty()) {
        expected = 2'000;
        bytes = syntheticWorkers(expected);
    }
    const auto snapshot = testutil::snapshotOf(
        bytes, QDateTime::fromString(QStringLiteral("2026-11-29T13:00:05Z"), Qt::ISODate));
    QCOMPARE(int(snapshot->workers.size()), expected);

    WorkerTableModel model;
    RawValueSortProxy proxy;
    proxy.setSourceModel(&model);
    QElapsedTimer timer;
    timer.start();
    model.setSnapshot(snapshot);
    const double first = double(timer.nsecsElapsed()) / 1e6;
    double best = first;
    for (int i = 0; i < 3; ++i) {
        timer.restart();
        model.setSnapshot(snapshot);
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    QCOMPARE(model.rowCount(), expected);
    model.setReferenceTime(snapshot->captureTime);
    timer.restart();
    proxy.sort(WorkerTableModel::LastHeartbeatColumn);
    const double sortHeartbeat = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    proxy.sort(WorkerTableModel::NameColumn);
    const double sortName = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    model.setReferenceTime(snapshot->captureTime.addSecs(1));
    const double tick = double(timer.nsecsElapsed()) / 1e6;
    qInfo("WorkerTableModel: %d workers (%.1f MB of JSON): first load %.1f ms, best of 3 reloads %.1f ms; "
          "proxy sort by heartbeat %.1f ms, by name %.1f ms; reference time tick (sorted proxy) %.1f ms",
          expected, double(bytes.size()) / 1e6, first, best, sortHeartbeat, sortName, tick);
}

// Rows prepared apart (on another thread) and installed later are the rows setSnapshot() makes.
void TestWorkerTableModel::preparedRows() {
    QFETCH(QString, fixture);
    const auto snapshot = testutil::loadFixture(fixture);
    WorkerTableModel direct;
    direct.setSnapshot(snapshot);
    direct.setReferenceTime(snapshot->captureTime);

    WorkerTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSnapshot(testutil::loadFixture(QStringLiteral("list-legacy.json"))); // rows to replace
    const int before = model.rowCount();
    QCOMPARE(before, 2);
    const WorkerTableModel::PreparedRows prepared =
        QtConcurrent::run([snapshot] { return WorkerTableModel::prepareRows(snapshot); }).result();
    QCOMPARE(prepared.size(), snapshot->workers.size());
    QCOMPARE(prepared.snapshot(), snapshot);
    QCOMPARE(model.rowCount(), before); // nothing shown before setPrepared()
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setPrepared(prepared);
    QCOMPARE(resets.size(), 1);
    QCOMPARE(prepared.size(), std::size_t(0)); // taken
    QCOMPARE(model.snapshot(), snapshot);
    model.setReferenceTime(snapshot->captureTime);
    for (const int role : {int(Qt::DisplayRole), int(hwi::models::RawValueRole), int(Qt::ToolTipRole),
                           int(hwi::models::SeverityRole), int(WorkerTableModel::WorkerIndexRole)})
        QCOMPARE(testutil::dump(model, role), testutil::dump(direct, role));
    model.setPrepared({}); // nothing
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.snapshot());
}

// The window's way on a large document: rows built by a background job while the event loop turns, the
// filter proxy's index set first, then the rows installed; the proxy keeps the index and filters.
void TestWorkerTableModel::preparedRowsInBackground() {
    const auto snapshot = testutil::snapshotOf(
        syntheticWorkers(3000), QDateTime::fromString(QStringLiteral("2026-11-29T13:00:05Z"), Qt::ISODate));
    WorkerTableModel model;
    hwi::filter::WorkerFilterProxy proxy;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setQuery(std::get<hwi::filter::Query>(hwi::filter::Query::parse(QStringLiteral("status:paused"))));
    QFutureWatcher<WorkerTableModel::PreparedRows> watcher;
    bool installed = false;
    connect(&watcher, &QFutureWatcherBase::finished, this, [&] {
        model.setPrepared(watcher.result());
        installed = true;
    });
    watcher.setFuture(QtConcurrent::run([snapshot] { return WorkerTableModel::prepareRows(snapshot); }));
    const auto index = std::make_shared<const hwi::filter::WorkerIndex>(*snapshot);
    proxy.setIndex(index);
    QTRY_VERIFY(installed);
    QCOMPARE(model.rowCount(), 3000);
    QCOMPARE(proxy.workerIndex(), index);
    QCOMPARE(proxy.rowCount(), 1000);
    QCOMPARE(proxy.index(0, WorkerTableModel::StatusColumn).data().toString(), QStringLiteral("PAUSED"));
}

void TestWorkerTableModel::naturalNameOrder() {
    // Numbers in names by value, case aside: worker-2 < worker-10 < Worker-11, through the proxy.
    const auto all = testutil::snapshotOf(syntheticWorkers(12), QDateTime::currentDateTimeUtc());
    const auto snapshot = pick(*all, {11, 10, 2, 1, 0}, [](QByteArray& text) {
        text.replace("\"name\":\"worker-11\"", "\"name\":\"Worker-11\"");
    });
    WorkerTableModel model;
    RawValueSortProxy proxy;
    proxy.setSourceModel(&model);
    model.setSnapshot(snapshot);
    proxy.sort(WorkerTableModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(namesInRowOrder(proxy),
             (std::vector<QString>{QStringLiteral("worker-0"), QStringLiteral("worker-1"),
                                   QStringLiteral("worker-2"), QStringLiteral("worker-10"),
                                   QStringLiteral("Worker-11")}));
    proxy.sort(WorkerTableModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(namesInRowOrder(proxy).front(), QStringLiteral("Worker-11"));
}

void TestWorkerTableModel::naturalCompareIsStrictAndTotal() {
    const QStringList values = {QStringLiteral("worker-2"),
                                QStringLiteral("worker-10"),
                                QStringLiteral("Worker-11"),
                                QStringLiteral("worker-02"),
                                QStringLiteral("WORKER-2"),
                                QStringLiteral("worker-"),
                                QStringLiteral("worker"),
                                QStringLiteral("worker2"),
                                QStringLiteral("2worker"),
                                QStringLiteral("10"),
                                QStringLiteral("9"),
                                QStringLiteral("09"),
                                QStringLiteral(""),
                                QStringLiteral("a b"),
                                QStringLiteral("a-b"),
                                QStringLiteral("\u00e9t\u00e9"),
                                QStringLiteral("ete"),
                                QStringLiteral("x99999999999999999999999"),
                                QStringLiteral("x100000000000000000000000"),
                                QStringLiteral("x1y2"),
                                QStringLiteral("x1y10")};
    RawValueSortProxy proxy;
    const auto compare = [&proxy](const QString& a, const QString& b) {
        return proxy.compareValues(QVariant(a), QVariant(b));
    };
    QVERIFY(compare(QStringLiteral("worker-2"), QStringLiteral("worker-10")) < 0);
    QVERIFY(compare(QStringLiteral("worker-10"), QStringLiteral("Worker-11")) < 0);
    QVERIFY(compare(QStringLiteral("x1y2"), QStringLiteral("x1y10")) < 0);
    QVERIFY(compare(QStringLiteral("x99999999999999999999999"), QStringLiteral("x100000000000000000000000")) <
            0);
    for (const QString& a : values) {
        QCOMPARE(compare(a, a), 0);
        for (const QString& b : values) {
            const int ab = compare(a, b);
            QVERIFY2(a == b || ab != 0, qPrintable(a + QLatin1Char(' ') + b));
            QCOMPARE(ab<0, compare(b, a)> 0);
            for (const QString& c : values) {
                if (ab < 0 && compare(b, c) < 0)
                    QVERIFY2(compare(a, c) < 0, qPrintable(a + QLatin1Char(' ') + b + QLatin1Char(' ') + c));
            }
        }
    }
}

namespace {

// One column of values at RawValueRole, for the sort proxy alone.
class ValueModel final : public QAbstractListModel {
public:
    explicit ValueModel(QVariantList values)
        : m_values(std::move(values)) {}
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : int(m_values.size());
    }
    QVariant data(const QModelIndex& index, int role) const override {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != hwi::models::RawValueRole)
            return {};
        return m_values[index.row()];
    }
    void setValue(int row, const QVariant& value) {
        m_values[row] = value;
        Q_EMIT dataChanged(index(row), index(row));
    }
    void insertValues(int row, const QVariantList& values) {
        beginInsertRows({}, row, row + int(values.size()) - 1);
        for (int i = 0; i < values.size(); ++i)
            m_values.insert(row + i, values[i]);
        endInsertRows();
    }
    void reverse() { // a layout change, as a source's own sort makes
        Q_EMIT layoutAboutToBeChanged();
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        for (const QModelIndex& index : before)
            after << this->index(int(m_values.size()) - 1 - index.row());
        std::reverse(m_values.begin(), m_values.end());
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged();
    }

private:
    QVariantList m_values;
};

// The source rows in the order compareValues() gives them (ties by row): what a sort must show.
std::vector<int> orderByValues(const RawValueSortProxy& proxy, const QAbstractItemModel& model) {
    std::vector<int> rows(std::size_t(model.rowCount()));
    std::iota(rows.begin(), rows.end(), 0);
    std::sort(rows.begin(), rows.end(), [&](int a, int b) {
        const int byValue = proxy.compareValues(model.index(a, 0).data(hwi::models::RawValueRole),
                                                model.index(b, 0).data(hwi::models::RawValueRole));
        return byValue != 0 ? byValue < 0 : a < b;
    });
    return rows;
}

std::vector<int> proxyOrder(const RawValueSortProxy& proxy) {
    std::vector<int> rows;
    for (int row = 0; row < proxy.rowCount(); ++row)
        rows.push_back(proxy.mapToSource(proxy.index(row, 0)).row());
    return rows;
}

} // namespace

void TestWorkerTableModel::rankedSortMatchesValueOrder() {
    // Text in natural order (case, leading zeros, long digit runs, accents, prefixes), numbers of every
    // kind, invalid values, repeats: the precomputed ranks sort exactly as the values compare.
    QVariantList values;
    for (const char* text : {"worker-2",
                             "worker-10",
                             "Worker-11",
                             "worker-02",
                             "WORKER-2",
                             "worker-",
                             "worker",
                             "worker2",
                             "2worker",
                             "10",
                             "9",
                             "09",
                             "",
                             "a b",
                             "a-b",
                             "ete",
                             "x99999999999999999999999",
                             "x100000000000000000000000",
                             "x1y2",
                             "x1y10",
                             "worker-2",
                             "00",
                             "0",
                             "a0b",
                             "A0B"})
        values << QString::fromLatin1(text);
    values << QStringLiteral("\u00e9t\u00e9") << QStringLiteral("\u00c9t\u00e9");
    values << QVariant(qint64(5)) << QVariant(-3) << QVariant(2.5) << QVariant(std::nan(""))
           << QVariant(qint64(5)) << QVariant(quint64(std::numeric_limits<quint64>::max())) << QVariant(true)
           << QVariant() << QVariant() << QVariant(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
    ValueModel model(values);
    RawValueSortProxy proxy;
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(0, Qt::AscendingOrder);
    QVERIFY(proxy.hasRanks());
    const std::vector<int> expected = orderByValues(proxy, model);
    QCOMPARE(proxyOrder(proxy), expected);
    proxy.sort(0, Qt::DescendingOrder);
    QCOMPARE(proxyOrder(proxy), std::vector<int>(expected.rbegin(), expected.rend()));
}

void TestWorkerTableModel::ranksFollowTheSource() {
    QVariantList values;
    for (int i = 0; i < 200; ++i)
        values << QStringLiteral("w-%1").arg((i * 37) % 200);
    ValueModel model(values);
    RawValueSortProxy proxy;
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(0);
    QVERIFY(proxy.hasRanks());
    // A change of one row: the ranks go, the row moves to its place comparing values.
    model.setValue(0, QStringLiteral("a-first"));
    QVERIFY(!proxy.hasRanks());
    QCOMPARE(proxyOrder(proxy), orderByValues(proxy, model));
    proxy.sort(0, Qt::DescendingOrder);
    QVERIFY(proxy.hasRanks());
    // Rows inserted: no ranks until the next sort; the order stays right.
    model.insertValues(5, {QStringLiteral("w-77"), QStringLiteral("zz")});
    QVERIFY(!proxy.hasRanks());
    const std::vector<int> ascending = orderByValues(proxy, model);
    QCOMPARE(proxyOrder(proxy), std::vector<int>(ascending.rbegin(), ascending.rend()));
    // A layout change of the source ranks again.
    proxy.sort(0, Qt::AscendingOrder);
    model.reverse();
    QVERIFY(proxy.hasRanks());
    QCOMPARE(proxyOrder(proxy), orderByValues(proxy, model));
    // No sort column: no ranks.
    proxy.sort(-1);
    QVERIFY(!proxy.hasRanks());
}

void TestWorkerTableModel::changedCount() {
    const auto all = testutil::snapshotOf(syntheticWorkers(8), QDateTime::currentDateTimeUtc());
    WorkerTableModel model;
    model.setSnapshot(pick(*all, {0, 1, 3, 4}));
    QCOMPARE(model.changedCount(), 0);
    QCOMPARE(model.workerCount(), 4);
    // worker-1 gone, worker-2 and worker-7 new, worker-3 paused now: one changed.
    model.updateSnapshot(pick(*all, {0, 2, 3, 4, 7}, [](QByteArray& text) {
        text.replace("\"available\":3,\"limit\":5}},\"status\":\"ACTIVE\"",
                     "\"available\":3,\"limit\":5}},\"status\":\"PAUSED\"");
    }));
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.workerCount(), 5);
    QCOMPARE(model.appearedCount(), 2);
    QCOMPARE(model.goneCount(), 1);
    QCOMPARE(model.changedCount(), 1);
    QVERIFY(WorkerTableModel::isGoneRow(model.index(2, 0)));
    QVERIFY(!WorkerTableModel::isGoneRow(model.index(3, 0)));
    // The same again: nothing changed, the gone row removed.
    model.updateSnapshot(pick(*all, {0, 2, 3, 4, 7}, [](QByteArray& text) {
        text.replace("\"available\":3,\"limit\":5}},\"status\":\"ACTIVE\"",
                     "\"available\":3,\"limit\":5}},\"status\":\"PAUSED\"");
    }));
    QCOMPARE(model.changedCount(), 0);
    QCOMPARE(model.goneCount(), 0);
    QCOMPARE(model.workerCount(), 5);
    QCOMPARE(model.rowCount(), 5);
}

namespace {

std::vector<std::size_t> everyWorker(const hwi::hatchet::Snapshot& snapshot) {
    std::vector<std::size_t> all(snapshot.workers.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    return all;
}

std::shared_ptr<const hwi::analysis::SnapshotDiff> diffOf(const hwi::hatchet::Snapshot& older,
                                                          const hwi::hatchet::Snapshot& newer) {
    return std::make_shared<const hwi::analysis::SnapshotDiff>(
        hwi::analysis::diffSnapshots(older, everyWorker(older), newer, everyWorker(newer)));
}

QStringList columnsOf(const QAbstractItemModel& model, std::initializer_list<int> columns, int role) {
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (const int column : columns)
            cells << model.index(row, column).data(role).toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

} // namespace

// A comparison adds the gone workers at the end (rows inserted, no reset), says per row what happened and
// ends by removing them again.
void TestWorkerTableModel::comparison() {
    using hwi::analysis::ChangeKind;
    const auto older = testutil::loadFixture(QStringLiteral("diff-old.json"));
    const auto newer = testutil::loadFixture(QStringLiteral("diff-new.json"));
    WorkerTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSnapshot(newer);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setComparison(diffOf(*older, *newer), older);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 5); // after the five workers of the newer snapshot
    QCOMPARE(inserted.first().at(2).toInt(), 7);
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.workerCount(), 5);
    const int name = WorkerTableModel::NameColumn;
    const int change = WorkerTableModel::ChangeColumn;
    QCOMPARE(columnsOf(model, {name, change}, Qt::DisplayRole),
             lines({"new-one|appeared", "alpha|changed \u00b7 11 fields", "gamma|replaced \u00b7 1 field",
                    "dup|appeared", "eps|", "beta|gone", "dup|gone", "dup|gone"}));
    QCOMPARE(columnsOf(model, {change}, WorkerTableModel::ChangeKindRole),
             lines({"0", "3", "2", "0", "-1", "1", "1", "1"}));
    QCOMPARE(columnsOf(model, {change}, hwi::models::SeverityRole),
             lines({"0", "1", "1", "0", "", "2", "2", "2"}));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(WorkerTableModel::isGoneRow(model.index(row, 0)), row >= 5);
    QCOMPARE(model.changeOf(1)->kind, ChangeKind::Changed);
    QCOMPARE(model.changeOf(4), nullptr);
    QCOMPARE(model.changeOf(5)->name, QStringLiteral("beta"));
    // Gone rows read the older snapshot: beta's status and id.
    QCOMPARE(model.index(5, WorkerTableModel::StatusColumn).data().toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(model.index(5, name).data(Qt::ToolTipRole).toString(),
             QStringLiteral("a0000000-0000-0000-0000-000000000002"));
    QCOMPARE(model.index(2, change).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Restarted under a new id (was a0000000-0000-0000-0000-000000000003)\n"
                            "runtimeInfo/sdkVersion: 2.0.0 \u2192 2.1.0"));
    QCOMPARE(model.index(5, change).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Only in the older snapshot"));
    QVERIFY(model.index(1, change)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral(
                    "status: ACTIVE \u2192 PAUSED\nruntimeInfo/sdkVersion: 1.0.0 \u2192 1.1.0\n"
                    "runtimeInfo/os: linux \u2192 (none)")));

    model.setComparison(nullptr, nullptr);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.workerCount(), 5);
    QCOMPARE(columnsOf(model, {change}, WorkerTableModel::ChangeKindRole),
             lines({"-1", "-1", "-1", "-1", "-1"}));
    QCOMPARE(reset.size(), 0);
}

// A refresh ends the comparison's rows in place (the caller sets the new diff); a refresh's own gone rows and
// the comparison's count apart.
void TestWorkerTableModel::refreshDuringComparison() {
    const auto older = testutil::loadFixture(QStringLiteral("diff-old.json"));
    const auto newer = testutil::loadFixture(QStringLiteral("diff-new.json"));
    WorkerTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSnapshot(older);
    model.setComparison(diffOf(*older, *older), older); // nothing differs: no rows added
    QCOMPARE(model.rowCount(), 6);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.updateSnapshot(newer); // beta, dup, dup and gamma (old id) gone; three appeared
    QVERIFY(!model.comparison());
    QCOMPARE(model.goneCount(), 4);
    QCOMPARE(model.workerCount(), 5);
    QCOMPARE(model.rowCount(), 9);
    model.setComparison(diffOf(*older, *newer), older);
    QCOMPARE(model.workerCount(), 5);
    QCOMPARE(model.rowCount(), 12); // the refresh's four gone rows, and the comparison's three at the end
    QCOMPARE(model.index(11, WorkerTableModel::ChangeColumn).data(WorkerTableModel::ChangeKindRole).toInt(),
             int(hwi::analysis::ChangeKind::Gone));

    // The next refresh drops both kinds of gone rows.
    model.updateSnapshot(newer);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.workerCount(), 5);
    QCOMPARE(reset.size(), 0);
}

void TestWorkerTableModel::usageSeries() {
    const auto newer = testutil::loadFixture(QStringLiteral("diff-new.json"));
    WorkerTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSnapshot(newer);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setUsageSeries({{QStringLiteral("a0000000-0000-0000-0000-000000000001"), {2, -1, 3}}});
    QCOMPARE(changed.size(), 1);
    const QModelIndex alpha = model.index(1, WorkerTableModel::UsageColumn);
    const QVariantList series = alpha.data(WorkerTableModel::UsageSeriesRole).toList();
    QCOMPARE(series.size(), 3);
    QCOMPARE(series[0].toLongLong(), 2);
    QVERIFY(!series[1].isValid());
    QCOMPARE(alpha.data(hwi::models::RawValueRole).toLongLong(), 3);
    QVERIFY(!model.index(0, WorkerTableModel::UsageColumn).data(WorkerTableModel::UsageSeriesRole).isValid());
}

namespace {

// place-labels.json with the task of tests/expected/place-labels-required.tsv: +gpu=a100 and
// region=eu-west-1@50, at the fixtures' "now".
std::shared_ptr<const hwi::analysis::Placement> requiredGpuPlacement(const hwi::hatchet::Snapshot& snapshot) {
    using namespace hwi::analysis;
    Task task;
    task.action = QStringLiteral("render:frame");
    task.labels = {{QStringLiteral("gpu"), Comparator::Equal, QStringLiteral("a100"), true, 100},
                   {QStringLiteral("region"), Comparator::Equal, QStringLiteral("eu-west-1"), false, 50}};
    std::vector<std::size_t> all(snapshot.workers.size());
    std::iota(all.begin(), all.end(), std::size_t(0));
    const qint64 now =
        QDateTime::fromString(QStringLiteral("2026-11-29T13:00:05Z"), Qt::ISODate).toMSecsSinceEpoch();
    return std::make_shared<const Placement>(place(task, snapshot, all, now));
}

} // namespace

void TestWorkerTableModel::placementColumns() {
    const auto snapshot = testutil::loadFixture(QStringLiteral("place-labels.json"));
    WorkerTableModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setSnapshot(snapshot);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setPlacement(requiredGpuPlacement(*snapshot));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(resets.size(), 0);
    QStringList table;
    for (int row = 0; row < model.rowCount(); ++row) {
        table << model.index(row, WorkerTableModel::NameColumn).data().toString() + QLatin1Char(' ') +
                     model.index(row, WorkerTableModel::VerdictColumn).data().toString() + QLatin1Char(' ') +
                     model.index(row, WorkerTableModel::RankColumn).data().toString();
    }
    QCOMPARE(table.join(QLatin1Char(',')),
             QStringLiteral("render-a fits 150,render-b fits 100,render-c fits 150,render-d excluded -,"
                            "render-e excluded -,render-f fits 150,render-g excluded -"));
    using hwi::models::SeverityRole;
    QCOMPARE(model.index(0, WorkerTableModel::VerdictColumn).data(SeverityRole).toInt(),
             int(HealthLevel::Good));
    QCOMPARE(model.index(3, WorkerTableModel::VerdictColumn).data(SeverityRole).toInt(),
             int(HealthLevel::Bad));
    QCOMPARE(model.index(3, WorkerTableModel::VerdictColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("label gpu=t4, wants gpu=a100 (required)"));
    QCOMPARE(model.index(6, WorkerTableModel::VerdictColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("default: available 0 < 1 unit\nlabel gpu=h100, wants gpu=a100 (required)"));

    model.setPlacement(nullptr);
    QVERIFY(!model.index(0, WorkerTableModel::VerdictColumn).data().isValid());
    QVERIFY(!model.index(0, WorkerTableModel::RankColumn).data(hwi::models::RawValueRole).isValid());
}

void TestWorkerTableModel::placementSortsAndFilters() {
    const auto snapshot = testutil::loadFixture(QStringLiteral("place-labels.json"));
    WorkerTableModel model;
    hwi::filter::WorkerFilterProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
    model.setSnapshot(snapshot);
    const auto placement = requiredGpuPlacement(*snapshot);
    model.setPlacement(placement);

    // Highest rank first, excluded workers last; fits before full before too-small before excluded.
    proxy.sort(WorkerTableModel::RankColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, WorkerTableModel::RankColumn).data().toString(), QStringLiteral("150"));
    QCOMPARE(proxy.index(3, WorkerTableModel::RankColumn).data().toString(), QStringLiteral("100"));
    QCOMPARE(proxy.index(6, WorkerTableModel::RankColumn).data().toString(), QStringLiteral("-"));
    proxy.sort(WorkerTableModel::VerdictColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, WorkerTableModel::VerdictColumn).data().toString(), QStringLiteral("fits"));
    QCOMPARE(proxy.index(6, WorkerTableModel::VerdictColumn).data().toString(), QStringLiteral("excluded"));

    // verdict: reads the verdicts the window hands the proxy; without them it matches nothing.
    proxy.setQuery(
        std::get<hwi::filter::Query>(hwi::filter::Query::parse(QStringLiteral("verdict:excluded"))));
    QCOMPARE(proxy.rowCount(), 0);
    std::vector<qint8> verdicts(snapshot->workers.size());
    for (const auto& worker : placement->workers)
        verdicts[worker.worker] = qint8(worker.verdict);
    proxy.setVerdicts(verdicts);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setQuery(std::get<hwi::filter::Query>(hwi::filter::Query::parse(QStringLiteral("-verdict:FITS"))));
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setQuery(
        std::get<hwi::filter::Query>(hwi::filter::Query::parse(QStringLiteral("verdict:fits,full"))));
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setVerdicts({});
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestWorkerTableModel)
#include "tst_workertablemodel.moc"
