#include "rawvaluesortproxy.h"
#include "roles.h"

#include <QVarLengthArray>

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

bool isAsciiDigit(QChar c) {
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// The run of ASCII digits, or of anything else, that starts at `from`.
QStringView chunkAt(QStringView text, qsizetype from) {
    const bool digits = isAsciiDigit(text[from]);
    qsizetype end = from + 1;
    while (end < text.size() && isAsciiDigit(text[end]) == digits)
        ++end;
    return text.mid(from, end - from);
}

// Two runs of digits by value: leading zeros skipped, then the longer is larger, then digit by digit.
int compareDigits(QStringView a, QStringView b) {
    const auto stripped = [](QStringView digits) {
        qsizetype zeros = 0;
        while (zeros < digits.size() && digits[zeros] == u'0')
            ++zeros;
        return digits.mid(zeros);
    };
    a = stripped(a);
    b = stripped(b);
    if (a.size() != b.size())
        return threeWay(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i] != b[i])
            return threeWay(a[i].unicode(), b[i].unicode());
    }
    return 0;
}

// Case folded first, so the comparison is case-insensitive even where the collator ignores its case
// sensitivity (Qt without ICU).
using Folded = QVarLengthArray<QChar, 64>;
void fold(QStringView text, Folded& out) {
    out.resize(text.size());
    for (qsizetype i = 0; i < text.size(); ++i)
        out[i] = text[i].toCaseFolded();
}

int compareText(QStringView a, QStringView b, const QCollator& collator) {
    Folded foldedA, foldedB;
    fold(a, foldedA);
    fold(b, foldedB);
    const int byCollator =
        collator.compare(foldedA.constData(), foldedA.size(), foldedB.constData(), foldedB.size());
    return threeWay(byCollator, 0);
}

} // namespace

int naturalCompare(QStringView left, QStringView right, const QCollator& collator) {
    qsizetype l = 0, r = 0;
    while (l < left.size() && r < right.size()) {
        const QStringView a = chunkAt(left, l), b = chunkAt(right, r);
        const bool digitsA = isAsciiDigit(a.front()), digitsB = isAsciiDigit(b.front());
        int order = 0;
        if (digitsA != digitsB)
            order = digitsA ? -1 : 1; // a number before text
        else
            order = digitsA ? compareDigits(a, b) : compareText(a, b, collator);
        if (order != 0)
            return order;
        l += a.size();
        r += b.size();
    }
    if (l < left.size() || r < right.size())
        return l < left.size() ? 1 : -1; // a prefix first
    // Equal but for case, leading zeros or characters the collator ignores: the code units decide.
    return threeWay(left.compare(right, Qt::CaseSensitive), 0);
}

RawValueSortProxy::RawValueSortProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
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
        return naturalCompare(left.toString(), right.toString(), m_collator);
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
