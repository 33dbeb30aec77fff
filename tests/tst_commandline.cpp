// The hatchet-inspector binary as a command-line tool: --check, --list, exit codes and what it prints.
#include "filter/query.h"
#include "filter/workerindex.h"
#include "itemmodels/workertablemodel.h"
#include "itemmodeltestutil.h"

#include "inspectorprocess.h"
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <unistd.h>

namespace {

QString fixturePath(const char* name) {
    return QStringLiteral(HWI_FIXTURES "/") + QString::fromUtf8(name);
}

using Run = testutil::InspectorRun;
using testutil::headless;

Run inspector(const QStringList& arguments, const QByteArray& input = {}) {
    return testutil::runInspector(arguments, input);
}

#define RUN(run, ...)                                                                                        \
    const Run run = inspector(__VA_ARGS__);                                                                  \
    QVERIFY2(run.finished, "hatchet-inspector did not finish normally")

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Root reads files whatever their permissions say.
bool permissionsAreEnforced() {
    return ::geteuid() != 0;
}

QByteArray joinLines(std::initializer_list<const char*> lines) {
    QByteArray out;
    for (const char* line : lines)
        out += QByteArray(line) + '\n';
    return out;
}

} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void exitCodes_data();
    void exitCodes();
    void checkInvalidTypes();
    void checkWarningsOnly();
    void checkPlainJsonNote();
    void listCurrent();
    void listLegacy();
    void listSample();
    void listOtherShapes();
    void listCells();
    void sourceForms_data();
    void sourceForms();
    void unreadable_data();
    void unreadable();
    void malformed_data();
    void malformed();
    void version();
    void help();
    void usageErrors_data();
    void usageErrors();
    void filterList_data();
    void filterList();
    void filterErrors_data();
    void filterErrors();
    void copiedFileFiltersAsTheOriginal();
    void atNowAndAtTime_data();
    void atNowAndAtTime();
    void atMalformed();
    void exportRoundTrip();
    void exportFiltered();
    void exportCompactToStdout();
    void exportUnwritable();
    void listColumns();
    void listColumnsErrors_data();
    void listColumnsErrors();
    void healthAgreesEverywhere();

private:
    // A copy of a fixture whose file time is its capture time (tests/fixtures/README.md), so the reference
    // time is the same whatever decides it.
    QString copyAtCaptureTime(const QString& path, const QDateTime& capture);
    QTemporaryDir m_dir;
};

void TestCommandLine::initTestCase() {
    QVERIFY(QFileInfo(QStringLiteral(HWI_INSPECTOR)).isExecutable());
    QVERIFY(m_dir.isValid());
}

void TestCommandLine::exitCodes_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");

    const auto check = [](const QString& path) { return QStringList{QStringLiteral("--check"), path}; };
    QTest::newRow("check, errors") << check(fixturePath("invalid-types.json")) << 1;
    QTest::newRow("check, clean list") << check(fixturePath("list-current.json")) << 0;
    QTest::newRow("check, legacy list") << check(fixturePath("list-legacy.json")) << 0;
    QTest::newRow("check, warnings and infos only") << check(fixturePath("tolerant.json")) << 0;
    QTest::newRow("check, PATCH response") << check(fixturePath("worker-patch.json")) << 0;
    QTest::newRow("check, BOM") << check(fixturePath("bom.json")) << 0;
    QTest::newRow("check, sample") << check(QStringLiteral(HWI_SAMPLE)) << 0;
    QTest::newRow("check, missing file") << check(fixturePath("no-such-file.json")) << 2;
    QTest::newRow("check, directory") << check(QStringLiteral(HWI_FIXTURES)) << 2;
    QTest::newRow("list, sample") << QStringList{QStringLiteral("--list"), QStringLiteral(HWI_SAMPLE)} << 0;
    QTest::newRow("list, missing file")
        << QStringList{QStringLiteral("--list"), fixturePath("no-such-file.json")} << 2;
    QTest::newRow("option after source")
        << QStringList{fixturePath("invalid-types.json"), QStringLiteral("--check")} << 1;
}

void TestCommandLine::exitCodes() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    RUN(run, arguments);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
}

