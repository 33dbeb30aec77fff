#include "difftsv.h"

#include "atomicwrite.h"

#include <QIODevice>

namespace hwi::exporting {

namespace {

void writeChange(RecordWriter& writer, analysis::ChangeKind kind, const QString& id, const QString& name,
                 const QString& field = {}, const QString& oldValue = {}, const QString& newValue = {}) {
    writer.record({analysis::changeSymbol(kind), id, name, field, oldValue, newValue});
}

} // namespace

void printDiff(const analysis::SnapshotDiff& diff, QTextStream& out, RecordFormat format) {
    using analysis::ChangeKind;
    RecordWriter writer(out, format,
                        {QStringLiteral("CHANGE"), QStringLiteral("ID"), QStringLiteral("NAME"),
                         QStringLiteral("FIELD"), QStringLiteral("OLD"), QStringLiteral("NEW")},
                        TsvBreaks::Escape);
    for (const analysis::WorkerChange& worker : diff.workers) {
        if (worker.kind == ChangeKind::Appeared || worker.kind == ChangeKind::Gone) {
            writeChange(writer, worker.kind, worker.id, worker.name);
            continue;
        }
        if (worker.kind == ChangeKind::Replaced)
            writeChange(writer, ChangeKind::Replaced, worker.id, worker.name, QStringLiteral("id"),
                        worker.oldId, worker.id);
        for (const analysis::FieldChange& field : worker.fields)
            writeChange(writer, ChangeKind::Changed, worker.id, worker.name, field.field, field.oldValue,
                        field.newValue);
    }
    writer.finish();
}

std::optional<QString> writeDiff(const analysis::SnapshotDiff& diff, const QString& path) {
    return writeAtomically(path, [&diff](QIODevice& device) {
        QTextStream out(&device);
        printDiff(diff, out);
        out.flush();
        return out.status() == QTextStream::Ok;
    });
}

} // namespace hwi::exporting
