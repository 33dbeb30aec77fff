// The Fleet page of the window: the numbers of analysis::pivots, red rows with their reason, the "only rows
// that cannot run" toggle, a row activated as the worker filter, pivots that follow the filter and the
// reference time, and File > Export > Current Table. Fixture: tests/fixtures/fleet.json (README there).
#include "itemmodeltestutil.h"
#include "temporarysettings.h"

#include "analysis/fleet.h"
#include "chartpanel.h"
#include "exportactions.h"
#include "filterbar.h"
#include "fleetview.h"
#include "itemmodels/pivotmodel.h"
#include "itemmodels/timeformat.h"
#include "itemmodels/workertablemodel.h"
#include "mainwindow.h"
#include "sectionview.h"
#include "workertableview.h"

#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace hwi;
using analysis::PivotKey;
using models::PivotModel;

namespace {

// Opens the source, shows the Fleet page and waits for its figures.
bool openOnFleet(views::MainWindow& window, const QString& source) {
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(source);
    if (!shown.wait(10000))
        return false;
    window.resize(1366, 768);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    QSignalSpy built(window.fleetView(), &views::FleetView::built);
    window.pages()->setCurrentWidget(window.fleetView());
    return built.wait(5000);
}

bool waitForBuilt(views::FleetView& fleet) {
    QSignalSpy built(&fleet, &views::FleetView::built);
    return built.wait(5000);
}

// The pivot table as shown, one line per row: every column's text.
QStringList shownRows(const views::FleetView& fleet) {
    return testutil::dump(*fleet.pivotTable()->model());
}

QStringList rowsOf(PivotKey key, const std::vector<analysis::PivotRow>& rows) {
    QStringList lines;
    const auto units = [](const std::optional<std::int64_t>& value) {
        return value ? QString::number(*value) : QStringLiteral("?");
    };
    for (const analysis::PivotRow& row : rows) {
        lines << QStringList{row.key,
                             QString::number(row.workers),
                             QString::number(row.active),
                             QString::number(row.paused),
                             QString::number(row.inactive),
                             QString::number(row.schedulable),
                             units(row.free),
                             units(row.limit),
                             analysis::pivotRowProblem(key, row)}
                     .join(QLatin1Char('|'));
    }
    return lines;
}

QStringList shownWorkerNames(const views::MainWindow& window) {
    QStringList names;
    const QAbstractItemModel& model = *window.workerTable()->model();
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, models::WorkerTableModel::NameColumn).data().toString();
    names.sort();
    return names;
}

int shownRowOf(const views::FleetView& fleet, const QString& key) {
    const QAbstractItemModel& model = *fleet.pivotTable()->model();
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, PivotModel::KeyColumn).data().toString() == key)
            return row;
    }
    return -1;
}

} // namespace

class TestFleetView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { m_settings.clear(); } // each test starts from no remembered pivot or toggle
    void sampleShowsThePivots();
    void redRowWithReason();
    void onlyRowsThatCannotRun();
    void pivotAndToggleRemembered();
    void activatingRowFiltersWorkers();
    void pivotsFollowFilter();
    void pivotsFollowReferenceTime();
    void exportsCurrentPivotTable();
    void picturesPaint();

private:
    TemporarySettings m_settings;
    QString m_fleet = testutil::fixturePath(QStringLiteral("fleet.json"));
};

