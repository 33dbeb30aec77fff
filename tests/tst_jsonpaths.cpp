// jq paths of nodes: identifier keys, keys that need quoting, array indexes, the root.
#include "json/document.h"
#include "json/paths.h"

#include <QTest>

using namespace hwi;

namespace {

// The node at an RFC 6901 pointer (no ~ escapes needed by these cases).
json::NodeId at(const json::Document& doc, const QString& pointer) {
    json::NodeId node = doc.root();
    for (const QString& step : pointer.split(QLatin1Char('/')).mid(1)) {
        if (doc.kind(node) == json::Kind::Array)
            node = doc.child(node, step.toUInt());
        else
            node = doc.member(node, step.toStdString());
    }
    return node;
}

} // namespace

class TestJsonPaths : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jqPath_data();
    void jqPath();
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

QTEST_GUILESS_MAIN(TestJsonPaths)
#include "tst_jsonpaths.moc"
