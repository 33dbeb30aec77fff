#include "hatchet/provenance.h"
#include "itemmodels/actionsmodel.h"
#include "itemmodels/labelsmodel.h"
#include "itemmodels/metadatamodel.h"
#include "itemmodels/rawvaluesortproxy.h"
#include "itemmodels/runtimeinfomodel.h"
#include "itemmodels/slotconfigmodel.h"
#include "itemmodels/slotsmodel.h"
#include "itemmodels/steprunsmodel.h"
#include "itemmodels/workflowsmodel.h"
#include "itemmodeltestutil.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using hwi::hatchet::WorkerView;
using hwi::models::HealthLevel;
using hwi::models::SectionModel;
using Tester = QAbstractItemModelTester;
namespace models = hwi::models;

namespace {

const QStringList SectionNames = {QStringLiteral("metadata"),   QStringLiteral("workflows"),
                                  QStringLiteral("actions"),    QStringLiteral("slots"),
                                  QStringLiteral("slotConfig"), QStringLiteral("labels"),
                                  QStringLiteral("stepRuns"),   QStringLiteral("runtimeInfo")};

template <typename Model> std::unique_ptr<SectionModel> make() {
    return std::make_unique<Model>();
}

// Every section model behind the interface the detail pane holds them by.
std::unique_ptr<SectionModel> makeSection(const QString& name) {
    using Factory = std::unique_ptr<SectionModel> (*)();
    static const Factory Factories[] = {&make<models::MetadataModel>,   &make<models::WorkflowsModel>,
                                        &make<models::ActionsModel>,    &make<models::SlotsModel>,
                                        &make<models::SlotConfigModel>, &make<models::LabelsModel>,
                                        &make<models::StepRunsModel>,   &make<models::RuntimeInfoModel>};
    const qsizetype index = SectionNames.indexOf(name);
    if (index < 0)
        qFatal("unknown section %s", qPrintable(name));
    return Factories[index]();
}

// tests/expected/sectionmodels-<fixture>-<worker>.txt: a "[section]" line, then that model's dump, for
// every section.
QStringList expectedDump(const QString& fixture, int worker, const QString& section) {
    const QString name = QStringLiteral("sectionmodels-%1-%2.txt")
                             .arg(QString(fixture).remove(QStringLiteral(".json")))
                             .arg(worker);
    const QStringList lines = testutil::expectedLines(name);
    const qsizetype start = lines.indexOf(QLatin1Char('[') + section + QLatin1Char(']'));
    if (start < 0)
        return {QStringLiteral("<no [%1] in %2>").arg(section, name)};
    qsizetype end = start + 1;
    while (end < lines.size() && !lines.at(end).startsWith(QLatin1Char('[')))
        ++end;
    return lines.mid(start + 1, end - start - 1);
}

// A current-era worker with recent step runs in every state and odd labels/actions.
const char* const RunsWorker = R"({
  "actions": ["plain-action", "wf:step:with:colons", 7],
  "labels": [{"key": "a"}, {"key": "b", "value": null}, {"key": "c", "value": ""}],
  "metadata": {"createdAt": "2026-11-29T12:00:00Z", "id": "w-1", "updatedAt": "not a time"},
  "name": "runs",
  "recentStepRuns": [
    {"actionId": "wf:a", "metadata": {"id": "r-1"}, "startedAt": "2026-11-29T12:59:00Z", "status": "RUNNING",
     "workflowRunId": "wr-1"},
    {"actionId": "wf:b", "finishedAt": "2026-11-29T12:58:00.850Z", "metadata": {"id": "r-2"},
     "startedAt": "2026-11-29T12:58:00Z", "status": "SUCCEEDED", "workflowRunId": "wr-2"},
    {"actionId": "wf:c", "cancelledAt": "2026-11-29T12:50:00Z", "metadata": {"id": "r-3"},
     "startedAt": "2026-11-29T12:45:55Z", "status": "CANCELLED", "workflowRunId": "wr-3"},
    {"actionId": "wf:d", "metadata": {"id": "r-4"}, "status": "PENDING", "workflowRunId": "wr-4"}
  ],
  "slotConfig": {"default": {"limit": 5}, "durable": {"available": 2, "limit": 2}},
  "status": "ACTIVE"
})";