// Every table of the sample equals analysis::pivots over all its workers at the window's reference time.
void TestFleetView::sampleShowsThePivots() {
    views::MainWindow window;
    QVERIFY(openOnFleet(window, QStringLiteral(HWI_SAMPLE)));
    views::FleetView& fleet = *window.fleetView();
    const auto snapshot = window.snapshot();
    std::vector<std::size_t> all(snapshot->workers.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    const auto pivots = analysis::pivots(*snapshot, all, window.referenceTime().toMSecsSinceEpoch());
    for (const PivotKey key : views::FleetView::tableKeys()) {
        fleet.setPivotKey(key);
        fleet.pivotTable()->sortByColumn(-1, Qt::AscendingOrder);
        QVERIFY(testutil::sameLines(shownRows(fleet), rowsOf(key, pivots[std::size_t(key)])));
    }
    QVERIFY2(fleet.summaryLabel()->text().startsWith(QStringLiteral("%1 workers").arg(all.size())),
             qPrintable(fleet.summaryLabel()->text()));
}

void TestFleetView::redRowWithReason() {
    views::MainWindow window;
    QVERIFY(openOnFleet(window, m_fleet));
    views::FleetView& fleet = *window.fleetView();
    fleet.setPivotKey(PivotKey::Action);
    const int row = shownRowOf(fleet, QStringLiteral("report:render"));
    QVERIFY(row >= 0);
    const QAbstractItemModel& shown = *fleet.pivotTable()->model();
    const QString reason = QStringLiteral("no live worker registers report:render");
    QCOMPARE(shown.index(row, PivotModel::ProblemColumn).data().toString(), reason);
    QCOMPARE(shown.index(row, PivotModel::KeyColumn).data(Qt::ToolTipRole).toString(), reason);
    QCOMPARE(models::severityOf(shown.index(row, PivotModel::WorkersColumn).data(models::SeverityRole)),
             models::HealthLevel::Bad);
    QCOMPARE(fleet.pivotTabs()->tabText(0), QStringLiteral("Actions (4, 2 cannot run)"));
    fleet.setPivotKey(PivotKey::SlotType);
    QCOMPARE(shown.index(shownRowOf(fleet, QStringLiteral("durable")), PivotModel::ProblemColumn)
                 .data()
                 .toString(),
             QStringLiteral("its only live worker is full"));
}

void TestFleetView::onlyRowsThatCannotRun() {
    views::MainWindow window;
    QVERIFY(openOnFleet(window, m_fleet));
    views::FleetView& fleet = *window.fleetView();
    fleet.setPivotKey(PivotKey::Label);
    QCOMPARE(fleet.pivotTable()->model()->rowCount(), 4);
    fleet.onlyProblemsToggle()->click();
    QVERIFY(testutil::sameLines(
        shownRows(fleet), testutil::lines({"gpu=h100|1|0|0|1|0|0|0|no live worker carries gpu=h100",
                                           "region=us|1|0|1|0|0|0|0|no live worker carries region=us"})));
    fleet.setPivotKey(PivotKey::Workflow); // the toggle stays on for the other tables
    QCOMPARE(fleet.pivotTable()->model()->rowCount(), 2);
    fleet.onlyProblemsToggle()->click();
    QCOMPARE(fleet.pivotTable()->model()->rowCount(), 3);
}

// The next window opens on the pivot table and toggle the user left.
void TestFleetView::pivotAndToggleRemembered() {
    {
        views::MainWindow window;
        QVERIFY(openOnFleet(window, m_fleet));
        QCOMPARE(window.fleetView()->pivotKey(), PivotKey::Action); // the first time: Actions, all rows
        QVERIFY(!window.fleetView()->onlyProblemsToggle()->isChecked());
        window.fleetView()->pivotTabs()->setCurrentIndex(2); // clicked, as a user does
        window.fleetView()->onlyProblemsToggle()->click();
        QCOMPARE(window.fleetView()->pivotKey(), PivotKey::Label);
    }
    views::MainWindow window;
    QVERIFY(openOnFleet(window, m_fleet));
    views::FleetView& fleet = *window.fleetView();
    QCOMPARE(fleet.pivotKey(), PivotKey::Label);
    QVERIFY(fleet.onlyProblemsToggle()->isChecked());
    QVERIFY(testutil::sameLines(
        shownRows(fleet), testutil::lines({"gpu=h100|1|0|0|1|0|0|0|no live worker carries gpu=h100",
                                           "region=us|1|0|1|0|0|0|0|no live worker carries region=us"})));
}

// Activating a row puts its exact term in the filter box and shows its workers on the Workers page.
void TestFleetView::activatingRowFiltersWorkers() {
    views::MainWindow window;
    QVERIFY(openOnFleet(window, m_fleet));
    views::FleetView& fleet = *window.fleetView();
    fleet.setPivotKey(PivotKey::Action);
    const int row = shownRowOf(fleet, QStringLiteral("report:render"));
    Q_EMIT fleet.pivotTable()->activated(fleet.pivotTable()->model()->index(row, PivotModel::WorkersColumn));
    const QString query = QStringLiteral("action:=report:render");
    QCOMPARE(window.filterBar()->query(), query);
    QCOMPARE(window.pages()->currentIndex(), 0);
    QTRY_COMPARE(shownWorkerNames(window), (QStringList{QStringLiteral("charlie"), QStringLiteral("delta")}));

    // Back on the Fleet page, the pivots count those workers; a further row is ANDed with the filter.
    window.pages()->setCurrentWidget(window.fleetView());
    QTRY_VERIFY(!fleet.isBuilding());
    fleet.setPivotKey(PivotKey::Label);
    QVERIFY(testutil::sameLines(
        shownRows(fleet), testutil::lines({"gpu=h100|1|0|0|1|0|0|0|no live worker carries gpu=h100",
                                           "region=us|1|0|1|0|0|0|0|no live worker carries region=us"})));
    Q_EMIT fleet.pivotTable()->activated(fleet.pivotTable()->model()->index(1, 0));
    QCOMPARE(window.filterBar()->query(), QStringLiteral("action:=report:render label:=region=us"));
    QTRY_COMPARE(shownWorkerNames(window), QStringList{QStringLiteral("charlie")});

    // A slot type's row too: charlie's only type, so charlie stays.
    window.pages()->setCurrentWidget(window.fleetView());
    QTRY_VERIFY(!fleet.isBuilding());
    fleet.setPivotKey(PivotKey::SlotType);
    QCOMPARE(fleet.pivotTable()->model()->rowCount(), 1);
    const QString slotType = fleet.pivotTable()->model()->index(0, 0).data().toString();
    Q_EMIT fleet.pivotTable()->activated(fleet.pivotTable()->model()->index(0, 0));
    QCOMPARE(window.pages()->currentIndex(), 0);
    QCOMPARE(window.filterBar()->query(),
             QStringLiteral("action:=report:render label:=region=us slot-type:=") + slotType);
    QTRY_COMPARE(shownWorkerNames(window), QStringList{QStringLiteral("charlie")});
}

void TestFleetView::pivotsFollowFilter() {
    views::MainWindow window;
    QVERIFY(openOnFleet(window, m_fleet));
    views::FleetView& fleet = *window.fleetView();
    fleet.setPivotKey(PivotKey::Action);
    window.setFilter(QStringLiteral("label:gpu=a100"));
    QVERIFY(waitForBuilt(fleet));
    QVERIFY(testutil::sameLines(shownRows(fleet),
                                testutil::lines({"etl:extract|1|1|0|0|1|2|4|", "etl:load|2|2|0|0|2|2|7|",
                                                 "mail:send|1|1|0|0|1|0|3|its only live worker is full"})));
    QVERIFY(
        fleet.summaryLabel()->text().startsWith(QStringLiteral("2 of 5 workers (filter: label:gpu=a100)")));
    QCOMPARE(fleet.figures().health[std::size_t(hatchet::HealthState::Ok)], 1);
    QCOMPARE(fleet.figures().health[std::size_t(hatchet::HealthState::Full)], 1);
    window.setFilter(QString());
    QVERIFY(waitForBuilt(fleet));
    QCOMPARE(fleet.pivotTable()->model()->rowCount(), 4);
}

// Measured 5 s later, alpha's and bravo's heartbeats are 7 s and 6 s old: nothing is schedulable.
void TestFleetView::pivotsFollowReferenceTime() {
    views::MainWindow window;
    QVERIFY(openOnFleet(window, m_fleet));
    views::FleetView& fleet = *window.fleetView();
    fleet.setPivotKey(PivotKey::Action);
    window.setMeasureAgainst(views::MainWindow::MeasureAgainst::OtherTime,
                             models::parseInstant(QStringLiteral("2026-11-29T13:00:10Z")));
    QVERIFY(waitForBuilt(fleet));
    QCOMPARE(shownRows(fleet).at(1),
             QStringLiteral("etl:load|2|2|0|0|0|0|0|no live worker registers etl:load"));
    QVERIFY(fleet.summaryLabel()->text().endsWith(QStringLiteral("at 2026-11-29T13:00:10Z")));
}

void TestFleetView::exportsCurrentPivotTable() {
    views::MainWindow window;
    QVERIFY(openOnFleet(window, m_fleet));
    window.fleetView()->setPivotKey(PivotKey::SlotType);
    QCOMPARE(window.currentDetailTable(), window.fleetView()->pivotTable());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("slot-types.csv"));
    QCOMPARE(window.exportActions()->exportTable(views::ExportActions::TableFormat::Csv, path), std::nullopt);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()),
             QStringLiteral("Slot type,Workers,Active,Paused,Inactive,Schedulable,Free,Limit,Problem\r\n"
                            "default,5,3,1,1,2,2,6,\r\n"
                            "durable,1,1,0,0,1,0,1,its only live worker is full\r\n"));
    window.pages()->setCurrentIndex(0);
    QVERIFY(window.currentDetailTable() != window.fleetView()->pivotTable());
}

