#include "itemmodels/jsontreefilterproxy.h"
#include "itemmodels/jsontreemodel.h"
#include "itemmodels/rawvaluesortproxy.h"
#include "itemmodeltestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using hwi::json::NodeId;
using hwi::models::JsonTreeFilterProxy;
using hwi::models::JsonTreeModel;
using Tester = QAbstractItemModelTester;
using testutil::lines;

namespace {

QByteArray readFixture(const QString& name) {
    QFile file(testutil::fixturePath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

// Follows a JSON pointer through the model's indexes (column 0), not through the document.
QModelIndex follow(const QAbstractItemModel& model, const QString& pointer) {
    QModelIndex at = model.index(0, 0);
    const QStringList tokens = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString& token : tokens) {
        QModelIndex next;
        for (int row = 0; row < model.rowCount(at) && !next.isValid(); ++row) {
            const QModelIndex child = model.index(row, 0, at);
            const QString key = child.data().toString();
            if (key == token || key == QLatin1Char('[') + token + QLatin1Char(']'))
                next = child;
        }
        if (!next.isValid())
            return {};
        at = next;
    }
    return at;
}

} // namespace

class TestJsonTreeModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dump_data();
    void dump();
    void sourceOrderAndDuplicateKeys();
    void exactNumbers();
    void roles();
    void fullValue();
    void fullValueCap();
    void deepParent();
    void indexForNodeRoundTrip_data();
    void indexForNodeRoundTrip();
    void perWorkerTree();
    void resetOnlyOnNewDocument();
    void sortEveryColumn();
    void filterProxy();
    void filterProxyNonAscii();
    void filterProxySourceChanges();
};

void TestJsonTreeModel::dump_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");
    // clang-format off
    QTest::newRow("kinds") << QByteArray(R"({"b":1.0,"a":[true,false,null,"x\u0026y\n"],"b":-0.5e-3,"e":{},"f":[],"g":{"h":[1]}})")
                           << lines({
        "(root)|{6 members}|object|6",
        "  b|1.0|number|",
        "  a|[4 items]|array|4",
        "    [0]|true|boolean|",
        "    [1]|false|boolean|",
        "    [2]|null|null|",
        "    [3]|\"x&y\n\"|string|4",
        "  b|-0.5e-3|number|",
        "  e|{}|object|0",
        "  f|[]|array|0",
        "  g|{1 member}|object|1",
        "    h|[1 item]|array|1",
        "      [0]|1|number|",
    });
    QTest::newRow("scalar root") << QByteArray(R"( "h\u00e9" )") << lines({"(root)|\"hé\"|string|2"});
    QTest::newRow("empty array root") << QByteArray("[]") << lines({"(root)|[]|array|0"});
    QTest::newRow("escaped key") << QByteArray(R"({"a\/b\u0041":"\"q\""})") << lines({
        "(root)|{1 member}|object|1",
        "  a/bA|\"\"q\"\"|string|3",
    });
    QTest::newRow("tolerant.json")
        << readFixture(QStringLiteral("tolerant.json"))
        << testutil::expectedLines(QStringLiteral("jsontreemodel-dump-tolerant.txt"));
    // clang-format on
}

void TestJsonTreeModel::dump() {
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    JsonTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setDocument(testutil::parse(json));
    QVERIFY(testutil::sameLines(testutil::dump(model), expected));
}

void TestJsonTreeModel::sourceOrderAndDuplicateKeys() {
    JsonTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setDocument(testutil::parse(readFixture(QStringLiteral("invalid-types.json"))));
    const QModelIndex worker = follow(model, QStringLiteral("/rows/1"));
    QVERIFY(worker.isValid());
    QStringList keys;
    for (int row = 0; row < model.rowCount(worker); ++row)
        keys << model.index(row, JsonTreeModel::KeyColumn, worker).data().toString() + QLatin1Char('=') +
                    model.index(row, JsonTreeModel::ValueColumn, worker).data().toString();
    QCOMPARE(keys.filter(QStringLiteral("name=")),
             (QStringList{QStringLiteral("name=\"indexer-old\""), QStringLiteral("name=\"indexer\"")}));
    QCOMPARE(keys.first(), QStringLiteral("actions=[1 item]"));
    QCOMPARE(keys.last(), QStringLiteral("type=\"SELFHOSTED\""));
    // The second "name" has its own pointer and position.
    const QModelIndex second = model.index(int(keys.indexOf(QStringLiteral("name=\"indexer\""))), 0, worker);
    QCOMPARE(second.data(JsonTreeModel::PositionRole).toString(), QStringLiteral("33:15"));
}

