#include "workertablemodel.h"

#include "hatchet/health.h"
#include "hatchet/slots.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>
#include <QVariantMap>

#include <limits>

namespace hwi::models {

using hatchet::SlotCapacity;
using hatchet::TimeValue;

struct WorkerTableModel::Row {
    json::NodeId node = json::NoNode; // NoNode for a gone row
    int worker = -1;                  // index into the snapshot's workers; -1 for a gone row
    RowState state = RowState::Unchanged;
    const analysis::WorkerChange* change = nullptr; // in a comparison (points into m_diff)
    bool comparisonGone = false;                    // a gone worker of the comparison, read from m_older
    std::uint32_t changed = 0; // bit per column: differs from before the last updateSnapshot()
    QString name;
    QString id;
    QString status;
    QString type;
    QString slots;
    QString labels;
    QString sdk;
    QString dispatcher;
    TimeValue heartbeat;
    TimeValue created;
    hatchet::HealthFacts health;
    std::vector<SlotCapacity> capacities;
    double usedFraction = -1; // -1 when no limit is known
    int actions = 0;
    int workflows = 0;
};

namespace {

QString optionalNumber(const std::optional<std::int64_t>& value) {
    return value ? QString::number(*value) : QStringLiteral("?");
}

// "gpu=a100, region=eu".
QString labelsText(const std::vector<hatchet::LabelText>& labels) {
    QString out;
    for (const hatchet::LabelText& label : labels) {
        if (!out.isEmpty())
            out += QStringLiteral(", ");
        out += label.key;
        if (label.hasValue)
            out += QLatin1Char('=') + label.value;
    }
    return out;
}

} // namespace

WorkerTableModel::Row WorkerTableModel::extractRow(const hatchet::WorkerView& worker, QSet<QString>& pool) {
    // Statuses, types, SDKs and dispatchers repeat across workers: share one copy of each.
    const auto shared = [&pool](QString text) { return *pool.insert(std::move(text)); };
    Row row;
    row.node = worker.node();
    row.name = worker.displayName();
    row.status = shared(worker.status());
    row.type = shared(worker.type());
    row.dispatcher = shared(worker.dispatcherId());
    row.sdk = shared(worker.runtimeInfo().sdkSummary());
    row.heartbeat = worker.lastHeartbeatAt();
    hatchet::ResourceMeta metadata = worker.metadata();
    row.id = std::move(metadata.id);
    row.created = std::move(metadata.createdAt);
    row.actions = worker.actionCount();
    row.workflows = worker.registeredWorkflowCount();
    hatchet::SlotTotals totals = hatchet::slotTotals(worker);
    row.usedFraction = totals.usedFraction().value_or(-1);
    row.capacities = std::move(totals.capacities);
    for (const SlotCapacity& capacity : row.capacities) {
        if (!row.slots.isEmpty())
            row.slots += QStringLiteral(" \u00b7 ");
        row.slots += capacity.slotType + QLatin1Char(' ') + optionalNumber(capacity.used()) +
                     QLatin1Char('/') + optionalNumber(capacity.limit);
    }
    row.labels = labelsText(worker.labelTexts());
    row.health = hatchet::healthFacts(worker);
    return row;
}

WorkerTableModel::WorkerTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

WorkerTableModel::~WorkerTableModel() = default;

std::vector<WorkerTableModel::Row> WorkerTableModel::extractRows(const hatchet::Snapshot& snapshot) {
    std::vector<Row> rows;
    rows.reserve(snapshot.workers.size());
    QSet<QString> pool;
    for (std::size_t i = 0; i < snapshot.workers.size(); ++i) {
        rows.push_back(extractRow(snapshot.worker(i), pool));
        rows.back().worker = static_cast<int>(i);
    }
    return rows;
}

std::size_t WorkerTableModel::PreparedRows::size() const {
    return m_rows ? m_rows->size() : 0;
}

WorkerTableModel::PreparedRows
WorkerTableModel::prepareRows(std::shared_ptr<const hatchet::Snapshot> snapshot) {
    PreparedRows prepared;
    prepared.m_rows =
        std::make_shared<std::vector<Row>>(snapshot ? extractRows(*snapshot) : std::vector<Row>());
    prepared.m_snapshot = std::move(snapshot);
    return prepared;
}

void WorkerTableModel::setSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot) {
    setPrepared(prepareRows(std::move(snapshot)));
}

void WorkerTableModel::setPrepared(PreparedRows prepared) {
    beginResetModel();
    m_snapshot = std::move(prepared.m_snapshot);
    m_rows.clear();
    if (prepared.m_rows)
        m_rows.swap(*prepared.m_rows);
    m_appeared = m_gone = m_changed = m_comparisonGone = 0;
    m_diff.reset();
    m_older.reset();
    endResetModel();
}

