// `hatchet-inspector --place`: the table on standard output (tests/expected/place-*.tsv, worked out by hand
// from tests/fixtures/place-*.json; tst_placement explains the fixtures), the summary on standard error,
// exit statuses 0/1/3/2, and every malformed argument named with where and what was expected.
#include "inspectorprocess.h"
#include <QFile>

#include <QProcess>
#include <QTest>

namespace {

QString fixture(const char* name) {
    return QStringLiteral(HWI_FIXTURES "/") + QString::fromUtf8(name);
}

QByteArray expected(const char* name) {
    QFile file(QStringLiteral(HWI_EXPECTED "/") + QString::fromUtf8(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<cannot read ") + name + '>';
}

using Run = testutil::InspectorRun;

Run inspector(const QStringList& arguments, const QByteArray& input = {}) {
    return testutil::runInspector(arguments, input);
}

const QString CurrentNow = QStringLiteral("2026-11-29T13:00:05Z"); // the fixtures' "now"
const QString LegacyNow = QStringLiteral("2026-01-15T09:30:05Z");

QStringList args(std::initializer_list<const char*> utf8) {
    QStringList out;
    for (const char* argument : utf8)
        out << QString::fromUtf8(argument);
    return out;
}

// The arguments, then --at WHEN and the fixture as SOURCE.
QStringList at(const QString& when, const char* fixtureName, std::initializer_list<const char*> arguments) {
    return args(arguments) << QStringLiteral("--at") << when << fixture(fixtureName);
}

const QByteArray Cancelled = " (it would be cancelled after its schedule timeout, 5 min by default)\n";

} // namespace

class TestPlaceCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void answers_data();
    void answers();
    void filterLimitsTheWorkers();
    void droppedUnitsAreSaid();
    void malformed_data();
    void malformed();
    void unreadableSource();
    void help();
};

void TestPlaceCli::answers_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expectedOut");
    QTest::addColumn<QByteArray>("expectedErr");
    QTest::addColumn<int>("exitCode");
    const char* labels = "place-labels.json";
    const char* slots = "place-slots.json";
    QTest::newRow("required and optional, rotation group")
        << at(CurrentNow, labels,
              {"--place", "render:frame", "--want", "+gpu=a100", "--want", "region=eu-west-1@50"})
        << expected("place-labels-required.tsv")
        << QByteArray("Runs now on one of 3 workers (rank 150: render-a, render-c, render-f)\n") << 0;
    QTest::newRow("integer comparators")
        << at(CurrentNow, labels,
              {"--place", "render:frame", "--want", "+memory_gb<100", "--want", "memory_gb>=64@10"})
        << expected("place-labels-integers.tsv") << QByteArray("Runs now on render-b (rank 110)\n") << 0;
    QTest::newRow("negative weight")
        << at(CurrentNow, labels,
              {"--place", "render:frame", "--want", "gpu=a100", "--want", "tier=spot@-150"})
        << expected("place-labels-negative.tsv")
        << QByteArray("Runs now on one of 3 workers (rank 100: render-a, render-b, render-c)\n") << 0;
    QTest::newRow("not equal, spaces around the comparator")
        << at(CurrentNow, labels, {"--place", "render:frame", "--want", "+region != us-east-1"})
        << expected("place-labels-not-equal.tsv")
        << QByteArray("Runs now on one of 4 workers (rank 100: render-a, render-c, render-d, render-f)\n")
        << 0;
    QTest::newRow("soft sticky")
        << at(CurrentNow, labels,
              {"--place", "render:frame", "--want", "+gpu=a100", "--sticky",
               "soft:7e11de00-0000-4000-8000-000000000004"})
        << expected("place-labels-soft.tsv")
        << QByteArray(
               "warning: SOFT sticky: Hatchet ignores every desired label, the required +gpu=a100 included "
               "(issue #4936)\nRuns now on render-d (rank 1)\n")
        << 0;
    QTest::newRow("hard sticky, strategy in capitals")
        << at(CurrentNow, labels,
              {"--place", "render:frame", "--want", "+gpu=a100", "--sticky",
               "HARD:7e11de00-0000-4000-8000-000000000005"})
        << expected("place-labels-hard.tsv")
        << QByteArray(
               "warning: HARD sticky: Hatchet ignores every desired label, the required +gpu=a100 included "
               "(issue #4936)\nRuns now on render-e (rank 0)\n")
        << 0;
    QTest::newRow("liveness, action, default slot")
        << at(CurrentNow, slots, {"--place", "etl:load"}) << expected("place-slots-default.tsv")
        << QByteArray("Runs now on etl-live (rank 0)\n") << 0;
    QTest::newRow("slot type the worker lacks")
        << at(CurrentNow, slots, {"--place", "etl:load", "--units", "durable=2"})
        << expected("place-slots-durable.tsv") << "Can never run: no worker has 2 durable units" + Cancelled
        << 3;
    QTest::newRow("two slot types")
        << at(CurrentNow, slots, {"--place", "etl:load", "--units", "default=1", "--units", "durable=1"})
        << expected("place-slots-two-types.tsv") << QByteArray("Runs now on etl-live (rank 0)\n") << 0;
    QTest::newRow("units above every limit")
        << at(CurrentNow, slots, {"--place", "etl:load", "--units", "default=5"})
        << expected("place-slots-above-limits.tsv")
        << "Can never run: no worker has 5 default units" + Cancelled << 3;
    QTest::newRow("would wait") << at(CurrentNow, slots, {"--place", "etl:load", "--units", "default=3"})
                                << expected("place-slots-would-wait.tsv")
                                << QByteArray("Would wait: the 3 workers that could take it are full\n") << 1;
    QTest::newRow("hard sticky to a dead worker")
        << at(CurrentNow, slots,
              {"--place", "etl:load", "--sticky", "hard:c0ffee00-0000-4000-8000-000000000003"})
        << expected("place-slots-hard-dead.tsv")
        << "Can never run: the desired worker etl-stale (HARD sticky): status INACTIVE; heartbeat 12 s old" +
               Cancelled
        << 3;
    QTest::newRow("old era") << at(LegacyNow, "place-legacy.json", {"--place", "video:transcode"})
                             << expected("place-legacy.tsv")
                             << QByteArray("Runs now on transcoder-a (rank 0)\n") << 0;
    QTest::newRow("no live worker registers it")
        << at(CurrentNow, slots, {"--place", "etl:transform"}) << expected("place-slots-unknown-action.tsv")
        << "Can never run: no live worker registers etl:transform" + Cancelled << 3;
}

