// The window as a desktop application: remembered layout and choices, recent files, drag and drop,
// several windows, the keyboard (standard keys, type-ahead, the shortcuts list), accessible names,
// readable colours in light and dark palettes, the icon and the About box.
#include "aboutdialog.h"
#include "exportactions.h"
#include "filterbar.h"
#include "itemmodels/jsontreemodel.h"
#include "itemmodels/workertablemodel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "palette.h"
#include "rawjsonview.h"
#include "recentfiles.h"
#include "shortcutsdialog.h"
#include "sourcedrop.h"
#include "temporarysettings.h"
#include "windows.h"
#include "windowsettings.h"
#include "workerdetail.h"
#include "workertableview.h"

#include <QAccessible>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <cmath>

using namespace hwi;
using models::WorkerTableModel;

namespace {

const QString Fixtures = QStringLiteral(HWI_FIXTURES);

QString fixture(const char* name) {
    return Fixtures + QLatin1Char('/') + QLatin1String(name);
}

bool openAndWait(views::MainWindow& window, const QString& source) {
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(source);
    return shown.wait(10000);
}

QAction* actionWithText(const QWidget& window, const QString& text) {
    for (QAction* action : window.findChildren<QAction*>()) {
        if (QString(action->text()).remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}

// The MainWindows on screen besides those in known.
QList<views::MainWindow*> otherWindows(const QList<const QWidget*>& known) {
    QList<views::MainWindow*> windows;
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        auto* window = qobject_cast<views::MainWindow*>(widget);
        if (window && !known.contains(window) && !window->testAttribute(Qt::WA_WState_Hidden) &&
            window->isVisible())
            windows << window;
    }
    return windows;
}

// WCAG 2 contrast ratio of two colours, 1 to 21.
double contrast(const QColor& a, const QColor& b) {
    auto luminance = [](const QColor& c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    return p;
}

QPalette lightPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef)); // Fusion's
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf7, 0xf7));
    p.setColor(QPalette::Text, Qt::black);
    return p;
}

} // namespace

class TestDesktop : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void layoutAndChoicesSurviveARestart();
    void defaultColumnsFitALaptopScreen();
    void columnsMenuHidesAndShowsColumns();
    void recentFilesListBehaviour();
    void openRecentOpensAndForgetsMissingFiles();
    void droppedSources_data();
    void droppedSources();
    void droppingAFileUrlOpensIt();
    void droppingSeveralFilesOpensMoreWindows();
    void newAndCloseWindow();
    void standardKeys();
    void shortcutsListIsMadeOfTheRealActions();
    void typeAheadAndArrowsInTheViews();
    void enterExpandsAndCollapsesARawNode();
    void everyFocusableControlHasAName();
    void statusColoursReadableInLightAndDark();
    void iconIsScalableAndAboutNamesVersions();

private:
    TemporarySettings m_settings;
    QTemporaryDir m_dir;
};

void TestDesktop::init() {
    m_settings.clear();
}

void TestDesktop::cleanup() {
    for (views::MainWindow* window : otherWindows({}))
        delete window;
}

void TestDesktop::layoutAndChoicesSurviveARestart() {
    QList<int> splitterSizes;
    QByteArray rawSplitter;
    {
        views::MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, fixture("list-current.json")));
        window.resize(1111, 777);
        window.workerSplitter()->setSizes({560, 540}); // both above their minimum widths
        splitterSizes = window.workerSplitter()->sizes();
        QHeaderView* columns = window.workerTable()->horizontalHeader();
        columns->setSectionHidden(WorkerTableModel::LabelsColumn, true);
        columns->setSectionHidden(WorkerTableModel::SdkColumn, false);
        columns->resizeSection(WorkerTableModel::NameColumn, 321);
        columns->moveSection(columns->visualIndex(WorkerTableModel::StatusColumn), 0);
        window.documentRawView()->tree()->header()->resizeSection(models::JsonTreeModel::KeyColumn, 277);
        window.setMeasureAgainstNow(true);
        window.setReloadOnChange(false);
        window.exportActions()->setCompact(true);
        QVERIFY(window.close());
    }
    views::MainWindow restored;
    QCOMPARE(restored.size(), QSize(1111, 777));
    restored.show();
    QCOMPARE(restored.workerSplitter()->sizes(), splitterSizes);
    const QHeaderView* columns = restored.workerTable()->horizontalHeader();
    QVERIFY(columns->isSectionHidden(WorkerTableModel::LabelsColumn));
    QVERIFY(!columns->isSectionHidden(WorkerTableModel::SdkColumn));
    QVERIFY(!columns->isSectionHidden(WorkerTableModel::NameColumn));
    QCOMPARE(columns->sectionSize(WorkerTableModel::NameColumn), 321);
    QCOMPARE(columns->logicalIndex(0), int(WorkerTableModel::StatusColumn));
    QCOMPARE(restored.documentRawView()->tree()->header()->sectionSize(models::JsonTreeModel::KeyColumn),
             277);
    QVERIFY(restored.measuresAgainstNow());
    QVERIFY(!restored.reloadsOnChange());
    QVERIFY(restored.exportActions()->compact());
}