namespace {

// What identifies a worker across refreshes: its id, else (ids missing or repeated) its position.
QString rowKey(const QString& id, int position, QSet<QString>& seen) {
    if (!id.isEmpty() && !seen.contains(id)) {
        seen.insert(id);
        return id;
    }
    return QStringLiteral("#%1").arg(position);
}

} // namespace

void WorkerTableModel::updateSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot) {
    if (!snapshot || !m_snapshot || m_rows.empty()) {
        setSnapshot(std::move(snapshot));
        return;
    }
    std::vector<Row> fresh = extractRows(*snapshot);
    // A comparison names workers of the snapshot it was made with: the caller sets it again.
    removeComparisonRows();
    for (Row& row : m_rows)
        row.change = nullptr;
    m_diff.reset();
    m_older.reset();
    removeGoneRows(); // they were marked until this refresh

    QHash<QString, int> freshByKey;
    QSet<QString> seen;
    for (std::size_t i = 0; i < fresh.size(); ++i)
        freshByKey.insert(rowKey(fresh[i].id, int(i), seen), int(i));

    // Existing rows: updated in place, or marked gone.
    std::vector<int> rowOfFresh(fresh.size(), -1);
    seen.clear();
    m_gone = m_changed = 0;
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        Row& old = m_rows[row];
        const auto match = freshByKey.constFind(rowKey(old.id, old.worker, seen));
        if (match == freshByKey.cend()) {
            old.state = RowState::Gone;
            old.node = json::NoNode;
            old.worker = -1;
            old.changed = 0;
            ++m_gone;
            continue;
        }
        Row& next = fresh[std::size_t(*match)];
        next.changed = changedColumns(old, next);
        next.state = next.changed ? RowState::Changed : RowState::Unchanged;
        m_changed += next.changed ? 1 : 0;
        old = std::move(next);
        rowOfFresh[std::size_t(*match)] = int(row);
    }
    m_snapshot = std::move(snapshot);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, NUM_COLUMNS - 1));

    // New workers: after the row of their predecessor in the new document. insertBefore[r] collects the
    // new rows that go before existing row r (r == size: at the end).
    std::vector<std::vector<int>> insertBefore(m_rows.size() + 1);
    int anchor = 0; // existing row the next new worker goes before
    m_appeared = 0;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        if (rowOfFresh[i] >= 0) {
            anchor = rowOfFresh[i] + 1;
            continue;
        }
        insertBefore[std::size_t(anchor)].push_back(int(i));
        ++m_appeared;
    }
    int position = 0;
    for (std::size_t existing = 0; existing < insertBefore.size(); ++existing) {
        const std::vector<int>& block = insertBefore[existing];
        if (!block.empty()) {
            beginInsertRows({}, position, position + int(block.size()) - 1);
            std::vector<Row> rows;
            rows.reserve(block.size());
            for (const int i : block) {
                rows.push_back(std::move(fresh[std::size_t(i)]));
                rows.back().state = RowState::Appeared;
            }
            m_rows.insert(m_rows.begin() + position, std::make_move_iterator(rows.begin()),
                          std::make_move_iterator(rows.end()));
            endInsertRows();
            position += int(block.size());
        }
        ++position; // past the existing row
    }
    m_updatedAt = QDateTime::currentDateTime();
    Q_EMIT snapshotUpdated();
}

void WorkerTableModel::removeGoneRows() {
    m_gone = 0; // before the removals, so workerCount() holds for their signals' receivers
    for (std::size_t end = m_rows.size(); end > 0;) {
        if (m_rows[end - 1].state != RowState::Gone || m_rows[end - 1].comparisonGone) {
            --end;
            continue;
        }
        std::size_t begin = end - 1;
        while (begin > 0 && m_rows[begin - 1].state == RowState::Gone && !m_rows[begin - 1].comparisonGone)
            --begin;
        beginRemoveRows({}, int(begin), int(end) - 1);
        m_rows.erase(m_rows.begin() + std::ptrdiff_t(begin), m_rows.begin() + std::ptrdiff_t(end));
        endRemoveRows();
        end = begin;
    }
}

void WorkerTableModel::removeComparisonRows() {
    std::size_t begin = m_rows.size();
    while (begin > 0 && m_rows[begin - 1].comparisonGone)
        --begin;
    if (begin == m_rows.size())
        return;
    m_comparisonGone = 0; // before the removal, so workerCount() holds for its receivers
    beginRemoveRows({}, int(begin), int(m_rows.size()) - 1);
    m_rows.erase(m_rows.begin() + std::ptrdiff_t(begin), m_rows.end());
    endRemoveRows();
}

