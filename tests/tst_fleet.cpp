// Fleet pivots: `hatchet-inspector --by KEY` against hand-worked expectations (tests/expected/fleet-*.txt),
// its command-line contract, the analysis functions behind it, and a generated fleet checked against a
// second computation written here over QJsonDocument.
#include "analysis/fleet.h"
#include "analysis/schedulable.h"
#include "itemmodeltestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <string>

using namespace hwi;

namespace {

const QString Header = QStringLiteral("KEY\tWORKERS\tACTIVE\tPAUSED\tINACTIVE\tSCHEDULABLE\tFREE\tLIMIT");
const QString CurrentAt = QStringLiteral("2026-11-29T13:00:05Z");
const QString LegacyAt = QStringLiteral("2026-01-15T09:30:05Z");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run inspector(const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(HWI_INSPECTOR), arguments);
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList linesOf(const QString& text) {
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    return lines;
}

QString fixture(const char* name) {
    return QStringLiteral(HWI_FIXTURES "/") + QString::fromLatin1(name);
}

// The second computation: the issue's definitions applied to QJsonDocument values, sharing nothing with
// models/analysis.
class IndependentPivot {
public:
    IndependentPivot(const QJsonArray& rows, qint64 referenceMsecs)
        : m_rows(rows)
        , m_reference(referenceMsecs) {}

    QStringList lines(const QString& key) const {
        std::map<std::string, Counts> byValue; // std::string compares bytes as unsigned char
        for (const QJsonValue& value : m_rows) {
            const QJsonObject worker = value.toObject();
            for (const QString& keyValue : valuesOf(worker, key))
                add(byValue[keyValue.toStdString()], worker, key, keyValue);
        }
        QStringList out{Header};
        for (const auto& [value, counts] : byValue) {
            out << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\t%8")
                       .arg(QString::fromStdString(value))
                       .arg(counts.workers)
                       .arg(counts.active)
                       .arg(counts.paused)
                       .arg(counts.inactive)
                       .arg(counts.schedulable)
                       .arg(counts.freeKnown ? QString::number(counts.free) : QStringLiteral("?"))
                       .arg(counts.limitKnown ? QString::number(counts.limit) : QStringLiteral("?"));
        }
        return out;
    }

private:
    struct Counts {
        int workers = 0, active = 0, paused = 0, inactive = 0, schedulable = 0;
        qint64 free = 0, limit = 0;
        bool freeKnown = true, limitKnown = true;
    };
    struct Units {
        QString type;
        QJsonValue available;
        QJsonValue limit;
    };

    static std::vector<Units> unitsOf(const QJsonObject& worker) {
        std::vector<Units> units;
        if (worker.value(QLatin1String("slotConfig")).isObject()) {
            const QJsonObject config = worker.value(QLatin1String("slotConfig")).toObject();
            for (auto it = config.begin(); it != config.end(); ++it) {
                const QJsonObject entry = it.value().toObject();
                units.push_back(
                    {it.key(), entry.value(QLatin1String("available")), entry.value(QLatin1String("limit"))});
            }
        } else if (worker.contains(QLatin1String("maxRuns")) ||
                   worker.contains(QLatin1String("availableRuns"))) {
            units.push_back({QStringLiteral("default"), worker.value(QLatin1String("availableRuns")),
                             worker.value(QLatin1String("maxRuns"))});
        }
        return units;
    }

    bool schedulable(const QJsonObject& worker) const {
        if (worker.value(QLatin1String("status")).toString() != QLatin1String("ACTIVE"))
            return false;
        if (worker.value(QLatin1String("dispatcherId")).toString().isEmpty())
            return false;
        const QDateTime beat = QDateTime::fromString(
            worker.value(QLatin1String("lastHeartbeatAt")).toString(), Qt::ISODateWithMs);
        if (!beat.isValid() || beat.date().year() == 1 || m_reference - beat.toMSecsSinceEpoch() >= 5000)
            return false;
        if (worker.value(QLatin1String("slotConfig")).isObject())
            return !worker.value(QLatin1String("slotConfig")).toObject().isEmpty();
        return worker.value(QLatin1String("maxRuns")).toInteger() > 0;
    }

