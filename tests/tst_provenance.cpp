// What a saved document tells about its writer and its server's era (hatchet/provenance.h): the CLI's
// MarshalIndent re-encoding, a compact REST body or another tool, and the era bounds from the fields present.
// Expected values are worked out by hand from tests/fixtures/README.md and HATCHET.md ("Format eras").
#include "hatchet/provenance.h"
#include "json/document.h"

#include <QFile>
#include <QTest>

using hwi::hatchet::Provenance;
using hwi::hatchet::Writer;
using hwi::json::Document;

Q_DECLARE_METATYPE(Writer)

namespace {

QByteArray fixture(const char* name) {
    QFile file(QStringLiteral(HWI_FIXTURES "/") + QString::fromUtf8(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", name);
    return file.readAll();
}

QByteArray sample() {
    QFile file(QStringLiteral(HWI_SAMPLE));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the sample");
    return file.readAll();
}

Provenance provenanceOf(const QByteArray& bytes) {
    auto result = Document::parse(bytes);
    if (const auto* error = std::get_if<Document::ParseError>(&result))
        qFatal("parse error: %s", qPrintable(error->message));
    return hwi::hatchet::provenanceOf(*std::get<std::shared_ptr<const Document>>(result));
}

// A WorkerList as `hatchet worker list -o json` prints it, with rows current-era workers.
QByteArray cliList(int rows) {
    QByteArray out =
        "{\n  \"pagination\": {\n    \"current_page\": 1,\n    \"num_pages\": 1\n  },\n  \"rows\": [\n";
    for (int i = 0; i < rows; ++i) {
        out +=
            "    {\n      \"actions\": [],\n      \"name\": \"w-" + QByteArray::number(i) +
            " \\u0026 co\",\n      \"slotConfig\": {\n        \"default\": {\n          \"available\": 1,\n"
            "          \"limit\": 2\n        }\n      },\n      \"status\": \"ACTIVE\"\n    }";
        out += i + 1 < rows ? ",\n" : "\n";
    }
    return out + "  ]\n}\n";
}

} // namespace

class TestProvenance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void layout_data();
    void layout();
    void bigDocument();
    void rawByteGoNeverWritesAnywhere();
};

void TestProvenance::fixtures_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Writer>("writer");
    QTest::addColumn<QString>("era");

    // CLI output of a current server: every dating field of a list.
    QTest::newRow("list-current") << fixture("list-current.json") << Writer::HatchetCli
                                  << QStringLiteral("after 2026-05-20 (pagination, labels, slotConfig)");
    // MarshalIndent layout, but maxRuns: no CLI file can hold it (nor did a CLI exist then).
    QTest::newRow("list-legacy") << fixture("list-legacy.json") << Writer::OtherTool
                                 << QStringLiteral("before 2026-02-17 (maxRuns, no pagination)");
    QTest::newRow("worker-get-legacy") << fixture("worker-get-legacy.json") << Writer::RestCompact
                                       << QStringLiteral("before 2026-02-17 (maxRuns)");
    // labels only date list rows, so a single Worker is dated by its slotConfig alone.
    QTest::newRow("worker-get") << fixture("worker-get.json") << Writer::HatchetCli
                                << QStringLiteral("after 2026-02-17 (slotConfig)");
    // Compact without a trailing newline is still compact.
    QTest::newRow("worker-array") << fixture("worker-array.json") << Writer::RestCompact
                                  << QStringLiteral("after 2026-02-17 (slotConfig)");
    // `"actions": null`: the CLI's re-encoding drops null members.
    QTest::newRow("worker-patch") << fixture("worker-patch.json") << Writer::OtherTool
                                  << QStringLiteral("unknown (no dated fields)");
    QTest::newRow("invalid-types")
        << fixture("invalid-types.json") << Writer::OtherTool
        << QStringLiteral("conflicting: after 2026-05-20 (pagination) but before 2026-02-17 (maxRuns)");
    // Neither Go nor a server writes a BOM.
    QTest::newRow("bom") << fixture("bom.json") << Writer::OtherTool
                         << QStringLiteral("after 2026-02-17 (slotConfig)");
    QTest::newRow("not-workers") << fixture("not-workers.json") << Writer::RestCompact
                                 << QStringLiteral("unknown (no dated fields)");
    // MarshalIndent layout; its unknown futureField may be known to a newer CLI, so it proves nothing.
    QTest::newRow("tolerant") << fixture("tolerant.json") << Writer::HatchetCli
                              << QStringLiteral(
                                     "conflicting: after 2026-02-17 (slotConfig) but before 2024-09-11 "
                                     "(lastListenerEstablished)");
    // The bundled sample is what the CLI prints for a current server.
    QTest::newRow("sample") << sample() << Writer::HatchetCli
                            << QStringLiteral("after 2026-05-20 (pagination, labels, slotConfig)");
    QTest::newRow("compact pre-May list")
        << QByteArray(R"({"rows":[{"labels":[],"name":"a"},{"name":"b"}]})"
                      "\n")
        << Writer::RestCompact << QStringLiteral("between 2026-03-04 and 2026-05-20 (labels, no pagination)");
    QTest::newRow("null era fields count as absent")
        << QByteArray(R"({"maxRuns":null,"slotConfig":null})") << Writer::RestCompact
        << QStringLiteral("unknown (no dated fields)");
}