void WorkerTableModel::setComparison(std::shared_ptr<const analysis::SnapshotDiff> diff,
                                     std::shared_ptr<const hatchet::Snapshot> older) {
    removeComparisonRows();
    for (Row& row : m_rows)
        row.change = nullptr;
    m_diff = diff && older ? std::move(diff) : nullptr;
    m_older = m_diff ? std::move(older) : nullptr;
    applyComparison();
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, NUM_COLUMNS - 1), {ChangeKindRole});
}

// Points each row at its change and appends the gone workers (comparison rows sit after every other row).
void WorkerTableModel::applyComparison() {
    if (!m_diff)
        return;
    QHash<int, const analysis::WorkerChange*> byWorker;
    std::vector<const analysis::WorkerChange*> gone;
    for (const analysis::WorkerChange& change : m_diff->workers) {
        if (change.kind == analysis::ChangeKind::Gone)
            gone.push_back(&change);
        else if (change.newIndex)
            byWorker.insert(int(*change.newIndex), &change);
    }
    for (Row& row : m_rows) {
        if (row.worker >= 0)
            row.change = byWorker.value(row.worker, nullptr);
    }
    if (gone.empty())
        return;
    beginInsertRows({}, rowCount(), rowCount() + int(gone.size()) - 1);
    m_comparisonGone = int(gone.size());
    QSet<QString> pool;
    for (const analysis::WorkerChange* change : gone) {
        Row row = extractRow(m_older->worker(*change->oldIndex), pool);
        row.node = json::NoNode; // a node of the older document: nothing to select in this one
        row.state = RowState::Gone;
        row.comparisonGone = true;
        row.change = change;
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
}

const analysis::WorkerChange* WorkerTableModel::changeOf(int row) const {
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].change : nullptr;
}

int WorkerTableModel::workerIndexOf(int row) const {
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].worker : -1;
}

void WorkerTableModel::setUsageSeries(QHash<QString, QList<qint64>> series) {
    m_usage = std::move(series);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, UsageColumn), index(rowCount() - 1, UsageColumn));
}

void WorkerTableModel::setPlacement(std::shared_ptr<const analysis::Placement> placement) {
    m_placement = std::move(placement);
    m_placementOfWorker.clear();
    if (m_placement) {
        for (std::size_t i = 0; i < m_placement->workers.size(); ++i) {
            const std::size_t worker = m_placement->workers[i].worker;
            if (worker >= m_placementOfWorker.size())
                m_placementOfWorker.resize(worker + 1, -1);
            m_placementOfWorker[worker] = int(i);
        }
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, VerdictColumn), index(rowCount() - 1, RankColumn));
}

const analysis::WorkerPlacement* WorkerTableModel::placementOf(int workerIndex) const {
    if (!m_placement || workerIndex < 0 || std::size_t(workerIndex) >= m_placementOfWorker.size())
        return nullptr;
    const int at = m_placementOfWorker[std::size_t(workerIndex)];
    return at < 0 ? nullptr : &m_placement->workers[std::size_t(at)];
}

std::uint32_t WorkerTableModel::changedColumns(const Row& before, const Row& after) const {
    std::uint32_t changed = 0;
    // The placement's columns follow setPlacement(), which a refresh calls after this.
    for (int column = 0; column < VerdictColumn; ++column) {
        if (cellData(before, column, Qt::DisplayRole) != cellData(after, column, Qt::DisplayRole) ||
            cellData(before, column, RawValueRole) != cellData(after, column, RawValueRole))
            changed |= 1u << column;
    }
    return changed;
}

void WorkerTableModel::setReferenceTime(const QDateTime& time) {
    m_reference = referenceFrom(time);
    if (m_rows.empty())
        return;
    const QList<int> roles = {Qt::DisplayRole, AgeMsecsRole, SeverityRole, Qt::ToolTipRole};
    const int last = rowCount() - 1;
    Q_EMIT dataChanged(index(0, LastHeartbeatColumn), index(last, LastHeartbeatColumn), roles);
    Q_EMIT dataChanged(index(0, CreatedColumn), index(last, CreatedColumn), roles);
    Q_EMIT dataChanged(index(0, HealthColumn), index(last, HealthColumn),
                       {Qt::DisplayRole, RawValueRole, SeverityRole, Qt::ToolTipRole, HealthStatesRole});
}