    static QStringList valuesOf(const QJsonObject& worker, const QString& key) {
        QStringList values;
        const QJsonArray actions = worker.value(QLatin1String("actions")).toArray();
        if (key == QLatin1String("action")) {
            for (const QJsonValue& action : actions)
                values << action.toString();
        } else if (key == QLatin1String("workflow")) {
            const QJsonValue registered = worker.value(QLatin1String("registeredWorkflows"));
            if (!registered.isUndefined() && !registered.isNull()) {
                for (const QJsonValue& workflow : registered.toArray())
                    values << workflow.toObject().value(QLatin1String("name")).toString();
            } else {
                for (const QJsonValue& action : actions) {
                    const QString text = action.toString();
                    values << text.left(text.indexOf(QLatin1Char(':')) < 0 ? text.size()
                                                                           : text.indexOf(QLatin1Char(':')));
                }
            }
        } else if (key == QLatin1String("label")) {
            for (const QJsonValue& label : worker.value(QLatin1String("labels")).toArray()) {
                const QJsonObject object = label.toObject();
                const QJsonValue value = object.value(QLatin1String("value"));
                values << object.value(QLatin1String("key")).toString() +
                              (value.isString() ? QLatin1Char('=') + value.toString() : QString());
            }
        } else if (key == QLatin1String("slot-type")) {
            for (const Units& units : unitsOf(worker))
                values << units.type;
        } else if (key == QLatin1String("sdk")) {
            const QJsonObject info = worker.value(QLatin1String("runtimeInfo")).toObject();
            const QString language = info.value(QLatin1String("language")).toString();
            const QString version = info.value(QLatin1String("sdkVersion")).toString();
            values << (language.isEmpty() ? QStringLiteral("unknown") : language) + QLatin1Char(' ') +
                          (version.isEmpty() ? QStringLiteral("unknown") : version);
        } else if (key == QLatin1String("status")) {
            values << worker.value(QLatin1String("status")).toString();
        } else if (key == QLatin1String("dispatcher")) {
            const QString dispatcher = worker.value(QLatin1String("dispatcherId")).toString();
            values << (dispatcher.isEmpty() ? QStringLiteral("none") : dispatcher);
        }
        values.removeDuplicates();
        return values;
    }

    static void sum(qint64& total, bool& known, const QJsonValue& value) {
        if (value.isDouble())
            total += value.toInteger();
        else
            known = false;
    }

    void add(Counts& counts, const QJsonObject& worker, const QString& key, const QString& keyValue) const {
        ++counts.workers;
        const QString status = worker.value(QLatin1String("status")).toString();
        counts.active += status == QLatin1String("ACTIVE");
        counts.paused += status == QLatin1String("PAUSED");
        counts.inactive += status == QLatin1String("INACTIVE");
        if (!schedulable(worker))
            return;
        ++counts.schedulable;
        for (const Units& units : unitsOf(worker)) {
            if (key == QLatin1String("slot-type") && units.type != keyValue)
                continue;
            sum(counts.free, counts.freeKnown, units.available);
            sum(counts.limit, counts.limitKnown, units.limit);
        }
    }

