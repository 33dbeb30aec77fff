// The window as a user drives it (offscreen): open, select, read the detail, switch the time reference,
// cancel a load, and survive a broken file with the previous document still shown.
#include "elidedlabel.h"
#include "filewatcher.h"
#include "filter/workerfilterproxy.h"
#include "filterbar.h"
#include "itemmodels/metadatamodel.h"
#include "itemmodels/workertablemodel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "plaintooltips.h"
#include "problemspanel.h"
#include "rawjsonview.h"
#include "sectionview.h"
#include "session/session.h"
#include "temporarysettings.h"
#include "workerdetail.h"
#include "workertableview.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace hwi;
using models::WorkerTableModel;

namespace {

const QString Fixtures = QStringLiteral(HWI_FIXTURES);

// A copy of a fixture whose modification time (= capture time) is set.
QString copyWithCaptureTime(const QTemporaryDir& dir, const QString& fixture, const QDateTime& capture) {
    const QString path = dir.filePath(fixture);
    QFile::copy(Fixtures + QLatin1Char('/') + fixture, path);
    QFile file(path);
    file.open(QIODevice::ReadWrite);
    file.setFileTime(capture, QFileDevice::FileModificationTime);
    return path;
}

int rowNamed(const QTableView& table, const QString& name) {
    for (int row = 0; row < table.model()->rowCount(); ++row) {
        if (table.model()->index(row, WorkerTableModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QString cell(const QTableView& table, int row, int column) {
    return table.model()->index(row, column).data().toString();
}

// The detail tab whose title starts with prefix, e.g. "Labels" for "Labels (2)".
int tabStarting(const QTabWidget& tabs, const QString& prefix) {
    for (int i = 0; i < tabs.count(); ++i) {
        if (tabs.tabText(i).startsWith(prefix))
            return i;
    }
    return -1;
}

QString metadataValue(views::WorkerDetail& detail, int row) {
    auto* section = qobject_cast<views::SectionView*>(detail.tabs()->widget(0));
    return section->table()->model()->index(row, models::MetadataModel::ValueColumn).data().toString();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensAndShowsEveryWorker();
    void loadsWhileTheGlobalThreadPoolIsBusy();
    void filteringKeepsTheShownWorkersDetail();
    void detailPagesFitTheirContentWhenShown();
    void detailShowsSelectedWorker();
    void longTitlesNeverWidenTheWindow_data();
    void longTitlesNeverWidenTheWindow();
    void detailTabsFitALaptopScreen();
    void healthReasonsFollowTheDashboard();
    void relativeTimeAgainstCaptureOrNow();
    void measureTimesAgainstThreeChoices();
    void cancelKeepsPreviousDocument();
    void errorKeepsPreviousDocument();
    void failedOpenInANewWindowNamesTheFile();
    void filterHidingTheSelectionClearsTheDetail();
    void problemsDockFitsItsContent();
    void filterIndexIsBuiltInTheBackground();
    void reloadKeepsSelectionFilterAndExpansion();
    void reloadCountsSnapshotWorkersOnly();
    void unknownStatusIsAHint();

private:
    TemporarySettings m_settings; // never the user's settings
    QTemporaryDir m_dir;
};

void TestMainWindow::opensAndShowsEveryWorker() {
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
    QCOMPARE(window.workerTable()->model()->rowCount(), 3);
    QVERIFY(rowNamed(*window.workerTable(), QStringLiteral("report-builder")) >= 0);
    QVERIFY2(window.statusText().contains(QStringLiteral("3 workers")), qPrintable(window.statusText()));
    // The breakdown by status is counted off the GUI thread and follows the total.
    QTRY_VERIFY2(window.statusText().contains(QStringLiteral("3 workers: 1 active, 1 inactive, 1 paused")),
                 qPrintable(window.statusText()));
    QVERIFY(window.statusText().contains(QStringLiteral("list-current.json")));
}

// Qt's raster painter runs parts of large fills on the global thread pool and waits for them, so the
// window's own long work (parse, index, counts) must not queue there: it held the first paint of a 1 GB
// document for half a second. With every global thread taken, a load still shows, counts and filters.
void TestMainWindow::loadsWhileTheGlobalThreadPoolIsBusy() {
    QThreadPool* global = QThreadPool::globalInstance();
    const int threads = global->maxThreadCount();
    QSemaphore release;
    for (int i = 0; i < threads; ++i)
        global->start([&release] { release.acquire(); });
    const auto freeGlobalPool = qScopeGuard([&] {
        release.release(threads);
        global->waitForDone();
    });
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    QSignalSpy indexed(window.session(), &session::Session::indexed);
    window.open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
    QTRY_VERIFY2(window.statusText().contains(QStringLiteral("3 workers: 1 active, 1 inactive, 1 paused")),
                 qPrintable(window.statusText()));
    window.setFilter(QStringLiteral("status:paused"));
    QTRY_COMPARE(window.workerProxy()->rowCount(), 1);
    QVERIFY(indexed.count() == 1 || indexed.wait(10000));
}

// A filter keystroke or a sort that keeps the selected worker keeps its detail as the user left it (the
// row picked in a detail page, which a rebuild resets); one that hides the worker clears the detail.
void TestMainWindow::filteringKeepsTheShownWorkersDetail() {
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
    window.workerTable()->selectRow(rowNamed(*window.workerTable(), QStringLiteral("report-builder")));
    QTableView* page = window.currentDetailTable();
    QVERIFY(page && page->model()->rowCount() > 2);
    page->setCurrentIndex(page->model()->index(2, 0));
    const QString picked = page->currentIndex().data().toString();

    window.setFilter(QStringLiteral("report"));
    QTRY_COMPARE(window.workerProxy()->rowCount(), 1);
    window.workerTable()->sortByColumn(WorkerTableModel::StatusColumn, Qt::DescendingOrder);
    QCOMPARE(page->currentIndex().row(), 2);
    QCOMPARE(page->currentIndex().data().toString(), picked);
    QCOMPARE(metadataValue(*window.detail(), models::MetadataModel::NameRow),
             QStringLiteral("report-builder"));

    window.setFilter(QStringLiteral("name:nobody"));
    QTRY_COMPARE(window.workerProxy()->rowCount(), 0);
    QCOMPARE(metadataValue(*window.detail(), models::MetadataModel::NameRow), QString());
}

// A detail page fits its columns to the selected worker's values when it comes into view (pages out of
// view are not measured on every selection): no value is cut short in a column but the last, which
// stretches.
void TestMainWindow::detailPagesFitTheirContentWhenShown() {
    views::MainWindow window;
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
    window.workerTable()->selectRow(rowNamed(*window.workerTable(), QStringLiteral("order-processor")));
    QTabWidget& tabs = *window.detail()->tabs();
    const int labels = tabStarting(tabs, QStringLiteral("Labels"));
    QVERIFY(labels >= 0 && tabs.currentIndex() != labels);
    tabs.setCurrentIndex(labels);
    QTableView* table = window.currentDetailTable();
    QVERIFY(table && table->isVisible() && table->model()->rowCount() > 0);
    const QAbstractItemView& view = *table; // sizeHintForColumn() is public there
    for (int column = 0; column + 1 < table->model()->columnCount(); ++column) {
        if (table->isColumnHidden(column))
            continue;
        QVERIFY2(table->columnWidth(column) >= view.sizeHintForColumn(column),
                 qPrintable(QStringLiteral("column %1: %2 px for %3 px of content")
                                .arg(column)
                                .arg(table->columnWidth(column))
                                .arg(view.sizeHintForColumn(column))));
    }
}

void TestMainWindow::detailShowsSelectedWorker() {
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(Fixtures + QStringLiteral("/list-legacy.json"));
    QVERIFY(shown.wait(10000));
    const int row = rowNamed(*window.workerTable(), QStringLiteral("transcoder-a"));
    QVERIFY(row >= 0);
    window.workerTable()->selectRow(row);
    views::WorkerDetail& detail = *window.detail();
    QCOMPARE(metadataValue(detail, models::MetadataModel::NameRow), QStringLiteral("transcoder-a"));
    QVERIFY(metadataValue(detail, models::MetadataModel::SchemaEraRow).contains(QStringLiteral("maxRuns")));
    // A list row never held `slots` (only a GET did): nothing to count; the page says what maxRuns and
    // availableRuns tell, availableRuns being the free count.
    QTabWidget& tabs = *detail.tabs();
    QCOMPARE(tabs.tabText(tabStarting(tabs, QStringLiteral("Slots"))), QStringLiteral("Slots"));
    QCOMPARE(detail.section(views::WorkerDetail::Page::Slots)->emptyStateText(),
             QStringLiteral("Lists do not include running slots (a single GET does); 2 of 4 in use "
                            "\u00b7 2 free"));
    QCOMPARE(cell(*window.workerTable(), row, WorkerTableModel::SlotsColumn), QStringLiteral("default 2/4"));
}

// Issue 13: an old-era webhook worker is named by its URL, and names can be any length. Selecting one elides
// the header's name (the full text in its tooltip) and never makes the window wider than a 1024-px screen.
void TestMainWindow::longTitlesNeverWidenTheWindow_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("name");
    const QString url =
        QStringLiteral("https://hooks.acme-corp.dev/hatchet/webhook?tenant=acme-prod&env=production&v=2");
    QTest::newRow("webhook URL") << Fixtures + QStringLiteral("/webhook-legacy.json") << url;
    QTest::newRow("300-character name") << QString() << QString(); // written by the test
}

void TestMainWindow::longTitlesNeverWidenTheWindow() {
    QFETCH(QString, source);
    QFETCH(QString, name);
    if (source.isEmpty()) {
        QString longName;
        while (longName.size() < 300)
            longName += QStringLiteral("render-farm-%1-").arg(longName.size());
        name = longName.left(300);
        QFile sample(QStringLiteral(HWI_SAMPLE));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QByteArray json = sample.readAll();
        QCOMPARE(json.count("\"name\": \"render-farm-01\""), 1);
        json.replace("\"name\": \"render-farm-01\"", QByteArray("\"name\": \"" + name.toUtf8() + "\""));
        source = m_dir.filePath(QStringLiteral("long-name.json"));
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
    }
    views::MainWindow window;
    window.resize(1024, 700);
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(source);
    QVERIFY(shown.wait(10000));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.minimumSizeHint().width() <= 1024,
             qPrintable(QString::number(window.minimumSizeHint().width())));

    const int row = rowNamed(*window.workerTable(), name);
    QVERIFY(row >= 0);
    window.workerTable()->selectRow(row);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    const views::ElidedLabel& label = *window.detail()->nameLabel();
    QCOMPARE(label.text(), name);
    QCOMPARE(label.toolTip(), views::plainToolTip(name));
    QCOMPARE(label.textFormat(), Qt::PlainText);
    QVERIFY2(window.minimumSizeHint().width() <= 1024,
             qPrintable(QString::number(window.minimumSizeHint().width())));
    QVERIFY(window.detail()->minimumSizeHint().width() < 500);
    QCOMPARE(window.width(), 1024);
    // The name fits in the pane by eliding, the header's other lines by wrapping.
    QVERIFY(label.shownText() != name);
    QVERIFY(label.shownText().contains(QChar(0x2026)));
    QVERIFY(label.geometry().right() < window.detail()->width());
}

// Issue 13: at a 1366-px window every detail tab shows whole, side by side: no scroll arrows, no eliding, for
// every worker of the sample (counts differ).
void TestMainWindow::detailTabsFitALaptopScreen() {
    views::MainWindow window;
    window.resize(1366, 768);
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(QStringLiteral(HWI_SAMPLE));
    QVERIFY(shown.wait(10000));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QTabBar& bar = *window.detail()->tabs()->tabBar();
    QCOMPARE(bar.count(), 11);
    QVERIFY(!bar.isTabVisible(int(views::WorkerDetail::Page::Changes)));   // only in a comparison
    QVERIFY(!bar.isTabVisible(int(views::WorkerDetail::Page::Placement))); // only with "Can it run?"

    for (int row = 0; row < window.workerTable()->model()->rowCount(); ++row) {
        window.workerTable()->selectRow(row);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        const QString worker = cell(*window.workerTable(), row, WorkerTableModel::NameColumn);
        QVERIFY2(bar.sizeHint().width() <= bar.width(), qPrintable(QStringLiteral("%1: tabs want %2 px of %3")
                                                                       .arg(worker)
                                                                       .arg(bar.sizeHint().width())
                                                                       .arg(bar.width())));
        for (int i = 0; i < bar.count(); ++i) {
            if (!bar.isTabVisible(i))
                continue;
            QVERIFY2(bar.rect().contains(bar.tabRect(i)),
                     qPrintable(QStringLiteral("%1: tab '%2'").arg(worker, bar.tabText(i))));
        }
    }
    // Tabs are found by page, whatever their titles say.
    QCOMPARE(window.detail()->tabs()->indexOf(window.detail()->page(views::WorkerDetail::Page::RawJson)), 8);
}

void TestMainWindow::healthReasonsFollowTheDashboard() {
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
    window.workerTable()->selectRow(rowNamed(*window.workerTable(), QStringLiteral("mailer")));
    // The one health model (hatchet::assessHealth): every reason, in words a Hatchet user knows.
    const QString health = window.detail()->healthText();
    QVERIFY2(health.contains(QStringLiteral("Never heartbeated: takes no tasks")), qPrintable(health));
    QVERIFY(!health.contains(QStringLiteral("dispatcher")));
}

void TestMainWindow::relativeTimeAgainstCaptureOrNow() {
    // order-processor's last heartbeat is 2026-11-29T13:00:03.25Z in the fixture; the file time 13:00:07 is
    // one the data allows (report-builder, PAUSED, heartbeated at 13:00:02.5: at most 5 s before).
    const QString path =
        copyWithCaptureTime(m_dir, QStringLiteral("list-current.json"),
                            QDateTime(QDate(2026, 11, 29), QTime(13, 0, 7), QTimeZone::utc()));
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(path);
    QVERIFY(shown.wait(10000));
    const int row = rowNamed(*window.workerTable(), QStringLiteral("order-processor"));
    const QString atCapture = cell(*window.workerTable(), row, WorkerTableModel::LastHeartbeatColumn);
    QVERIFY2(atCapture.endsWith(QStringLiteral("s ago")), qPrintable(atCapture));
    QSignalSpy resets(window.workerTable()->model(), &QAbstractItemModel::modelReset);
    window.setMeasureAgainstNow(true);
    const QString againstNow = cell(*window.workerTable(), row, WorkerTableModel::LastHeartbeatColumn);
    QVERIFY2(againstNow != atCapture, qPrintable(againstNow));
    QCOMPARE(resets.size(), 0); // the reference time changes cells, never the rows
    window.setMeasureAgainstNow(false);
    QCOMPARE(cell(*window.workerTable(), row, WorkerTableModel::LastHeartbeatColumn), atCapture);
}

// Answers the next QInputDialogs in turn: a text to accept, or a null QString to cancel; keeps their labels.
void answerInputDialogs(const QStringList& answers, QStringList* labels) {
    if (answers.isEmpty())
        return;
    QTimer::singleShot(10, [answers, labels] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            answerInputDialogs(answers, labels); // not up yet
            return;
        }
        *labels << dialog->labelText();
        answerInputDialogs(answers.mid(1), labels); // the next one, if asked again
        if (answers.first().isNull()) {
            dialog->reject();
        } else {
            dialog->setTextValue(answers.first());
            dialog->accept();
        }
    });
}

// View > Measure Times Against: the capture time (the default), now, or a time typed in (checked); the
// status bar says which, and where the capture time came from.
void TestMainWindow::measureTimesAgainstThreeChoices() {
    // A copy of list-current whose file time is 2 d later: the data puts the capture in
    // [13:00:03.250, 13:00:07.500], so the capture is estimated at 13:00:03.250 (order-processor's
    // heartbeat).
    const QString path = m_dir.filePath(QStringLiteral("copied-2-days-later.json"));
    QVERIFY(QFile::copy(Fixtures + QStringLiteral("/list-current.json"), path));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime(QDate(2026, 12, 1), QTime(13, 0, 5), QTimeZone::utc()),
                                 QFileDevice::FileModificationTime));
    }
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(path);
    QVERIFY(shown.wait(10000));
    auto* capture = window.findChild<QAction*>(QStringLiteral("measureAgainstCapture"));
    auto* now = window.findChild<QAction*>(QStringLiteral("measureAgainstNow"));
    auto* other = window.findChild<QAction*>(QStringLiteral("measureAgainstOtherTime"));
    QVERIFY(capture && now && other);
    QVERIFY(capture->isChecked() && !now->isChecked() && !other->isChecked());
    QCOMPARE(window.measuresAgainst(), views::MainWindow::MeasureAgainst::CaptureTime);
    QVERIFY2(window.statusText().contains(QStringLiteral(
                 "Captured ≈ 2026-11-29T13:00:03.250Z (estimated; the file's time contradicts the data)")),
             qPrintable(window.statusText()));
    QCOMPARE(window.referenceTime(), QDateTime(QDate(2026, 11, 29), QTime(13, 0, 3, 250), QTimeZone::utc()));
    const int row = rowNamed(*window.workerTable(), QStringLiteral("report-builder")); // 13:00:02.5
    const auto heartbeat = [&] {
        return cell(*window.workerTable(), row, WorkerTableModel::LastHeartbeatColumn);
    };
    QCOMPARE(heartbeat(), QStringLiteral("just now")); // not "2 d ago"

    // Now: ticking; the toolbar's button is the same action.
    window.setMeasureAgainstNow(true);
    QVERIFY(now->isChecked() && !capture->isChecked());
    QVERIFY(window.measuresAgainstNow());
    QVERIFY2(window.statusText().contains(QStringLiteral("Measuring against now")),
             qPrintable(window.statusText()));
    QVERIFY2(heartbeat().endsWith(QStringLiteral(" d ago")), qPrintable(heartbeat()));
    now->toggle(); // the toolbar button clicked again: back to the capture time
    QVERIFY(capture->isChecked() && !now->isChecked());
    QCOMPARE(heartbeat(), QStringLiteral("just now"));

    // Another time, typed in: a word is refused (the dialog asks again, saying why), a time is taken.
    QStringList labels;
    answerInputDialogs({QStringLiteral("yesterday"), QStringLiteral("2026-11-29T13:01:02.5Z")}, &labels);
    other->trigger();
    QCOMPARE(labels.size(), 2);
    QVERIFY2(labels.at(1).startsWith(QStringLiteral("'yesterday' is not an ISO 8601 time")),
             qPrintable(labels.at(1)));
    QVERIFY(other->isChecked() && !capture->isChecked() && !now->isChecked());
    QCOMPARE(window.measuresAgainst(), views::MainWindow::MeasureAgainst::OtherTime);
    QCOMPARE(window.referenceTime(), QDateTime(QDate(2026, 11, 29), QTime(13, 1, 2, 500), QTimeZone::utc()));
    QCOMPARE(heartbeat(), QStringLiteral("1 min ago"));
    QVERIFY2(window.statusText().contains(
                 QStringLiteral("Measuring against 2026-11-29T13:01:02.500Z (set by you)")),
             qPrintable(window.statusText()));

    // Cancelled, the choice stays as it was (now, here).
    window.setMeasureAgainstNow(true);
    answerInputDialogs({QString()}, &labels);
    other->trigger();
    QCOMPARE(labels.size(), 3);
    QVERIFY(now->isChecked() && !other->isChecked());
    QCOMPARE(window.measuresAgainst(), views::MainWindow::MeasureAgainst::Now);

    // And back to the capture time from the menu.
    capture->trigger();
    QVERIFY(capture->isChecked() && !now->isChecked() && !other->isChecked());
    QCOMPARE(window.measuresAgainst(), views::MainWindow::MeasureAgainst::CaptureTime);
    QCOMPARE(heartbeat(), QStringLiteral("just now"));
    QVERIFY(window.statusText().contains(QStringLiteral("Captured ≈ 2026-11-29T13:00:03.250Z")));
}

