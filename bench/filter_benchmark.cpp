// Filter benchmark: loads a worker list, builds the filter index once, then times each query over every
// worker (best of 5) against the 16 ms frame budget; last, the worker table's filter proxy re-filtering.
//   filter_benchmark FILE      (e.g. FILE from `generate_workers 100000 FILE`)
#include "filter/query.h"
#include "filter/workerfilterproxy.h"
#include "filter/workerindex.h"
#include "hatchet/snapshot.h"
#include "itemmodels/workertablemodel.h"
#include "json/document.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

using namespace hwi;

namespace {

constexpr int Runs = 5;
constexpr double FrameMs = 16.0;

template <typename F> double bestMs(F&& f) {
    double best = 1e300;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        best = std::min(best, timer.nsecsElapsed() / 1e6);
    }
    return best;
}

filter::Query parseOrDie(const QString& text) {
    auto parsed = filter::Query::parse(text);
    if (auto* error = std::get_if<filter::QueryError>(&parsed)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(text), qPrintable(error->toString()));
        std::exit(2);
    }
    return std::get<filter::Query>(parsed);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: filter_benchmark FILE   (FILE: generate_workers 100000 FILE)\n");
        return 2;
    }
    QFile file(args.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(1)));
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    auto parsed = json::Document::parse(file.readAll());
    auto* doc = std::get_if<std::shared_ptr<const json::Document>>(&parsed);
    if (!doc) {
        std::fprintf(stderr, "parse failed\n");
        return 1;
    }
    // The generator's capture time.
    const QDateTime capture = QDateTime::fromString(QStringLiteral("2026-11-29T13:00:05Z"), Qt::ISODate);
    const auto snapshot =
        hatchet::Snapshot::build(*doc, args.at(1), capture, hatchet::Snapshot::Validation::Skip);
    std::printf("loaded %zu workers in %.0f ms\n", snapshot->workers.size(), timer.nsecsElapsed() / 1e6);

    timer.restart();
    const auto index = std::make_shared<const filter::WorkerIndex>(*snapshot);
    std::printf("WorkerIndex build: %.1f ms (once per snapshot)\n", timer.nsecsElapsed() / 1e6);

    const qint64 reference = capture.toMSecsSinceEpoch();
    const QString queries[] = {QStringLiteral("render"), QStringLiteral("label:region=eu-west-1"),
                               QStringLiteral("heartbeat:>30s"),
                               QStringLiteral("status:active,paused -label:gpu slots:free")};
    std::printf("%-45s %9s %10s %8s\n", "query (best of 5)", "matches", "ms", "/16 ms");
    for (const QString& text : queries) {
        const filter::Query query = parseOrDie(text);
        std::size_t matches = 0;
        const double ms = bestMs([&] { matches = filter::matchingWorkers(*index, query, reference).size(); });
        std::printf("%-45s %9zu %10.2f %7.2fx\n", qPrintable(text), matches, ms, ms / FrameMs);
    }

    // The window's path: the proxy over the table model re-filtering on a new query.
    models::WorkerTableModel table;
    filter::WorkerFilterProxy proxy;
    proxy.setReferenceTime(capture);
    proxy.setIndex(index);
    proxy.setSourceModel(&table);
    table.setSnapshot(snapshot);
    int rows = 0;
    const filter::Query compound = parseOrDie(queries[3]);
    // Each run from an empty filter, so that the query is answered over every worker (a query that narrows
    // the one before tests only the rows that one kept; the next lines measure that).
    const auto fromEmpty = [&](const filter::Query& query) {
        double best = 1e300;
        for (int i = 0; i < Runs; ++i) {
            proxy.setQuery(filter::Query());
            QElapsedTimer timer;
            timer.start();
            proxy.setQuery(query);
            rows = proxy.rowCount();
            best = std::min(best, timer.nsecsElapsed() / 1e6);
        }
        return best;
    };
    const double proxyMs = fromEmpty(compound);
    std::printf("%-45s %9d %10.2f %7.2fx  (WorkerFilterProxy::setQuery, unsorted)\n", "proxy: compound query",
                rows, proxyMs, proxyMs / FrameMs);
    // "render" typed a key at a time: each query after the first narrows the one before.
    const QString word = QStringLiteral("render");
    std::vector<double> stepMs(std::size_t(word.size()), 1e300);
    std::vector<int> stepRows(std::size_t(word.size()));
    for (int i = 0; i < Runs; ++i) {
        proxy.setQuery(filter::Query());
        for (qsizetype typed = 1; typed <= word.size(); ++typed) {
            const filter::Query query = parseOrDie(word.left(typed));
            QElapsedTimer timer;
            timer.start();
            proxy.setQuery(query);
            stepRows[std::size_t(typed - 1)] = proxy.rowCount();
            stepMs[std::size_t(typed - 1)] =
                std::min(stepMs[std::size_t(typed - 1)], timer.nsecsElapsed() / 1e6);
        }
    }
    for (qsizetype typed = 1; typed <= word.size(); ++typed) {
        const double ms = stepMs[std::size_t(typed - 1)];
        std::printf("proxy: typed %-32s %9d %10.2f %7.2fx\n",
                    qPrintable(QLatin1Char('\'') + word.left(typed) + QLatin1Char('\'')),
                    stepRows[std::size_t(typed - 1)], ms, ms / FrameMs);
    }
    return 0;
}
