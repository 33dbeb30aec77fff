// The command line's formats and pipes: --format tsv|csv|json for every tabular command, control characters
// from the data never reaching a terminal raw, standard input as SOURCE, several SOURCEs, and the smaller
// promises (--check's OK line, a final newline on JSON, the filtered single-worker export).
#include "inspectorprocess.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString fixturePath(const char* name) {
    return QStringLiteral(HWI_FIXTURES "/") + QString::fromUtf8(name);
}

using Run = testutil::InspectorRun;

Run inspector(const QStringList& arguments, const QByteArray& input = {}) {
    return testutil::runInspector(arguments, input);
}

#define RUN(run, ...)                                                                                        \
    const Run run = inspector(__VA_ARGS__);                                                                  \
    QVERIFY2(run.finished, "hatchet-inspector did not finish normally")

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Every control character JSON can carry (C0, DEL, C1), each once in a worker's name, action and label.
QList<char16_t> controlCharacters() {
    QList<char16_t> controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls << c;
    controls << 0x7f;
    for (char16_t c = 0x80; c < 0xa0; ++c)
        controls << c;
    return controls;
}

QByteArray jsonEscape(char16_t c) {
    return QStringLiteral("\\u%1").arg(unsigned(c), 4, 16, QLatin1Char('0')).toLatin1();
}

// A worker array with one worker per control character; `suffix` changes every name (for --diff). The
// last worker has a status and an unknown member holding ESC, which --check quotes.
QByteArray controlWorkers(const QByteArray& suffix) {
    QByteArray json = "[";
    for (const char16_t c : controlCharacters()) {
        const QByteArray e = jsonEscape(c);
        json += "{\"metadata\": {\"id\": \"id-" + QByteArray::number(c, 16) + "\"}, \"name\": \"name" + e +
                suffix + "\", \"type\": \"SELFHOSTED\", \"status\": \"ACTIVE\", \"dispatcherId\": \"d\", " +
                "\"lastHeartbeatAt\": \"2026-11-29T13:00:00Z\", \"actions\": [\"wf:act" + e + "\"], " +
                "\"labels\": [{\"key\": \"k" + e + "\", \"value\": \"v" + e + "\"}], " +
                "\"slotConfig\": {\"default\": {\"available\": 1, \"limit\": 1}}},\n";
    }
    json += "{\"metadata\": {\"id\": \"id-evil\"}, \"name\": \"evil\", \"status\": \"ACT\\u001b[31mIVE\", "
            "\"evil\\u001b]52;c;SGVsbG8=\\u0007\": 1}]";
    return json;
}

// Any control byte or C1 control (UTF-8 C2 80..C2 9F) other than the tab and line breaks of the format.
QString rawControl(const QByteArray& text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool c1 = byte == 0xc2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) < 0xa0;
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7f || c1)
            return QStringLiteral("raw control at byte %1: ...%2")
                .arg(i)
                .arg(QString::fromUtf8(text.mid(std::max<qsizetype>(0, i - 20), 40).toPercentEncoding()));
    }
    return {};
}

// Python's csv module reads `csv` and prints the rows as JSON.
std::optional<QJsonArray> pythonCsvRows(const QString& python, const QByteArray& csv) {
    QProcess process;
    process.start(python, {QStringLiteral("-c"),
                           QStringLiteral("import csv, io, json, sys\n"
                                          "text = sys.stdin.buffer.read().decode('utf-8')\n"
                                          "print(json.dumps(list(csv.reader(io.StringIO(text, newline=''), "
                                          "strict=True))))\n")});
    process.write(csv);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return std::nullopt;
    return QJsonDocument::fromJson(process.readAllStandardOutput()).array();
}

