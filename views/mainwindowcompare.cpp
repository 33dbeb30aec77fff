// MainWindow's comparisons and live history: File > Compare With ▸ (a file, a URL, the live server, another
// window), Leave Comparison, Compare Every Field, Export Comparison…; the Change column, the detail's Changes
// tab and a gone worker as the older snapshot had it; the history strip above the table, the Used over time
// sparklines, File > Save History… / Open History Folder… and View > History Limits….
#include "mainwindow.h"

#include "export/difftsv.h"
#include "filter/workerfilterproxy.h"
#include "historystrip.h"
#include "itemmodels/workertablemodel.h"
#include "messagebar.h"
#include "sparklinedelegate.h"
#include "statuspilldelegate.h"
#include "windows.h"
#include "workerdetail.h"
#include "workertableview.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace hwi::views {

using models::WorkerTableModel;

namespace {

const QString MaxSnapshotsKey = QStringLiteral("history/maxSnapshots");
const QString MaxMegabytesKey = QStringLiteral("history/maxMegabytes");
constexpr qint64 Megabyte = 1024 * 1024;

// The entry of the history holding this snapshot; -1 when none does.
int historyEntryOf(const session::History& history,
                   const std::shared_ptr<const hatchet::Snapshot>& snapshot) {
    for (int i = 0; i < history.size(); ++i) {
        if (snapshot && history.entries()[std::size_t(i)].snapshot == snapshot)
            return i;
    }
    return -1;
}

} // namespace

void MainWindow::setUpComparison() {
    m_table->setItemDelegateForColumn(WorkerTableModel::ChangeColumn, new StatusPillDelegate(m_table));
    m_table->setItemDelegateForColumn(WorkerTableModel::UsageColumn,
                                      new SparklineDelegate(WorkerTableModel::UsageSeriesRole, m_table));
    m_table->setColumnWidth(WorkerTableModel::ChangeColumn, 135);
    m_table->setColumnWidth(WorkerTableModel::UsageColumn, 110);
    // What changed next to who; the use over time next to the use now.
    QHeaderView* header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(WorkerTableModel::ChangeColumn),
                        header->visualIndex(WorkerTableModel::NameColumn) + 1);
    header->moveSection(header->visualIndex(WorkerTableModel::UsageColumn),
                        header->visualIndex(WorkerTableModel::SlotsColumn) + 1);
    // Both follow the session, whatever layout was remembered.
    m_table->setColumnHidden(WorkerTableModel::ChangeColumn, true);
    m_table->setColumnHidden(WorkerTableModel::UsageColumn, true);

    m_historyStrip = new HistoryStrip(this);
    m_historyStrip->hide();
    auto* tableLayout = qobject_cast<QVBoxLayout*>(m_table->parentWidget()->layout());
    tableLayout->insertWidget(tableLayout->indexOf(m_table), m_historyStrip);
    connect(m_historyStrip, &HistoryStrip::entryPicked, this, [this](int entry) {
        m_session->leaveComparison();
        m_session->showHistoryEntry(entry);
        statusBar()->showMessage(
            m_session->isFollowingLatest()
                ? tr("Showing the latest capture; following the refreshes")
                : tr("Showing capture %1; refreshes are kept in the history").arg(entry + 1),
            8000);
    });
    connect(m_historyStrip, &HistoryStrip::pairPicked, m_session, &session::Session::compareHistoryEntries);
    connect(m_historyStrip, &HistoryStrip::latestRequested, this, [this] {
        m_session->leaveComparison();
        m_session->followLatest();
    });

    createCompareActions();
    applyHistoryLimits();
    m_historyUpdate.setSingleShot(true);
    m_historyUpdate.setInterval(0);
    connect(&m_historyUpdate, &QTimer::timeout, this, [this] {
        updateHistoryStrip();
        updateUsageSeries();
    });
    connect(&m_session->history(), &session::History::changed, this, &MainWindow::scheduleHistoryUpdate);
    connect(m_session, &session::Session::shown, this, &MainWindow::scheduleHistoryUpdate);
    connect(m_session, &session::Session::refreshed, this, &MainWindow::scheduleHistoryUpdate);
    connect(m_session, &session::Session::comparisonChanged, this, &MainWindow::showComparison);
    connect(m_session, &session::Session::comparisonFailed, this, [this](const load::LoadError& error) {
        const auto shown = snapshot();
        m_messageBar->showError(
            shown ? tr("Cannot compare: %1\nStill showing %2.").arg(error.toString(), shown->source)
                  : tr("Cannot compare: %1").arg(error.toString()));
    });
    showComparison();
}