// Issue 13: on a 1366-px laptop screen the worker table shows what matters, labels included, without
// scrolling sideways; the other columns are hidden, one right-click away.
void TestDesktop::defaultColumnsFitALaptopScreen() {
    views::MainWindow window;
    window.resize(1366, 768);
    window.show();
    QVERIFY(openAndWait(window, fixture("list-current.json")));
    const QHeaderView& header = *window.workerTable()->horizontalHeader();
    QStringList shown;
    int width = 0;
    for (int column = 0; column < WorkerTableModel::NUM_COLUMNS; ++column) {
        if (header.isSectionHidden(column))
            continue;
        shown << header.model()->headerData(column, Qt::Horizontal).toString();
        width += header.sectionSize(column);
    }
    QCOMPARE(shown,
             QStringList({QStringLiteral("Name"), QStringLiteral("Status"), QStringLiteral("Last heartbeat"),
                          QStringLiteral("Slots"), QStringLiteral("Labels"), QStringLiteral("Health")}));
    QVERIFY2(width <= window.workerTable()->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2").arg(width).arg(window.workerTable()->viewport()->width())));
}

void TestDesktop::columnsMenuHidesAndShowsColumns() {
    views::MainWindow window;
    QHeaderView& header = *window.workerTable()->horizontalHeader();
    std::unique_ptr<QMenu> menu(views::columnsMenu(header, nullptr));
    QAction* labels = nullptr;
    for (QAction* action : menu->actions()) {
        if (action->text() == QStringLiteral("Labels"))
            labels = action;
    }
    QVERIFY(labels);
    QVERIFY(labels->isChecked());
    labels->trigger();
    QVERIFY(header.isSectionHidden(WorkerTableModel::LabelsColumn));

    // Down to one column: it cannot be hidden; Show All Columns brings every column back.
    for (int column = 1; column < WorkerTableModel::NUM_COLUMNS; ++column)
        header.setSectionHidden(column, true);
    menu.reset(views::columnsMenu(header, nullptr));
    const QList<QAction*> actions = menu->actions();
    QVERIFY(actions.first()->isChecked());
    QVERIFY(!actions.first()->isEnabled());
    QAction* showAll = actions.last();
    QCOMPARE(QString(showAll->text()).remove(QLatin1Char('&')), QStringLiteral("Show All Columns"));
    showAll->trigger();
    for (int column = 0; column < WorkerTableModel::NUM_COLUMNS; ++column)
        QVERIFY(!header.isSectionHidden(column));
    // The table's header offers the menu on right click.
    QCOMPARE(header.contextMenuPolicy(), Qt::CustomContextMenu);
}

void TestDesktop::recentFilesListBehaviour() {
    views::RecentFiles recent;
    QCOMPARE(recent.sources(), QStringList());
    const QString a = m_dir.filePath(QStringLiteral("a.json"));
    const QString b = m_dir.filePath(QStringLiteral("b.json"));
    recent.add(a);
    recent.add(QStringLiteral("https://hatchet.example/api/v1/tenants/t/worker"));
    recent.add(QUrl::fromLocalFile(b).toString()); // file: URLs are remembered as paths
    recent.add(a);                                 // again: moves to the front, once
    recent.add(views::MainWindow::sampleSource()); // the bundled sample is not a recent file
    QCOMPARE(recent.sources(),
             (QStringList{a, b, QStringLiteral("https://hatchet.example/api/v1/tenants/t/worker")}));

    // A relative path is remembered absolute (it must still work from another folder).
    const QString previous = QDir::currentPath();
    QDir::setCurrent(m_dir.path());
    recent.add(QStringLiteral("c.json"));
    QDir::setCurrent(previous);
    QCOMPARE(recent.sources().first(), m_dir.filePath(QStringLiteral("c.json")));

    for (int i = 0; i < 15; ++i)
        recent.add(m_dir.filePath(QStringLiteral("n%1.json").arg(i)));
    QCOMPARE(recent.sources().size(), views::RecentFiles::MaxEntries);
    QCOMPARE(recent.sources().first(), m_dir.filePath(QStringLiteral("n14.json")));
    // Written to the settings file off the GUI thread, one write at a time in order: the last list is
    // what the next run reads.
    QTRY_COMPARE(QSettings().value(QStringLiteral("recent/sources")).toStringList(), recent.sources());

    // The menu: numbered entries, most recent first, then Clear Menu; every window sees one list.
    views::RecentFiles other;
    QMenu menu;
    other.populate(&menu);
    QVERIFY2(menu.actions().first()->text().startsWith(QStringLiteral("&1 n14.json")),
             qPrintable(menu.actions().first()->text()));
    QAction* clear = menu.actions().last();
    QCOMPARE(clear->text(), QStringLiteral("&Clear Menu"));
    QVERIFY(clear->isEnabled());
    clear->trigger();
    QCOMPARE(recent.sources(), QStringList());
    other.populate(&menu);
    QCOMPARE(menu.actions().first()->text(), QStringLiteral("No Recent Files"));
    QVERIFY(!menu.actions().first()->isEnabled());
    QVERIFY(!menu.actions().last()->isEnabled());
}

void TestDesktop::openRecentOpensAndForgetsMissingFiles() {
    const QString first = m_dir.filePath(QStringLiteral("recent-first.json"));
    const QString second = m_dir.filePath(QStringLiteral("recent-second.json"));
    QVERIFY(QFile::copy(fixture("list-current.json"), first));
    QVERIFY(QFile::copy(fixture("list-legacy.json"), second));
    views::MainWindow window;
    QVERIFY(openAndWait(window, first));
    QVERIFY(openAndWait(window, second));
    QCOMPARE(window.recentFiles()->sources(), (QStringList{second, first}));

    // File > Open Recent > first opens it.
    QMenu* menu = window.recentMenu();
    Q_EMIT menu->aboutToShow();
    QAction* entry = menu->actions().at(1);
    QCOMPARE(entry->data().toString(), first);
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    entry->trigger();
    QVERIFY(shown.wait(10000));
    QCOMPARE(window.session()->source(), first);

    // A file that has gone: a message, and it leaves the list; the document on screen stays.
    QVERIFY(QFile::remove(second));
    Q_EMIT menu->aboutToShow();
    menu->actions().at(1)->trigger();
    QVERIFY(!window.messageBar()->isHidden());
    QVERIFY2(window.messageBar()->text().contains(second) &&
                 window.messageBar()->text().contains(QStringLiteral("no longer exists")),
             qPrintable(window.messageBar()->text()));
    QCOMPARE(window.recentFiles()->sources(), QStringList{first});
    QCOMPARE(window.session()->source(), first);
}

void TestDesktop::droppedSources_data() {
    QTest::addColumn<QList<QUrl>>("urls");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const QString path = fixture("list-current.json");
    QTest::newRow("file URL") << QList<QUrl>{QUrl::fromLocalFile(path)} << QString() << QStringList{path};
    QTest::newRow("http URL") << QList<QUrl>{QUrl(QStringLiteral("https://h.example/w.json"))} << QString()
                              << QStringList{QStringLiteral("https://h.example/w.json")};
    QTest::newRow("ftp URL is not a source")
        << QList<QUrl>{QUrl(QStringLiteral("ftp://h.example/w.json"))} << QString() << QStringList();
    QTest::newRow("text URL") << QList<QUrl>{} << QStringLiteral(" https://h.example/w.json\n")
                              << QStringList{QStringLiteral("https://h.example/w.json")};
    QTest::newRow("text path") << QList<QUrl>{} << path << QStringList{path};
    QTest::newRow("plain words") << QList<QUrl>{} << QStringLiteral("render farm") << QStringList();
}

void TestDesktop::droppedSources() {
    QFETCH(QList<QUrl>, urls);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QMimeData data;
    if (!urls.isEmpty())
        data.setUrls(urls);
    if (!text.isEmpty())
        data.setText(text);
    QCOMPARE(views::droppedSources(data), expected);
}

void TestDesktop::droppingAFileUrlOpensIt() {
    views::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, fixture("list-current.json")));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(fixture("list-legacy.json"))});
    const QPoint middle = window.rect().center();

    QDragEnterEvent enter(middle, Qt::CopyAction | Qt::LinkAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QCOMPARE(enter.dropAction(), Qt::CopyAction);

    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    QDropEvent drop(QPointF(middle), Qt::CopyAction | Qt::LinkAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(shown.wait(10000));
    QCOMPARE(window.session()->source(), fixture("list-legacy.json"));
    QVERIFY(window.statusText().contains(QStringLiteral("list-legacy.json")));

    // Something that is not a source is refused at the door.
    QMimeData words;
    words.setText(QStringLiteral("hello"));
    QDragEnterEvent refused(middle, Qt::CopyAction, &words, Qt::LeftButton, Qt::NoModifier);
    refused.ignore();
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestDesktop::droppingSeveralFilesOpensMoreWindows() {
    views::MainWindow window;
    window.show();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(fixture("list-current.json")),
                  QUrl::fromLocalFile(fixture("list-legacy.json"))});
    // As a drag does: enter (which makes the window the drop target), then drop.
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->source(), fixture("list-current.json"), 10000);
    const QList<views::MainWindow*> more = otherWindows({&window});
    QCOMPARE(more.size(), 1);
    QTRY_COMPARE(more.first()->session()->source(), fixture("list-legacy.json"));
    QVERIFY(more.first()->testAttribute(Qt::WA_DeleteOnClose));
}

