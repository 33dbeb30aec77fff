// The Problems panel: its model is the `--check` list (same rows, same order), each row knows its worker
// and node; the severity toggles and the filter box narrow it; activating a row shows the worker and node.
#include "commandline.h"
#include "filter/workerfilterproxy.h"
#include "filterbar.h"
#include "itemmodels/problemsmodel.h"
#include "itemmodels/workertablemodel.h"
#include "itemmodeltestutil.h"
#include "mainwindow.h"
#include "problemspanel.h"
#include "rawjsonview.h"
#include "sectionview.h"
#include "workerdetail.h"
#include "workertableview.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace hwi;
using hatchet::Severity;
using models::ProblemsModel;
using Tester = QAbstractItemModelTester;

namespace {

// A list with problems inside two workers and one outside every worker (pagination).
const QByteArray Mixed = R"({
  "pagination": {"current_page": "one"},
  "rows": [
    {"metadata": {"id": "a", "createdAt": "2026-11-29T12:00:00Z", "updatedAt": "2026-11-29T12:00:00Z"},
     "name": "alpha", "type": "SELFHOSTED", "status": "SLEEPING", "extra": 1},
    {"metadata": {"id": "b", "createdAt": "2026-11-29T12:00:00Z", "updatedAt": "2026-11-29T12:00:00Z"},
     "name": "beta", "type": 7, "dispatcherId": "not-a-uuid"}
  ]
})";

QStringList checkLines(const hatchet::Snapshot& snapshot) {
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    app::printCheck(snapshot, outStream, errStream);
    outStream.flush();
    return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// The model's rows as `--check` prints them: "POINTER: severity: message".
QStringList modelLines(const QAbstractItemModel& model) {
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto cell = [&](int column) { return model.index(row, column).data().toString(); };
        lines << cell(ProblemsModel::PointerColumn) + QStringLiteral(": ") +
                     cell(ProblemsModel::SeverityColumn) + QStringLiteral(": ") +
                     cell(ProblemsModel::MessageColumn);
    }
    return lines;
}

int rowWithPointer(const QAbstractItemModel& model, const QString& pointer) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, ProblemsModel::PointerColumn).data().toString() == pointer)
            return row;
    }
    return -1;
}

} // namespace

class TestProblems : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameListAsCheck_data();
    void sameListAsCheck();
    void workersNodesAndLocations();
    void newSnapshotResets();
    void severityFilter();
    void sortsOnRawValues();
    void panelTitleCountsSeverities();
    void accessibleNames();
    void activatingSelectsWorkerAndNode();
    void activatingOutsideWorkersShowsDocument();
};