void MainWindow::createCompareActions() {
    QMenu* file = menuBar()->actions().constFirst()->menu();
    auto* compareMenu = new QMenu(tr("Co&mpare With"), file);
    compareMenu->setObjectName(QStringLiteral("compareWithMenu"));
    compareMenu->setToolTipsVisible(true);
    compareMenu->addAction(tr("&File…"), this, &MainWindow::compareWithFileDialog)
        ->setToolTip(tr("Compare the document on screen (new) with a file (old)"));
    compareMenu->addAction(tr("&URL…"), this, &MainWindow::compareWithUrlDialog);
    m_compareServer =
        compareMenu->addAction(tr("&Live Server"), m_session, &session::Session::compareWithServer);
    m_compareServer->setToolTip(tr("Compare with the connected tenant's workers as they are now"));
    auto* otherWindows = compareMenu->addMenu(tr("&Other Window"));
    connect(otherWindows, &QMenu::aboutToShow, this,
            [this, otherWindows] { fillOtherWindowsMenu(otherWindows); });
    connect(compareMenu, &QMenu::aboutToShow, this, [this] {
        m_compareServer->setEnabled(snapshot() && m_session->connection().problem().isEmpty());
    });

    m_leaveComparison = new QAction(tr("Lea&ve Comparison"), this);
    m_leaveComparison->setObjectName(QStringLiteral("leaveComparison"));
    m_leaveComparison->setToolTip(tr("Back to the plain view of the document"));
    connect(m_leaveComparison, &QAction::triggered, m_session, &session::Session::leaveComparison);
    m_compareAllFields = new QAction(tr("Compare &Every Field"), this);
    m_compareAllFields->setObjectName(QStringLiteral("compareEveryField"));
    m_compareAllFields->setCheckable(true);
    m_compareAllFields->setToolTip(tr("Also the fields that change on every capture: heartbeats, "
                                      "updatedAt, listener, slots, recent step runs"));
    connect(m_compareAllFields, &QAction::toggled, m_session, &session::Session::setCompareAllFields);
    m_exportComparison = new QAction(tr("E&xport Comparison…"), this);
    m_exportComparison->setObjectName(QStringLiteral("exportComparison"));
    m_exportComparison->setToolTip(tr("The changes as tab-separated lines, as --diff prints them"));
    connect(m_exportComparison, &QAction::triggered, this, &MainWindow::exportComparisonDialog);
    QAction* openHistory = new QAction(tr("Open &History Folder…"), this);
    openHistory->setToolTip(tr("A folder saved with Save History…: every snapshot in it, by capture time"));
    connect(openHistory, &QAction::triggered, this, &MainWindow::openHistoryDialog);
    m_saveHistory = new QAction(tr("Save Histor&y…"), this);
    m_saveHistory->setObjectName(QStringLiteral("saveHistory"));
    m_saveHistory->setToolTip(tr("Every capture of this session into a folder, one file each, named by "
                                 "capture time"));
    connect(m_saveHistory, &QAction::triggered, this, &MainWindow::saveHistoryDialog);

    // After New Window, in a section of their own.
    QAction* before = m_saveSnapshot;
    const QList<QAction*> fileActions = file->actions();
    const qsizetype saveAt = fileActions.indexOf(m_saveSnapshot);
    if (saveAt > 0 && fileActions[saveAt - 1]->isSeparator())
        before = fileActions[saveAt - 1];
    file->insertMenu(before, compareMenu);
    file->insertActions(before, {m_leaveComparison, m_compareAllFields, m_exportComparison});
    file->insertSeparator(before);
    file->insertActions(before, {openHistory, m_saveHistory});
    file->insertSeparator(before);

    QMenu* view = menuBar()->actions().value(1)->menu();
    view->addSeparator();
    view->addAction(tr("History &Limits…"), this, &MainWindow::historyLimitsDialog)
        ->setToolTip(tr("How many captures of a live source to keep, and how much memory they may use"));

    auto* window = new QMenu(tr("&Window"), menuBar());
    auto* compareWindow = window->addMenu(tr("&Compare With Other Window"));
    connect(compareWindow, &QMenu::aboutToShow, this,
            [this, compareWindow] { fillOtherWindowsMenu(compareWindow); });
    menuBar()->insertMenu(menuBar()->actions().constLast(), window); // before Help

    // The toolbar's button shows only while comparing; the menu's action is disabled meanwhile.
    if (auto* tools = findChild<QToolBar*>(QStringLiteral("mainToolBar"))) {
        QAction* button =
            tools->addAction(m_leaveComparison->text(), m_session, &session::Session::leaveComparison);
        button->setObjectName(QStringLiteral("leaveComparisonButton"));
        button->setToolTip(m_leaveComparison->toolTip());
    }
}

