// Health levels of a worker's heartbeat and status, as the table colours them, and the one health model:
// every state that applies, in order of severity, with reasons and contradictions.
#include "hatchet/health.h"
#include "itemmodeltestutil.h"
#include "testutil.h"

#include <QTest>

using hwi::hatchet::HealthFacts;
using hwi::hatchet::HealthLevel;
using hwi::hatchet::HealthState;
using hwi::hatchet::TimeValue;
using testutil::timeValue;

Q_DECLARE_METATYPE(HealthLevel)

namespace {

// The reference time of every case below.
QDateTime reference() {
    return QDateTime::fromString(QStringLiteral("2026-11-29T13:00:05Z"), Qt::ISODate);
}

// One worker object's health at the reference time (or at `at`).
hwi::hatchet::WorkerHealth healthOf(const char* json, const QDateTime& at = reference()) {
    const auto snapshot = testutil::snapshotOf(QByteArray(json), reference());
    if (snapshot->workers.size() != 1)
        qFatal("expected one worker in %s", json);
    return hwi::hatchet::assessHealth(snapshot->worker(0), at);
}

QStringList ids(const hwi::hatchet::WorkerHealth& health) {
    QStringList out;
    for (const HealthState state : health.states)
        out << hwi::hatchet::healthStateId(state);
    return out;
}

// Everything a worker needs to take tasks: dispatcher, actions, free slots; status and heartbeat vary.
#define READY                                                                                                \
    R"("dispatcherId":"d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d","actions":["flow:a"],)"                         \
    R"("slotConfig":{"default":{"available":2,"limit":5}})"

} // namespace

class TestHealth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void heartbeatHealth_data();
    void heartbeatHealth();
    void heartbeatSeverity();
    void statusHealth_data();
    void statusHealth();
    void heartbeatMarks();
    void stateIds();
    void states_data();
    void states();
    void pausedWithAFreshHeartbeatIsNotSilent();
    void contradictions_data();
    void contradictions();
    void boundaries();
    void withoutAReferenceTheStatusStandsIn();
    void factsReadFromTheDocument_data();
    void factsReadFromTheDocument();
};

