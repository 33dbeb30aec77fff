// The Fleet page's pivot table (PivotModel), its "only rows that cannot run" filter and the filter query of
// a pivot row, on tests/fixtures/fleet.json (worked out by hand in tests/fixtures/README.md).
#include "itemmodeltestutil.h"

#include "analysis/fleet.h"
#include "filter/query.h"
#include "filter/workerindex.h"
#include "itemmodels/pivotmodel.h"
#include "itemmodels/rawvaluesortproxy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hwi;
using analysis::PivotKey;
using models::PivotModel;

namespace {

std::vector<std::size_t> allWorkers(const hatchet::Snapshot& snapshot) {
    std::vector<std::size_t> all(snapshot.workers.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    return all;
}

qint64 captureMsecs() {
    return testutil::captureTimeFor(QStringLiteral("fleet.json")).toMSecsSinceEpoch();
}

std::vector<analysis::PivotRow> fleetPivot(PivotKey key, const std::vector<std::size_t>& workers = {}) {
    const auto snapshot = testutil::loadFixture(QStringLiteral("fleet.json"));
    return analysis::pivot(*snapshot, workers.empty() ? allWorkers(*snapshot) : workers, key, captureMsecs());
}

} // namespace

class TestPivotModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowQuery_data();
    void rowQuery();
    void queriesMatchTheRowsWorkers_data();
    void queriesMatchTheRowsWorkers();
    void dump_data();
    void dump();
    void redRows();
    void refreshKeepsRows();
    void anotherKeyResets();
    void onlyProblems();
    void sortsOnRawValues();
};

void TestPivotModel::rowQuery_data() {
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("query");
    const auto add = [](const char* name, PivotKey key, const char* value, const char* query) {
        QTest::newRow(name) << int(key) << QString::fromUtf8(value) << QString::fromUtf8(query);
    };
    add("action", PivotKey::Action, "etl:load", "action:=etl:load");
    add("workflow", PivotKey::Workflow, "etl", "workflow:=etl");
    add("workflow with a space", PivotKey::Workflow, "nightly etl", "workflow:=\"nightly etl\"");
    add("label", PivotKey::Label, "gpu=a100", "label:=gpu=a100");
    add("label without value", PivotKey::Label, "gpu", "label:=gpu");
    add("label with a comma", PivotKey::Label, "zones=a,b", "label:=\"zones=a,b\"");
    add("slot type", PivotKey::SlotType, "durable", "slot-type:=durable");
    add("a quote cannot be written", PivotKey::Action, "say:\"hi\"", "");
}

// A row's QueryRole is the exact term of its key and value (what the filter box gets on a click).
void TestPivotModel::rowQuery() {
    QFETCH(int, key);
    QFETCH(QString, value);
    QFETCH(QString, query);
    PivotModel model;
    analysis::PivotRow row;
    row.key = value;
    model.setPivot(PivotKey(key), {row});
    QCOMPARE(model.index(0, 0).data(PivotModel::QueryRole).toString(), query);
}

// The query of every row of fleet.json's action, workflow, label and slot-type pivots shows exactly the row's
// workers.
void TestPivotModel::queriesMatchTheRowsWorkers_data() {
    QTest::addColumn<int>("key");
    QTest::newRow("action") << int(PivotKey::Action);
    QTest::newRow("workflow") << int(PivotKey::Workflow);
    QTest::newRow("label") << int(PivotKey::Label);
    QTest::newRow("slot-type") << int(PivotKey::SlotType);
}

void TestPivotModel::queriesMatchTheRowsWorkers() {
    QFETCH(int, key);
    const auto snapshot = testutil::loadFixture(QStringLiteral("fleet.json"));
    const filter::WorkerIndex index(*snapshot);
    for (const analysis::PivotRow& row : fleetPivot(PivotKey(key))) {
        const QString text =
            filter::Query::exactTerm(analysis::pivotKeyId(PivotKey(key)), row.key).value_or(QString());
        auto parsed = filter::Query::parse(text);
        QVERIFY2(std::holds_alternative<filter::Query>(parsed), qPrintable(text));
        QCOMPARE(filter::matchingWorkers(index, std::get<filter::Query>(parsed), captureMsecs()),
                 row.workerIndexes);
    }
}

void TestPivotModel::dump_data() {
    QTest::addColumn<int>("key");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("action") << int(PivotKey::Action)
                            << testutil::lines(
                                   {"etl:extract|1|1|0|0|1|2|4|", "etl:load|2|2|0|0|2|2|7|",
                                    "mail:send|3|2|0|1|1|0|3|its only live worker is full",
                                    "report:render|2|0|1|1|0|0|0|no live worker registers report:render"});
    QTest::newRow("workflow") << int(PivotKey::Workflow)
                              << testutil::lines({"etl|2|2|0|0|2|2|7|",
                                                  "mail|3|2|0|1|1|0|3|its only live worker is full",
                                                  "report|2|0|1|1|0|0|0|no live worker registers report"});
    QTest::newRow("label") << int(PivotKey::Label)
                           << testutil::lines({"gpu=a100|2|2|0|0|2|2|7|",
                                               "gpu=h100|1|0|0|1|0|0|0|no live worker carries gpu=h100",
                                               "region=eu|1|1|0|0|1|2|4|",
                                               "region=us|1|0|1|0|0|0|0|no live worker carries region=us"});
    QTest::newRow("slot-type") << int(PivotKey::SlotType)
                               << testutil::lines({"default|5|3|1|1|2|2|6|",
                                                   "durable|1|1|0|0|1|0|1|its only live worker is full"});
}

