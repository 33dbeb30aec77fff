// Health levels of a worker's heartbeat and status, as the table colours them.
#include "hatchet/health.h"
#include "testutil.h"

#include <QTest>

using hwi::hatchet::HealthLevel;
using hwi::hatchet::TimeValue;
using testutil::timeValue;

Q_DECLARE_METATYPE(HealthLevel)

class TestHealth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void heartbeatHealth_data();
    void heartbeatHealth();
    void heartbeatSeverity();
    void statusHealth_data();
    void statusHealth();
};

void TestHealth::heartbeatHealth_data() {
    QTest::addColumn<QString>("text"); // empty: absent
    QTest::addColumn<qint64>("age");
    QTest::addColumn<HealthLevel>("expected");
    QTest::newRow("fresh") << QStringLiteral("2026-11-29T13:00:00Z") << qint64(4'999) << HealthLevel::Good;
    QTest::newRow("future (clock skew)")
        << QStringLiteral("2026-11-29T13:00:00Z") << qint64(-2'000) << HealthLevel::Good;
    QTest::newRow("late") << QStringLiteral("2026-11-29T13:00:00Z") << qint64(5'000) << HealthLevel::Warning;
    QTest::newRow("late edge") << QStringLiteral("2026-11-29T13:00:00Z") << qint64(29'999)
                               << HealthLevel::Warning;
    QTest::newRow("stale") << QStringLiteral("2026-11-29T13:00:00Z") << qint64(30'000) << HealthLevel::Bad;
    QTest::newRow("never") << QStringLiteral("0001-01-01T00:00:00Z") << qint64(0) << HealthLevel::Bad;
    QTest::newRow("absent") << QString() << qint64(0) << HealthLevel::Bad;
    QTest::newRow("malformed") << QStringLiteral("yesterday") << qint64(0) << HealthLevel::Unknown;
}

void TestHealth::heartbeatHealth() {
    QFETCH(QString, text);
    QFETCH(qint64, age);
    QFETCH(HealthLevel, expected);
    const TimeValue value = text.isEmpty() ? TimeValue() : timeValue(text.toLatin1().constData());
    QCOMPARE(hwi::hatchet::heartbeatHealth(value, age), expected);
}

void TestHealth::heartbeatSeverity() {
    using hwi::hatchet::heartbeatSeverity;
    const TimeValue beat = timeValue("2026-11-29T13:00:00Z");
    const qint64 at = beat.time.msecsSinceEpoch;
    QCOMPARE(heartbeatSeverity(beat, at + 4'999), HealthLevel::Good);
    QCOMPARE(heartbeatSeverity(beat, at + 5'000), HealthLevel::Warning);
    QCOMPARE(heartbeatSeverity(beat, at + 30'000), HealthLevel::Bad);
    // A valid time without a reference cannot be judged; never and absent are bad without one too.
    QCOMPARE(heartbeatSeverity(beat, std::nullopt), HealthLevel::Unknown);
    QCOMPARE(heartbeatSeverity(timeValue("0001-01-01T00:00:00Z"), std::nullopt), HealthLevel::Bad);
    QCOMPARE(heartbeatSeverity(TimeValue(), std::nullopt), HealthLevel::Bad);
    QCOMPARE(heartbeatSeverity(timeValue("yesterday"), at), HealthLevel::Unknown);
}

void TestHealth::statusHealth_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<HealthLevel>("expected");
    QTest::newRow("ACTIVE") << QStringLiteral("ACTIVE") << HealthLevel::Good;
    QTest::newRow("PAUSED") << QStringLiteral("PAUSED") << HealthLevel::Warning;
    QTest::newRow("INACTIVE") << QStringLiteral("INACTIVE") << HealthLevel::Bad;
    QTest::newRow("newer server") << QStringLiteral("DRAINING") << HealthLevel::Unknown;
    QTest::newRow("lowercase") << QStringLiteral("active") << HealthLevel::Unknown;
    QTest::newRow("empty") << QString() << HealthLevel::Unknown;
}

void TestHealth::statusHealth() {
    QFETCH(QString, status);
    QFETCH(HealthLevel, expected);
    QCOMPARE(hwi::hatchet::statusHealth(status), expected);
}

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