void TestHealth::heartbeatHealth_data() {
    QTest::addColumn<QString>("text"); // empty: absent
    QTest::addColumn<qint64>("age");
    QTest::addColumn<HealthLevel>("expected");
    QTest::newRow("fresh") << QStringLiteral("2026-11-29T13:00:00Z") << qint64(4'999) << HealthLevel::Good;
    QTest::newRow("future (clock skew)")
        << QStringLiteral("2026-11-29T13:00:00Z") << qint64(-2'000) << HealthLevel::Good;
    // "More than 5 s" and "more than 30 s", as the server counts.
    QTest::newRow("fresh edge") << QStringLiteral("2026-11-29T13:00:00Z") << qint64(5'000)
                                << HealthLevel::Good;
    QTest::newRow("late") << QStringLiteral("2026-11-29T13:00:00Z") << qint64(5'001) << HealthLevel::Warning;
    QTest::newRow("late edge") << QStringLiteral("2026-11-29T13:00:00Z") << qint64(30'000)
                               << HealthLevel::Warning;
    QTest::newRow("stale") << QStringLiteral("2026-11-29T13:00:00Z") << qint64(30'001) << HealthLevel::Bad;
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
    QCOMPARE(heartbeatSeverity(beat, at + 5'000), HealthLevel::Good);
    QCOMPARE(heartbeatSeverity(beat, at + 5'001), HealthLevel::Warning);
    QCOMPARE(heartbeatSeverity(beat, at + 30'001), HealthLevel::Bad);
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

void TestHealth::heartbeatMarks() {
    using hwi::hatchet::heartbeatMarks;
    const TimeValue beat = timeValue("2026-11-29T13:00:00Z");
    const qint64 at = beat.time.msecsSinceEpoch;
    QCOMPARE(heartbeatMarks(beat, at + 1'500),
             QStringLiteral("silent 1 s: new work until 5 s; reassigned at 30 s"));
    QCOMPARE(heartbeatMarks(beat, at + 12'000),
             QStringLiteral("silent 12 s: no new work since 5 s; reassigned at 30 s"));
    QCOMPARE(heartbeatMarks(beat, at + 125'000),
             QStringLiteral("silent 2 min: no new work since 5 s; reassigned since 30 s"));
    QCOMPARE(heartbeatMarks(beat, at - 3'000), QStringLiteral("heartbeat 3 s after the reference time"));
    QCOMPARE(heartbeatMarks(beat, std::nullopt), QString());
    QCOMPARE(heartbeatMarks(timeValue("0001-01-01T00:00:00Z"), at), QString());
}

void TestHealth::stateIds() {
    using namespace hwi::hatchet;
    QCOMPARE(healthStateIds(),
             QStringList({QStringLiteral("never"), QStringLiteral("lost"), QStringLiteral("no-new-work"),
                          QStringLiteral("no-dispatcher"), QStringLiteral("no-slots"),
                          QStringLiteral("no-actions"), QStringLiteral("paused"), QStringLiteral("full"),
                          QStringLiteral("ok")}));
    for (int state = 0; state < HealthStateCount; ++state)
        QCOMPARE(healthStateFromId(healthStateId(HealthState(state))), std::optional(HealthState(state)));
    QCOMPARE(healthStateFromId(QStringLiteral("unhealthy")), std::nullopt);
    QCOMPARE(healthStateFromId(QStringLiteral("Lost")), std::nullopt); // ids are exact; the filter folds case
    // Unhealthy: everything but ok and full.
    for (int state = 0; state < HealthStateCount; ++state) {
        const bool healthy = HealthState(state) == HealthState::Ok || HealthState(state) == HealthState::Full;
        QCOMPARE((UnhealthyStates & healthBit(HealthState(state))) != 0, !healthy);
    }
    QCOMPARE(healthStateLevel(HealthState::Never), HealthLevel::Bad);
    QCOMPARE(healthStateLevel(HealthState::NoNewWork), HealthLevel::Warning);
    QCOMPARE(healthStateLevel(HealthState::Paused), HealthLevel::Warning);
    QCOMPARE(healthStateLevel(HealthState::Full), HealthLevel::Good);
    QCOMPARE(healthStateLabel(HealthState::NoNewWork), QStringLiteral("No new work"));
    QCOMPARE(firstState(healthBit(HealthState::Paused) | healthBit(HealthState::NoSlots)),
             HealthState::NoSlots);
}

void TestHealth::states_data() {
    QTest::addColumn<QByteArray>("worker");
    QTest::addColumn<QStringList>("states");
    QTest::addColumn<QStringList>("reasons");
    // Reference 13:00:05Z throughout.
    QTest::newRow("ok") << QByteArray(R"({"status":"ACTIVE","lastHeartbeatAt":"2026-11-29T13:00:04Z",)" READY
                                      "}")
                        << QStringList{QStringLiteral("ok")}
                        << QStringList{QStringLiteral("OK: takes new tasks; heartbeat 1 s ago")};
    QTest::newRow("heartbeat just now")
        << QByteArray(R"({"status":"ACTIVE","lastHeartbeatAt":"2026-11-29T13:00:04.5Z",)" READY "}")
        << QStringList{QStringLiteral("ok")}
        << QStringList{QStringLiteral("OK: takes new tasks; heartbeat just now")};
    QTest::newRow("never") << QByteArray(R"({"status":"INACTIVE",)" READY "}")
                           << QStringList{QStringLiteral("never")}
                           << QStringList{QStringLiteral("Never heartbeated: takes no tasks")};
    QTest::newRow("zero time is never")
        << QByteArray(R"({"status":"INACTIVE","lastHeartbeatAt":"0001-01-01T00:00:00Z",)" READY "}")
        << QStringList{QStringLiteral("never")}
        << QStringList{QStringLiteral("Never heartbeated: takes no tasks")};
    // 2 min: more than 30 s.
    QTest::newRow("lost") << QByteArray(
                                 R"({"status":"INACTIVE","lastHeartbeatAt":"2026-11-29T12:58:05Z",)" READY
                                 "}")
                          << QStringList{QStringLiteral("lost")}
                          << QStringList{QStringLiteral("Silent for 2 min: its runs are being reassigned")};
    // Old era: maxRuns 5, availableRuns 2 -> 3 runs.
    QTest::newRow("no new work, legacy")
        << QByteArray(R"({"status":"INACTIVE","lastHeartbeatAt":"2026-11-29T12:59:53Z",)"
                      R"("dispatcherId":"d1","actions":["flow:a"],"maxRuns":5,"availableRuns":2})")
        << QStringList{QStringLiteral("no-new-work")}
        << QStringList{
               QStringLiteral("Silent for 12 s: takes no new tasks, keeps its 3 runs; reassigned at 30 s")};
    // Current era: 3 units in use of 5, which may be fewer runs (one task can take several units).
    QTest::newRow("no new work, current")
        << QByteArray(R"({"status":"INACTIVE","lastHeartbeatAt":"2026-11-29T12:59:53Z",)" READY "}")
        << QStringList{QStringLiteral("no-new-work")}
        << QStringList{QStringLiteral("Silent for 12 s: takes no new tasks, keeps its runs (3 slot units in "
                                      "use); reassigned at 30 s")};
    QTest::newRow("no new work, idle")
        << QByteArray(
               R"({"status":"INACTIVE","lastHeartbeatAt":"2026-11-29T12:59:53Z",)"
               R"("dispatcherId":"d1","actions":["flow:a"],"slotConfig":{"default":{"available":5,"limit":5}}})")
        << QStringList{QStringLiteral("no-new-work")}
        << QStringList{QStringLiteral("Silent for 12 s: takes no new tasks, holds no runs")};
    QTest::newRow("full")
        << QByteArray(
               R"({"status":"ACTIVE","lastHeartbeatAt":"2026-11-29T13:00:03Z",)"
               R"("dispatcherId":"d1","actions":["flow:a"],)"
               R"("slotConfig":{"default":{"available":0,"limit":4},"durable":{"available":0,"limit":1}}})")
        << QStringList{QStringLiteral("full")}
        << QStringList{QStringLiteral("Full: no free slot; new tasks wait or go to another worker")};
    // One type still free: not full.
    QTest::newRow("one type free")
        << QByteArray(
               R"({"status":"ACTIVE","lastHeartbeatAt":"2026-11-29T13:00:03Z",)"
               R"("dispatcherId":"d1","actions":["flow:a"],)"
               R"("slotConfig":{"default":{"available":0,"limit":4},"durable":{"available":1,"limit":1}}})")
        << QStringList{QStringLiteral("ok")}
        << QStringList{QStringLiteral("OK: takes new tasks; heartbeat 2 s ago")};
    // A PATCH-like body: no dispatcher, no slotConfig, actions null. Every state, in order.
    QTest::newRow("bare")
        << QByteArray(R"({"status":"ACTIVE","lastHeartbeatAt":"2026-11-29T13:00:04Z","actions":null})")
        << QStringList{QStringLiteral("no-dispatcher"), QStringLiteral("no-slots"),
                       QStringLiteral("no-actions")}
        << QStringList{QStringLiteral("No dispatcher: the scheduler places no task on it"),
                       QStringLiteral("No slots: it has no slot config, so it takes no tasks"),
                       QStringLiteral("No actions: it registered no task, so it takes none")};
    // maxRuns 0: no slots, and not "full" as well.
    QTest::newRow("maxRuns 0")
        << QByteArray(R"({"status":"ACTIVE","lastHeartbeatAt":"2026-11-29T13:00:04Z",)"
                      R"("dispatcherId":"d1","actions":["flow:a"],"maxRuns":0,"availableRuns":0})")
        << QStringList{QStringLiteral("no-slots")}
        << QStringList{QStringLiteral("No slots: maxRuns is 0, so it takes no tasks")};
    QTest::newRow("zero limits")
        << QByteArray(
               R"({"status":"ACTIVE","lastHeartbeatAt":"2026-11-29T13:00:04Z",)"
               R"("dispatcherId":"d1","actions":["flow:a"],"slotConfig":{"default":{"available":0,"limit":0}}})")
        << QStringList{QStringLiteral("no-slots")}
        << QStringList{QStringLiteral("No slots: every slot limit is 0, so it takes no tasks")};
    // Silent 10 s, and everything else missing: the silence comes first; paused needs a fresh heartbeat.
    QTest::newRow("order")
        << QByteArray(R"({"status":"INACTIVE","lastHeartbeatAt":"2026-11-29T12:59:55Z","actions":[]})")
        << QStringList{QStringLiteral("no-new-work"), QStringLiteral("no-dispatcher"),
                       QStringLiteral("no-slots"), QStringLiteral("no-actions")}
        << QStringList{QStringLiteral("Silent for 10 s: takes no new tasks, holds no runs"),
                       QStringLiteral("No dispatcher: the scheduler places no task on it"),
                       QStringLiteral("No slots: it has no slot config, so it takes no tasks"),
                       QStringLiteral("No actions: it registered no task, so it takes none")};
    QTest::newRow("no actions, paused, full")
        << QByteArray(R"({"status":"PAUSED","lastHeartbeatAt":"2026-11-29T13:00:04Z","dispatcherId":"d1",)"
                      R"("slotConfig":{"default":{"available":0,"limit":2}}})")
        << QStringList{QStringLiteral("no-actions"), QStringLiteral("paused"), QStringLiteral("full")}
        << QStringList{QStringLiteral("No actions: it registered no task, so it takes none"),
                       QStringLiteral("Paused: takes no new tasks; heartbeat 1 s ago"),
                       QStringLiteral("Full: no free slot; new tasks wait or go to another worker")};
    // A status a newer server may send: judged by the heartbeat and the rest.
    QTest::newRow("unknown status")
        << QByteArray(R"({"status":"DRAINING","lastHeartbeatAt":"2026-11-29T13:00:04Z",)" READY "}")
        << QStringList{QStringLiteral("ok")}
        << QStringList{QStringLiteral("OK: takes new tasks; heartbeat 1 s ago")};
}

void TestHealth::states() {
    QFETCH(QByteArray, worker);
    QFETCH(QStringList, states);
    QFETCH(QStringList, reasons);
    const auto health = healthOf(worker.constData());
    QCOMPARE(ids(health), states);
    QCOMPARE(health.id(), states.first());
    QCOMPARE(health.reasons, reasons);
    QCOMPARE(health.contradiction, QString());
    QCOMPARE(health.allReasons(), reasons);
}

// The dashboard says "Worker has stopped heartbeating" for any status but ACTIVE; a paused worker whose
// heartbeat is 1 s old has not stopped.
void TestHealth::pausedWithAFreshHeartbeatIsNotSilent() {
    const auto health = healthOf(R"({"status":"PAUSED","lastHeartbeatAt":"2026-11-29T13:00:04Z",)" READY "}");
    QCOMPARE(ids(health), QStringList{QStringLiteral("paused")});
    QCOMPARE(health.allReasons(),
             QStringList{QStringLiteral("Paused: takes no new tasks; heartbeat 1 s ago")});
    QCOMPARE(health.level(), HealthLevel::Warning);
    for (const QString& reason : health.allReasons())
        QVERIFY2(!reason.contains(QLatin1String("stopped")), qPrintable(reason));
}

void TestHealth::contradictions_data() {
    QTest::addColumn<QByteArray>("worker");
    QTest::addColumn<QStringList>("states");
    QTest::addColumn<QString>("contradiction");
    // 12:59:25Z is 40 s before the reference: a server would have said INACTIVE.
    QTest::newRow("ACTIVE, 40 s")
        << QByteArray(R"({"status":"ACTIVE","lastHeartbeatAt":"2026-11-29T12:59:25Z",)" READY "}")
        << QStringList{QStringLiteral("lost")}
        << QStringLiteral(
               "ACTIVE with a heartbeat 40 s old cannot come from a server at this reference time: the "
               "file was edited, or the reference time is wrong");
    QTest::newRow("PAUSED, 10 s")
        << QByteArray(R"({"status":"PAUSED","lastHeartbeatAt":"2026-11-29T12:59:55Z",)" READY "}")
        << QStringList{QStringLiteral("no-new-work")}
        << QStringLiteral(
               "PAUSED with a heartbeat 10 s old cannot come from a server at this reference time: the "
               "file was edited, or the reference time is wrong");
    QTest::newRow("INACTIVE, 1 s")
        << QByteArray(R"({"status":"INACTIVE","lastHeartbeatAt":"2026-11-29T13:00:04Z",)" READY "}")
        << QStringList{QStringLiteral("ok")}
        << QStringLiteral(
               "INACTIVE with a heartbeat 1 s old cannot come from a server at this reference time (it "
               "reports INACTIVE after 5 s of silence): the file was edited, or the reference time is "
               "wrong");
    QTest::newRow("INACTIVE, future")
        << QByteArray(R"({"status":"INACTIVE","lastHeartbeatAt":"2026-11-29T13:00:08Z",)" READY "}")
        << QStringList{QStringLiteral("ok")}
        << QStringLiteral(
               "INACTIVE with a heartbeat 3 s in the future cannot come from a server at this reference "
               "time (it reports INACTIVE after 5 s of silence): the file was edited, or the reference "
               "time is wrong");
    QTest::newRow("ACTIVE, never")
        << QByteArray(R"({"status":"ACTIVE",)" READY "}") << QStringList{QStringLiteral("never")}
        << QStringLiteral("ACTIVE without any heartbeat cannot come from a server (it reports such a worker "
                          "INACTIVE): the file was edited");
}

void TestHealth::contradictions() {
    QFETCH(QByteArray, worker);
    QFETCH(QStringList, states);
    QFETCH(QString, contradiction);
    const auto health = healthOf(worker.constData());
    QCOMPARE(ids(health), states);
    QCOMPARE(health.contradiction, contradiction);
    QCOMPARE(health.allReasons().size(), health.reasons.size() + 1);
    QCOMPARE(health.allReasons().last(), contradiction);
}

void TestHealth::boundaries() {
    using namespace hwi::hatchet;
    HealthFacts facts;
    facts.heartbeat = HealthFacts::Heartbeat::Known;
    facts.heartbeatMsecs = 1'000'000;
    facts.status = HealthFacts::Status::Active;
    facts.hasDispatcher = facts.hasActions = true;
    facts.slots = HealthFacts::Slots::Some;
    const auto at = [&](qint64 age) { return firstState(healthStates(facts, facts.heartbeatMsecs + age)); };
    QCOMPARE(at(-60'000), HealthState::Ok); // a clock ahead: not silent
    QCOMPARE(at(5'000), HealthState::Ok);
    QCOMPARE(at(5'001), HealthState::NoNewWork);
    QCOMPARE(at(30'000), HealthState::NoNewWork);
    QCOMPARE(at(30'001), HealthState::Lost);
    // The states follow the reference time: one worker, three answers.
    const TimeValue beat = timeValue("2026-11-29T13:00:00Z");
    facts.heartbeatMsecs = beat.time.msecsSinceEpoch;
    const QDateTime t = beat.time.toDateTime();
    QCOMPARE(assessHealth(facts, t.addSecs(1)).health(), HealthState::Ok);
    QCOMPARE(assessHealth(facts, t.addSecs(12)).health(), HealthState::NoNewWork);
    QCOMPARE(assessHealth(facts, t.addSecs(120)).health(), HealthState::Lost);
}

void TestHealth::withoutAReferenceTheStatusStandsIn() {
    // No reference time: the age cannot be measured; INACTIVE says more than 5 s, ACTIVE and PAUSED fresh.
    const auto inactive =
        healthOf(R"({"status":"INACTIVE","lastHeartbeatAt":"2026-11-29T12:59:53Z",)" READY "}", QDateTime());
    QCOMPARE(ids(inactive), QStringList{QStringLiteral("no-new-work")});
    QCOMPARE(inactive.reasons,
             QStringList{QStringLiteral(
                 "INACTIVE: silent for more than 5 s (how long is unknown): takes no new tasks")});
    QCOMPARE(inactive.contradiction, QString());
    const auto paused =
        healthOf(R"({"status":"PAUSED","lastHeartbeatAt":"2026-11-29T12:59:53Z",)" READY "}", QDateTime());
    QCOMPARE(paused.reasons, QStringList{QStringLiteral("Paused: takes no new tasks")});
    const auto active =
        healthOf(R"({"status":"ACTIVE","lastHeartbeatAt":"2026-11-29T12:59:53Z",)" READY "}", QDateTime());
    QCOMPARE(active.reasons, QStringList{QStringLiteral("OK: takes new tasks")});
    // A heartbeat that is not a time: the same, whatever the reference.
    const auto malformed = healthOf(R"({"status":"INACTIVE","lastHeartbeatAt":"yesterday",)" READY "}");
    QCOMPARE(ids(malformed), QStringList{QStringLiteral("no-new-work")});
}

// Status and dispatcher as the text of the document says them, escapes read, other kinds and null not.
void TestHealth::factsReadFromTheDocument_data() {
    QTest::addColumn<QByteArray>("members");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("dispatcher");
    using Status = hwi::hatchet::HealthFacts::Status;
    QTest::newRow("active") << QByteArray(R"("status":"ACTIVE","dispatcherId":"d1")") << int(Status::Active)
                            << true;
    QTest::newRow("escaped") << QByteArray(R"("status":"ACT\u0049VE","dispatcherId":"\u0041")")
                             << int(Status::Active) << true;
    QTest::newRow("paused") << QByteArray(R"("status":"PAUSED","dispatcherId":"")") << int(Status::Paused)
                            << false;
    QTest::newRow("inactive") << QByteArray(R"("status":"INACTIVE","dispatcherId":null)")
                              << int(Status::Inactive) << false;
    QTest::newRow("lowercase") << QByteArray(R"("status":"active","dispatcherId":7)") << int(Status::Other)
                               << false;
    QTest::newRow("a number") << QByteArray(R"("status":1,"dispatcherId":" ")") << int(Status::Other) << true;
    QTest::newRow("null") << QByteArray(R"("status":null)") << int(Status::Other) << false;
    QTest::newRow("missing") << QByteArray(R"("name":"w")") << int(Status::Other) << false;
    QTest::newRow("the last of two") << QByteArray(R"("status":"PAUSED","status":"ACTIVE")")
                                     << int(Status::Active) << false;
}

void TestHealth::factsReadFromTheDocument() {
    QFETCH(QByteArray, members);
    QFETCH(int, status);
    QFETCH(bool, dispatcher);
    const auto snapshot =
        testutil::snapshotOf("{" + members + R"(,"metadata":{"id":"x"},"type":"SELFHOSTED"})", reference());
    QCOMPARE(snapshot->workers.size(), std::size_t(1));
    const hwi::hatchet::HealthFacts facts = hwi::hatchet::healthFacts(snapshot->worker(0));
    QCOMPARE(int(facts.status), status);
    QCOMPARE(facts.hasDispatcher, dispatcher);
}

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