// The tsv lines as rows, undoing --diff's escapes (\t \n \r \\) when `escaped`.
QJsonArray tsvRows(const QByteArray& tsv, bool escaped) {
    QJsonArray rows;
    for (const QString& line : QString::fromUtf8(tsv).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QJsonArray row;
        for (QString cell : line.split(QLatin1Char('\t'))) {
            if (escaped) {
                static const QRegularExpression escape(QStringLiteral("\\\\(.)"));
                QString plain;
                qsizetype at = 0;
                for (auto it = escape.globalMatch(cell); it.hasNext();) {
                    const auto match = it.next();
                    plain += cell.mid(at, match.capturedStart() - at);
                    const QChar c = match.captured(1).at(0);
                    plain += c == QLatin1Char('t')   ? QChar(u'\t')
                             : c == QLatin1Char('n') ? QChar(u'\n')
                             : c == QLatin1Char('r') ? QChar(u'\r')
                                                     : c;
                    at = match.capturedEnd();
                }
                cell = plain + cell.mid(at);
            }
            row.append(cell);
        }
        rows.append(row);
    }
    return rows;
}

// The README's examples, each a tabular command.
QList<QPair<const char*, QStringList>> readmeExamples() {
    const QString at = QStringLiteral("2026-11-29T13:00:05Z");
    return {
        {"list", {QStringLiteral("--list"), fixturePath("list-current.json")}},
        {"by",
         {QStringLiteral("--by"), QStringLiteral("action"), QStringLiteral("--at"), at,
          fixturePath("fleet-current.json")}},
        {"place",
         {QStringLiteral("--place"), QStringLiteral("etl:load"), QStringLiteral("--units"),
          QStringLiteral("default=3"), QStringLiteral("--at"), at, fixturePath("place-slots.json")}},
        {"diff", {QStringLiteral("--diff"), fixturePath("diff-old.json"), fixturePath("diff-new.json")}},
    };
}

} // namespace

