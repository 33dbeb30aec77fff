#include "difftsv.h"

#include "atomicwrite.h"

#include <QIODevice>

namespace hwi::exporting {

QString escapeDiffValue(const QString& value) {
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '\\':
            escaped += QLatin1String("\\\\");
            break;
        case '\t':
            escaped += QLatin1String("\\t");
            break;
        case '\n':
            escaped += QLatin1String("\\n");
            break;
        case '\r':
            escaped += QLatin1String("\\r");
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

namespace {

void printLine(QTextStream& out, analysis::ChangeKind kind, const QString& id, const QString& name,
               const QString& field = {}, const QString& oldValue = {}, const QString& newValue = {}) {
    out << analysis::changeSymbol(kind) << '\t' << escapeDiffValue(id) << '\t' << escapeDiffValue(name)
        << '\t' << escapeDiffValue(field) << '\t' << escapeDiffValue(oldValue) << '\t'
        << escapeDiffValue(newValue) << '\n';
}

} // namespace

void printDiff(const analysis::SnapshotDiff& diff, QTextStream& out) {
    using analysis::ChangeKind;
    out << "CHANGE\tID\tNAME\tFIELD\tOLD\tNEW\n";
    for (const analysis::WorkerChange& worker : diff.workers) {
        if (worker.kind == ChangeKind::Appeared || worker.kind == ChangeKind::Gone) {
            printLine(out, worker.kind, worker.id, worker.name);
            continue;
        }
        if (worker.kind == ChangeKind::Replaced)
            printLine(out, ChangeKind::Replaced, worker.id, worker.name, QStringLiteral("id"), worker.oldId,
                      worker.id);
        for (const analysis::FieldChange& field : worker.fields)
            printLine(out, ChangeKind::Changed, worker.id, worker.name, field.field, field.oldValue,
                      field.newValue);
    }
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
