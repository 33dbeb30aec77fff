#include "commandline.h"

#include "hatchet/health.h"
#include "hatchet/slots.h"

namespace hwi::app {

namespace {

// Values go on one tab-separated line: tabs and line breaks inside them become spaces.
QString cell(QString text) {
    for (QChar& c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return text;
}

QString unitsOrUnknown(const std::optional<std::int64_t>& units) {
    return units ? QString::number(*units) : QStringLiteral("?");
}

} // namespace

int printCheck(const hatchet::Snapshot& snapshot, QTextStream& out, QTextStream& err) {
    if (!snapshot.note.isEmpty())
        err << snapshot.source << ": note: " << snapshot.note << '\n';
    for (const hatchet::Problem& problem : snapshot.problems) {
        out << (problem.pointer.isEmpty() ? QStringLiteral("(root)") : problem.pointer) << ": "
            << hatchet::severityName(problem.severity) << ": " << problem.message << '\n';
    }
    return snapshot.errorCount() > 0 ? ExitProblems : ExitOk;
}

void printPivot(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                analysis::PivotKey key, std::optional<qint64> referenceMsecs, QTextStream& out) {
    out << "KEY\tWORKERS\tACTIVE\tPAUSED\tINACTIVE\tSCHEDULABLE\tFREE\tLIMIT\n";
    for (const analysis::PivotRow& row : analysis::pivot(snapshot, workers, key, referenceMsecs)) {
        out << cell(row.key) << '\t' << row.workers << '\t' << row.active << '\t' << row.paused << '\t'
            << row.inactive << '\t' << row.schedulable << '\t' << unitsOrUnknown(row.free) << '\t'
            << unitsOrUnknown(row.limit) << '\n';
    }
}

QString slotsSummary(const hatchet::WorkerView& worker) {
    const hatchet::SlotTotals totals = hatchet::slotTotals(worker);
    if (totals.capacities.empty())
        return {};
    const auto used = totals.totalUsed();
    return (used ? QString::number(*used) : QStringLiteral("?")) + QLatin1Char('/') +
           QString::number(totals.limit);
}

void printList(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers, QTextStream& out) {
    // Without --columns nothing is judged at a reference time: none is needed.
    printList(snapshot, workers, defaultListColumns(), QDateTime(), out);
}

QStringList listColumnNames() {
    return defaultListColumns() << QStringLiteral("health") << QStringLiteral("reasons");
}

QStringList defaultListColumns() {
    return {QStringLiteral("id"),   QStringLiteral("name"),  QStringLiteral("status"),
            QStringLiteral("type"), QStringLiteral("slots"), QStringLiteral("last_heartbeat")};
}

std::optional<QStringList> parseListColumns(const QString& text, QString* error) {
    const QStringList known = listColumnNames();
    QStringList columns;
    for (const QString& name : text.split(QLatin1Char(','))) {
        const QString column = name.trimmed().toLower();
        if (!known.contains(column)) {
            if (error) {
                *error = (column.isEmpty() ? QStringLiteral("empty column name")
                                           : QStringLiteral("unknown column '%1'").arg(name.trimmed())) +
                         QStringLiteral("; known columns: ") + known.join(QStringLiteral(", "));
            }
            return std::nullopt;
        }
        columns << column;
    }
    return columns;
}

void printList(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
               const QStringList& columns, const QDateTime& reference, QTextStream& out) {
    enum Column { Id, Name, Status, Type, Slots, LastHeartbeat, Health, Reasons };
    const QStringList known = listColumnNames();
    std::vector<Column> chosen;
    bool judged = false; // health or reasons: assess once per worker
    for (const QString& name : columns) {
        const auto column = Column(known.indexOf(name));
        Q_ASSERT(column >= Id && column <= Reasons);
        chosen.push_back(column);
        judged = judged || column == Health || column == Reasons;
    }
    for (std::size_t i = 0; i < chosen.size(); ++i)
        out << (i ? "\t" : "") << columns.at(qsizetype(i)).toUpper();
    out << '\n';
    for (const std::size_t index : workers) {
        const hatchet::WorkerView worker = snapshot.worker(index);
        const std::optional<hatchet::WorkerHealth> health =
            judged ? std::optional(hatchet::assessHealth(worker, reference)) : std::nullopt;
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            if (i)
                out << '\t';
            switch (chosen[i]) {
            case Id:
                out << cell(worker.id());
                break;
            case Name:
                out << cell(worker.name());
                break;
            case Status:
                out << cell(worker.status());
                break;
            case Type:
                out << cell(worker.type());
                break;
            case Slots:
                out << slotsSummary(worker);
                break;
            case LastHeartbeat: {
                const hatchet::TimeValue beat = worker.lastHeartbeatAt();
                out << cell(beat.state == hatchet::TimeValue::Never ? QString() : beat.text);
                break;
            }
            case Health:
                out << health->id();
                break;
            case Reasons:
                out << cell(health->allReasons().join(QStringLiteral("; ")));
                break;
            }
        }
        out << '\n';
    }
}

} // namespace hwi::app
