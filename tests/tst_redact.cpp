// Redacted exports: nothing that had to go survives, everything else reads back the same (problems, health,
// pivots, placement), pseudonyms follow the key, and --export --redact writes what the analysis gives.
#include "analysis/fleet.h"
#include "analysis/placement.h"
#include "analysis/redact.h"
#include "export/workerexport.h"
#include "hatchet/health.h"
#include "testutil.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <set>

using namespace hwi;
using analysis::RedactOptions;

namespace {

std::vector<std::size_t> allWorkers(const hatchet::Snapshot& snapshot) {
    std::vector<std::size_t> indexes(snapshot.workers.size());
    for (std::size_t i = 0; i < indexes.size(); ++i)
        indexes[i] = i;
    return indexes;
}

QByteArray redacted(const hatchet::Snapshot& snapshot, const RedactOptions& options) {
    const auto replacements = analysis::redact(snapshot, allWorkers(snapshot), options);
    return exporting::exportWorkers(snapshot, allWorkers(snapshot), exporting::Style::Pretty, &replacements);
}

RedactOptions everything(const QByteArray& key = {}) {
    return {true, true, true, key};
}

// What had to go from one worker, found through the typed view (not the redactor's walk).
QStringList secretsOf(const hatchet::WorkerView& worker, const RedactOptions& options) {
    QStringList out{worker.id(),         worker.dispatcherId(),   worker.webhookId(),
                    worker.webhookUrl(), worker.runtimeInfo().os, worker.runtimeInfo().runtimeExtra,
                    worker.metadata().id};
    for (const auto& slot : worker.slots())
        out << slot.stepRunId << slot.workflowRunId;
    for (const auto& run : worker.recentStepRuns())
        out << run.metadata.id << run.workflowRunId;
    for (const auto& workflow : worker.registeredWorkflows())
        out << workflow.id;
    for (const auto& label : worker.labels())
        out << label.metadata.id;
    if (options.names)
        out << worker.name();
    if (options.labels) {
        for (const auto& label : worker.labels())
            out << label.value;
    }
    if (options.actions) {
        for (const QString& action : worker.actions())
            out << action << action.section(QLatin1Char(':'), 0, 0) + QLatin1Char(':');
        for (const auto& workflow : worker.registeredWorkflows())
            out << workflow.name;
    }
    out.removeAll(QString());
    out.removeAll(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    return out;
}

// Every string value of the document (unescaped; keys are structure, and a label value may well equal a
// key such as "default"), and the part before the first ':' of each.
struct Strings {
    std::set<QString> whole;
    std::set<QString> prefixes;
};

Strings stringsOf(const json::Document& document) {
    Strings strings;
    for (json::NodeId id = 0; id < document.nodeCount(); ++id) {
        if (document.kind(id) != json::Kind::String)
            continue;
        const QString text = document.text(id);
        strings.whole.insert(text);
        if (text.contains(QLatin1Char(':')))
            strings.prefixes.insert(text.section(QLatin1Char(':'), 0, 0) + QLatin1Char(':'));
    }
    return strings;
}

// The secrets still found in the output: as a whole string, or (a workflow name with its ':') as the start
// of one.
QStringList leaks(const hatchet::Snapshot& original, const json::Document& output,
                  const RedactOptions& options) {
    const Strings strings = stringsOf(output);
    std::set<QString> found;
    for (std::size_t i = 0; i < original.workers.size(); ++i) {
        for (const QString& secret : secretsOf(original.worker(i), options)) {
            if (strings.whole.count(secret) || strings.prefixes.count(secret))
                found.insert(secret);
        }
    }
    return {found.begin(), found.end()};
}

const QRegularExpression& uuidPattern() {
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));
    return uuid;
}

std::set<QString> uuidsIn(const QByteArray& text) {
    std::set<QString> ids;
    for (auto it = uuidPattern().globalMatch(QString::fromUtf8(text)); it.hasNext();)
        ids.insert(it.next().captured().toLower());
    return ids;
}