    QJsonArray m_rows;
    qint64 m_reference;
};

// Generated workers (every one current era, registered workflows, a dispatcher and two slot types), then
// changed so that every branch of the definitions is taken somewhere.
QJsonArray variedWorkers(QJsonArray rows) {
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject worker = rows.at(i).toObject();
        if (i % 3 == 0)
            worker.remove(QStringLiteral("registeredWorkflows"));
        if (i % 7 == 0)
            worker.remove(QStringLiteral("dispatcherId"));
        if (i % 11 == 0)
            worker.insert(QStringLiteral("slotConfig"), QJsonObject());
        if (i % 13 == 0) {
            QJsonObject config = worker.value(QStringLiteral("slotConfig")).toObject();
            QJsonObject durable = config.value(QStringLiteral("durable")).toObject();
            durable.remove(QStringLiteral("available"));
            config.insert(QStringLiteral("durable"), durable);
            worker.insert(QStringLiteral("slotConfig"), config);
        }
        if (i % 17 == 0) { // ACTIVE, silent exactly 5 s
            worker.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
            worker.insert(QStringLiteral("lastHeartbeatAt"), QStringLiteral("2026-11-29T13:00:00Z"));
        }
        if (i % 19 == 0)
            worker.insert(QStringLiteral("status"), QStringLiteral("DRAINING"));
        if (i % 23 == 0) { // old era
            worker.remove(QStringLiteral("slotConfig"));
            worker.insert(QStringLiteral("maxRuns"), i % 2 ? 0 : 6);
            if (i % 3)
                worker.insert(QStringLiteral("availableRuns"), 2);
        }
        if (i % 29 == 0) {
            QJsonArray labels = worker.value(QStringLiteral("labels")).toArray();
            QJsonObject first = labels.at(0).toObject();
            first.remove(QStringLiteral("value"));
            labels.replace(0, first);
            worker.insert(QStringLiteral("labels"), labels);
        }
        if (i % 31 == 0)
            worker.remove(QStringLiteral("runtimeInfo"));
        if (i % 37 == 0)
            worker.insert(QStringLiteral("actions"), QJsonValue::Null);
        if (i % 41 == 0 || i % 43 == 0) {
            QJsonArray actions = worker.value(QStringLiteral("actions")).toArray();
            actions.append(i % 41 == 0 ? actions.at(0).toString() : QStringLiteral("ünïcode:😀"));
            actions.append(QStringLiteral("Ａ:wide"));
            worker.insert(QStringLiteral("actions"), actions);
        }
        rows.replace(i, worker);
    }
    return rows;
}

} // namespace

class TestFleet : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void byKey_data();
    void byKey();
    void headerOnly_data();
    void headerOnly();
    void unknownKey_data();
    void unknownKey();
    void refused_data();
    void refused();
    void unreadableSource();
    void filterAndReferenceTime_data();
    void filterAndReferenceTime();
    void pivotsAgreeWithPivot();
    void repeatedValuesCountOnce();
    void livenessReasons();
    void rowProblems();
    void generatedAgainstIndependentCount();
};

// Every key on the fixtures; the expected files were worked out by hand from the fixtures.
void TestFleet::byKey_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("expected");
    for (const char* key : {"action", "workflow", "label", "slot-type", "sdk", "status", "dispatcher"}) {
        QTest::addRow("current %s", key)
            << fixture("fleet-current.json") << QString::fromLatin1(key) << CurrentAt
            << QStringLiteral("fleet-current-%1.txt").arg(QLatin1String(key));
    }
    for (const char* key : {"action", "slot-type", "sdk"}) {
        QTest::addRow("legacy %s", key)
            << fixture("fleet-legacy.json") << QString::fromLatin1(key) << LegacyAt
            << QStringLiteral("fleet-legacy-%1.txt").arg(QLatin1String(key));
    }
}

void TestFleet::byKey() {
    QFETCH(QString, source);
    QFETCH(QString, key);
    QFETCH(QString, at);
    QFETCH(QString, expected);
    const Run run = inspector({QStringLiteral("--by"), key, QStringLiteral("--at"), at, source});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(linesOf(run.out), testutil::expectedLines(expected));
}

void TestFleet::headerOnly_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("empty list") << QStringList{QStringLiteral("--by"), QStringLiteral("action"),
                                               fixture("fleet-empty.json")};
    QTest::newRow("nothing matches") << QStringList{
        QStringLiteral("--by"), QStringLiteral("status"), QStringLiteral("--filter"),
        QStringLiteral("status:=GONE"), fixture("fleet-current.json")};
    QTest::newRow("no labels") << QStringList{QStringLiteral("--by"), QStringLiteral("label"),
                                              fixture("fleet-legacy.json")};
}

void TestFleet::headerOnly() {
    QFETCH(QStringList, arguments);
    const Run run = inspector(arguments);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, Header + QLatin1Char('\n'));
}

