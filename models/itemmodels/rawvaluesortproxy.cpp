#include "rawvaluesortproxy.h"
#include "roles.h"

#include <cmath>

namespace hwi::models {

namespace {

enum class Group { Invalid, Number, Text };

Group groupOf(const QVariant& value) {
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return Group::Invalid;
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Double:
    case QMetaType::Float:
        return Group::Number;
    default:
        return Group::Text;
    }
}

bool isInteger(const QVariant& value) {
    const int type = value.typeId();
    return type != QMetaType::Double && type != QMetaType::Float;
}

template <typename T> int threeWay(T a, T b) {
    return a < b ? -1 : b < a ? 1 : 0;
}

int compareNumbers(const QVariant& left, const QVariant& right) {
    if (isInteger(left) && isInteger(right)) {
        if (left.typeId() == QMetaType::ULongLong || right.typeId() == QMetaType::ULongLong) {
            const int bySign = threeWay(left.toLongLong() < 0 ? 0 : 1, right.toLongLong() < 0 ? 0 : 1);
            return bySign != 0 ? bySign : threeWay(left.toULongLong(), right.toULongLong());
        }
        return threeWay(left.toLongLong(), right.toLongLong());
    }
    const double a = left.toDouble(), b = right.toDouble();
    // NaN first, so the order stays total.
    if (std::isnan(a) || std::isnan(b))
        return threeWay(std::isnan(a) ? 0 : 1, std::isnan(b) ? 0 : 1);
    return threeWay(a, b);
}

} // namespace

RawValueSortProxy::RawValueSortProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
    setSortRole(RawValueRole);
    setDynamicSortFilter(true);
    setRecursiveFilteringEnabled(true);
}

RawValueSortProxy::~RawValueSortProxy() = default;

int RawValueSortProxy::compareValues(const QVariant& left, const QVariant& right) const {
    const Group a = groupOf(left), b = groupOf(right);
    if (a != b)
        return threeWay(static_cast<int>(a), static_cast<int>(b));
    switch (a) {
    case Group::Invalid:
        return 0;
    case Group::Number:
        return compareNumbers(left, right);
    case Group::Text: {
        const QString l = left.toString(), r = right.toString();
        const int byCollator = m_collator.compare(l, r);
        if (byCollator != 0)
            return byCollator < 0 ? -1 : 1;
        // Equal to the collator (case, or characters it ignores): fall back to the code units.
        return threeWay(QString::compare(l, r, Qt::CaseSensitive), 0);
    }
    }
    return 0;
}

bool RawValueSortProxy::lessThan(const QModelIndex& sourceLeft, const QModelIndex& sourceRight) const {
    const int byValue = compareValues(sourceLeft.data(sortRole()), sourceRight.data(sortRole()));
    if (byValue != 0)
        return byValue < 0;
    return sourceLeft.row() < sourceRight.row();
}

} // namespace hwi::models