// Every UUID anywhere in the original workers' text (inside longer strings, in fields the view does not
// know) except the zero UUID that is still anywhere in the output.
QStringList uuidLeaks(const hatchet::Snapshot& original, const QByteArray& output) {
    std::set<QString> before;
    for (const json::NodeId worker : original.workers)
        before.merge(uuidsIn(exporting::toJson(*original.document, worker, exporting::Style::Compact)));
    before.erase(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    QStringList found;
    for (const QString& id : uuidsIn(output)) {
        if (before.count(id))
            found << id;
    }
    return found;
}

std::vector<std::pair<int, QString>> problemSites(const hatchet::Snapshot& snapshot) {
    std::vector<std::pair<int, QString>> sites;
    for (const auto& problem : snapshot.problems)
        sites.emplace_back(int(problem.severity), problem.pointer);
    std::sort(sites.begin(), sites.end());
    return sites;
}

// Everything that must read back the same, as text lines: health, pivot counts (keys where not redacted),
// the default task's placement verdicts.
QStringList readings(const hatchet::Snapshot& snapshot, const RedactOptions& options) {
    QStringList out;
    const auto workers = allWorkers(snapshot);
    const QDateTime reference = snapshot.captureTime;
    for (std::size_t i = 0; i < workers.size(); ++i) {
        const auto health = hatchet::assessHealth(snapshot.worker(i), reference);
        out << QStringLiteral("health %1 %2").arg(i).arg(health.id());
    }
    const auto referenceMsecs =
        reference.isValid() ? std::optional(reference.toMSecsSinceEpoch()) : std::nullopt;
    const auto pivots = analysis::pivots(snapshot, workers, referenceMsecs);
    for (int key = 0; key < analysis::PivotKeyCount; ++key) {
        const auto pivotKey = analysis::PivotKey(key);
        const bool keyRedacted = pivotKey == analysis::PivotKey::Dispatcher ||
                                 (options.labels && pivotKey == analysis::PivotKey::Label) ||
                                 (options.actions && (pivotKey == analysis::PivotKey::Action ||
                                                      pivotKey == analysis::PivotKey::Workflow));
        QStringList rows;
        for (const auto& row : pivots[key]) {
            const QString name = keyRedacted && row.key != QLatin1String("none") ? QString() : row.key;
            rows << QStringLiteral("%1 %2/%3/%4/%5 sched %6 free %7 limit %8")
                        .arg(name)
                        .arg(row.workers)
                        .arg(row.active)
                        .arg(row.paused)
                        .arg(row.inactive)
                        .arg(row.schedulable)
                        .arg(row.free ? QString::number(*row.free) : QStringLiteral("?"))
                        .arg(row.limit ? QString::number(*row.limit) : QStringLiteral("?"));
        }
        rows.sort();
        for (const QString& row : rows)
            out << analysis::pivotKeyId(pivotKey) + QLatin1Char(' ') + row;
    }
    const auto placement = analysis::place(analysis::Task(), snapshot, workers, referenceMsecs);
    for (const auto& worker : placement.workers)
        out << QStringLiteral("place %1 %2 rank %3")
                   .arg(worker.worker)
                   .arg(analysis::verdictId(worker.verdict))
                   .arg(worker.rank);
    out << QStringLiteral("outcome %1 top %2").arg(int(placement.outcome)).arg(placement.topGroup.size());
    return out;
}

QStringList fixtureNames() {
    QStringList names = QDir(QStringLiteral(HWI_FIXTURES)).entryList({QStringLiteral("*.json")}, QDir::Files);
    return names;
}

QString workerId(const QByteArray& json, int index) {
    QString why;
    const auto snapshot = testutil::parseSnapshot(json, why);
    return snapshot ? snapshot->worker(index).id() : why;
}

} // namespace

class TestRedact : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pseudonyms();
    void categoryList();
    void scanFindsNothing_data();
    void scanFindsNothing();
    void generatedFleet();
    void keyDecidesPseudonyms();
    void legacyRunIdsStayEqual();
    void actionsStillMatchWorkflows();
    void keptExactly();
    void commandLine();
    void commandLineErrors();
};

void TestRedact::pseudonyms() {
    const QByteArray key("k");
    const QString id = QStringLiteral("f3c7e2a0-9d5a-4b8c-9e43-7a0b2c6d5e4f");
    const QString pseudonym = analysis::pseudonymUuid(key, id);
    QVERIFY(analysis::looksLikeUuid(pseudonym.toStdString()));
    QCOMPARE(pseudonym.at(14), QLatin1Char('4'));
    QCOMPARE(analysis::pseudonymUuid(key, id.toUpper()), pseudonym);
    QVERIFY(analysis::pseudonymUuid("other", id) != pseudonym);
    QVERIFY(!analysis::looksLikeUuid("f3c7e2a0-9d5a-4b8c-9e43-7a0b2c6d5e4"));
    QVERIFY(!analysis::looksLikeUuid("f3c7e2a0x9d5a-4b8c-9e43-7a0b2c6d5e4f"));
}

