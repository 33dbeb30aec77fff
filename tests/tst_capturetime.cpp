// When was a document captured (hatchet/capturetime.h): the bounds the workers put on the instant and the
// choice between a hint (file time, HTTP Date) and an estimate, with hand-worked cases.
#include "hatchet/capturetime.h"
#include "hatchet/snapshot.h"
#include "itemmodels/timeformat.h"
#include "testutil.h"
#include "json/document.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace hwi::hatchet;
using testutil::timeValue;

namespace {

QDateTime at(const char* text) {
    const auto parsed = parseRfc3339(text);
    if (!parsed)
        qFatal("not a time: %s", text);
    return QDateTime::fromMSecsSinceEpoch(parsed->msecsSinceEpoch, QTimeZone::utc());
}

qint64 msecs(const char* text) {
    return at(text).toMSecsSinceEpoch();
}

CaptureWorker worker(const char* name, const char* status, const char* heartbeat) {
    CaptureWorker w;
    w.name = QString::fromLatin1(name);
    w.status = QString::fromLatin1(status);
    if (heartbeat)
        w.lastHeartbeatAt = timeValue(heartbeat);
    return w;
}

CaptureHint fileTime(const char* text) {
    return {CaptureHint::FileTime, at(text)};
}

CaptureHint httpDate(const char* text) {
    return {CaptureHint::HttpDate, at(text)};
}

// list-current.json's workers: order-processor ACTIVE, report-builder PAUSED, mailer INACTIVE never seen.
std::vector<CaptureWorker> listCurrent() {
    return {worker("order-processor", "ACTIVE", "2026-11-29T13:00:03.25Z"),
            worker("report-builder", "PAUSED", "2026-11-29T13:00:02.5Z"),
            worker("mailer", "INACTIVE", nullptr)};
}

std::shared_ptr<const Snapshot> fixture(const char* name, const CaptureHint& hint) {
    QFile file(QStringLiteral(HWI_FIXTURES "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", name);
    auto parsed = hwi::json::Document::parse(file.readAll());
    return Snapshot::buildWithHint(std::get<std::shared_ptr<const hwi::json::Document>>(std::move(parsed)),
                                   QString::fromLatin1(name), hint);
}

} // namespace

class TestCaptureTime : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void boundsFromTheData();
    void hintInsideTheBounds();
    void copiedFileTwoDaysLater();
    void inactiveBindsTheLowerBound();
    void contradictoryStatuses();
    void noHintEstimates();
    void singleWorkerIgnoresListMembership();
    void neverAndMalformedHeartbeatsIgnored();
    void httpDateNamesItsSecond();
    void snapshotsOfFixtures();
    void sameWithAndWithoutValidation_data();
    void sameWithAndWithoutValidation();
    void instantText_data();
    void instantText();
    void parseInstant_data();
    void parseInstant();
};

// list-current: every heartbeat before the capture (newest 13:00:03.250); ACTIVE and PAUSED at most 5 s
// after their heartbeats (oldest 13:00:02.500 + 5 s = 13:00:07.500); mailer has no heartbeat: no bound.
void TestCaptureTime::boundsFromTheData() {
    const CaptureBounds bounds = captureBounds(listCurrent(), true);
    QCOMPARE(bounds.earliest, std::optional<qint64>(msecs("2026-11-29T13:00:03.250Z")));
    QCOMPARE(bounds.latest, std::optional<qint64>(msecs("2026-11-29T13:00:07.500Z")));
    QVERIFY(!bounds.earliestByInactive);
    QVERIFY(!bounds.latestByList); // 13:00:02.500 + 24 h is far later
    QCOMPARE(bounds.latestWorker, QStringLiteral("report-builder"));
    QCOMPARE(bounds.active, 1);
    QCOMPARE(bounds.paused, 1);
    QCOMPARE(bounds.inactive, 0); // mailer never heartbeated
    QVERIFY(!bounds.isContradictory());

    // Only INACTIVE rows: the list's 24 h membership is the upper bound (minus 1 ms: strictly within).
    const CaptureBounds silent = captureBounds({worker("old", "INACTIVE", "2026-11-29T10:00:00Z"),
                                                worker("older", "INACTIVE", "2026-11-28T14:00:00Z")},
                                               true);
    QCOMPARE(silent.earliest, std::optional<qint64>(msecs("2026-11-29T10:00:05.001Z")));
    QCOMPARE(silent.latest, std::optional<qint64>(msecs("2026-11-29T13:59:59.999Z")));
    QVERIFY(silent.latestByList);
    QVERIFY(silent.earliestByInactive);
}

