// Fleet benchmark: building every pivot (analysis::pivots, what the Fleet view shows) against parsing the
// same file, both measured in this run, interleaved, median of 7 rounds. Target: the pivots take less time
// than the parse.
//   fleet_benchmark FILE      (e.g. FILE from `generate_workers 10000 FILE`)
#include "analysis/fleet.h"
#include "hatchet/snapshot.h"
#include "json/document.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <numeric>

using namespace hwi;

namespace {

constexpr int Rounds = 7;

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

template <typename F> double elapsedMs(F&& f) {
    QElapsedTimer timer;
    timer.start();
    f();
    return double(timer.nsecsElapsed()) / 1e6;
}

std::shared_ptr<const json::Document> parseOrDie(const QByteArray& bytes) {
    auto parsed = json::Document::parse(bytes);
    auto* doc = std::get_if<std::shared_ptr<const json::Document>>(&parsed);
    if (!doc) {
        std::fprintf(stderr, "parse failed\n");
        std::exit(1);
    }
    return *doc;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: fleet_benchmark FILE   (FILE: generate_workers 10000 FILE)\n");
        return 2;
    }
    QFile file(args.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(1)));
        return 2;
    }
    const QByteArray bytes = file.readAll();
    // The generator's capture time.
    const QDateTime capture = QDateTime::fromString(QStringLiteral("2026-11-29T13:00:05Z"), Qt::ISODate);
    const auto snapshot =
        hatchet::Snapshot::build(parseOrDie(bytes), args.at(1), capture, hatchet::Snapshot::Validation::Skip);
    std::vector<std::size_t> workers(snapshot->workers.size());
    std::iota(workers.begin(), workers.end(), std::size_t(0));

    std::vector<double> parseMs, pivotMs, ratios;
    std::size_t rows = 0;
    for (int round = 0; round < Rounds; ++round) {
        parseMs.push_back(elapsedMs([&] {
            const auto document = parseOrDie(bytes);
            hatchet::Snapshot::build(document, args.at(1), capture, hatchet::Snapshot::Validation::Skip);
        }));
        pivotMs.push_back(elapsedMs([&] {
            const auto all = analysis::pivots(*snapshot, workers, capture.toMSecsSinceEpoch());
            rows = 0;
            for (const auto& pivot : all)
                rows += pivot.size();
        }));
        ratios.push_back(pivotMs.back() / parseMs.back());
    }
    std::printf("fleet (%zu workers, %.1f MB; median of %d interleaved rounds)\n", workers.size(),
                double(bytes.size()) / 1e6, Rounds);
    std::printf("parse + snapshot (bytes in memory, no validation): %8.1f ms\n", median(parseMs));
    std::printf("every pivot (analysis::pivots, %zu rows):       %8.1f ms\n", rows, median(pivotMs));
    std::printf("pivots / parse (median of per-round ratios): %.2fx (target < 1)\n", median(ratios));
    return 0;
}
