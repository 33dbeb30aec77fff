// Export: a document or a selection of its workers written back faithfully (only whitespace changes:
// member order, duplicate keys, number text and string escapes survive, Go's MarshalIndent layout is
// reproduced byte for byte), detail tables as JSON and CSV, and all-or-nothing file writes.
#include "export/atomicwrite.h"
#include "export/jsonwriter.h"
#include "export/tableexport.h"
#include "export/workerexport.h"
#include "hatchet/snapshot.h"
#include "json/document.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using hwi::exporting::Style;
using hwi::hatchet::Shape;
using hwi::hatchet::Snapshot;
using hwi::json::Document;
using hwi::json::Kind;
using hwi::json::NodeId;

Q_DECLARE_METATYPE(Style)

namespace {

using DocumentPtr = std::shared_ptr<const Document>;

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString fixturePath(const QString& name) {
    return QStringLiteral(HWI_FIXTURES "/") + name;
}

DocumentPtr parse(const QByteArray& bytes) {
    auto result = Document::parse(bytes);
    if (auto* error = std::get_if<Document::ParseError>(&result)) {
        qWarning("parse error at %d:%d: %s", error->line, error->column, qPrintable(error->message));
        return nullptr;
    }
    return std::get<DocumentPtr>(result);
}

std::shared_ptr<const Snapshot> snapshotOf(const QByteArray& bytes) {
    DocumentPtr document = parse(bytes);
    if (!document)
        return nullptr;
    return Snapshot::build(document, QStringLiteral("test"), {}, Snapshot::Validation::Skip);
}

QString show(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Empty when the subtrees are the same node by node (kind, raw key, raw scalar text, children), else where
// and how they differ.
QString treeDifference(const Document& a, NodeId aId, const Document& b, NodeId bId) {
    std::vector<std::pair<NodeId, NodeId>> stack{{aId, bId}};
    while (!stack.empty()) {
        const auto [x, y] = stack.back();
        stack.pop_back();
        const QString where = a.pointer(x) + QStringLiteral(" vs ") + b.pointer(y) + QStringLiteral(": ");
        if (a.kind(x) != b.kind(y))
            return where + QStringLiteral("kind");
        if (a.rawKey(x) != b.rawKey(y))
            return where + show(a.rawKey(x)) + QStringLiteral(" vs key ") + show(b.rawKey(y));
        if (a.rawScalar(x) != b.rawScalar(y))
            return where + show(a.rawScalar(x)) + QStringLiteral(" vs ") + show(b.rawScalar(y));
        if (a.childCount(x) != b.childCount(y))
            return where + QStringLiteral("child count");
        for (std::uint32_t i = 0; i < a.childCount(x); ++i)
            stack.emplace_back(a.child(x, i), b.child(y, i));
    }
    return {};
}

QStringList allFixtures() {
    QStringList paths;
    const QDir dir(QStringLiteral(HWI_FIXTURES));
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& name : names)
        paths << dir.filePath(name);
    paths << QStringLiteral(HWI_SAMPLE);
    return paths;
}

QStandardItemModel* tableModel(QObject* parent, const QStringList& headers, const QList<QStringList>& rows) {
    auto* model = new QStandardItemModel(int(rows.size()), int(headers.size()), parent);
    model->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < rows[r].size(); ++c)
            model->setItem(r, c, new QStandardItem(rows[r][c]));
    return model;
}

} // namespace

class ExportTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void goMarshalIndentByteForByte_data();
    void goMarshalIndentByteForByte();
    void compactByteForByte_data();
    void compactByteForByte();
    void escapesNumbersAndDuplicatesKept();
    void deepNestingAndLargeOutput();
    void compactIsTheSourceWithoutWhitespace();
    void workerListKeepsEnvelope();
    void manyWorkersWrittenInPartsAsInOne();
    void workerListUnknownMembersKept();
    void bareArrayStaysArray();
    void singleWorkerStaysObject();
    void csvQuoting();
    void csvFollowsProxyOrder();
    void tableJson();
    void atomicWriteSucceeds();
    void atomicWriteMissingDirectory();
    void atomicWriteFailureKeepsOriginal();
};

