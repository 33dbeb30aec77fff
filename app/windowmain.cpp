// hatchet-inspector-window: the window. hatchet-inspector (app/main.cpp) runs it with its own arguments when
// no command-line mode is asked for; it can be run directly too. The options are read by the same code
// (app/options.h), so both accept and refuse the same command lines.
#include "aboutdialog.h"
#include "commandline.h"
#include "mainwindow.h"
#include "options.h"
#include "windows.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>

using namespace hwi;
using app::Options;

namespace {

// --at in the window: the same choice as View > Measure Times Against (without it, the remembered one).
void measureAgainst(views::MainWindow& window, const Options& options) {
    using Choice = views::MainWindow::MeasureAgainst;
    if (options.atGiven)
        window.setMeasureAgainst(options.at == Options::At::Now    ? Choice::Now
                                 : options.at == Options::At::Time ? Choice::OtherTime
                                                                   : Choice::CaptureTime,
                                 options.atTime);
}

} // namespace

int main(int argc, char** argv) {
    // The same names as hatchet-inspector: the same settings file and desktop entry.
    QCoreApplication::setApplicationName(QStringLiteral("hatchet-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HWI_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("hatchet-worker-inspector"));

    // Parse first, without a display: run directly, a usage error needs none either.
    Options options;
    {
        QCoreApplication core(argc, argv);
        if (!app::parseOptions(QCoreApplication::arguments(), &options))
            return app::ExitUnreadable;
    }
    if (options.commandLine()) {
        std::fprintf(stderr,
                     "hatchet-inspector-window: --check, --list, --by, --place, --export and --diff are "
                     "run by hatchet-inspector\n");
        return app::ExitUnreadable;
    }

    QApplication app(argc, argv);
    QApplication::setWindowIcon(views::applicationIcon());
    QGuiApplication::setDesktopFileName(QStringLiteral("hatchet-inspector"));
    if (options.connect) {
        views::MainWindow* window = views::openWindow();
        if (options.maxBytes)
            window->session()->loader().setMaxBytes(*options.maxBytes);
        window->session()->setConnection(options.connection);
        measureAgainst(*window, options);
        window->session()->connectToServer(options.connection);
        return QApplication::exec();
    }
    if (options.sources.isEmpty())
        options.sources << views::MainWindow::sampleSource();
    for (const QString& source : std::as_const(options.sources)) {
        views::MainWindow* window = views::openWindow();
        if (options.maxBytes)
            window->session()->loader().setMaxBytes(*options.maxBytes);
        window->session()->setConnection(options.connection);
        measureAgainst(*window, options);
        window->open(source);
    }
    return QApplication::exec();
}