void TestMainWindow::cancelKeepsPreviousDocument() {
    // A big enough document that the load is still running when Cancel is pressed.
    QByteArray big = "[";
    QFile worker(Fixtures + QStringLiteral("/worker-get.json"));
    QVERIFY(worker.open(QIODevice::ReadOnly));
    const QByteArray one = worker.readAll();
    for (int i = 0; i < 4000; ++i)
        big += (i ? "," : "") + one;
    big += "]";
    QFile file(m_dir.filePath(QStringLiteral("big.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(big);
    file.close();

    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
    const auto previous = window.snapshot();
    QSignalSpy cancelled(&window.session()->loader(), &load::Loader::cancelled);
    window.open(file.fileName());
    QVERIFY(window.session()->loader().isLoading());
    window.session()->loader().cancel();
    QCOMPARE(cancelled.size(), 1);
    QTest::qWait(1500); // nothing of the cancelled load arrives later
    QCOMPARE(window.snapshot(), previous);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(window.workerTable()->model()->rowCount(), 3);
}

void TestMainWindow::errorKeepsPreviousDocument() {
    QFile broken(m_dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"rows\": [\n  {\"name\": \"x\",\n   \"type\" \"SELFHOSTED\"}]}");
    broken.close();
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    QSignalSpy failed(&window.session()->loader(), &load::Loader::failed);
    window.open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
    const auto previous = window.snapshot();
    window.open(broken.fileName());
    QVERIFY(failed.wait(10000));
    QVERIFY(!window.messageBar()->isHidden());
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("broken.json:3:11:")),
             qPrintable(window.messageBar()->text()));
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("expected ':'")));
    QCOMPARE(window.snapshot(), previous);
    QCOMPARE(window.workerTable()->model()->rowCount(), 3);

    // The good document stays what the window is about: its title, F5 and the file watcher (issue 13).
    const QString good = Fixtures + QStringLiteral("/list-current.json");
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("Still showing ") + good),
             qPrintable(window.messageBar()->text()));
    QVERIFY(!window.messageBar()->text().contains(QStringLiteral("stale")));
    QVERIFY(window.windowTitle().startsWith(good));
    QVERIFY(!window.session()->isStale());
    QCOMPARE(window.session()->source(), good);
    QCOMPARE(window.fileWatcher()->path(), good);
    QSignalSpy refreshed(window.session(), &session::Session::refreshed);
    window.reload();
    QCOMPARE(window.session()->loadingSource(), good);
    QVERIFY(refreshed.wait(10000));
}