// The fixtures' "now", 13:00:05, lies within [13:00:03.250, 13:00:07.500]: the file's time stands.
void TestCaptureTime::hintInsideTheBounds() {
    const CaptureTime capture = decideCaptureTime(listCurrent(), true, fileTime("2026-11-29T13:00:05Z"));
    QCOMPARE(capture.time, at("2026-11-29T13:00:05Z"));
    QCOMPARE(capture.source, TimeSource::FileTime);
    QCOMPARE(capture.note, QStringLiteral("file time"));
    QVERIFY(!capture.hintContradicted);
    QVERIFY(!capture.statusesContradict);

    // Both ends are inside: at most 5 s after the PAUSED heartbeat, not before the newest heartbeat.
    QCOMPARE(decideCaptureTime(listCurrent(), true, fileTime("2026-11-29T13:00:07.500Z")).source,
             TimeSource::FileTime);
    QCOMPARE(decideCaptureTime(listCurrent(), true, fileTime("2026-11-29T13:00:03.250Z")).source,
             TimeSource::FileTime);
    QCOMPARE(decideCaptureTime(listCurrent(), true, fileTime("2026-11-29T13:00:07.501Z")).source,
             TimeSource::Estimated);
}

// Five ACTIVE workers heartbeated between 13:00:00.100 and 13:00:03: the capture lies in
// [13:00:03.000, 13:00:05.100]. The copy's time, 2026-12-01T14:00, is 2 d 0 h 59 min after 13:00:03.
void TestCaptureTime::copiedFileTwoDaysLater() {
    const std::vector<CaptureWorker> workers = {
        worker("a", "ACTIVE", "2026-11-29T13:00:00.100Z"), worker("b", "ACTIVE", "2026-11-29T13:00:00.900Z"),
        worker("c", "ACTIVE", "2026-11-29T13:00:01.500Z"), worker("d", "ACTIVE", "2026-11-29T13:00:02.250Z"),
        worker("e", "ACTIVE", "2026-11-29T13:00:03Z")};
    const CaptureTime capture = decideCaptureTime(workers, true, fileTime("2026-12-01T14:00:00Z"));
    QCOMPARE(capture.time, at("2026-11-29T13:00:03Z")); // the earliest instant the data allows
    QCOMPARE(capture.source, TimeSource::Estimated);
    QVERIFY(capture.hintContradicted);
    QVERIFY(!capture.statusesContradict);
    QCOMPARE(capture.note,
             QStringLiteral("estimated from 5 ACTIVE workers; the file's time, 2 d later, contradicts them"));
    QCOMPARE(capture.hint.time, at("2026-12-01T14:00:00Z")); // kept, to be shown
    QCOMPARE(capture.bounds.latest, std::optional<qint64>(msecs("2026-11-29T13:00:05.100Z")));
}