void MainWindow::fillOtherWindowsMenu(QMenu* menu) {
    menu->clear();
    for (MainWindow* other : otherWindowsWithDocuments(*this)) {
        const QString source = other->snapshot()->source;
        QAction* action = menu->addAction(source);
        connect(action, &QAction::triggered, this, [this, window = QPointer<MainWindow>(other)] {
            if (window && window->snapshot())
                m_session->compareWithSnapshot(window->snapshot(),
                                               tr("%1 (other window)").arg(window->snapshot()->source));
        });
    }
    if (menu->isEmpty())
        menu->addAction(tr("No other window shows a document"))->setEnabled(false);
}

void MainWindow::showComparison() {
    const auto& comparison = m_session->comparison();
    const bool comparing = comparison && comparison->diff && snapshot();
    m_model->setComparison(comparing ? comparison->diff : nullptr, comparing ? comparison->older : nullptr);
    if (comparing != m_detail->isComparing()) {
        m_table->setColumnHidden(WorkerTableModel::ChangeColumn, !comparing);
        m_detail->setComparing(comparing);
        if (comparing)
            m_detail->tabs()->setCurrentWidget(m_detail->page(WorkerDetail::Page::Changes));
    }
    m_leaveComparison->setEnabled(comparing);
    if (auto* button = findChild<QAction*>(QStringLiteral("leaveComparisonButton")))
        button->setVisible(comparing);
    m_exportComparison->setEnabled(comparing);
    {
        const QSignalBlocker blocker(m_compareAllFields);
        m_compareAllFields->setChecked(m_session->comparesAllFields());
    }
    if (comparing)
        m_messageBar->hide(); // a failed comparison before this one
    setWindowTitle(!snapshot() ? windowTitle()
                   : comparing ? tr("%1 compared with %2 — Hatchet Worker Inspector")
                                     .arg(snapshot()->source, comparison->olderSource)
                               : tr("%1 — Hatchet Worker Inspector").arg(snapshot()->source));
    showChangeOfCurrentRow();
    updateFilterCounts();
    scheduleHistoryUpdate();
}

void MainWindow::showChangeOfCurrentRow() {
    if (!m_detail->isComparing())
        return;
    const QModelIndex current = m_table->currentIndex();
    const bool selected = current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {});
    const analysis::WorkerChange* change =
        selected ? m_model->changeOf(m_proxy->mapToSource(current).row()) : nullptr;
    const auto& comparison = m_session->comparison();
    if (change && change->kind == analysis::ChangeKind::Gone && change->oldIndex && comparison)
        m_detail->showGoneWorker(comparison->older, *change->oldIndex);
    m_detail->setChange(change ? std::optional(*change) : std::nullopt);
}

std::optional<QString> MainWindow::exportComparison(const QString& path) const {
    const auto& comparison = m_session->comparison();
    if (!comparison || !comparison->diff)
        return tr("Nothing to export: no comparison is shown");
    return exporting::writeDiff(*comparison->diff, path);
}

void MainWindow::scheduleHistoryUpdate() {
    m_historyUpdate.start();
}

void MainWindow::updateHistoryStrip() {
    const session::History& history = m_session->history();
    QList<HistoryStrip::Capture> captures;
    for (const session::History::Entry& entry : history.entries())
        captures.append({entry.snapshot->captureTime, int(entry.snapshot->workers.size())});
    m_historyStrip->setCaptures(std::move(captures));
    m_historyStrip->setShown(historyEntryOf(history, snapshot()), m_session->isFollowingLatest());
    const auto& comparison = m_session->comparison();
    m_historyStrip->setCompared(comparison ? historyEntryOf(history, comparison->older) : -1);
    m_historyStrip->setVisible(history.size() >= 2);
    m_saveHistory->setEnabled(history.size() > 0);
}