void TestProblems::sameListAsCheck_data() {
    QTest::addColumn<QString>("fixture");
    for (const char* name : {"invalid-types.json", "tolerant.json", "list-current.json", "worker-patch.json"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestProblems::sameListAsCheck() {
    QFETCH(QString, fixture);
    ProblemsModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto snapshot = testutil::loadFixture(fixture);
    model.setSnapshot(snapshot);
    QVERIFY(testutil::sameLines(modelLines(model), checkLines(*snapshot)));
    QCOMPARE(std::size_t(model.rowCount()), snapshot->problems.size());
}

void TestProblems::workersNodesAndLocations() {
    ProblemsModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto snapshot = testutil::snapshotOf(Mixed, {});
    model.setSnapshot(snapshot);
    QVERIFY(testutil::sameLines(
        testutil::dump(model),
        {QStringLiteral("error|2:34||/pagination/current_page|'current_page' should be an "
                        "integer, found string"),
         QStringLiteral("warning|5:55|alpha|/rows/0/status|unknown WorkerStatus value "
                        "'SLEEPING' (known: ACTIVE, INACTIVE, PAUSED); shown as written"),
         QStringLiteral("info|5:76|alpha|/rows/0/extra|unknown field 'extra' (not in the "
                        "Worker schema; kept)"),
         QStringLiteral("error|7:30|beta|/rows/1/type|'type' should be a string (WorkerType), "
                        "found number"),
         QStringLiteral("warning|7:49|beta|/rows/1/dispatcherId|'dispatcherId' is not a valid "
                        "uuid: 'not-a-uuid'")}));
    const QModelIndex beta = model.index(3, 0);
    QCOMPARE(beta.data(ProblemsModel::WorkerIndexRole).toInt(), 1);
    QCOMPARE(snapshot->document->pointer(beta.data(models::NodeRole).toUInt()),
             QStringLiteral("/rows/1/type"));
    QCOMPARE(model.index(0, 0).data(ProblemsModel::WorkerIndexRole).toInt(), -1);
    QCOMPARE(model.index(0, ProblemsModel::LocationColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("line 2, column 34"));
    QCOMPARE(model.count(Severity::Error), std::size_t(2));
    QCOMPARE(model.count(Severity::Warning), std::size_t(2));
    QCOMPARE(model.count(Severity::Info), std::size_t(1));
}

void TestProblems::newSnapshotResets() {
    ProblemsModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSnapshot(testutil::snapshotOf(Mixed, {}));
    QCOMPARE(reset.size(), 1);
    QVERIFY(model.rowCount() > 0);
    model.setSnapshot(testutil::loadFixture(QStringLiteral("list-current.json")));
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 0);
    model.setSnapshot(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.count(Severity::Error), std::size_t(0));
}

void TestProblems::severityFilter() {
    ProblemsModel model;
    models::ProblemSeverityFilter filter;
    filter.setSourceModel(&model);
    Tester tester(&filter, Tester::FailureReportingMode::QtTest);
    const auto snapshot = testutil::loadFixture(QStringLiteral("invalid-types.json"));
    model.setSnapshot(snapshot);
    const auto errors = int(model.count(Severity::Error));
    const auto warnings = int(model.count(Severity::Warning));
    const auto infos = int(model.count(Severity::Info));
    QVERIFY(errors > 0 && warnings > 0);
    QCOMPARE(errors + warnings + infos, model.rowCount());
    QCOMPARE(filter.rowCount(), model.rowCount());

    filter.setSeverityShown(Severity::Error, false);
    QCOMPARE(filter.rowCount(), warnings + infos);
    for (int row = 0; row < filter.rowCount(); ++row)
        QVERIFY(filter.index(row, 0).data().toString() != QLatin1String("error"));
    filter.setSeverityShown(Severity::Warning, false);
    filter.setSeverityShown(Severity::Info, false);
    QCOMPARE(filter.rowCount(), 0);
    filter.setSeverityShown(Severity::Warning, true);
    QCOMPARE(filter.rowCount(), warnings);
    QVERIFY(!filter.isSeverityShown(Severity::Error));
}

void TestProblems::sortsOnRawValues() {
    views::ProblemsPanel panel;
    panel.setSnapshot(testutil::snapshotOf(Mixed, {}));
    QTableView* table = panel.table();
    table->sortByColumn(ProblemsModel::SeverityColumn, Qt::AscendingOrder);
    QStringList severities;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        severities << table->model()->index(row, ProblemsModel::SeverityColumn).data().toString();
    QCOMPARE(severities.first(), QStringLiteral("error"));
    QCOMPARE(severities.last(), QStringLiteral("info"));
    QCOMPARE(severities.count(QStringLiteral("error")), 2);

    // Line:Col sorts by offset, not as text ("10:1" after "9:5").
    table->sortByColumn(ProblemsModel::LocationColumn, Qt::DescendingOrder);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const qint64 offset =
            table->model()->index(row, ProblemsModel::LocationColumn).data(models::RawValueRole).toLongLong();
        QVERIFY(offset <= previous);
        previous = offset;
    }

    // The filter box matches any column, the worker's name included.
    panel.section()->setFilterText(QStringLiteral("beta"));
    QCOMPARE(table->model()->rowCount(), 2);
    panel.section()->setFilterText(QStringLiteral("nothing like this"));
    QCOMPARE(panel.section()->emptyStateText(), QStringLiteral("No problems match 'nothing like this'"));
}

void TestProblems::panelTitleCountsSeverities() {
    views::ProblemsPanel panel;
    QCOMPARE(panel.windowTitle(), QStringLiteral("Problems"));
    panel.setSnapshot(testutil::snapshotOf(Mixed, {}));
    QCOMPARE(panel.windowTitle(), QStringLiteral("Problems — 2 errors, 2 warnings, 1 info"));
    QCOMPARE(panel.severityToggle(Severity::Warning)->text(), QStringLiteral("2 warnings"));
    QCOMPARE(panel.severityToggle(Severity::Info)->text(), QStringLiteral("1 info"));
    panel.severityToggle(Severity::Warning)->click();
    QCOMPARE(panel.table()->model()->rowCount(), 3);
    panel.severityToggle(Severity::Warning)->click();
    QCOMPARE(panel.table()->model()->rowCount(), 5);

    panel.setSnapshot(testutil::loadFixture(QStringLiteral("list-current.json")));
    QCOMPARE(panel.windowTitle(), QStringLiteral("Problems"));
    QCOMPARE(panel.section()->emptyStateText(),
             QStringLiteral("No problems: the document matches the Hatchet schema"));
    QCOMPARE(panel.severityToggle(Severity::Error)->text(), QStringLiteral("0 errors"));
}

void TestProblems::accessibleNames() {
    // Regression (issue 12, bug 5): the filter box was named after the empty-state text.
    views::ProblemsPanel panel;
    const QList<QLineEdit*> edits = panel.findChildren<QLineEdit*>();
    QCOMPARE(edits.size(), 1);
    QCOMPARE(edits.first()->accessibleName(), QStringLiteral("Filter problems"));
    QCOMPARE(panel.table()->accessibleName(), QStringLiteral("Problems"));
    for (const QWidget* widget : panel.findChildren<QWidget*>())
        QVERIFY2(!widget->accessibleName().contains(QLatin1String("matches")),
                 qPrintable(widget->accessibleName()));
}

void TestProblems::activatingSelectsWorkerAndNode() {
    views::MainWindow window;
    window.show();
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(testutil::fixturePath(QStringLiteral("invalid-types.json")));
    QVERIFY(shown.wait(10000));
    window.setFilter(QStringLiteral("name:nobody")); // hides every worker: activation must clear it
    QCOMPARE(window.workerProxy()->rowCount(), 0);

    views::ProblemsPanel* panel = window.problemsPanel();
    QVERIFY(panel->isVisible());
    QTableView* table = panel->table();
    const int row = rowWithPointer(*table->model(), QStringLiteral("/rows/1/dispatcherId"));
    QVERIFY(row >= 0);
    const QModelIndex index = table->model()->index(row, ProblemsModel::MessageColumn);
    table->scrollTo(index);
    QSignalSpy activated(panel, &views::ProblemsPanel::problemActivated);
    const QPoint at = table->visualRect(index).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at); // a double-click starts with a press
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(activated.size(), 1);

    QCOMPARE(window.filterBar()->findChild<QLineEdit*>()->text(), QString());
    const std::vector<std::size_t> selected = window.workerTable()->selectedWorkerIndexes();
    QCOMPARE(selected, std::vector<std::size_t>{1});
    const auto& doc = *window.snapshot()->document;
    QCOMPARE(doc.pointer(window.workerRawView()->currentNode()), QStringLiteral("/rows/1/dispatcherId"));
    QCOMPARE(window.detail()->tabs()->currentWidget(), window.workerRawView());
    QCOMPARE(doc.pointer(window.documentRawView()->currentNode()), QStringLiteral("/rows/1/dispatcherId"));
}

void TestProblems::activatingOutsideWorkersShowsDocument() {
    views::MainWindow window;
    window.show();
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mixed.json"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Mixed);
    }
    window.open(path);
    QVERIFY(shown.wait(10000));
    QTableView* table = window.problemsPanel()->table();
    const int row = rowWithPointer(*table->model(), QStringLiteral("/pagination/current_page"));
    QVERIFY(row >= 0);
    window.problemsPanel()->activate(table->model()->index(row, 0));
    QVERIFY(window.documentRawView()->isVisible());
    QCOMPARE(window.snapshot()->document->pointer(window.documentRawView()->currentNode()),
             QStringLiteral("/pagination/current_page"));
}

QTEST_MAIN(TestProblems)
#include "tst_problems.moc"