// A file in tests/fixtures, "sample", or "runs" (RunsWorker).
std::shared_ptr<const hwi::hatchet::Snapshot> snapshotNamed(const QString& name) {
    return name == QLatin1String("runs") ? testutil::snapshotOf(RunsWorker, testutil::captureTimeFor(name))
                                         : testutil::loadFixture(name);
}

} // namespace

class TestSectionModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dump_data();
    void dump();
    void legacySlots_data();
    void legacySlots();
    void runningTasks();
    void roles();
    void referenceTime_data();
    void referenceTime();
    void clearAndReload_data();
    void clearAndReload();
    void sortEveryColumn_data();
    void sortEveryColumn();
    void provenanceArrivesLater();
};

void TestSectionModels::dump_data() {
    QTest::addColumn<QString>("fixture"); // a file in tests/fixtures, "sample", or "runs" (RunsWorker)
    QTest::addColumn<int>("worker");
    QTest::addColumn<QString>("section");
    const std::pair<const char*, int> workers[] = {{"list-current.json", 0},
                                                   {"list-current.json", 2},
                                                   {"list-legacy.json", 0},
                                                   {"list-legacy.json", 1},
                                                   {"worker-get-legacy.json", 0},
                                                   {"worker-get.json", 0},
                                                   {"worker-patch.json", 0},
                                                   {"tolerant.json", 0},
                                                   {"invalid-types.json", 0},
                                                   {"invalid-types.json", 1},
                                                   {"sample", 1},
                                                   {"sample", 3},
                                                   {"sample", 7},
                                                   {"runs", 0}};
    for (const auto& [fixture, worker] : workers) {
        for (const QString& section : SectionNames)
            QTest::addRow("%s/%d/%s", fixture, worker, qPrintable(section))
                << QString::fromLatin1(fixture) << worker << section;
    }
}

void TestSectionModels::dump() {
    QFETCH(QString, fixture);
    QFETCH(int, worker);
    QFETCH(QString, section);
    const auto snapshot = snapshotNamed(fixture);
    const std::unique_ptr<SectionModel> model = makeSection(section);
    Tester tester(model.get(), Tester::FailureReportingMode::QtTest);
    model->setWorker(snapshot->worker(std::size_t(worker)));
    model->setReferenceTime(snapshot->captureTime);
    QVERIFY(testutil::sameLines(testutil::dump(*model), expectedDump(fixture, worker, section)));
}

void TestSectionModels::legacySlots_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("worker");
    QTest::addColumn<int>("busy");
    QTest::addColumn<int>("padding");
    QTest::addColumn<QString>("summary");
    // Free is availableRuns, never the padding: a GET pads `slots` up to availableRuns entries, so 2 running
    // with availableRuns 3 leave 1 padding entry and 3 free slots.
    QTest::newRow("GET, transcoder-c")
        << QStringLiteral("worker-get-legacy.json") << 0 << 2 << 1 << QStringLiteral("2 busy \u00b7 3 free");
    // List rows never held `slots`: what maxRuns and availableRuns say.
    QTest::newRow("list, transcoder-a")
        << QStringLiteral("list-legacy.json") << 0 << 0 << 0
        << QStringLiteral(
               "Lists do not include running slots (a single GET does); 2 of 4 in use \u00b7 2 free");
    QTest::newRow("list, janitor-b")
        << QStringLiteral("list-legacy.json") << 1 << 0 << 0
        << QStringLiteral(
               "Lists do not include running slots (a single GET does); 0 of 2 in use \u00b7 2 free");
    QTest::newRow("current era")
        << QStringLiteral("list-current.json") << 0 << 0 << 0
        << QStringLiteral(
               "This server does not list running slots; 3 units in use (default 3 of 5, durable 0 of 1)");
    QTest::newRow("current era, GET")
        << QStringLiteral("worker-get.json") << 0 << 0 << 0
        << QStringLiteral(
               "This server does not list running slots; 9 units in use (default 7 of 8, durable 2 of 2)");
    QTest::newRow("no stepRunId") << QStringLiteral("invalid-types.json") << 1 << 1 << 1
                                  << QStringLiteral("1 busy \u00b7 1 free");
}

