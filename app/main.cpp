// hatchet-inspector: the window, or with --check / --list a command-line tool that needs no display.
#include "commandline.h"
#include "load/hugepages.h"
#include "load/loader.h"
#include "mainwindow.h"

#include <QApplication>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace hwi;

namespace {

struct Options {
    QString source;
    bool check = false;
    bool list = false;
};

void addOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Inspect Hatchet workers: saved `hatchet worker list -o json` / `hatchet worker get <id> -o json` "
        "output or REST responses.\nWith no option it opens the window (the bundled sample without "
        "SOURCE)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("check"),
         QStringLiteral("Validate SOURCE against the Hatchet spec and print one problem a line. Exit "
                        "0: no errors, 1: errors, 2: unreadable.")});
    parser.addOption({QStringLiteral("list"), QStringLiteral("Print one tab-separated line per worker.")});
    parser.addPositionalArgument(QStringLiteral("SOURCE"),
                                 QStringLiteral("A file path, file:// or qrc: URL, or http(s):// URL."));
}

// Runs one command-line mode: load, print, exit code.
int runCommandLine(const Options& options) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    load::Loader loader;
    int exitCode = app::ExitUnreadable;
    QObject::connect(&loader, &load::Loader::loaded, [&](const auto& snapshot, load::LoadTimings) {
        if (options.check) {
            exitCode = app::printCheck(*snapshot, out, err);
        } else {
            app::printList(*snapshot, out);
            exitCode = app::ExitOk;
        }
        QCoreApplication::exit(exitCode);
    });
    QObject::connect(&loader, &load::Loader::failed, [&](const load::LoadError& error) {
        err << error.toString() << '\n';
        QCoreApplication::exit(app::ExitUnreadable);
    });
    loader.load(options.source);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication::setApplicationName(QStringLiteral("hatchet-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HWI_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("hatchet-worker-inspector"));

    // Parse first, without a display: usage errors and the command-line modes never need one.
    Options options;
    {
        QCoreApplication core(argc, argv);
        QCommandLineParser parser;
        addOptions(parser);
        if (!parser.parse(QCoreApplication::arguments())) {
            std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(parser.errorText()));
            return app::ExitUnreadable;
        }
        if (parser.isSet(QStringLiteral("help")))
            parser.showHelp(0);
        if (parser.isSet(QStringLiteral("version")))
            parser.showVersion();
        options.check = parser.isSet(QStringLiteral("check"));
        options.list = parser.isSet(QStringLiteral("list"));
        const QStringList positional = parser.positionalArguments();
        if (positional.size() > 1) {
            std::fprintf(stderr, "hatchet-inspector: expected one SOURCE, got %lld\n",
                         qlonglong(positional.size()));
            return app::ExitUnreadable;
        }
        options.source = positional.value(0);
        if ((options.check || options.list) && options.source.isEmpty()) {
            std::fprintf(stderr, "hatchet-inspector: --check and --list need a SOURCE\n");
            return app::ExitUnreadable;
        }
        if (options.check || options.list)
            return runCommandLine(options);
    }

    QApplication app(argc, argv);
    views::MainWindow window;
    window.show();
    window.open(options.source.isEmpty() ? views::MainWindow::sampleSource() : options.source);
    return QApplication::exec();
}