void TestPivotModel::dump() {
    QFETCH(int, key);
    QFETCH(QStringList, expected);
    PivotModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPivot(PivotKey(key), fleetPivot(PivotKey(key)));
    QVERIFY(testutil::sameLines(testutil::dump(model), expected));
    QCOMPARE(model.headerData(PivotModel::FreeColumn, Qt::Horizontal).toString(), QStringLiteral("Free"));
}

void TestPivotModel::redRows() {
    PivotModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPivot(PivotKey::Action, fleetPivot(PivotKey::Action));
    QCOMPARE(model.problemCount(), 2);
    for (int column = 0; column < PivotModel::NUM_COLUMNS; ++column) {
        const QModelIndex red = model.index(3, column);
        QCOMPARE(models::severityOf(red.data(models::SeverityRole)), models::HealthLevel::Bad);
        QCOMPARE(red.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("no live worker registers report:render"));
        QCOMPARE(red.data(PivotModel::ProblemRole).toString(),
                 QStringLiteral("no live worker registers report:render"));
        QVERIFY(!model.index(0, column).data(models::SeverityRole).isValid());
    }
    QCOMPARE(model.index(3, 0).data(PivotModel::QueryRole).toString(),
             QStringLiteral("action:=report:render"));
    QCOMPARE(model.index(3, 0).data(PivotModel::WorkerIndexesRole).value<QList<qsizetype>>(),
             (QList<qsizetype>{2, 3}));
    QCOMPARE(model.index(1, PivotModel::FreeColumn).data(models::RawValueRole), QVariant(qint64(2)));
}

// A new filter or reference time is a refresh: rows are removed, inserted and changed, never reset.
void TestPivotModel::refreshKeepsRows() {
    PivotModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPivot(PivotKey::Action, fleetPivot(PivotKey::Action));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QPersistentModelIndex etlLoad = model.index(1, 0);
    model.setPivot(PivotKey::Action, fleetPivot(PivotKey::Action, {0, 1})); // alpha and bravo: gpu=a100
    QVERIFY(testutil::sameLines(testutil::dump(model),
                                testutil::lines({"etl:extract|1|1|0|0|1|2|4|", "etl:load|2|2|0|0|2|2|7|",
                                                 "mail:send|1|1|0|0|1|0|3|its only live worker is full"})));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(etlLoad.row(), 1);
    model.setPivot(PivotKey::Action, fleetPivot(PivotKey::Action, {2, 4})); // charlie, echo
    QVERIFY(testutil::sameLines(
        testutil::dump(model),
        testutil::lines({"mail:send|1|1|0|0|0|0|0|no live worker registers mail:send",
                         "report:render|1|0|1|0|0|0|0|no live worker registers report:render"})));
    model.setPivot(PivotKey::Action, fleetPivot(PivotKey::Action));
    QCOMPARE(testutil::dump(model).size(), 4);
    QCOMPARE(resets.size(), 0);
    QVERIFY(inserted.size() >= 2);
}

void TestPivotModel::anotherKeyResets() {
    PivotModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPivot(PivotKey::Action, fleetPivot(PivotKey::Action));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setPivot(PivotKey::SlotType, fleetPivot(PivotKey::SlotType));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.headerData(PivotModel::KeyColumn, Qt::Horizontal).toString(), QStringLiteral("Slot type"));
    QCOMPARE(model.rowCount(), 2);
}

void TestPivotModel::onlyProblems() {
    PivotModel model;
    models::PivotProblemFilter problems;
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester tester(&problems, QAbstractItemModelTester::FailureReportingMode::QtTest);
    problems.setSourceModel(&model);
    model.setPivot(PivotKey::Label, fleetPivot(PivotKey::Label));
    QCOMPARE(problems.rowCount(), 4);
    problems.setOnlyProblems(true);
    QVERIFY(
        testutil::sameLines(testutil::dump(problems),
                            testutil::lines({"gpu=h100|1|0|0|1|0|0|0|no live worker carries gpu=h100",
                                             "region=us|1|0|1|0|0|0|0|no live worker carries region=us"})));
    model.setPivot(PivotKey::Label, fleetPivot(PivotKey::Label, {0, 1}));
    QCOMPARE(problems.rowCount(), 0);
    problems.setOnlyProblems(false);
    QCOMPARE(problems.rowCount(), 2);
}

void TestPivotModel::sortsOnRawValues() {
    PivotModel model;
    models::RawValueSortProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPivot(PivotKey::Action, fleetPivot(PivotKey::Action));
    proxy.sort(PivotModel::WorkersColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("mail:send"));
    proxy.sort(PivotModel::LimitColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("etl:load"));
}

QTEST_GUILESS_MAIN(TestPivotModel)
#include "tst_pivotmodel.moc"
