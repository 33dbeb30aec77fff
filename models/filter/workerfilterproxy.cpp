#include "workerfilterproxy.h"
#include "itemmodels/rawvalueorder.h"
#include "itemmodels/roles.h"
#include "itemmodels/workertablemodel.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace hwi::filter {

using models::WorkerTableModel;

WorkerFilterProxy::WorkerFilterProxy(QObject* parent)
    : QAbstractProxyModel(parent) {
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

WorkerFilterProxy::~WorkerFilterProxy() = default;

void WorkerFilterProxy::setSourceModel(QAbstractItemModel* source) {
    beginResetModel();
    for (const QMetaObject::Connection& connection : m_connections)
        disconnect(connection);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(source);
    m_table = qobject_cast<WorkerTableModel*>(source);
    if (source) {
        using Model = QAbstractItemModel;
        using Self = WorkerFilterProxy;
        m_connections = {
            connect(source, &Model::modelAboutToBeReset, this, &Self::sourceAboutToBeReset),
            connect(source, &Model::modelReset, this, &Self::sourceReset),
            connect(source, &Model::layoutAboutToBeChanged, this, &Self::sourceLayoutAboutToBeChanged),
            connect(source, &Model::layoutChanged, this, &Self::sourceLayoutChanged),
            // Moves and column changes (which a WorkerTableModel never makes) as layout changes.
            connect(source, &Model::rowsAboutToBeMoved, this, &Self::sourceLayoutAboutToBeChanged),
            connect(source, &Model::rowsMoved, this, &Self::sourceLayoutChanged),
            connect(source, &Model::columnsAboutToBeInserted, this, &Self::sourceAboutToBeReset),
            connect(source, &Model::columnsInserted, this, &Self::sourceReset),
            connect(source, &Model::columnsAboutToBeRemoved, this, &Self::sourceAboutToBeReset),
            connect(source, &Model::columnsRemoved, this, &Self::sourceReset),
            connect(source, &Model::rowsAboutToBeRemoved, this, &Self::sourceRowsAboutToBeRemoved),
            connect(source, &Model::rowsRemoved, this, &Self::sourceRowsRemoved),
            connect(source, &Model::rowsInserted, this, &Self::sourceRowsInserted),
            connect(source, &Model::dataChanged, this, &Self::sourceDataChanged),
            connect(source, &Model::headerDataChanged, this, &Self::headerDataChanged),
        };
        if (m_table) {
            m_connections.push_back(connect(m_table, &WorkerTableModel::snapshotUpdated, this, [this] {
                onSourceReset(); // the index is for the previous snapshot
                relayout();
            }));
        }
    }
    m_orders.clear();
    onSourceReset();
    readWorkers();
    setRows(visibleRows());
    endResetModel();
}

void WorkerFilterProxy::setQuery(const Query& query) {
    m_query = query;
    ensureIndex();
    relayout();
}

void WorkerFilterProxy::setReferenceTime(const QDateTime& time) {
    const qint64 msecs = time.isValid() ? time.toMSecsSinceEpoch() : 0;
    if (msecs == m_referenceMsecs)
        return;
    m_referenceMsecs = msecs;
    forgetAnswer();
    if (m_query.usesReferenceTime())
        relayout();
}

void WorkerFilterProxy::setIndex(std::shared_ptr<const WorkerIndex> index) {
    m_index = std::move(index);
    forgetAnswer();
    if (!m_query.isEmpty()) {
        ensureIndex();
        relayout();
    }
}

void WorkerFilterProxy::setVerdicts(std::vector<qint8> verdicts) {
    if (verdicts == m_verdicts)
        return;
    m_verdicts = std::move(verdicts);
    forgetAnswer();
    if (m_query.usesVerdict())
        relayout();
}

void WorkerFilterProxy::sort(int column, Qt::SortOrder order) {
    m_sortColumn = column < 0 || column >= columnCount() ? -1 : column;
    m_sortOrder = order;
    relayout();
}

void WorkerFilterProxy::onSourceReset() {
    const auto snapshot = m_table ? m_table->snapshot() : nullptr;
    if (m_index && (!snapshot || !m_index->isFor(*snapshot)))
        m_index.reset();
    forgetAnswer();
    if (!m_query.isEmpty())
        ensureIndex();
}

void WorkerFilterProxy::ensureIndex() {
    if (m_query.isEmpty() || !m_table)
        return;
    const auto snapshot = m_table->snapshot();
    if (snapshot && (!m_index || !m_index->isFor(*snapshot))) {
        m_index = std::make_shared<const WorkerIndex>(*snapshot);
        forgetAnswer();
    }
}

void WorkerFilterProxy::readWorkers() {
    forgetAnswer();
    const QAbstractItemModel* source = sourceModel();
    const int rows = source ? source->rowCount() : 0;
    m_workers.assign(std::size_t(rows), -1);
    for (int row = 0; row < rows; ++row)
        m_workers[std::size_t(row)] = workerOfRow(row);
}

int WorkerFilterProxy::workerOfRow(int sourceRow) const {
    if (m_table) // the same answer without a QVariant per row: 100,000 rows are read on every reset
        return m_table->workerIndexOf(sourceRow);
    bool ok = false;
    const int worker = sourceModel()->index(sourceRow, 0).data(WorkerTableModel::WorkerIndexRole).toInt(&ok);
    return ok ? worker : -1;
}

bool WorkerFilterProxy::accepts(int sourceRow) const {
    if (m_query.isEmpty() || !m_index)
        return true;
    Query::ChangeFacts change;
    if (m_query.usesChange() && m_table) {
        if (const analysis::WorkerChange* worker = m_table->changeOf(sourceRow)) {
            change.kind = int(worker->kind);
            change.families = worker->changedFamilyBits();
        }
    }
    const int worker = m_workers[std::size_t(sourceRow)];
    if (worker < 0 || static_cast<std::size_t>(worker) >= m_index->size())
        return m_query.matchesGone(change);
    const auto at = static_cast<std::size_t>(worker);
    const int verdict = at < m_verdicts.size() ? m_verdicts[at] : Query::NoVerdict;
    return m_query.matches((*m_index)[at], m_referenceMsecs, change, verdict);
}

const std::vector<int>& WorkerFilterProxy::orderOf(int column) {
    auto found = m_orders.find(column);
    if (found == m_orders.end())
        found = m_orders.insert(
            column, models::rowsInValueOrder(*sourceModel(), column, models::RawValueRole, m_collator));
    return *found;
}

// Matched in source (document) order, which reads the index in memory order, in chunks on the pool's
// threads and this one (a query over 100,000 workers takes ~10-30 ms on one core). Query, index and model
// are only read. When the query narrows the last one, only the rows that one accepted are tested.
std::vector<char> WorkerFilterProxy::acceptedRows() {
    const std::size_t rows = m_workers.size();
    std::vector<char> accepted(rows, 1);
    if (m_query.isEmpty() || !m_index) {
        forgetAnswer();
        return accepted;
    }
    const bool narrowing = m_answered.size() == rows && m_query.narrows(m_answeredQuery);
    const char* candidates = narrowing ? m_answered.data() : accepted.data();
    constexpr std::size_t ChunkRows = 8192;
    std::vector<std::size_t> chunks;
    for (std::size_t begin = 0; begin < rows; begin += ChunkRows)
        chunks.push_back(begin);
    const auto match = [this, rows, candidates, &accepted](std::size_t begin) {
        for (std::size_t row = begin; row < std::min(rows, begin + ChunkRows); ++row)
            accepted[row] = candidates[row] && accepts(int(row)) ? 1 : 0;
    };
    if (chunks.size() < 2)
        std::for_each(chunks.begin(), chunks.end(), match);
    else
        QtConcurrent::blockingMap(chunks, match);
    m_answeredQuery = m_query;
    m_answered = accepted;
    return accepted;
}

std::vector<int> WorkerFilterProxy::visibleRows() {
    const int rows = int(m_workers.size());
    const std::vector<char> accepted = acceptedRows();
    std::vector<int> visible;
    visible.reserve(m_workers.size());
    const auto keep = [&visible, &accepted](int row) {
        if (accepted[std::size_t(row)])
            visible.push_back(row);
    };
    const std::vector<int>* order = m_sortColumn >= 0 && sourceModel() ? &orderOf(m_sortColumn) : nullptr;
    if (!order || int(order->size()) != rows) {
        for (int row = 0; row < rows; ++row)
            keep(row);
    } else if (m_sortOrder == Qt::AscendingOrder) {
        std::for_each(order->begin(), order->end(), keep);
    } else {
        std::for_each(order->rbegin(), order->rend(), keep);
    }
    return visible;
}

void WorkerFilterProxy::setRows(std::vector<int> rows) {
    m_rows = std::move(rows);
    m_proxyRows.assign(m_workers.size(), -1);
    for (std::size_t at = 0; at < m_rows.size(); ++at)
        m_proxyRows[std::size_t(m_rows[at])] = int(at);
}

void WorkerFilterProxy::relayout() {
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList from = persistentIndexList();
    std::vector<int> sources;
    sources.reserve(std::size_t(from.size()));
    for (const QModelIndex& index : from)
        sources.push_back(
            index.isValid() && index.row() < int(m_rows.size()) ? m_rows[std::size_t(index.row())] : -1);
    setRows(visibleRows());
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int source = sources[std::size_t(i)];
        const int row = source >= 0 ? m_proxyRows[std::size_t(source)] : -1;
        to.push_back(row >= 0 ? createIndex(row, from[i].column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
}

bool WorkerFilterProxy::before(int a, int b, int column) const {
    const QAbstractItemModel* source = sourceModel();
    const int order =
        models::compareRawValues(source->index(a, column).data(models::RawValueRole),
                                 source->index(b, column).data(models::RawValueRole), m_collator);
    return order != 0 ? order < 0 : a < b;
}

// ---- the model (the source's signals: workerfilterproxysource.cpp)

QModelIndex WorkerFilterProxy::index(int row, int column, const QModelIndex& parent) const {
    if (parent.isValid() || row < 0 || row >= int(m_rows.size()) || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex WorkerFilterProxy::parent(const QModelIndex& /*child*/) const {
    return {};
}

QModelIndex WorkerFilterProxy::sibling(int row, int column, const QModelIndex& index) const {
    return index.isValid() ? this->index(row, column) : QModelIndex();
}

int WorkerFilterProxy::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WorkerFilterProxy::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool WorkerFilterProxy::hasChildren(const QModelIndex& parent) const {
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex WorkerFilterProxy::mapToSource(const QModelIndex& proxyIndex) const {
    if (!proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= int(m_rows.size()))
        return {};
    return sourceModel()->index(m_rows[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex WorkerFilterProxy::mapFromSource(const QModelIndex& sourceIndex) const {
    if (!sourceIndex.isValid() || sourceIndex.parent().isValid() || sourceIndex.model() != sourceModel() ||
        sourceIndex.row() >= int(m_proxyRows.size()))
        return {};
    const int row = m_proxyRows[std::size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QVariant WorkerFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!sourceModel())
        return {};
    if (orientation == Qt::Horizontal)
        return sourceModel()->headerData(section, orientation, role);
    if (section < 0 || section >= int(m_rows.size()))
        return {};
    return sourceModel()->headerData(m_rows[std::size_t(section)], orientation, role);
}

} // namespace hwi::filter