// The Used over time column, while the history has two captures or more: each row's used units per capture.
void MainWindow::updateUsageSeries() {
    const session::History& history = m_session->history();
    const bool show = history.size() >= 2 && snapshot();
    if (show != m_showsUsage) {
        m_showsUsage = show;
        m_table->setColumnHidden(WorkerTableModel::UsageColumn, !show);
    }
    if (!show) {
        m_model->setUsageSeries({});
        return;
    }
    QStringList ids;
    for (std::size_t i = 0; i < snapshot()->workers.size(); ++i)
        ids << snapshot()->worker(i).id();
    if (const auto& comparison = m_session->comparison(); comparison && comparison->diff) {
        for (const analysis::WorkerChange& change : comparison->diff->workers) {
            if (change.kind == analysis::ChangeKind::Gone)
                ids << change.id;
        }
    }
    QHash<QString, QList<qint64>> series;
    for (const QString& id : std::as_const(ids)) {
        if (id.isEmpty() || series.contains(id))
            continue;
        QList<qint64> used;
        for (const std::optional<qint64>& value : history.usedSeries(id))
            used << value.value_or(-1);
        series.insert(id, std::move(used));
    }
    m_model->setUsageSeries(std::move(series));
}

void MainWindow::applyHistoryLimits() {
    const QSettings settings;
    const int count = settings.value(MaxSnapshotsKey, session::History::DefaultMaxCount).toInt();
    const qint64 megabytes =
        settings.value(MaxMegabytesKey, session::History::DefaultMaxBytes / Megabyte).toLongLong();
    m_session->history().setLimits(count > 0 ? count : session::History::DefaultMaxCount,
                                   megabytes > 0 ? megabytes * Megabyte : session::History::DefaultMaxBytes);
}

void MainWindow::compareWithFileDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare With File"), QString(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        m_session->compareWith(path);
}

void MainWindow::compareWithUrlDialog() {
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Compare With URL"),
                                              tr("The older side: a worker JSON URL or a Hatchet API URL:"),
                                              QLineEdit::Normal, QString(), &ok);
    if (ok && !url.trimmed().isEmpty())
        m_session->compareWith(url.trimmed());
}

void MainWindow::exportComparisonDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Comparison"), tr("comparison.tsv"),
                                                      tr("Tab-separated values (*.tsv);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const auto error = exportComparison(path))
        m_messageBar->showError(*error);
    else
        statusBar()->showMessage(tr("Exported the comparison to %1").arg(path), 8000);
}

void MainWindow::saveHistoryDialog() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Save History Into Folder"));
    if (folder.isEmpty())
        return;
    if (const auto error = m_session->history().saveTo(folder))
        m_messageBar->showError(*error);
    else
        statusBar()->showMessage(tr("Saved %1 captures to %2").arg(m_session->history().size()).arg(folder),
                                 8000);
}

void MainWindow::openHistoryDialog() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open History Folder"));
    if (!folder.isEmpty())
        m_session->openHistory(folder);
}

void MainWindow::historyLimitsDialog() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("History Limits"));
    auto* count = new QSpinBox(&dialog);
    count->setRange(2, 10000);
    count->setValue(m_session->history().maxCount());
    count->setSuffix(tr(" captures"));
    auto* megabytes = new QSpinBox(&dialog);
    megabytes->setRange(1, 1024 * 1024);
    megabytes->setValue(int(m_session->history().maxBytes() / Megabyte));
    megabytes->setSuffix(tr(" MB"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QFormLayout(&dialog);
    layout->addRow(new QLabel(tr("A live session keeps its last captures; the oldest go first when either "
                                 "limit is passed."),
                              &dialog));
    layout->addRow(tr("&Keep at most:"), count);
    layout->addRow(tr("&Memory at most:"), megabytes);
    layout->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    settings.setValue(MaxSnapshotsKey, count->value());
    settings.setValue(MaxMegabytesKey, megabytes->value());
    applyHistoryLimits();
}

} // namespace hwi::views
