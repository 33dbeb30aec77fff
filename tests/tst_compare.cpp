// The window's comparisons and live history (offscreen): two fixture files compared (Change column, gone
// rows, status bar, the Changes tab, a gone worker's old data, leaving), the export equal to --diff's, a
// failed comparison keeping the document, another window's snapshot; a live session against the fake
// Hatchet filling the history strip, picking one capture and two, sparklines; a saved history reopened.
#include "elidedlabel.h"
#include "fakehatchet.h"
#include "filterbar.h"
#include "historystrip.h"
#include "itemmodels/changesmodel.h"
#include "itemmodels/workertablemodel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "sectionview.h"
#include "temporarysettings.h"
#include "testutil.h"
#include "workerdetail.h"
#include "workertableview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace hwi;
using models::WorkerTableModel;

namespace {

const QString OldFile = QStringLiteral(HWI_FIXTURES "/diff-old.json");
const QString NewFile = QStringLiteral(HWI_FIXTURES "/diff-new.json");

QByteArray fixtureBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Name and Change of every row, as shown.
QStringList nameAndChange(const QTableView& table) {
    QStringList rows;
    const QAbstractItemModel& model = *table.model();
    for (int row = 0; row < model.rowCount(); ++row)
        rows << model.index(row, WorkerTableModel::NameColumn).data().toString() + QLatin1Char('|') +
                    model.index(row, WorkerTableModel::ChangeColumn).data().toString();
    return rows;
}

int rowOf(const QTableView& table, const QString& name, bool gone = false) {
    for (int row = 0; row < table.model()->rowCount(); ++row) {
        const QModelIndex index = table.model()->index(row, WorkerTableModel::NameColumn);
        if (index.data().toString() == name && WorkerTableModel::isGoneRow(index) == gone)
            return row;
    }
    return -1;
}

QStringList tableRows(const QAbstractItemModel& model) {
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells << model.index(row, column).data().toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

QAction* actionNamed(const QWidget& window, const char* name) {
    return window.findChild<QAction*>(QLatin1String(name));
}

} // namespace

class TestCompare : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        m_server.setDateFromData(true);
        QVERIFY(m_server.start());
    }
    void init() { m_settings.clear(); }

    void changesModelUnderTester();
    void twoFiles();
    void changeFilters();
    void exportEqualsTheCommandLine();
    void failedComparisonKeepsTheDocument();
    void otherWindow();
    void liveHistory();
    void savedHistoryReopens();
    void historyLimitsFromSettings();
    void tabsFitALaptopScreenWhileComparing();

private:
    // A window showing NEW compared with OLD.
    void openComparison(views::MainWindow& window) {
        QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
        QSignalSpy compared(window.session(), &session::Session::comparisonChanged);
        window.open(NewFile);
        QVERIFY(shown.wait(10000));
        window.session()->compareWith(OldFile);
        QVERIFY(compared.wait(10000));
    }
    live::Connection connection() const { return m_server.connection(); }

    TemporarySettings m_settings;
    fake::FakeHatchet m_server;
};

void TestCompare::changesModelUnderTester() {
    models::ChangesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    analysis::WorkerChange change;
    change.kind = analysis::ChangeKind::Replaced;
    change.id = QStringLiteral("new-id");
    change.oldId = QStringLiteral("old-id");
    change.fields = {{QStringLiteral("labels/gpu"), QStringLiteral("a100"), QStringLiteral("h100")},
                     {QStringLiteral("actions"), QString(), QStringLiteral("wf:c")}};
    model.setChange(change);
    QCOMPARE(tableRows(model),
             testutil::lines({"id|old-id|new-id", "labels/gpu|a100|h100", "actions||wf:c"}));
    QCOMPARE(model.index(1, models::ChangesModel::NewColumn).data(models::ChangesModel::FieldFamilyRole),
             QVariant(QStringLiteral("labels")));
    QCOMPARE(model.headerData(models::ChangesModel::OldColumn, Qt::Horizontal).toString(),
             QStringLiteral("Old"));
    model.setChange(std::nullopt);
    QCOMPARE(model.rowCount(), 0);
}