void TestDesktop::newAndCloseWindow() {
    views::MainWindow* first = views::openWindow(fixture("list-current.json"));
    QTRY_COMPARE(first->session()->source(), fixture("list-current.json"));
    actionWithText(*first, QStringLiteral("New Window"))->trigger();
    const QList<views::MainWindow*> opened = otherWindows({first});
    QCOMPARE(opened.size(), 1);
    views::MainWindow* second = opened.first();
    QVERIFY(second->snapshot() == nullptr); // an empty window, waiting for File > Open or a drop
    QVERIFY(second->pos() != first->pos()); // cascaded, not on top of the first
    QPointer<views::MainWindow> secondAlive(second);
    actionWithText(*second, QStringLiteral("Close Window"))->trigger();
    QTRY_VERIFY(secondAlive.isNull()); // deleted on close
    QVERIFY(first->isVisible());       // the other window stays
    QCOMPARE(otherWindows({}), QList<views::MainWindow*>{first});
}

void TestDesktop::standardKeys() {
    views::MainWindow window;
    const std::pair<const char*, QKeySequence::StandardKey> expected[] = {
        {"Open…", QKeySequence::Open},         {"Filter Workers", QKeySequence::Find},
        {"Close Window", QKeySequence::Close}, {"Quit", QKeySequence::Quit},
        {"New Window", QKeySequence::New},     {"Copy Selected Worker IDs", QKeySequence::Copy},
        {"Copy Value", QKeySequence::Copy}};
    for (const auto& [text, key] : expected) {
        const QAction* action = actionWithText(window, QString::fromUtf8(text));
        QVERIFY2(action, text);
        QCOMPARE(action->shortcut(), QKeySequence(key)); // the platform's, whatever it is
    }
    // Ctrl+L also goes to the filter box, from either page.
    QAction* filter = actionWithText(window, QStringLiteral("Filter Workers"));
    QVERIFY(filter->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_L)));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // The raw view sits in the page stack of the window's Workers / Document tabs.
    auto* views = qobject_cast<QTabWidget*>(window.documentRawView()->parentWidget()->parentWidget());
    QVERIFY(views);
    views->setCurrentWidget(window.documentRawView());
    window.documentRawView()->tree()->setFocus();
    QTest::keyClick(window.documentRawView()->tree(), Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(views->currentIndex(), 0);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window.filterBar()->edit()));
}

