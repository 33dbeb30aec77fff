#include "rawvaluesortproxy.h"
#include "rawvalueorder.h"
#include "roles.h"

namespace hwi::models {

RawValueSortProxy::RawValueSortProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(RawValueRole);
    setDynamicSortFilter(true);
    setRecursiveFilteringEnabled(true);
}

RawValueSortProxy::~RawValueSortProxy() = default;

void RawValueSortProxy::setSourceModel(QAbstractItemModel* source) {
    for (const QMetaObject::Connection& connection : m_sourceConnections)
        disconnect(connection);
    m_sourceConnections.clear();
    dropRanks();
    if (source) {
        // Connected before the base class's handlers, so that a re-sort after a change reads current ranks
        // (or none).
        const auto rankAgain = [this] {
            if (sortColumn() >= 0)
                rank(sortColumn());
            else
                dropRanks();
        };
        m_sourceConnections = {
            connect(source, &QAbstractItemModel::dataChanged, this, &RawValueSortProxy::onSourceDataChanged),
            connect(source, &QAbstractItemModel::rowsInserted, this, &RawValueSortProxy::dropRanks),
            connect(source, &QAbstractItemModel::rowsRemoved, this, &RawValueSortProxy::dropRanks),
            connect(source, &QAbstractItemModel::rowsMoved, this, &RawValueSortProxy::dropRanks),
            connect(source, &QAbstractItemModel::columnsInserted, this, &RawValueSortProxy::dropRanks),
            connect(source, &QAbstractItemModel::columnsRemoved, this, &RawValueSortProxy::dropRanks),
            connect(source, &QAbstractItemModel::columnsMoved, this, &RawValueSortProxy::dropRanks),
            connect(source, &QAbstractItemModel::modelReset, this, rankAgain),
            connect(source, &QAbstractItemModel::layoutChanged, this, rankAgain),
        };
    }
    QSortFilterProxyModel::setSourceModel(source);
}

void RawValueSortProxy::sort(int column, Qt::SortOrder order) {
    if (column < 0)
        dropRanks();
    else if (m_ranks.empty() || column != m_rankColumn || sortRole() != m_rankRole)
        rank(column);
    QSortFilterProxyModel::sort(column, order);
}

void RawValueSortProxy::dropRanks() {
    m_ranks.clear();
    m_rankColumn = -1;
}

void RawValueSortProxy::onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight) {
    if (m_ranks.empty() || topLeft.parent().isValid() || m_rankColumn < topLeft.column() ||
        m_rankColumn > bottomRight.column())
        return;                 // another column, or rows below the top level: the ranks hold
    constexpr int FewRows = 64; // fewer are re-sorted comparing values; more, ranked again
    if (bottomRight.row() - topLeft.row() + 1 > FewRows)
        rank(m_rankColumn);
    else
        dropRanks();
}

void RawValueSortProxy::rank(int column) {
    dropRanks();
    const QAbstractItemModel* source = sourceModel();
    if (!source || column >= source->columnCount())
        return;
    const std::vector<int> order = rowsInValueOrder(*source, column, sortRole(), m_collator);
    m_ranks.assign(order.size(), 0);
    for (std::size_t position = 0; position < order.size(); ++position)
        m_ranks[std::size_t(order[position])] = int(position);
    m_rankColumn = column;
    m_rankRole = sortRole();
}

int RawValueSortProxy::compareValues(const QVariant& left, const QVariant& right) const {
    return compareRawValues(left, right, m_collator);
}

bool RawValueSortProxy::lessThan(const QModelIndex& sourceLeft, const QModelIndex& sourceRight) const {
    if (!m_ranks.empty() && sourceLeft.column() == m_rankColumn && sourceRight.column() == m_rankColumn &&
        sortRole() == m_rankRole && std::size_t(sourceLeft.row()) < m_ranks.size() &&
        std::size_t(sourceRight.row()) < m_ranks.size() && !sourceLeft.parent().isValid() &&
        !sourceRight.parent().isValid())
        return m_ranks[std::size_t(sourceLeft.row())] < m_ranks[std::size_t(sourceRight.row())];
    const int byValue = compareValues(sourceLeft.data(sortRole()), sourceRight.data(sortRole()));
    if (byValue != 0)
        return byValue < 0;
    return sourceLeft.row() < sourceRight.row();
}

} // namespace hwi::models
