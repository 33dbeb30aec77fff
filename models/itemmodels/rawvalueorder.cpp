#include "rawvalueorder.h"
#include "rawvaluesortproxy.h" // naturalCompare()

#include <QHash>
#include <QVarLengthArray>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

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

// A number's value read once, for comparing as compareNumbers() does without a QVariant.
struct NumberKey {
    bool integer = false;
    bool unsignedLong = false;
    qint64 signedValue = 0;
    quint64 unsignedValue = 0;
    double real = 0;
};

NumberKey numberKey(const QVariant& value) {
    return {isInteger(value), value.typeId() == QMetaType::ULongLong, value.toLongLong(), value.toULongLong(),
            value.toDouble()};
}

int compareNumberKeys(const NumberKey& left, const NumberKey& right) {
    if (left.integer && right.integer) {
        if (left.unsignedLong || right.unsignedLong) {
            const int bySign = threeWay(left.signedValue < 0 ? 0 : 1, right.signedValue < 0 ? 0 : 1);
            return bySign != 0 ? bySign : threeWay(left.unsignedValue, right.unsignedValue);
        }
        return threeWay(left.signedValue, right.signedValue);
    }
    const double a = left.real, b = right.real;
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

// Ids of distinct texts in order of first sight (the views must outlive it): open addressing over FNV-1a
// hashes of the code units, several times quicker than a QHash<QStringView, int> on 100,000 names.
class DistinctTexts {
public:
    // `expected` at most: no rehashing or copying (reserved memory is not touched until used).
    explicit DistinctTexts(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity < expected * 2)
            capacity *= 2;
        m_slots.assign(capacity, -1);
        m_texts.reserve(expected);
        m_hashes.reserve(expected);
    }

    int idOf(QStringView text) {
        if ((m_texts.size() + 1) * 2 > m_slots.size())
            grow();
        const std::uint64_t hash = hashOf(text);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t at = std::size_t(hash) & mask;; at = (at + 1) & mask) {
            const int id = m_slots[at];
            if (id < 0) {
                m_slots[at] = int(m_texts.size());
                m_texts.push_back(text);
                m_hashes.push_back(hash);
                return m_slots[at];
            }
            if (m_hashes[std::size_t(id)] == hash && m_texts[std::size_t(id)] == text)
                return id;
        }
    }
    const std::vector<QStringView>& texts() const { return m_texts; }

private:
    static std::uint64_t hashOf(QStringView text) {
        std::uint64_t hash = 14695981039346656037ull;
        for (const QChar c : text)
            hash = (hash ^ c.unicode()) * 1099511628211ull;
        return hash ^ (hash >> 29);
    }
    void grow() {
        m_slots.assign(m_slots.size() * 2, -1);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t id = 0; id < m_texts.size(); ++id) {
            std::size_t at = std::size_t(m_hashes[id]) & mask;
            while (m_slots[at] >= 0)
                at = (at + 1) & mask;
            m_slots[at] = int(id);
        }
    }

    std::vector<int> m_slots; // ids, -1 empty
    std::vector<QStringView> m_texts;
    std::vector<std::uint64_t> m_hashes; // by id
};

