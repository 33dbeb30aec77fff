#include "atomicwrite.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace hwi::exporting {

namespace {

QString failure(const QString& path, const QString& reason) {
    return QStringLiteral("Cannot write ") + path + QStringLiteral(": ") + reason;
}

std::optional<QString> writeStandardOutput(const std::function<bool(QIODevice&)>& write) {
    const QString name = QStringLiteral("standard output");
    std::fflush(stdout);
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return failure(name, out.errorString());
    const bool written = write(out);
    const bool flushed = out.flush();
    if (!written || !flushed || out.error() != QFileDevice::NoError)
        return failure(name, out.error() != QFileDevice::NoError ? out.errorString()
                                                                 : QStringLiteral("the export failed"));
    return std::nullopt;
}

} // namespace

std::optional<QString> writeAtomically(const QString& path, const std::function<bool(QIODevice&)>& write) {
    if (path == QLatin1String("-"))
        return writeStandardOutput(write);
    QSaveFile file(path);
    // Unbuffered: the writers hand over large chunks, and a full disk then fails the write that hit it, with
    // the system's reason. Buffered, it could fail in the final flush, which QSaveFile::commit() ignores
    // (a truncated file replaced the old one) and which reports a short write as "Unknown error".
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return failure(path, file.errorString());
    if (!write(file)) {
        // A device error (e.g. the disk filled up) says more than the writer's false.
        const QString reason =
            file.error() != QFileDevice::NoError ? file.errorString() : QStringLiteral("the export failed");
        file.cancelWriting();
        return failure(path, reason);
    }
    if (!file.commit())
        return failure(path, file.errorString());
    return std::nullopt;
}

} // namespace hwi::exporting