void TestCommandLine::checkInvalidTypes() {
    RUN(run, {QStringLiteral("--check"), fixturePath("invalid-types.json")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(
        run.out,
        joinLines({
            "/rows/0/name: error: required field 'name' is missing",
            "/rows/0/actions: error: 'actions' should be an array, found string",
            "/rows/0/type: error: 'type' should be a string (WorkerType), found number",
            "/rows/1/dispatcherId: warning: 'dispatcherId' is not a valid uuid: 'not-a-uuid'",
            "/rows/1/lastHeartbeatAt: warning: 'lastHeartbeatAt' is not an RFC 3339 date-time: '29/11/2026 "
            "13:00:01'",
            "/rows/1/name: warning: duplicate key 'name' (first at line 32, column 15); both are kept",
            "/rows/1/slots/0/stepRunId: error: required field 'stepRunId' is missing",
        }));
    QCOMPARE(run.err, QByteArray());
}

void TestCommandLine::checkWarningsOnly() {
    RUN(run, {QStringLiteral("--check"), fixturePath("tolerant.json")});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.split('\n');
    QVERIFY(
        lines.contains("/futureField: info: unknown field 'futureField' (not in the Worker schema; kept)"));
    QVERIFY(
        lines.contains("/status: warning: unknown WorkerStatus value 'DRAINING' (known: ACTIVE, INACTIVE, "
                       "PAUSED); shown as written"));
    QVERIFY(lines.contains(
        "/runtimeInfo/language: warning: unknown WorkerRuntimeSDKs value 'RUST' (known: GOLANG, "
        "PYTHON, TYPESCRIPT, RUBY); shown as written"));
    QVERIFY2(!run.out.contains(": error: "), run.out.constData());

    // Clean input prints no problem; standard error says so.
    RUN(clean, {QStringLiteral("--check"), fixturePath("list-current.json")});
    QCOMPARE(clean.out, QByteArray());
    QCOMPARE(clean.err, QByteArray("OK: 3 workers, no problems\n"));
}

void TestCommandLine::checkPlainJsonNote() {
    const QString path = fixturePath("not-workers.json");
    RUN(run, {QStringLiteral("--check"), path});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(run.err,
             path.toUtf8() + ": note: a Hatchet API error response (APIErrors): it holds no workers\n");
}

void TestCommandLine::listCurrent() {
    RUN(run, {QStringLiteral("--list"), fixturePath("list-current.json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, joinLines({
                          "ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT",
                          "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b\torder-processor\tACTIVE\tSELFHOSTED\t3/6\t"
                          "2026-11-29T13:00:03.25Z",
                          "a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a5b\treport-builder\tPAUSED\tSELFHOSTED\t0/3\t"
                          "2026-11-29T13:00:02.5Z",
                          "a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a5b\tmailer\tINACTIVE\tMANAGED\t0/4\t",
                      }));
    QCOMPARE(run.err, QByteArray());
}

void TestCommandLine::listLegacy() {
    RUN(run, {QStringLiteral("--list"), fixturePath("list-legacy.json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, joinLines({
                          "ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT",
                          "b2c3d4e5-0001-4f60-9b0c-1d2e3f4a5b6c\ttranscoder-a\tACTIVE\tSELFHOSTED\t2/4\t"
                          "2026-01-15T09:30:02.5Z",
                          "b2c3d4e5-0002-4f60-9b0c-1d2e3f4a5b6c\tjanitor-b\tACTIVE\tSELFHOSTED\t0/2\t"
                          "2026-01-15T09:30:03Z",
                      }));
    QCOMPARE(run.err, QByteArray());
}

void TestCommandLine::listSample() {
    RUN(run, {QStringLiteral("--list"), QStringLiteral(HWI_SAMPLE)});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.endsWith('\n'));
    const QList<QByteArray> lines = run.out.chopped(1).split('\n');
    QCOMPARE(lines.size(), 13);
    QCOMPARE(lines[0], QByteArray("ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT"));
    const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines[i].split('\t');
        QCOMPARE(cells.size(), 6);
        QVERIFY2(uuid.match(QString::fromUtf8(cells[0])).hasMatch(), lines[i].constData());
    }
    // Document order, names as written (unescaped), timestamps as written (listCurrent: none).
    QCOMPARE(lines[1],
             QByteArray("de800464-45f6-4609-acaf-300d76f5af1e\tnotifications-worker\tINACTIVE\tSELFHOSTED"
                        "\t3/5\t2026-11-29T12:59:51.482Z"));
    QCOMPARE(lines[4],
             QByteArray("0b8e90e9-f646-4d5f-9ae8-5d0928398f9f\trender-farm-01\tACTIVE\tSELFHOSTED\t9/10\t"
                        "2026-11-29T13:00:01.987Z"));
    QCOMPARE(lines[6],
             QByteArray("8032c115-fe5d-4a15-b4ae-a2076618ad45\treports & exports\tPAUSED\tSELFHOSTED\t2/4\t"
                        "2026-11-29T13:00:02.299Z"));
    QCOMPARE(lines[7],
             QByteArray("a45fdd67-5221-4b6b-9c98-f8384db77034\tml-inference-gpu\tINACTIVE\tSELFHOSTED\t1/2"
                        "\t2026-11-29T12:59:19.225Z"));
    QCOMPARE(lines[10].split('\t')[1], QByteArray("payments-worker"));
    // No actions and the HTTP operator: the last two rows, created before payments-worker.
    QCOMPARE(lines[11],
             QByteArray("e1f0c3a2-5b7d-4c19-8e26-9a4d3b1f7c58\tbilling-sidecar\tACTIVE\tSELFHOSTED\t0/5\t"
                        "2026-11-29T13:00:02.106Z"));
    QCOMPARE(lines[12],
             QByteArray("f27a9c41-0d3e-4b6a-a815-6c2e9b04d7f3\tinvoice-pdf-operator\tACTIVE\tSELFHOSTED"
                        "\t4/100\t2026-11-29T13:00:02.774Z"));
}

