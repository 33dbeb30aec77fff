// Load benchmark: on the same bytes, in one run, our load (read + parse + worker index + validation)
// against QJsonDocument::fromJson alone; then the peak resident memory of `hatchet-inspector --list`.
// Our load is the app's Loader's: the file is read a slice at a time into bytes that the parse, on a pool
// thread, reads as they arrive.
//   load_benchmark FILE [PATH_TO_HATCHET_INSPECTOR]
//   load_benchmark --profile FILE    only our load, 20 times, for `perf record`
//   load_benchmark --phases FILE     where our load's time goes: read, parse, worker index, validation
#include "hatchet/provenance.h"
#include "hatchet/snapshot.h"
#include "load/loader.h"
#include "json/arrivingbytes.h"
#include "json/document.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QtConcurrent/QtConcurrentRun>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace hwi;

namespace {

constexpr int Runs = 7;

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes;
    bytes.reserve(file.size() + 64);
    bytes.resize(file.size());
    file.read(bytes.data(), file.size());
    return bytes;
}

template <typename F> double elapsedMs(F&& f) {
    QElapsedTimer timer;
    timer.start();
    f();
    return timer.nsecsElapsed() / 1e6;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    const bool profile = args.removeAll(QStringLiteral("--profile")) > 0;
    const bool phases = args.removeAll(QStringLiteral("--phases")) > 0;
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: load_benchmark FILE [hatchet-inspector]\n");
        return 2;
    }
    const QString path = args.at(1);
    const qint64 fileSize = QFile(path).size();
    std::size_t workers = 0;

    // First, while this process is still small: a forked child's peak RSS starts from its parent's.
    if (args.size() >= 3) {
        QProcess list;
        list.setStandardOutputFile(QProcess::nullDevice());
        list.start(args.at(2), {QStringLiteral("--list"), path});
        list.waitForFinished(-1);
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        const double peakMb = usage.ru_maxrss * 1024.0 / 1e6;
        std::printf("peak RSS of hatchet-inspector --list: %.1f MB = %.2fx the file (target <= 2.5x)\n",
                    peakMb, peakMb / (fileSize / 1e6));
    }

    auto load = [&](hatchet::Snapshot::Validation validation) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            std::exit(1);
        }
        auto bytes = std::make_shared<json::ArrivingBytes>(file.size());
        QFuture<json::Document::ParseResult> parsing =
            QtConcurrent::run([bytes] { return json::Document::parse(bytes); });
        constexpr qint64 SliceBytes = 1 << 20; // as the Loader reads
        while (bytes->room() > 0) {
            const qint64 got = file.read(bytes->writePosition(), std::min(bytes->room(), SliceBytes));
            if (got <= 0)
                break;
            bytes->commit(got);
        }
        bytes->finish();
        auto parsed = parsing.result();
        auto* doc = std::get_if<std::shared_ptr<const json::Document>>(&parsed);
        if (!doc) {
            std::fprintf(stderr, "parse failed\n");
            std::exit(1);
        }
        workers =
            hatchet::Snapshot::build(*doc, path, QDateTime::currentDateTimeUtc(), validation)->workers.size();
    };
    // Bytes already read, parsed and indexed on this thread.
    auto parseAndIndex = [&](const QByteArray& bytes) {
        auto parsed = json::Document::parse(bytes);
        const auto& doc = std::get<std::shared_ptr<const json::Document>>(parsed);
        hatchet::Snapshot::build(doc, path, QDateTime::currentDateTimeUtc(),
                                 hatchet::Snapshot::Validation::Skip);
    };
    // Our load on one thread: the whole file read, then parsed.
    auto loadOnOneThread = [&] { parseAndIndex(readFile(path)); };
    if (phases) {
        std::vector<double> read, parse, index, validated, provenance;
        std::size_t nodes = 0;
        for (int round = 0; round < Runs; ++round) {
            QByteArray bytes;
            read.push_back(elapsedMs([&] { bytes = readFile(path); }));
            json::Document::ParseResult parsed;
            parse.push_back(elapsedMs([&] { parsed = json::Document::parse(std::move(bytes)); }));
            const auto& doc = std::get<std::shared_ptr<const json::Document>>(parsed);
            nodes = doc->nodeCount();
            index.push_back(elapsedMs([&] {
                hatchet::Snapshot::build(doc, path, QDateTime::currentDateTimeUtc(),
                                         hatchet::Snapshot::Validation::Skip);
            }));
            validated.push_back(elapsedMs([&] {
                hatchet::Snapshot::build(doc, path, QDateTime::currentDateTimeUtc(),
                                         hatchet::Snapshot::Validation::Full);
            }));
            provenance.push_back(elapsedMs([&] { hatchet::provenanceOf(*doc); }));
        }
        std::printf("%zu nodes; medians of %d rounds: read %.1f ms, parse %.1f ms, worker index %.1f ms, "
                    "worker index with validation %.1f ms, provenance (writer and server era) %.1f ms\n",
                    nodes, Runs, median(read), median(parse), median(index), median(validated),
                    median(provenance));
        return 0;
    }
    if (profile) {
        for (int round = 0; round < 20; ++round)
            load(hatchet::Snapshot::Validation::Skip);
        return 0;
    }
    const QByteArray bytes = readFile(path);
    auto qjson = [&] {
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        if (doc.isNull())
            std::fprintf(stderr, "QJsonDocument could not parse the file\n");
    };
    // Interleaved, so both sides see the same machine: a shared, noisy one. Medians, and the median of
    // the per-round ratios.
    // Like for like with QJsonDocument: the bytes already in memory, parsed, then the worker index.
    auto parseInMemory = [&] { parseAndIndex(bytes); };
    std::vector<double> ours, oneThread, inMemory, withValidation, qt, ratios, oneThreadRatios,
        inMemoryRatios, validationRatios;
    for (int round = 0; round < Runs; ++round) {
        ours.push_back(elapsedMs([&] { load(hatchet::Snapshot::Validation::Skip); }));
        qt.push_back(elapsedMs(qjson));
        oneThread.push_back(elapsedMs(loadOnOneThread));
        inMemory.push_back(elapsedMs(parseInMemory));
        inMemoryRatios.push_back(qt.back() / inMemory.back());
        withValidation.push_back(elapsedMs([&] { load(hatchet::Snapshot::Validation::Full); }));
        ratios.push_back(qt.back() / ours.back());
        oneThreadRatios.push_back(qt.back() / oneThread.back());
        validationRatios.push_back(qt.back() / withValidation.back());
    }

    const double mb = fileSize / 1e6;
    std::printf("file: %s, %.1f MB, %zu workers (median of %d interleaved rounds)\n", qPrintable(path), mb,
                workers, Runs);
    auto line = [mb](const char* what, const std::vector<double>& ms) {
        std::printf("%-52s %8.1f ms  %7.1f MB/s\n", what, median(ms), mb / median(ms) * 1e3);
    };
    line("ours: read + parse + worker index (as the app):", ours);
    line("ours on one thread: read, then parse + index:", oneThread);
    line("ours, bytes in memory: parse + index:", inMemory);
    line("ours: read + parse + index + validation:", withValidation);
    line("QJsonDocument::fromJson alone (bytes in memory):", qt);
    std::printf("speed-up (median of per-round ratios): %.1fx (target >= 5x); on one thread %.1fx; "
                "bytes in memory %.1fx; with validation %.1fx\n",
                median(ratios), median(oneThreadRatios), median(inMemoryRatios), median(validationRatios));

    // The window's own path, for reference: load::Loader through QNetworkAccessManager (file://), with
    // validation, from load() to the loaded signal.
    load::Loader loader;
    std::vector<double> viaLoader;
    for (int round = 0; round < 3; ++round) {
        QEventLoop wait;
        QObject::connect(&loader, &load::Loader::loaded, &wait, &QEventLoop::quit);
        QObject::connect(&loader, &load::Loader::failed, &wait, [&wait](const load::LoadError& error) {
            std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
            wait.quit();
        });
        viaLoader.push_back(elapsedMs([&] {
            loader.load(path);
            wait.exec();
        }));
    }
    line("the window's Loader (QNAM, file://, with validation):", viaLoader);
    return 0;
}