void TestFleet::unknownKey_data() {
    QTest::addColumn<QString>("key");
    QTest::newRow("misspelt") << QStringLiteral("actions");
    QTest::newRow("case") << QStringLiteral("Action");
    QTest::newRow("empty") << QString();
    QTest::newRow("filter field") << QStringLiteral("name");
}

void TestFleet::unknownKey() {
    QFETCH(QString, key);
    const Run run = inspector({QStringLiteral("--by"), key, fixture("fleet-current.json")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err, QStringLiteral("hatchet-inspector: --by: unknown key '%1'; accepted: action, workflow, "
                                     "label, slot-type, sdk, status, dispatcher\n")
                          .arg(key));
}

void TestFleet::refused_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString source = fixture("fleet-current.json");
    const QString by = QStringLiteral("--by");
    const QString action = QStringLiteral("action");
    QTest::newRow("--list") << QStringList{by, action, QStringLiteral("--list"), source}
                            << QStringLiteral("--list and --by both write to standard output");
    QTest::newRow("--check") << QStringList{by, action, QStringLiteral("--check"), source}
                             << QStringLiteral("--check and --by both write to standard output");
    QTest::newRow("--export -") << QStringList{by, action, QStringLiteral("--export"), QStringLiteral("-"),
                                               source}
                                << QStringLiteral("--by and --export - both write to standard output");
    QTest::newRow("no source")
        << QStringList{by, action}
        << QStringLiteral("--check, --list, --by, --place and --export need a SOURCE (or --connect)");
    QTest::newRow("two sources") << QStringList{by, action, source, source}
                                 << QStringLiteral(
                                        "expected one SOURCE for --by, --place and --export, got 2");
    QTest::newRow("bad --at") << QStringList{by, action, QStringLiteral("--at"), QStringLiteral("soon"),
                                             source}
                              << QStringLiteral(
                                     "--at: 'soon' is not capture, now or an ISO 8601 time such as "
                                     "2026-11-29T13:00:05Z");
    QTest::newRow("bad --filter") << QStringList{by, action, QStringLiteral("--filter"),
                                                 QStringLiteral("schedulable:maybe"), source}
                                  << QStringLiteral(
                                         "--filter: column 13: unknown value 'maybe' for schedulable; "
                                         "known: yes, no");
}

void TestFleet::refused() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = inspector(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err, QStringLiteral("hatchet-inspector: ") + message + QLatin1Char('\n'));
}

void TestFleet::unreadableSource() {
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"rows\": [");
    file.close();
    for (const QString& source : {missing, broken}) {
        const Run run = inspector({QStringLiteral("--by"), QStringLiteral("status"), source});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.startsWith(source), qPrintable(run.err));
    }
}

