// WorkerFilterProxy following its source: resets, layout changes, rows inserted and removed, data changed.
#include "itemmodels/roles.h"
#include "itemmodels/workertablemodel.h"
#include "workerfilterproxy.h"

#include <algorithm>

namespace hwi::filter {

using models::WorkerTableModel;

namespace {

// Source rows inserted one at a time (in sort order, as rowsInserted of the proxy) up to this many; more are
// placed by one layout change.
constexpr int FewInsertedRows = 64;

} // namespace

void WorkerFilterProxy::sourceAboutToBeReset() {
    beginResetModel();
}

void WorkerFilterProxy::sourceReset() {
    m_orders.clear();
    onSourceReset();
    readWorkers();
    setRows(visibleRows());
    endResetModel();
}

void WorkerFilterProxy::sourceLayoutAboutToBeChanged() {
    Q_EMIT layoutAboutToBeChanged();
    m_layoutProxies = persistentIndexList();
    m_layoutSources.clear();
    for (const QModelIndex& index : std::as_const(m_layoutProxies))
        m_layoutSources.push_back(QPersistentModelIndex(mapToSource(index)));
}

void WorkerFilterProxy::sourceLayoutChanged() {
    m_orders.clear();
    readWorkers();
    setRows(visibleRows());
    QModelIndexList to;
    to.reserve(m_layoutSources.size());
    for (const QPersistentModelIndex& source : std::as_const(m_layoutSources))
        to.push_back(mapFromSource(source));
    changePersistentIndexList(m_layoutProxies, to);
    m_layoutProxies.clear();
    m_layoutSources.clear();
    Q_EMIT layoutChanged();
}

// The proxy rows of the removed source rows go first, in runs of adjacent proxy rows (last run first); the
// source rows are renumbered once the source has removed them.
void WorkerFilterProxy::sourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last) {
    if (parent.isValid())
        return;
    std::vector<int> gone;
    for (int row = first; row <= last; ++row) {
        if (m_proxyRows[std::size_t(row)] >= 0)
            gone.push_back(m_proxyRows[std::size_t(row)]);
    }
    std::sort(gone.begin(), gone.end());
    while (!gone.empty()) {
        const int end = gone.back();
        int begin = end;
        while (!gone.empty() && gone.back() == begin) {
            gone.pop_back();
            --begin;
        }
        ++begin;
        beginRemoveRows({}, begin, end);
        for (int row = begin; row <= end; ++row)
            m_proxyRows[std::size_t(m_rows[std::size_t(row)])] = -1;
        m_rows.erase(m_rows.begin() + begin, m_rows.begin() + end + 1);
        for (std::size_t row = std::size_t(begin); row < m_rows.size(); ++row)
            m_proxyRows[std::size_t(m_rows[row])] = int(row);
        endRemoveRows();
    }
}

void WorkerFilterProxy::sourceRowsRemoved(const QModelIndex& parent, int first, int last) {
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    const auto renumber = [first, last, count](std::vector<int>& rows) {
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [first, last](int row) { return row >= first && row <= last; }),
                   rows.end());
        for (int& row : rows) {
            if (row > last)
                row -= count;
        }
    };
    renumber(m_rows);
    for (std::vector<int>& order : m_orders)
        renumber(order);
    m_workers.erase(m_workers.begin() + first, m_workers.begin() + last + 1);
    m_proxyRows.erase(m_proxyRows.begin() + first, m_proxyRows.begin() + last + 1);
}

// The new rows that pass the filter are inserted one by one where they sort (few), or placed by one layout
// change (many).
void WorkerFilterProxy::sourceRowsInserted(const QModelIndex& parent, int first, int last) {
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    const auto renumber = [first, count](std::vector<int>& rows) {
        for (int& row : rows) {
            if (row >= first)
                row += count;
        }
    };
    renumber(m_rows);
    m_proxyRows.insert(m_proxyRows.begin() + first, std::size_t(count), -1);
    m_workers.insert(m_workers.begin() + first, std::size_t(count), -1);
    const QAbstractItemModel* source = sourceModel();
    for (int row = first; row <= last; ++row) {
        bool ok = false;
        const int worker = source->index(row, 0).data(WorkerTableModel::WorkerIndexRole).toInt(&ok);
        m_workers[std::size_t(row)] = ok ? worker : -1;
    }
    if (count > FewInsertedRows) {
        m_orders.clear();
        relayout();
        return;
    }
    for (auto it = m_orders.begin(); it != m_orders.end(); ++it) {
        std::vector<int>& order = *it;
        const int column = it.key();
        renumber(order);
        for (int row = first; row <= last; ++row) {
            const auto at = std::lower_bound(order.begin(), order.end(), row,
                                             [this, column](int a, int b) { return before(a, b, column); });
            order.insert(at, row);
        }
    }
    for (int row = first; row <= last; ++row) {
        if (!accepts(row))
            continue;
        std::vector<int>::iterator at;
        if (m_sortColumn < 0)
            at = std::lower_bound(m_rows.begin(), m_rows.end(), row);
        else if (m_sortOrder == Qt::AscendingOrder)
            at = std::lower_bound(m_rows.begin(), m_rows.end(), row,
                                  [this](int a, int b) { return before(a, b, m_sortColumn); });
        else
            at = std::lower_bound(m_rows.begin(), m_rows.end(), row,
                                  [this](int a, int b) { return before(b, a, m_sortColumn); });
        const int position = int(at - m_rows.begin());
        beginInsertRows({}, position, position);
        m_rows.insert(at, row);
        for (std::size_t proxyRow = std::size_t(position); proxyRow < m_rows.size(); ++proxyRow)
            m_proxyRows[std::size_t(m_rows[proxyRow])] = int(proxyRow);
        endInsertRows();
    }
}

// Forwarded over the proxy rows; a change of a column's values drops its order, and sorts again when it is
// the sort column. What the filter reads comes from the index, the worker of each row (WorkerIndexRole) and
// its change (ChangeKindRole).
void WorkerFilterProxy::sourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                          const QList<int>& roles) {
    if (topLeft.parent().isValid() || !topLeft.isValid() || !bottomRight.isValid())
        return;
    const bool values = roles.isEmpty() || roles.contains(models::RawValueRole);
    const bool changes = roles.isEmpty() || roles.contains(WorkerTableModel::ChangeKindRole);
    bool again = changes && m_query.usesChange();
    // The worker index is read from column 0 (the same on every cell): a change right of it, such as a
    // placement's columns, leaves the rows' workers as they were.
    if (topLeft.column() == 0 && (roles.isEmpty() || roles.contains(WorkerTableModel::WorkerIndexRole))) {
        forgetAnswer();
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
            const int worker = workerOfRow(row);
            again = again || (worker != m_workers[std::size_t(row)] && !m_query.isEmpty());
            m_workers[std::size_t(row)] = worker;
        }
    }
    if (values) {
        for (int column = topLeft.column(); column <= bottomRight.column(); ++column)
            m_orders.remove(column);
        again = again || (m_sortColumn >= topLeft.column() && m_sortColumn <= bottomRight.column());
    }
    if (again)
        relayout();
    if (m_rows.empty())
        return;
    if (topLeft.row() == bottomRight.row()) {
        const int row = m_proxyRows[std::size_t(topLeft.row())];
        if (row >= 0)
            Q_EMIT dataChanged(index(row, topLeft.column()), index(row, bottomRight.column()), roles);
        return;
    }
    Q_EMIT dataChanged(index(0, topLeft.column()), index(int(m_rows.size()) - 1, bottomRight.column()),
                       roles);
}

} // namespace hwi::filter