void TestCommandLine::listOtherShapes() {
    RUN(array, {QStringLiteral("--list"), fixturePath("worker-array.json")});
    QCOMPARE(array.exitCode, 0);
    QCOMPARE(array.out, joinLines({
                            "ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT",
                            "c4d5e6f7-0001-4b82-9d2e-3f4a5b6c7d8e\tetl & sync\tACTIVE\tSELFHOSTED\t4/10\t"
                            "2026-11-29T13:00:04.1Z",
                            "c4d5e6f7-0002-4b82-9d2e-3f4a5b6c7d8e\tetl-transform\tINACTIVE\tSELFHOSTED\t0/2\t"
                            "2026-11-29T12:59:20Z",
                        }));

    RUN(single, {QStringLiteral("--list"), fixturePath("worker-get.json")});
    QCOMPARE(single.exitCode, 0);
    QCOMPARE(single.out,
             joinLines({
                 "ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT",
                 "0b8e90e9-f646-4d5f-9ae8-5d0928398f9f\trender-farm-01\tACTIVE\tSELFHOSTED\t9/10\t"
                 "2026-11-29T13:00:01.987Z",
             }));

    // A PATCH response has no slot information: an empty SLOTS cell.
    RUN(patch, {QStringLiteral("--list"), fixturePath("worker-patch.json")});
    QCOMPARE(patch.out, joinLines({
                            "ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT",
                            "0b8e90e9-f646-4d5f-9ae8-5d0928398f9f\trender-farm-01\tPAUSED\tSELFHOSTED\t\t"
                            "2026-11-29T13:00:05.012345Z",
                        }));

    // The zero time is "never": an empty cell. Offsets stay as written.
    RUN(tolerant, {QStringLiteral("--list"), fixturePath("tolerant.json")});
    QCOMPARE(tolerant.out,
             joinLines({
                 "ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT",
                 "e5f6a7b8-0001-4c93-8e3f-4a5b6c7d8e9f\trusty-worker\tDRAINING\tSELFHOSTED\t3/4\t"
                 "2026-11-29T14:00:03.123456789+01:00",
             }));

    RUN(empty, {QStringLiteral("--list"), fixturePath("not-workers.json")});
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(empty.out, QByteArray("ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT\n"));
}

// Values that would break the one-line-per-worker format, and non-ASCII text.
void TestCommandLine::listCells() {
    const QString path = m_dir.filePath(QStringLiteral("cells.json"));
    QVERIFY(writeFile(path,
                      "[{\"metadata\": {\"id\": \"id-1\"}, \"name\": \"tab\\there\\nnewline\", \"type\": "
                      "\"SELFHOSTED\", \"lastHeartbeatAt\": \"0001-01-01T00:00:00Z\"},\n"
                      " {\"metadata\": {\"id\": \"id-2\"}, \"name\": \"Gr\xC3\xB6\xC3\x9F\x65 \\u00e9 "
                      "\\ud83d\\ude00\", \"type\": \"SELFHOSTED\", \"maxRuns\": 3, \"availableRuns\": 1,"
                      " \"status\": \"ACTIVE\"}]"));
    RUN(run, {QStringLiteral("--list"), path});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(
        run.out,
        QByteArray("ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT\n"
                   "id-1\ttab here newline\t\tSELFHOSTED\t\t\n"
                   "id-2\tGr\xC3\xB6\xC3\x9F\x65 \xC3\xA9 \xF0\x9F\x98\x80\tACTIVE\tSELFHOSTED\t2/3\t\n"));
}

void TestCommandLine::sourceForms_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("lines");
    QTest::newRow("path") << QStringLiteral(HWI_SAMPLE) << 13;
    QTest::newRow("file URL") << QUrl::fromLocalFile(QStringLiteral(HWI_SAMPLE)).toString() << 13;
    QTest::newRow("bundled resource") << QStringLiteral(":/sample-workers.json") << 13;
    QTest::newRow("qrc URL") << QStringLiteral("qrc:/sample-workers.json") << 13;
    QTest::newRow("relative path") << QStringLiteral("list-legacy.json") << 3;
    QTest::newRow("name with spaces and #") << QStringLiteral("saved #1 (copy) 100%.json") << 4;
}