// --filter picks the workers counted; --at decides which are schedulable. stale-active heartbeated at
// 13:00:00Z: schedulable before 13:00:05Z only. Without --at the capture time counts: the file's own time
// contradicts the data, so it is the earliest instant the data allows, the last heartbeat (13:00:04.5Z).
void TestFleet::filterAndReferenceTime_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("expected");
    const auto at = [](const char* time) {
        return QStringList{QStringLiteral("--at"), QString::fromLatin1(time)};
    };
    const auto filter = [](const char* query) {
        return QStringList{QStringLiteral("--filter"), QString::fromUtf8(query), QStringLiteral("--at"),
                           QStringLiteral("2026-11-29T13:00:05Z")};
    };
    QTest::newRow("at 13:00:05") << at("2026-11-29T13:00:05Z") << QStringLiteral("status")
                                 << testutil::expectedLines(QStringLiteral("fleet-current-status.txt"));
    const QStringList others = testutil::lines(
        {"DRAINING\t1\t0\t0\t0\t0\t0\t0", "INACTIVE\t1\t0\t0\t1\t0\t0\t0", "PAUSED\t1\t0\t1\t0\t0\t0\t0"});
    QTest::newRow("at 13:00:04.999") << at("2026-11-29T13:00:04.999Z") << QStringLiteral("status")
                                     << QStringList{Header, QStringLiteral("ACTIVE\t5\t5\t0\t0\t3\t?\t16")} +
                                            others;
    QTest::newRow("capture") << QStringList() << QStringLiteral("status")
                             << QStringList{Header, QStringLiteral("ACTIVE\t5\t5\t0\t0\t3\t?\t16")} + others;
    QTest::newRow("now") << at("now") << QStringLiteral("status")
                         << QStringList{Header, QStringLiteral("ACTIVE\t5\t5\t0\t0\t0\t0\t0")} + others;
    QTest::newRow("at with offset") << at("2026-11-29T14:00:04+01:00") << QStringLiteral("dispatcher")
                                    << QStringList{Header} + testutil::lines({"d-1\t4\t3\t0\t1\t2\t?\t11",
                                                                              "d-2\t2\t1\t1\t0\t1\t5\t5",
                                                                              "d-3\t1\t0\t0\t0\t0\t0\t0",
                                                                              "none\t1\t1\t0\t0\t0\t0\t0"});
    QTest::newRow("filter label") << filter("label:gpu=a100") << QStringLiteral("action")
                                  << QStringList{Header} +
                                         testutil::lines({"etl:extract\t1\t1\t0\t0\t1\t3\t7",
                                                          "etl:load\t2\t1\t1\t0\t1\t3\t7"});
    QTest::newRow("filter exact action")
        << filter("action:=etl:load") << QStringLiteral("slot-type")
        << QStringList{Header} +
               testutil::lines({"default\t4\t3\t1\t0\t1\t2\t5", "durable\t1\t1\t0\t0\t1\t1\t2"});
    QTest::newRow("filter schedulable")
        << filter("schedulable:yes") << QStringLiteral("label")
        << QStringList{Header} + testutil::lines({"gpu\t1\t1\t0\t0\t1\t?\t4", "gpu=a100\t1\t1\t0\t0\t1\t3\t7",
                                                  "region=eu\t1\t1\t0\t0\t1\t3\t7"});
}

void TestFleet::filterAndReferenceTime() {
    QFETCH(QStringList, options);
    QFETCH(QString, key);
    QFETCH(QStringList, expected);
    const Run run =
        inspector(options + QStringList{QStringLiteral("--by"), key, fixture("fleet-current.json")});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(linesOf(run.out), expected);
}

// The Fleet view builds every pivot at once: the same rows as one pivot at a time.
void TestFleet::pivotsAgreeWithPivot() {
    const auto snapshot = testutil::loadFixture(QStringLiteral("fleet-current.json"));
    std::vector<std::size_t> workers(snapshot->workers.size());
    for (std::size_t i = 0; i < workers.size(); ++i)
        workers[i] = i;
    const qint64 reference =
        testutil::captureTimeFor(QStringLiteral("fleet-current.json")).toMSecsSinceEpoch();
    const auto all = analysis::pivots(*snapshot, workers, reference);
    for (int key = 0; key < analysis::PivotKeyCount; ++key) {
        const auto one = analysis::pivot(*snapshot, workers, analysis::PivotKey(key), reference);
        QCOMPARE(all[std::size_t(key)].size(), one.size());
        for (std::size_t row = 0; row < one.size(); ++row) {
            QCOMPARE(all[std::size_t(key)][row].key, one[row].key);
            QCOMPARE(all[std::size_t(key)][row].workerIndexes, one[row].workerIndexes);
            QCOMPARE(all[std::size_t(key)][row].free, one[row].free);
        }
    }
    const auto action = analysis::pivot(*snapshot, {0, 2}, analysis::PivotKey::Action, reference);
    QCOMPARE(action.size(), std::size_t(2));
    QCOMPARE(action[1].key, QStringLiteral("etl:load"));
    QCOMPARE(action[1].workerIndexes, (std::vector<std::size_t>{0, 2}));
    // Without a reference time the status stands in for the heartbeat's age.
    const auto status = analysis::pivot(*snapshot, workers, analysis::PivotKey::Status, std::nullopt);
    QCOMPARE(status.front().key, QStringLiteral("ACTIVE"));
    QCOMPARE(status.front().schedulable, 3);
}

