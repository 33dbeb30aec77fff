// hatchet-inspector: the window, or with --check / --list a command-line tool that needs no display.
#include "aboutdialog.h"
#include "analysis/diff.h"
#include "commandline.h"
#include "export/atomicwrite.h"
#include "export/difftsv.h"
#include "export/workerexport.h"
#include "filter/query.h"
#include "filter/workerindex.h"
#include "itemmodels/timeformat.h"
#include "live/connection.h"
#include "load/bytesize.h"
#include "load/loader.h"
#include "mainwindow.h"
#include "placecommand.h"
#include "redactoptions.h"
#include "windows.h"

#include <QApplication>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

#include <cstdio>
#include <optional>

using namespace hwi;

namespace {

struct Options {
    QStringList sources; // the window opens one window each; the command-line modes take exactly one
    QString source;
    bool connect = false; // the source is the tenant's list from the environment's connection
    live::Connection connection;
    bool check = false;
    bool list = false;
    // --diff OLD NEW: sources[0] and sources[1]; with --connect one of them is the live tenant (connectIsOld
    // when --connect came before the file).
    bool diff = false;
    bool allFields = false;
    bool connectIsOld = false;
    std::optional<QStringList> columns;   // --list --columns
    std::optional<analysis::PivotKey> by; // --by KEY
    filter::Query filter;
    QString exportPath; // "-" for standard output
    exporting::Style style = exporting::Style::Pretty;
    std::optional<qint64> maxBytes; // --max-size
    // --at: what ages and health are measured against (heartbeat filters, health): the capture time (the
    // default), now, or a given time.
    enum class At { Capture, Now, Time };
    At at = At::Capture;
    QDateTime atTime;
    bool atGiven = false;
    std::optional<analysis::Task> place; // --place and its --want, --units, --sticky
    exporting::RecordFormat format = exporting::RecordFormat::Tsv; // --format
    std::optional<analysis::RedactOptions> redact; // --export --redact[=…] [--redact-key KEY]

