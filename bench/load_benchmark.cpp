// Load benchmark: on the same bytes, in one run, our load (read + parse + worker index + validation)
// against QJsonDocument::fromJson alone; then the peak resident memory of `hatchet-inspector --list`.
//   load_benchmark FILE [PATH_TO_HATCHET_INSPECTOR]
#include "hatchet/snapshot.h"
#include "load/hugepages.h"
#include "json/document.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace hwi;

namespace {

constexpr int Runs = 5;

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

} // namespace

int main(int argc, char** argv) {
    hwi::load::reexecWithHugePageMalloc(argv); // as hatchet-inspector does; QJsonDocument gets it too
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
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
        auto parsed = json::Document::parse(readFile(path));
        auto* doc = std::get_if<std::shared_ptr<const json::Document>>(&parsed);
        if (!doc) {
            std::fprintf(stderr, "parse failed\n");
            std::exit(1);
        }
        workers =
            hatchet::Snapshot::build(*doc, path, QDateTime::currentDateTimeUtc(), validation)->workers.size();
    };
    const double ours = bestMs([&] { load(hatchet::Snapshot::Validation::Skip); });
    const double withValidation = bestMs([&] { load(hatchet::Snapshot::Validation::Full); });
    const QByteArray bytes = readFile(path);
    const double qt = bestMs([&] {
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        if (doc.isNull())
            std::fprintf(stderr, "QJsonDocument could not parse the file\n");
    });

    const double mb = fileSize / 1e6;
    std::printf("file: %s, %.1f MB, %zu workers (best of %d runs)\n", qPrintable(path), mb, workers, Runs);
    std::printf("ours: read + parse + worker index:             %8.1f ms  %7.1f MB/s\n", ours,
                mb / ours * 1e3);
    std::printf("ours: the same + validation against the spec:  %8.1f ms  %7.1f MB/s\n", withValidation,
                mb / withValidation * 1e3);
    std::printf("QJsonDocument::fromJson alone (bytes in memory): %7.1f ms  %7.1f MB/s\n", qt, mb / qt * 1e3);
    std::printf("speed-up: %.1fx (target >= 5x); with validation %.1fx\n", qt / ours, qt / withValidation);

    return 0;
}