// Issue 13: the detail pane and Export > Selected Workers agree on what is selected when the filter hides
// the selected worker: the pane clears (saying why) and shows the worker again when the filter does.
void TestMainWindow::filterHidingTheSelectionClearsTheDetail() {
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(QStringLiteral(HWI_SAMPLE));
    QVERIFY(shown.wait(10000));
    const int row = rowNamed(*window.workerTable(), QStringLiteral("render-farm-01"));
    window.workerTable()->selectRow(row);
    QCOMPARE(metadataValue(*window.detail(), models::MetadataModel::NameRow),
             QStringLiteral("render-farm-01"));

    window.setFilter(QStringLiteral("name:email"));
    QTRY_COMPARE(window.workerProxy()->rowCount(), 1);
    QVERIFY(window.workerTable()->selectedWorkerIndexes().empty());
    QCOMPARE(metadataValue(*window.detail(), models::MetadataModel::NameRow), QString());
    QVERIFY2(window.detail()->healthText().isEmpty(), qPrintable(window.detail()->healthText()));

    window.setFilter(QString());
    QTRY_COMPARE(window.workerProxy()->rowCount(), 12);
    const int again = rowNamed(*window.workerTable(), QStringLiteral("email-sender"));
    window.workerTable()->selectRow(again);
    QCOMPARE(metadataValue(*window.detail(), models::MetadataModel::NameRow), QStringLiteral("email-sender"));
    QCOMPARE(window.workerTable()->selectedWorkerIndexes().size(), std::size_t(1));
}