    bool commandLine() const { return check || list || by || diff || !exportPath.isEmpty() || place; }
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
    parser.addOption({QStringLiteral("columns"),
                      QStringLiteral("With --list: the columns to print, in this order, e.g. "
                                     "'id,name,health,reasons' (known: %1).")
                          .arg(app::listColumnNames().join(QStringLiteral(", "))),
                      QStringLiteral("COLUMNS")});
    parser.addOption(
        {QStringLiteral("by"),
         QStringLiteral("Print the fleet by KEY (%1): one tab-separated line per value with how many workers "
                        "carry it, by status, how many are schedulable, and their free and limit slot units.")
             .arg(analysis::pivotKeyIds().join(QStringLiteral(", "))),
         QStringLiteral("KEY")});
    parser.addOption({QStringLiteral("filter"),
                      QStringLiteral("Only the workers matching QUERY, for --list, --by and --export (e.g. "
                                     "'status:active label:gpu=a100 heartbeat:>30s')."),
                      QStringLiteral("QUERY")});
    parser.addOption({QStringLiteral("export"),
                      QStringLiteral("Write the (matching) workers as JSON to FILE, '-' for standard output; "
                                     "the envelope and every byte of their values are kept, only whitespace "
                                     "changes."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("compact"), QStringLiteral("With --export: no whitespace.")});
    parser.addOption(
        {QStringLiteral("diff"),
         QStringLiteral("Compare two SOURCEs, OLD then NEW (--connect can be either): one "
                        "tab-separated line per appeared (+), gone (-), replaced (=) worker and changed "
                        "(~) field. Exit 0: no differences, 1: differences, 2: unreadable.")});
    parser.addOption(
        {QStringLiteral("all-fields"),
         QStringLiteral("With --diff: also the fields that change on every capture (lastHeartbeatAt, "
                        "metadata/updatedAt, lastListenerEstablished, slots, recentStepRuns).")});
    parser.addOption(
        {QStringLiteral("at"),
         QStringLiteral("Measure heartbeat ages and health against WHEN: 'capture' (the default: the capture "
                        "time, from the HTTP Date or the file's time when the data agrees, else estimated "
                        "from the data), 'now', or an ISO 8601 time such as 2026-11-29T13:00:05Z (UTC "
                        "unless it has an offset). The window starts measuring against it."),
         QStringLiteral("WHEN")});
    parser.addOption({QStringLiteral("max-size"),
                      QStringLiteral("Refuse sources larger than SIZE (e.g. 500M, 2G; K/M/G/T are powers of "
                                     "1024; default 2G, the window's \"load/maxSize\" setting)."),
                      QStringLiteral("SIZE")});
    parser.addOption(
        {QStringLiteral("connect"),
         QStringLiteral(
             "As SOURCE: the tenant's worker list (every page) from the Hatchet server named by "
             "HATCHET_CLIENT_TOKEN (a JWT carrying sub and server_url), HATCHET_CLIENT_SERVER_URL and "
             "HATCHET_CLIENT_TENANT_ID.")});
    parser.addOption({QStringLiteral("allow-insecure"),
                      QStringLiteral("Send the API token over plain http to a host other than loopback.")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Seconds without progress before a network read fails (default 15)."),
                      QStringLiteral("SECONDS")});
    parser.addPositionalArgument(
        QStringLiteral("SOURCE"),
        QStringLiteral("A file path, file:// or qrc: URL, http(s):// URL, or a Hatchet API URL "
                       "(…/api/v1/tenants/TENANT/worker, …/api/v1/workers/ID; authenticated with "
                       "HATCHET_CLIENT_TOKEN). The window opens one window for each SOURCE given."),
        QStringLiteral("[SOURCE...]"));
}

// Two modes that would write to standard output at once ("--list and --by"), or "" when none do. --check
// with --list keeps printing both, as it always has.
QString standardOutputClash(const Options& options) {
    QStringList writers;
    if (options.by && options.check)
        writers << QStringLiteral("--check");
    if (options.list && (options.by || options.exportPath == QLatin1String("-")))
        writers << QStringLiteral("--list");
    if (options.by)
        writers << QStringLiteral("--by");
    if (options.place && options.by)
        writers << QStringLiteral("--place");
    if (options.exportPath == QLatin1String("-") && (options.list || options.by))
        writers << QStringLiteral("--export -");
    if (writers.size() < 2)
        return {};
    const QString last = writers.takeLast();
    return writers.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

// --format: what it names, or why it cannot be used; tabular commands only.
QString formatFrom(const QCommandLineParser& parser, Options& options) {
    QString problem;
    const auto format = app::formatFrom(parser, &problem);
    if (!format)
        return problem;
    options.format = *format;
    if (parser.isSet(QStringLiteral("format")) && !options.list && !options.by && !options.place &&
        !options.diff)
        return QStringLiteral("--format needs --list, --by, --place or --diff");
    return {};
}

// Several SOURCEs: the window opens each, --check and --list answer for each, --diff takes two, every other
// command one. Standard input can be read once.
QString sourcesProblem(const Options& options, const QStringList& positional) {
    if (!options.commandLine() || options.diff)
        return {};
    const bool severalAllowed = !options.by && !options.place && options.exportPath.isEmpty();
    if (positional.size() > 1 && !severalAllowed)
        return QStringLiteral("expected one SOURCE for --by, --place and --export, got %1")
            .arg(positional.size());
    if (positional.count(QStringLiteral("-")) + positional.count(QStringLiteral("/dev/stdin")) > 1)
        return QStringLiteral("standard input ('-') can be given once");
    return {};
}

// --at in the window: the same choice as View > Measure Times Against (without it, the remembered one).
void measureAgainst(views::MainWindow& window, const Options& options) {
    using Choice = views::MainWindow::MeasureAgainst;
    if (options.atGiven)
        window.setMeasureAgainst(options.at == Options::At::Now    ? Choice::Now
                                 : options.at == Options::At::Time ? Choice::OtherTime
                                                                   : Choice::CaptureTime,
                                 options.atTime);
}

// What every time of an answer is measured against (--at): the capture time, now or the given time.
QDateTime referenceTime(const Options& options, const hatchet::Snapshot& snapshot) {
    return options.at == Options::At::Now    ? QDateTime::currentDateTimeUtc()
           : options.at == Options::At::Time ? options.atTime
                                             : snapshot.captureTime;
}

void startLoad(load::Loader& loader, const Options& options, const QString& source, bool live);

// Runs one command-line mode: load each source in turn, print, exit with the worst status. --check and --list
// take several sources (validated in main); the other modes one.
int runCommandLine(const Options& options) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    load::Loader loader;
    // Only --check reports problems: the other commands skip validating (a third of a 10,000-worker load).
    loader.setValidation(options.check ? hatchet::Snapshot::Validation::Full
                                       : hatchet::Snapshot::Validation::Skip);
    const QStringList sources = options.connect ? QStringList{QString()} : options.sources;
    const bool several = sources.size() > 1;
    std::optional<app::ListPrinter> list;
    if (options.list) {
        list.emplace(out, options.format, options.columns.value_or(app::defaultListColumns()), several);
    }
    int worstExitCode = app::ExitOk;
    qsizetype next = 0;
    const auto loadNext = [&] {
        if (next == sources.size()) {
            if (list)
                list->finish();
            QCoreApplication::exit(worstExitCode);
            return;
        }
        startLoad(loader, options, sources[next], options.connect);
        ++next;
    };
    // The next load starts once the loader has returned from its signal.
    const auto done = [&](int exitCode) {
        worstExitCode = std::max(worstExitCode, exitCode);
        QTimer::singleShot(0, &loader, loadNext);
    };
    QObject::connect(&loader, &load::Loader::loaded, [&](const auto& snapshot, load::LoadTimings) {
        const QString source = sources[next - 1];
        int exitCode = app::ExitOk;
        if (options.check)
            exitCode = app::printCheck(*snapshot, out, err,
                                       several ? app::visibleLine(source) + QLatin1String(": ") : QString());
        const QDateTime reference = referenceTime(options, *snapshot);
        const auto workers =
            filter::matchingWorkers(*snapshot, options.filter, reference.toMSecsSinceEpoch());
        if (options.by) {
            const auto referenceMsecs =
                reference.isValid() ? std::optional(reference.toMSecsSinceEpoch()) : std::nullopt;
            app::printPivot(*snapshot, workers, *options.by, referenceMsecs, out, options.format);
        }
        if (list)
            list->print(*snapshot, workers, reference, source);
        if (options.place) {
            exitCode = app::printPlacement(*snapshot, workers, *options.place,
                                           reference.isValid() ? std::optional(reference.toMSecsSinceEpoch())
                                                               : std::nullopt,
                                           out, err, options.format);
        }
        if (!options.exportPath.isEmpty()) {
            out.flush();
            const auto redacted = options.redact ? analysis::redact(*snapshot, workers, *options.redact)
                                                 : exporting::ScalarReplacements();
            const auto error = exporting::writeAtomically(options.exportPath, [&](QIODevice& device) {
                return exporting::writeWorkers(device, *snapshot, workers, options.style,
                                               options.redact ? &redacted : nullptr);
            });
            if (error) {
                err << *error << '\n';
                exitCode = app::ExitUnreadable;
            }
            if (!error)
                app::endExport(*snapshot, workers, options.exportPath, options.style, out, err);
        }
        done(exitCode);
    });
    QObject::connect(&loader, &load::Loader::failed, [&](const load::LoadError& error) {
        err << app::visibleLine(error.toString()) << '\n';
        done(app::ExitUnreadable);
    });
    loadNext();
    QCoreApplication::exec();
    return worstExitCode;
}

// Starts loading one source (a path, URL or the live tenant) on the loader.
void startLoad(load::Loader& loader, const Options& options, const QString& source, bool live) {
    if (options.maxBytes)
        loader.setMaxBytes(*options.maxBytes);
    loader.setTimeoutMs(options.connection.timeoutMs);
    if (live)
        loader.load(live::LiveRequest::tenantList(options.connection));
    else if (const auto request = live::LiveRequest::forSource(source, options.connection))
        loader.load(*request, source);
    else
        loader.load(source);
}

// `--diff OLD NEW`: both load at once; the comparison prints when both have arrived.
int runDiff(const Options& options) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    load::Loader loaders[2];
    for (load::Loader& loader : loaders)
        loader.setValidation(hatchet::Snapshot::Validation::Skip); // --diff reports no problems
    std::shared_ptr<const hatchet::Snapshot> snapshots[2];
    int exitCode = app::ExitUnreadable;
    const char* const sides[2] = {"OLD", "NEW"};
    for (int side = 0; side < 2; ++side) {
        QObject::connect(
            &loaders[side], &load::Loader::loaded, [&, side](const auto& snapshot, load::LoadTimings) {
                snapshots[side] = snapshot;
                if (!snapshots[0] || !snapshots[1])
                    return;
                const auto matching = [&](const hatchet::Snapshot& s) {
                    return filter::matchingWorkers(s, options.filter,
                                                   referenceTime(options, s).toMSecsSinceEpoch());
                };
                const analysis::SnapshotDiff diff =
                    analysis::diffSnapshots(*snapshots[0], matching(*snapshots[0]), *snapshots[1],
                                            matching(*snapshots[1]), {options.allFields});
                exporting::printDiff(diff, out, options.format);
                exitCode = diff.isEmpty() ? app::ExitOk : app::ExitProblems;
                QCoreApplication::exit(exitCode);
            });
        QObject::connect(&loaders[side], &load::Loader::failed, [&, side](const load::LoadError& error) {
            err << "hatchet-inspector: " << sides[side] << ": " << app::visibleLine(error.toString()) << '\n';
            loaders[1 - side].cancel();
            QCoreApplication::exit(app::ExitUnreadable);
        });
    }
    int file = 0;
    for (int side = 0; side < 2; ++side) {
        const bool live = options.connect && (side == 0) == options.connectIsOld;
        startLoad(loaders[side], options, live ? QString() : options.sources.value(file), live);
        if (!live)
            ++file;
    }
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
        app::addPlaceOptions(parser);
        app::addFormatOption(parser);
        app::addRedactOptions(parser);
        if (!parser.parse(app::splitRedactArgument(QCoreApplication::arguments()))) {
            std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(parser.errorText()));
            return app::ExitUnreadable;
        }
        if (parser.isSet(QStringLiteral("help")))
            parser.showHelp(0);
        if (parser.isSet(QStringLiteral("version")))
            parser.showVersion();
        options.check = parser.isSet(QStringLiteral("check"));
        options.diff = parser.isSet(QStringLiteral("diff"));
        options.allFields = parser.isSet(QStringLiteral("all-fields"));
        if (options.allFields && !options.diff) {
            std::fprintf(stderr, "hatchet-inspector: --all-fields needs --diff\n");
            return app::ExitUnreadable;
        }
        options.list = parser.isSet(QStringLiteral("list"));
        if (parser.isSet(QStringLiteral("columns"))) {
            QString problem;
            options.columns = app::parseListColumns(parser.value(QStringLiteral("columns")), &problem);
            if (!options.columns) {
                std::fprintf(stderr, "hatchet-inspector: --columns: %s\n", qPrintable(problem));
                return app::ExitUnreadable;
            }
            if (!options.list) {
                std::fprintf(stderr, "hatchet-inspector: --columns needs --list\n");
                return app::ExitUnreadable;
            }
        }
        if (parser.isSet(QStringLiteral("by"))) {
            const QString key = parser.value(QStringLiteral("by"));
            options.by = analysis::pivotKeyFromId(key);
            if (!options.by) {
                std::fprintf(stderr, "hatchet-inspector: --by: unknown key '%s'; accepted: %s\n",
                             qPrintable(key), qPrintable(analysis::pivotKeyIds().join(QStringLiteral(", "))));
                return app::ExitUnreadable;
            }
        }
        options.exportPath = parser.value(QStringLiteral("export"));
        if (parser.isSet(QStringLiteral("compact")))
            options.style = exporting::Style::Compact;
        if (parser.isSet(QStringLiteral("max-size"))) {
            options.maxBytes = load::parseByteSize(parser.value(QStringLiteral("max-size")));
            if (!options.maxBytes) {
                std::fprintf(stderr,
                             "hatchet-inspector: --max-size: expected a size such as 500M or 2G, got '%s'\n",
                             qPrintable(parser.value(QStringLiteral("max-size"))));
                return app::ExitUnreadable;
            }
        }
        if (parser.isSet(QStringLiteral("at"))) {
            const QString at = parser.value(QStringLiteral("at"));
            options.atGiven = true;
            options.atTime = models::parseInstant(at);
            if (at == QLatin1String("capture")) {
                options.at = Options::At::Capture;
            } else if (at == QLatin1String("now")) {
                options.at = Options::At::Now;
            } else if (options.atTime.isValid()) {
                options.at = Options::At::Time;
            } else {
                std::fprintf(stderr,
                             "hatchet-inspector: --at: '%s' is not capture, now or an ISO 8601 time such as "
                             "2026-11-29T13:00:05Z\n",
                             qPrintable(at));
                return app::ExitUnreadable;
            }
        }
        auto query = filter::Query::parse(parser.value(QStringLiteral("filter")));
        if (const auto* error = std::get_if<filter::QueryError>(&query)) {
            std::fprintf(stderr, "hatchet-inspector: --filter: %s\n", qPrintable(error->toString()));
            return app::ExitUnreadable;
        }
        options.filter = std::get<filter::Query>(std::move(query));
        // Terms only the window can answer would silently match nothing here: refuse them, saying where the
        // same answer is on the command line.
        if (options.filter.usesVerdict() || options.filter.usesChange()) {
            std::fprintf(stderr, "hatchet-inspector: --filter: %s\n",
                         options.filter.usesVerdict()
                             ? "verdict: needs the window's Can it run? panel; on the command line --place "
                               "prints each worker's verdict (the VERDICT column)"
                             : "change: and changed: need the window's comparison; on the command line "
                               "--diff OLD NEW prints every change (the CHANGE column)");
            return app::ExitUnreadable;
        }
        QString redactProblem;
        options.redact = app::redactOptionsFrom(parser, &redactProblem);
        if (!redactProblem.isEmpty()) {
            std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(redactProblem));
            return app::ExitUnreadable;
        }
        QString placeProblem;
        options.place = app::placeTaskFrom(parser, &placeProblem);
        if (!placeProblem.isEmpty()) {
            std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(placeProblem));
            return app::ExitUnreadable;
        }
        if (const QString problem = formatFrom(parser, options); !problem.isEmpty()) {
            std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(problem));
            return app::ExitUnreadable;
        }
        if (const QString clash = standardOutputClash(options); !clash.isEmpty()) {
            std::fprintf(stderr, "hatchet-inspector: %s both write to standard output\n", qPrintable(clash));
            return app::ExitUnreadable;
        }
        QString tokenProblem;
        options.connection =
            live::Connection::fromEnvironment(QProcessEnvironment::systemEnvironment(), &tokenProblem);
        options.connection.allowInsecure = parser.isSet(QStringLiteral("allow-insecure"));
        if (parser.isSet(QStringLiteral("timeout"))) {
            bool ok = false;
            const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
            if (!ok || seconds <= 0 || seconds > 86400) {
                std::fprintf(stderr, "hatchet-inspector: --timeout: expected seconds above 0, got '%s'\n",
                             qPrintable(parser.value(QStringLiteral("timeout"))));
                return app::ExitUnreadable;
            }
            options.connection.timeoutMs = int(seconds * 1000);
        }
        options.connect = parser.isSet(QStringLiteral("connect"));
        const QStringList positional = parser.positionalArguments();
        if (options.diff) {
            if (options.check || options.list || !options.exportPath.isEmpty() || options.place ||
                options.by) {
                std::fprintf(stderr, "hatchet-inspector: --diff cannot be combined with --check, --list, "
                                     "--export or --place\n");
                return app::ExitUnreadable;
            }
            if (positional.size() + (options.connect ? 1 : 0) != 2) {
                std::fprintf(
                    stderr,
                    "hatchet-inspector: --diff needs OLD and NEW: two SOURCEs, or one and --connect\n");
                return app::ExitUnreadable;
            }
            const QStringList arguments = QCoreApplication::arguments();
            options.connectIsOld = options.connect && arguments.indexOf(QStringLiteral("--connect")) <
                                                          arguments.indexOf(positional.value(0));
        } else if (options.connect && !positional.isEmpty()) {
            std::fprintf(stderr, "hatchet-inspector: --connect is the SOURCE: give no other\n");
            return app::ExitUnreadable;
        }
        if (options.connect) {
            if (const QString problem = options.connection.problem(live::Connection::TokenRequired);
                !problem.isEmpty()) {
                std::fprintf(
                    stderr, "hatchet-inspector: --connect: %s%s\n", qPrintable(problem),
                    tokenProblem.isEmpty()
                        ? ""
                        : qPrintable(QStringLiteral(" (HATCHET_CLIENT_TOKEN: %1)").arg(tokenProblem)));
                return app::ExitUnreadable;
            }
        }
        if (const QString problem = sourcesProblem(options, positional); !problem.isEmpty()) {
            std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(problem));
            return app::ExitUnreadable;
        }
        options.sources = positional;
        options.source = positional.value(0);
        if (options.commandLine() && options.source.isEmpty() && !options.connect) {
            std::fprintf(stderr, "hatchet-inspector: --check, --list, --by, --place and --export need a "
                                 "SOURCE (or --connect)\n");
            return app::ExitUnreadable;
        }
        if (options.diff)
            return runDiff(options);
        if (options.commandLine())
            return runCommandLine(options);
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