// A worker carrying a value twice (an action, the workflow part of two actions, a label) counts once in its
// row, in one pivot or all at once.
void TestFleet::repeatedValuesCountOnce() {
    SNAPSHOT_OK(snapshot, QByteArray(R"([
        {"name": "w0", "status": "ACTIVE", "actions": ["a:x", "a:x", "a:y"],
         "labels": [{"key": "k", "value": "v"}, {"key": "k", "value": "v"}]},
        {"name": "w1", "status": "PAUSED", "actions": ["a:x"]}])"));
    const std::vector<std::size_t> workers = {0, 1};
    const auto all = analysis::pivots(*snapshot, workers, std::nullopt);
    const auto rows = [&](analysis::PivotKey key) {
        QStringList lines;
        for (const auto& one :
             {analysis::pivot(*snapshot, workers, key, std::nullopt), all[std::size_t(key)]}) {
            for (const analysis::PivotRow& row : one) {
                QStringList indexes;
                for (const std::size_t i : row.workerIndexes)
                    indexes << QString::number(i);
                lines << QStringLiteral("%1 %2 active %3 paused %4 [%5]")
                             .arg(row.key)
                             .arg(row.workers)
                             .arg(row.active)
                             .arg(row.paused)
                             .arg(indexes.join(QLatin1Char(',')));
            }
        }
        return lines;
    };
    QCOMPARE(rows(analysis::PivotKey::Action), (QStringList{QStringLiteral("a:x 2 active 1 paused 1 [0,1]"),
                                                            QStringLiteral("a:y 1 active 1 paused 0 [0]"),
                                                            QStringLiteral("a:x 2 active 1 paused 1 [0,1]"),
                                                            QStringLiteral("a:y 1 active 1 paused 0 [0]")}));
    QCOMPARE(rows(analysis::PivotKey::Workflow),
             (QStringList{QStringLiteral("a 2 active 1 paused 1 [0,1]"),
                          QStringLiteral("a 2 active 1 paused 1 [0,1]")}));
    QCOMPARE(rows(analysis::PivotKey::Label), (QStringList{QStringLiteral("k=v 1 active 1 paused 0 [0]"),
                                                           QStringLiteral("k=v 1 active 1 paused 0 [0]")}));
}

void TestFleet::livenessReasons() {
    const auto snapshot = testutil::loadFixture(QStringLiteral("fleet-current.json"));
    const qint64 reference =
        testutil::captureTimeFor(QStringLiteral("fleet-current.json")).toMSecsSinceEpoch();
    QStringList reasons;
    for (std::size_t i = 0; i < snapshot->workers.size(); ++i) {
        const auto worker = snapshot->worker(i);
        const analysis::Liveness liveness = analysis::liveness(worker, reference);
        QCOMPARE(liveness.schedulable(), analysis::isSchedulable(worker, reference));
        reasons << worker.name() + QStringLiteral(": ") + liveness.reasons.join(QStringLiteral(", "));
    }
    QCOMPARE(reasons, testutil::lines({"etl-1: ", "etl-2: ", "paused-1: status PAUSED",
                                       "stale-active: heartbeat 5 s old", "no-dispatcher: no dispatcher",
                                       "empty-slots: no slot types", "draining: status DRAINING",
                                       "inactive: status INACTIVE, heartbeat 1 min 5 s old"}));
}

void TestFleet::rowProblems() {
    analysis::PivotRow row;
    row.key = QStringLiteral("etl:load");
    row.workers = 3;
    QCOMPARE(analysis::pivotRowProblem(analysis::PivotKey::Action, row),
             QStringLiteral("no live worker registers etl:load"));
    row.schedulable = 1;
    row.free = 0;
    QCOMPARE(analysis::pivotRowProblem(analysis::PivotKey::Action, row),
             QStringLiteral("its only live worker is full"));
    row.schedulable = 4;
    QCOMPARE(analysis::pivotRowProblem(analysis::PivotKey::SlotType, row),
             QStringLiteral("all 4 live workers full"));
    row.free = std::nullopt; // unknown: not said to be full
    QCOMPARE(analysis::pivotRowProblem(analysis::PivotKey::Label, row), QString());
    row.free = 2;
    QCOMPARE(analysis::pivotRowProblem(analysis::PivotKey::Workflow, row), QString());
    row.schedulable = 0;
    QCOMPARE(analysis::pivotRowProblem(analysis::PivotKey::Status, row), QString());
}

