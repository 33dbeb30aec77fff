// MainWindow's desktop conventions, apart from its document logic: recent files, drops, reload on change,
// the remembered layout and choices, the window icon and accessible names.
#include "mainwindow.h"

#include "aboutdialog.h"
#include "filewatcher.h"
#include "filterbar.h"
#include "messagebar.h"
#include "rawjsonview.h"
#include "recentfiles.h"
#include "sectionview.h"
#include "sourcedrop.h"
#include "windows.h"
#include "windowsettings.h"
#include "workerdetail.h"
#include "workertableactions.h"
#include "workertableview.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

namespace hwi::views {

namespace {

const QString MeasureAgainstNowKey = QStringLiteral("view/measureAgainstNow");
const QString ReloadOnChangeKey = QStringLiteral("view/reloadOnChange");

} // namespace

void MainWindow::setUpDesktop() {
    setWindowIcon(applicationIcon());
    // Until a document is shown, say how to get one (a new window starts empty).
    const QString hint =
        tr("Open worker JSON with File > Open (%1), File > Open Recent, or drop a file or URL "
           "on this window.")
            .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText));
    statusBar()->showMessage(hint);
    auto clearHint = [this, hint] {
        if (statusBar()->currentMessage() == hint)
            statusBar()->clearMessage();
    };
    connect(this, &MainWindow::snapshotShown, this, clearHint);
    connect(m_session, &session::Session::failed, this, clearHint);

    // Recent files: every document shown; a missing one says so and leaves the list.
    connect(this, &MainWindow::snapshotShown, this, &MainWindow::rememberShownSource);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::open);
    connect(m_recent, &RecentFiles::missing, this, [this](const QString& source) {
        m_messageBar->showError(tr("%1 no longer exists; it was removed from Open Recent.").arg(source));
    });

    auto* drops = new SourceDropFilter(this);
    connect(drops, &SourceDropFilter::dropped, this, &MainWindow::openSources);

    m_watcher = new FileWatcher(this);
    connect(m_watcher, &FileWatcher::changed, this, &MainWindow::reloadChangedFile);
    m_reloadOnChange->setChecked(QSettings().value(ReloadOnChangeKey, true).toBool());
    connect(m_reloadOnChange, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(ReloadOnChangeKey, on);
        watchShownSource();
    });
    connect(m_nowAction, &QAction::toggled, this,
            [](bool now) { QSettings().setValue(MeasureAgainstNowKey, now); });

    setUpLayoutSettings();
    setMeasureAgainstNow(QSettings().value(MeasureAgainstNowKey, false).toBool());
    setUpAccessibleNames();
}

// The layout: splitters and every table's and tree's columns (with a context menu to hide them).
void MainWindow::setUpLayoutSettings() {
    m_settings = new WindowSettings(this);
    m_workerSplit->setObjectName(QStringLiteral("workerSplitter"));
    m_settings->addSplitter(QStringLiteral("workers"), m_workerSplit);
    m_settings->addHeader(QStringLiteral("workers"), m_table->horizontalHeader());
    const std::pair<QString, RawJsonView*> raws[] = {{QStringLiteral("raw-document"), m_documentRaw},
                                                     {QStringLiteral("raw-worker"), m_detail->rawView()}};
    for (const auto& [key, raw] : raws) {
        m_settings->addHeader(key, raw->tree()->header());
        m_settings->addSplitter(key, raw->findChild<QSplitter*>());
    }
    QTabWidget* tabs = m_detail->tabs();
    for (int tab = 0; tab < tabs->count(); ++tab) {
        QWidget* page = tabs->widget(tab);
        const QString key = QStringLiteral("detail-") + page->objectName(); // the page's stable id
        if (auto* splitter = qobject_cast<QSplitter*>(page))
            m_settings->addSplitter(key, splitter);
        auto* section = qobject_cast<SectionView*>(page);
        if (!section && page != m_detail->rawView())
            section = page->findChild<SectionView*>();
        if (!section)
            continue;
        m_settings->addHeader(key, section->table()->horizontalHeader());
        // Named after the tab ("Overview"), not after the empty-state text ("No worker selected").
        section->table()->setAccessibleName(tabs->tabText(tab));
        section->filterEdit()->setAccessibleName(tr("Filter %1").arg(tabs->tabText(tab).toLower()));
    }
    for (QTableView* table : findChildren<QTableView*>()) {
        addColumnsMenu(*table->horizontalHeader());
        table->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    }
    for (QTreeView* tree : findChildren<QTreeView*>())
        addColumnsMenu(*tree->header());
    m_settings->restore();
}

void MainWindow::setUpAccessibleNames() {
    // Context menus get titles: never shown on a popup, but Help > Keyboard Shortcuts says where keys live.
    m_tableActions->menu()->setTitle(tr("Worker table context menu"));
    for (RawJsonView* raw : {m_documentRaw, m_detail->rawView()}) {
        for (QMenu* menu : raw->findChildren<QMenu*>(QString(), Qt::FindDirectChildrenOnly))
            menu->setTitle(tr("Raw JSON context menu"));
    }

    // Names for assistive technology where no visible text names the widget.
    m_pages->setAccessibleName(tr("Views"));
    m_pages->tabBar()->setAccessibleName(tr("Views"));
    m_detail->tabs()->tabBar()->setAccessibleName(m_detail->tabs()->accessibleName());
    m_table->setAccessibleDescription(
        tr("One row per worker. Type to jump to a worker; the detail pane follows the current row."));
    for (RawJsonView* raw : {m_documentRaw, m_detail->rawView()})
        raw->tree()->setAccessibleDescription(
            tr("The JSON as a tree. Enter expands or collapses the current node; Ctrl+C copies its value."));
    m_documentRaw->tree()->setAccessibleName(tr("Document raw JSON tree"));
    m_detail->rawView()->tree()->setAccessibleName(tr("Worker raw JSON tree"));
}

void MainWindow::openSources(const QStringList& sources) {
    for (qsizetype i = 0; i < sources.size(); ++i) {
        if (i == 0) {
            open(sources.at(i));
            continue;
        }
        MainWindow* window = openWindow();
        window->session()->setConnection(m_session->connection()); // a token given here serves them too
        window->open(sources.at(i));
    }
}

void MainWindow::setReloadOnChange(bool on) {
    m_reloadOnChange->setChecked(on);
}

bool MainWindow::reloadsOnChange() const {
    return m_reloadOnChange->isChecked();
}

void MainWindow::rememberShownSource() {
    m_recent->add(m_session->shownSource());
    watchShownSource();
}

void MainWindow::watchShownSource() {
    const QString source = m_session->shownSource();
    const QUrl url = source.isEmpty() ? QUrl() : load::Loader::urlForSource(source);
    m_watcher->watch(reloadsOnChange() && url.isLocalFile() ? url.toLocalFile() : QString());
}

void MainWindow::reloadChangedFile() {
    // The watched file is the one on screen, so this is a refresh in place (see reload()). A half-written
    // file fails to parse: the previous document stays and the next write retries.
    const QString shown = m_session->shownSource();
    if (!reloadsOnChange() || shown.isEmpty())
        return;
    if (m_session->isLoading() && m_session->loadingSource() != shown)
        return; // another document is on its way: it replaces this one, don't cancel it
    open(shown);
}

} // namespace hwi::views