void TestRedact::categoryList() {
    QString problem;
    auto options = analysis::redactOptionsFromList(QStringLiteral("names,actions"), &problem);
    QVERIFY(options);
    QVERIFY(options->names && options->actions && !options->labels);
    options = analysis::redactOptionsFromList(QStringLiteral("all"), &problem);
    QVERIFY(options && options->names && options->labels && options->actions);
    QVERIFY(!analysis::redactOptionsFromList(QStringLiteral("names,hosts"), &problem));
    QCOMPARE(problem, QStringLiteral("hosts"));
}

void TestRedact::scanFindsNothing_data() {
    QTest::addColumn<QString>("path");
    for (const QString& name : fixtureNames())
        QTest::newRow(qPrintable(name)) << QStringLiteral(HWI_FIXTURES "/") + name;
    QTest::newRow("sample") << QStringLiteral(HWI_SAMPLE);
}

void TestRedact::scanFindsNothing() {
    QFETCH(QString, path);
    QString why;
    const auto original = testutil::parseSnapshot(testutil::readFile(path), why);
    if (!original)
        QSKIP(qPrintable(QStringLiteral("not JSON: ") + why));
    for (const RedactOptions& options : {RedactOptions(), everything()}) {
        const QByteArray output = redacted(*original, options);
        SNAPSHOT_OK(copy, output);
        const QStringList leaked = leaks(*original, *copy->document, options);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QLatin1Char('|'))));
        const QStringList leakedIds = uuidLeaks(*original, output);
        QVERIFY2(leakedIds.isEmpty(), qPrintable(leakedIds.join(QLatin1Char('|'))));
        QCOMPARE(copy->workers.size(), original->workers.size());
        if (original->shape != hatchet::Shape::PlainJson) // holds no workers: exported as []
            QCOMPARE(copy->shape, original->shape);
        const auto before = problemSites(*original);
        for (const auto& site : problemSites(*copy))
            QVERIFY2(std::binary_search(before.begin(), before.end(), site), qPrintable(site.second));
        QCOMPARE(readings(*copy, options), readings(*original, options));
    }
}

// 2,500 workers draw every kind the generator makes many times over (its rarest, one in fifty, 50 times);
// 10,000 made this the suite's longest test by far (50 s under the sanitizers) and found nothing more.
void TestRedact::generatedFleet() {
    QTemporaryDir dir;
    const QString generated = dir.filePath(QStringLiteral("generated.json"));
    QCOMPARE(QProcess::execute(QStringLiteral(HWI_GENERATOR), {QStringLiteral("2500"), generated}), 0);
    SNAPSHOT_OK(original, testutil::readFile(generated));
    QCOMPARE(original->workers.size(), std::size_t(2500));
    const RedactOptions options = everything("fleet");
    const QByteArray output = redacted(*original, options);
    SNAPSHOT_OK(copy, output);
    const QStringList leaked = leaks(*original, *copy->document, options);
    QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QLatin1Char('|'))));
    const QStringList leakedIds = uuidLeaks(*original, output);
    QVERIFY2(leakedIds.isEmpty(), qPrintable(leakedIds.join(QLatin1Char('|'))));
    QCOMPARE(problemSites(*copy), problemSites(*original));
    QCOMPARE(readings(*copy, options), readings(*original, options));
}

void TestRedact::keyDecidesPseudonyms() {
    SNAPSHOT_OK(original, testutil::fixture("list-current.json"));
    const QByteArray a = redacted(*original, {false, false, false, "one"});
    QCOMPARE(redacted(*original, {false, false, false, "one"}), a);
    const QByteArray b = redacted(*original, {false, false, false, "two"});
    QVERIFY(workerId(a, 0) != workerId(b, 0));
    QCOMPARE(workerId(a, 0), analysis::pseudonymUuid("one", original->worker(0).id()));
    // Without a key, each export draws its own.
    QVERIFY(workerId(redacted(*original, {}), 0) != workerId(redacted(*original, {}), 0));
}

