// The time formatting of the item models (itemmodels/timeformat.h): relative and absolute times,
// durations, sort keys, ages and the data of a time cell.
#include "itemmodels/timeformat.h"
#include "testutil.h"

#include <QTest>

#include <limits>

using hwi::hatchet::TimeValue;
using hwi::models::ReferenceTime;
using testutil::timeValue;

namespace QTest {
template <> inline char* toString(const std::optional<qint64>& value) {
    return qstrdup(value ? QByteArray::number(*value).constData() : "nullopt");
}
} // namespace QTest

class TestTimeFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void relativeTime_data();
    void relativeTime();
    void durationText_data();
    void durationText();
    void absoluteTime();
    void timeSortKey();
    void ageOf();
    void timeCellData();
};

void TestTimeFormat::relativeTime_data() {
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<QString>("expected");
    const auto row = [](qint64 msecs, const char* expected) {
        QTest::addRow("%lld", msecs) << msecs << QString::fromUtf8(expected);
    };
    row(0, "just now");
    row(999, "just now");
    row(-999, "just now");
    row(1000, "1 s ago");
    row(12'500, "12 s ago");
    row(59'999, "59 s ago");
    row(60'000, "1 min ago");
    row(3 * 60'000 + 59'000, "3 min ago");
    row(2 * 3'600'000 + 1, "2 h ago");
    row(4 * 86'400'000LL + 5, "4 d ago");
    row(-3'000, "in 3 s");
    row(-3 * 60'000, "in 3 min");
    row(-2 * 3'600'000, "in 2 h");
    row(-400 * 86'400'000LL, "in 400 d");
    row(std::numeric_limits<qint64>::min(), "in 106751991167 d");
}

void TestTimeFormat::relativeTime() {
    QFETCH(qint64, msecs);
    QFETCH(QString, expected);
    QCOMPARE(hwi::models::relativeTime(msecs), expected);
}

void TestTimeFormat::durationText_data() {
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<QString>("expected");
    const auto row = [](qint64 msecs, const char* expected) {
        QTest::addRow("%lld", msecs) << msecs << QString::fromUtf8(expected);
    };
    row(0, "0 ms");
    row(850, "850 ms");
    row(1000, "1 s");
    row(12'345, "12.3 s");
    row(12'000, "12 s");
    row(59'999, "59.9 s");
    row(4 * 60'000 + 5'000, "4 min 5 s");
    row(4 * 60'000, "4 min");
    row(2 * 3'600'000 + 3 * 60'000 + 59'000, "2 h 3 min");
    row(3 * 86'400'000LL + 4 * 3'600'000, "3 d 4 h");
    row(-1'500, "-1.5 s");
}

void TestTimeFormat::durationText() {
    QFETCH(qint64, msecs);
    QFETCH(QString, expected);
    QCOMPARE(hwi::models::durationText(msecs), expected);
}

void TestTimeFormat::absoluteTime() {
    using hwi::models::absoluteTime;
    QCOMPARE(absoluteTime(TimeValue()), QString());
    QCOMPARE(absoluteTime(timeValue("0001-01-01T00:00:00Z")), QStringLiteral("never"));
    QCOMPARE(absoluteTime(timeValue("29/11/2026 13:00:01")), QStringLiteral("29/11/2026 13:00:01"));
    QCOMPARE(absoluteTime(timeValue("2026-11-29T14:00:03.123456789+01:00")),
             QStringLiteral("2026-11-29T13:00:03.123Z"));
    QCOMPARE(absoluteTime(timeValue("2026-11-29T13:00:01.987654321Z")),
             QStringLiteral("2026-11-29T13:00:01.987Z"));
    // UTC whatever the zone written, milliseconds only when not zero.
    QCOMPARE(absoluteTime(timeValue("2026-11-29T13:00:01Z")), QStringLiteral("2026-11-29T13:00:01Z"));
    QCOMPARE(absoluteTime(timeValue("2026-11-29T13:00:01.000000000Z")),
             QStringLiteral("2026-11-29T13:00:01Z"));
    QCOMPARE(absoluteTime(timeValue("2026-11-29T08:00:01-05:00")), QStringLiteral("2026-11-29T13:00:01Z"));
    QCOMPARE(absoluteTime(timeValue("2026-11-29T13:00:01.5+00:00")),
             QStringLiteral("2026-11-29T13:00:01.500Z"));
}

void TestTimeFormat::timeSortKey() {
    using hwi::models::timeSortKey;
    // Absent first, then never, then malformed, then valid times by instant (even the earliest).
    const qint64 absent = timeSortKey(TimeValue());
    const qint64 never = timeSortKey(timeValue("0001-01-01T00:00:00Z"));
    const qint64 malformed = timeSortKey(timeValue("yesterday"));
    const qint64 earliest = timeSortKey(timeValue("0001-01-01T00:00:00.001Z"));
    const qint64 later = timeSortKey(timeValue("2026-11-29T14:00:03.123+01:00"));
    QVERIFY(absent < never);
    QVERIFY(never < malformed);
    QVERIFY(malformed < earliest);
    QVERIFY(earliest < later);
    QCOMPARE(later, timeValue("2026-11-29T13:00:03.123Z").time.msecsSinceEpoch);
}

void TestTimeFormat::ageOf() {
    using hwi::models::ageOf;
    using hwi::models::referenceFrom;
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-29T13:00:05Z"), Qt::ISODate);
    const ReferenceTime reference = referenceFrom(now);
    QCOMPARE(reference, std::optional<qint64>(now.toMSecsSinceEpoch()));
    QCOMPARE(referenceFrom(QDateTime()), std::optional<qint64>());

    QCOMPARE(ageOf(timeValue("2026-11-29T13:00:00Z"), reference), std::optional<qint64>(5'000));
    QCOMPARE(ageOf(timeValue("2026-11-29T14:00:07.5+01:00"), reference), std::optional<qint64>(-2'500));
    QCOMPARE(ageOf(timeValue("2026-11-29T13:00:00Z"), std::nullopt), std::optional<qint64>());
    QCOMPARE(ageOf(timeValue("0001-01-01T00:00:00Z"), reference), std::optional<qint64>());
    QCOMPARE(ageOf(timeValue("yesterday"), reference), std::optional<qint64>());
    QCOMPARE(ageOf(TimeValue(), reference), std::optional<qint64>());
}

void TestTimeFormat::timeCellData() {
    using hwi::models::timeCellData;
    const ReferenceTime reference =
        QDateTime::fromString(QStringLiteral("2026-11-29T13:00:12.5Z"), Qt::ISODateWithMs)
            .toMSecsSinceEpoch();
    const QString missing = QStringLiteral("(none)");

    const TimeValue valid = timeValue("2026-11-29T13:00:00Z");
    QCOMPARE(timeCellData(valid, Qt::DisplayRole, reference, missing).toString(), QStringLiteral("12 s ago"));
    QCOMPARE(timeCellData(valid, Qt::DisplayRole, std::nullopt, missing).toString(),
             QStringLiteral("2026-11-29T13:00:00Z"));
    QCOMPARE(timeCellData(valid, Qt::ToolTipRole, reference).toString(),
             QStringLiteral("2026-11-29T13:00:00Z"));
    QCOMPARE(timeCellData(valid, hwi::models::RawValueRole, reference).toLongLong(),
             valid.time.msecsSinceEpoch);
    QCOMPARE(timeCellData(valid, hwi::models::TimeStateRole, reference).toInt(), int(TimeValue::Valid));
    QCOMPARE(timeCellData(valid, hwi::models::AgeMsecsRole, reference).toLongLong(), 12'500);
    QVERIFY(!timeCellData(valid, hwi::models::AgeMsecsRole, std::nullopt).isValid());
    QVERIFY(!timeCellData(valid, Qt::EditRole, reference).isValid());

    const TimeValue absent;
    QCOMPARE(timeCellData(absent, Qt::DisplayRole, reference, missing).toString(), missing);
    QCOMPARE(timeCellData(absent, Qt::DisplayRole, reference).toString(), QString());
    QVERIFY(!timeCellData(absent, Qt::ToolTipRole, reference).isValid());
    QCOMPARE(timeCellData(absent, hwi::models::TimeStateRole, reference).toInt(), int(TimeValue::Absent));
    QVERIFY(!timeCellData(absent, hwi::models::AgeMsecsRole, reference).isValid());

    const TimeValue never = timeValue("0001-01-01T00:00:00Z");
    QCOMPARE(timeCellData(never, Qt::DisplayRole, reference, missing).toString(), QStringLiteral("never"));
    QCOMPARE(timeCellData(never, Qt::ToolTipRole, reference).toString(), QStringLiteral("never"));

    const TimeValue malformed = timeValue("29/11/2026 13:00:01");
    QCOMPARE(timeCellData(malformed, Qt::DisplayRole, reference, missing).toString(),
             QStringLiteral("29/11/2026 13:00:01"));
    QCOMPARE(timeCellData(malformed, hwi::models::TimeStateRole, reference).toInt(),
             int(TimeValue::Malformed));
}

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