void TestCompare::twoFiles() {
    views::MainWindow window;
    openComparison(window);
    views::WorkerTableView& table = *window.workerTable();
    QVERIFY(!table.isColumnHidden(WorkerTableModel::ChangeColumn));
    QCOMPARE(nameAndChange(table), testutil::lines({"new-one|appeared", "alpha|changed \u00b7 11 fields",
                                                    "gamma|replaced \u00b7 1 field", "dup|appeared", "eps|",
                                                    "beta|gone", "dup|gone", "dup|gone"}));
    QVERIFY(window.statusText().startsWith(
        QStringLiteral("2 appeared, 3 gone, 1 replaced, 1 changed against diff-old.json")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("compared with")));
    QCOMPARE(window.filterBar()->countsText(), QStringLiteral("5 of 5 workers")); // gone rows count nowhere

    // The Changes tab: alpha's fields, as --diff lists them.
    views::WorkerDetail& detail = *window.detail();
    QTabWidget& tabs = *detail.tabs();
    const int changesTab = tabs.indexOf(detail.page(views::WorkerDetail::Page::Changes));
    QVERIFY(tabs.isTabVisible(changesTab));
    table.selectRow(rowOf(table, QStringLiteral("alpha")));
    QCOMPARE(tabs.currentIndex(), changesTab);
    QCOMPARE(tabs.tabText(changesTab), QStringLiteral("Changes (11)"));
    views::SectionView* changesView =
        qobject_cast<views::SectionView*>(detail.page(views::WorkerDetail::Page::Changes));
    QVERIFY(changesView);
    QCOMPARE(tableRows(*changesView->table()->model()),
             testutil::lines({"status|ACTIVE|PAUSED", "runtimeInfo/sdkVersion|1.0.0|1.1.0",
                              "runtimeInfo/os|linux|", "slotConfig/default/available|2|1",
                              "slotConfig/durable/limit||1", "slotConfig/durable/available||1",
                              "labels/gpu|a100|h100", "labels/region||eu\twest", "labels/spot|(no value)|",
                              "actions||wf:c", "actions|wf:b|"}));
    // A replaced worker starts with its ids; an unchanged one says so.
    table.selectRow(rowOf(table, QStringLiteral("gamma")));
    QCOMPARE(tableRows(*changesView->table()->model()),
             testutil::lines({"id|a0000000-0000-0000-0000-000000000003|a0000000-0000-0000-0000-000000000013",
                              "runtimeInfo/sdkVersion|2.0.0|2.1.0"}));
    table.selectRow(rowOf(table, QStringLiteral("eps")));
    QCOMPARE(changesView->emptyStateText(), QStringLiteral("No changes since the older snapshot"));

    // A gone worker shows as the older snapshot had it.
    table.selectRow(rowOf(table, QStringLiteral("beta"), true));
    QCOMPARE(detail.nameLabel()->text(), QStringLiteral("beta"));
    QVERIFY2(detail.healthText().startsWith(QStringLiteral("Gone:")), qPrintable(detail.healthText()));
    QCOMPARE(changesView->emptyStateText(), QStringLiteral("Gone: only in the older snapshot"));

    // Compare Every Field adds eps's heartbeat.
    actionNamed(window, "compareEveryField")->trigger();
    QVERIFY(window.statusText().startsWith(QStringLiteral("2 appeared, 3 gone, 1 replaced, 2 changed")));
    actionNamed(window, "compareEveryField")->trigger();

    // Leaving returns to the plain view.
    QAction* leave = actionNamed(window, "leaveComparison");
    QVERIFY(leave->isEnabled());
    leave->trigger();
    QVERIFY(table.isColumnHidden(WorkerTableModel::ChangeColumn));
    QCOMPARE(table.model()->rowCount(), 5);
    QVERIFY(!tabs.isTabVisible(changesTab));
    QVERIFY(!window.statusText().contains(QStringLiteral("appeared")));
    QVERIFY(!leave->isEnabled());
    QVERIFY(!window.windowTitle().contains(QStringLiteral("compared with")));
}

// change: and changed: filter the comparison's rows, gone ones included; outside a comparison they match
// nothing.
void TestCompare::changeFilters() {
    views::MainWindow window;
    openComparison(window);
    views::WorkerTableView& table = *window.workerTable();
    const auto shownAs = [&](const QString& query) {
        window.setFilter(query);
        return nameAndChange(table);
    };
    QCOMPARE(shownAs(QStringLiteral("change:gone")), testutil::lines({"beta|gone", "dup|gone", "dup|gone"}));
    QCOMPARE(shownAs(QStringLiteral("change:appeared,replaced")),
             testutil::lines({"new-one|appeared", "gamma|replaced \u00b7 1 field", "dup|appeared"}));
    QCOMPARE(shownAs(QStringLiteral("changed:labels")), testutil::lines({"alpha|changed \u00b7 11 fields"}));
    QCOMPARE(shownAs(QStringLiteral("changed:runtimeInfo")),
             testutil::lines({"alpha|changed \u00b7 11 fields", "gamma|replaced \u00b7 1 field"}));
    // Other terms still apply to the workers of the newer snapshot; gone rows answer only to change terms.
    QCOMPARE(shownAs(QStringLiteral("change:changed,gone name:alpha")),
             testutil::lines({"alpha|changed \u00b7 11 fields", "beta|gone", "dup|gone", "dup|gone"}));
    QCOMPARE(shownAs(QStringLiteral("-change:gone -change:appeared")),
             testutil::lines({"alpha|changed \u00b7 11 fields", "gamma|replaced \u00b7 1 field", "eps|"}));

    window.session()->leaveComparison();
    QCOMPARE(shownAs(QStringLiteral("change:changed")), QStringList());
}