void TestProvenance::fixtures() {
    QFETCH(QByteArray, bytes);
    QFETCH(Writer, writer);
    QFETCH(QString, era);
    const Provenance provenance = provenanceOf(bytes);
    QCOMPARE(hwi::hatchet::writerText(provenance.writer), hwi::hatchet::writerText(writer));
    QCOMPARE(hwi::hatchet::serverEraText(provenance), era);
}

void TestProvenance::layout_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Writer>("writer");

    QTest::newRow("MarshalIndent")
        << QByteArray("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": \"x \\u003c y\"\n}\n")
        << Writer::HatchetCli;
    QTest::newRow("no trailing newline")
        << QByteArray("{\n  \"a\": [],\n  \"b\": {}\n}") << Writer::HatchetCli;
    QTest::newRow("4-space indent") << QByteArray("{\n    \"a\": 1,\n    \"b\": 2\n}\n") << Writer::OtherTool;
    QTest::newRow("tab indent") << QByteArray("{\n\t\"a\": 1\n}\n") << Writer::OtherTool;
    QTest::newRow("members out of order")
        << QByteArray("{\n  \"b\": 1,\n  \"a\": 2\n}\n") << Writer::OtherTool;
    QTest::newRow("raw ampersand") << QByteArray("{\n  \"a\": \"x & y\"\n}\n") << Writer::OtherTool;
    QTest::newRow("no space after colon") << QByteArray("{\n  \"a\":1\n}\n") << Writer::OtherTool;
    QTest::newRow("CRLF") << QByteArray("{\r\n  \"a\": 1\r\n}\r\n") << Writer::OtherTool;
    QTest::newRow("spaced empty array") << QByteArray("{\n  \"a\": [ ]\n}\n") << Writer::OtherTool;
    QTest::newRow("null member") << QByteArray("{\n  \"a\": null\n}\n") << Writer::OtherTool;
    QTest::newRow("compact with spaces") << QByteArray("{\"a\": 1, \"b\": [1, 2]}\n") << Writer::RestCompact;
    QTest::newRow("scalar") << QByteArray("7\n") << Writer::RestCompact;
}

void TestProvenance::layout() {
    // writerText() as well: the Overview's exact wording.
    QFETCH(QByteArray, bytes);
    QFETCH(Writer, writer);
    QCOMPARE(hwi::hatchet::writerText(provenanceOf(bytes).writer), hwi::hatchet::writerText(writer));
}

// Past the layout sample the check looks at a spread of nodes; the era fields are read in every row.
void TestProvenance::bigDocument() {
    const Provenance provenance = provenanceOf(cliList(3000));
    QCOMPARE(provenance.writer, Writer::HatchetCli);
    QCOMPARE(hwi::hatchet::serverEraText(provenance),
             QStringLiteral("after 2026-05-20 (pagination, slotConfig)"));

    QByteArray reindented = cliList(3000);
    reindented.replace("\n      \"status\"", "\n     \"status\""); // every row, so a sample sees it
    QCOMPARE(provenanceOf(reindented).writer, Writer::OtherTool);

    QByteArray oldRow = cliList(3000);
    oldRow.replace(oldRow.lastIndexOf("\"slotConfig\""), 12, "\"maxRuns\""); // in the last row only
    QCOMPARE(hwi::hatchet::serverEraText(provenanceOf(oldRow)),
             QStringLiteral("conflicting: after 2026-05-20 (pagination, slotConfig) but before 2026-02-17 "
                            "(maxRuns)"));
}

QTEST_GUILESS_MAIN(TestProvenance)
// A \r, \t, <, > or & written raw (Go escapes or never writes them) anywhere in the file, at every
// position in a 16-byte step of the scan, means another tool wrote it.
void TestProvenance::rawByteGoNeverWritesAnywhere() {
    for (int pad = 0; pad < 16; ++pad) {
        QByteArray cli = cliList(3);
        cli.replace("w-1", QByteArray("w-1").append(QByteArray(pad, 'x'))); // through the 16 alignments
        QCOMPARE(provenanceOf(cli).writer, Writer::HatchetCli);
        const qsizetype inString = cli.indexOf("w-2") + 2;         // inside the name's string
        const qsizetype beforeBreak = cli.indexOf("\n", inString); // whitespace at a line's end
        for (const char raw : {'\r', '\t', '<', '>', '&'}) {
            QByteArray bytes = cli;
            bytes.insert(raw == '\r' || raw == '\t' ? beforeBreak : inString, raw);
            QVERIFY2(provenanceOf(bytes).writer != Writer::HatchetCli,
                     qPrintable(QStringLiteral("byte %1 after %2 pad").arg(int(raw)).arg(pad)));
        }
    }
}

#include "tst_provenance.moc"
