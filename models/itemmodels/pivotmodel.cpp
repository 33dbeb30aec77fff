#include "pivotmodel.h"

#include "filter/query.h"

#include <QSet>

#include <algorithm>

namespace hwi::models {

using analysis::PivotKey;
using analysis::PivotRow;

PivotModel::PivotModel(QObject* parent)
    : QAbstractTableModel(parent) {}

PivotModel::~PivotModel() = default;

PivotModel::Row PivotModel::makeRow(PivotRow row) const {
    Row made;
    made.problem = analysis::pivotRowProblem(m_key, row);
    made.query = filter::Query::exactTerm(analysis::pivotKeyId(m_key), row.key).value_or(QString());
    made.row = std::move(row);
    return made;
}

void PivotModel::setPivot(PivotKey key, std::vector<PivotRow> rows) {
    const bool sameKey = key == m_key;
    m_key = key;
    std::vector<Row> fresh;
    fresh.reserve(rows.size());
    for (PivotRow& row : rows)
        fresh.push_back(makeRow(std::move(row)));
    if (!sameKey || m_rows.empty() || fresh.empty()) {
        beginResetModel();
        m_rows = std::move(fresh);
        endResetModel();
        return;
    }
    // Both lists are sorted by key (analysis::pivot): the rows that stay are in the same order in both.
    QSet<QString> freshKeys;
    for (const Row& row : fresh)
        freshKeys.insert(row.row.key);
    for (std::size_t end = m_rows.size(); end > 0;) {
        if (freshKeys.contains(m_rows[end - 1].row.key)) {
            --end;
            continue;
        }
        std::size_t begin = end - 1;
        while (begin > 0 && !freshKeys.contains(m_rows[begin - 1].row.key))
            --begin;
        beginRemoveRows({}, int(begin), int(end) - 1);
        m_rows.erase(m_rows.begin() + std::ptrdiff_t(begin), m_rows.begin() + std::ptrdiff_t(end));
        endRemoveRows();
        end = begin;
    }
    for (std::size_t i = 0; i < fresh.size();) {
        if (i < m_rows.size() && m_rows[i].row.key == fresh[i].row.key) {
            m_rows[i] = std::move(fresh[i]);
            ++i;
            continue;
        }
        std::size_t end = i; // fresh[i, end) are new rows before the kept row now at i
        while (end < fresh.size() && (i >= m_rows.size() || fresh[end].row.key != m_rows[i].row.key))
            ++end;
        beginInsertRows({}, int(i), int(end) - 1);
        m_rows.insert(m_rows.begin() + std::ptrdiff_t(i),
                      std::make_move_iterator(fresh.begin() + std::ptrdiff_t(i)),
                      std::make_move_iterator(fresh.begin() + std::ptrdiff_t(end)));
        endInsertRows();
        i = end;
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, NUM_COLUMNS - 1));
}

int PivotModel::problemCount() const {
    return int(
        std::count_if(m_rows.begin(), m_rows.end(), [](const Row& row) { return !row.problem.isEmpty(); }));
}

int PivotModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PivotModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant PivotModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    switch (role) {
    case ProblemRole:
        return row.problem;
    case QueryRole:
        return row.query;
    case WorkerIndexesRole: {
        QList<qsizetype> indexes;
        indexes.reserve(qsizetype(row.row.workerIndexes.size()));
        for (const std::size_t worker : row.row.workerIndexes)
            indexes << qsizetype(worker);
        return QVariant::fromValue(indexes);
    }
    case SeverityRole:
        return row.problem.isEmpty() ? QVariant() : QVariant(int(HealthLevel::Bad));
    case Qt::ToolTipRole:
        if (!row.problem.isEmpty())
            return row.problem;
        return row.query.isEmpty() ? QVariant()
                                   : QVariant(tr("Activate to filter the workers: %1").arg(row.query));
    case Qt::TextAlignmentRole:
        if (index.column() > KeyColumn && index.column() < ProblemColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return cell(row, index.column(), role);
    }
}

QVariant PivotModel::cell(const Row& row, int column, int role) const {
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    const PivotRow& pivot = row.row;
    const auto units = [role](const std::optional<std::int64_t>& value) -> QVariant {
        if (value)
            return qint64(*value);
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("?")) : QVariant();
    };
    switch (column) {
    case KeyColumn:
        return pivot.key;
    case WorkersColumn:
        return qint64(pivot.workers);
    case ActiveColumn:
        return qint64(pivot.active);
    case PausedColumn:
        return qint64(pivot.paused);
    case InactiveColumn:
        return qint64(pivot.inactive);
    case SchedulableColumn:
        return qint64(pivot.schedulable);
    case FreeColumn:
        return units(pivot.free);
    case LimitColumn:
        return units(pivot.limit);
    case ProblemColumn:
        return row.problem;
    }
    return {};
}

QVariant PivotModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= NUM_COLUMNS)
        return {};
    if (role == Qt::ToolTipRole) {
        static const char* const Tips[NUM_COLUMNS] = {
            nullptr,
            QT_TR_NOOP("Workers carrying it"),
            QT_TR_NOOP("Workers with status ACTIVE"),
            QT_TR_NOOP("Workers with status PAUSED"),
            QT_TR_NOOP("Workers with status INACTIVE"),
            QT_TR_NOOP("ACTIVE, heartbeat under 5 s old, a dispatcher and a slot type: the scheduler can "
                       "give them a task"),
            QT_TR_NOOP("Available slot units summed over the schedulable workers (? when one does not say)"),
            QT_TR_NOOP("Slot unit limits summed over the schedulable workers"),
            QT_TR_NOOP("Why its tasks cannot run now")};
        return Tips[section] ? tr(Tips[section]) : QVariant();
    }
    if (role != Qt::DisplayRole)
        return {};
    if (section == KeyColumn) {
        switch (m_key) {
        case PivotKey::Action:
            return tr("Action");
        case PivotKey::Workflow:
            return tr("Workflow");
        case PivotKey::Label:
            return tr("Label");
        case PivotKey::SlotType:
            return tr("Slot type");
        case PivotKey::Sdk:
            return tr("SDK");
        case PivotKey::Status:
            return tr("Status");
        case PivotKey::Dispatcher:
            return tr("Dispatcher");
        }
    }
    static const char* const Titles[NUM_COLUMNS] = {nullptr,
                                                    QT_TR_NOOP("Workers"),
                                                    QT_TR_NOOP("Active"),
                                                    QT_TR_NOOP("Paused"),
                                                    QT_TR_NOOP("Inactive"),
                                                    QT_TR_NOOP("Schedulable"),
                                                    QT_TR_NOOP("Free"),
                                                    QT_TR_NOOP("Limit"),
                                                    QT_TR_NOOP("Problem")};
    return tr(Titles[section]);
}

Qt::ItemFlags PivotModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

PivotProblemFilter::PivotProblemFilter(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
}

void PivotProblemFilter::setOnlyProblems(bool only) {
    if (m_onlyProblems == only)
        return;
    m_onlyProblems = only;
    invalidateRowsFilter();
}

bool PivotProblemFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (!m_onlyProblems)
        return true;
    return !sourceModel()
                ->index(sourceRow, 0, sourceParent)
                .data(PivotModel::ProblemRole)
                .toString()
                .isEmpty();
}

} // namespace hwi::models
