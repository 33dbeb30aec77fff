// The window's filters, File > Export and copy actions as a user drives them (offscreen): the worker query,
// a detail table's filter box and empty text, the raw JSON filter keeping ancestors, exporting the filtered
// workers and a detail table without the dialog, and copying to the clipboard.
#include "exportactions.h"
#include "filter/workerfilterproxy.h"
#include "filterbar.h"
#include "itemmodels/jsontreefilterproxy.h"
#include "itemmodels/jsontreemodel.h"
#include "itemmodels/labelsmodel.h"
#include "itemmodels/workertablemodel.h"
#include "mainwindow.h"
#include "rawjsonview.h"
#include "sectionview.h"
#include "temporarysettings.h"
#include "workerdetail.h"
#include "workertableactions.h"
#include "workertableview.h"
#include "json/document.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace hwi;
using models::JsonTreeModel;
using models::WorkerTableModel;

namespace {

const QString Fixtures = QStringLiteral(HWI_FIXTURES);

int rowNamed(const QTableView& table, const QString& name) {
    for (int row = 0; row < table.model()->rowCount(); ++row) {
        if (table.model()->index(row, WorkerTableModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

views::SectionView* showTab(views::WorkerDetail& detail, const QString& prefix) {
    QTabWidget& tabs = *detail.tabs();
    for (int i = 0; i < tabs.count(); ++i) {
        if (tabs.tabText(i).startsWith(prefix)) {
            tabs.setCurrentIndex(i);
            return detail.currentSection();
        }
    }
    return nullptr;
}

std::shared_ptr<const json::Document> parseFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    auto parsed = json::Document::parse(file.readAll());
    auto* doc = std::get_if<std::shared_ptr<const json::Document>>(&parsed);
    return doc ? *doc : nullptr;
}

// The keys (or [i]) of the proxy's visible rows under parent, in order.
QStringList visibleKeys(const QAbstractItemModel& model, const QModelIndex& parent) {
    QStringList keys;
    for (int row = 0; row < model.rowCount(parent); ++row)
        keys << model.index(row, JsonTreeModel::KeyColumn, parent).data().toString();
    return keys;
}

} // namespace

class TestWindowExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void workerFilterInTheWindow();
    void labelChipsFollowTheQuery();
    void detailTableFilter();
    void rawTreeFilterKeepsAncestors();
    void rawFilterWaitsForTwoCharacters();
    void exportFilteredWorkers();
    void exportSelectedWorkersCompact();
    void exportDetailTableCsv();
    void exportRawNode();
    void exportErrorNamesThePath();
    void copyWorkerIds();
    void copyRawNode();

private:
    TemporarySettings m_settings; // never the user's settings
    std::unique_ptr<views::MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestWindowExport::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings away from the user's
    QCoreApplication::setOrganizationName(QStringLiteral("hwi-tests"));
}

void TestWindowExport::init() {
    m_window = std::make_unique<views::MainWindow>();
    m_window->exportActions()->setCompact(false);
    QSignalSpy shown(m_window.get(), &views::MainWindow::snapshotShown);
    m_window->open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
}

void TestWindowExport::cleanup() {
    m_window.reset();
}

void TestWindowExport::workerFilterInTheWindow() {
    views::MainWindow& window = *m_window;
    QCOMPARE(window.workerProxy()->rowCount(), 3);
    window.setFilter(QStringLiteral("status:paused"));
    QCOMPARE(window.workerProxy()->rowCount(), 1);
    QCOMPARE(window.workerTable()->shownWorkerIndexes(), std::vector<std::size_t>{1});
    QVERIFY(window.filterBar()->errorText().isEmpty());
    // A malformed query keeps the last valid filter and says what is wrong.
    window.setFilter(QStringLiteral("nosuchfield:x"));
    QCOMPARE(window.workerProxy()->rowCount(), 1);
    QVERIFY2(window.filterBar()->errorText().contains(QStringLiteral("unknown field")),
             qPrintable(window.filterBar()->errorText()));
    window.setFilter(QString());
    QCOMPARE(window.workerProxy()->rowCount(), 3);
    QVERIFY(window.filterBar()->errorText().isEmpty());
}

void TestWindowExport::detailTableFilter() {
    views::MainWindow& window = *m_window;
    window.workerTable()->selectRow(rowNamed(*window.workerTable(), QStringLiteral("order-processor")));
    views::SectionView* labels = showTab(*window.detail(), QStringLiteral("Labels"));
    QVERIFY(labels);
    QCOMPARE(window.currentDetailTable(), labels->table());
    QCOMPARE(labels->table()->model()->rowCount(), 2);
    QCOMPARE(labels->filterEdit()->placeholderText(), QStringLiteral("Filter…"));
    QVERIFY(labels->filterEdit()->isClearButtonEnabled());
    // Typing filters after the debounce; case-insensitive over every column (here the value).
    QTest::keyClicks(labels->filterEdit(), QStringLiteral("US-EAST"));
    QTRY_COMPARE(labels->table()->model()->rowCount(), 1);
    QCOMPARE(labels->table()->model()->index(0, models::LabelsModel::KeyColumn).data().toString(),
             QStringLiteral("region"));
    QVERIFY(labels->emptyStateText().isEmpty());
    labels->setFilterText(QStringLiteral("zzz"));
    QCOMPARE(labels->table()->model()->rowCount(), 0);
    QCOMPARE(labels->emptyStateText(), QStringLiteral("No labels match 'zzz'"));
    // A worker without labels says so, whatever the filter.
    window.workerTable()->selectRow(rowNamed(*window.workerTable(), QStringLiteral("mailer")));
    QCOMPARE(labels->emptyStateText(), QStringLiteral("No labels"));
    labels->setFilterText(QString());
    window.workerTable()->selectRow(rowNamed(*window.workerTable(), QStringLiteral("order-processor")));
    QCOMPARE(labels->table()->model()->rowCount(), 2);
    QVERIFY(labels->emptyStateText().isEmpty());
}

void TestWindowExport::rawTreeFilterKeepsAncestors() {
    views::RawJsonView& raw = *m_window->documentRawView();
    const QAbstractItemModel& proxy = *raw.tree()->model();
    raw.setFilterText(QStringLiteral("MAILER"));
    const QModelIndex root = proxy.index(0, 0);
    QVERIFY(root.isValid());
    QCOMPARE(visibleKeys(proxy, root), QStringList{QStringLiteral("rows")}); // pagination has no match
    const QModelIndex rows = proxy.index(0, 0, root);
    QCOMPARE(visibleKeys(proxy, rows), QStringList{QStringLiteral("[2]")});
    const QModelIndex worker = proxy.index(0, 0, rows);
    QVERIFY(visibleKeys(proxy, worker).contains(QStringLiteral("name")));
    QVERIFY(raw.tree()->isExpanded(worker)); // small result: matches expanded
    // A key matches too.
    raw.setFilterText(QStringLiteral("sdkversion"));
    QCOMPARE(proxy.rowCount(proxy.index(0, 0, root)), 3);
    QCOMPARE(visibleKeys(proxy, proxy.index(0, 0, proxy.index(0, 0, root))),
             QStringList{QStringLiteral("runtimeInfo")});
    // selectNode maps through the filter, and clears a filter that hides the node.
    const auto& doc = *m_window->snapshot()->document;
    const json::NodeId pagination = doc.member(doc.root(), "pagination");
    raw.selectNode(pagination);
    QVERIFY(raw.filterEdit()->text().isEmpty());
    QCOMPARE(raw.currentNode(), pagination);
    const json::NodeId firstRow = m_window->snapshot()->workers[0];
    raw.setFilterText(QStringLiteral("order-processor"));
    raw.selectNode(firstRow);
    QCOMPARE(raw.filterEdit()->text(), QStringLiteral("order-processor"));
    QCOMPARE(raw.currentNode(), firstRow);
}

void TestWindowExport::rawFilterWaitsForTwoCharacters() {
    views::RawJsonView& raw = *m_window->documentRawView();
    QTest::keyClicks(raw.filterEdit(), QStringLiteral("m"));
    QTest::qWait(400);
    QCOMPARE(raw.proxy()->filterText(), QString()); // one character: not yet
    QTest::keyClick(raw.filterEdit(), Qt::Key_Return);
    QCOMPARE(raw.proxy()->filterText(), QStringLiteral("m")); // Enter filters anyway
    QTest::keyClicks(raw.filterEdit(), QStringLiteral("a"));
    QTRY_COMPARE(raw.proxy()->filterText(), QStringLiteral("ma"));
}

void TestWindowExport::exportFilteredWorkers() {
    views::MainWindow& window = *m_window;
    window.setFilter(QStringLiteral("status:active,inactive"));
    QCOMPARE(window.workerProxy()->rowCount(), 2);
    const QString path = m_dir.filePath(QStringLiteral("filtered.json"));
    const auto error = window.exportActions()->exportWorkers(views::ExportActions::Workers::Filtered, path);
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Exported 2 workers to %1").arg(path));
    const auto doc = parseFile(path);
    QVERIFY(doc);
    QCOMPARE(doc->kind(doc->root()), json::Kind::Object);
    QVERIFY(doc->member(doc->root(), "pagination") != json::NoNode); // the WorkerList envelope
    const json::NodeId rows = doc->member(doc->root(), "rows");
    QVERIFY(rows != json::NoNode);
    QCOMPARE(doc->childCount(rows), 2u);
    QCOMPARE(doc->text(doc->member(doc->child(rows, 0), "name")), QStringLiteral("order-processor"));
    QCOMPARE(doc->text(doc->member(doc->child(rows, 1), "name")), QStringLiteral("mailer"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\n  \"rows\": [")); // pretty: two-space indent
}

void TestWindowExport::exportSelectedWorkersCompact() {
    views::MainWindow& window = *m_window;
    window.exportActions()->setCompact(true);
    window.workerTable()->selectRow(rowNamed(*window.workerTable(), QStringLiteral("report-builder")));
    const QString path = m_dir.filePath(QStringLiteral("selected.json"));
    QVERIFY(!window.exportActions()->exportWorkers(views::ExportActions::Workers::Selected, path));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Exported 1 worker to %1").arg(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains('\n'));
    const auto doc = parseFile(path);
    const json::NodeId rows = doc->member(doc->root(), "rows");
    QCOMPARE(doc->childCount(rows), 1u);
    QCOMPARE(doc->text(doc->member(doc->child(rows, 0), "name")), QStringLiteral("report-builder"));
    window.exportActions()->setCompact(false);
}

void TestWindowExport::exportDetailTableCsv() {
    // A worker whose labels need quoting: a comma and quotes, a leading space.
    const QString source = m_dir.filePath(QStringLiteral("quoting.json"));
    QFile json(source);
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(R"({"metadata":{"id":"w-1"},"name":"quoting","type":"SELFHOSTED","status":"ACTIVE",)"
               R"("labels":[{"key":"note","value":"a, \"b\""},{"key":"pad","value":" x"},)"
               R"({"key":"gpu","value":"a100"}]})");
    json.close();
    views::MainWindow& window = *m_window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(source);
    QVERIFY(shown.wait(10000));
    window.workerTable()->selectRow(0);
    views::SectionView* labels = showTab(*window.detail(), QStringLiteral("Labels"));
    QVERIFY(labels);
    labels->setFilterText(QStringLiteral("\"")); // only the quoted one
    QCOMPARE(labels->table()->model()->rowCount(), 1);
    labels->setFilterText(QString());
    const QString path = m_dir.filePath(QStringLiteral("labels.csv"));
    QVERIFY(!window.exportActions()->exportTable(views::ExportActions::TableFormat::Csv, path));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Exported 3 rows to %1").arg(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY2(lines.value(0).startsWith("Key,Value,"), lines.value(0).constData());
    QVERIFY(lines.value(0).endsWith('\r'));
    QVERIFY2(lines.value(1).startsWith(R"(note,"a, ""b""",)"), lines.value(1).constData());
    QVERIFY2(lines.value(2).startsWith(R"(pad," x",)"), lines.value(2).constData());
    QVERIFY2(lines.value(3).startsWith("gpu,a100,"), lines.value(3).constData());
    // The same table as JSON: an array of objects keyed by column.
    const QString jsonPath = m_dir.filePath(QStringLiteral("labels.json"));
    QVERIFY(!window.exportActions()->exportTable(views::ExportActions::TableFormat::Json, jsonPath));
    const auto doc = parseFile(jsonPath);
    QVERIFY(doc);
    QCOMPARE(doc->childCount(doc->root()), 3u);
    QCOMPARE(doc->text(doc->member(doc->child(doc->root(), 0), "Value")), QStringLiteral("a, \"b\""));
}

void TestWindowExport::exportRawNode() {
    views::MainWindow& window = *m_window;
    const auto& doc = *window.snapshot()->document;
    const json::NodeId labels = doc.member(window.snapshot()->workers[0], "labels");
    window.documentRawView()->selectNode(labels);
    QCOMPARE(window.activeRawView(), window.documentRawView());
    const QString path = m_dir.filePath(QStringLiteral("node.json"));
    QVERIFY(!window.exportActions()->exportRawNode(path));
    const auto written = parseFile(path);
    QVERIFY(written);
    QCOMPARE(written->kind(written->root()), json::Kind::Array);
    QCOMPARE(written->childCount(written->root()), 2u);
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Exported /rows/0/labels to %1").arg(path));
    // The worker's raw view, once used, is the one exported.
    views::RawJsonView& workerRaw = *window.workerRawView();
    window.workerTable()->selectRow(rowNamed(*window.workerTable(), QStringLiteral("mailer")));
    workerRaw.selectNode(doc.member(window.snapshot()->workers[2], "name"));
    QCOMPARE(window.activeRawView(), &workerRaw);
    QVERIFY(!window.exportActions()->exportRawNode(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("\"mailer\"\n"));
}

void TestWindowExport::exportErrorNamesThePath() {
    const QString path = m_dir.filePath(QStringLiteral("no/such/folder/x.json"));
    const auto error = m_window->exportActions()->exportWorkers(views::ExportActions::Workers::All, path);
    QVERIFY(error);
    QVERIFY2(error->contains(path), qPrintable(*error));
}

void TestWindowExport::copyWorkerIds() {
    views::MainWindow& window = *m_window;
    QTableView& table = *window.workerTable();
    QClipboard& clipboard = *QGuiApplication::clipboard();
    table.selectRow(rowNamed(table, QStringLiteral("report-builder")));
    QTest::keySequence(&table, QKeySequence::Copy);
    QCOMPARE(clipboard.text(), QStringLiteral("a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a5b"));
    // Several rows: one id a line, in table order.
    table.selectionModel()->select(table.model()->index(rowNamed(table, QStringLiteral("mailer")), 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::keySequence(&table, QKeySequence::Copy);
    QCOMPARE(clipboard.text(), QStringLiteral("a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a5b\n"
                                              "a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a5b"));
    // The context menu's copies act on the current worker.
    table.selectRow(rowNamed(table, QStringLiteral("order-processor")));
    views::WorkerTableActions& actions = *window.workerTableActions();
    actions.copy(views::WorkerTableActions::Copy::Id);
    QCOMPARE(clipboard.text(), QStringLiteral("a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b"));
    actions.copy(views::WorkerTableActions::Copy::Name);
    QCOMPARE(clipboard.text(), QStringLiteral("order-processor"));
    actions.copy(views::WorkerTableActions::Copy::RowJson);
    QVERIFY(clipboard.text().startsWith(QStringLiteral("{\"actions\":[")));
    QVERIFY(clipboard.text().contains(QStringLiteral("\"name\":\"order-processor\"")));
    QVERIFY(!clipboard.text().contains(QLatin1Char('\n')));
}

void TestWindowExport::copyRawNode() {
    views::RawJsonView& raw = *m_window->documentRawView();
    const auto& doc = *m_window->snapshot()->document;
    const json::NodeId labels = doc.member(m_window->snapshot()->workers[0], "labels");
    const json::NodeId value = doc.member(doc.child(labels, 1), "value");
    raw.selectNode(value);
    using Copy = views::RawJsonView::Copy;
    QCOMPARE(raw.copyText(Copy::Value), QStringLiteral("us-east-1"));
    QCOMPARE(raw.copyText(Copy::Json), QStringLiteral("\"us-east-1\""));
    QCOMPARE(raw.copyText(Copy::Pointer), QStringLiteral("/rows/0/labels/1/value"));
    QCOMPARE(raw.copyText(Copy::JqPath), QStringLiteral(".rows[0].labels[1].value"));
    raw.copy(Copy::JqPath);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral(".rows[0].labels[1].value"));
    // Ctrl+C in the tree copies the value.
    QTest::keySequence(raw.tree(), QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("us-east-1"));
    raw.selectNode(labels);
    QVERIFY(raw.copyText(Copy::Json).startsWith(QStringLiteral("[{\"key\":")));
}

// Issue 13: the Label… picker offers a key with any value too; every label term is a removable chip; the
// chips and the status toggles follow the query text both ways.
void TestWindowExport::labelChipsFollowTheQuery() {
    views::FilterBar bar;
    QSignalSpy changed(&bar, &views::FilterBar::queryChanged);
    bar.setLabelChoices({QStringLiteral("gpu"), QStringLiteral("gpu=a100")});
    auto* picker = bar.findChild<QComboBox*>();
    QVERIFY(picker);
    QCOMPARE(picker->count(), 3);
    QCOMPARE(picker->itemText(1), QStringLiteral("gpu (any value)"));
    QCOMPARE(picker->itemText(2), QStringLiteral("gpu=a100"));
    Q_EMIT picker->activated(1);
    QCOMPARE(bar.query(), QStringLiteral("label:gpu"));
    QCOMPARE(bar.chipTexts(), QStringList{QStringLiteral("label:gpu")});

    bar.setQuery(QStringLiteral("render label:a=b status:active -label:\"c d\""));
    QCOMPARE(bar.chipTexts(), (QStringList{QStringLiteral("label:a=b"), QStringLiteral("-label:\"c d\"")}));
    const auto named = [&](const QString& text) {
        for (QToolButton* button : bar.findChildren<QToolButton*>()) {
            if (button->text() == text)
                return button;
        }
        return static_cast<QToolButton*>(nullptr);
    };
    QVERIFY(named(QStringLiteral("Active"))->isChecked());
    QVERIFY(named(QStringLiteral("not \"c d\" \u00d7")));

    named(QStringLiteral("a=b \u00d7"))->click(); // the chip's x removes its term
    QCOMPARE(bar.query(), QStringLiteral("render status:active -label:\"c d\""));
    QCOMPARE(bar.chipTexts(), QStringList{QStringLiteral("-label:\"c d\"")});
    named(QStringLiteral("Paused"))->click();
    QCOMPARE(bar.query(), QStringLiteral("render -label:\"c d\" status:ACTIVE,PAUSED"));
    named(QStringLiteral("Active"))->click();
    named(QStringLiteral("Paused"))->click();
    QCOMPARE(bar.query(), QStringLiteral("render -label:\"c d\""));

    // A malformed query leaves the chips as they were until it parses again.
    bar.setQuery(QStringLiteral("label:x=y name:\"open"));
    QCOMPARE(bar.chipTexts(), QStringList{QStringLiteral("-label:\"c d\"")});
    bar.setQuery(QString());
    QVERIFY(bar.chipTexts().isEmpty());
    QVERIFY(!changed.isEmpty());
}

QTEST_MAIN(TestWindowExport)
#include "tst_windowexport.moc"