void TestDesktop::shortcutsListIsMadeOfTheRealActions() {
    views::MainWindow window;
    const auto entries = views::shortcutEntries(window);
    auto find = [&entries](const QString& action) -> const views::ShortcutEntry* {
        for (const auto& entry : entries) {
            if (entry.action == action)
                return &entry;
        }
        return nullptr;
    };
    // Every action with a shortcut is listed, with its keys as the platform writes them.
    for (const QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcut().isEmpty())
            continue;
        const QString text = QString(action->text()).remove(QLatin1Char('&'));
        const views::ShortcutEntry* entry = find(text);
        QVERIFY2(entry, qPrintable(text));
        QVERIFY2(entry->keys.contains(action->shortcut().toString(QKeySequence::NativeText)),
                 qPrintable(text));
    }
    QCOMPARE(find(QStringLiteral("Open…"))->where, QStringLiteral("File"));
    QCOMPARE(find(QStringLiteral("Copy Selected Worker IDs"))->where,
             QStringLiteral("Worker table context menu"));
    QCOMPARE(find(QStringLiteral("Copy Value"))->where, QStringLiteral("Raw JSON context menu"));
    QVERIFY(find(QStringLiteral("Filter Workers"))->keys.contains(QStringLiteral("Ctrl+L")));
    // The raw views share one context menu's keys: listed once.
    QCOMPARE(std::count_if(entries.begin(), entries.end(),
                           [](const auto& e) { return e.action == QStringLiteral("Copy Value"); }),
             1);

    // Generated, not written down: a changed shortcut shows up.
    actionWithText(window, QStringLiteral("Close Window"))->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F12));
    const auto changed = views::shortcutEntries(window);
    const auto close = std::find_if(changed.begin(), changed.end(),
                                    [](const auto& e) { return e.action == QStringLiteral("Close Window"); });
    QVERIFY(close != changed.end());
    QCOMPARE(close->keys, QKeySequence(Qt::CTRL | Qt::Key_F12).toString(QKeySequence::NativeText));

    // Help > Keyboard Shortcuts shows them all.
    views::ShortcutsDialog dialog(&window);
    QCOMPARE(dialog.list()->topLevelItemCount(), int(changed.size()));
    QVERIFY(actionWithText(window, QStringLiteral("Keyboard Shortcuts")));
}