void TestSectionModels::legacySlots() {
    QFETCH(QString, fixture);
    QFETCH(int, worker);
    QFETCH(int, busy);
    QFETCH(int, padding);
    QFETCH(QString, summary);
    models::SlotsModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto snapshot = testutil::loadFixture(fixture);
    model.setWorker(snapshot->worker(std::size_t(worker)));
    QCOMPARE(model.rowCount(), busy);
    QCOMPARE(model.paddingCount(), padding);
    QCOMPARE(model.summaryText(), summary);
    for (int row = 0; row < model.rowCount(); ++row) // padded entries are not rows
        QVERIFY(!model.index(row, models::SlotsModel::ActionColumn).data().toString().isEmpty());
    model.setWorker(std::nullopt);
    QCOMPARE(model.summaryText(), QString());
}

void TestSectionModels::runningTasks() {
    // render-farm-01 (current era): the worker says units only; the server's running tasks become the rows.
    const auto sample = testutil::loadFixture(QStringLiteral("sample"));
    models::SlotsModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setWorker(sample->worker(3));
    const QString unitsText = model.summaryText();
    QVERIFY(unitsText.startsWith(QStringLiteral("This server does not list running slots")));
    QVERIFY(!model.listsRunningSlots());
    const auto tasks = testutil::parse(R"({"rows": [
        {"taskExternalId": "t1", "actionId": "render:frame", "status": "RUNNING",
         "startedAt": "2026-11-29T12:59:00Z", "workflowRunExternalId": "r1"}]})");
    model.setRunningTasks(hwi::hatchet::runningTasks(*tasks));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.listsRunningSlots());
    QCOMPARE(model.summaryText(), QStringLiteral("Running tasks from the server (1)"));
    QCOMPARE(model.index(0, models::SlotsModel::ActionColumn).data().toString(),
             QStringLiteral("render:frame"));
    QCOMPARE(model.index(0, models::SlotsModel::StepRunIdColumn).data().toString(), QStringLiteral("t1"));
    QCOMPARE(model.index(0, models::SlotsModel::WorkflowRunIdColumn).data().toString(), QStringLiteral("r1"));
    // No timeout in a task summary: none shown, no time left, no overdue colour.
    QVERIFY(model.index(0, models::SlotsModel::TimeoutColumn).data().toString().isEmpty());
    QVERIFY(!model.index(0, models::SlotsModel::TimeLeftColumn).data().isValid());
    QCOMPARE(model.index(0, 0).data(models::SeverityRole).toInt(), int(HealthLevel::Unknown));

    // A failed fetch keeps what the worker says and adds why.
    model.setWorker(sample->worker(3));
    QCOMPARE(model.rowCount(), 0);
    model.setRunningTasksFailed(QStringLiteral("HTTP 403"));
    QCOMPARE(model.summaryText(),
             unitsText + QStringLiteral(" · running tasks could not be fetched: HTTP 403"));
    QVERIFY(!model.listsRunningSlots());
}

