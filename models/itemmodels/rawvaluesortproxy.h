#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QStringView>

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