void TestDesktop::typeAheadAndArrowsInTheViews() {
    views::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openAndWait(window, fixture("list-current.json")));
    QTableView* table = window.workerTable();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, WorkerTableModel::NameColumn));
    QTest::keyClicks(table, QStringLiteral("rep"));
    QCOMPARE(table->currentIndex().data().toString(), QStringLiteral("report-builder"));
    QCOMPARE(window.detail()->tabs()->count() > 0, true);
    const int row = table->currentIndex().row();
    QTest::keyClick(table, Qt::Key_Up);
    QCOMPARE(table->currentIndex().row(), row - 1);

    // The raw tree: type a key's name to reach it, arrows to move.
    QTreeView* tree = window.documentRawView()->tree();
    tree->setFocus();
    const QModelIndex root = tree->model()->index(0, 0);
    tree->setCurrentIndex(root);
    QTest::keyClick(tree, Qt::Key_Down);
    const QModelIndex firstChild = tree->currentIndex();
    QCOMPARE(firstChild.parent(), root);
    QTest::qWait(QApplication::keyboardInputInterval() + 50); // a new type-ahead search, not a continuation
    QTest::keyClicks(tree, QStringLiteral("rows"));
    QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("rows"));
}

void TestDesktop::enterExpandsAndCollapsesARawNode() {
    views::MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, fixture("list-current.json")));
    views::RawJsonView& raw = *window.documentRawView();
    QTreeView* tree = raw.tree();
    const QModelIndex root = tree->model()->index(0, 0);
    QModelIndex rows;
    for (int row = 0; row < tree->model()->rowCount(root); ++row) {
        if (tree->model()->index(row, 0, root).data().toString() == QStringLiteral("rows"))
            rows = tree->model()->index(row, 0, root);
    }
    QVERIFY(rows.isValid());
    tree->setFocus();
    tree->setCurrentIndex(rows);
    QVERIFY(!tree->isExpanded(rows));
    QTest::keyClick(tree, Qt::Key_Return);
    QVERIFY(tree->isExpanded(rows));
    QTest::keyClick(tree, Qt::Key_Enter);
    QVERIFY(!tree->isExpanded(rows));
}