// ACTIVE a heartbeated at 13:00:03.000; INACTIVE b at 12:59:59.500, so b had been silent more than 5 s:
// the capture is after 13:00:04.500, i.e. from 13:00:04.501 (later than the newest heartbeat), and at most
// 13:00:08.000.
void TestCaptureTime::inactiveBindsTheLowerBound() {
    const std::vector<CaptureWorker> workers = {worker("a", "ACTIVE", "2026-11-29T13:00:03Z"),
                                                worker("b", "INACTIVE", "2026-11-29T12:59:59.500Z")};
    const CaptureBounds bounds = captureBounds(workers, true);
    QCOMPARE(bounds.earliest, std::optional<qint64>(msecs("2026-11-29T13:00:04.501Z")));
    QCOMPARE(bounds.latest, std::optional<qint64>(msecs("2026-11-29T13:00:08Z")));
    QVERIFY(bounds.earliestByInactive);
    QCOMPARE(bounds.earliestWorker, QStringLiteral("b"));

    const CaptureTime estimate = decideCaptureTime(workers, true, {});
    QCOMPARE(estimate.time, at("2026-11-29T13:00:04.501Z"));
    QCOMPARE(estimate.source, TimeSource::Estimated);
    QCOMPARE(estimate.note, QStringLiteral("estimated from 1 ACTIVE and 1 INACTIVE workers, just over 5 s "
                                           "after INACTIVE b's heartbeat"));

    // Exactly 5 s of silence is not INACTIVE yet: 13:00:04.500 is contradicted, by 1 ms.
    const CaptureTime early = decideCaptureTime(workers, true, fileTime("2026-11-29T13:00:04.500Z"));
    QCOMPARE(early.time, at("2026-11-29T13:00:04.501Z"));
    QVERIFY(early.hintContradicted);
    QCOMPARE(early.note, QStringLiteral("estimated from 1 ACTIVE and 1 INACTIVE workers, just over 5 s after "
                                        "INACTIVE b's heartbeat; the file's time, 1 ms earlier, contradicts "
                                        "them"));
    const CaptureTime onTime = decideCaptureTime(workers, true, fileTime("2026-11-29T13:00:04.501Z"));
    QCOMPARE(onTime.source, TimeSource::FileTime);
    QCOMPARE(onTime.time, at("2026-11-29T13:00:04.501Z"));
}

// ACTIVE a's heartbeat (12:59:20) is 40 s older than INACTIVE b's (13:00:00): a says the capture is at
// most 12:59:25.000, b says from 13:00:05.001. No instant fits (an edited file): the file's time stays, and
// the note says why.
void TestCaptureTime::contradictoryStatuses() {
    const std::vector<CaptureWorker> workers = {worker("a", "ACTIVE", "2026-11-29T12:59:20Z"),
                                                worker("b", "INACTIVE", "2026-11-29T13:00:00Z")};
    const CaptureBounds bounds = captureBounds(workers, true);
    QVERIFY(bounds.isContradictory());
    QCOMPARE(*bounds.earliest - *bounds.latest, qint64(40001));

    const CaptureTime capture = decideCaptureTime(workers, true, fileTime("2026-11-29T13:00:06Z"));
    QCOMPARE(capture.time, at("2026-11-29T13:00:06Z"));
    QCOMPARE(capture.source, TimeSource::FileTime);
    QVERIFY(capture.statusesContradict);
    QVERIFY(!capture.hintContradicted);
    QCOMPARE(capture.note,
             QStringLiteral("file time; the statuses contradict each other by 40 s: ACTIVE a (heartbeat at "
                            "most 5 s before) against INACTIVE b (silent over 5 s); an edited file?"));

    // A 2-day-old file time is kept too: nothing in the data can be trusted over it.
    QCOMPARE(decideCaptureTime(workers, true, fileTime("2026-12-01T14:00:00Z")).time,
             at("2026-12-01T14:00:00Z"));

    // Without a hint: the newest heartbeat, the one bound that still holds.
    const CaptureTime estimate = decideCaptureTime(workers, true, {});
    QCOMPARE(estimate.time, at("2026-11-29T13:00:00Z"));
    QCOMPARE(estimate.source, TimeSource::Estimated);
    QVERIFY(estimate.statusesContradict);
    QVERIFY(estimate.note.startsWith(QLatin1String("estimated from the newest heartbeat; the statuses")));
}