// Each picture paints its figures (in the light and a dark palette) and answers hovering with a tooltip.
void TestFleetView::picturesPaint() {
    views::MainWindow window;
    QVERIFY(openOnFleet(window, m_fleet));
    const auto& charts = window.fleetView()->charts();
    QCOMPARE(charts.size(), std::size_t(5));
    for (views::ChartPanel* chart : charts) {
        QVERIFY2(chart->width() >= 170, qPrintable(chart->title()));
        QVERIFY(!chart->grab().isNull());
    }
    const auto& figures = window.fleetView()->figures();
    QCOMPARE(figures.workers, std::size_t(5));
    QCOMPARE(figures.neverHeartbeated, 0);
    std::vector<qint64> ages = figures.heartbeatAges;
    std::sort(ages.begin(), ages.end());
    // The window measures against the capture time the data bounds (capturetime.h), not the fixtures' "now".
    const qint64 reference = window.referenceTime().toMSecsSinceEpoch();
    std::vector<qint64> expected;
    for (const char* heartbeat : {"2026-11-29T13:00:04Z", "2026-11-29T13:00:04Z", "2026-11-29T13:00:03Z",
                                  "2026-11-29T13:00:02Z", "2026-11-29T12:59:00Z"})
        expected.push_back(reference -
                           models::parseInstant(QString::fromLatin1(heartbeat)).toMSecsSinceEpoch());
    QCOMPARE(ages, expected);
}

QTEST_MAIN(TestFleetView)
#include "tst_fleetview.moc"