void TestJsonTreeModel::exactNumbers() {
    JsonTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setDocument(
        testutil::parse(R"({"a":1.0,"b":123456789012345678901234567890,"c":-7,"d":1e400,"e":0.1})"));
    const QModelIndex root = model.index(0, 0);
    const auto value = [&](int row, int role) {
        return model.index(row, JsonTreeModel::ValueColumn, root).data(role);
    };
    QCOMPARE(value(0, Qt::DisplayRole).toString(), QStringLiteral("1.0"));
    QCOMPARE(value(0, JsonTreeModel::FullValueRole).toString(), QStringLiteral("1.0"));
    QCOMPARE(value(0, hwi::models::RawValueRole).typeId(), QMetaType::Double);
    QCOMPARE(value(1, Qt::DisplayRole).toString(), QStringLiteral("123456789012345678901234567890"));
    QCOMPARE(value(1, JsonTreeModel::FullValueRole).toString(),
             QStringLiteral("123456789012345678901234567890"));
    QCOMPARE(value(1, hwi::models::RawValueRole).toDouble(), 1.2345678901234568e29);
    QCOMPARE(value(2, hwi::models::RawValueRole).typeId(), QMetaType::LongLong);
    QCOMPARE(value(2, hwi::models::RawValueRole).toLongLong(), -7);
    QCOMPARE(value(3, Qt::DisplayRole).toString(), QStringLiteral("1e400"));
    QCOMPARE(value(4, Qt::DisplayRole).toString(), QStringLiteral("0.1"));
    QCOMPARE(model.index(0, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("{5 members}"));
}

void TestJsonTreeModel::roles() {
    JsonTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto doc = testutil::parse(readFixture(QStringLiteral("list-current.json")));
    model.setDocument(doc);
    const QModelIndex beat = follow(model, QStringLiteral("/rows/0/lastHeartbeatAt"));
    QVERIFY(beat.isValid());
    QCOMPARE(beat.data(JsonTreeModel::PointerRole).toString(), QStringLiteral("/rows/0/lastHeartbeatAt"));
    QCOMPARE(beat.data(JsonTreeModel::PositionRole).toString(), QStringLiteral("34:26"));
    QCOMPARE(beat.data(Qt::ToolTipRole).toString(), QStringLiteral("/rows/0/lastHeartbeatAt"));
    QCOMPARE(doc->pointer(beat.data(hwi::models::NodeRole).toUInt()),
             QStringLiteral("/rows/0/lastHeartbeatAt"));
    QCOMPARE(beat.siblingAtColumn(JsonTreeModel::ValueColumn).data(hwi::models::RawValueRole).toString(),
             QStringLiteral("2026-11-29T13:00:03.25Z"));
    QCOMPARE(beat.siblingAtColumn(JsonTreeModel::SizeColumn).data(hwi::models::RawValueRole).toLongLong(),
             23);
    QCOMPARE(beat.siblingAtColumn(JsonTreeModel::TypeColumn).data().toString(), QStringLiteral("string"));
    const QModelIndex element = follow(model, QStringLiteral("/rows/2"));
    QCOMPARE(element.data().toString(), QStringLiteral("[2]"));
    QCOMPARE(element.data(hwi::models::RawValueRole).toLongLong(), 2);
    QCOMPARE(model.index(0, 0).data(JsonTreeModel::PointerRole).toString(), QString());
    QCOMPARE(model.index(0, 0).data(JsonTreeModel::PositionRole).toString(), QStringLiteral("1:1"));
    QVERIFY(model.flags(beat) & Qt::ItemNeverHasChildren);
    QVERIFY(!(model.flags(element) & Qt::ItemNeverHasChildren));
    QCOMPARE(model.flags(QModelIndex()), Qt::NoItemFlags);
}

void TestJsonTreeModel::fullValue() {
    JsonTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    // A compact document re-serialises to exactly its own text.
    const QByteArray compact = readFixture(QStringLiteral("worker-array.json"));
    model.setDocument(testutil::parse(compact));
    QCOMPARE(model.index(0, 0).data(JsonTreeModel::FullValueRole).toString(), QString::fromUtf8(compact));
    const QModelIndex name = follow(model, QStringLiteral("/0/name"));
    QCOMPARE(name.data(JsonTreeModel::FullValueRole).toString(), QStringLiteral("etl & sync"));
    QCOMPARE(name.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(),
             QStringLiteral("\"etl & sync\""));
    // An indented one comes back compact, escapes and number text kept.
    model.setDocument(testutil::parse("{ \"a\\u0041\" : [ 1.50 , \"\\u00e9\\n\" , { } , [ ] , null ] }\n"));
    QCOMPARE(model.index(0, 0).data(JsonTreeModel::FullValueRole).toString(),
             QStringLiteral("{\"a\\u0041\":[1.50,\"\\u00e9\\n\",{},[],null]}"));
    QCOMPARE(follow(model, QStringLiteral("/aA/1")).data(JsonTreeModel::FullValueRole).toString(),
             QStringLiteral("\u00e9\n"));
}

void TestJsonTreeModel::fullValueCap() {
    // 300 strings of 4 KiB with a two-byte character at the cut: capped at 1 MiB, whole characters, "…".
    QByteArray json = "[";
    const QByteArray chunk = "\"" + QByteArray(4094, 'x') + "\xc3\xa9\"";
    for (int i = 0; i < 300; ++i)
        json += (i ? "," : "") + chunk;
    json += "]";
    JsonTreeModel model;
    model.setDocument(testutil::parse(json));
    const QString full = model.index(0, 0).data(JsonTreeModel::FullValueRole).toString();
    QVERIFY(full.endsWith(QStringLiteral("\u2026")));
    const QByteArray utf8 = full.chopped(1).toUtf8();
    QVERIFY(utf8.size() <= JsonTreeModel::FullValueLimit);
    QVERIFY(utf8.size() > JsonTreeModel::FullValueLimit - 4);
    QVERIFY(json.startsWith(utf8));
    QVERIFY(!full.contains(QChar::ReplacementCharacter));
    // The Value column stays short.
    const QModelIndex first = model.index(0, JsonTreeModel::ValueColumn, model.index(0, 0));
    QCOMPARE(first.data().toString().size(), 1002);
}

void TestJsonTreeModel::deepParent() {
    QByteArray json;
    const int depth = 500;
    for (int i = 0; i < depth; ++i)
        json += "{\"k\":[0,";
    json += "\"leaf\"";
    for (int i = 0; i < depth; ++i)
        json += "]}";
    JsonTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto doc = testutil::parse(json);
    model.setDocument(doc);
    QModelIndex at = model.index(0, 0);
    for (int i = 0; i < depth; ++i)
        at = model.index(1, 0, model.index(0, 0, at)); // member "k", then element [1]
    QCOMPARE(at.data(JsonTreeModel::FullValueRole).toString(), QStringLiteral("leaf"));
    QCOMPARE(at.row(), 1);
    // Walk back up with parent(): rows alternate 1 ([1]) and 0 ("k") and end at the root.
    int steps = 0;
    for (QModelIndex up = at; up.isValid(); up = up.parent(), ++steps) {
        if (up.parent().isValid())
            QCOMPARE(up.row(), steps % 2 == 0 ? 1 : 0);
        QCOMPARE(up.column(), 0);
    }
    QCOMPARE(steps, 2 * depth + 1);
    QCOMPARE(model.indexForNode(JsonTreeModel::nodeOf(at)), at);
    const QModelIndex valueCell = at.siblingAtColumn(JsonTreeModel::ValueColumn);
    QCOMPARE(valueCell.parent(), at.parent());
}

void TestJsonTreeModel::indexForNodeRoundTrip_data() {
    QTest::addColumn<QString>("fixture");
    for (const char* name :
         {"list-current.json", "list-legacy.json", "invalid-types.json", "bom.json", "sample"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestJsonTreeModel::indexForNodeRoundTrip() {
    QFETCH(QString, fixture);
    JsonTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto doc = testutil::parse(readFixture(fixture));
    model.setDocument(doc);
    for (NodeId node = 0; node < doc->nodeCount(); ++node) {
        const QModelIndex index = model.indexForNode(node);
        QVERIFY(index.isValid());
        QCOMPARE(JsonTreeModel::nodeOf(index), node);
        QCOMPARE(index.model(), &model);
        QCOMPARE(index.data(hwi::models::NodeRole).toUInt(), node);
        QCOMPARE(index.data(JsonTreeModel::PointerRole).toString(), doc->pointer(node));
        const QModelIndex parent = index.parent();
        QCOMPARE(model.index(index.row(), 0, parent), index);
        if (node == doc->root())
            QVERIFY(!parent.isValid());
        else
            QCOMPARE(parent, model.indexForNode(doc->parent(node)));
    }
    QVERIFY(!model.indexForNode(NodeId(doc->nodeCount())).isValid());
    QVERIFY(!model.indexForNode(hwi::json::NoNode).isValid());
}

void TestJsonTreeModel::perWorkerTree() {
    const auto snapshot = testutil::loadFixture(QStringLiteral("sample"));
    const hwi::json::Document& doc = *snapshot->document;
    JsonTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const NodeId worker = snapshot->workers[3];
    model.setDocument(snapshot->document, worker);
    QCOMPARE(model.rootNode(), worker);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex top = model.index(0, 0);
    QCOMPARE(top.data().toString(), QStringLiteral("[3]"));
    QCOMPARE(top.data(JsonTreeModel::PointerRole).toString(), QStringLiteral("/rows/3"));
    QVERIFY(!top.parent().isValid());
    QCOMPARE(model.rowCount(top), int(doc.childCount(worker)));
    QCOMPARE(model.indexForNode(worker), top);
    // Nodes of the worker map into the tree; nodes outside it do not.
    const NodeId name = doc.member(worker, "name");
    const QModelIndex nameIndex = model.indexForNode(name);
    QCOMPARE(nameIndex.parent(), top);
    QCOMPARE(nameIndex.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(),
             QStringLiteral("\"render-farm-01\""));
    const NodeId label = doc.child(doc.member(worker, "labels"), 2);
    QCOMPARE(model.indexForNode(label).data(JsonTreeModel::PointerRole).toString(),
             QStringLiteral("/rows/3/labels/2"));
    QCOMPARE(model.indexForNode(label).parent().parent(), top);
    QVERIFY(!model.indexForNode(doc.root()).isValid());
    QVERIFY(!model.indexForNode(snapshot->workers[4]).isValid());
    QVERIFY(!model.indexForNode(doc.member(snapshot->workers[2], "name")).isValid());
}

void TestJsonTreeModel::resetOnlyOnNewDocument() {
    JsonTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasChildren());
    QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
    const auto doc = testutil::parse(readFixture(QStringLiteral("list-current.json")));
    model.setDocument(doc);
    QCOMPARE(model.rowCount(), 1);
    // Reading never changes the model.
    QSignalSpy changedSpy(&model, &QAbstractItemModel::dataChanged);
    testutil::dump(model);
    QCOMPARE(changedSpy.size(), 0);
    model.setDocument(doc, doc->child(doc->member(doc->root(), "rows"), 1));
    model.setDocument(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resetSpy.size(), 3);
}

void TestJsonTreeModel::sortEveryColumn() {
    JsonTreeModel model;
    hwi::models::RawValueSortProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    model.setDocument(testutil::loadFixture(QStringLiteral("sample"))->document);
    int checked = 0;
    for (int column = 0; column < JsonTreeModel::NUM_COLUMNS; ++column) {
        proxy.sort(column);
        std::function<void(const QModelIndex&)> check = [&](const QModelIndex& parent) {
            for (int row = 0; row < proxy.rowCount(parent); ++row) {
                if (row + 1 < proxy.rowCount(parent)) {
                    const QModelIndex a = proxy.mapToSource(proxy.index(row, column, parent));
                    const QModelIndex b = proxy.mapToSource(proxy.index(row + 1, column, parent));
                    QVERIFY(proxy.lessThan(a, b) && !proxy.lessThan(b, a));
                    ++checked;
                }
                check(proxy.index(row, 0, parent));
            }
        };
        check({});
    }
    QVERIFY(checked > 1000);
}

// The raw JSON filter under the model tester from before the first document: filtering by key, string,
// number text; narrowing, widening, no match and clearing.
void TestJsonTreeModel::filterProxy() {
    JsonTreeModel model;
    JsonTreeFilterProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    model.setDocument(testutil::parse(readFixture(QStringLiteral("tolerant.json"))));
    const QStringList everything = testutil::expectedLines(QStringLiteral("jsontreemodel-dump-tolerant.txt"));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), everything));

    // Strings and keys, case-insensitively; ancestors stay, other children of a match do not.
    proxy.setFilterText(QStringLiteral("rust"));
    QCOMPARE(proxy.filterText(), QStringLiteral("rust"));
    // clang-format off
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|{11 members}|object|11",
        "  actions|[1 item]|array|1",
        "    [0]|\"rust-jobs:crunch\"|string|16",
        "  name|\"rusty-worker\"|string|12",
        "  runtimeInfo|{5 members}|object|5",
        "    language|\"RUST\"|string|4",
    })));
    proxy.setFilterText(QStringLiteral("rusty"));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|{11 members}|object|11",
        "  name|\"rusty-worker\"|string|12",
    })));
    proxy.setFilterText(QStringLiteral("RU"));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|{11 members}|object|11",
        "  actions|[1 item]|array|1",
        "    [0]|\"rust-jobs:crunch\"|string|16",
        "  name|\"rusty-worker\"|string|12",
        "  runtimeInfo|{5 members}|object|5",
        "    language|\"RUST\"|string|4",
        "    runtimeExtra|\"\"|string|0",
    })));
    // A number by its source text.
    proxy.setFilterText(QStringLiteral("1.0"));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|{11 members}|object|11",
        "  slotConfig|{1 member}|object|1",
        "    default|{2 members}|object|2",
        "      available|1.0|number|",
    })));
    proxy.setFilterText(QStringLiteral("4567890123456"));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|{11 members}|object|11",
        "  futureField|{2 members}|object|2",
        "    big|123456789012345678901234567890|number|",
    })));
    // clang-format on
    proxy.setFilterText(QStringLiteral("no such text"));
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(!proxy.hasChildren());
    proxy.setFilterText(QString());
    QVERIFY(testutil::sameLines(testutil::dump(proxy), everything));
}

