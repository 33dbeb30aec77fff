#include "problemsmodel.h"
#include "timeformat.h"

#include <algorithm>

namespace hwi::models {

using hatchet::Severity;

namespace {

std::size_t slot(Severity severity) {
    return static_cast<std::size_t>(severity);
}

HealthLevel healthOf(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return HealthLevel::Bad;
    case Severity::Warning:
        return HealthLevel::Warning;
    case Severity::Info:
        break;
    }
    return HealthLevel::Unknown;
}

// The index into snapshot.workers of the worker holding node, or -1. Worker nodes are siblings (or the
// root), so their ids ascend and a binary search finds each ancestor.
int workerHolding(const hatchet::Snapshot& snapshot, json::NodeId node) {
    const json::Document& doc = *snapshot.document;
    for (json::NodeId at = node; at != json::NoNode; at = doc.parent(at)) {
        const auto found = std::lower_bound(snapshot.workers.begin(), snapshot.workers.end(), at);
        if (found != snapshot.workers.end() && *found == at)
            return static_cast<int>(found - snapshot.workers.begin());
    }
    return -1;
}

// What the Worker column says: the name the dashboard shows, else the id, else the position.
QString workerLabel(const hatchet::WorkerView& worker, int index) {
    QString label = worker.displayName();
    if (label.isEmpty())
        label = worker.id();
    return label.isEmpty() ? ProblemsModel::tr("worker %1 (no name, no id)").arg(index + 1) : label;
}

} // namespace

ProblemsModel::ProblemsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

ProblemsModel::~ProblemsModel() = default;

void ProblemsModel::setSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot) {
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_rows.clear();
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    if (m_snapshot) {
        m_rows.reserve(m_snapshot->problems.size());
        int lastWorker = -1;
        QString lastName;
        for (const hatchet::Problem& problem : m_snapshot->problems) {
            ++m_counts[slot(problem.severity)];
            const int worker = problem.node == json::NoNode ? -1 : workerHolding(*m_snapshot, problem.node);
            if (worker >= 0 && worker != lastWorker) {
                lastName = workerLabel(m_snapshot->worker(std::size_t(worker)), worker);
                lastWorker = worker;
            }
            m_rows.push_back({worker, worker >= 0 ? lastName : QString()});
        }
    }
    endResetModel();
}

std::size_t ProblemsModel::count(Severity severity) const {
    return m_counts[slot(severity)];
}

int ProblemsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProblemsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant ProblemsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const hatchet::Problem& problem = m_snapshot->problems[row];
    const json::Document& doc = *m_snapshot->document;
    switch (role) {
    case NodeRole:
        return nodeData(problem.node);
    case WorkerIndexRole:
        return m_rows[row].worker;
    case ProblemSeverityRole:
        return static_cast<int>(problem.severity);
    case SeverityRole:
        return static_cast<int>(healthOf(problem.severity));
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case RawValueRole:
        break;
    default:
        return {};
    }
    const bool sortKey = role == RawValueRole;
    switch (index.column()) {
    case SeverityColumn:
        return sortKey ? QVariant(static_cast<int>(problem.severity))
                       : hatchet::severityName(problem.severity);
    case LocationColumn: {
        if (problem.node == json::NoNode)
            return {};
        if (sortKey)
            return qint64(doc.offset(problem.node));
        const json::TextPosition at = doc.position(problem.node);
        return role == Qt::ToolTipRole ? tr("line %1, column %2").arg(at.line).arg(at.column)
                                       : QStringLiteral("%1:%2").arg(at.line).arg(at.column);
    }
    case WorkerColumn:
        return m_rows[row].workerName;
    case PointerColumn:
        return problem.pointer.isEmpty() ? QStringLiteral("(root)") : problem.pointer;
    case MessageColumn:
        return problem.message;
    }
    return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= NUM_COLUMNS)
        return {};
    static const char* const Titles[NUM_COLUMNS] = {QT_TR_NOOP("Severity"), QT_TR_NOOP("Line:Col"),
                                                    QT_TR_NOOP("Worker"), QT_TR_NOOP("JSON pointer"),
                                                    QT_TR_NOOP("Message")};
    return tr(Titles[section]);
}

Qt::ItemFlags ProblemsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

ProblemSeverityFilter::ProblemSeverityFilter(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
}

void ProblemSeverityFilter::setSeverityShown(Severity severity, bool shown) {
    if (m_shown[slot(severity)] == shown)
        return;
    m_shown[slot(severity)] = shown;
    invalidateRowsFilter();
}

bool ProblemSeverityFilter::isSeverityShown(Severity severity) const {
    return m_shown[slot(severity)];
}

bool ProblemSeverityFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const int severity = index.data(ProblemsModel::ProblemSeverityRole).toInt();
    return severity >= 0 && severity < 3 && m_shown[std::size_t(severity)];
}

} // namespace hwi::models