void TestCompare::exportEqualsTheCommandLine() {
    views::MainWindow window;
    QVERIFY(window.exportComparison(QStringLiteral("unused.tsv")).has_value()); // nothing compared yet
    openComparison(window);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("comparison.tsv"));
    QCOMPARE(window.exportComparison(path), std::nullopt);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.endsWith(QLatin1Char('\n')));
    text.chop(1);
    QCOMPARE(text.split(QLatin1Char('\n')), testutil::expectedLines(QStringLiteral("diff-default.txt")));
}

void TestCompare::failedComparisonKeepsTheDocument() {
    views::MainWindow window;
    openComparison(window);
    QSignalSpy failed(window.session(), &session::Session::comparisonFailed);
    window.session()->compareWith(QStringLiteral(HWI_FIXTURES "/no-such.json"));
    QVERIFY(failed.wait(10000));
    QVERIFY(!window.messageBar()->isHidden());
    QVERIFY2(window.messageBar()->text().startsWith(QStringLiteral("Cannot compare:")),
             qPrintable(window.messageBar()->text()));
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("Still showing ") + NewFile));
    QCOMPARE(window.snapshot()->source, NewFile);
    QCOMPARE(window.workerTable()->model()->rowCount(), 8); // the comparison as it was
}

void TestCompare::otherWindow() {
    views::MainWindow older;
    QSignalSpy olderShown(&older, &views::MainWindow::snapshotShown);
    older.open(OldFile);
    QVERIFY(olderShown.wait(10000));
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(NewFile);
    QVERIFY(shown.wait(10000));

    QMenu* windowMenu = nullptr;
    for (QAction* action : window.menuBar()->actions()) {
        if (action->menu() && action->text() == QStringLiteral("&Window"))
            windowMenu = action->menu();
    }
    QVERIFY(windowMenu);
    QMenu* compareMenu = windowMenu->actions().constFirst()->menu();
    QVERIFY(compareMenu);
    Q_EMIT compareMenu->aboutToShow();
    QCOMPARE(compareMenu->actions().size(), 1);
    QCOMPARE(compareMenu->actions().constFirst()->text(), OldFile);
    compareMenu->actions().constFirst()->trigger();
    QVERIFY(window.session()->comparison());
    QVERIFY(window.statusText().startsWith(
        QStringLiteral("2 appeared, 3 gone, 1 replaced, 1 changed against %1 (other window)").arg(OldFile)));
}

