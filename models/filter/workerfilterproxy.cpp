#include "workerfilterproxy.h"
#include "itemmodels/workertablemodel.h"

namespace hwi::filter {

using models::WorkerTableModel;

WorkerFilterProxy::WorkerFilterProxy(QObject* parent)
    : RawValueSortProxy(parent) {}

WorkerFilterProxy::~WorkerFilterProxy() = default;

void WorkerFilterProxy::setSourceModel(QAbstractItemModel* source) {
    disconnect(m_resetConnection);
    disconnect(m_updateConnection);
    m_table = qobject_cast<WorkerTableModel*>(source);
    // Connected before the base class connects its own handler, so the index is current when it
    // re-filters after the reset.
    if (m_table) {
        m_resetConnection =
            connect(m_table, &QAbstractItemModel::modelReset, this, &WorkerFilterProxy::onSourceReset);
        m_updateConnection = connect(m_table, &WorkerTableModel::snapshotUpdated, this, [this] {
            onSourceReset(); // the index is for the previous snapshot
            refilter();
        });
    }
    onSourceReset();
    RawValueSortProxy::setSourceModel(source);
}

// Re-filtering uses invalidate() (one layout change) rather than invalidateFilter(): on 100,000 rows Qt
// 6.4's invalidateFilter() removes and inserts row ranges one at a time, ~1 s against ~8 ms
// (bench/filter_benchmark). The source model is never reset.
void WorkerFilterProxy::refilter() {
    invalidate();
}

void WorkerFilterProxy::setQuery(const Query& query) {
    m_query = query;
    ensureIndex();
    refilter();
}

void WorkerFilterProxy::setReferenceTime(const QDateTime& time) {
    const qint64 msecs = time.isValid() ? time.toMSecsSinceEpoch() : 0;
    if (msecs == m_referenceMsecs)
        return;
    m_referenceMsecs = msecs;
    if (m_query.usesReferenceTime())
        refilter();
}

void WorkerFilterProxy::setIndex(std::shared_ptr<const WorkerIndex> index) {
    m_index = std::move(index);
    if (!m_query.isEmpty()) {
        ensureIndex();
        refilter();
    }
}

void WorkerFilterProxy::setVerdicts(std::vector<qint8> verdicts) {
    if (verdicts == m_verdicts)
        return;
    m_verdicts = std::move(verdicts);
    if (m_query.usesVerdict())
        refilter();
}

void WorkerFilterProxy::onSourceReset() {
    const auto snapshot = m_table ? m_table->snapshot() : nullptr;
    if (m_index && (!snapshot || !m_index->isFor(*snapshot)))
        m_index.reset();
    if (!m_query.isEmpty())
        ensureIndex();
}

void WorkerFilterProxy::ensureIndex() {
    if (m_query.isEmpty() || !m_table)
        return;
    const auto snapshot = m_table->snapshot();
    if (snapshot && (!m_index || !m_index->isFor(*snapshot)))
        m_index = std::make_shared<const WorkerIndex>(*snapshot);
}

bool WorkerFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_query.isEmpty() || sourceParent.isValid() || !m_index)
        return true;
    Query::ChangeFacts change;
    if (m_query.usesChange() && m_table) {
        if (const analysis::WorkerChange* worker = m_table->changeOf(sourceRow)) {
            change.kind = int(worker->kind);
            change.families = worker->changedFamilyBits();
        }
    }
    const QModelIndex cell = sourceModel()->index(sourceRow, 0, sourceParent);
    bool ok = false;
    const int worker = cell.data(WorkerTableModel::WorkerIndexRole).toInt(&ok);
    if (!ok || worker < 0 || static_cast<std::size_t>(worker) >= m_index->size())
        return m_query.matchesGone(change);
    const auto at = static_cast<std::size_t>(worker);
    const int verdict = at < m_verdicts.size() ? m_verdicts[at] : Query::NoVerdict;
    return m_query.matches((*m_index)[at], m_referenceMsecs, change, verdict);
}

} // namespace hwi::filter