// Issue 13: the Problems dock is little more than a line without problems, and tall enough for its rows
// (up to a handful) with them.
void TestMainWindow::problemsDockFitsItsContent() {
    views::MainWindow window;
    window.resize(1366, 768);
    window.show();
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(QStringLiteral(HWI_SAMPLE));
    QVERIFY(shown.wait(10000));
    const int line = window.fontMetrics().height();
    QTRY_VERIFY2(window.problemsPanel()->height() <= 6 * line,
                 qPrintable(QStringLiteral("%1 px for no problems").arg(window.problemsPanel()->height())));
    window.open(Fixtures + QStringLiteral("/invalid-types.json"));
    QVERIFY(shown.wait(10000));
    const int rows = std::min(window.problemsPanel()->table()->model()->rowCount(), 8);
    QVERIFY(rows >= 3);
    QTRY_VERIFY2(window.problemsPanel()->table()->viewport()->height() >=
                     rows * window.problemsPanel()->table()->verticalHeader()->defaultSectionSize(),
                 qPrintable(QStringLiteral("%1 px for %2 rows")
                                .arg(window.problemsPanel()->table()->viewport()->height())
                                .arg(rows)));
}

void TestMainWindow::failedOpenInANewWindowNamesTheFile() {
    const QString path = m_dir.filePath(QStringLiteral("truncated.json"));
    QFile broken(path);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"rows\": [");
    broken.close();
    views::MainWindow window;
    QSignalSpy failed(window.session(), &session::Session::failed);
    window.open(path);
    QVERIFY(failed.wait(10000));
    QVERIFY2(window.windowTitle().startsWith(path), qPrintable(window.windowTitle()));
    QVERIFY2(window.statusText().contains(path), qPrintable(window.statusText()));
    QVERIFY(window.statusText().contains(QStringLiteral("not loaded")));
    QVERIFY(!window.statusBar()->currentMessage().contains(QStringLiteral("File > Open")));
    QCOMPARE(window.session()->source(), path); // F5 retries it: nothing else is on screen
    QCOMPARE(window.detail()->nameLabel()->text(), QStringLiteral("No document"));
    // The Problems panel never claims "no problems" for a document it could not check.
    const QString problems = window.problemsPanel()->findChild<views::SectionView*>()->emptyStateText();
    QVERIFY2(problems.contains(QStringLiteral("Not checked")), qPrintable(problems));
    QVERIFY(!window.problemsPanel()->windowTitle().contains(QStringLiteral("0 ")));
    for (QToolButton* toggle : window.problemsPanel()->findChildren<QToolButton*>())
        QVERIFY2(!toggle->text().startsWith(QLatin1Char('0')), qPrintable(toggle->text()));
}

