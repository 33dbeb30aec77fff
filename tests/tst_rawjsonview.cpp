// The raw JSON view (offscreen): a pointer or jq path in the filter box jumps to its node, a path naming
// nothing marks the box and keeps the tree, and containers show pretty-printed as export writes them.
#include "export/jsonwriter.h"
#include "itemmodels/jsontreefilterproxy.h"
#include "itemmodels/jsontreemodel.h"
#include "rawjsonview.h"
#include "json/paths.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QTreeView>

using namespace hwi;
using views::RawJsonView;

namespace {

const QByteArray Json = R"({"rows":[{"name":"a"},{"name":"b"},{"name":"c"},)"
                        R"({"name":"d","labels":{"env":"prod","a/b":1.50e3}}],"n":1})";

std::shared_ptr<const json::Document> parsed(const QByteArray& text) {
    return std::get<std::shared_ptr<const json::Document>>(json::Document::parse(text));
}

json::NodeId at(const json::Document& doc, const char* pointer) {
    return json::resolvePointer(doc, doc.root(), QString::fromUtf8(pointer));
}

QString pretty(const json::Document& doc, json::NodeId node) {
    QByteArray text = exporting::toJson(doc, node, exporting::Style::Pretty);
    if (text.endsWith('\n'))
        text.chop(1); // the file's final newline
    return QString::fromUtf8(text);
}

QPlainTextEdit* valuePane(RawJsonView& view) {
    return view.findChild<QPlainTextEdit*>();
}

} // namespace

class TestRawJsonView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pointerJumps();
    void jqPathJumps();
    void missingPathKeepsTree();
    void textStillFilters();
    void containersArePretty();
};

void TestRawJsonView::pointerJumps() {
    RawJsonView view;
    const auto doc = parsed(Json);
    view.setDocument(doc);
    view.resize(600, 400);
    view.show();
    QTest::keyClicks(view.filterEdit(), QStringLiteral("/rows/3/labels"));
    QTest::keyClick(view.filterEdit(), Qt::Key_Return);
    QCOMPARE(view.currentNode(), at(*doc, "/rows/3/labels"));
    QVERIFY(!view.pathError());
    QVERIFY(view.proxy()->filterText().isEmpty()); // not filtered: every row is there
    QCOMPARE(view.proxy()->rowCount(view.proxy()->index(0, 0)), 2);
    const QModelIndex current = view.tree()->currentIndex();
    QVERIFY(view.tree()->isExpanded(current.parent()));
    QVERIFY(view.tree()->isExpanded(current.parent().parent()));
    QVERIFY(view.tree()->visualRect(current).isValid());

    // Escapes, and typing alone (after the pause) jumps too.
    view.filterEdit()->clear();
    QTest::keyClicks(view.filterEdit(), QStringLiteral("/rows/3/labels/a~1b"));
    QTRY_COMPARE(view.currentNode(), at(*doc, "/rows/3/labels/a~1b"));
    QCOMPARE(valuePane(view)->toPlainText(), QStringLiteral("1.50e3")); // scalars as written
}

void TestRawJsonView::jqPathJumps() {
    RawJsonView view;
    const auto doc = parsed(Json);
    view.setDocument(doc);
    view.setFilterText(QStringLiteral(".rows[3].labels[\"a/b\"]"));
    QCOMPARE(view.currentNode(), at(*doc, "/rows/3/labels/a~1b"));
    view.setFilterText(QStringLiteral(".rows[-1].name"));
    QCOMPARE(view.currentNode(), at(*doc, "/rows/3/name"));
    view.setFilterText(QStringLiteral("."));
    QCOMPARE(view.currentNode(), doc->root());
}

void TestRawJsonView::missingPathKeepsTree() {
    RawJsonView view;
    const auto doc = parsed(Json);
    view.setDocument(doc);
    view.setFilterText(QStringLiteral("/rows/1"));
    const json::NodeId before = view.currentNode();
    QCOMPARE(before, at(*doc, "/rows/1"));
    const int rows = view.proxy()->rowCount(view.proxy()->index(0, 0));
    for (const char* missing : {"/rows/9", ".rows[9]", "/nope", ".rows[0].labels"}) {
        view.setFilterText(QString::fromUtf8(missing));
        QVERIFY(view.pathError());
        QCOMPARE(view.filterEdit()->toolTip(),
                 QStringLiteral("no node at %1").arg(QString::fromUtf8(missing)));
        QCOMPARE(view.currentNode(), before);
        QCOMPARE(view.proxy()->rowCount(view.proxy()->index(0, 0)), rows);
    }
    view.setFilterText(QStringLiteral("/n"));
    QVERIFY(!view.pathError());
    QVERIFY(!view.filterEdit()->toolTip().startsWith(QStringLiteral("no node")));
    QCOMPARE(view.currentNode(), at(*doc, "/n"));
}

void TestRawJsonView::textStillFilters() {
    RawJsonView view;
    const auto doc = parsed(Json);
    view.setDocument(doc);
    view.setFilterText(QStringLiteral("prod"));
    QCOMPARE(view.proxy()->filterText(), QStringLiteral("prod"));
    QVERIFY(!view.pathError());
    QCOMPARE(view.proxy()->rowCount(view.proxy()->index(0, 0)), 1); // only "rows" keeps a match
    // A path after a filter shows the whole tree again.
    view.setFilterText(QStringLiteral("/rows/0/name"));
    QVERIFY(view.proxy()->filterText().isEmpty());
    QCOMPARE(view.currentNode(), at(*doc, "/rows/0/name"));
}

void TestRawJsonView::containersArePretty() {
    RawJsonView view;
    const auto doc = parsed(Json);
    view.setDocument(doc);
    QPlainTextEdit* pane = valuePane(view);
    QVERIFY(pane);
    QCOMPARE(pane->lineWrapMode(), QPlainTextEdit::NoWrap);
    QVERIFY(QFontInfo(pane->font()).fixedPitch());

    view.selectNode(at(*doc, "/rows/3"));
    const QString object = pretty(*doc, at(*doc, "/rows/3"));
    QCOMPARE(pane->toPlainText(), object);
    QCOMPARE(object, QStringLiteral("{\n  \"name\": \"d\",\n  \"labels\": {\n    \"env\": \"prod\",\n"
                                    "    \"a/b\": 1.50e3\n  }\n}"));
    view.selectNode(doc->root());
    QCOMPARE(pane->toPlainText(), pretty(*doc, doc->root()));
    view.selectNode(at(*doc, "/rows/0/name"));
    QCOMPARE(pane->toPlainText(), QStringLiteral("a")); // strings unescaped, as before
}

QTEST_MAIN(TestRawJsonView)
#include "tst_rawjsonview.moc"