void ExportTest::roundTrip_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<Style>("style");
    for (const QString& path : allFixtures()) {
        const QByteArray name = QFileInfo(path).fileName().toUtf8();
        QTest::newRow(QByteArray(name + " pretty").constData()) << path << Style::Pretty;
        QTest::newRow(QByteArray(name + " compact").constData()) << path << Style::Compact;
    }
}

void ExportTest::roundTrip() {
    QFETCH(QString, path);
    QFETCH(Style, style);
    const DocumentPtr source = parse(readFile(path));
    QVERIFY(source);
    const QByteArray exported = hwi::exporting::toJson(*source, source->root(), style);
    QCOMPARE(exported.endsWith('\n'), style == Style::Pretty);
    if (style == Style::Compact)
        QVERIFY(!exported.contains(' ') || source->source().contains(' ')); // spaces only inside strings
    const DocumentPtr back = parse(exported);
    QVERIFY(back);
    QCOMPARE(back->nodeCount(), source->nodeCount());
    QCOMPARE(treeDifference(*source, source->root(), *back, back->root()), QString());

    // Streaming to a device writes the same bytes.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(hwi::exporting::writeJson(buffer, *source, source->root(), style));
    QCOMPARE(buffer.data(), exported);
}

void ExportTest::goMarshalIndentByteForByte_data() {
    // The fixtures that are json.MarshalIndent(v, "", "  ") output plus a newline (tests/fixtures/README.md).
    QTest::addColumn<QString>("name");
    for (const char* name : {"list-current.json", "list-legacy.json", "worker-get.json", "worker-patch.json",
                             "tolerant.json", "invalid-types.json", "bom.json"})
        QTest::newRow(name) << QString::fromUtf8(name);
    QTest::newRow("sample") << QString();
}

void ExportTest::goMarshalIndentByteForByte() {
    QFETCH(QString, name);
    QByteArray file = readFile(name.isEmpty() ? QStringLiteral(HWI_SAMPLE) : fixturePath(name));
    QVERIFY(!file.isEmpty());
    const DocumentPtr document = parse(file);
    QVERIFY(document);
    if (file.startsWith("\xEF\xBB\xBF"))
        file.remove(0, 3); // the byte order mark is not part of the JSON text
    QCOMPARE(hwi::exporting::toJson(*document, document->root(), Style::Pretty), file);
}

void ExportTest::compactByteForByte_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("suffix");
    QTest::newRow("worker-array") << QStringLiteral("worker-array.json") << QByteArray();
    QTest::newRow("not-workers") << QStringLiteral("not-workers.json") << QByteArray("\n");
}

void ExportTest::compactByteForByte() {
    QFETCH(QString, name);
    QFETCH(QByteArray, suffix);
    const QByteArray file = readFile(fixturePath(name));
    const auto snapshot = snapshotOf(file);
    QVERIFY(snapshot);
    const DocumentPtr& document = snapshot->document;
    QCOMPARE(hwi::exporting::toJson(*document, document->root(), Style::Compact) + suffix, file);
    if (snapshot->shape == Shape::WorkerArray) {
        std::vector<std::size_t> all(snapshot->workers.size());
        std::iota(all.begin(), all.end(), 0);
        QCOMPARE(hwi::exporting::exportWorkers(*snapshot, all, Style::Compact), file);
    }
}