void TestPlaceCli::answers() {
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expectedOut);
    QFETCH(QByteArray, expectedErr);
    QFETCH(int, exitCode);
    const Run run = inspector(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.out, expectedOut);
    QCOMPARE(run.err, expectedErr);
    QCOMPARE(run.exitCode, exitCode);
}

// --filter: the placement over the matching workers only (as if the others were not there).
void TestPlaceCli::filterLimitsTheWorkers() {
    const Run run = inspector(
        at(CurrentNow, "place-slots.json", {"--place", "etl:load", "--filter", "name:etl-full,etl-noavail"}));
    QVERIFY(run.finished);
    QCOMPARE(
        run.out,
        QByteArray("ID\tNAME\tVERDICT\tRANK\tREASONS\n"
                   "c0ffee00-0000-4000-8000-000000000002\tetl-full\tfull\t0\tdefault: available 0 < 1 unit\n"
                   "c0ffee00-0000-4000-8000-000000000009\tetl-noavail\tfull\t0\tdefault: available not "
                   "reported\n"));
    QCOMPARE(run.err, QByteArray("Would wait: the 2 workers that could take it are full\n"));
    QCOMPARE(run.exitCode, 1);
}

// Units <= 0 are dropped as the engine drops them; with nothing left the default applies, and it is said.
void TestPlaceCli::droppedUnitsAreSaid() {
    const Run run =
        inspector(at(CurrentNow, "place-slots.json", {"--place", "etl:load", "--units", "durable=0"}));
    QVERIFY(run.finished);
    QCOMPARE(run.out, expected("place-slots-default.tsv"));
    QCOMPARE(
        run.err,
        QByteArray("warning: units of 0 or less are dropped: durable=0\nRuns now on etl-live (rank 0)\n"));
    QCOMPARE(run.exitCode, 0);
}

