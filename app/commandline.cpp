#include "commandline.h"

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

QString slotsSummary(const hatchet::WorkerView& worker) {
    const hatchet::SlotTotals totals = hatchet::slotTotals(worker);
    if (totals.capacities.empty())
        return {};
    const auto used = totals.totalUsed();
    return (used ? QString::number(*used) : QStringLiteral("?")) + QLatin1Char('/') +
           QString::number(totals.limit);
}

void printList(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers, QTextStream& out) {
    out << "ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT\n";
    for (const std::size_t i : workers) {
        const hatchet::WorkerView worker = snapshot.worker(i);
        const hatchet::TimeValue beat = worker.lastHeartbeatAt();
        const QString heartbeat = beat.state == hatchet::TimeValue::Never ? QString() : beat.text;
        out << cell(worker.id()) << '\t' << cell(worker.name()) << '\t' << cell(worker.status()) << '\t'
            << cell(worker.type()) << '\t' << slotsSummary(worker) << '\t' << cell(heartbeat) << '\n';
    }
}

} // namespace hwi::app
