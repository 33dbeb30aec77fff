// jq paths of nodes: identifier keys, keys that need quoting, array indexes, the root.
#include "json/document.h"
#include "json/paths.h"

#include <QTest>

using namespace hwi;

namespace {

json::NodeId at(const json::Document& doc, const QString& pointer) {
    return json::resolvePointer(doc, doc.root(), pointer);
}

std::shared_ptr<const json::Document> parsed(const QByteArray& text) {
    auto result = json::Document::parse(text);
    return std::get<std::shared_ptr<const json::Document>>(result);
}

} // namespace

class TestJsonPaths : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jqPath_data();
    void jqPath();
    void resolvePointerRoundTrips();
    void resolvePointerRefuses();
    void resolvePath_data();
    void resolvePath();
    void resolvePathRoundTripsJq();
    void resolvePathFromSubtree();
};

void TestJsonPaths::jqPath_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("expected");
    const QByteArray rows = R"({"rows":[{},{},{},{"slots":[{"stepRunId":"x"}]}]})";
    QTest::newRow("root") << rows << QString() << QStringLiteral(".");
    QTest::newRow("identifiers and indexes") << rows << QStringLiteral("/rows/3/slots/0/stepRunId")
                                             << QStringLiteral(".rows[3].slots[0].stepRunId");
    QTest::newRow("array root") << QByteArray("[1,[2,3]]") << QStringLiteral("/1/0")
                                << QStringLiteral(".[1][0]");
    QTest::newRow("space") << QByteArray(R"({"key with space":{"a_1":1}})")
                           << QStringLiteral("/key with space/a_1")
                           << QStringLiteral(R"(.["key with space"].a_1)");
    QTest::newRow("quotes and backslash")
        << QByteArray(R"({"a":{"say \"hi\"\\":1}})") << QStringLiteral("/a/say \"hi\"\\")
        << QStringLiteral(R"(.a["say \"hi\"\\"])");
    QTest::newRow("digit first") << QByteArray(R"({"1st":true})") << QStringLiteral("/1st")
                                 << QStringLiteral(R"(.["1st"])");
    QTest::newRow("dash") << QByteArray(R"({"x-y":null})") << QStringLiteral("/x-y")
                          << QStringLiteral(R"(.["x-y"])");
    QTest::newRow("keyword") << QByteArray(R"({"if":0})") << QStringLiteral("/if")
                             << QStringLiteral(R"(.["if"])");
    QTest::newRow("empty key") << QByteArray(R"({"":0})") << QStringLiteral("/")
                               << QStringLiteral(R"(.[""])");
    QTest::newRow("unicode and newline")
        << QByteArray("{\"caf\xc3\xa9\":{\"a\\nb\":1}}") << QStringLiteral("/café/a\nb")
        << QStringLiteral(R"(.["café"]["a\nb"])");
}

void TestJsonPaths::jqPath() {
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    QFETCH(QString, expected);
    const auto parsed = json::Document::parse(json);
    QVERIFY(std::holds_alternative<std::shared_ptr<const json::Document>>(parsed));
    const auto& doc = *std::get<std::shared_ptr<const json::Document>>(parsed);
    const json::NodeId node = pointer.isEmpty() ? doc.root() : at(doc, pointer);
    QVERIFY(node != json::NoNode);
    QCOMPARE(json::jqPath(doc, node), expected);
}

void TestJsonPaths::resolvePointerRoundTrips() {
    // Every node's own pointer leads back to it, escapes (~0 ~1) included, from the root or a subtree.
    const auto doc = parsed(R"({"a/b":{"m~n":[1,{"":true," ":null}]},"rows":[{"x":[[],{}]}],"e":""})");
    for (json::NodeId node = 0; node < doc->nodeCount(); ++node) {
        QCOMPARE(json::resolvePointer(*doc, doc->root(), doc->pointer(node)), node);
        if (node == doc->root())
            continue;
        const json::NodeId parent = doc->parent(node);
        const QString relative = doc->pointer(node).mid(doc->pointer(parent).size());
        QCOMPARE(json::resolvePointer(*doc, parent, relative), node);
    }
    QCOMPARE(doc->pointer(at(*doc, QStringLiteral("/a~1b/m~0n/1/"))), QStringLiteral("/a~1b/m~0n/1/"));
}

