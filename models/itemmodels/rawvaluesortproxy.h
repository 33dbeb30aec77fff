#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace hwi::models {

// The sort proxy of every table in the window (worker table, detail sections): sorts any model of this
// folder on RawValueRole with a strict total order: numbers numerically (before text), text
// case-insensitively and locale-aware, invalid values first, ties broken by source row.
class RawValueSortProxy : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawValueSortProxy)

public:
    explicit RawValueSortProxy(QObject* parent = nullptr);
    ~RawValueSortProxy() override;

    // <0, 0, >0 like strcmp; 0 only for values that compare equal in every respect.
    int compareValues(const QVariant& left, const QVariant& right) const;

    // Public so tests can check the order is strict and total.
    bool lessThan(const QModelIndex& sourceLeft, const QModelIndex& sourceRight) const override;

private:
    QCollator m_collator;
};

} // namespace hwi::models