void TestMainWindow::filterIndexIsBuiltInTheBackground() {
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
    auto* proxy = qobject_cast<filter::WorkerFilterProxy*>(window.workerTable()->model());
    QVERIFY(proxy);
    // Ready before the first keystroke, without a query having asked for it.
    QTRY_VERIFY(proxy->workerIndex() && proxy->workerIndex()->isFor(*window.snapshot()));
    window.setFilter(QStringLiteral("status:inactive"));
    QCOMPARE(proxy->rowCount(), 1);
}

void TestMainWindow::reloadKeepsSelectionFilterAndExpansion() {
    QFile fixture(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray original = fixture.readAll();
    const QString path = m_dir.filePath(QStringLiteral("reloaded.json"));
    const auto write = [&](const QByteArray& bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    };
    write(original);

    views::MainWindow window;
    window.setReloadOnChange(false); // reloads by hand here; tst_desktopreload covers the watcher
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(path);
    QVERIFY(shown.wait(10000));
    QTableView& table = *window.workerTable();
    window.setFilter(QStringLiteral("type:selfhosted"));
    QTRY_COMPARE(table.model()->rowCount(), 2);
    table.selectRow(rowNamed(table, QStringLiteral("report-builder")));
    QTreeView& documentTree = *window.documentRawView()->tree();
    const QModelIndex root = documentTree.model()->index(0, 0);
    const QModelIndex rows = documentTree.model()->index(1, 0, root); // after "pagination"
    QCOMPARE(rows.data().toString(), QStringLiteral("rows"));
    documentTree.expand(rows);
    documentTree.expand(documentTree.model()->index(2, 0, rows)); // mailer
    QVERIFY(documentTree.isExpanded(documentTree.model()->index(2, 0, rows)));

    // The file changes: report-builder is active now, mailer is gone.
    QByteArray changed = original;
    changed.replace("\"status\": \"PAUSED\"", "\"status\": \"ACTIVE\"");
    QSignalSpy sourceResets(window.workerProxy()->sourceModel(), &QAbstractItemModel::modelReset);
    QSignalSpy proxyResets(table.model(), &QAbstractItemModel::modelReset);
    write(changed);
    window.reload();
    QVERIFY(shown.wait(10000));
    QCOMPARE(sourceResets.count(), 0);
    QCOMPARE(proxyResets.count(), 0);
    QCOMPARE(window.filterBar()->query(), QStringLiteral("type:selfhosted"));
    QCOMPARE(table.model()->rowCount(), 2);
    const QModelIndex current = table.currentIndex();
    QCOMPARE(current.siblingAtColumn(WorkerTableModel::NameColumn).data().toString(),
             QStringLiteral("report-builder"));
    QCOMPARE(current.siblingAtColumn(WorkerTableModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    QVERIFY(
        current.siblingAtColumn(WorkerTableModel::StatusColumn).data(WorkerTableModel::ChangedRole).toBool());
    QVERIFY(table.selectionModel()->isRowSelected(current.row()));
    QCOMPARE(window.detail()->healthText().isEmpty(), false);
    QCOMPARE(metadataValue(*window.detail(), models::MetadataModel::NameRow),
             QStringLiteral("report-builder"));
    // The raw document is the new one, with the same nodes expanded.
    QVERIFY(window.documentRawView()->document() == window.snapshot()->document);
    const QModelIndex rowsAgain = documentTree.model()->index(1, 0, documentTree.model()->index(0, 0));
    QVERIFY(documentTree.isExpanded(rowsAgain));
    QVERIFY(documentTree.isExpanded(documentTree.model()->index(2, 0, rowsAgain)));

    // Mailer disappears: listed as gone until the next reload.
    QByteArray shorter = changed;
    const qsizetype mailer = shorter.lastIndexOf("    {", shorter.indexOf("\"name\": \"mailer\""));
    const qsizetype previousEnd = shorter.lastIndexOf('}', mailer);
    const qsizetype listEnd = shorter.indexOf("\n  ]", mailer);
    shorter.remove(previousEnd + 1, listEnd - previousEnd - 1);
    write(shorter);
    window.setFilter({});
    QTRY_COMPARE(table.model()->rowCount(), 3);
    window.reload();
    QVERIFY(shown.wait(10000));
    QCOMPARE(window.snapshot()->workers.size(), std::size_t(2));
    const int gone = rowNamed(table, QStringLiteral("mailer"));
    QVERIFY(gone >= 0);
    QCOMPARE(table.model()->index(gone, 0).data(WorkerTableModel::RowStateRole).toInt(),
             int(WorkerTableModel::RowState::Gone));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("1 gone")));
    window.reload();
    QVERIFY(shown.wait(10000));
    QCOMPARE(rowNamed(table, QStringLiteral("mailer")), -1);
    QCOMPARE(sourceResets.count(), 0);
}

void TestMainWindow::reloadCountsSnapshotWorkersOnly() {
    QFile fixture(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray original = fixture.readAll();
    const QString path = m_dir.filePath(QStringLiteral("counted.json"));
    const auto write = [&](const QByteArray& bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    };
    write(original);
    views::MainWindow window;
    window.setReloadOnChange(false);
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(path);
    QVERIFY(shown.wait(10000));
    QCOMPARE(window.filterBar()->countsText(), QStringLiteral("3 of 3 workers"));

    // report-builder active now (changed), mailer gone, mailer-2 new (another id).
    QByteArray next = original;
    next.replace("\"status\": \"PAUSED\"", "\"status\": \"ACTIVE\"");
    next.replace("a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a5b", "a1b2c3d4-0004-4e5f-8a9b-0c1d2e3f4a5b");
    next.replace("\"name\": \"mailer\"", "\"name\": \"mailer-2\"");
    write(next);
    window.reload();
    QVERIFY(shown.wait(10000));
    QTableView& table = *window.workerTable();
    QCOMPARE(table.model()->rowCount(), 4); // the gone row stays, struck through
    QCOMPARE(window.filterBar()->countsText(), QStringLiteral("3 of 3 workers"));
    QVERIFY2(window.statusText().contains(QStringLiteral("3 workers")), qPrintable(window.statusText()));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Reloaded: 1 new, 1 changed, 1 gone"));
    // Filtered: the gone row still shows but counts nowhere.
    window.setFilter(QStringLiteral("status:paused")); // report-builder is active now
    QTRY_COMPARE(table.model()->rowCount(), 1);
    QCOMPARE(window.filterBar()->countsText(), QStringLiteral("0 of 3 workers"));
    window.setFilter(QStringLiteral("mailer"));
    QTRY_COMPARE(table.model()->rowCount(), 2);
    QCOMPARE(window.filterBar()->countsText(), QStringLiteral("1 of 3 workers"));
}

void TestMainWindow::unknownStatusIsAHint() {
    views::MainWindow window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(Fixtures + QStringLiteral("/list-current.json"));
    QVERIFY(shown.wait(10000));
    views::FilterBar& bar = *window.filterBar();
    window.setFilter(QStringLiteral("status:activ"));
    QCOMPARE(bar.hintText(), QStringLiteral("unknown status 'activ' (known: ACTIVE, INACTIVE, PAUSED)"));
    QCOMPARE(bar.edit()->toolTip(), bar.hintText());
    QVERIFY(bar.errorText().isEmpty());
    QCOMPARE(window.workerTable()->model()->rowCount(), 0); // applied all the same
    QCOMPARE(bar.countsText(), QStringLiteral("0 of 3 workers"));
    window.setFilter(QStringLiteral("status:active,paused"));
    QVERIFY(bar.hintText().isEmpty());
    QVERIFY(bar.edit()->toolTip().isEmpty());
    QCOMPARE(window.workerTable()->model()->rowCount(), 2);
    window.setFilter(QStringLiteral("status:activ foo:"));
    QVERIFY(!bar.errorText().isEmpty());
    QVERIFY(bar.hintText().isEmpty()); // the error, not the hint
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