// No file time or Date (a qrc: resource, a test): the earliest instant the data allows.
void TestCaptureTime::noHintEstimates() {
    const CaptureTime capture = decideCaptureTime(listCurrent(), true, {});
    QCOMPARE(capture.time, at("2026-11-29T13:00:03.250Z"));
    QCOMPARE(capture.source, TimeSource::Estimated);
    QCOMPARE(capture.note, QStringLiteral("estimated from 1 ACTIVE and 1 PAUSED workers"));
    QVERIFY(!capture.hintContradicted);

    // Nothing to go by: unknown.
    const CaptureTime unknown = decideCaptureTime({worker("mailer", "INACTIVE", nullptr)}, true, {});
    QVERIFY(!unknown.time.isValid());
    QCOMPARE(unknown.source, TimeSource::Unknown);
}

// An INACTIVE worker last seen 2 d before: a list could not hold it (24 h membership), a GET can.
void TestCaptureTime::singleWorkerIgnoresListMembership() {
    const std::vector<CaptureWorker> workers = {worker("gone", "INACTIVE", "2026-11-27T10:00:00Z")};
    const CaptureHint hint = fileTime("2026-11-29T13:00:05Z");

    const CaptureTime get = decideCaptureTime(workers, false, hint);
    QCOMPARE(get.source, TimeSource::FileTime);
    QCOMPARE(get.time, hint.time);
    QVERIFY(!get.bounds.latest);

    const CaptureTime list = decideCaptureTime(workers, true, hint);
    QVERIFY(list.hintContradicted);
    QCOMPARE(list.time, at("2026-11-27T10:00:05.001Z"));
    QCOMPARE(list.bounds.latest, std::optional<qint64>(msecs("2026-11-28T09:59:59.999Z")));
    QVERIFY(list.bounds.latestByList);
    QCOMPARE(list.note,
             QStringLiteral("estimated from 1 INACTIVE worker, just over 5 s after INACTIVE gone's "
                            "heartbeat; the file's time, 2 d later, contradicts them"));
}

// Never (Go's zero time), absent and malformed heartbeats bound nothing, whatever the status.
void TestCaptureTime::neverAndMalformedHeartbeatsIgnored() {
    const std::vector<CaptureWorker> workers = {
        worker("never", "ACTIVE", "0001-01-01T00:00:00Z"), worker("garbled", "ACTIVE", "29/11/2026 13:00:01"),
        worker("absent", "INACTIVE", nullptr), worker("seen", "ACTIVE", "2026-11-29T13:00:03Z")};
    const CaptureBounds bounds = captureBounds(workers, true);
    QCOMPARE(bounds.earliest, std::optional<qint64>(msecs("2026-11-29T13:00:03Z")));
    QCOMPARE(bounds.latest, std::optional<qint64>(msecs("2026-11-29T13:00:08Z")));
    QCOMPARE(bounds.active, 1);
    QCOMPARE(decideCaptureTime(workers, true, fileTime("2026-11-29T13:00:05Z")).source, TimeSource::FileTime);

    const std::vector<CaptureWorker> nothing = {worker("never", "ACTIVE", "0001-01-01T00:00:00Z"),
                                                worker("garbled", "INACTIVE", "yesterday")};
    const CaptureBounds none = captureBounds(nothing, true);
    QVERIFY(!none.earliest && !none.latest);
    const CaptureTime hinted = decideCaptureTime(nothing, true, fileTime("2026-12-01T14:00:00Z"));
    QCOMPARE(hinted.source, TimeSource::FileTime); // nothing contradicts it
    QCOMPARE(hinted.time, at("2026-12-01T14:00:00Z"));
    QCOMPARE(decideCaptureTime(nothing, true, {}).source, TimeSource::Unknown);
}

