// File > Export's tables and redacted exports as a user drives them (offscreen, without the file dialogs):
// Workers as CSV (filtered, sorted, visible columns in view order, machine values, read back by Python's
// csv module), the detail table named by its tab with ISO times, and Export Redacted.
#include "exportactions.h"
#include "filter/workerfilterproxy.h"
#include "itemmodels/workertablemodel.h"
#include "mainwindow.h"
#include "sectionview.h"
#include "temporarysettings.h"
#include "testutil.h"
#include "workerdetail.h"
#include "workertableview.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hwi;
using models::WorkerTableModel;

namespace {

const QString Fixtures = QStringLiteral(HWI_FIXTURES);

// The CSV file as Python's csv module reads it: a list of records, each a list of fields.
QList<QStringList> readWithPython(const QString& path) {
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import csv, json, sys\n"
                                 "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                                 "    print(json.dumps(list(csv.reader(f, strict=True))))\n"),
                  path});
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        return {{QStringLiteral("python3 failed: ") + QString::fromUtf8(python.readAllStandardError())}};
    QList<QStringList> records;
    for (const QJsonValue& record : QJsonDocument::fromJson(python.readAllStandardOutput()).array()) {
        QStringList fields;
        for (const QJsonValue& field : record.toArray())
            fields << field.toString();
        records << fields;
    }
    return records;
}

} // namespace

class TestTableExports : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void workersAsCsvAsShown();
    void workersAsCsvEveryColumn();
    void detailTableNamedWithIsoTimes();
    void redactedFromTheWindow();

private:
    TemporarySettings m_settings;
    std::unique_ptr<views::MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestTableExports::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hwi-tests"));
}

void TestTableExports::init() {
    m_window = std::make_unique<views::MainWindow>();
    QSignalSpy shown(m_window.get(), &views::MainWindow::snapshotShown);
    m_window->open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
}

void TestTableExports::cleanup() {
    m_window.reset();
}

void TestTableExports::workersAsCsvAsShown() {
    views::MainWindow& window = *m_window;
    // The case: a filter, then the worker table (not the detail pane's Slots table) as CSV.
    window.setFilter(QStringLiteral("status:active,paused"));
    views::WorkerTableView& table = *window.workerTable();
    table.sortByColumn(WorkerTableModel::NameColumn, Qt::AscendingOrder);
    QHeaderView& header = *table.horizontalHeader();
    for (int column = 0; column < header.count(); ++column)
        header.setSectionHidden(column, true);
    for (const int column :
         {WorkerTableModel::NameColumn, WorkerTableModel::LastHeartbeatColumn, WorkerTableModel::SlotsColumn,
          WorkerTableModel::LabelsColumn, WorkerTableModel::SdkColumn, WorkerTableModel::HealthColumn})
        header.setSectionHidden(column, false);
    // The user dragged Slots in front of Name.
    header.moveSection(header.visualIndex(WorkerTableModel::SlotsColumn), 0);

    const QString path = m_dir.filePath(QStringLiteral("workers.csv"));
    const auto error = window.exportActions()->exportWorkerTableCsv(path);
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Exported 2 workers to %1").arg(path));
    const QList<QStringList> records = readWithPython(path);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records[0],
             testutil::lines({"default_used", "default_limit", "durable_used", "durable_limit", "name",
                              "last_heartbeat_at", "labels", "sdk_language", "sdk_version", "health"}));
    QCOMPARE(records[1].mid(0, 8),
             testutil::lines({"3", "5", "0", "1", "order-processor", "2026-11-29T13:00:03.250Z",
                              "memory_gb=8;region=us-east-1", "GOLANG"}));
    QCOMPARE(records[2].mid(0, 6),
             testutil::lines({"0", "3", "", "", "report-builder", "2026-11-29T13:00:02.500Z"}));
    QVERIFY(!records[1].value(8).isEmpty());
    QVERIFY2(records[1].value(9).contains(QRegularExpression(QStringLiteral("^[a-z-]+$"))),
             qPrintable(records[1].value(9)));
}

void TestTableExports::workersAsCsvEveryColumn() {
    views::MainWindow& window = *m_window;
    QHeaderView& header = *window.workerTable()->horizontalHeader();
    for (int column = 0; column < header.count(); ++column) {
        header.setSectionHidden(column, false);
        header.moveSection(header.visualIndex(column), column);
    }
    const QString path = m_dir.filePath(QStringLiteral("all.csv"));
    QVERIFY(!window.exportActions()->exportWorkerTableCsv(path));
    const QList<QStringList> records = readWithPython(path);
    QCOMPARE(records.size(), 4);
    QCOMPARE(records[0], testutil::lines({"name", "status", "type", "last_heartbeat_at", "default_used",
                                          "default_limit", "durable_used", "durable_limit", "labels",
                                          "actions", "workflows", "sdk_language", "sdk_version",
                                          "dispatcher_id", "created_at", "health", "change", "usage"}));
    for (const QStringList& record : records)
        QCOMPARE(record.size(), records[0].size());
    QCOMPARE(records[3].value(0), QStringLiteral("mailer"));
    QCOMPARE(records[3].value(3), QString()); // no heartbeat
}

void TestTableExports::detailTableNamedWithIsoTimes() {
    views::MainWindow& window = *m_window;
    window.workerTable()->selectRow(0);
    views::WorkerDetail& detail = *window.detail();
    detail.tabs()->setCurrentIndex(int(views::WorkerDetail::Page::Overview));
    QMenu* menu = window.exportActions()->menu();
    Q_EMIT menu->aboutToShow();
    QStringList texts;
    for (const QAction* action : menu->actions())
        texts << action->text();
    QVERIFY2(texts.contains(QStringLiteral("Overview &Table…")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("&Workers as CSV…")));
    const QString path = m_dir.filePath(QStringLiteral("overview.csv"));
    QVERIFY(!window.exportActions()->exportTable(views::ExportActions::TableFormat::Csv, path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY2(csv.contains("2026-11-29T13:00:03.250Z"), csv.constData());
    QVERIFY2(!csv.contains(" ago"), csv.constData());
}

void TestTableExports::redactedFromTheWindow() {
    views::MainWindow& window = *m_window;
    window.setFilter(QStringLiteral("status:active"));
    const QString path = m_dir.filePath(QStringLiteral("redacted.json"));
    const auto error = window.exportActions()->exportRedacted(views::ExportActions::Workers::Filtered,
                                                              {true, false, false, "k"}, path);
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    const QString id = window.session()->snapshot()->worker(0).id();
    QVERIFY(!json.contains(id.toUtf8()));
    QVERIFY(!json.contains("order-processor"));
    QVERIFY(json.contains("\"name\": \"worker-1\""));
    QVERIFY(json.contains("\"pagination\""));
}

QTEST_MAIN(TestTableExports)
#include "tst_tableexports.moc"
