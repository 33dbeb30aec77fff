#include "options.h"

#include "commandline.h"
#include "itemmodels/timeformat.h"
#include "load/bytesize.h"
#include "placecommand.h"
#include "redactoptions.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>

#include <cstdio>

namespace hwi::app {

namespace {

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
QString readFormat(const QCommandLineParser& parser, Options& options) {
    QString problem;
    const auto format = formatFrom(parser, &problem);
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

} // namespace

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
                          .arg(listColumnNames().join(QStringLiteral(", "))),
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
    addPlaceOptions(parser);
    addFormatOption(parser);
    addRedactOptions(parser);
}

bool parseOptions(const QStringList& arguments, Options* optionsOut) {
    Options& options = *optionsOut;
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(splitRedactArgument(arguments))) {
        std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(parser.errorText()));
        return false;
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
        return false;
    }
    options.list = parser.isSet(QStringLiteral("list"));
    if (parser.isSet(QStringLiteral("columns"))) {
        QString problem;
        options.columns = parseListColumns(parser.value(QStringLiteral("columns")), &problem);
        if (!options.columns) {
            std::fprintf(stderr, "hatchet-inspector: --columns: %s\n", qPrintable(problem));
            return false;
        }
        if (!options.list) {
            std::fprintf(stderr, "hatchet-inspector: --columns needs --list\n");
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("by"))) {
        const QString key = parser.value(QStringLiteral("by"));
        options.by = analysis::pivotKeyFromId(key);
        if (!options.by) {
            std::fprintf(stderr, "hatchet-inspector: --by: unknown key '%s'; accepted: %s\n", qPrintable(key),
                         qPrintable(analysis::pivotKeyIds().join(QStringLiteral(", "))));
            return false;
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
            return false;
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
            return false;
        }
    }
    auto query = filter::Query::parse(parser.value(QStringLiteral("filter")));
    if (const auto* error = std::get_if<filter::QueryError>(&query)) {
        std::fprintf(stderr, "hatchet-inspector: --filter: %s\n", qPrintable(error->toString()));
        return false;
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
        return false;
    }
    QString redactProblem;
    options.redact = redactOptionsFrom(parser, &redactProblem);
    if (!redactProblem.isEmpty()) {
        std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(redactProblem));
        return false;
    }
    QString placeProblem;
    options.place = placeTaskFrom(parser, &placeProblem);
    if (!placeProblem.isEmpty()) {
        std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(placeProblem));
        return false;
    }
    if (const QString problem = readFormat(parser, options); !problem.isEmpty()) {
        std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(problem));
        return false;
    }
    if (const QString clash = standardOutputClash(options); !clash.isEmpty()) {
        std::fprintf(stderr, "hatchet-inspector: %s both write to standard output\n", qPrintable(clash));
        return false;
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
            return false;
        }
        options.connection.timeoutMs = int(seconds * 1000);
    }
    options.connect = parser.isSet(QStringLiteral("connect"));
    const QStringList positional = parser.positionalArguments();
    if (options.diff) {
        if (options.check || options.list || !options.exportPath.isEmpty() || options.place || options.by) {
            std::fprintf(stderr, "hatchet-inspector: --diff cannot be combined with --check, --list, "
                                 "--export or --place\n");
            return false;
        }
        if (positional.size() + (options.connect ? 1 : 0) != 2) {
            std::fprintf(stderr,
                         "hatchet-inspector: --diff needs OLD and NEW: two SOURCEs, or one and --connect\n");
            return false;
        }
        options.connectIsOld = options.connect && arguments.indexOf(QStringLiteral("--connect")) <
                                                      arguments.indexOf(positional.value(0));
    } else if (options.connect && !positional.isEmpty()) {
        std::fprintf(stderr, "hatchet-inspector: --connect is the SOURCE: give no other\n");
        return false;
    }
    if (options.connect) {
        if (const QString problem = options.connection.problem(live::Connection::TokenRequired);
            !problem.isEmpty()) {
            std::fprintf(stderr, "hatchet-inspector: --connect: %s%s\n", qPrintable(problem),
                         tokenProblem.isEmpty()
                             ? ""
                             : qPrintable(QStringLiteral(" (HATCHET_CLIENT_TOKEN: %1)").arg(tokenProblem)));
            return false;
        }
    }
    if (const QString problem = sourcesProblem(options, positional); !problem.isEmpty()) {
        std::fprintf(stderr, "hatchet-inspector: %s\n", qPrintable(problem));
        return false;
    }
    options.sources = positional;
    options.source = positional.value(0);
    if (options.commandLine() && options.source.isEmpty() && !options.connect) {
        std::fprintf(stderr, "hatchet-inspector: --check, --list, --by, --place and --export need a "
                             "SOURCE (or --connect)\n");
        return false;
    }
    return true;
}

} // namespace hwi::app