void TestPlaceCli::malformed_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const auto place = [](std::initializer_list<const char*> more) {
        return QStringList{QStringLiteral("--place"), QStringLiteral("etl:load")}
               << args(more) << fixture("place-slots.json");
    };
    QTest::newRow("unknown comparator")
        << place({"--want", "gpu~a100"})
        << QByteArray("--want 'gpu~a100': expected one of = != > >= < <= after 'gpu'");
    QTest::newRow("lone !") << place({"--want", "+gpu!a100"})
                            << QByteArray("--want '+gpu!a100': expected one of = != > >= < <= after '+gpu'");
    QTest::newRow("no key")
        << place({"--want", "=a100"})
        << QByteArray("--want '=a100': expected a label key at the start (or '+' for a required one)");
    QTest::newRow("only +") << place({"--want", "+"})
                            << QByteArray("--want '+': expected a label key after '+'");
    QTest::newRow("no value") << place({"--want", "gpu="})
                              << QByteArray("--want 'gpu=': expected a value after 'gpu='");
    QTest::newRow("no value before weight")
        << place({"--want", "gpu=@5"}) << QByteArray("--want 'gpu=@5': expected a value after 'gpu='");
    QTest::newRow("weight not an integer") << place({"--want", "gpu=a100@heavy"})
                                           << QByteArray("--want 'gpu=a100@heavy': expected an integer "
                                                         "weight after '@' (from -2147483648 to 2147483647)");
    QTest::newRow("weight beyond int32")
        << place({"--want", "gpu=a100@2147483648"})
        << QByteArray(
               "--want 'gpu=a100@2147483648': expected an integer weight after '@' (from -2147483648 to "
               "2147483647)");
    QTest::newRow("order comparator, text value")
        << place({"--want", "+memory_gb>=lots"})
        << QByteArray("--want '+memory_gb>=lots': expected an integer after '+memory_gb>='");
    QTest::newRow("units without =") << place({"--units", "durable"})
                                     << QByteArray(
                                            "--units 'durable': expected '=' after 'durable' (TYPE=N)");
    QTest::newRow("units without type")
        << place({"--units", "=2"}) << QByteArray("--units '=2': expected a slot type before '=' (TYPE=N)");
    QTest::newRow("units not an integer")
        << place({"--units", "durable=two"})
        << QByteArray("--units 'durable=two': expected an integer after 'durable='");
    QTest::newRow("units type twice")
        << place({"--units", "default=1", "--units", "default=2"})
        << QByteArray("--units 'default=2': expected each slot type once (default is given twice)");
    QTest::newRow("sticky strategy")
        << place({"--sticky", "medium:abc"})
        << QByteArray("--sticky 'medium:abc': expected soft:WORKER_ID or hard:WORKER_ID");
    QTest::newRow("sticky without id")
        << place({"--sticky", "soft:"}) << QByteArray("--sticky 'soft:': expected a worker id after 'soft:'");
    QTest::newRow("sticky twice") << place({"--sticky", "soft:a", "--sticky", "hard:b"})
                                  << QByteArray("--sticky given more than once");
    QTest::newRow("empty action") << (args({"--place", ""}) << fixture("place-slots.json"))
                                  << QByteArray("--place '': expected an action such as workflow:task");
    QTest::newRow("want without place") << (args({"--want", "gpu=a100"}) << fixture("place-slots.json"))
                                        << QByteArray("--want needs --place ACTION");
    QTest::newRow("with --list") << place({"--list"})
                                 << QByteArray("--place and --list are separate answers: give one");
    // Filter terms only the window can answer are refused, not silently matching nothing.
    QTest::newRow("verdict filter") << place({"--filter", "verdict:fits"})
                                    << QByteArray(
                                           "--filter: verdict: needs the window's Can it run? panel; on "
                                           "the command line --place prints each worker's verdict (the "
                                           "VERDICT column)");
    QTest::newRow("change filter, --list")
        << (args({"--list", "--filter", "status:active -changed:slots"}) << fixture("place-slots.json"))
        << QByteArray("--filter: change: and changed: need the window's comparison; on the command line "
                      "--diff OLD NEW prints every change (the CHANGE column)");
    QTest::newRow("no source")
        << args({"--place", "etl:load"})
        << QByteArray("--check, --list, --by, --place and --export need a SOURCE (or --connect)");
}

void TestPlaceCli::malformed() {
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Run run = inspector(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.err, "hatchet-inspector: " + message + '\n');
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(run.exitCode, 2);
}

void TestPlaceCli::unreadableSource() {
    const Run run = inspector(args({"--place", "etl:load"}) << fixture("no-such-file.json"));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.contains("no-such-file.json"), run.err.constData());
}

void TestPlaceCli::help() {
    const Run run = inspector({QStringLiteral("--help")});
    QVERIFY(run.finished);
    for (const char* option :
         {"--place <ACTION>", "--want <SPEC>", "--units <TYPE=N>", "--sticky <STRATEGY:WORKER_ID>"})
        QVERIFY2(run.out.contains(option), option);
}

QTEST_GUILESS_MAIN(TestPlaceCli)
#include "tst_placecli.moc"
