// hatchet-inspector: the command-line modes (--check, --list, --by, --place, --export, --diff), which need no
// display and load no GUI library; without one of them it runs the window (hatchet-inspector-window,
// app/windowmain.cpp) with the same arguments.
#include "analysis/diff.h"
#include "analysis/redact.h"
#include "commandline.h"
#include "export/atomicwrite.h"
#include "export/difftsv.h"
#include "export/workerexport.h"
#include "filter/workerindex.h"
#include "live/connection.h"
#include "load/loader.h"
#include "options.h"
#include "placecommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include <unistd.h>

using namespace hwi;
using app::Options;

namespace {

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

// Window mode: the window is its own executable (hatchet-inspector-window, linked against Qt Widgets and
// Gui), so the command-line modes above load no GUI library. The first of these that exists runs: beside this
// executable (the build tree, or an install into one folder), then the installed libexec folder, found from
// this executable's folder (any prefix, a DESTDIR) and as configured.
QStringList windowCandidates() {
    const QString name = QStringLiteral("hatchet-inspector-window");
    const QString here = QCoreApplication::applicationDirPath();
    QStringList candidates;
    const QStringList dirs = {here, here + QStringLiteral("/" HWI_BIN_TO_LIBEXEC),
                              QStringLiteral(HWI_LIBEXECDIR)};
    for (const QString& dir : dirs) {
        const QString path = QDir::cleanPath(dir + QLatin1Char('/') + name);
        if (!candidates.contains(path))
            candidates << path;
    }
    return candidates;
}

// Replaces this process with the window, given the same arguments (argv[0] as the user typed it, so help
// texts and the window class still say hatchet-inspector). Returns only when none could start, after saying
// which paths were tried.
int execWindow(char** argv) {
    QStringList tried;
    for (const QString& path : windowCandidates()) {
        ::execv(QFile::encodeName(path).constData(), argv);
        tried << QStringLiteral("%1 (%2)").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    }
    std::fprintf(stderr, "hatchet-inspector: cannot open the window: tried %s\n",
                 qPrintable(tried.join(QStringLiteral(", "))));
    return app::ExitUnreadable;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication::setApplicationName(QStringLiteral("hatchet-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HWI_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("hatchet-worker-inspector"));

    // The window gets the arguments exactly as given (QCoreApplication may take some out of argv).
    std::vector<char*> windowArguments(argv, argv + argc);
    windowArguments.push_back(nullptr);

    // No display needed: usage errors are reported here, once, and the command-line modes run here.
    QCoreApplication core(argc, argv);
    app::Options options;
    if (!app::parseOptions(QCoreApplication::arguments(), &options))
        return app::ExitUnreadable;
    if (options.diff)
        return runDiff(options);
    if (options.commandLine())
        return runCommandLine(options);
    return execWindow(windowArguments.data());
}