void TestFleet::generatedAgainstIndependentCount() {
    QTemporaryDir dir;
    const QString generated = dir.filePath(QStringLiteral("generated.json"));
    // More workers than one part of pivot() (1024), so the parts' counts are merged.
    QCOMPARE(QProcess::execute(QStringLiteral(HWI_GENERATOR), {QStringLiteral("2600"), generated}), 0);
    QFile in(generated);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject list = QJsonDocument::fromJson(in.readAll()).object();
    const QJsonArray rows = variedWorkers(list.value(QStringLiteral("rows")).toArray());
    QCOMPARE(rows.size(), 2600);
    list.insert(QStringLiteral("rows"), rows);
    const QString varied = dir.filePath(QStringLiteral("varied.json"));
    QFile out(varied);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(list).toJson());
    out.close();

    const QDateTime reference = QDateTime::fromString(CurrentAt, Qt::ISODate);
    const IndependentPivot independent(rows, reference.toMSecsSinceEpoch());
    bool someUnknown = false;
    bool somePartlySchedulable = false;
    for (const QString& key : analysis::pivotKeyIds()) {
        const Run run = inspector({QStringLiteral("--by"), key, QStringLiteral("--at"), CurrentAt, varied});
        QCOMPARE(run.exitCode, 0);
        const QStringList expected = independent.lines(key);
        QVERIFY2(expected.size() > 2, qPrintable(key));
        QCOMPARE(linesOf(run.out), expected);
        for (const QString& line : expected.mid(1)) {
            const QStringList cells = line.split(QLatin1Char('\t'));
            someUnknown = someUnknown || cells.at(6) == QLatin1String("?");
            somePartlySchedulable =
                somePartlySchedulable || (cells.at(5).toInt() > 0 && cells.at(5) != cells.at(1));
        }
    }
    QVERIFY(someUnknown);
    QVERIFY(somePartlySchedulable);

    // The merged parts list each row's workers as the one pass of pivots() does: all, in order.
    const auto snapshot = testutil::snapshotOf(QJsonDocument(list).toJson(), reference);
    std::vector<std::size_t> workers(snapshot->workers.size());
    for (std::size_t i = 0; i < workers.size(); ++i)
        workers[i] = i;
    const auto pivots = analysis::pivots(*snapshot, workers, reference.toMSecsSinceEpoch());
    for (int key = 0; key < analysis::PivotKeyCount; ++key) {
        const auto one =
            analysis::pivot(*snapshot, workers, analysis::PivotKey(key), reference.toMSecsSinceEpoch());
        QCOMPARE(one.size(), pivots[std::size_t(key)].size());
        for (std::size_t row = 0; row < one.size(); ++row)
            QCOMPARE(one[row].workerIndexes, pivots[std::size_t(key)][row].workerIndexes);
    }

    // schedulable:yes keeps exactly the workers the pivots count as schedulable.
    const Run run = inspector({QStringLiteral("--by"), QStringLiteral("status"), QStringLiteral("--filter"),
                               QStringLiteral("schedulable:yes"), QStringLiteral("--at"), CurrentAt, varied});
    const QStringList all = independent.lines(QStringLiteral("status"));
    const QString active = all.filter(QRegularExpression(QStringLiteral("^ACTIVE\t"))).value(0);
    const QStringList cells = active.split(QLatin1Char('\t'));
    QCOMPARE(linesOf(run.out), (QStringList{Header, QStringLiteral("ACTIVE\t%1\t%1\t0\t0\t%1\t%2\t%3")
                                                        .arg(cells.at(5), cells.at(6), cells.at(7))}));
}

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
