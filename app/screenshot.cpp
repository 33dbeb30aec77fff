// Renders the main window to PNG for the README and for looking at what we built:
//   hwi_screenshot OUT.png [--source SOURCE] [--worker NAME] [--tab TITLE-PREFIX|PAGE-ID] [--dark]
//                  [--size WxH] [--reload-with FILE] [--failed-load] [--page workers|document|fleet]
//                  [--compare OLD] [--history FOLDER [--compare-entry N]] [--at TIME]
//                  [--place ACTION [--want SPEC]... [--units TYPE=N]... [--sticky soft|hard:WORKER_ID]]
// --tab takes a title's start ("Overview", "Runs") or a page id ("raw-json", WorkerDetail::pageId).
// --page shows that page of the window (default workers); the Fleet page is grabbed once its figures are
// built.
// --size is the window's size (default 1500x860), e.g. 1024x700 or 1366x768 for a laptop screen.
// --reload-with opens a temporary copy of SOURCE, then replaces it with FILE and reloads, and grabs the
// window while the changed cells still flash.
// --compare compares the document with OLD (File > Compare With); --history opens a saved history folder
// (scripts/history-demo makes one) instead of SOURCE, and --compare-entry compares its capture N (from 0)
// with the latest.
// --at measures times against TIME (View > Measure Times Against > Other Time). --place opens the "Can it
// run?" panel on that task, the other three as hatchet-inspector --place reads them.
#include "fleetview.h"
#include "mainwindow.h"
#include "placecommand.h"
#include "placementpanel.h"
#include "workerdetail.h"
#include "workertableview.h"

#include "itemmodels/timeformat.h"
#include "itemmodels/workertablemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace hwi;