// An HTTP Date has whole seconds: "13:00:03" covers 13:00:03.000–13:00:03.999.
void TestCaptureTime::httpDateNamesItsSecond() {
    const std::vector<CaptureWorker> workers = {worker("a", "ACTIVE", "2026-11-29T13:00:03.650Z")};
    const CaptureTime sameSecond = decideCaptureTime(workers, true, httpDate("2026-11-29T13:00:03Z"));
    QCOMPARE(sameSecond.source, TimeSource::HttpDate);
    QCOMPARE(sameSecond.time, at("2026-11-29T13:00:03.650Z")); // within its second, not before a heartbeat
    QCOMPARE(sameSecond.note, QStringLiteral("HTTP Date"));

    const CaptureTime inside = decideCaptureTime(workers, true, httpDate("2026-11-29T13:00:06Z"));
    QCOMPARE(inside.source, TimeSource::HttpDate);
    QCOMPARE(inside.time, at("2026-11-29T13:00:06Z"));

    // A second earlier: the server's clock (or the data) is off.
    const CaptureTime before = decideCaptureTime(workers, true, httpDate("2026-11-29T13:00:02Z"));
    QCOMPARE(before.source, TimeSource::Estimated);
    QCOMPARE(before.note, QStringLiteral("estimated from 1 ACTIVE worker; the HTTP Date, 651 ms earlier, "
                                         "contradicts them"));
}

// Through Snapshot: a WorkerList and a bare array are list rows, a single Worker is a GET.
void TestCaptureTime::snapshotsOfFixtures() {
    const auto copied = fixture("list-current.json", fileTime("2026-12-01T13:00:05Z"));
    QCOMPARE(copied->captureTime, at("2026-11-29T13:00:03.250Z"));
    QCOMPARE(copied->capture.source, TimeSource::Estimated);
    QCOMPARE(copied->captureTimeNote, copied->capture.note);
    QVERIFY2(copied->captureTimeNote.contains(QLatin1String("the file's time, 2 d later, contradicts them")),
             qPrintable(copied->captureTimeNote));

    const auto original = fixture("list-current.json", fileTime("2026-11-29T13:00:05Z"));
    QCOMPARE(original->captureTime, at("2026-11-29T13:00:05Z"));
    QCOMPARE(original->capture.source, TimeSource::FileTime);

    // The old build() takes the kind from the source: an http(s) URL's hint is its HTTP Date.
    QCOMPARE(Snapshot::hintKindFor(QStringLiteral("https://hatchet.example/api/v1/tenants/t/worker")),
             CaptureHint::HttpDate);
    QCOMPARE(Snapshot::hintKindFor(QStringLiteral("/tmp/workers.json")), CaptureHint::FileTime);
    QCOMPARE(Snapshot::hintKindFor(QStringLiteral("file:///tmp/workers.json")), CaptureHint::FileTime);
}

void TestCaptureTime::sameWithAndWithoutValidation_data() {
    QTest::addColumn<bool>("list");
    QTest::newRow("list") << true;
    QTest::newRow("array") << false;
}

// With validation each worker's heartbeat is read right after the worker is checked (its text still in
// cache), otherwise in a pass of its own: the same capture time, the same binding workers, in a large list
// with rows that are no workers between the others.
void TestCaptureTime::sameWithAndWithoutValidation() {
    QFETCH(bool, list);
    QByteArray rows;
    for (int i = 0; i < 3000; ++i) {
        const char* status = i == 1500 ? "INACTIVE" : i % 3 ? "ACTIVE" : "PAUSED";
        // worker-1500's is the newest heartbeat (it binds the earliest instant), worker-2200's the oldest
        // fresh one (the latest).
        const int second = i == 1500 ? 59 : i == 2200 ? 1 : 10 + i % 40;
        rows += (i ? "," : "") +
                QStringLiteral(R"({"metadata": {"id": "w%1"}, "name": "worker-%1", "status": "%2", )"
                               R"("lastHeartbeatAt": "2026-11-29T13:00:%3Z"})")
                    .arg(i)
                    .arg(QLatin1String(status))
                    .arg(second, 2, 10, QLatin1Char('0'))
                    .toUtf8();
        if (i % 97 == 5)
            rows += i % 2 ? ", 7" : ", [{\"name\": \"not-a-worker\"}]";
    }
    const QByteArray json = list ? QByteArray("{\"rows\": [" + rows + "]}") : QByteArray("[" + rows + "]");
    auto parsed = hwi::json::Document::parse(json);
    const auto doc = std::get<std::shared_ptr<const hwi::json::Document>>(std::move(parsed));
    const auto checked = Snapshot::buildWithHint(doc, QStringLiteral("t"), {}, Snapshot::Validation::Full);
    const auto unchecked = Snapshot::buildWithHint(doc, QStringLiteral("t"), {}, Snapshot::Validation::Skip);
    QVERIFY(!checked->problems.empty()); // the rows that are no workers
    QCOMPARE(checked->workers.size(), std::size_t(3000));
    const CaptureBounds& bounds = checked->capture.bounds;
    QCOMPARE(bounds.earliestWorker, QStringLiteral("worker-1500"));
    QCOMPARE(bounds.latestWorker, QStringLiteral("worker-2200"));
    QCOMPARE(bounds.earliestWorker, unchecked->capture.bounds.earliestWorker);
    QCOMPARE(bounds.latestWorker, unchecked->capture.bounds.latestWorker);
    QCOMPARE(bounds.earliest, unchecked->capture.bounds.earliest);
    QCOMPARE(bounds.latest, unchecked->capture.bounds.latest);
    QCOMPARE(bounds.active, unchecked->capture.bounds.active);
    QCOMPARE(bounds.paused, unchecked->capture.bounds.paused);
    QCOMPARE(bounds.inactive, 1);
    QCOMPARE(checked->captureTime, unchecked->captureTime);
    QCOMPARE(checked->captureTimeNote, unchecked->captureTimeNote);
}

