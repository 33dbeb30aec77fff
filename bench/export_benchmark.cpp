// Export benchmark: faithful export of every worker of a document (pretty and compact, streamed to a
// device that discards and counts the bytes, and into memory) against QJsonDocument::toJson (Indented /
// Compact) on the same data, in one run, best of 5. Throughput is output bytes per second.
//   export_benchmark [FILE]   (without FILE: a 10,000-worker file made by generate_workers beside this
//   program)
#include "export/workerexport.h"
#include "hatchet/snapshot.h"
#include "json/document.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <numeric>

using namespace hwi;

namespace {

constexpr int Runs = 5;

// Like /dev/null, without the system calls, and counting what it was given.
class CountingDevice final : public QIODevice {
public:
    CountingDevice() { open(QIODevice::WriteOnly); }
    qint64 count = 0;

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char*, qint64 size) override {
        count += size;
        return size;
    }
};

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Best time of Runs in seconds; size receives the bytes one run produced.
template <typename F> double bestSeconds(F&& run, qint64& size) {
    double best = 1e300;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        size = run();
        best = std::min(best, timer.nsecsElapsed() / 1e9);
    }
    return best;
}

void report(const char* what, double seconds, qint64 size) {
    std::printf("%-52s %8.1f ms  %8.1f MB output  %8.1f MB/s\n", what, seconds * 1e3, size / 1e6,
                size / 1e6 / seconds);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTemporaryDir temporary;
    QString path = args.size() >= 2 ? args.at(1) : QString();
    if (path.isEmpty()) {
        path = temporary.filePath(QStringLiteral("workers.json"));
        const QString generator =
            QCoreApplication::applicationDirPath() + QStringLiteral("/generate_workers");
        if (QProcess::execute(generator, {QStringLiteral("10000"), path}) != 0) {
            std::fprintf(stderr, "could not run %s\n", qPrintable(generator));
            return 2;
        }
    }
    const QByteArray bytes = readFile(path);
    auto parsed = json::Document::parse(bytes);
    auto* document = std::get_if<std::shared_ptr<const json::Document>>(&parsed);
    if (!document) {
        std::fprintf(stderr, "%s: not JSON\n", qPrintable(path));
        return 1;
    }
    const auto snapshot = hatchet::Snapshot::build(*document, path, QDateTime::currentDateTimeUtc(),
                                                   hatchet::Snapshot::Validation::Skip);
    std::vector<std::size_t> all(snapshot->workers.size());
    std::iota(all.begin(), all.end(), std::size_t(0));
    std::printf("file: %s, %.1f MB, %zu workers (%s), best of %d runs\n", qPrintable(path),
                bytes.size() / 1e6, all.size(), qPrintable(hatchet::shapeName(snapshot->shape)), Runs);

    auto toNull = [&](exporting::Style style) {
        CountingDevice sink;
        exporting::writeWorkers(sink, *snapshot, all, style);
        return sink.count;
    };
    auto toMemory = [&](exporting::Style style) {
        return qint64(exporting::exportWorkers(*snapshot, all, style).size());
    };
    const QJsonDocument qt = QJsonDocument::fromJson(bytes);
    auto qtJson = [&](QJsonDocument::JsonFormat format) { return qint64(qt.toJson(format).size()); };

    qint64 size = 0;
    const double prettyStream = bestSeconds([&] { return toNull(exporting::Style::Pretty); }, size);
    report("ours, pretty, streamed to a device (1 MiB writes)", prettyStream, size);
    const double prettyMemory = bestSeconds([&] { return toMemory(exporting::Style::Pretty); }, size);
    report("ours, pretty, into a QByteArray", prettyMemory, size);
    const double compactStream = bestSeconds([&] { return toNull(exporting::Style::Compact); }, size);
    report("ours, compact, streamed to a device (1 MiB writes)", compactStream, size);
    const double compactMemory = bestSeconds([&] { return toMemory(exporting::Style::Compact); }, size);
    report("ours, compact, into a QByteArray", compactMemory, size);
    const double qtIndented = bestSeconds([&] { return qtJson(QJsonDocument::Indented); }, size);
    report("QJsonDocument::toJson(Indented) (4-space indent)", qtIndented, size);
    const double qtCompact = bestSeconds([&] { return qtJson(QJsonDocument::Compact); }, size);
    report("QJsonDocument::toJson(Compact)", qtCompact, size);
    std::printf("speed-up in time over QJsonDocument: streamed pretty %.1fx, compact %.1fx; "
                "into memory pretty %.1fx, compact %.1fx\n",
                qtIndented / prettyStream, qtCompact / compactStream, qtIndented / prettyMemory,
                qtCompact / compactMemory);
    return 0;
}
