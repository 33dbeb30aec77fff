#pragma once

#include "query.h"
#include "workerindex.h"

#include <QAbstractProxyModel>
#include <QCollator>
#include <QDateTime>
#include <QHash>
#include <QMetaObject>
#include <QPersistentModelIndex>

#include <memory>
#include <vector>

namespace hwi::models {
class WorkerTableModel;
}

namespace hwi::filter {

// The worker table's proxy: the filter language and RawValueSortProxy's order (models::rowsInValueOrder) over
// a WorkerTableModel, without QSortFilterProxyModel. Its rows are one vector of source rows: a keystroke
// matches every worker against the query once and walks the sort order keeping the matches, and a sort
// applies the column's order (ranked once per column until the source changes) — both O(rows), emitted as
// one layout change that keeps persistent indexes (selection, current worker) on their workers.
//
// Rows are matched through the WorkerIndexRole of the source against a WorkerIndex of its snapshot.
// The index is rebuilt when the source resets with another snapshot (or updates to one) and a query is
// set; to build it off the GUI thread instead, call setIndex() with an index of the new snapshot *before*
// the source's setSnapshot()/updateSnapshot(), and it is kept. Rows without a worker index (gone rows)
// always pass. Source rows inserted or removed become proxy rows inserted or removed (in sort order); a
// change of the sort column's values sorts again, as QSortFilterProxyModel's dynamic sorting does.
class WorkerFilterProxy final : public QAbstractProxyModel {
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

    // -1: source order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // Whether the order of that column is ranked already (a sort by it is O(rows)); for the tests.
    bool hasOrderOf(int column) const { return m_orders.contains(column); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool accepts(int sourceRow) const;
    // By source row: whether it passes the filter.
    std::vector<char> acceptedRows();
    void forgetAnswer() { m_answered.clear(); }
    // Source rows in display order: the sort order (or source order) keeping the accepted rows.
    std::vector<int> visibleRows();
    const std::vector<int>& orderOf(int column);
    // Whether source row a comes before b in ascending order of `column` (ties by row).
    bool before(int a, int b, int column) const;
    void setRows(std::vector<int> rows);
    // Re-filters and re-sorts as one layout change.
    void relayout();
    void onSourceReset();
    void ensureIndex();
    void readWorkers();
    int workerOfRow(int sourceRow) const; // the source row's WorkerIndexRole, -1 for none

    void sourceAboutToBeReset();
    void sourceReset();
    void sourceLayoutAboutToBeChanged();
    void sourceLayoutChanged();
    void sourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex& parent, int first, int last);
    void sourceRowsInserted(const QModelIndex& parent, int first, int last);
    void sourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                           const QList<int>& roles);

    models::WorkerTableModel* m_table = nullptr;
    std::vector<QMetaObject::Connection> m_connections;
    std::shared_ptr<const WorkerIndex> m_index;
    Query m_query;
    qint64 m_referenceMsecs = 0;
    std::vector<qint8> m_verdicts;
    // The last query's answer by source row: a narrower next query (one more letter typed) tests only the
    // rows it accepted. Forgotten when the rows, index, reference time or verdicts change.
    Query m_answeredQuery;
    std::vector<char> m_answered;

    QCollator m_collator;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_workers;                   // by source row: its WorkerIndexRole (-1 for gone rows)
    std::vector<int> m_rows;                      // by proxy row: the source row
    std::vector<int> m_proxyRows;                 // by source row: the proxy row, -1 when filtered out
    QHash<int, std::vector<int>> m_orders;        // by column: source rows in ascending order
    QList<QPersistentModelIndex> m_layoutSources; // the source of each persistent index, over a layout change
    QModelIndexList m_layoutProxies;
};

} // namespace hwi::filter