void TestCommandLine::sourceForms() {
    QFETCH(QString, source);
    QFETCH(int, lines);
    QFile::remove(m_dir.filePath(QStringLiteral("saved #1 (copy) 100%.json")));
    QVERIFY(QFile::copy(fixturePath("list-current.json"),
                        m_dir.filePath(QStringLiteral("saved #1 (copy) 100%.json"))));

    QProcess process;
    process.setProgram(QStringLiteral(HWI_INSPECTOR));
    process.setArguments({QStringLiteral("--list"), source});
    process.setProcessEnvironment(headless());
    process.setWorkingDirectory(source.startsWith(QLatin1String("saved")) ? m_dir.path()
                                                                          : QStringLiteral(HWI_FIXTURES));
    process.start();
    QVERIFY(process.waitForFinished(60000));
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, err.constData());
    QCOMPARE(process.readAllStandardOutput().count('\n'), lines);
}

void TestCommandLine::unreadable_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringLiteral("missing") << QStringLiteral("no such file");
    QTest::newRow("directory") << QStringLiteral("directory") << QStringLiteral("directory");
    QTest::newRow("unreadable file") << QStringLiteral("unreadable") << QStringLiteral("permission denied");
    QTest::newRow("missing resource") << QStringLiteral("resource") << QString();
}

// "SOURCE: message" on stderr, nothing on stdout, exit 2.
void TestCommandLine::unreadable() {
    QFETCH(QString, kind);
    QFETCH(QString, message);

    QString source;
    if (kind == QLatin1String("missing")) {
        source = m_dir.filePath(QStringLiteral("does-not-exist.json"));
    } else if (kind == QLatin1String("directory")) {
        source = m_dir.path();
    } else if (kind == QLatin1String("resource")) {
        source = QStringLiteral(":/no-such-resource.json");
    } else {
        if (!permissionsAreEnforced())
            QSKIP("running as root: an unreadable file is readable anyway");
        source = m_dir.filePath(QStringLiteral("locked.json"));
        QVERIFY(QFile::copy(fixturePath("list-current.json"), source));
        QVERIFY(QFile::setPermissions(source, QFileDevice::Permissions()));
    }
    for (const char* mode : {"--check", "--list"}) {
        RUN(run, {QString::fromLatin1(mode), source});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray());
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.startsWith(source + QLatin1String(": ")), qPrintable(err));
        QVERIFY2(err.endsWith(QLatin1Char('\n')) && err.count(QLatin1Char('\n')) == 1, qPrintable(err));
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY2(err.size() > source.size() + 3, qPrintable(err)); // there is a message
    }
    if (kind == QLatin1String("unreadable"))
        QFile::setPermissions(source, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestCommandLine::malformed_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("position"); // LINE:COLUMN
    QTest::addColumn<QString>("message");  // the whole message

    const auto row = [](const char* name, const QByteArray& content, const char* position,
                        const char* message) {
        QTest::newRow(name) << content << QString::fromLatin1(position) << QString::fromUtf8(message);
    };
    row("truncated", "{\n  \"rows\": [\n    {\"name\": \"w\"", "3:17",
        "unexpected end of input: unclosed object opened at line 3, column 5");
    row("truncated in a string", "[{\"name\": \"wor", "1:15",
        "unterminated string starting at line 1, column 11");
    row("trailing comma", "{\"rows\": [1, 2,]}", "1:16", "trailing comma: expected a value after ','");
    row("NaN", "{\n\"maxRuns\": NaN}", "2:12", "NaN and Infinity are not valid JSON numbers");
    row("missing colon", "{\"rows\" []}", "1:9", "expected ':' after object key, found '['");
    row("trailing content", "{}\n{}\n", "2:1", "unexpected content after the JSON value, found '{'");
    row("invalid UTF-8", "{\"name\": \"\xC3\xA9\xFF\"}", "1:12",
        "invalid UTF-8 byte 0xff (never appears in UTF-8)");
    row("1025 deep", QByteArray(1025, '[') + QByteArray(1025, ']'), "1:1025",
        "nesting deeper than 1024 levels");
    row("empty file", "", "1:1", "empty input: expected a JSON value");
    row("whitespace only", "\n\n   ", "3:4", "empty input: expected a JSON value");
    row("HTML error page", "<html><body>502 Bad Gateway</body></html>\n", "1:1",
        "expected a JSON value (object, array, string, number, true, false or null), found '<' (this looks "
        "like "
        "HTML, not JSON)");
}

