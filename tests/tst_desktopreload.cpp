// Reload on change: the watcher follows a file through in-place writes, editors' rename-over saves and
// delete-and-recreate, once per burst; the window reloads it, keeps the previous document while the file is
// half-written, and stops watching when Reload on Change is off.
#include "filewatcher.h"
#include "filter/workerfilterproxy.h"
#include "filterbar.h"
#include "itemmodels/workertablemodel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "rawjsonview.h"
#include "temporarysettings.h"
#include "workertableview.h"

#include <QSaveFile>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace hwi;
using models::WorkerTableModel;

namespace {

const QString Fixtures = QStringLiteral(HWI_FIXTURES);

QByteArray fixtureBytes(const char* name) {
    QFile file(Fixtures + QLatin1Char('/') + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Writes in place, as `cat > file` or an editor without safe saving does.
bool writeInPlace(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Writes a new file and renames it over the old one, as most editors save.
bool replace(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

// A WorkerList of count workers "worker-000"…, every tenth paused, all heartbeating at heartbeat.
QByteArray workerList(int count, const char* heartbeat) {
    QByteArray json = "{\"pagination\": {\"current_page\": 1, \"num_pages\": 1}, \"rows\": [\n";
    for (int i = 0; i < count; ++i) {
        json +=
            QStringLiteral("  {\"metadata\": {\"id\": \"00000000-0000-4000-8000-%1\", "
                           "\"createdAt\": \"2026-11-29T12:00:00Z\", \"updatedAt\": "
                           "\"2026-11-29T12:00:00Z\"}, \"name\": \"worker-%2\", \"type\": \"SELFHOSTED\", "
                           "\"status\": \"%3\", \"lastHeartbeatAt\": \"%4\"}%5\n")
                .arg(i, 12, 10, QLatin1Char('0'))
                .arg(i, 3, 10, QLatin1Char('0'))
                .arg(QLatin1String(i % 10 == 0 ? "PAUSED" : "ACTIVE"), QLatin1String(heartbeat),
                     QLatin1String(i + 1 < count ? "," : ""))
                .toUtf8();
    }
    return json + "]}\n";
}

int rowNamed(const QTableView& table, const QString& name) {
    for (int row = 0; row < table.model()->rowCount(); ++row) {
        if (table.model()->index(row, WorkerTableModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QStringList names(const QTableView& table) {
    QStringList list;
    for (int row = 0; row < table.model()->rowCount(); ++row)
        list << table.model()->index(row, WorkerTableModel::NameColumn).data().toString();
    return list;
}

} // namespace

class TestDesktopReload : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void watcherSeesWritesInPlace();
    void watcherFollowsEditorsThatReplaceTheFile();
    void watcherFollowsDeleteAndRecreate();
    void aBurstOfWritesIsOneChange();
    void theFolderIsWatchedATurnLater();
    void windowReloadsTheChangedFile();
    void reloadOnChangeKeepsSelectionFilterScrollAndExpansion();
    void halfWrittenFileKeepsThePreviousDocumentAndRetries();
    void reloadOnChangeToggleIsRemembered();

private:
    QString freshCopy(const char* fixture);

    TemporarySettings m_settings;
    QTemporaryDir m_dir;
    int m_copies = 0;
};

void TestDesktopReload::init() {
    m_settings.clear();
}

QString TestDesktopReload::freshCopy(const char* fixture) {
    const QString path =
        m_dir.filePath(QStringLiteral("copy%1-%2").arg(++m_copies).arg(QLatin1String(fixture)));
    return writeInPlace(path, fixtureBytes(fixture)) ? path : QString();
}

void TestDesktopReload::watcherSeesWritesInPlace() {
    const QString path = freshCopy("list-current.json");
    views::FileWatcher watcher;
    watcher.watch(path);
    QVERIFY(watcher.isWatchingFile());
    QSignalSpy changed(&watcher, &views::FileWatcher::changed);
    QVERIFY(writeInPlace(path, fixtureBytes("list-legacy.json")));
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.first().first().toString(), path);
}

void TestDesktopReload::watcherFollowsEditorsThatReplaceTheFile() {
    const QString path = freshCopy("list-current.json");
    views::FileWatcher watcher;
    watcher.watch(path);
    QSignalSpy changed(&watcher, &views::FileWatcher::changed);
    QVERIFY(replace(path, fixtureBytes("list-legacy.json")));
    QVERIFY(changed.wait(5000));
    // The new file is watched: the next save is seen too.
    QVERIFY(watcher.isWatchingFile());
    QVERIFY(replace(path, fixtureBytes("list-current.json")));
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.size(), 2);
}

void TestDesktopReload::watcherFollowsDeleteAndRecreate() {
    const QString path = freshCopy("list-current.json");
    views::FileWatcher watcher;
    watcher.watch(path);
    QSignalSpy changed(&watcher, &views::FileWatcher::changed);
    QVERIFY(QFile::remove(path));
    QVERIFY(writeInPlace(path, fixtureBytes("list-legacy.json")));
    QVERIFY(changed.wait(5000));
    QVERIFY(watcher.isWatchingFile());
    QVERIFY(writeInPlace(path, fixtureBytes("list-current.json")));
    QVERIFY(changed.wait(5000));
}

void TestDesktopReload::aBurstOfWritesIsOneChange() {
    const QString path = freshCopy("list-current.json");
    views::FileWatcher watcher;
    watcher.watch(path);
    QSignalSpy changed(&watcher, &views::FileWatcher::changed);
    const QByteArray bytes = fixtureBytes("list-current.json");
    for (qsizetype end = bytes.size() / 4; end <= bytes.size(); end += bytes.size() / 4)
        QVERIFY(writeInPlace(path, bytes.left(end)));
    QVERIFY(writeInPlace(path, bytes));
    QVERIFY(changed.wait(5000));
    QTest::qWait(3 * views::FileWatcher::DebounceMsecs); // room for a second signal, which must not come
    QCOMPARE(changed.size(), 1);
}

// Adding a folder's watch can take milliseconds (issue 19): not in the turn that shows the document.
void TestDesktopReload::theFolderIsWatchedATurnLater() {
    const QString path = freshCopy("list-current.json");
    views::FileWatcher watcher;
    watcher.watch(path);
    QVERIFY(watcher.isWatchingFile());
    QVERIFY(!watcher.isWatchingFolder());
    QTRY_VERIFY(watcher.isWatchingFolder());
}

void TestDesktopReload::windowReloadsTheChangedFile() {
    const QString path = freshCopy("list-current.json");
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(path);
    QVERIFY(shown.wait(10000));
    QVERIFY(window.reloadsOnChange()); // on by default
    QCOMPARE(window.fileWatcher()->path(), path);
    window.setFilter(QStringLiteral("status:active"));
    const int activeBefore = window.workerTable()->model()->rowCount();

    QByteArray bytes = fixtureBytes("list-current.json");
    bytes.replace("report-builder", "report-builder-v2");
    QVERIFY(replace(path, bytes));
    QVERIFY(shown.wait(10000));
    QCOMPARE(window.session()->source(), path);
    QCOMPARE(window.filterBar()->query(), QStringLiteral("status:active")); // the filter stays
    QCOMPARE(window.workerTable()->model()->rowCount(), activeBefore);
    window.setFilter(QString());
    QVERIFY(names(*window.workerTable()).contains(QStringLiteral("report-builder-v2")));
}

void TestDesktopReload::reloadOnChangeKeepsSelectionFilterScrollAndExpansion() {
    const QString path = m_dir.filePath(QStringLiteral("many.json"));
    QVERIFY(writeInPlace(path, workerList(200, "2026-11-29T13:00:00Z")));
    views::MainWindow window;
    window.resize(1200, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(path);
    QVERIFY(shown.wait(10000));

    // The user's state: a filter, a selected worker far down the list, expanded raw nodes.
    QTableView& table = *window.workerTable();
    window.setFilter(QStringLiteral("status:active"));
    QCOMPARE(table.model()->rowCount(), 180);
    const int row = rowNamed(table, QStringLiteral("worker-151"));
    table.selectRow(row);
    table.scrollTo(table.model()->index(row, 0), QAbstractItemView::PositionAtCenter);
    const int scroll = table.verticalScrollBar()->value();
    QVERIFY(scroll > 0);
    QTreeView& tree = *window.documentRawView()->tree();
    const QModelIndex rows = tree.model()->index(1, 0, tree.model()->index(0, 0));
    QCOMPARE(rows.data().toString(), QStringLiteral("rows"));
    tree.expand(rows);
    tree.expand(tree.model()->index(3, 0, rows));
    const auto previous = window.snapshot();
    QSignalSpy resets(window.workerProxy()->sourceModel(), &QAbstractItemModel::modelReset);

    // Another capture is saved over the file, the way an editor or `hatchet worker list > file` does.
    QVERIFY(replace(path, workerList(200, "2026-11-29T13:05:00Z")));
    QVERIFY(shown.wait(10000));
    QVERIFY(window.snapshot() != previous);
    // The file's time is the new one, though the data (every worker ACTIVE or PAUSED at 13:05:00) puts the
    // capture at 13:05:00–13:05:05: estimated at 13:05:00 (issue 14).
    QCOMPARE(window.snapshot()->capture.hint.time, QFileInfo(path).lastModified());
    QCOMPARE(window.snapshot()->captureTime,
             QDateTime::fromString(QStringLiteral("2026-11-29T13:05:00Z"), Qt::ISODate));
    QCOMPARE(resets.size(), 0); // refreshed in place
    QCOMPARE(window.filterBar()->query(), QStringLiteral("status:active"));
    QCOMPARE(table.model()->rowCount(), 180);
    QCOMPARE(table.currentIndex().siblingAtColumn(WorkerTableModel::NameColumn).data().toString(),
             QStringLiteral("worker-151"));
    QVERIFY(table.selectionModel()->isRowSelected(table.currentIndex().row()));
    QCOMPARE(table.verticalScrollBar()->value(), scroll);
    const QModelIndex rowsAgain = tree.model()->index(1, 0, tree.model()->index(0, 0));
    QVERIFY(tree.isExpanded(rowsAgain));
    QVERIFY(tree.isExpanded(tree.model()->index(3, 0, rowsAgain)));
    QVERIFY(!tree.isExpanded(tree.model()->index(2, 0, rowsAgain)));
}

void TestDesktopReload::halfWrittenFileKeepsThePreviousDocumentAndRetries() {
    const QString path = freshCopy("list-current.json");
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    QSignalSpy failed(&window.session()->loader(), &load::Loader::failed);
    window.open(path);
    QVERIFY(shown.wait(10000));
    const auto previous = window.snapshot();

    const QByteArray bytes = fixtureBytes("list-legacy.json");
    QVERIFY(writeInPlace(path, bytes.left(bytes.size() / 2)));
    QVERIFY(failed.wait(10000));
    QCOMPARE(window.snapshot(), previous);
    QCOMPARE(window.workerTable()->model()->rowCount(), 3);
    QVERIFY(!window.messageBar()->isHidden());
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("Still showing")),
             qPrintable(window.messageBar()->text()));

    // The writer finishes: the next change loads the whole file.
    QVERIFY(writeInPlace(path, bytes));
    QVERIFY(shown.wait(10000));
    QVERIFY(window.snapshot() != previous);
    QVERIFY(names(*window.workerTable()).contains(QStringLiteral("transcoder-a")));
    QVERIFY(window.messageBar()->isHidden());
}

void TestDesktopReload::reloadOnChangeToggleIsRemembered() {
    const QString path = freshCopy("list-current.json");
    {
        views::MainWindow window;
        QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
        window.open(path);
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.fileWatcher()->path(), path);
        window.setReloadOnChange(false);
        QCOMPARE(window.fileWatcher()->path(), QString()); // nothing watched, nothing reloaded
    }
    views::MainWindow next;
    QVERIFY(!next.reloadsOnChange());
    QSignalSpy shown(&next, &views::MainWindow::snapshotShown);
    next.open(path);
    QVERIFY(shown.wait(10000));
    QCOMPARE(next.fileWatcher()->path(), QString());
    next.setReloadOnChange(true);
    QCOMPARE(next.fileWatcher()->path(), path);
}

QTEST_MAIN(TestDesktopReload)
#include "tst_desktopreload.moc"