// Text outside ASCII is compared as text, case-insensitively; ASCII text finds itself among other
// characters.
void TestJsonTreeModel::filterProxyNonAscii() {
    JsonTreeModel model;
    JsonTreeFilterProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    model.setDocument(testutil::parse(
        R"({"caf\u00e9": "Cr\u00e8me", "x": ["\u00c9T\u00c9", "plain"], "\ud83d\ude00": null})"));
    // clang-format off
    proxy.setFilterText(QStringLiteral("\u00c9"));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|{3 members}|object|3",
        "  café|\"Crème\"|string|5",
        "  x|[2 items]|array|2",
        "    [0]|\"ÉTÉ\"|string|3",
    })));
    proxy.setFilterText(QStringLiteral("CR\u00c8ME"));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|{3 members}|object|3",
        "  café|\"Crème\"|string|5",
    })));
    proxy.setFilterText(QStringLiteral("rÈ"));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|{3 members}|object|3",
        "  café|\"Crème\"|string|5",
    })));
    proxy.setFilterText(QStringLiteral("t\u00c9"));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|{3 members}|object|3",
        "  x|[2 items]|array|2",
        "    [0]|\"ÉTÉ\"|string|3",
    })));
    proxy.setFilterText(QStringLiteral("NULL"));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|{3 members}|object|3",
        "  😀|null|null|",
    })));
    // clang-format on
}