// The one format every reference and capture time is shown in: UTC, "Z", milliseconds only when not zero.
void TestCaptureTime::instantText_data() {
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole second") << at("2026-11-29T13:00:05Z") << QStringLiteral("2026-11-29T13:00:05Z");
    QTest::newRow("milliseconds") << at("2026-11-29T13:00:03.65Z")
                                  << QStringLiteral("2026-11-29T13:00:03.650Z");
    QTest::newRow("from an offset") << at("2026-11-29T14:00:03.123456789+01:00")
                                    << QStringLiteral("2026-11-29T13:00:03.123Z");
    QTest::newRow("local time") << at("2026-11-29T13:00:05Z").toLocalTime()
                                << QStringLiteral("2026-11-29T13:00:05Z");
    QTest::newRow("invalid") << QDateTime() << QString();
}

void TestCaptureTime::instantText() {
    QFETCH(QDateTime, time);
    QFETCH(QString, text);
    QCOMPARE(hwi::models::instantText(time), text);
    if (time.isValid())
        QCOMPARE(hwi::models::parseInstant(text), time); // what it writes, --at reads
}

// What --at and View > Measure Times Against > Other Time accept.
void TestCaptureTime::parseInstant_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("time");
    const QDateTime five = at("2026-11-29T13:00:05Z");
    QTest::newRow("Z") << QStringLiteral("2026-11-29T13:00:05Z") << five;
    QTest::newRow("offset") << QStringLiteral("2026-11-29T14:00:05+01:00") << five;
    QTest::newRow("fraction") << QStringLiteral("2026-11-29T13:00:05.25Z") << at("2026-11-29T13:00:05.250Z");
    QTest::newRow("space, no zone: UTC") << QStringLiteral(" 2026-11-29 13:00:05 ") << five;
    QTest::newRow("no seconds") << QStringLiteral("2026-11-29T13:00Z") << at("2026-11-29T13:00:00Z");
    QTest::newRow("word") << QStringLiteral("yesterday") << QDateTime();
    QTest::newRow("date only") << QStringLiteral("2026-11-29") << QDateTime();
    QTest::newRow("no such day") << QStringLiteral("2026-02-30T13:00:05Z") << QDateTime();
    QTest::newRow("trailing text") << QStringLiteral("2026-11-29T13:00:05Z now") << QDateTime();
}

void TestCaptureTime::parseInstant() {
    QFETCH(QString, text);
    QFETCH(QDateTime, time);
    QCOMPARE(hwi::models::parseInstant(text), time);
}

QTEST_GUILESS_MAIN(TestCaptureTime)
#include "tst_capturetime.moc"