void ExportTest::escapesNumbersAndDuplicatesKept() {
    const QByteArray compact =
        R"({"a\u0026b":"x\/y \u0026 \"q\" \ud83d\ude00","a\u0026b":2,"n":[1.0e+2,-0.0,)"
        R"(123456789012345678901234567890],"e":[],"o":{},"t":true,"f":false,"z":null})";
    const DocumentPtr document = parse(compact);
    QVERIFY(document);
    QCOMPARE(hwi::exporting::toJson(*document, document->root(), Style::Compact), compact);
    const QByteArray pretty = "{\n"
                              "  \"a\\u0026b\": \"x\\/y \\u0026 \\\"q\\\" \\ud83d\\ude00\",\n"
                              "  \"a\\u0026b\": 2,\n"
                              "  \"n\": [\n"
                              "    1.0e+2,\n"
                              "    -0.0,\n"
                              "    123456789012345678901234567890\n"
                              "  ],\n"
                              "  \"e\": [],\n"
                              "  \"o\": {},\n"
                              "  \"t\": true,\n"
                              "  \"f\": false,\n"
                              "  \"z\": null\n"
                              "}\n";
    QCOMPARE(hwi::exporting::toJson(*document, document->root(), Style::Pretty), pretty);
    // A scalar and a subtree on their own.
    QCOMPARE(hwi::exporting::toJson(*document, document->child(0, 0), Style::Compact),
             QByteArray(R"("x\/y \u0026 \"q\" \ud83d\ude00")"));
    QCOMPARE(hwi::exporting::toJson(*document, document->child(0, 2), Style::Compact),
             QByteArray("[1.0e+2,-0.0,123456789012345678901234567890]"));
}

void ExportTest::deepNestingAndLargeOutput() {
    // 1000 levels: no recursion, indentation beyond the precomputed run.
    const int depth = 1000;
    const QByteArray deep = QByteArray(depth, '[') + "\"x\"" + QByteArray(depth, ']');
    const DocumentPtr document = parse(deep);
    QVERIFY(document);
    QCOMPARE(hwi::exporting::toJson(*document, 0, Style::Compact), deep);
    const QByteArray pretty = hwi::exporting::toJson(*document, 0, Style::Pretty);
    const QByteArray innermost =
        "\n" + QByteArray(2 * depth, ' ') + "\"x\"\n" + QByteArray(2 * (depth - 1), ' ') + ']';
    QVERIFY(pretty.contains(innermost));
    const DocumentPtr back = parse(pretty);
    QVERIFY(back);
    QCOMPARE(treeDifference(*document, 0, *back, 0), QString());

    // Several MiB through the device: flushed in chunks, nothing lost or reordered.
    QByteArray big = "[";
    for (int i = 0; i < 200000; ++i)
        big += (i ? ",\"" : "\"") + QByteArray::number(i) + "\\u0026 some text to make it longer\"";
    big += "]";
    const DocumentPtr large = parse(big);
    QVERIFY(large);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(hwi::exporting::writeJson(buffer, *large, 0, Style::Compact));
    QCOMPARE(buffer.data(), big);
    buffer.close();
    buffer.setData({});
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(hwi::exporting::writeJson(buffer, *large, 0, Style::Pretty));
    QCOMPARE(buffer.data(), hwi::exporting::toJson(*large, 0, Style::Pretty));
}

// The source text without the whitespace outside its strings: what a compact export of a whole document is.
QByteArray withoutWhitespace(const QByteArray& text) {
    QByteArray out;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\')
                out += text[++i];
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            out += c;
        }
    }
    return out;
}

// Containers of every size (up to the whole document, past the size copied without whitespace in one go):
// compact is the source without its whitespace, escapes, duplicates and number text as they were.
void ExportTest::compactIsTheSourceWithoutWhitespace() {
    QByteArray large = "[\n";
    for (int i = 0; i < 15000; ++i) {
        large += QByteArray(i ? " ,\n" : "") + R"(  { "name" : "w)" + QByteArray::number(i) +
                 R"( \" } ] \\" , "n": [ 1.50 , -2e3 , { } , [ ] ], "n": { "deep" : [ [ "x y" ] ] },
                    "s": "a\tb\u00e9 ,: {" } )";
    }
    large += "\n]\n";
    QVERIFY(large.size() > 2 * (1 << 20));
    QList<QByteArray> texts = {large, "{ \"big\" : " + large + " , \"small\" : [ { } ] }"};
    for (const QString& path : allFixtures())
        texts << readFile(path).replace("\xEF\xBB\xBF", ""); // a BOM is not the document's
    for (const QByteArray& text : texts) {
        const DocumentPtr document = parse(text);
        QVERIFY(document);
        QCOMPARE(hwi::exporting::toJson(*document, document->root(), Style::Compact),
                 withoutWhitespace(text));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(hwi::exporting::writeJson(buffer, *document, document->root(), Style::Compact));
        QCOMPARE(buffer.data(), withoutWhitespace(text));
    }
}