void TestSectionModels::roles() {
    const auto sample = testutil::loadFixture(QStringLiteral("sample"));
    const hwi::json::Document& doc = *sample->document;
    const auto pointerOf = [&](const QModelIndex& index) {
        const QVariant node = index.data(models::NodeRole);
        return node.isValid() ? doc.pointer(node.toUInt()) : QStringLiteral("(none)");
    };

    // transcoder-c (a pre-2026-02 GET): slot 1 timed out at 09:31:01, 2 min 29.6 s before 09:33:30.628.
    const auto legacy = testutil::loadFixture(QStringLiteral("worker-get-legacy.json"));
    models::SlotsModel slots;
    Tester slotsTester(&slots, Tester::FailureReportingMode::QtTest);
    slots.setWorker(legacy->worker(0));
    slots.setReferenceTime(QDateTime(QDate(2026, 1, 15), QTime(9, 33, 30, 628), Qt::UTC));
    const QModelIndex overdue = slots.index(1, models::SlotsModel::TimeLeftColumn);
    QCOMPARE(overdue.data().toString(), QStringLiteral("overdue by 2 min 29 s"));
    QCOMPARE(overdue.data(models::RawValueRole).toLongLong(), -149'628);
    QCOMPARE(overdue.data(models::SeverityRole).toInt(), int(HealthLevel::Bad));
    QCOMPARE(slots.index(0, models::SlotsModel::TimeLeftColumn).data(models::SeverityRole).toInt(),
             int(HealthLevel::Good));
    // The whole overdue row is Bad (the table paints it red, as the timeline does), the others Good.
    for (int column = 0; column < models::SlotsModel::NUM_COLUMNS; ++column) {
        QCOMPARE(slots.index(1, column).data(models::SeverityRole).toInt(), int(HealthLevel::Bad));
        QCOMPARE(slots.index(0, column).data(models::SeverityRole).toInt(), int(HealthLevel::Good));
    }
    QCOMPARE(slots.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Action"));
    QCOMPARE(slots.headerData(models::SlotsModel::NUM_COLUMNS - 1, Qt::Horizontal).toString(),
             QStringLiteral("Workflow run ID"));
    QCOMPARE(legacy->document->pointer(slots.index(1, 0).data(models::NodeRole).toUInt()),
             QStringLiteral("/slots/1"));
    QCOMPARE(slots.index(0, models::SlotsModel::StartedColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2026-01-15T09:29:00Z"));

    // Metadata: the node of each field, severity of status and heartbeat.
    models::MetadataModel metadata;
    Tester metadataTester(&metadata, Tester::FailureReportingMode::QtTest);
    metadata.setWorker(sample->worker(4)); // search-indexer: INACTIVE, heartbeat 12:58:02.913Z
    metadata.setReferenceTime(sample->captureTime);
    const auto value = [&](int row) { return metadata.index(row, models::MetadataModel::ValueColumn); };
    QCOMPARE(pointerOf(value(models::MetadataModel::IdRow)), QStringLiteral("/rows/4/metadata/id"));
    QCOMPARE(pointerOf(value(models::MetadataModel::LastHeartbeatRow)),
             QStringLiteral("/rows/4/lastHeartbeatAt"));
    QCOMPARE(pointerOf(value(models::MetadataModel::SchemaEraRow)), QStringLiteral("(none)"));
    QCOMPARE(value(models::MetadataModel::StatusRow).data(models::SeverityRole).toInt(),
             int(HealthLevel::Bad));
    QCOMPARE(value(models::MetadataModel::LastHeartbeatRow).data(models::SeverityRole).toInt(),
             int(HealthLevel::Bad));
    QCOMPARE(value(models::MetadataModel::LastHeartbeatRow).data(models::AgeMsecsRole).toLongLong(), 122'087);

    // Slot config: bar roles on every cell, "?" for an unknown count.
    models::SlotConfigModel config;
    Tester configTester(&config, Tester::FailureReportingMode::QtTest);
    config.setWorker(sample->worker(9)); // payments-worker: durable has no "available"
    QCOMPARE(config.rowCount(), 2);
    QCOMPARE(config.index(0, 0).data(models::SlotConfigModel::UsedRole).toLongLong(), 7);
    QCOMPARE(config.index(0, 3).data(models::SlotConfigModel::LimitRole).toLongLong(), 10);
    QVERIFY(!config.index(1, 0).data(models::SlotConfigModel::UsedRole).isValid());
    QCOMPARE(config.index(1, models::SlotConfigModel::UsedColumn).data().toString(), QStringLiteral("?"));
    QCOMPARE(pointerOf(config.index(1, 0)), QStringLiteral("/rows/9/slotConfig/durable"));
    const auto legacyList = testutil::loadFixture(QStringLiteral("list-legacy.json"));
    config.setWorker(legacyList->worker(0)); // transcoder-a: legacy maxRuns
    QCOMPARE(legacyList->document->pointer(config.index(0, 0).data(models::NodeRole).toUInt()),
             QStringLiteral("/rows/0/maxRuns"));

    // Runtime info and actions point at their JSON values.
    models::RuntimeInfoModel runtime;
    Tester runtimeTester(&runtime, Tester::FailureReportingMode::QtTest);
    runtime.setWorker(sample->worker(1)); // the webhook worker has no "language"
    QCOMPARE(pointerOf(runtime.index(models::RuntimeInfoModel::LanguageRow, 1)), QStringLiteral("(none)"));
    QCOMPARE(pointerOf(runtime.index(models::RuntimeInfoModel::OsRow, 1)),
             QStringLiteral("/rows/1/runtimeInfo/os"));
    models::ActionsModel actions;
    Tester actionsTester(&actions, Tester::FailureReportingMode::QtTest);
    actions.setWorker(sample->worker(3));
    QCOMPARE(pointerOf(actions.index(6, 2)), QStringLiteral("/rows/3/actions/6"));
}

void TestSectionModels::referenceTime_data() {
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("worker");
    QTest::addColumn<int>("firstColumn");
    QTest::addColumn<int>("lastColumn");
    QTest::newRow("metadata") << QStringLiteral("metadata") << QStringLiteral("sample") << 3
                              << int(models::MetadataModel::ValueColumn)
                              << int(models::MetadataModel::ValueColumn);
    // Whole rows: an overdue slot's row severity (every cell's SeverityRole) changes with the time.
    QTest::newRow("slots") << QStringLiteral("slots") << QStringLiteral("worker-get-legacy.json") << 0
                           << int(models::SlotsModel::ActionColumn)
                           << int(models::SlotsModel::WorkflowRunIdColumn);
    QTest::newRow("labels") << QStringLiteral("labels") << QStringLiteral("sample") << 3
                            << int(models::LabelsModel::CreatedColumn)
                            << int(models::LabelsModel::UpdatedColumn);
    QTest::newRow("stepRuns") << QStringLiteral("stepRuns") << QStringLiteral("runs") << 0
                              << int(models::StepRunsModel::StartedColumn)
                              << int(models::StepRunsModel::DurationColumn);
}

void TestSectionModels::referenceTime() {
    QFETCH(QString, section);
    QFETCH(QString, fixture);
    QFETCH(int, worker);
    QFETCH(int, firstColumn);
    QFETCH(int, lastColumn);
    const auto snapshot = snapshotNamed(fixture);
    const std::unique_ptr<SectionModel> model = makeSection(section);
    Tester tester(model.get(), Tester::FailureReportingMode::QtTest);
    model->setWorker(snapshot->worker(std::size_t(worker)));
    model->setReferenceTime(snapshot->captureTime);
    const QStringList before = testutil::dump(*model);
    QSignalSpy resetSpy(model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changedSpy(model.get(), &QAbstractItemModel::dataChanged);
    model->setReferenceTime(snapshot->captureTime.addSecs(3600));
    QCOMPARE(resetSpy.size(), 0);
    QCOMPARE(changedSpy.size(), 1);
    const auto topLeft = changedSpy.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changedSpy.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.column(), firstColumn);
    QCOMPARE(bottomRight.column(), lastColumn);
    // Every text that changed lies inside the announced range, and something did change.
    const QStringList after = testutil::dump(*model);
    QCOMPARE(after.size(), before.size());
    QVERIFY(after != before);
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            if (row >= topLeft.row() && row <= bottomRight.row() && column >= firstColumn &&
                column <= lastColumn)
                continue;
            QCOMPARE(index.data().toString(), before.at(row).split(QLatin1Char('|')).at(column));
        }
    }
}

void TestSectionModels::clearAndReload_data() {
    QTest::addColumn<QString>("section");
    for (const QString& name : SectionNames)
        QTest::newRow(qPrintable(name)) << name;
}

void TestSectionModels::clearAndReload() {
    QFETCH(QString, section);
    const auto snapshot = testutil::loadFixture(QStringLiteral("sample"));
    const std::unique_ptr<SectionModel> model = makeSection(section);
    Tester tester(model.get(), Tester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 0);
    QSignalSpy resetSpy(model.get(), &QAbstractItemModel::modelReset);
    for (std::size_t i = 0; i < snapshot->workers.size(); ++i) {
        model->setWorker(snapshot->worker(i));
        model->setReferenceTime(snapshot->captureTime); // never a reset, with or without time cells
    }
    QCOMPARE(resetSpy.size(), qsizetype(snapshot->workers.size()));
    model->setWorker(std::nullopt);
    QCOMPARE(model->rowCount(), 0);
    model->setReferenceTime(QDateTime::currentDateTimeUtc()); // no rows: nothing to announce, no crash
    QVERIFY(!model->headerData(0, Qt::Horizontal).toString().isEmpty());
    QVERIFY(!model->headerData(model->columnCount(), Qt::Horizontal).isValid());
    QCOMPARE(model->flags({}), Qt::NoItemFlags);
}

void TestSectionModels::sortEveryColumn_data() {
    clearAndReload_data();
}

void TestSectionModels::sortEveryColumn() {
    QFETCH(QString, section);
    const auto snapshot = testutil::loadFixture(QStringLiteral("sample"));
    const auto runs = testutil::snapshotOf(RunsWorker, snapshot->captureTime);
    const std::unique_ptr<SectionModel> model = makeSection(section);
    Tester modelTester(model.get(), Tester::FailureReportingMode::QtTest);
    models::RawValueSortProxy proxy;
    proxy.setSourceModel(model.get());
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    for (std::size_t i = 0; i <= snapshot->workers.size(); ++i) {
        model->setWorker(i < snapshot->workers.size() ? snapshot->worker(i) : runs->worker(0));
        model->setReferenceTime(snapshot->captureTime);
        for (int column = 0; column < model->columnCount(); ++column) {
            proxy.sort(column);
            for (int row = 0; row + 1 < proxy.rowCount(); ++row) {
                const QModelIndex a = proxy.mapToSource(proxy.index(row, column));
                const QModelIndex b = proxy.mapToSource(proxy.index(row + 1, column));
                QVERIFY(proxy.lessThan(a, b) && !proxy.lessThan(b, a));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestSectionModels)
// A large document's writer and server era come from setProvenance() (MainWindow computes them off the GUI
// thread): "…" until then, and the two rows follow without a reset.
void TestSectionModels::provenanceArrivesLater() {
    QByteArray bytes = testutil::fixture("list-current.json");
    const auto inlineProvenance = testutil::snapshotOf(bytes, QDateTime());
    bytes += QByteArray(5 << 20, ' '); // past the size setWorker() works it out for itself
    const auto large = testutil::snapshotOf(bytes, QDateTime());
    QVERIFY(models::MetadataModel::computesProvenanceInline(*inlineProvenance->document));
    QVERIFY(!models::MetadataModel::computesProvenanceInline(*large->document));

    models::MetadataModel metadata;
    Tester tester(&metadata, Tester::FailureReportingMode::QtTest);
    const auto value = [&](int row) {
        return metadata.index(row, models::MetadataModel::ValueColumn).data().toString();
    };
    metadata.setWorker(inlineProvenance->worker(0));
    const hwi::hatchet::Provenance small = hwi::hatchet::provenanceOf(*inlineProvenance->document);
    QCOMPARE(value(models::MetadataModel::WrittenByRow), hwi::hatchet::writerText(small.writer));
    QCOMPARE(value(models::MetadataModel::ServerEraRow), hwi::hatchet::serverEraText(small));

    metadata.setWorker(large->worker(1));
    QCOMPARE(value(models::MetadataModel::WrittenByRow), QStringLiteral("\u2026"));
    QCOMPARE(value(models::MetadataModel::ServerEraRow), QStringLiteral("\u2026"));
    QCOMPARE(value(models::MetadataModel::NameRow), large->worker(1).name());

    QSignalSpy changed(&metadata, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&metadata, &QAbstractItemModel::modelReset);
    const hwi::hatchet::Provenance provenance = hwi::hatchet::provenanceOf(*large->document);
    metadata.setProvenance(*large->document, provenance);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].toModelIndex().row(), int(models::MetadataModel::WrittenByRow));
    QCOMPARE(changed[0][1].toModelIndex().row(), int(models::MetadataModel::ServerEraRow));
    QCOMPARE(value(models::MetadataModel::WrittenByRow), hwi::hatchet::writerText(provenance.writer));
    QCOMPARE(value(models::MetadataModel::ServerEraRow), hwi::hatchet::serverEraText(provenance));
    // Kept for that document: another of its workers needs no second answer.
    metadata.setWorker(large->worker(0));
    QCOMPARE(value(models::MetadataModel::WrittenByRow), hwi::hatchet::writerText(provenance.writer));
    // The provenance of a document not shown changes no row.
    metadata.setWorker(inlineProvenance->worker(0));
    changed.clear();
    metadata.setProvenance(*large->document, provenance);
    QCOMPARE(changed.size(), 0);
}

#include "tst_sectionmodels.moc"