namespace {

// What a desktop's dark theme sets: every role, including the derived bevel shades and placeholder text.
QPalette darkPalette() {
    QPalette p(QColor(0x33, 0x35, 0x3a), QColor(0x2b, 0x2d, 0x31)); // derives Light, Mid, Dark, Shadow
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x33, 0x35, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x35, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::BrightText, Qt::white);
    return p;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // The default layout, not whatever the last window left in the user's settings.
    const QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("PNG to write"));
    parser.addOption({QStringLiteral("source"), QStringLiteral("What to open"), QStringLiteral("SOURCE"),
                      views::MainWindow::sampleSource()});
    parser.addOption(
        {QStringLiteral("worker"), QStringLiteral("Select this worker"), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("tab"), QStringLiteral("Detail tab to show (title prefix or page id)"),
                      QStringLiteral("TITLE")});
    parser.addOption({QStringLiteral("dark"), QStringLiteral("Dark palette")});
    parser.addOption(
        {QStringLiteral("failed-load"), QStringLiteral("SOURCE is expected to fail: grab the window "
                                                       "with its error")});
    parser.addOption({QStringLiteral("reload-with"), QStringLiteral("Reload with this file's content"),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("page"), QStringLiteral("Page to show: workers, document or fleet"),
                      QStringLiteral("PAGE"), QStringLiteral("workers")});
    parser.addOption(
        {QStringLiteral("compare"), QStringLiteral("Compare with this older source"), QStringLiteral("OLD")});
    parser.addOption({QStringLiteral("history"), QStringLiteral("Open this saved history folder"),
                      QStringLiteral("FOLDER")});
    parser.addOption({QStringLiteral("compare-entry"),
                      QStringLiteral("With --history: compare this capture with the latest"),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("size"), QStringLiteral("Window size"), QStringLiteral("WxH"),
                      QStringLiteral("1500x860")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("Measure times against this ISO 8601 time"),
                      QStringLiteral("TIME")});
    app::addPlaceOptions(parser);
    parser.process(app);
    QString placeError;
    const std::optional<analysis::Task> task = app::placeTaskFrom(parser, &placeError);
    if (!placeError.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(placeError));
        return 2;
    }
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    if (parser.isSet(QStringLiteral("dark")))
        QApplication::setPalette(darkPalette());

    views::MainWindow window;
    window.setReloadOnChange(false); // --reload-with reloads by hand, once
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    window.resize(size.value(0).toInt(), size.value(1).toInt());
    window.show();
    if (parser.isSet(QStringLiteral("at")))
        window.setMeasureAgainst(views::MainWindow::MeasureAgainst::OtherTime,
                                 models::parseInstant(parser.value(QStringLiteral("at"))));
    int exitCode = 1;
    QString source = parser.value(QStringLiteral("source"));
    const QString reloadWith = parser.value(QStringLiteral("reload-with"));
    QTemporaryDir temporary;
    if (!reloadWith.isEmpty()) {
        const QString copy = temporary.filePath(QFileInfo(source).fileName());
        if (!QFile::copy(source, copy)) {
            std::fprintf(stderr, "cannot copy %s\n", qPrintable(source));
            return 2;
        }
        source = copy;
    }
    bool reloaded = reloadWith.isEmpty();
    const QString compareWith = parser.value(QStringLiteral("compare"));
    const QString history = parser.value(QStringLiteral("history"));
    const int compareEntry = parser.isSet(QStringLiteral("compare-entry"))
                                 ? parser.value(QStringLiteral("compare-entry")).toInt()
                                 : -1;
    bool compareAsked = compareWith.isEmpty() && compareEntry < 0;
    bool grabbing = false;
    const auto selectAndGrab = [&] {
        if (grabbing)
            return;
        grabbing = true;
        if (task) {
            window.openPlacement(task->action); // the panel offers the snapshot's slot types first
            window.placementPanel()->setTask(*task);
        }
        QTableView* table = window.workerTable();
        const QString worker = parser.value(QStringLiteral("worker"));
        for (int row = 0; row < table->model()->rowCount() && !worker.isEmpty(); ++row) {
            if (table->model()->index(row, models::WorkerTableModel::NameColumn).data().toString() == worker)
                table->selectRow(row);
        }
        QTabWidget* tabs = window.detail()->tabs();
        const QString tab = parser.value(QStringLiteral("tab"));
        for (int i = 0; i < tabs->count() && !tab.isEmpty(); ++i) {
            const auto page = static_cast<views::WorkerDetail::Page>(i);
            if (views::WorkerDetail::pageId(page) == tab || tabs->tabText(i).startsWith(tab)) {
                tabs->setCurrentWidget(window.detail()->page(page));
                break;
            }
        }
        const QStringList pages = {QStringLiteral("workers"), QStringLiteral("document"),
                                   QStringLiteral("fleet")};
        const int page = pages.indexOf(parser.value(QStringLiteral("page")));
        if (page < 0) {
            std::fprintf(stderr, "--page takes one of: %s\n", qPrintable(pages.join(QStringLiteral(", "))));
            QApplication::exit(2);
            return;
        }
        const auto grab = [&] {
            QTimer::singleShot(reloadWith.isEmpty() ? 300 : 150, &window, [&] {
                exitCode = window.grab().save(parser.positionalArguments().at(0)) ? 0 : 1;
                QApplication::quit();
            });
        };
        if (window.pages()->widget(page) == window.fleetView()) {
            QObject::connect(window.fleetView(), &views::FleetView::built, &window, grab,
                             Qt::SingleShotConnection);
        } else {
            grab();
        }
        window.pages()->setCurrentIndex(page);
    };
    QObject::connect(window.session(), &session::Session::comparisonChanged, &window, [&] {
        if (compareAsked && window.session()->comparison())
            selectAndGrab();
    });
    QObject::connect(window.session(), &session::Session::comparisonFailed, &window,
                     [&](const load::LoadError& error) {
                         std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
                         QApplication::exit(2);
                     });
    QObject::connect(&window, &views::MainWindow::snapshotShown, &window, [&] {
        if (!reloaded) {
            QFile::remove(source);
            QFile::copy(reloadWith, source);
            reloaded = true;
            window.reload();
            return;
        }
        if (!compareAsked) {
            compareAsked = true;
            if (compareEntry >= 0)
                window.session()->compareHistoryEntries(compareEntry, window.session()->history().size() - 1);
            else
                window.session()->compareWith(compareWith);
            return;
        }
        selectAndGrab();
    });
    const bool failedLoad = parser.isSet(QStringLiteral("failed-load"));
    QObject::connect(&window.session()->loader(), &load::Loader::failed, &window,
                     [&](const load::LoadError& error) {
                         if (!failedLoad) {
                             std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
                             QApplication::exit(2);
                             return;
                         }
                         QTimer::singleShot(300, &window, [&] {
                             exitCode = window.grab().save(parser.positionalArguments().at(0)) ? 0 : 1;
                             QApplication::quit();
                         });
                     });
    if (!history.isEmpty())
        window.session()->openHistory(history);
    else
        window.open(source);
    QApplication::exec();
    return exitCode;
}