void TestDesktop::everyFocusableControlHasAName() {
    views::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openAndWait(window, fixture("list-current.json")));
    window.activateWindow();
    window.filterBar()->focusQuery();
    // Tab around the window once: collect what takes focus.
    QList<QWidget*> reached;
    QWidget* start = QApplication::focusWidget();
    QVERIFY(start);
    for (int step = 0; step < 200; ++step) {
        QWidget* focused = QApplication::focusWidget();
        if (step > 0 && focused == start)
            break;
        if (!reached.contains(focused))
            reached << focused;
        QTest::keyClick(focused, Qt::Key_Tab);
    }
    QVERIFY(reached.contains(static_cast<QWidget*>(window.filterBar()->edit())));
    QVERIFY(reached.contains(static_cast<QWidget*>(window.workerTable())));
    QVERIFY(reached.contains(static_cast<QWidget*>(window.detail()->tabs()->tabBar())));
    // Every control reached says what it is.
    for (QWidget* widget : reached) {
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(accessible);
        QVERIFY2(!accessible->text(QAccessible::Name).isEmpty(),
                 qPrintable(QStringLiteral("%1 %2").arg(
                     QString::fromLatin1(widget->metaObject()->className()), widget->objectName())));
    }
}

void TestDesktop::statusColoursReadableInLightAndDark() {
    using models::HealthLevel;
    for (const QPalette& palette : {lightPalette(), darkPalette()}) {
        const char* name = views::isDarkPalette(palette) ? "dark" : "light";
        for (HealthLevel level :
             {HealthLevel::Good, HealthLevel::Warning, HealthLevel::Bad, HealthLevel::Unknown}) {
            const QColor colour = views::healthColor(level, palette);
            // Dots, bars and pills against table cells and the window: 3:1 for graphics (WCAG 1.4.11).
            for (auto role : {QPalette::Base, QPalette::AlternateBase, QPalette::Window}) {
                const double ratio = contrast(colour, palette.color(role));
                QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1 palette, level %2, role %3: %4:1")
                                                      .arg(QLatin1String(name))
                                                      .arg(int(level))
                                                      .arg(int(role))
                                                      .arg(ratio, 0, 'f', 2)));
            }
            // Text on a pill: 4.5:1 (WCAG 1.4.3).
            const double text = contrast(views::contrastingTextColor(colour), colour);
            QVERIFY2(text >= 4.5,
                     qPrintable(QStringLiteral("%1 pill text %2:1").arg(QLatin1String(name)).arg(text)));
        }
    }
}

void TestDesktop::iconIsScalableAndAboutNamesVersions() {
    const QIcon icon = views::applicationIcon();
    QVERIFY(!icon.isNull());
    // Drawn from the SVG at any size (a bitmap icon is never scaled above its own size).
    QCOMPARE(icon.pixmap(QSize(512, 512)).size(), QSize(512, 512));
    QCOMPARE(icon.pixmap(QSize(16, 16)).size(), QSize(16, 16));
    views::MainWindow window;
    QCOMPARE(window.windowIcon().cacheKey() == QIcon().cacheKey(), false);

    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    const QString about = views::aboutText();
    QVERIFY2(about.contains(QStringLiteral("9.8.7")), qPrintable(about));
    QVERIFY(about.contains(QString::fromLatin1(qVersion())));
    QVERIFY(about.contains(QLatin1String(views::SupportedSchema::ApiVersion)));
    QVERIFY(about.contains(QLatin1String(views::SupportedSchema::Commit)));
    QVERIFY(actionWithText(window, QStringLiteral("About")));
}

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