class TestCliFormats : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_controls = m_dir.filePath(QStringLiteral("controls.json"));
        m_controlsNew = m_dir.filePath(QStringLiteral("controls-new.json"));
        QVERIFY(writeFile(m_controls, controlWorkers("")));
        QVERIFY(writeFile(m_controlsNew, controlWorkers("2")));
    }

    void csvAndJsonHoldTheTsvRows_data() {
        QTest::addColumn<QStringList>("arguments");
        for (const auto& [name, arguments] : readmeExamples())
            QTest::newRow(name) << arguments;
    }
    // CSV through Python's csv module and JSON through a JSON parser give back the tsv's rows.
    void csvAndJsonHoldTheTsvRows() {
        QFETCH(QStringList, arguments);
        RUN(tsv, arguments);
        RUN(csv, arguments + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
        RUN(json, arguments + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(csv.exitCode, tsv.exitCode);
        QCOMPARE(json.exitCode, tsv.exitCode);
        QCOMPARE(csv.err, tsv.err);
        const QJsonArray expected = tsvRows(tsv.out, arguments.contains(QStringLiteral("--diff")));
        QVERIFY(expected.size() > 1);

        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed: the CSV round trip through Python's csv module cannot run");
        const auto csvRows = pythonCsvRows(python, csv.out);
        QVERIFY2(csvRows, csv.out.constData());
        QCOMPARE(*csvRows, expected);

        QVERIFY(json.out.endsWith("]\n"));
        QJsonParseError error;
        const QJsonArray objects = QJsonDocument::fromJson(json.out, &error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(objects.size(), expected.size() - 1);
        const QJsonArray header = expected.first().toArray();
        for (qsizetype row = 0; row < objects.size(); ++row) {
            const QJsonObject object = objects.at(row).toObject();
            QCOMPARE(object.keys().size(), header.size());
            for (qsizetype column = 0; column < header.size(); ++column) {
                const QJsonValue value = object.value(header.at(column).toString());
                const QString cell = expected.at(row + 1).toArray().at(column).toString();
                if (value.isDouble())
                    QCOMPARE(QString::number(value.toInteger()), cell);
                else if (value.isNull())
                    QVERIFY2(cell.isEmpty() || cell == QLatin1String("?") || cell == QLatin1String("-"),
                             qPrintable(cell));
                else
                    QCOMPARE(value.toString(), cell);
            }
        }
    }

    void numbersAreNumbersInJson() {
        RUN(by, {QStringLiteral("--by"), QStringLiteral("action"), QStringLiteral("--at"),
                 QStringLiteral("2026-11-29T13:00:05Z"), QStringLiteral("--format"), QStringLiteral("json"),
                 fixturePath("fleet-current.json")});
        const QJsonObject first = QJsonDocument::fromJson(by.out).array().first().toObject();
        QCOMPARE(first.value(QStringLiteral("KEY")).toString(), QStringLiteral("etl:extract"));
        QCOMPARE(first.value(QStringLiteral("WORKERS")), QJsonValue(1));
        QCOMPARE(first.value(QStringLiteral("LIMIT")), QJsonValue(7));
        const QJsonObject unknownFree = QJsonDocument::fromJson(by.out).array().at(2).toObject();
        QCOMPARE(unknownFree.value(QStringLiteral("FREE")), QJsonValue(QJsonValue::Null));
    }

    void unknownFormat() {
        RUN(run, {QStringLiteral("--list"), QStringLiteral("--format"), QStringLiteral("xml"),
                  QStringLiteral(HWI_SAMPLE)});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray());
        QVERIFY2(run.err.contains("--format: unknown format 'xml'; accepted: tsv, csv, json"),
                 run.err.constData());
        RUN(alone, {QStringLiteral("--check"), QStringLiteral("--format"), QStringLiteral("csv"),
                    QStringLiteral(HWI_SAMPLE)});
        QCOMPARE(alone.exitCode, 2);
        QVERIFY2(alone.err.contains("--format needs --list, --by, --place or --diff"), alone.err.constData());
    }

    void noRawControlCharacters_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        const QStringList list = {QStringLiteral("--list"), m_controls};
        const QStringList reasons = {QStringLiteral("--list"), QStringLiteral("--columns"),
                                     QStringLiteral("id,name,health,reasons"), m_controls};
        const QStringList byAction = {QStringLiteral("--by"), QStringLiteral("action"), m_controls};
        const QStringList byLabel = {QStringLiteral("--by"), QStringLiteral("label"), m_controls};
        const QStringList place = {QStringLiteral("--place"), QStringLiteral("wf:act\u001b"),
                                   QStringLiteral("--want"), QStringLiteral("k=v"), m_controls};
        const QStringList diff = {QStringLiteral("--diff"), m_controls, m_controlsNew};
        for (const QString& format : {QStringLiteral("tsv"), QStringLiteral("csv")}) {
            const QStringList f = {QStringLiteral("--format"), format};
            QTest::addRow("list %s", qPrintable(format)) << list + f << 0;
            QTest::addRow("list reasons %s", qPrintable(format)) << reasons + f << 0;
            QTest::addRow("by action %s", qPrintable(format)) << byAction + f << 0;
            QTest::addRow("by label %s", qPrintable(format)) << byLabel + f << 0;
            QTest::addRow("place %s", qPrintable(format)) << place + f << 0;
            QTest::addRow("diff %s", qPrintable(format)) << diff + f << 1;
        }
        QTest::newRow("check") << QStringList{QStringLiteral("--check"), m_controls} << 1;
        QTest::newRow("check several")
            << QStringList{QStringLiteral("--check"), m_controls, m_controlsNew} << 1;
    }
    // Every control character in names, actions, labels, a status and a key: escaped (\u001b) on both
    // streams, never raw.
    void noRawControlCharacters() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        RUN(run, arguments);
        QVERIFY2(run.exitCode == exitCode, run.err.constData());
        QVERIFY2(rawControl(run.out).isEmpty(), qPrintable(rawControl(run.out)));
        QVERIFY2(rawControl(run.err).isEmpty(), qPrintable(rawControl(run.err)));
        QVERIFY2(run.out.contains("\\u001b"), run.out.constData());
    }

    void jsonKeepsControlCharactersAsJson() {
        RUN(run, {QStringLiteral("--list"), QStringLiteral("--format"), QStringLiteral("json"), m_controls});
        QCOMPARE(run.exitCode, 0);
        // JSON escapes U+0000..U+001F; DEL and C1 are plain characters there.
        QVERIFY(!run.out.contains('\x1b'));
        const QJsonArray rows = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(rows.size(), controlCharacters().size() + 1);
        for (qsizetype i = 0; i < controlCharacters().size(); ++i) {
            QCOMPARE(rows.at(i).toObject().value(QStringLiteral("NAME")).toString(),
                     QStringLiteral("name") + QChar(controlCharacters().at(i)));
        }
    }

    void checkSaysOk() {
        RUN(run, {QStringLiteral("--check"), QStringLiteral(HWI_SAMPLE)});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(run.err, QByteArray("OK: 12 workers, no problems\n"));
    }

    void severalSources() {
        const QString sample = QStringLiteral(HWI_SAMPLE);
        const QString current = fixturePath("list-current.json");
        RUN(check, {QStringLiteral("--check"), sample, m_controls});
        QCOMPARE(check.exitCode, 1);
        QCOMPARE(check.err.split('\n').first(),
                 (sample + QLatin1String(": OK: 12 workers, no problems")).toUtf8());
        for (const QByteArray& line : check.out.split('\n')) {
            if (!line.isEmpty())
                QVERIFY2(line.startsWith((m_controls + QLatin1String(": ")).toUtf8()), line.constData());
        }

        RUN(list, {QStringLiteral("--list"), current, QStringLiteral("-")}, readAll(current));
        QCOMPARE(list.exitCode, 0);
        const QList<QByteArray> lines = list.out.split('\n');
        QCOMPARE(lines.first(), QByteArray("SOURCE\tID\tNAME\tSTATUS\tTYPE\tSLOTS\tLAST_HEARTBEAT"));
        QCOMPARE(lines.size(), 1 + 3 + 3 + 1);
        QVERIFY(lines.at(1).startsWith((current + QLatin1String("\ta1b2c3d4-0001")).toUtf8()));
        QVERIFY(lines.at(4).startsWith("-\ta1b2c3d4-0001"));

        RUN(json,
            {QStringLiteral("--list"), QStringLiteral("--format"), QStringLiteral("json"), current, sample});
        const QJsonArray rows = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(rows.size(), 3 + 12);
        QCOMPARE(rows.last().toObject().value(QStringLiteral("SOURCE")).toString(), sample);

        // The worst status wins; what could be read is still printed.
        RUN(worst, {QStringLiteral("--list"), current, m_dir.filePath(QStringLiteral("missing.json"))});
        QCOMPARE(worst.exitCode, 2);
        QCOMPARE(worst.out.count('\n'), 4);
        QVERIFY2(worst.err.contains("missing.json"), worst.err.constData());

        RUN(by, {QStringLiteral("--by"), QStringLiteral("action"), current, sample});
        QCOMPARE(by.exitCode, 2);
        QVERIFY2(by.err.contains("expected one SOURCE"), by.err.constData());
        RUN(twice, {QStringLiteral("--list"), QStringLiteral("-"), QStringLiteral("-")});
        QCOMPARE(twice.exitCode, 2);
        QVERIFY2(twice.err.contains("standard input"), twice.err.constData());
    }

    void standardInput() {
        const QString current = fixturePath("list-current.json");
        RUN(fromFile, {QStringLiteral("--list"), current});
        RUN(fromPipe, {QStringLiteral("--list"), QStringLiteral("-")}, readAll(current));
        QCOMPARE(fromPipe.exitCode, 0);
        QCOMPARE(fromPipe.out, fromFile.out);

        RUN(exported, {QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("-")},
            readAll(current));
        QCOMPARE(exported.exitCode, 0);
        QCOMPARE(exported.out, readAll(current));

        RUN(tooBig,
            {QStringLiteral("--list"), QStringLiteral("--max-size"), QStringLiteral("1K"),
             QStringLiteral("-")},
            readAll(QStringLiteral(HWI_SAMPLE)));
        QCOMPARE(tooBig.exitCode, 2);
        QCOMPARE(tooBig.out, QByteArray());
        QVERIFY2(tooBig.err.startsWith("standard input: ") && tooBig.err.contains("limit"),
                 tooBig.err.constData());

        RUN(broken, {QStringLiteral("--list"), QStringLiteral("-")}, "[\n  {\"name\": }\n]\n");
        QCOMPARE(broken.exitCode, 2);
        QVERIFY2(QRegularExpression(QStringLiteral("^standard input:2:\\d+: "))
                     .match(QString::fromUtf8(broken.err))
                     .hasMatch(),
                 broken.err.constData());
    }

    void compactJsonEndsWithNewline() {
        RUN(run, {QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--compact"),
                  fixturePath("worker-array.json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.endsWith("]\n"));
        QCOMPARE(run.out.count('\n'), 1);
    }

    // A single-worker document exports `[]` when the filter removes its worker, and says so on stderr.
    void filteredSingleWorker() {
        RUN(run, {QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--filter"),
                  QStringLiteral("name:no-such-worker"), fixturePath("worker-get.json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("[]\n"));
        QVERIFY2(run.err.contains("the filter removed the document's only worker"), run.err.constData());
        RUN(kept, {QStringLiteral("--export"), QStringLiteral("-"), fixturePath("worker-get.json")});
        QCOMPARE(kept.err, QByteArray());
        QVERIFY(kept.out.startsWith("{"));
    }

    // --list reads its rows in windows of parts at once: a fleet larger than a window still lists every
    // worker once, in document order, each row its own worker's cells.
    void longListInOrder() {
        QJsonArray rows;
        QStringList expected{QStringLiteral("ID\tNAME\tSTATUS\tSLOTS\tHEALTH")};
        for (int i = 0; i < 2600; ++i) {
            const QString id = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
            const QString name = QStringLiteral("worker-%1").arg(i);
            const bool paused = i % 5 == 0;
            rows.append(QJsonObject{
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("id"), id}}},
                {QStringLiteral("name"), name},
                {QStringLiteral("type"), QStringLiteral("SELFHOSTED")},
                {QStringLiteral("status"), paused ? QStringLiteral("PAUSED") : QStringLiteral("ACTIVE")},
                {QStringLiteral("dispatcherId"), QStringLiteral("d")},
                {QStringLiteral("actions"), QJsonArray{QStringLiteral("x:y")}},
                {QStringLiteral("lastHeartbeatAt"), QStringLiteral("2026-11-29T13:00:02Z")},
                {QStringLiteral("slotConfig"),
                 QJsonObject{{QStringLiteral("default"), QJsonObject{{QStringLiteral("available"), i % 4},
                                                                     {QStringLiteral("limit"), 4}}}}},
            });
            expected << QStringList{id, name, paused ? QStringLiteral("PAUSED") : QStringLiteral("ACTIVE"),
                                    QStringLiteral("%1/4").arg(4 - i % 4),
                                    paused       ? QStringLiteral("paused")
                                    : i % 4 == 0 ? QStringLiteral("full")
                                                 : QStringLiteral("ok")}
                            .join(QLatin1Char('\t'));
        }
        const QString path = m_dir.filePath(QStringLiteral("long-list.json"));
        QVERIFY(writeFile(path, QJsonDocument(rows).toJson()));
        RUN(run, {QStringLiteral("--list"), QStringLiteral("--columns"),
                  QStringLiteral("id,name,status,slots,health"), QStringLiteral("--at"),
                  QStringLiteral("2026-11-29T13:00:05Z"), path});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    }

private:
    QTemporaryDir m_dir;
    QString m_controls;
    QString m_controlsNew;
};

QTEST_GUILESS_MAIN(TestCliFormats)
#include "tst_cliformats.moc"