void ExportTest::workerListKeepsEnvelope() {
    const QByteArray file = readFile(fixturePath(QStringLiteral("list-current.json")));
    const auto snapshot = snapshotOf(file);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->shape, Shape::WorkerList);
    QCOMPARE(snapshot->workers.size(), std::size_t(3));
    const Document& source = *snapshot->document;

    QCOMPARE(hwi::exporting::exportWorkers(*snapshot, {0, 1, 2}, Style::Pretty), file);

    // Out of order, duplicated and out of range: rows 0 and 2, in document order.
    const QByteArray subset = hwi::exporting::exportWorkers(*snapshot, {2, 0, 2, 99}, Style::Pretty);
    QVERIFY(subset.endsWith("}\n"));
    const DocumentPtr back = parse(subset);
    QVERIFY(back);
    QCOMPARE(back->childCount(0), source.childCount(0));
    const NodeId pagination = source.member(0, "pagination");
    QCOMPARE(treeDifference(source, pagination, *back, back->member(0, "pagination")), QString());
    QVERIFY(subset.startsWith("{\n  \"pagination\": {\n    \"current_page\": 1,\n"));
    const NodeId rows = back->member(0, "rows");
    QCOMPARE(back->childCount(rows), 2u);
    QCOMPARE(treeDifference(source, snapshot->workers[0], *back, back->child(rows, 0)), QString());
    QCOMPARE(treeDifference(source, snapshot->workers[2], *back, back->child(rows, 1)), QString());

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(hwi::exporting::writeWorkers(buffer, *snapshot, {0, 2}, Style::Pretty));
    QCOMPARE(buffer.data(), subset);

    QCOMPARE(hwi::exporting::exportWorkers(*snapshot, {}, Style::Compact),
             R"({"pagination":{"current_page":1,"num_pages":1},"rows":[]})");
}

// More than a few parts of workers: exported in parts at once, byte for byte what one walk writes.
void ExportTest::manyWorkersWrittenInPartsAsInOne() {
    const auto fixture = snapshotOf(readFile(fixturePath(QStringLiteral("list-current.json"))));
    QVERIFY(fixture);
    QByteArray text = R"({"pagination": {"current_page": 1, "num_pages": 1}, "rows": [)";
    constexpr int Count = 1000;
    for (int i = 0; i < Count; ++i) {
        QByteArray worker = hwi::exporting::toJson(
            *fixture->document, fixture->workers[std::size_t(i) % fixture->workers.size()], Style::Compact);
        worker.replace(QByteArrayLiteral("\"name\":\""),
                       QByteArray("\"name\":\"w" + QByteArray::number(i) + "-"));
        text += (i ? "," : "") + worker;
    }
    text += "], \"after\": [1, 2]}";
    const auto snapshot = snapshotOf(text);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->workers.size(), std::size_t(Count));
    const Document& document = *snapshot->document;
    std::vector<std::size_t> all(Count);
    std::iota(all.begin(), all.end(), 0);

    for (const Style style : {Style::Pretty, Style::Compact}) {
        // The whole document in one walk (value() of the root) is the reference.
        const QByteArray whole = hwi::exporting::toJson(document, document.root(), style);
        QCOMPARE(hwi::exporting::exportWorkers(*snapshot, all, style), whole);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(hwi::exporting::writeWorkers(buffer, *snapshot, all, style));
        QCOMPARE(buffer.data(), whole);

        // Every third worker, in any order: in document order, each as it was, formatted as in one walk.
        std::vector<std::size_t> some;
        for (std::size_t i = Count; i-- > 0;)
            if (i % 3 == 1)
                some.push_back(i);
        const QByteArray subset = hwi::exporting::exportWorkers(*snapshot, some, style);
        const DocumentPtr back = parse(subset);
        QVERIFY(back);
        QCOMPARE(hwi::exporting::toJson(*back, back->root(), style), subset);
        const NodeId rows = back->member(back->root(), "rows");
        QCOMPARE(back->childCount(rows), std::uint32_t(some.size()));
        for (std::uint32_t row = 0; row < back->childCount(rows); ++row)
            QCOMPARE(treeDifference(document, snapshot->workers[3 * row + 1], *back, back->child(rows, row)),
                     QString());
    }

    // Replaced scalars are replaced in every part.
    hwi::exporting::ScalarReplacements names;
    for (std::size_t i = 0; i < snapshot->workers.size(); ++i)
        names[document.member(snapshot->workers[i], "name")] = "\"n" + std::to_string(i) + "\"";
    const DocumentPtr redacted = parse(hwi::exporting::exportWorkers(*snapshot, all, Style::Compact, &names));
    QVERIFY(redacted);
    const NodeId rows = redacted->member(redacted->root(), "rows");
    for (std::uint32_t row = 0; row < Count; ++row)
        QCOMPARE(redacted->text(redacted->member(redacted->child(rows, row), "name")),
                 QStringLiteral("n%1").arg(row));
}