void TestCompare::liveHistory() {
    QVERIFY(m_server.setWorkers(fixtureBytes(OldFile)));
    views::MainWindow window;
    window.resize(1200, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.session()->connectToServer(connection());
    QVERIFY(shown.wait(20000));
    views::HistoryStrip& strip = *window.historyStrip();
    QTest::qWait(10);
    QVERIFY(strip.isHidden()); // one capture: nothing to pick between
    QVERIFY(window.workerTable()->isColumnHidden(WorkerTableModel::UsageColumn));

    // The server's fleet changes between refreshes.
    QVERIFY(m_server.setWorkers(fixtureBytes(NewFile)));
    window.reload();
    QVERIFY(shown.wait(20000));
    QVERIFY(
        m_server.setWorkers(fixtureBytes(NewFile).replace("2026-11-29T13:00:01Z", "2026-11-29T13:00:11Z")));
    window.reload();
    QVERIFY(shown.wait(20000));
    QTRY_COMPARE(strip.captures().size(), 3);
    QVERIFY(strip.isVisible());
    QCOMPARE(strip.shown(), 2);
    QVERIFY(strip.isFollowingLatest());
    QVERIFY(!strip.latestButton()->isEnabled());
    QVERIFY2(
        strip.markToolTip(0).startsWith(QStringLiteral("Capture 1 of 3: 2026-11-29T13:00:04Z, 6 workers")),
        qPrintable(strip.markToolTip(0)));

    // The sparklines: alpha used 2 units, then 3.
    views::WorkerTableView& table = *window.workerTable();
    QVERIFY(!table.isColumnHidden(WorkerTableModel::UsageColumn));
    const QVariantList alphaUse =
        table.model()
            ->index(rowOf(table, QStringLiteral("alpha")), WorkerTableModel::UsageColumn)
            .data(WorkerTableModel::UsageSeriesRole)
            .toList();
    QCOMPARE(alphaUse, (QVariantList{2, 3, 3}));

    // Click the first capture: the fleet as it was.
    QWidget* marks = strip.childAt(strip.markRect(0).center());
    QVERIFY(marks);
    QTest::mouseClick(marks, Qt::LeftButton, {}, marks->mapFrom(&strip, strip.markRect(0).center()));
    QCOMPARE(window.snapshot(), window.session()->history().entries()[0].snapshot);
    QTRY_COMPARE(strip.shown(), 0);
    QVERIFY(strip.latestButton()->isEnabled());
    QVERIFY(rowOf(table, QStringLiteral("beta")) >= 0); // there again

    // Ctrl+click the second: the two compared, the second shown.
    QTest::mouseClick(marks, Qt::LeftButton, Qt::ControlModifier,
                      marks->mapFrom(&strip, strip.markRect(1).center()));
    QVERIFY(window.session()->comparison());
    QCOMPARE(window.session()->comparison()->diff->summary(),
             QStringLiteral("2 appeared, 3 gone, 1 replaced, 1 changed"));
    QCOMPARE(window.snapshot(), window.session()->history().entries()[1].snapshot);
    QTRY_COMPARE(strip.compared(), 0);
    QCOMPARE(strip.shown(), 1);
    QVERIFY(!table.isColumnHidden(WorkerTableModel::ChangeColumn));
    QVERIFY(
        window.statusText().startsWith(QStringLiteral("2 appeared, 3 gone, 1 replaced, 1 changed against the "
                                                      "capture of 2026-11-29T13:00:04Z")));

    // Latest: back to following, out of the comparison.
    strip.latestButton()->click();
    QVERIFY(!window.session()->comparison());
    QCOMPARE(window.snapshot(), window.session()->history().entries()[2].snapshot);
    QTRY_COMPARE(strip.shown(), 2);
    QVERIFY(strip.isFollowingLatest());
    QVERIFY(table.isColumnHidden(WorkerTableModel::ChangeColumn));
}

void TestCompare::savedHistoryReopens() {
    views::MainWindow live;
    QVERIFY(m_server.setWorkers(fixtureBytes(OldFile)));
    QSignalSpy shown(&live, &views::MainWindow::snapshotShown);
    live.session()->connectToServer(connection());
    QVERIFY(shown.wait(20000));
    QVERIFY(m_server.setWorkers(fixtureBytes(NewFile)));
    live.reload();
    QVERIFY(shown.wait(20000));
    QTemporaryDir dir;
    QCOMPARE(live.session()->history().saveTo(dir.path()), std::nullopt);

    views::MainWindow reopened;
    QSignalSpy reopenedShown(&reopened, &views::MainWindow::snapshotShown);
    reopened.session()->openHistory(dir.path());
    QVERIFY(reopenedShown.wait(20000));
    QTRY_COMPARE(reopened.historyStrip()->captures().size(), 2);
    QCOMPARE(reopened.historyStrip()->shown(), 1);
    QCOMPARE(reopened.workerTable()->model()->rowCount(), 5);
    Q_EMIT reopened.historyStrip()->pairPicked(0, 1);
    QCOMPARE(reopened.session()->comparison()->diff->summary(),
             QStringLiteral("2 appeared, 3 gone, 1 replaced, 1 changed"));
    QCOMPARE(reopened.workerTable()->model()->rowCount(), 8);
}

void TestCompare::historyLimitsFromSettings() {
    QSettings().setValue(QStringLiteral("history/maxSnapshots"), 7);
    QSettings().setValue(QStringLiteral("history/maxMegabytes"), 64);
    views::MainWindow window;
    QCOMPARE(window.session()->history().maxCount(), 7);
    QCOMPARE(window.session()->history().maxBytes(), 64LL * 1024 * 1024);
}

// The Changes tab makes ten: at a 1366-px window they still show whole, side by side.
void TestCompare::tabsFitALaptopScreenWhileComparing() {
    views::MainWindow window;
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openComparison(window);
    const QTabBar& bar = *window.detail()->tabs()->tabBar();
    for (int row = 0; row < window.workerTable()->model()->rowCount(); ++row) {
        window.workerTable()->selectRow(row);
        QCoreApplication::processEvents();
        QVERIFY2(bar.sizeHint().width() <= bar.width(),
                 qPrintable(QStringLiteral("row %1: tabs want %2 px of %3")
                                .arg(row)
                                .arg(bar.sizeHint().width())
                                .arg(bar.width())));
    }
}

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