void TestRedact::legacyRunIdsStayEqual() {
    SNAPSHOT_OK(original, testutil::fixture("worker-get-legacy.json"));
    SNAPSHOT_OK(copy, redacted(*original, everything()));
    const auto before = original->worker(0).slots();
    const auto after = copy->worker(0).slots();
    QCOMPARE(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].stepRunId == after[i].workflowRunId,
                 before[i].stepRunId == before[i].workflowRunId);
        QCOMPARE(after[i].isFreePadding(), before[i].isFreePadding());
        QVERIFY(after[i].stepRunId != before[i].stepRunId || hatchet::isZeroUuid(before[i].stepRunId));
    }
}

void TestRedact::actionsStillMatchWorkflows() {
    SNAPSHOT_OK(original, testutil::fixture("worker-get-legacy.json"));
    SNAPSHOT_OK(copy, redacted(*original, everything()));
    const auto worker = copy->worker(0);
    QCOMPARE(worker.actions(),
             QStringList({QStringLiteral("workflow-1:task-1"), QStringLiteral("workflow-1:task-2")}));
    QCOMPARE(worker.registeredWorkflows().front().name, QStringLiteral("workflow-1"));
    QCOMPARE(worker.slots().front().actionId, QStringLiteral("workflow-1:task-2"));
    QCOMPARE(worker.name(), QStringLiteral("worker-1"));
    QCOMPARE(worker.runtimeInfo().os, QStringLiteral("redacted"));
    QCOMPARE(worker.runtimeInfo().runtimeExtra, QString()); // empty strings stay empty
    QCOMPARE(worker.runtimeInfo().sdkVersion, QStringLiteral("v0.55.1"));
}

void TestRedact::keptExactly() {
    // Without categories only the ids, URLs and runtime strings change: the rest of the bytes are the same.
    SNAPSHOT_OK(original, testutil::fixture("webhook-legacy.json"));
    const QByteArray plain =
        exporting::exportWorkers(*original, allWorkers(*original), exporting::Style::Pretty);
    const QByteArray output = redacted(*original, {false, false, false, "k"});
    QCOMPARE(output.count('\n'), plain.count('\n'));
    const auto before = plain.split('\n');
    const auto after = output.split('\n');
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (before[i] == after[i])
            continue;
        const QByteArray key = before[i].trimmed().split(':').value(0);
        QVERIFY2(key.endsWith("Id\"") || key == "\"id\"" || key == "\"webhookUrl\"" || key == "\"os\"" ||
                     key == "\"runtimeExtra\"",
                 before[i].constData());
        QCOMPARE(after[i].trimmed().split(':').value(0), key);
    }
    QVERIFY(output.contains("\"webhookUrl\": \"https://redacted.invalid/1\""));
}

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The inspector's run with the arguments, `input` on its standard input.
Run inspector(const QStringList& arguments, const QByteArray& input = {}) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(HWI_INSPECTOR), arguments);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

void TestRedact::commandLine() {
    const QString source = QStringLiteral(HWI_FIXTURES "/list-current.json");
    SNAPSHOT_OK(original, testutil::readFile(source));
    const Run run =
        inspector({QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--redact=names,labels"),
                   QStringLiteral("--redact-key"), QStringLiteral("k"), source});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, redacted(*original, {true, true, false, "k"}));
    // --redact is a flag: `-` after it is the SOURCE, not a category list.
    const Run flag = inspector({QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--redact"),
                                QStringLiteral("--redact-key"), QStringLiteral("k"), source});
    QCOMPARE(flag.exitCode, 0);
    QCOMPARE(flag.out, redacted(*original, {false, false, false, "k"}));
    // The pipe: `hatchet worker list -o json | hatchet-inspector --export - --redact -`.
    const Run pipe = inspector({QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--redact"),
                                QStringLiteral("--redact-key"), QStringLiteral("k"), QStringLiteral("-")},
                               testutil::readFile(source));
    QCOMPARE(pipe.exitCode, 0);
    QCOMPARE(pipe.out, flag.out);
}

void TestRedact::commandLineErrors() {
    const QString source = QStringLiteral(HWI_FIXTURES "/list-current.json");
    Run run = inspector(
        {QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--redact=hosts"), source});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("unknown category 'hosts'"), run.err.constData());
    run = inspector({QStringLiteral("--list"), QStringLiteral("--redact"), source});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--redact needs --export"), run.err.constData());
    run = inspector({QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--redact-key"),
                     QStringLiteral("k"), source});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--redact-key needs --redact"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