void ExportTest::workerListUnknownMembersKept() {
    const QByteArray list = R"({"first":1.50,"rows":"old","pagination":{"num_pages":1},)"
                            R"("rows":[{"name":"a"},{"name":"b\u003c"},{"name":"c"}],"zeta":{"k":[]}})";
    const auto snapshot = snapshotOf(list);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->shape, Shape::WorkerList);
    QCOMPARE(
        hwi::exporting::exportWorkers(*snapshot, {1}, Style::Compact),
        R"({"first":1.50,"rows":"old","pagination":{"num_pages":1},"rows":[{"name":"b\u003c"}],"zeta":{"k":[]}})");
}

void ExportTest::bareArrayStaysArray() {
    const auto snapshot = snapshotOf(readFile(fixturePath(QStringLiteral("worker-array.json"))));
    QVERIFY(snapshot);
    QCOMPARE(snapshot->shape, Shape::WorkerArray);
    const QByteArray one = hwi::exporting::exportWorkers(*snapshot, {1}, Style::Pretty);
    QVERIFY(one.startsWith("[\n  {\n"));
    const DocumentPtr back = parse(one);
    QVERIFY(back);
    QCOMPARE(back->kind(0), Kind::Array);
    QCOMPARE(back->childCount(0), 1u);
    QCOMPARE(treeDifference(*snapshot->document, snapshot->workers[1], *back, back->child(0, 0)), QString());
    const QByteArray first = hwi::exporting::exportWorkers(*snapshot, {0}, Style::Compact);
    QVERIFY(first.contains(R"("name":"etl \u0026 sync")"));
    QCOMPARE(hwi::exporting::exportWorkers(*snapshot, {}, Style::Pretty), QByteArray("[]\n"));
}

void ExportTest::singleWorkerStaysObject() {
    const QByteArray file = readFile(fixturePath(QStringLiteral("worker-get.json")));
    const auto snapshot = snapshotOf(file);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->shape, Shape::Worker);
    QCOMPARE(hwi::exporting::exportWorkers(*snapshot, {0}, Style::Pretty), file);
    // Zero workers of a single-Worker document: an empty array (see workerexport.h).
    QCOMPARE(hwi::exporting::exportWorkers(*snapshot, {}, Style::Pretty), QByteArray("[]\n"));
    QCOMPARE(hwi::exporting::exportWorkers(*snapshot, {}, Style::Compact), QByteArray("[]"));
}

void ExportTest::csvQuoting() {
    QObject owner;
    const auto* model = tableModel(&owner, {QStringLiteral("Key"), QStringLiteral("Va,lue")},
                                   {{QStringLiteral("plain"), QStringLiteral("a,b")},
                                    {QStringLiteral("say \"hi\""), QStringLiteral("line\nbreak")},
                                    {QStringLiteral(" lead"), QStringLiteral("trail ")},
                                    {QStringLiteral("cr\rlf"), QString()},
                                    {QStringLiteral("in ner"), QStringLiteral("ünï €")}});
    const QByteArray expected = "Key,\"Va,lue\"\r\n"
                                "plain,\"a,b\"\r\n"
                                "\"say \"\"hi\"\"\",\"line\nbreak\"\r\n"
                                "\" lead\",\"trail \"\r\n"
                                "\"cr\rlf\",\r\n"
                                "in ner,\xC3\xBC\x6E\xC3\xAF \xE2\x82\xAC\r\n";
    QCOMPARE(hwi::exporting::tableToCsv(*model), expected);
    QCOMPARE(hwi::exporting::csvField(QStringLiteral("\"")), QByteArray("\"\"\"\""));
    QCOMPARE(hwi::exporting::csvField(QStringLiteral("\t")), QByteArray("\"\t\""));
}