// "SOURCE:LINE:COLUMN: message" on stderr, nothing on stdout, exit 2.
void TestCommandLine::malformed() {
    QFETCH(QByteArray, content);
    QFETCH(QString, position);
    QFETCH(QString, message);

    const QString path = m_dir.filePath(QStringLiteral("malformed.json"));
    QFile::remove(path);
    QVERIFY(writeFile(path, content));
    for (const char* mode : {"--check", "--list"}) {
        RUN(run, {QString::fromLatin1(mode), path});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(QString::fromUtf8(run.err),
                 path + QLatin1Char(':') + position + QLatin1String(": ") + message + QLatin1Char('\n'));
    }
}

void TestCommandLine::version() {
    RUN(run, {QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    const QRegularExpression expected(QStringLiteral("^hatchet-inspector \\d+\\.\\d+\\.\\d+\\n$"));
    QVERIFY2(expected.match(QString::fromUtf8(run.out)).hasMatch(), run.out.constData());
}

void TestCommandLine::help() {
    RUN(run, {QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    for (const char* expected : {"Usage:", "--check", "--list", "--version", "SOURCE", "Exit"})
        QVERIFY2(out.contains(QString::fromLatin1(expected)), expected);
}

void TestCommandLine::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus"), QStringLiteral(HWI_SAMPLE)}
                                    << QStringLiteral("Unknown option 'bogus'");
    QTest::newRow("unknown short option")
        << QStringList{QStringLiteral("-x")} << QStringLiteral("Unknown option 'x'");
    QTest::newRow("check without SOURCE")
        << QStringList{QStringLiteral("--check")} << QStringLiteral("SOURCE");
    QTest::newRow("list without SOURCE") << QStringList{QStringLiteral("--list")} << QStringLiteral("SOURCE");
    QTest::newRow("two sources") << QStringList{QStringLiteral("--by"), QStringLiteral("status"),
                                                QStringLiteral(HWI_SAMPLE), fixturePath("list-current.json")}
                                 << QStringLiteral("one SOURCE");
}

void TestCommandLine::usageErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = inspector(arguments);
    QVERIFY2(run.finished, "hatchet-inspector did not finish normally");
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
}

void TestCommandLine::filterList_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("status") << QStringLiteral("status:paused")
                            << QStringList{QStringLiteral("report-builder")};
    QTest::newRow("or") << QStringLiteral("status:paused,inactive")
                        << QStringList{QStringLiteral("report-builder"), QStringLiteral("mailer")};
    QTest::newRow("negation") << QStringLiteral("-status:active")
                              << QStringList{QStringLiteral("report-builder"), QStringLiteral("mailer")};
    QTest::newRow("bare word") << QStringLiteral("MAIL") << QStringList{QStringLiteral("mailer")};
    QTest::newRow("nothing") << QStringLiteral("name:nobody") << QStringList{};
    // The file's mtime (the checkout) is contradicted by the data: the capture is estimated at 13:00:03.250,
    // so only mailer, which never heartbeated, is silent for more than a minute.
    QTest::newRow("heartbeat, never matches >")
        << QStringLiteral("heartbeat:>1m") << QStringList{QStringLiteral("mailer")};
}

void TestCommandLine::filterList() {
    QFETCH(QString, query);
    QFETCH(QStringList, names);
    RUN(run, {QStringLiteral("--list"), QStringLiteral("--filter"), query, fixturePath("list-current.json")});
    QCOMPARE(run.exitCode, 0);
    QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.takeFirst(), QStringLiteral("ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT"));
    QStringList shown;
    for (const QString& line : lines)
        shown << line.section(QLatin1Char('\t'), 1, 1);
    QCOMPARE(shown, names);
}

void TestCommandLine::filterErrors_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");
    QTest::newRow("no value") << QStringLiteral("status:") << QStringLiteral("column 8: expected a value");
    QTest::newRow("bad duration") << QStringLiteral("heartbeat:>abc") << QStringLiteral("column 12:");
    QTest::newRow("unclosed quote") << QStringLiteral("name:\"render") << QStringLiteral("column 6:");
    QTest::newRow("unknown field") << QStringLiteral("colour:red")
                                   << QStringLiteral("unknown field 'colour'");
}

void TestCommandLine::filterErrors() {
    QFETCH(QString, query);
    QFETCH(QString, message);
    RUN(run, {QStringLiteral("--list"), QStringLiteral("--filter"), query, fixturePath("list-current.json")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
}

// The names --list prints (its second column), without the header.
QStringList listedNames(const QByteArray& out) {
    QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!lines.isEmpty())
        lines.removeFirst();
    QStringList names;
    for (const QString& line : std::as_const(lines))
        names << line.section(QLatin1Char('\t'), 1, 1);
    return names;
}

// A copy of list-current.json with the given modification time.
QString copyWithTime(const QTemporaryDir& dir, const QString& name, const QDateTime& time) {
    const QString path = dir.filePath(name);
    QFile::remove(path);
    if (!QFile::copy(fixturePath("list-current.json"), path))
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.setFileTime(time, QFileDevice::FileModificationTime))
        return {};
    return path;
}