hatchet::WorkerView WorkerTableModel::worker(int row) const {
    Q_ASSERT(m_snapshot && row >= 0 && row < rowCount() && m_rows[std::size_t(row)].worker >= 0);
    return m_snapshot->worker(static_cast<std::size_t>(m_rows[std::size_t(row)].worker));
}

int WorkerTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WorkerTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant WorkerTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case WorkerIndexRole:
        return row.worker;
    case NodeRole:
        return row.node == json::NoNode ? QVariant() : nodeData(row.node);
    case RowStateRole:
        return static_cast<int>(row.state);
    case ChangedRole:
        return (row.changed >> index.column() & 1u) != 0;
    case ChangeKindRole:
        return row.change ? int(row.change->kind) : -1;
    case Qt::ToolTipRole:
        if (row.comparisonGone || index.column() == ChangeColumn)
            return cellData(row, index.column(), role);
        if (row.state == RowState::Gone)
            return tr("%1 was not in the refresh at %2")
                .arg(row.name, m_updatedAt.toString(QStringLiteral("HH:mm:ss")));
        if (row.state == RowState::Appeared)
            return tr("%1 is new in the refresh at %2")
                .arg(row.name, m_updatedAt.toString(QStringLiteral("HH:mm:ss")));
        return cellData(row, index.column(), role);
    default:
        return cellData(row, index.column(), role);
    }
}

QVariant WorkerTableModel::cellData(const Row& row, int column, int role) const {
    const bool text = role == Qt::DisplayRole || role == RawValueRole;
    switch (column) {
    case NameColumn:
        if (role == Qt::ToolTipRole)
            return row.id;
        return text ? row.name : QVariant();
    case StatusColumn:
        if (role == SeverityRole)
            return static_cast<int>(hatchet::statusHealth(row.status));
        return text ? row.status : QVariant();
    case TypeColumn:
        return text ? row.type : QVariant();
    case LastHeartbeatColumn:
        if (role == SeverityRole)
            return static_cast<int>(hatchet::heartbeatSeverity(row.heartbeat, m_reference));
        if (role == Qt::ToolTipRole) {
            // The time, then its age against the 5 s and 30 s marks.
            const QString marks = hatchet::heartbeatMarks(row.heartbeat, m_reference);
            const QVariant time = timeCellData(row.heartbeat, role, m_reference);
            if (marks.isEmpty())
                return time;
            return QString(time.toString() + QLatin1Char('\n') + marks);
        }
        return timeCellData(row.heartbeat, role, m_reference, QStringLiteral("never"));
    case SlotsColumn:
        if (role == RawValueRole)
            return row.usedFraction;
        if (role == SlotCapacitiesRole) {
            QVariantList list;
            for (const SlotCapacity& capacity : row.capacities) {
                list.append(QVariantMap{{QStringLiteral("type"), capacity.slotType},
                                        {QStringLiteral("used"),
                                         capacity.used() ? QVariant(qint64(*capacity.used())) : QVariant()},
                                        {QStringLiteral("limit"),
                                         capacity.limit ? QVariant(qint64(*capacity.limit)) : QVariant()}});
            }
            return list;
        }
        return role == Qt::DisplayRole ? row.slots : QVariant();
    case LabelsColumn:
        return text ? row.labels : QVariant();
    case ActionsColumn:
        return text ? row.actions : QVariant();
    case WorkflowsColumn:
        return text ? row.workflows : QVariant();
    case SdkColumn:
        return text ? row.sdk : QVariant();
    case DispatcherColumn:
        return text ? row.dispatcher : QVariant();
    case CreatedColumn:
        return timeCellData(row.created, role, m_reference);
    case HealthColumn:
        return healthData(row, role);
    case ChangeColumn:
        return changeData(row, role);
    case VerdictColumn:
        return verdictData(row, role);
    case RankColumn:
        return rankData(row, role);
    case UsageColumn: {
        if (role != UsageSeriesRole && role != RawValueRole)
            return {};
        const auto found = m_usage.constFind(row.id);
        if (found == m_usage.constEnd() || found->isEmpty())
            return {};
        if (role == RawValueRole)
            return found->constLast(); // sorts by the latest use
        QVariantList series;
        for (const qint64 used : *found)
            series.append(used < 0 ? QVariant() : QVariant(used));
        return series;
    }
    }
    return {};
}