// std::sort; 32,768 elements and more as two halves at once (the pool's thread and this one;
// waitForFinished() runs the first half here if the pool is busy), then merged.
template <typename Less> void sortInHalves(std::vector<int>& values, const Less& less) {
    constexpr std::size_t ParallelSize = 32768;
    if (values.size() < ParallelSize) {
        std::sort(values.begin(), values.end(), less);
        return;
    }
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    QFuture<void> firstHalf =
        QtConcurrent::run([&values, middle, &less] { std::sort(values.begin(), middle, less); });
    std::sort(middle, values.end(), less);
    firstHalf.waitForFinished();
    std::inplace_merge(values.begin(), middle, values.end(), less);
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

// Each top-level row's value of `column` read once, then sorted with the order of compareValues() (ties by
// row): text as a key of integers that compares as naturalCompare() does — a run of digits as 0, its length
// without leading zeros, its digits; a run of anything else as 1, its rank among the distinct runs in
// compareText() order (equal where compareText() finds them equal) — and, where the keys are equal, by code
// units, naturalCompare()'s last word.
std::vector<int> rowsInValueOrder(const QAbstractItemModel& source, int column, int role,
                                  const QCollator& collator) {
    if (column < 0 || column >= source.columnCount())
        return {};
    const int rows = source.rowCount();
    // Every text in one buffer, not a QString each: the first sort of a column asks for fresh memory, and
    // on a VM each fresh page can cost microseconds (issue 19: 5,700 page faults made a 60 ms sort 110 ms).
    std::vector<Group> groups(static_cast<std::size_t>(rows));
    QString textBuffer;
    textBuffer.reserve(qsizetype(rows) * 24);
    std::vector<qsizetype> textEnds(static_cast<std::size_t>(rows));
    std::vector<NumberKey> numbers; // by row, once a number is seen
    for (int row = 0; row < rows; ++row) {
        const QVariant value = source.index(row, column).data(role);
        groups[std::size_t(row)] = groupOf(value);
        if (groups[std::size_t(row)] == Group::Text) {
            textBuffer += value.toString();
        } else if (groups[std::size_t(row)] == Group::Number) {
            if (numbers.empty())
                numbers.resize(std::size_t(rows));
            numbers[std::size_t(row)] = numberKey(value);
        }
        textEnds[std::size_t(row)] = textBuffer.size();
    }
    const auto textOf = [&textBuffer, &textEnds](std::size_t row) {
        const qsizetype begin = row == 0 ? 0 : textEnds[row - 1];
        return QStringView(textBuffer).mid(begin, textEnds[row] - begin);
    };
    // Equal texts (statuses, types, repeated label sets) are keyed and ranked once.
    DistinctTexts distinctIds{std::size_t(rows)};
    std::vector<int> textIds(static_cast<std::size_t>(rows), -1);
    for (std::size_t row = 0; row < std::size_t(rows); ++row) {
        if (groups[row] == Group::Text)
            textIds[row] = distinctIds.idOf(textOf(row));
    }
    const std::vector<QStringView>& distinct = distinctIds.texts();
    const auto forEachRun = [](QStringView text, auto&& f) {
        for (qsizetype at = 0; at < text.size();) {
            const QStringView run = chunkAt(text, at);
            f(run, isAsciiDigit(run.front()));
            at += run.size();
        }
    };
    // One pass over the runs: a run of anything else gets an id when first seen (its key holds the id until
    // the distinct runs are ranked); a run of digits up to 18 long is one number, longer ones digit by digit
    // (the length before them keeps the two forms apart).
    DistinctTexts runIds(distinct.size() / 4);
    std::vector<qint64> keys;
    keys.reserve(distinct.size() * 8); // a name and a number: 5
    std::vector<std::size_t> idSlots;  // positions in keys that hold a run id
    idSlots.reserve(distinct.size() * 2);
    std::vector<std::pair<std::size_t, std::size_t>> spans(distinct.size()); // into keys: begin, end
    for (std::size_t text = 0; text < distinct.size(); ++text) {
        spans[text].first = keys.size();
        forEachRun(distinct[text], [&](QStringView run, bool digits) {
            if (!digits) {
                keys.push_back(1);
                idSlots.push_back(keys.size());
                keys.push_back(runIds.idOf(run));
                return;
            }
            qsizetype zeros = 0;
            while (zeros < run.size() && run[zeros] == u'0')
                ++zeros;
            const qsizetype length = run.size() - zeros;
            keys.insert(keys.end(), {0, qint64(length)});
            if (length <= 18) {
                qint64 value = 0;
                for (qsizetype i = zeros; i < run.size(); ++i)
                    value = value * 10 + (run[i].unicode() - u'0');
                keys.push_back(value);
            } else {
                for (qsizetype i = zeros; i < run.size(); ++i)
                    keys.push_back(run[i].unicode() - u'0');
            }
        });
        spans[text].second = keys.size();
    }
    const std::vector<QStringView>& runs = runIds.texts();
    std::vector<int> byText(runs.size());
    std::iota(byText.begin(), byText.end(), 0);
    std::sort(byText.begin(), byText.end(), [&runs, &collator](int a, int b) {
        return compareText(runs[std::size_t(a)], runs[std::size_t(b)], collator) < 0;
    });
    std::vector<qint64> runRanks(runs.size());
    for (std::size_t i = 0, dense = 0; i < byText.size(); ++i) {
        if (i > 0 &&
            compareText(runs[std::size_t(byText[i - 1])], runs[std::size_t(byText[i])], collator) != 0)
            ++dense;
        runRanks[std::size_t(byText[i])] = qint64(dense);
    }
    for (const std::size_t slot : idSlots)
        keys[slot] = runRanks[std::size_t(keys[slot])];
    // Distinct texts differ: by their keys, else by code units (naturalCompare()'s last word).
    const auto textBefore = [&keys, &spans, &distinct](int a, int b) {
        const auto& [leftBegin, leftEnd] = spans[std::size_t(a)];
        const auto& [rightBegin, rightEnd] = spans[std::size_t(b)];
        const auto mismatch =
            std::mismatch(keys.begin() + std::ptrdiff_t(leftBegin), keys.begin() + std::ptrdiff_t(leftEnd),
                          keys.begin() + std::ptrdiff_t(rightBegin), keys.begin() + std::ptrdiff_t(rightEnd));
        const bool leftDone = mismatch.first == keys.begin() + std::ptrdiff_t(leftEnd);
        const bool rightDone = mismatch.second == keys.begin() + std::ptrdiff_t(rightEnd);
        if (!leftDone && !rightDone)
            return *mismatch.first < *mismatch.second;
        if (leftDone != rightDone)
            return leftDone;
        return distinct[std::size_t(a)].compare(distinct[std::size_t(b)], Qt::CaseSensitive) < 0;
    };
    std::vector<int> textOrder(distinct.size());
    std::iota(textOrder.begin(), textOrder.end(), 0);
    sortInHalves(textOrder, textBefore);
    std::vector<int> textRanks(distinct.size());
    for (std::size_t position = 0; position < textOrder.size(); ++position)
        textRanks[std::size_t(textOrder[position])] = int(position);

    // Without numbers: invalid values, then the texts by rank, each group in row order (a counting sort).
    if (std::find(groups.begin(), groups.end(), Group::Number) == groups.end()) {
        std::vector<int> starts(distinct.size() + 1, 0); // by rank: where its rows start, after invalid ones
        int invalid = 0;
        for (std::size_t row = 0; row < std::size_t(rows); ++row) {
            if (groups[row] == Group::Invalid)
                ++invalid;
            else
                ++starts[std::size_t(textRanks[std::size_t(textIds[row])]) + 1];
        }
        starts[0] = invalid;
        std::partial_sum(starts.begin(), starts.end(), starts.begin());
        std::vector<int> order(static_cast<std::size_t>(rows));
        int nextInvalid = 0;
        for (std::size_t row = 0; row < std::size_t(rows); ++row) {
            const int at = groups[row] == Group::Invalid
                               ? nextInvalid++
                               : starts[std::size_t(textRanks[std::size_t(textIds[row])])]++;
            order[std::size_t(at)] = int(row);
        }
        return order;
    }
    const auto compareRows = [&](std::size_t a, std::size_t b) {
        if (groups[a] != groups[b])
            return threeWay(static_cast<int>(groups[a]), static_cast<int>(groups[b]));
        switch (groups[a]) {
        case Group::Invalid:
            return 0;
        case Group::Number:
            return compareNumberKeys(numbers[a], numbers[b]);
        case Group::Text:
            break;
        }
        return threeWay(textRanks[std::size_t(textIds[a])], textRanks[std::size_t(textIds[b])]);
    };
    std::vector<int> order(static_cast<std::size_t>(rows));
    std::iota(order.begin(), order.end(), 0);
    sortInHalves(order, [&compareRows](int a, int b) {
        const int byValue = compareRows(std::size_t(a), std::size_t(b));
        return byValue != 0 ? byValue < 0 : a < b;
    });
    return order;
}

int compareRawValues(const QVariant& left, const QVariant& right, const QCollator& collator) {
    const Group a = groupOf(left), b = groupOf(right);
    if (a != b)
        return threeWay(static_cast<int>(a), static_cast<int>(b));
    switch (a) {
    case Group::Invalid:
        return 0;
    case Group::Number:
        return compareNumbers(left, right);
    case Group::Text: {
        return naturalCompare(left.toString(), right.toString(), collator);
    }
    }
    return 0;
}

} // namespace hwi::models
