#pragma once

#include "itemmodels/rawvaluesortproxy.h"
#include "query.h"
#include "workerindex.h"

#include <QDateTime>
#include <QMetaObject>

#include <memory>
#include <vector>

namespace hwi::models {
class WorkerTableModel;
}

namespace hwi::filter {

// The worker table's proxy: RawValueSortProxy's sorting plus the filter language. Rows are matched through
// the WorkerIndexRole of the source (a WorkerTableModel) against a WorkerIndex of its snapshot.
// The index is rebuilt when the source resets with another snapshot (or updates to one) and a query is
// set; to build it off the GUI thread instead, call setIndex() with an index of the new snapshot *before*
// the source's setSnapshot()/updateSnapshot(), and it is kept. Rows without a worker index (gone rows)
// always pass.
class WorkerFilterProxy final : public models::RawValueSortProxy {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerFilterProxy)

public:
    explicit WorkerFilterProxy(QObject* parent = nullptr);
    ~WorkerFilterProxy() override;

    void setSourceModel(QAbstractItemModel* source) override;

    void setQuery(const Query& query);
    const Query& query() const { return m_query; }
    // Capture time, or now; heartbeat terms measure ages against it.
    void setReferenceTime(const QDateTime& time);
    void setIndex(std::shared_ptr<const WorkerIndex> index);
    std::shared_ptr<const WorkerIndex> workerIndex() const { return m_index; }
    // The "Can it run?" verdict of each worker (analysis::Verdict as int, by index into Snapshot::workers),
    // what `verdict:` terms read; empty when no placement is shown (they match nothing).
    void setVerdicts(std::vector<qint8> verdicts);
    bool hasVerdicts() const { return !m_verdicts.empty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void onSourceReset();
    void ensureIndex();
    void refilter();

    models::WorkerTableModel* m_table = nullptr;
    QMetaObject::Connection m_resetConnection;
    QMetaObject::Connection m_updateConnection;
    std::shared_ptr<const WorkerIndex> m_index;
    Query m_query;
    qint64 m_referenceMsecs = 0;
    std::vector<qint8> m_verdicts;
};

} // namespace hwi::filter