QVariant WorkerTableModel::changeData(const Row& row, int role) const {
    const analysis::WorkerChange* change = row.change;
    if (!change)
        return role == RawValueRole ? QVariant(-1) : QVariant();
    const int fields = int(change->fields.size());
    switch (role) {
    case Qt::DisplayRole:
        if (change->kind == analysis::ChangeKind::Changed ||
            (change->kind == analysis::ChangeKind::Replaced && fields))
            return fields == 1
                       ? tr("%1 \u00b7 1 field").arg(analysis::changeKindId(change->kind))
                       : tr("%1 \u00b7 %2 fields").arg(analysis::changeKindId(change->kind)).arg(fields);
        return analysis::changeKindId(change->kind);
    case RawValueRole:
        return int(change->kind) * 1000 + fields;
    case SeverityRole:
        return int(change->kind == analysis::ChangeKind::Appeared ? HealthLevel::Good
                   : change->kind == analysis::ChangeKind::Gone   ? HealthLevel::Bad
                                                                  : HealthLevel::Warning);
    case Qt::ToolTipRole: {
        QStringList lines;
        if (change->kind == analysis::ChangeKind::Replaced)
            lines << tr("Restarted under a new id (was %1)").arg(change->oldId);
        else if (change->kind == analysis::ChangeKind::Appeared)
            lines << tr("Not in the older snapshot");
        else if (change->kind == analysis::ChangeKind::Gone)
            lines << tr("Only in the older snapshot");
        for (const analysis::FieldChange& field : change->fields) {
            lines << QStringLiteral("%1: %2 \u2192 %3")
                         .arg(field.field, field.oldValue.isEmpty() ? tr("(none)") : field.oldValue,
                              field.newValue.isEmpty() ? tr("(none)") : field.newValue);
        }
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant WorkerTableModel::verdictData(const Row& row, int role) const {
    const analysis::WorkerPlacement* placement = row.comparisonGone ? nullptr : placementOf(row.worker);
    if (!placement)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return analysis::verdictId(placement->verdict);
    case RawValueRole:
        return int(placement->verdict); // fits, full, too-small, excluded
    case SeverityRole:
        return int(placement->verdict == analysis::Verdict::Fits   ? HealthLevel::Good
                   : placement->verdict == analysis::Verdict::Full ? HealthLevel::Warning
                                                                   : HealthLevel::Bad);
    case Qt::ToolTipRole:
        return placement->verdict == analysis::Verdict::Fits ? tr("Could take the task now")
                                                             : placement->reasons().join(QLatin1Char('\n'));
    default:
        return {};
    }
}

QVariant WorkerTableModel::rankData(const Row& row, int role) const {
    const analysis::WorkerPlacement* placement = row.comparisonGone ? nullptr : placementOf(row.worker);
    if (!placement)
        return {};
    const bool excluded = placement->verdict == analysis::Verdict::Excluded;
    switch (role) {
    case Qt::DisplayRole:
        return excluded ? QStringLiteral("-") : QString::number(placement->rank);
    case RawValueRole: // excluded workers below every rank
        return excluded ? std::numeric_limits<qint64>::min() : qint64(placement->rank);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant WorkerTableModel::healthData(const Row& row, int role) const {
    const hatchet::HealthStates states = hatchet::healthStates(row.health, m_reference);
    const hatchet::HealthState first = hatchet::firstState(states);
    switch (role) {
    case Qt::DisplayRole:
        return hatchet::healthStateLabel(first);
    case RawValueRole:
        return static_cast<int>(first); // by severity: the most severe first
    case SeverityRole:
        return static_cast<int>(hatchet::healthStateLevel(first));
    case HealthStatesRole:
        return static_cast<int>(states);
    case Qt::ToolTipRole: {
        const QDateTime reference =
            m_reference ? QDateTime::fromMSecsSinceEpoch(*m_reference, QTimeZone::utc()) : QDateTime();
        return hatchet::assessHealth(row.health, reference).allReasons().join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant WorkerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= NUM_COLUMNS)
        return {};
    static const char* const Titles[NUM_COLUMNS] = {QT_TR_NOOP("Name"),    QT_TR_NOOP("Status"),
                                                    QT_TR_NOOP("Type"),    QT_TR_NOOP("Last heartbeat"),
                                                    QT_TR_NOOP("Slots"),   QT_TR_NOOP("Labels"),
                                                    QT_TR_NOOP("Actions"), QT_TR_NOOP("Workflows"),
                                                    QT_TR_NOOP("SDK"),     QT_TR_NOOP("Dispatcher"),
                                                    QT_TR_NOOP("Created"), QT_TR_NOOP("Health"),
                                                    QT_TR_NOOP("Change"),  QT_TR_NOOP("Used over time"),
                                                    QT_TR_NOOP("Verdict"), QT_TR_NOOP("Rank")};
    return tr(Titles[section]);
}

Qt::ItemFlags WorkerTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace hwi::models