// Issue 14: a copied file (cp, git clone, a download) gets a new modification time; heartbeat ages are
// measured from the capture time the data allows, so the copy answers as the original does.
void TestCommandLine::copiedFileFiltersAsTheOriginal() {
    const QString original = copyWithTime(m_dir, QStringLiteral("original.json"),
                                          QDateTime(QDate(2026, 11, 29), QTime(13, 0, 5), QTimeZone::utc()));
    const QString copied = copyWithTime(m_dir, QStringLiteral("copied.json"),
                                        QDateTime(QDate(2026, 12, 1), QTime(13, 0, 5), QTimeZone::utc()));
    QVERIFY(!original.isEmpty() && !copied.isEmpty());
    const auto list = [](const QString& path) {
        return QStringList{QStringLiteral("--list"), QStringLiteral("--filter"),
                           QStringLiteral("heartbeat:>5s"), path};
    };
    RUN(fromOriginal, list(original));
    QCOMPARE(fromOriginal.exitCode, 0);
    RUN(fromCopy, list(copied));
    QCOMPARE(fromCopy.exitCode, 0);
    RUN(fromCheckout, list(fixturePath("list-current.json")));
    // At 13:00:05 (the original) order-processor is 1.75 s silent, report-builder 2.5 s; at the copy's
    // estimated 13:00:03.250 even less. Only mailer, which never heartbeated, is silent over 5 s.
    QCOMPARE(listedNames(fromOriginal.out), QStringList{QStringLiteral("mailer")});
    QCOMPARE(listedNames(fromCopy.out), listedNames(fromOriginal.out));
    QCOMPARE(listedNames(fromCheckout.out), listedNames(fromOriginal.out));
    // And --at capture is the default.
    RUN(atCapture, QStringList{QStringLiteral("--at"), QStringLiteral("capture")} + list(copied));
    QCOMPARE(atCapture.out, fromCopy.out);
}

void TestCommandLine::atNowAndAtTime_data() {
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("names");
    // Now is long after 2026-11-29: both heartbeats are more than a day old (mailer never heartbeated).
    QTest::newRow("now") << QStringLiteral("now") << QStringLiteral("heartbeat:>1d")
                         << QStringList{QStringLiteral("order-processor"), QStringLiteral("report-builder"),
                                        QStringLiteral("mailer")};
    // At 13:00:05, report-builder (13:00:02.5) is 2.5 s silent, order-processor (13:00:03.25) 1.75 s.
    QTest::newRow("13:00:05Z") << QStringLiteral("2026-11-29T13:00:05Z") << QStringLiteral("heartbeat:>2s")
                               << QStringList{QStringLiteral("report-builder"), QStringLiteral("mailer")};
    QTest::newRow("offset, 13:00:04Z")
        << QStringLiteral("2026-11-29T14:00:04+01:00") << QStringLiteral("heartbeat:>2s")
        << QStringList{QStringLiteral("mailer")};
    QTest::newRow("13:01:00Z, under a minute")
        << QStringLiteral("2026-11-29T13:01:00Z") << QStringLiteral("heartbeat:<1m")
        << QStringList{QStringLiteral("order-processor"), QStringLiteral("report-builder")};
}