void TestJsonPaths::resolvePointerRefuses() {
    const auto doc = parsed(R"({"rows":[{"name":"x"}],"n":1})");
    for (const char* pointer : {"rows", "/nope", "/rows/1", "/rows/-1", "/rows/x", "/n/0", "/rows/0/name/0"})
        QCOMPARE(at(*doc, QString::fromLatin1(pointer)), json::NoNode);
    // Of duplicate keys the last is named, as the typed view reads them.
    const auto duplicates = parsed(R"({"k":1,"k":2})");
    QCOMPARE(duplicates->rawScalar(at(*duplicates, QStringLiteral("/k"))), std::string_view("2"));
}

void TestJsonPaths::resolvePath_data() {
    // The path and the pointer of the node it names ("!" for none).
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* path, const char* expected) {
        QTest::newRow(path) << QString::fromUtf8(path) << QString::fromUtf8(expected);
    };
    row("/rows/3/labels", "/rows/3/labels");
    row("/rows/3/labels/env", "/rows/3/labels/env");
    row("/a~1b/m~0n", "/a~1b/m~0n");
    row("/a/b", "!"); // ~1 is the slash, not a separator
    row("", "!");     // not a path
    row(".", "");
    row(".rows[3].labels", "/rows/3/labels");
    row(".rows[3][\"labels\"].env", "/rows/3/labels/env");
    row(".rows[3].\"labels\"", "/rows/3/labels");
    row(".[\"a/b\"][\"m~n\"][0]", "/a~1b/m~0n/0");
    row(".[\"key with space\"]", "/key with space");
    row(".[\"say \\\"hi\\\"\"]", "/say \"hi\"");
    row(".[\"caf\\u00e9\"]", "/caf\xc3\xa9");
    row(".rows[-1]", "/rows/3");
    row(".rows[-4]", "/rows/0");
    row("/rows/4", "!"); // out of range
    row(".rows[4]", "!");
    row(".rows[-5]", "!");
    row("/rows/-1", "!");
    row("/nope", "!"); // not found
    row(".nope", "!");
    row(".rows.x", "!");     // a key of an array
    row(".rows[0][0]", "!"); // an index of an object
    row(".rows[3", "!");     // malformed
    row(".rows[x]", "!");
    row(".[\"open", "!");
    row("..rows", "!");
    row("rows", "!");
}

void TestJsonPaths::resolvePath() {
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const auto doc = parsed("{\"rows\":[{},{},{},{\"labels\":{\"env\":\"prod\"}}],\"a/b\":{\"m~n\":[1]},"
                            "\"key with space\":1,\"say \\\"hi\\\"\":2,\"caf\xc3\xa9\":3}");
    const json::NodeId node = json::resolvePath(*doc, doc->root(), path);
    if (expected == QLatin1String("!"))
        QCOMPARE(node, json::NoNode);
    else
        QCOMPARE(node == json::NoNode ? QStringLiteral("<none>") : doc->pointer(node), expected);
}

void TestJsonPaths::resolvePathRoundTripsJq() {
    // Every node's jq path leads back to it.
    const auto doc =
        parsed(R"({"a/b":{"m~n":[1,{"":true," ":null,"if":[]}]},"rows":[{"x":[[],{}]}],"1st":"",)"
               R"("q\"\\":{"a\nb":0}})");
    for (json::NodeId node = 0; node < doc->nodeCount(); ++node)
        QCOMPARE(json::resolvePath(*doc, doc->root(), json::jqPath(*doc, node)), node);
}

void TestJsonPaths::resolvePathFromSubtree() {
    const auto doc = parsed(R"({"rows":[{"labels":{"env":"prod"}}]})");
    const json::NodeId row = at(*doc, QStringLiteral("/rows/0"));
    QCOMPARE(json::resolvePath(*doc, row, QStringLiteral(".labels.env")),
             at(*doc, QStringLiteral("/rows/0/labels/env")));
    QCOMPARE(json::resolvePath(*doc, row, QStringLiteral("/labels")),
             at(*doc, QStringLiteral("/rows/0/labels")));
    QVERIFY(json::looksLikePath(u"/x"));
    QVERIFY(json::looksLikePath(u".x"));
    QVERIFY(!json::looksLikePath(u"prod"));
    QVERIFY(!json::looksLikePath(u""));
}

QTEST_GUILESS_MAIN(TestJsonPaths)
#include "tst_jsonpaths.moc"
