#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QStringView>

#include <vector>

namespace hwi::models {

// The order of names and other text everywhere in the window ("natural" order): runs of ASCII digits
// compare by value (worker-2 before worker-10), the text between them case-insensitively through the
// collator, a run of digits before text at the same place. Strict and total: two strings that differ
// only in case or leading zeros are ordered by their UTF-16 code units. <0, 0, >0 like strcmp; 0 only for
// equal strings. Does not rely on QCollator's numeric mode (missing when Qt is built without ICU).
int naturalCompare(QStringView left, QStringView right, const QCollator& collator);

// The sort proxy of every table in the window (worker table, detail sections): sorts any model of this
// folder on RawValueRole with a strict total order: numbers numerically (before text), text
// in natural order (naturalCompare), invalid values first, ties broken by source row.
//
// A sort (a header click) first ranks the top-level rows of the sort column once — each value read once,
// text reduced to a key of integers (digit runs by value, the runs between them by their rank among the
// distinct runs) — so that lessThan() compares two integers: 100,000 workers sort in tens of milliseconds
// rather than seconds. The ranks follow the source: a reset, layout change or change of many rows ranks
// again; a change of a few rows drops them (lessThan() then compares values, as before).
class RawValueSortProxy : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawValueSortProxy)

public:
    explicit RawValueSortProxy(QObject* parent = nullptr);
    ~RawValueSortProxy() override;

    void setSourceModel(QAbstractItemModel* source) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // <0, 0, >0 like strcmp; 0 only for values that compare equal in every respect.
    int compareValues(const QVariant& left, const QVariant& right) const;

    // Public so tests can check the order is strict and total.
    bool lessThan(const QModelIndex& sourceLeft, const QModelIndex& sourceRight) const override;
    // Whether lessThan() currently reads precomputed ranks (for the tests).
    bool hasRanks() const { return !m_ranks.empty(); }

private:
    void rank(int column);
    void dropRanks();
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);

    QCollator m_collator;
    std::vector<int> m_ranks; // by top-level source row: the position in ascending order of m_rankColumn
    int m_rankColumn = -1;
    int m_rankRole = -1;
    std::vector<QMetaObject::Connection> m_sourceConnections;
};

} // namespace hwi::models