void TestCommandLine::atNowAndAtTime() {
    QFETCH(QString, at);
    QFETCH(QString, query);
    QFETCH(QStringList, names);
    RUN(run, {QStringLiteral("--list"), QStringLiteral("--at"), at, QStringLiteral("--filter"), query,
              fixturePath("list-current.json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(listedNames(run.out), names);
}

void TestCommandLine::atMalformed() {
    RUN(run, {QStringLiteral("--list"), QStringLiteral("--at"), QStringLiteral("yesterday"),
              fixturePath("list-current.json")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(QString::fromUtf8(run.err).contains(
                 QStringLiteral("--at: 'yesterday' is not capture, now or an ISO 8601 time such as "
                                "2026-11-29T13:00:05Z")),
             run.err.constData());
}

void TestCommandLine::exportRoundTrip() {
    // Every worker, pretty: a `hatchet worker list -o json` file comes back byte for byte.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("all.json"));
    RUN(run, {QStringLiteral("--export"), out, fixturePath("list-current.json")});
    QCOMPARE(run.exitCode, 0);
    QFile original(fixturePath("list-current.json"));
    QFile exported(out);
    QVERIFY(original.open(QIODevice::ReadOnly) && exported.open(QIODevice::ReadOnly));
    QCOMPARE(exported.readAll(), original.readAll());
}

void TestCommandLine::exportFiltered() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("paused.json"));
    RUN(run, {QStringLiteral("--export"), out, QStringLiteral("--filter"), QStringLiteral("status:paused"),
              fixturePath("list-current.json")});
    QCOMPARE(run.exitCode, 0);
    // Re-opened, it is a WorkerList with the one paused worker.
    RUN(list, {QStringLiteral("--list"), out});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out,
             joinLines({"ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT",
                        "a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a5b\treport-builder\tPAUSED\tSELFHOSTED\t0/3\t"
                        "2026-11-29T13:00:02.5Z"}));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("{\n  \"pagination\": {"));
}

void TestCommandLine::exportCompactToStdout() {
    RUN(run, {QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--compact"),
              fixturePath("worker-array.json")});
    QCOMPARE(run.exitCode, 0);
    QFile original(fixturePath("worker-array.json"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(run.out.trimmed(), original.readAll().trimmed());
}

void TestCommandLine::exportUnwritable() {
    RUN(run, {QStringLiteral("--export"), QStringLiteral("/nonexistent-dir/out.json"),
              fixturePath("list-current.json")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("/nonexistent-dir/out.json"), run.err.constData());
}

QString TestCommandLine::copyAtCaptureTime(const QString& path, const QDateTime& capture) {
    const QString copy = m_dir.filePath(QStringLiteral("at-capture-") + QFileInfo(path).fileName());
    QFile::remove(copy);
    if (!QFile::copy(path, copy))
        return {};
    QFile file(copy);
    if (!file.open(QIODevice::ReadWrite) || !file.setFileTime(capture, QFileDevice::FileModificationTime))
        return {};
    return copy;
}

void TestCommandLine::listColumns() {
    // list-current at 13:00:05Z: order-processor heartbeat 1.75 s old and ready; report-builder PAUSED,
    // 2.5 s; mailer never heartbeated.
    const QDateTime capture = testutil::captureTimeFor(QStringLiteral("list-current.json"));
    const QString current = copyAtCaptureTime(fixturePath("list-current.json"), capture);
    QVERIFY(!current.isEmpty());
    RUN(run, {QStringLiteral("--list"), QStringLiteral("--columns"), QStringLiteral("id,name,health,reasons"),
              current});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.out,
             joinLines({
                 "ID\tNAME\tHEALTH\tREASONS",
                 "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b\torder-processor\tok\tOK: takes new tasks; heartbeat "
                 "1 s ago",
                 "a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a5b\treport-builder\tpaused\tPaused: takes no new tasks; "
                 "heartbeat 2 s ago",
                 "a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a5b\tmailer\tnever\tNever heartbeated: takes no tasks",
             }));

    // In the order given, repeats allowed; the filter sees the same states.
    RUN(filtered,
        {QStringLiteral("--list"), QStringLiteral("--columns"), QStringLiteral("health,name,health"),
         QStringLiteral("--filter"), QStringLiteral("health:unhealthy"), current});
    QCOMPARE(filtered.exitCode, 0);
    QCOMPARE(filtered.out,
             joinLines({"HEALTH\tNAME\tHEALTH", "paused\treport-builder\tpaused", "never\tmailer\tnever"}));

    // worker-array at 13:00:05Z: etl-transform (INACTIVE) last heartbeated at 12:59:20Z, 45 s before.
    const QString array = copyAtCaptureTime(fixturePath("worker-array.json"), capture);
    RUN(lost, {QStringLiteral("--list"), QStringLiteral("--columns"),
               QStringLiteral("name,status,last_heartbeat,health,reasons"), array});
    QCOMPARE(lost.exitCode, 0);
    QCOMPARE(lost.out,
             joinLines({
                 "NAME\tSTATUS\tLAST_HEARTBEAT\tHEALTH\tREASONS",
                 "etl & sync\tACTIVE\t2026-11-29T13:00:04.1Z\tok\tOK: takes new tasks; heartbeat just now",
                 "etl-transform\tINACTIVE\t2026-11-29T12:59:20Z\tlost\tSilent for 45 s: its runs are "
                 "being reassigned",
             }));

    // Every default column named: exactly the output without --columns.
    RUN(plain, {QStringLiteral("--list"), current});
    RUN(named, {QStringLiteral("--list"), QStringLiteral("--columns"),
                QStringLiteral("id,name,status,type,slots,last_heartbeat"), current});
    QCOMPARE(named.out, plain.out);
    QVERIFY(plain.out.startsWith("ID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT\n"));
}

void TestCommandLine::listColumnsErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString known =
        QStringLiteral("known columns: id, name, status, type, slots, last_heartbeat, health, reasons");
    QTest::newRow("unknown column") << QStringList{QStringLiteral("--list"), QStringLiteral("--columns"),
                                                   QStringLiteral("id,colour"),
                                                   fixturePath("list-current.json")}
                                    << QStringLiteral("--columns: unknown column 'colour'; ") + known;
    QTest::newRow("empty column") << QStringList{QStringLiteral("--list"), QStringLiteral("--columns"),
                                                 QStringLiteral("id,,name"), fixturePath("list-current.json")}
                                  << QStringLiteral("--columns: empty column name; ") + known;
    QTest::newRow("without --list") << QStringList{QStringLiteral("--columns"), QStringLiteral("id"),
                                                   fixturePath("list-current.json")}
                                    << QStringLiteral("--columns needs --list");
    QTest::newRow("unknown health state")
        << QStringList{QStringLiteral("--list"), QStringLiteral("--filter"), QStringLiteral("health:dead"),
                       fixturePath("list-current.json")}
        << QStringLiteral(
               "unknown health state 'dead'; known: never, lost, no-new-work, no-dispatcher, no-slots, "
               "no-actions, paused, full, ok, unhealthy");
}

void TestCommandLine::listColumnsErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    RUN(run, arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
}

// Issue 14: the window's Health column, `--list --columns … health` and `health:` filters agree on every
// fixture, at the same reference time.
void TestCommandLine::healthAgreesEverywhere() {
    using hwi::models::WorkerTableModel;
    QStringList names = QDir(QStringLiteral(HWI_FIXTURES)).entryList({QStringLiteral("*.json")}, QDir::Files);
    names << QStringLiteral("sample");
    int workers = 0;
    for (const QString& name : std::as_const(names)) {
        const auto snapshot = testutil::loadFixture(name);
        const QDateTime reference = snapshot->captureTime;
        QVERIFY2(reference.isValid(), qPrintable(name));
        // The window: the table's Health column at the reference time.
        WorkerTableModel table;
        table.setSnapshot(snapshot);
        table.setReferenceTime(reference);
        QByteArray expected = "NAME\tHEALTH\n";
        std::vector<int> states;
        for (int row = 0; row < table.rowCount(); ++row) {
            states.push_back(table.index(row, WorkerTableModel::HealthColumn)
                                 .data(WorkerTableModel::HealthStatesRole)
                                 .toInt());
            const auto first = hwi::hatchet::firstState(hwi::hatchet::HealthStates(states.back()));
            QCOMPARE(table.index(row, WorkerTableModel::HealthColumn).data().toString(),
                     hwi::hatchet::healthStateLabel(first));
            QString workerName = table.worker(row).name();
            workerName.replace(QLatin1Char('\t'), QLatin1Char(' '))
                .replace(QLatin1Char('\n'), QLatin1Char(' '));
            expected += workerName.toUtf8() + '\t' + hwi::hatchet::healthStateId(first).toUtf8() + '\n';
        }
        workers += table.rowCount();
        // The command line, on a copy whose file time is that reference.
        const QString copy = copyAtCaptureTime(testutil::fixturePath(name), reference);
        QVERIFY(!copy.isEmpty());
        RUN(run,
            {QStringLiteral("--list"), QStringLiteral("--columns"), QStringLiteral("name,health"), copy});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out, expected);
        // The filter: health:X matches exactly the workers that have state X; unhealthy, those with any
        // state but ok and full.
        const hwi::filter::WorkerIndex index(*snapshot);
        QStringList values = hwi::hatchet::healthStateIds();
        values << QStringLiteral("unhealthy");
        for (int v = 0; v < values.size(); ++v) {
            const auto parsed = hwi::filter::Query::parse(QStringLiteral("health:") + values.at(v));
            QVERIFY(std::holds_alternative<hwi::filter::Query>(parsed));
            const auto matched = hwi::filter::matchingWorkers(index, std::get<hwi::filter::Query>(parsed),
                                                              reference.toMSecsSinceEpoch());
            const int mask = v < hwi::hatchet::HealthStateCount
                                 ? hwi::hatchet::healthBit(hwi::hatchet::HealthState(v))
                                 : hwi::hatchet::UnhealthyStates;
            std::vector<std::size_t> want;
            for (std::size_t i = 0; i < states.size(); ++i) {
                if (states[i] & mask)
                    want.push_back(i);
            }
            QVERIFY2(matched == want, qPrintable(name + QStringLiteral(": health:") + values.at(v)));
        }
    }
    QVERIFY(workers >= 20);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