void ExportTest::csvFollowsProxyOrder() {
    QObject owner;
    auto* model = tableModel(&owner, {QStringLiteral("n")},
                             {{QStringLiteral("b")}, {QStringLiteral("c")}, {QStringLiteral("a")}});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(model);
    proxy.sort(0, Qt::DescendingOrder);
    QCOMPARE(hwi::exporting::tableToCsv(proxy), QByteArray("n\r\nc\r\nb\r\na\r\n"));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(hwi::exporting::writeTableCsv(buffer, proxy));
    QCOMPARE(buffer.data(), QByteArray("n\r\nc\r\nb\r\na\r\n"));
}

void ExportTest::tableJson() {
    QObject owner;
    const auto* model = tableModel(
        &owner, {QStringLiteral("Name"), QStringLiteral("Say \"x\"\\")},
        {{QStringLiteral("a\tb\n\x01"), QStringLiteral("ü \"q\"")}, {QStringLiteral("2"), QString()}});
    QCOMPARE(
        hwi::exporting::tableToJson(*model, Style::Compact),
        QByteArray(R"([{"Name":"a\tb\n\u0001","Say \"x\"\\":"\u00fc \"q\""},{"Name":"2","Say \"x\"\\":""}])")
            .replace("\\u00fc", "\xC3\xBC"));
    const QByteArray pretty = hwi::exporting::tableToJson(*model, Style::Pretty);
    QVERIFY(pretty.startsWith("[\n  {\n    \"Name\": \"a\\tb\\n\\u0001\",\n"));
    QVERIFY(pretty.endsWith("  }\n]\n"));
    const DocumentPtr back = parse(pretty);
    QVERIFY(back);
    QCOMPARE(back->childCount(0), 2u);
    QCOMPARE(back->key(back->child(back->child(0, 0), 1)), QStringLiteral("Say \"x\"\\"));
    QCOMPARE(back->text(back->child(back->child(0, 0), 0)), QStringLiteral("a\tb\n\x01"));
    QCOMPARE(back->text(back->child(back->child(0, 0), 1)), QStringLiteral("ü \"q\""));
    QCOMPARE(back->kind(back->child(back->child(0, 1), 0)), Kind::String); // "2" stays text

    QStandardItemModel empty;
    QCOMPARE(hwi::exporting::tableToJson(empty, Style::Pretty), QByteArray("[]\n"));
}

void ExportTest::atomicWriteSucceeds() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.json"));
    const auto error =
        hwi::exporting::writeAtomically(path, [](QIODevice& device) { return device.write("[1]\n") == 4; });
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(readFile(path), QByteArray("[1]\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("out.json")});
    // Standard output: a callback that writes nothing succeeds.
    QVERIFY(!hwi::exporting::writeAtomically(QStringLiteral("-"), [](QIODevice&) { return true; }));
}

void ExportTest::atomicWriteMissingDirectory() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/sub/out.csv"));
    bool called = false;
    const auto error = hwi::exporting::writeAtomically(path, [&](QIODevice&) { return called = true; });
    QVERIFY(error);
    QVERIFY2(error->contains(path), qPrintable(*error));
    QVERIFY(!called);
    QVERIFY(!QFile::exists(path));
}

void ExportTest::atomicWriteFailureKeepsOriginal() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keep.json"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("original");
    }
    const auto error = hwi::exporting::writeAtomically(path, [](QIODevice& device) {
        device.write("partial new content");
        return false;
    });
    QVERIFY(error);
    QVERIFY2(error->contains(path), qPrintable(*error));
    QCOMPARE(readFile(path), QByteArray("original"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("keep.json")});

    QVERIFY(
        !hwi::exporting::writeAtomically(path, [](QIODevice& device) { return device.write("new") == 3; }));
    QCOMPARE(readFile(path), QByteArray("new"));
}

QTEST_GUILESS_MAIN(ExportTest)
#include "tst_export.moc"