// The filter stays while the source model is reset under it: a new document, none, and one worker's tree.
void TestJsonTreeModel::filterProxySourceChanges() {
    JsonTreeModel model;
    JsonTreeFilterProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    proxy.setFilterText(QStringLiteral("rusty"));
    QCOMPARE(proxy.rowCount(), 0);
    model.setDocument(testutil::parse(readFixture(QStringLiteral("tolerant.json"))));
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
                                                           "(root)|{11 members}|object|11",
                                                           "  name|\"rusty-worker\"|string|12",
                                                       })));

    proxy.setFilterText(QStringLiteral("transform"));
    QCOMPARE(proxy.rowCount(), 0);
    model.setDocument(testutil::parse(readFixture(QStringLiteral("worker-array.json"))));
    // clang-format off
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
        "(root)|[2 items]|array|2",
        "  [1]|{9 members}|object|9",
        "    actions|[1 item]|array|1",
        "      [0]|\"etl:transform\"|string|13",
        "    name|\"etl-transform\"|string|13",
    })));
    // clang-format on
    model.setDocument(nullptr);
    QCOMPARE(proxy.rowCount(), 0);

    const auto snapshot = testutil::loadFixture(QStringLiteral("sample"));
    proxy.setFilterText(QStringLiteral("render-farm"));
    model.setDocument(snapshot->document, snapshot->workers[3]);
    QVERIFY(testutil::sameLines(testutil::dump(proxy), lines({
                                                           "[3]|{11 members}|object|11",
                                                           "  name|\"render-farm-01\"|string|14",
                                                       })));
    model.setDocument(snapshot->document, snapshot->workers[4]);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), int(snapshot->document->childCount(snapshot->workers[4])));
}

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
