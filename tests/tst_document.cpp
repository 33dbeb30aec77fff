// The document layer (Document::parse and its node table): what a user sees of a saved file — member order,
// exact numbers, unescaped text, positions, pointers — and where a malformed file is reported. The typed
// worker view on top of it is tested in tst_workerview.cpp.
#include "testutil.h"
#include "json/arrivingbytes.h"
#include "json/document.h"
#include "json/jsondiagnoser.h"

#include <QFile>
#include <QTest>

#include <atomic>
#include <random>
#include <thread>

using hwi::json::Document;
using hwi::json::Kind;
using hwi::json::NodeId;
using hwi::json::NoNode;
using hwi::json::TextPosition;
using testutil::fixture;
using testutil::parseOrExplain;
using testutil::readFile;

namespace QTest {
template <> inline char* toString(const std::string_view& text) {
    return QTest::toString(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
}
template <> inline char* toString(const std::string& text) {
    return QTest::toString(QString::fromStdString(text));
}
} // namespace QTest

namespace {

using DocumentPtr = std::shared_ptr<const Document>;

constexpr char Bom[] = "\xEF\xBB\xBF";

std::string_view sv(const QByteArray& bytes) {
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

// The error, or nullopt when the input was (wrongly) accepted.
std::optional<Document::ParseError> parseError(const QByteArray& bytes,
                                               const std::atomic_bool* cancel = nullptr) {
    auto result = Document::parse(bytes, cancel);
    if (const auto* error = std::get_if<Document::ParseError>(&result))
        return *error;
    return std::nullopt;
}

#define PARSE_OK(doc, bytes)                                                                                 \
    QString doc##Why;                                                                                        \
    const DocumentPtr doc = parseOrExplain(bytes, doc##Why);                                                 \
    QVERIFY2(doc, qPrintable(doc##Why))

// Follows an RFC 6901 pointer with member()/child(); NoNode when it leads nowhere.
NodeId resolve(const Document& doc, const QString& pointer) {
    NodeId at = doc.root();
    if (pointer.isEmpty())
        return at;
    const QStringList tokens = pointer.split(QLatin1Char('/')).mid(1);
    for (QString token : tokens) {
        token.replace(QStringLiteral("~1"), QStringLiteral("/"))
            .replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (doc.kind(at) == Kind::Object) {
            const QByteArray key = token.toUtf8();
            at = doc.member(at, sv(key));
        } else if (doc.kind(at) == Kind::Array) {
            bool ok = false;
            const uint row = token.toUInt(&ok);
            if (!ok || row >= doc.childCount(at))
                return NoNode;
            at = doc.child(at, row);
        } else {
            return NoNode;
        }
        if (at == NoNode)
            return NoNode;
    }
    return at;
}

// Where an editor puts the byte at offset (offset counted in the whole file, BOM included): lines split
// at \n, columns count Unicode characters from the start of the line, 1-based.
TextPosition editorPosition(const QByteArray& source, qsizetype offset) {
    const qsizetype start = source.startsWith(Bom) ? 3 : 0;
    const QByteArray before = source.mid(start, offset - start);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const QString line = QString::fromUtf8(before.mid(lineStart));
    return {static_cast<int>(before.count('\n')) + 1, static_cast<int>(line.toUcs4().size()) + 1};
}

// A large document whose strings are full of 2-, 3- and 4-byte characters, so that the internal
// 4096-byte position blocks start inside characters and inside \r\n pairs.
QByteArray multibyteDocument(const char* newline, int entries) {
    static const char* const Pieces[] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "a"};
    QByteArray out = "[";
    out += newline;
    for (int i = 0; i < entries; ++i) {
        QByteArray text;
        for (int j = 0; j <= i % 7; ++j)
            text += Pieces[(i + j) % 4];
        out += "  {\"n\": \"" + text + "\", \"v\": [" + QByteArray::number(i) + ", true, \"" + text + "\"]}";
        out += i + 1 < entries ? "," : "";
        out += newline;
    }
    out += "]";
    return out;
}

// The same on one line, as a browser's network tab saves it.
QByteArray compactMultibyteDocument(int entries) {
    QByteArray out = multibyteDocument("", entries);
    out.replace("  {", "{");
    return out;
}

// The text with every byte outside strings replaced by what outside(byte) returns; strings stay as they are.
template <typename Outside> QByteArray rewriteOutsideStrings(const QByteArray& json, Outside outside) {
    QByteArray out;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (c == '\\')
                out += json[++i];
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else {
            out += outside(c);
        }
    }
    return out;
}

// The text without whitespace outside strings, as REST responses come.
QByteArray minified(const QByteArray& json) {
    return rewriteOutsideStrings(
        json, [](char c) { return QByteArrayView(" \n\r\t").contains(c) ? QByteArray() : QByteArray(1, c); });
}

// The text with a line break before and after every {}[]:, outside strings: a key and its colon, a value
// and its comma, land on different lines, so the parser's chunks end between any two tokens.
QByteArray tokenPerLine(const QByteArray& json) {
    return rewriteOutsideStrings(json, [](char c) -> QByteArray {
        if (QByteArrayView("{}[]:,").contains(c))
            return QByteArray("\n") + c + '\n';
        return c == ' ' || c == '\n' ? QByteArray() : QByteArray(1, c);
    });
}

// An array of count copies of element: above a megabyte, so the parser reads it in several chunks.
QByteArray repeated(const QByteArray& element, int count, const QByteArray& separator) {
    QByteArray out = "[";
    for (int i = 0; i < count; ++i)
        out += (i ? separator : QByteArray()) + element;
    return out + "]";
}

// The subtrees at a and b have the same kinds, keys, scalar texts and shape.
bool sameSubtree(const Document& doc, NodeId a, NodeId b) {
    if (doc.kind(a) != doc.kind(b) || doc.rawKey(a) != doc.rawKey(b) ||
        doc.childCount(a) != doc.childCount(b))
        return false;
    if (!doc.isContainer(a))
        return doc.rawScalar(a) == doc.rawScalar(b);
    for (std::uint32_t row = 0; row < doc.childCount(a); ++row)
        if (!sameSubtree(doc, doc.child(a, row), doc.child(b, row)) || doc.parent(doc.child(b, row)) != b)
            return false;
    return true;
}

// Parses json while another thread writes it in slices of random sizes (1 byte to 96 KiB, some after a
// pause); the writer stops after `delivered` bytes (all when -1), or aborts there when abortAt is set.
Document::ParseResult parseWhileArriving(const QByteArray& json, qsizetype delivered = -1,
                                         bool abortAt = false) {
    auto bytes = std::make_shared<hwi::json::ArrivingBytes>(json.size());
    std::thread writer([bytes, json, delivered, abortAt] {
        std::mt19937 random(20261129);
        const qsizetype end = delivered < 0 ? json.size() : delivered;
        for (qsizetype at = 0; at < end;) {
            const qsizetype slice = std::min<qsizetype>(end - at, 1 + random() % (random() % 4 ? 97 : 98304));
            if (random() % 2) // as the Loader does before a read: bytes already written stay as they are
                bytes->prepare(slice);
            std::memcpy(bytes->writePosition(), json.constData() + at, size_t(slice));
            bytes->commit(slice);
            at += slice;
            if (random() % 64 == 0)
                std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        if (abortAt)
            bytes->abort();
        else
            bytes->finish();
    });
    auto result = Document::parse(bytes);
    writer.join();
    return result;
}

} // namespace

class TestDocument : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Structure and text.
    void memberOrderIsSourceOrder();
    void duplicateKeysAreKept();
    void rawValueSpansTheWholeValue();
    void keysOfTheSameSketch();
    void kinds();
    void numbersKeepTheirText_data();
    void numbersKeepTheirText();
    void strings_data();
    void strings();
    void escapedKeys();
    void keysFoundFromTheirValues_data();
    void keysFoundFromTheirValues();
    void pointers_data();
    void pointers();
    void everyPointerLeadsBack_data();
    void everyPointerLeadsBack();
    void parentAndRow_data();
    void parentAndRow();

    // Positions.
    void positions_data();
    void positions();
    void positionOfEveryNode_data();
    void positionOfEveryNode();
    void bomIsSkipped();

    // Malformed input.
    void malformed_data();
    void malformed();
    void truncatedAtEveryByte_data();
    void truncatedAtEveryByte();
    void agreesWithTheDiagnoser();
    void largeDocuments_data();
    void largeDocuments();
    void longStrings_data();
    void longStrings();
    void errorsInLaterChunks_data();
    void errorsInLaterChunks();
    void parsedWhileArriving_data();
    void parsedWhileArriving();
    void arrivalStopsEarly();
    void arrivalAborted();
    void bytesWithRoomAreNotCopied();
    void preparedRoomKeepsWrittenBytes();
    void hugePagesKeepEveryByte();
    void nestingLimit_data();
    void nestingLimit();
    void cancellation();
};

// ---------------------------------------------------------------------------------------------------------
// Structure and text

void TestDocument::memberOrderIsSourceOrder() {
    PARSE_OK(doc, QByteArray(R"({"zeta": 1, "alpha": {"y": 2, "b": 3, "x": 4}, "mid": [3, 1, 2]})"));
    const NodeId root = doc->root();
    QCOMPARE(doc->kind(root), Kind::Object);
    QCOMPARE(doc->childCount(root), 3u);
    QCOMPARE(doc->key(doc->child(root, 0)), QStringLiteral("zeta"));
    QCOMPARE(doc->key(doc->child(root, 1)), QStringLiteral("alpha"));
    QCOMPARE(doc->key(doc->child(root, 2)), QStringLiteral("mid"));
    const NodeId alpha = doc->child(root, 1);
    QStringList inner;
    for (std::uint32_t i = 0; i < doc->childCount(alpha); ++i)
        inner << doc->key(doc->child(alpha, i));
    QCOMPARE(inner, (QStringList{QStringLiteral("y"), QStringLiteral("b"), QStringLiteral("x")}));
    const NodeId mid = doc->child(root, 2);
    QCOMPARE(doc->rawScalar(doc->child(mid, 0)), std::string_view("3"));
    QCOMPARE(doc->rawScalar(doc->child(mid, 1)), std::string_view("1"));
    QCOMPARE(doc->rawScalar(doc->child(mid, 2)), std::string_view("2"));
}

void TestDocument::duplicateKeysAreKept() {
    PARSE_OK(doc, QByteArray(R"({"name": "first", "other": 0, "name": "second"})"));
    const NodeId root = doc->root();
    QCOMPARE(doc->childCount(root), 3u);
    QCOMPARE(doc->key(doc->child(root, 0)), QStringLiteral("name"));
    QCOMPARE(doc->key(doc->child(root, 2)), QStringLiteral("name"));
    QCOMPARE(doc->text(doc->child(root, 0)), QStringLiteral("first"));
    QCOMPARE(doc->text(doc->child(root, 2)), QStringLiteral("second"));
    // Lookup by key finds the last occurrence, as Go's decoder and JSON.parse would.
    QCOMPARE(doc->member(root, "name"), doc->child(root, 2));
}

void TestDocument::rawValueSpansTheWholeValue() {
    const QByteArray text = R"( {"a" : [ 1 , { } , [ [ ] ] ] , "b":{"c":"}]"  } ,"d" : [ ]
, "e": -0.5e3 } )";
    PARSE_OK(doc, text);
    const NodeId root = doc->root();
    QCOMPARE(doc->rawValue(root), std::string_view(text).substr(1, text.size() - 2));
    const NodeId a = doc->member(root, "a");
    QCOMPARE(doc->rawValue(a), std::string_view("[ 1 , { } , [ [ ] ] ]"));
    QCOMPARE(doc->rawValue(doc->child(a, 0)), std::string_view("1"));
    QCOMPARE(doc->rawValue(doc->child(a, 1)), std::string_view("{ }"));
    QCOMPARE(doc->rawValue(doc->child(a, 2)), std::string_view("[ [ ] ]"));
    QCOMPARE(doc->rawValue(doc->member(root, "b")), std::string_view(R"({"c":"}]"  })"));
    QCOMPARE(doc->rawValue(doc->member(root, "d")), std::string_view("[ ]"));
    QCOMPARE(doc->rawValue(doc->member(root, "e")), std::string_view("-0.5e3"));
}

// Keys of one length that differ only where the node table's hash byte does not look (hashKey reads the
// first, middle and last bytes) are still told apart, by their text.
void TestDocument::keysOfTheSameSketch() {
    const QByteArray longA = 'k' + QByteArray(150, 'a') + QByteArray(149, 'z');
    const QByteArray longB = "kb" + longA.mid(2);
    PARSE_OK(doc, R"({"kAxyz": 1, "kBxyz": 2, "kCxyz": 3, ")" + longA + R"(": 4, ")" + longB + R"(": 5})");
    const NodeId root = doc->root();
    QCOMPARE(doc->keySketch(doc->child(root, 0)), doc->keySketch(doc->child(root, 1)));
    QCOMPARE(doc->member(root, "kAxyz"), doc->child(root, 0));
    QCOMPARE(doc->member(root, "kBxyz"), doc->child(root, 1));
    QCOMPARE(doc->member(root, "kCxyz"), doc->child(root, 2));
    QCOMPARE(doc->member(root, "kDxyz"), NoNode);
    QCOMPARE(doc->member(root, longA.toStdString()), doc->child(root, 3));
    QCOMPARE(doc->member(root, longB.toStdString()), doc->child(root, 4));
    QCOMPARE(doc->member(root, QByteArray('x' + longA.mid(1)).toStdString()), NoNode);
}

void TestDocument::kinds() {
    PARSE_OK(doc, QByteArray(R"([null, true, false, 1, "s", [], {}])"));
    const NodeId root = doc->root();
    QCOMPARE(doc->kind(root), Kind::Array);
    const Kind expected[] = {Kind::Null,   Kind::True,  Kind::False, Kind::Number,
                             Kind::String, Kind::Array, Kind::Object};
    QCOMPARE(doc->childCount(root), 7u);
    for (std::uint32_t i = 0; i < 7; ++i)
        QCOMPARE(doc->kind(doc->child(root, i)), expected[i]);
    QCOMPARE(doc->childCount(doc->child(root, 5)), 0u);
    QCOMPARE(doc->childCount(doc->child(root, 6)), 0u);
    QCOMPARE(doc->rawScalar(doc->child(root, 0)), std::string_view("null"));
    QCOMPARE(doc->rawScalar(doc->child(root, 2)), std::string_view("false"));

    // A bare scalar is a document too.
    PARSE_OK(text, QByteArray(" \"just text\" \n"));
    QCOMPARE(text->kind(text->root()), Kind::String);
    QCOMPARE(text->text(text->root()), QStringLiteral("just text"));
    QCOMPARE(text->nodeCount(), std::size_t(1));
    PARSE_OK(literal, QByteArray("null"));
    QCOMPARE(literal->kind(literal->root()), Kind::Null);
}

void TestDocument::numbersKeepTheirText_data() {
    QTest::addColumn<QByteArray>("number");
    for (const char* n : {"1.0", "123456789012345678901234567890", "-0", "1e400", "-1.5E-10", "0", "2.50",
                          "-0.0", "1E+2", "18446744073709551616", "0.1000000000000000055511151231257827"})
        QTest::newRow(n) << QByteArray(n);
}

void TestDocument::numbersKeepTheirText() {
    QFETCH(QByteArray, number);
    const std::string_view expected = sv(number);
    {
        PARSE_OK(doc, "[" + number + "]");
        const NodeId n = doc->child(doc->root(), 0);
        QCOMPARE(doc->kind(n), Kind::Number);
        QCOMPARE(doc->rawScalar(n), expected);
    }
    {
        PARSE_OK(doc, "{\"n\": " + number + " , \"m\":" + number + "}");
        QCOMPARE(doc->kind(doc->member(doc->root(), "n")), Kind::Number);
        QCOMPARE(doc->rawScalar(doc->member(doc->root(), "n")), expected);
        QCOMPARE(doc->rawScalar(doc->member(doc->root(), "m")), expected);
    }
    {
        PARSE_OK(doc, "\n " + number + "\n");
        QCOMPARE(doc->kind(doc->root()), Kind::Number);
        QCOMPARE(doc->rawScalar(doc->root()), expected);
    }
}

void TestDocument::strings_data() {
    QTest::addColumn<QByteArray>("json"); // the string token, quotes included
    QTest::addColumn<QString>("text");    // what the user reads

    QTest::newRow("plain") << QByteArray(R"("order-processor")") << QStringLiteral("order-processor");
    QTest::newRow("empty") << QByteArray(R"("")") << QString();
    QTest::newRow("go ampersand") << QByteArray(R"("etl \u0026 sync")") << QStringLiteral("etl & sync");
    QTest::newRow("go angle brackets") << QByteArray(R"("\u003cb\u003e")") << QStringLiteral("<b>");
    QTest::newRow("latin escape") << QByteArray(R"("caf\u00e9")") << QString::fromUtf8("caf\xC3\xA9");
    QTest::newRow("uppercase hex") << QByteArray(R"("\u00C9t\u00E9")")
                                   << QString::fromUtf8("\xC3\x89t\xC3\xA9");
    QTest::newRow("surrogate pair") << QByteArray(R"("a\ud83d\ude00b")")
                                    << QString::fromUtf8("a\xF0\x9F\x98\x80"
                                                         "b");
    QTest::newRow("highest code point")
        << QByteArray(R"("\uDBFF\uDFFF")") << QString::fromUtf8("\xF4\x8F\xBF\xBF");
    QTest::newRow("short escapes") << QByteArray(R"("q\"b\\s\/n\nt\tr\rf\fb\b")")
                                   << QStringLiteral("q\"b\\s/n\nt\tr\rf\fb\b");
    QTest::newRow("escaped backslash before u") << QByteArray(R"("\\u0026")") << QStringLiteral("\\u0026");
    QTest::newRow("raw utf8") << QByteArray("\"gr\xC3\xB6\xC3\x9F\x65 \xE2\x82\xAC \xF0\x9F\x98\x80\"")
                              << QString::fromUtf8("gr\xC3\xB6\xC3\x9F\x65 \xE2\x82\xAC \xF0\x9F\x98\x80");
    QTest::newRow("raw utf8 and escape")
        << QByteArray("\"\xC3\xA9\\u0026\xC3\xA9\"") << QString::fromUtf8("\xC3\xA9&\xC3\xA9");
    QTest::newRow("nul escape") << QByteArray(R"("a\u0000b")")
                                << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
}

void TestDocument::strings() {
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    const QByteArray utf8 = text.toUtf8();

    const QByteArray containers[] = {"[" + json + "]", "{\"k\": " + json + "}", json,
                                     "{\"a\": [1, {\"b\": " + json + " }]}"};
    const char* const pointers[] = {"/0", "/k", "", "/a/1/b"};
    for (int i = 0; i < 4; ++i) {
        PARSE_OK(doc, containers[i]);
        const NodeId id = resolve(*doc, QString::fromLatin1(pointers[i]));
        QVERIFY(id != NoNode);
        QCOMPARE(doc->kind(id), Kind::String);
        QCOMPARE(doc->text(id), text);
        QCOMPARE(doc->string(id), std::string(sv(utf8)));
        QCOMPARE(doc->rawScalar(id), sv(json)); // the escapes as written
        QVERIFY(doc->stringEquals(id, sv(utf8)));
        QVERIFY(!doc->stringEquals(id, sv(utf8 + "x")));
    }
}

void TestDocument::escapedKeys() {
    PARSE_OK(doc,
             QByteArray(R"({"plain": 0, "a\u0026b": 1, "sl\/ash": 2, "\ud83d\ude00": 3, "q\"uote": 4})"));
    const NodeId root = doc->root();

    const NodeId amp = doc->member(root, "a&b");
    QCOMPARE(amp, doc->child(root, 1));
    QCOMPARE(doc->key(amp), QStringLiteral("a&b"));
    QCOMPARE(doc->rawKey(amp), std::string_view(R"(a\u0026b)"));
    QCOMPARE(doc->rawScalar(amp), std::string_view("1"));
    QCOMPARE(doc->member(root, R"(a\u0026b)"), NoNode); // keys are compared unescaped

    QCOMPARE(doc->member(root, "sl/ash"), doc->child(root, 2));
    QCOMPARE(doc->member(root, "\xF0\x9F\x98\x80"), doc->child(root, 3));
    QCOMPARE(doc->key(doc->child(root, 3)), QString::fromUtf8("\xF0\x9F\x98\x80"));
    QCOMPARE(doc->member(root, "q\"uote"), doc->child(root, 4));
    QCOMPARE(doc->rawKey(doc->child(root, 4)), std::string_view(R"(q\"uote)"));
    QCOMPARE(doc->member(root, "plain"), doc->child(root, 0));
    QCOMPARE(doc->rawKey(doc->child(root, 0)), std::string_view("plain"));
    QCOMPARE(doc->member(root, "missing"), NoNode);
    QCOMPARE(doc->member(doc->child(root, 0), "plain"), NoNode); // not an object

    // Elements of an array and the root are not members.
    QVERIFY(!doc->isMember(root));
    QVERIFY(doc->isMember(amp));
    QCOMPARE(doc->rawKey(root), std::string_view());
}

// A member's key is found back from its value over the colon; its length is stored up to 65,534 bytes and
// counted beyond.
void TestDocument::keysFoundFromTheirValues_data() {
    QTest::addColumn<QByteArray>("rawKey");
    QTest::addColumn<QByteArray>("separator"); // between the key's closing quote and the value
    QTest::newRow("empty key") << QByteArray() << QByteArray(":");
    QTest::newRow("spaces around the colon") << QByteArray("name") << QByteArray(" \t\r\n : \n  ");
    // The distance from key to value is stored up to 254 bytes; further, the source is read back.
    QTest::newRow("254 bytes to the value") << QByteArray("far") << (QByteArray(252, ' ') + ": ");
    QTest::newRow("300 bytes to the value")
        << QByteArray("far") << (QByteArray(150, ' ') + ':' + QByteArray(149, '\n'));
    QTest::newRow("escaped quote and backslash") << QByteArray(R"(a\"b\\)") << QByteArray(": ");
    // The node table holds key lengths up to 254 bytes; from 255 on the source is read back.
    for (const int length : {253, 254, 255, 256, 300, 65535, 65536, 70000}) {
        QTest::addRow("%d bytes", length) << QByteArray(length, 'k') << QByteArray(":");
        // Ends in an escaped backslash, holds an escaped quote: the opening quote must still be found.
        QTest::addRow("%d bytes, escapes", length)
            << (QByteArray(R"(\")") + QByteArray(length - 4, 'e') + QByteArray(R"(\\)")) << QByteArray(" : ");
    }
}

void TestDocument::keysFoundFromTheirValues() {
    QFETCH(QByteArray, rawKey);
    QFETCH(QByteArray, separator);
    const QByteArray json =
        R"({"before": [1, {}], ")" + rawKey + '"' + separator + R"("value", "after": {"x": []}})";
    PARSE_OK(doc, json);
    const NodeId root = doc->root();
    QCOMPARE(doc->childCount(root), 3u);
    const NodeId member = doc->child(root, 1);
    QCOMPARE(doc->rawKey(member), sv(rawKey));
    const std::string unescaped =
        QByteArray(rawKey).replace(R"(\\)", "\\").replace(R"(\")", "\"").toStdString();
    QCOMPARE(doc->key(member), QString::fromStdString(unescaped));
    QCOMPARE(doc->member(root, unescaped), member);
    QCOMPARE(doc->rawScalar(member), std::string_view(R"("value")"));
    QCOMPARE(doc->rawKey(doc->child(root, 2)), std::string_view("after"));
    QCOMPARE(doc->member(root, "before"), doc->child(root, 0));
    QCOMPARE(doc->parent(member), root);
    QCOMPARE(doc->row(member), 1u);
    // A key one byte longer or shorter is another key.
    QCOMPARE(doc->member(root, unescaped + "k"), NoNode);
    if (!unescaped.empty())
        QCOMPARE(doc->member(root, unescaped.substr(1)), NoNode);
}

void TestDocument::pointers_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("raw"); // rawScalar of the node the pointer names

    const QByteArray doc =
        R"({"a/b": {"m~n": [0, {"": 7, "~1": 8, "/~": 9}]}, "x\u002fy": 10, "rows": [[], [5]]})";
    QTest::newRow("slash escaped as ~1") << doc << QStringLiteral("/a~1b/m~0n/0") << QByteArray("0");
    QTest::newRow("empty key") << doc << QStringLiteral("/a~1b/m~0n/1/") << QByteArray("7");
    QTest::newRow("literal ~1 key") << doc << QStringLiteral("/a~1b/m~0n/1/~01") << QByteArray("8");
    QTest::newRow("slash tilde key") << doc << QStringLiteral("/a~1b/m~0n/1/~1~0") << QByteArray("9");
    QTest::newRow("escaped slash in key") << doc << QStringLiteral("/x~1y") << QByteArray("10");
    QTest::newRow("array index") << doc << QStringLiteral("/rows/1/0") << QByteArray("5");
    QTest::newRow("fixture slot") << fixture("worker-get-legacy.json") << QStringLiteral("/slots/2/stepRunId")
                                  << QByteArray("\"00000000-0000-0000-0000-000000000000\"");
    QTest::newRow("fixture slot config")
        << fixture("list-current.json") << QStringLiteral("/rows/0/slotConfig/durable/limit")
        << QByteArray("1");
}

void TestDocument::pointers() {
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, raw);

    PARSE_OK(doc, json);
    const NodeId id = resolve(*doc, pointer);
    QVERIFY2(id != NoNode, "the pointer does not lead to a node");
    QCOMPARE(doc->rawScalar(id), sv(raw));
    QCOMPARE(doc->pointer(id), pointer);
    QCOMPARE(doc->pointer(doc->root()), QString());
}

void TestDocument::everyPointerLeadsBack_data() {
    QTest::addColumn<QByteArray>("json");
    for (const char* name : {"list-current.json", "list-legacy.json", "worker-get.json", "worker-array.json",
                             "tolerant.json", "bom.json", "not-workers.json"})
        QTest::newRow(name) << fixture(name);
    QTest::newRow("sample") << readFile(QStringLiteral(HWI_SAMPLE));
    QTest::newRow("odd keys") << QByteArray(R"({"~": {"/": [{"~0/1": [true, {"": null}]}]}, "a\u007eb": 1})");
}

void TestDocument::everyPointerLeadsBack() {
    QFETCH(QByteArray, json);
    QVERIFY(!json.isEmpty());
    PARSE_OK(doc, json);
    for (NodeId id = 0; id < doc->nodeCount(); ++id) {
        const QString pointer = doc->pointer(id);
        QVERIFY2(pointer.isEmpty() == (id == doc->root()), qPrintable(pointer));
        QVERIFY2(resolve(*doc, pointer) == id, qPrintable(pointer));
    }
}

void TestDocument::parentAndRow_data() {
    QTest::addColumn<QByteArray>("json");
    for (const char* name :
         {"list-current.json", "list-legacy.json", "worker-get.json", "worker-array.json",
          "worker-patch.json", "invalid-types.json", "tolerant.json", "bom.json", "not-workers.json"})
        QTest::newRow(name) << fixture(name);
    QTest::newRow("sample") << readFile(QStringLiteral(HWI_SAMPLE));
    QTest::newRow("large") << multibyteDocument("\n", 3000);
    QTest::newRow("empty containers") << QByteArray(R"([[], {}, [[]], {"a": {}}])");
}

void TestDocument::parentAndRow() {
    QFETCH(QByteArray, json);
    QVERIFY(!json.isEmpty());
    PARSE_OK(doc, json);
    const NodeId root = doc->root();
    QCOMPARE(doc->parent(root), NoNode);
    QCOMPARE(doc->row(root), 0u);

    std::vector<int> reached(doc->nodeCount(), 0);
    reached[root] = 1;
    for (NodeId n = 0; n < doc->nodeCount(); ++n) {
        QCOMPARE(doc->isContainer(n), doc->kind(n) == Kind::Array || doc->kind(n) == Kind::Object);
        std::uint32_t previousOffset = doc->offset(n);
        for (std::uint32_t i = 0; i < doc->childCount(n); ++i) {
            const NodeId c = doc->child(n, i);
            QVERIFY(c < doc->nodeCount());
            QCOMPARE(doc->parent(c), n);
            QCOMPARE(doc->row(c), i);
            QCOMPARE(doc->isMember(c), doc->kind(n) == Kind::Object);
            QVERIFY2(doc->offset(c) > previousOffset, "children are not in source order");
            previousOffset = doc->offset(c);
            ++reached[c];
        }
    }
    // Every node is the child of exactly one container (or the root).
    for (NodeId n = 0; n < doc->nodeCount(); ++n)
        QCOMPARE(reached[n], 1);
}

// ---------------------------------------------------------------------------------------------------------
// Positions

void TestDocument::positions_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("first line") << QByteArray(R"({"a": 1})") << QStringLiteral("/a") << 6 << 1 << 7;
    QTest::newRow("root") << QByteArray("\n\n  [1]") << QString() << 4 << 3 << 3;
    QTest::newRow("LF") << QByteArray("{\n  \"a\": 1,\n  \"b\": [true]\n}") << QStringLiteral("/b/0") << 20
                        << 3 << 9;
    QTest::newRow("CRLF") << QByteArray("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}") << QStringLiteral("/b") << 21
                          << 3 << 8;
    QTest::newRow("CRLF first value")
        << QByteArray("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}") << QStringLiteral("/a") << 10 << 2 << 8;
    // {"é": "ü", "x": 1} — é and ü are two bytes but one column each.
    QTest::newRow("2-byte characters")
        << QByteArray("{\"\xC3\xA9\": \"\xC3\xBC\", \"x\": 1}") << QStringLiteral("/x") << 18 << 1 << 17;
    QTest::newRow("3-byte character")
        << QByteArray("[\"\xE2\x82\xAC\", 2]") << QStringLiteral("/1") << 8 << 1 << 7;
    QTest::newRow("4-byte character")
        << QByteArray("[\"\xF0\x9F\x98\x80\", 2]") << QStringLiteral("/1") << 9 << 1 << 7;
    QTest::newRow("multibyte on an earlier line")
        << QByteArray("[\"\xC3\xA9\xC3\xA9\",\n 2]") << QStringLiteral("/1") << 10 << 2 << 2;
    QTest::newRow("escapes count as written")
        << QByteArray(R"(["\u0026", 2])") << QStringLiteral("/1") << 11 << 1 << 12;
    QTest::newRow("BOM") << QByteArray(Bom) + R"({"a": 1})" << QStringLiteral("/a") << 9 << 1 << 7;
    QTest::newRow("BOM second line") << QByteArray(Bom) + "{\n\"a\": 1}" << QStringLiteral("/a") << 10 << 2
                                     << 6;
    // A character that straddles the first 4096-byte block boundary: ["aaa…é", 1] with é at bytes 4095-4096.
    QTest::newRow("character across 4096")
        << "[\"" + QByteArray(4093, 'a') + "\xC3\xA9\", 1]" << QStringLiteral("/1") << 4100 << 1 << 4100;
    QTest::newRow("CRLF across 4096")
        << "[\"" + QByteArray(4091, 'a') + "\",\r\n 1]" << QStringLiteral("/1") << 4098 << 2 << 2;
}

void TestDocument::positions() {
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);

    PARSE_OK(doc, json);
    const NodeId id = resolve(*doc, pointer);
    QVERIFY(id != NoNode);
    QCOMPARE(doc->offset(id), std::uint32_t(offset));
    const TextPosition at = doc->position(id);
    QCOMPARE(at.line, line);
    QCOMPARE(at.column, column);
}

void TestDocument::positionOfEveryNode_data() {
    QTest::addColumn<QByteArray>("json");
    for (const char* name : {"list-current.json", "invalid-types.json", "worker-array.json", "bom.json"})
        QTest::newRow(name) << fixture(name);
    QTest::newRow("sample") << readFile(QStringLiteral(HWI_SAMPLE));
    QTest::newRow("multibyte, LF") << multibyteDocument("\n", 600);
    QTest::newRow("multibyte, CRLF") << multibyteDocument("\r\n", 600);
    QTest::newRow("multibyte, one line") << compactMultibyteDocument(600);
    QTest::newRow("multibyte, one line, BOM") << QByteArray(Bom) + compactMultibyteDocument(600);
}

void TestDocument::positionOfEveryNode() {
    QFETCH(QByteArray, json);
    QVERIFY(!json.isEmpty());
    PARSE_OK(doc, json);
    int wrong = 0;
    QString first;
    for (NodeId id = 0; id < doc->nodeCount(); ++id) {
        const TextPosition expected = editorPosition(json, doc->offset(id));
        const TextPosition actual = doc->position(id);
        if (actual.line != expected.line || actual.column != expected.column) {
            if (wrong++ == 0)
                first = QStringLiteral("%1 (offset %2): expected %3:%4, got %5:%6")
                            .arg(doc->pointer(id))
                            .arg(doc->offset(id))
                            .arg(expected.line)
                            .arg(expected.column)
                            .arg(actual.line)
                            .arg(actual.column);
        }
    }
    QVERIFY2(wrong == 0, qPrintable(QStringLiteral("%1 of %2 nodes misplaced; first: %3")
                                        .arg(wrong)
                                        .arg(doc->nodeCount())
                                        .arg(first)));
}

void TestDocument::bomIsSkipped() {
    const QByteArray withBom = fixture("bom.json");
    QVERIFY(withBom.startsWith(Bom));
    const QByteArray withoutBom = withBom.mid(3);
    PARSE_OK(a, withBom);
    PARSE_OK(b, withoutBom);
    QCOMPARE(a->nodeCount(), b->nodeCount());
    QCOMPARE(a->kind(a->root()), Kind::Object);
    QCOMPARE(a->key(a->child(a->root(), 0)), QStringLiteral("actions")); // not "\uFEFFactions"
    for (NodeId id = 0; id < a->nodeCount(); ++id) {
        QCOMPARE(a->offset(id), b->offset(id) + 3);
        QCOMPARE(a->position(id).line, b->position(id).line);
        QCOMPARE(a->position(id).column, b->position(id).column);
        QCOMPARE(a->pointer(id), b->pointer(id));
    }
    const NodeId name = a->member(a->root(), "name");
    QCOMPARE(a->text(name), QStringLiteral("order-processor"));

    // A scalar after a BOM, and a BOM alone.
    PARSE_OK(scalar, QByteArray(Bom) + " 42");
    QCOMPARE(scalar->rawScalar(scalar->root()), std::string_view("42"));
    QCOMPARE(scalar->position(scalar->root()).column, 2);
    const auto error = parseError(QByteArray(Bom));
    QVERIFY(error);
    QCOMPARE(error->offset, qint64(3));
    QCOMPARE(error->line, 1);
    QCOMPARE(error->column, 1);
    QVERIFY2(error->message.contains(QStringLiteral("empty input")), qPrintable(error->message));
}

// ---------------------------------------------------------------------------------------------------------
// Malformed input

void TestDocument::malformed_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message"); // a part of the message

    const auto row = [](const char* name, const QByteArray& json, qint64 offset, int line, int column,
                        const char* message) {
        QTest::newRow(name) << json << offset << line << column << QString::fromUtf8(message);
    };
    const QByteArray doc = "{\n  \"name\": \"w\",\n  \"slots\": [1, 2]\n}\n";

    // Truncated.
    row("cut after the brace", doc.left(1), 1, 1, 2,
        "unexpected end of input: unclosed object opened at line 1, column 1");
    row("cut inside a key", doc.left(7), 7, 2, 6, "unterminated string starting at line 2, column 3");
    row("cut after a colon", doc.left(11), 11, 2, 10,
        "unexpected end of input: unclosed object opened at line 1, column 1");
    row("cut inside an array", doc.left(31), 31, 3, 15,
        "unexpected end of input: unclosed array opened at line 3, column 12");
    row("cut before the last brace", doc.left(35), 35, 4, 1,
        "unexpected end of input: unclosed object opened at line 1, column 1");
    row("cut in a literal", "[tru", 4, 1, 5, "invalid literal, expected 'true', found end of input");
    row("cut in a number", "[1.", 3, 1, 4, "expected a digit after '.', found end of input");
    row("cut in an escape", "[\"\\u00", 6, 1, 7, "unterminated string starting at line 1, column 2");

    // Commas, colons, literals.
    row("trailing comma in object", R"({"a": 1,})", 8, 1, 9,
        "trailing comma: expected a string key after ','");
    row("trailing comma in array", "[1, 2,]", 6, 1, 7, "trailing comma: expected a value after ','");
    row("trailing comma, next line", "{\n  \"a\": 1,\n}", 12, 3, 1,
        "trailing comma: expected a string key after ','");
    row("NaN", R"({"a": NaN})", 6, 1, 7, "NaN and Infinity are not valid JSON numbers");
    row("-Infinity", "[1, -Infinity]", 5, 1, 6, "NaN and Infinity are not valid JSON numbers");
    row("missing colon", R"({"a" 1})", 5, 1, 6, "expected ':' after object key, found '1'");
    row("missing comma", "{\"a\": 1\n \"b\": 2}", 9, 2, 2,
        "expected ',' or '}' after an object member, found '\"'");
    row("single quotes", "{'a': 1}", 1, 1, 2, "expected a string key or '}', found '''");
    row("comment", "{\"a\": 1 // note\n}", 8, 1, 9, "comments are not allowed in JSON");
    row("raw newline in string", "[\"a\nb\"]", 3, 1, 4, "control character 0x0a must be escaped");
    row("bad escape", R"(["\x41"])", 2, 1, 3, "invalid escape '\\x' in string");
    row("lone high surrogate", R"(["\ud800"])", 2, 1, 3, "unpaired surrogate");
    row("lone low surrogate", R"({"k\udc00": 1})", 3, 1, 4, "unpaired surrogate");
    row("leading zero", "[01]", 2, 1, 3, "leading zeros are not allowed");

    // Trailing content.
    row("content after the document", "{\"a\": 1}\nx", 9, 2, 1,
        "unexpected content after the JSON value, found 'x'");
    row("two documents", "{} {}", 3, 1, 4, "unexpected content after the JSON value, found '{'");
    row("extra bracket", "[1]]", 3, 1, 4, "unexpected content after the JSON value, found ']'");
    row("content after a scalar", "1 2", 2, 1, 3, "unexpected content after the JSON value, found '2'");

    // Invalid UTF-8, at its byte.
    row("invalid UTF-8 in a value", "{\"a\": \"caf\xE9\"}", 10, 1, 11,
        "invalid UTF-8 byte 0xe9 (truncated multi-byte sequence)");
    row("invalid UTF-8 after multibyte text", "{\n  \"\xC3\xA9\": \"ok\",\n  \"b\": \"x\xFF\"\n}", 25, 3, 10,
        "invalid UTF-8 byte 0xff");
    row("invalid UTF-8 in a key", "{\"k\xC0\xAF\": 1}", 3, 1, 4,
        "invalid UTF-8 byte 0xc0 (overlong encoding)");
    row("encoded surrogate", "[\"\xED\xA0\x80\"]", 3, 1, 4,
        "invalid UTF-8 byte 0xa0 (encoded UTF-16 surrogate)");
    row("Latin-1 file", "{\"name\": \"M\xFCller\"}", 11, 1, 12, "invalid UTF-8 byte 0xfc");

    // Empty files and things that are not JSON.
    row("empty file", "", 0, 1, 1, "empty input: expected a JSON value");
    row("whitespace only", "  \n\t \r\n", 7, 3, 1, "empty input: expected a JSON value");
    row("HTML error page",
        "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>\n", 0,
        1, 1, "this looks like HTML, not JSON");
    row("HTML after whitespace", "\n  <html>", 3, 2, 3, "this looks like HTML");
    row("HTML after a BOM", QByteArray(Bom) + "<html></html>", 3, 1, 1, "this looks like HTML");
    row("error after a BOM", QByteArray(Bom) + R"({"a": })", 9, 1, 7, "expected a JSON value");
    row("plain text", "Unauthorized", 0, 1, 1, "expected a JSON value");
}

void TestDocument::malformed() {
    QFETCH(QByteArray, json);
    QFETCH(qint64, offset);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const auto error = parseError(json);
    QVERIFY2(error, "the input was accepted");
    QVERIFY2(error->message.contains(message), qPrintable(error->message));
    QCOMPARE(error->offset, offset);
    QCOMPARE(error->line, line);
    QCOMPARE(error->column, column);
}

void TestDocument::truncatedAtEveryByte_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("worker-array.json (one line)") << fixture("worker-array.json");
    QTest::newRow("list-legacy.json") << fixture("list-legacy.json");
    QTest::newRow("bom.json") << fixture("bom.json");
    QTest::newRow("multibyte, CRLF") << multibyteDocument("\r\n", 12);
    QTest::newRow("all kinds") << QByteArray(
        "{\"n\xC3\xA9v\": \"Zo\xC3\xAB \xF0\x9F\x98\x80\", \"x\": [1, -2.5e+3, "
        "true, false, null, \"\\u0026\\ud83d\\ude00\", {}, []]}");
}

// A file cut short anywhere fails at the cut with "end of input" in the message, or (cut inside a
// multibyte character) at that character's first byte.
void TestDocument::truncatedAtEveryByte() {
    QFETCH(QByteArray, json);
    QVERIFY(!json.isEmpty());
    const qsizetype end = std::max(json.lastIndexOf('}'), json.lastIndexOf(']'));
    const qsizetype start = json.startsWith(Bom) ? 3 : 0;
    for (qsizetype cut = start; cut < end; ++cut) {
        const QByteArray part = json.left(cut);
        const auto error = parseError(part);
        QVERIFY2(error, qPrintable(QStringLiteral("accepted when cut at %1").arg(cut)));
        qsizetype expectedOffset = cut;
        // Cut inside a multibyte character: the error is at its lead byte.
        qsizetype lead = cut;
        while (lead > start && (static_cast<unsigned char>(json[lead]) & 0xC0) == 0x80)
            --lead;
        const bool insideCharacter = lead < cut;
        if (insideCharacter)
            expectedOffset = lead;
        const QString where = QStringLiteral("cut at %1: %2").arg(cut).arg(error->message);
        QVERIFY2(error->offset == expectedOffset, qPrintable(where));
        const TextPosition expected = editorPosition(part, expectedOffset);
        QVERIFY2(error->line == expected.line && error->column == expected.column, qPrintable(where));
        if (insideCharacter)
            QVERIFY2(error->message.contains(QStringLiteral("truncated multi-byte sequence")),
                     qPrintable(where));
        else
            QVERIFY2(error->message.contains(QStringLiteral("end of input")) ||
                         error->message.contains(QStringLiteral("unterminated string")) ||
                         (cut == start && error->message.contains(QStringLiteral("empty input"))),
                     qPrintable(where));
    }
}

// The fast parser and the strict diagnoser are two implementations of one grammar: on every mutation of
// valid documents (bytes replaced, inserted, deleted; fixed seed) one accepts exactly what the other does.
void TestDocument::agreesWithTheDiagnoser() {
    const QByteArray seeds[] = {
        fixture("worker-array.json"), fixture("tolerant.json"),
        QByteArray(
            "{\"a\":[1,-2.5e+3,true,false,null,\"\\u0026\\ud83d\\ude00\",{},[]],\"k\\n\":{\"x\":\"\"}}"),
        QByteArray("[[[{}]],{\"\":0.5E-3},\"caf\xC3\xA9\"]")};
    // Bytes that change the grammar: structure, quotes, escapes, number and literal parts, whitespace.
    const QByteArray alphabet =
        QByteArrayLiteral("{}[]:,\"\\ \t\n0123456789-+.eEtrufalsn/bu\x01\xC3\xA9\xFF");
    quint32 state = 20261129;
    const auto next = [&state](quint32 bound) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    };
    int accepted = 0, refused = 0;
    for (const QByteArray& seed : seeds) {
        for (int round = 0; round < 3000; ++round) {
            QByteArray text = seed;
            for (quint32 edits = 1 + next(3); edits > 0; --edits) {
                const auto at = qsizetype(next(quint32(text.size())));
                const char byte = alphabet[qsizetype(next(quint32(alphabet.size())))];
                switch (next(3)) {
                case 0:
                    text[at] = byte;
                    break;
                case 1:
                    text.insert(at, byte);
                    break;
                default:
                    text.remove(at, 1);
                }
            }
            const bool parsed = !parseError(text);
            const auto diagnosed =
                hwi::json::diagnoseJson(std::string_view(text.constData(), size_t(text.size())));
            QVERIFY2(parsed == !diagnosed,
                     qPrintable(QStringLiteral("%1 by the parser, %2 by the diagnoser: %3")
                                    .arg(parsed ? QStringLiteral("accepted") : QStringLiteral("refused"),
                                         diagnosed ? diagnosed->message : QStringLiteral("accepted"),
                                         QString::fromLatin1(text.toPercentEncoding("{}[]:,\" ")))));
            (parsed ? accepted : refused) += 1;
        }
    }
    QVERIFY(accepted > 100 && refused > 100); // both sides of the grammar were exercised
}

void TestDocument::largeDocuments_data() {
    QTest::addColumn<QByteArray>("element");
    QTest::addColumn<QByteArray>("separator");
    QTest::addColumn<QByteArray>("trailer");
    const QByteArray worker = fixture("worker-get.json").trimmed();
    QTest::newRow("pretty") << worker << QByteArray(",\n") << QByteArray("\n");
    QTest::newRow("CRLF") << QByteArray(worker).replace("\n", "\r\n") << QByteArray(",\r\n") << QByteArray();
    QTest::newRow("one line") << minified(worker) << QByteArray(",") << QByteArray();
    QTest::newRow("a line per token")
        << tokenPerLine(worker).trimmed() << QByteArray("\n,\n") << QByteArray();
    QTest::newRow("whitespace after the end")
        << worker << QByteArray(",\n") << QByteArray("  \n").repeated(300000);
    // Commas inside strings, right before a closing quote or an opening brace: where a line has none,
    // a chunk may end after such a comma, inside a string.
    QTest::newRow("commas in strings") << QByteArray("{\"a\":\"x,{y,{z,\",\"b,\":[\"{,\",1,{\"c\":\",\"}]}")
                                       << QByteArray(",") << QByteArray();
    QTest::newRow("multibyte") << compactMultibyteDocument(40) << QByteArray(",") << QByteArray();
}

void TestDocument::largeDocuments() {
    QFETCH(QByteArray, element);
    QFETCH(QByteArray, separator);
    QFETCH(QByteArray, trailer);
    const int count = int(1500000 / (element.size() + separator.size())) + 1;
    const QByteArray json = repeated(element, count, separator) + trailer;
    PARSE_OK(doc, json);
    PARSE_OK(one, element);
    QCOMPARE(doc->childCount(doc->root()), std::uint32_t(count));
    QCOMPARE(doc->nodeCount(), 1 + count * one->nodeCount());
    const NodeId first = doc->child(doc->root(), 0);
    QVERIFY(sameSubtree(*one, one->root(), one->root()));
    for (int row = 0; row < count; ++row) {
        const NodeId at = doc->child(doc->root(), std::uint32_t(row));
        QVERIFY2(sameSubtree(*doc, first, at), qPrintable(QStringLiteral("element %1 differs").arg(row)));
        QCOMPARE(doc->offset(at), std::uint32_t(1 + row * (element.size() + separator.size())));
        QCOMPARE(doc->parent(at), doc->root());
    }
}

void TestDocument::longStrings_data() {
    QTest::addColumn<QByteArray>("text");   // a string's body, unescaped and without quotes
    QTest::addColumn<QByteArray>("layout"); // %1 is where the string goes
    QTest::newRow("commas and braces, one line") << QByteArray("a,{").repeated(400000) << QByteArray("[%1]");
    QTest::newRow("no newline or comma")
        << QByteArray("abcdefgh").repeated(200000) << QByteArray("[\n  1,\n  %1,\n  2\n]");
    QTest::newRow("quotes everywhere")
        << QByteArray("\\\",\\\"").repeated(200000) << QByteArray("{\"k\":\n%1\n}");
}

void TestDocument::longStrings() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, layout);
    const QByteArray json = QByteArray(layout).replace("%1", QByteArray("\"" + text + "\""));
    PARSE_OK(doc, json);
    NodeId string = NoNode;
    for (NodeId id = 0; id < doc->nodeCount(); ++id)
        if (doc->kind(id) == Kind::String)
            string = id;
    QVERIFY(string != NoNode);
    QCOMPARE(doc->rawScalar(string), sv("\"" + text + "\""));
    QCOMPARE(doc->offset(string), std::uint32_t(layout.indexOf("%1")));
}

void TestDocument::errorsInLaterChunks_data() {
    QTest::addColumn<QByteArray>("json");
    const QByteArray worker = fixture("worker-get.json").trimmed();
    const QByteArray pretty = repeated(worker, 1000, ",\n");
    const QByteArray compact = repeated(minified(worker), 1500, ",");
    // Around the ends of the parser's chunks (256 KiB apart, moved back to a line end or a comma) and
    // past them: a byte replaced, inserted or removed.
    const char replacements[] = {'"', ',', '}', '\\', 'x', '\n'};
    int n = 0;
    for (const QByteArray* base : {&pretty, &compact}) {
        for (qsizetype chunk = 1; chunk <= 4; ++chunk) {
            for (qsizetype delta : {-40, -3, -2, -1, 0, 1, 2, 700}) {
                const qsizetype at = chunk * 256 * 1024 + delta;
                const char byte = replacements[n++ % sizeof(replacements)];
                QByteArray replaced = *base, inserted = *base, removed = *base;
                replaced[at] = byte;
                inserted.insert(at, byte);
                removed.remove(at, 1);
                const QByteArray name = (base == &pretty ? "pretty" : "compact") + QByteArray::number(at);
                QTest::newRow(QByteArray(name + " replaced").constData()) << replaced;
                QTest::newRow(QByteArray(name + " inserted").constData()) << inserted;
                QTest::newRow(QByteArray(name + " removed").constData()) << removed;
            }
        }
        QTest::newRow(base == &pretty ? "pretty, cut short" : "compact, cut short") << base->left(700000);
    }
}

// Past the first chunk, the parser accepts what the diagnoser accepts, and reports a refusal where the
// diagnoser finds it.
void TestDocument::errorsInLaterChunks() {
    QFETCH(QByteArray, json);
    const auto error = parseError(json);
    const auto diagnosed = hwi::json::diagnoseJson(sv(json));
    QCOMPARE(bool(error), bool(diagnosed));
    if (error) {
        QCOMPARE(error->offset, diagnosed->offset);
        QCOMPARE(error->message, diagnosed->message);
    }
}

void TestDocument::parsedWhileArriving_data() {
    QTest::addColumn<QByteArray>("json");
    const QByteArray worker = fixture("worker-get.json").trimmed();
    QTest::newRow("pretty") << repeated(worker, 1000, ",\n");
    QTest::newRow("one line") << repeated(minified(worker), 1000, ",");
    QTest::newRow("BOM") << QByteArray(Bom) + repeated(worker, 300, ",\n");
    QTest::newRow("commas in strings") << QByteArray("[\"") + QByteArray("a,{").repeated(200000) + "\"]";
    QTest::newRow("scalar") << QByteArray("  \"just a string\"  ");
    QTest::newRow("small") << QByteArray("{\"a\": [1, 2, {\"b\": null}]}");
    QTest::newRow("whitespace, then an object") << QByteArray(400000, ' ') + worker;
    QByteArray broken = repeated(worker, 1000, ",\n");
    broken[1200000] = '#';
    QTest::newRow("an error late in the text") << broken;
    QTest::newRow("truncated") << repeated(worker, 1000, ",\n").chopped(10);
    QTest::newRow("empty") << QByteArray();
}

// What is parsed while it arrives is what is parsed when it is all there: the same nodes, or the same error.
void TestDocument::parsedWhileArriving() {
    QFETCH(QByteArray, json);
    const auto whole = Document::parse(json);
    const auto arriving = parseWhileArriving(json);
    QCOMPARE(arriving.index(), whole.index());
    if (const auto* error = std::get_if<Document::ParseError>(&whole)) {
        const auto& got = std::get<Document::ParseError>(arriving);
        QCOMPARE(got.message, error->message);
        QCOMPARE(got.offset, error->offset);
        QCOMPARE(got.line, error->line);
        QCOMPARE(got.column, error->column);
        return;
    }
    const Document& expected = *std::get<DocumentPtr>(whole);
    const Document& doc = *std::get<DocumentPtr>(arriving);
    QCOMPARE(doc.nodeCount(), expected.nodeCount());
    QCOMPARE(doc.source(), json);
    for (NodeId id = 0; id < doc.nodeCount(); ++id) {
        QCOMPARE(doc.offset(id), expected.offset(id));
        QCOMPARE(doc.parent(id), expected.parent(id));
        QCOMPARE(doc.childCount(id), expected.childCount(id));
        QCOMPARE(doc.kind(id), expected.kind(id));
        QCOMPARE(doc.rawKey(id), expected.rawKey(id));
        if (!doc.isContainer(id))
            QCOMPARE(doc.rawScalar(id), expected.rawScalar(id));
    }
}

// Fewer bytes than announced (a file cut short while read): the text is what arrived.
void TestDocument::arrivalStopsEarly() {
    const QByteArray json = repeated(fixture("worker-get.json").trimmed(), 1000, ",\n");
    const auto result = parseWhileArriving(json, 700000);
    const auto expected = parseError(json.left(700000));
    QVERIFY(expected);
    const auto* error = std::get_if<Document::ParseError>(&result);
    QVERIFY2(error, "a text cut short was accepted");
    QCOMPARE(error->offset, expected->offset);
    QCOMPARE(error->message, expected->message);

    const QByteArray small = "[1, 2]";
    const auto shorter = parseWhileArriving(small + QByteArray(100, ' '), small.size());
    QVERIFY(std::holds_alternative<DocumentPtr>(shorter));
    QCOMPARE(std::get<DocumentPtr>(shorter)->source(), small);
}

// A read that fails ends a parse waiting for its bytes.
void TestDocument::arrivalAborted() {
    const QByteArray json = repeated(fixture("worker-get.json").trimmed(), 1000, ",\n");
    for (qsizetype at : {qsizetype(0), qsizetype(2), qsizetype(300000), json.size()}) {
        const auto result = parseWhileArriving(json, at, true);
        const auto* error = std::get_if<Document::ParseError>(&result);
        QVERIFY2(error, qPrintable(QStringLiteral("aborted at %1, yet parsed").arg(at)));
        QCOMPARE(error->message, QStringLiteral("cancelled"));
    }
}

// A 100 MB file must not cost twice its size: bytes the caller still holds, with room after them for the
// parser's padding (as the Loader and the command line read them), are shared with the document, not copied.
void TestDocument::bytesWithRoomAreNotCopied() {
    const QByteArray text = repeated(fixture("worker-get.json").trimmed(), 300, ",\n");
    QByteArray bytes;
    bytes.reserve(text.size() + 64);
    bytes.append(text);
    PARSE_OK(doc, bytes);
    QCOMPARE(static_cast<const void*>(doc->source().constData()),
             static_cast<const void*>(bytes.constData()));
    QCOMPARE(doc->source(), text);
}

// Pages prepared ahead of a read (ArrivingBytes::prepare) keep what was written on them before.
void TestDocument::preparedRoomKeepsWrittenBytes() {
    const QByteArray json = "[" + QByteArray(3 * 4096 + 100, ' ') + "1]";
    hwi::json::ArrivingBytes bytes(json.size());
    for (qsizetype at = 0; at < json.size();) {
        const qsizetype slice = std::min<qsizetype>(json.size() - at, 1000);
        bytes.prepare(bytes.room()); // all the rest, from within a page already written
        std::memcpy(bytes.writePosition(), json.constData() + at, size_t(slice));
        bytes.commit(slice);
        at += slice;
    }
    bytes.prepare(1); // no room left: nothing to do
    bytes.finish();
    QCOMPARE(bytes.take(), json);
}

// Asking for 2 MiB pages over memory half written changes no byte, written or not.
void TestDocument::hugePagesKeepEveryByte() {
    constexpr std::size_t Size = 6 << 20;
    std::vector<unsigned char> memory(Size);
    for (std::size_t i = 0; i < Size / 2; ++i)
        memory[i] = static_cast<unsigned char>(i * 7 + 1);
    hwi::json::preferHugePages(memory.data(), memory.size());
    hwi::json::preferHugePages(memory.data() + 3, 10); // less than a page: nothing to ask
    for (std::size_t i = 0; i < Size; ++i) {
        if (memory[i] != (i < Size / 2 ? static_cast<unsigned char>(i * 7 + 1) : 0))
            QFAIL(qPrintable(QStringLiteral("byte %1 changed").arg(i)));
    }
    const QByteArray json = "[" + QByteArray(3 << 20, ' ') + "1]";
    PARSE_OK(doc, json); // its node table asks for them too
    QCOMPARE(doc->childCount(doc->root()), 1u);
}

void TestDocument::nestingLimit_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("offset"); // -1: accepted

    QTest::newRow("1024 arrays") << QByteArray(1024, '[') + QByteArray(1024, ']') << qint64(-1);
    QTest::newRow("1025 arrays") << QByteArray(1025, '[') + QByteArray(1025, ']') << qint64(1024);
    QTest::newRow("1024 objects") << QByteArray("{\"a\":").repeated(1023) + "{}" + QByteArray(1023, '}')
                                  << qint64(-1);
    QTest::newRow("1025 objects") << QByteArray("{\"a\":").repeated(1024) + "{}" + QByteArray(1024, '}')
                                  << qint64(1024 * 5);
    QTest::newRow("1025 mixed, pretty")
        << QByteArray("[\n").repeated(1024) + "{}" + QByteArray("]").repeated(1024) << qint64(1024 * 2);
    QTest::newRow("100000 deep") << QByteArray(100000, '[') + QByteArray(100000, ']') << qint64(1024);
}

void TestDocument::nestingLimit() {
    QFETCH(QByteArray, json);
    QFETCH(qint64, offset);

    if (offset < 0) {
        PARSE_OK(doc, json);
        QCOMPARE(doc->nodeCount(), std::size_t(1024));
        NodeId deepest = doc->root();
        while (doc->childCount(deepest) > 0)
            deepest = doc->child(deepest, 0);
        int depth = 1;
        for (NodeId at = deepest; doc->parent(at) != NoNode; at = doc->parent(at))
            ++depth;
        QCOMPARE(depth, 1024);
        return;
    }
    const auto error = parseError(json);
    QVERIFY2(error, "the input was accepted");
    QVERIFY2(error->message.contains(QStringLiteral("nesting deeper than 1024 levels")),
             qPrintable(error->message));
    QCOMPARE(error->offset, offset);
    const TextPosition expected = editorPosition(json, offset);
    QCOMPARE(error->line, expected.line);
    QCOMPARE(error->column, expected.column);
}

void TestDocument::cancellation() {
    // Large enough that the parser looks at the flag.
    QByteArray json = "[";
    for (int i = 0; i < 200000; ++i)
        json += i ? ",0" : "0";
    json += "]";

    const std::atomic_bool cancel{true};
    const auto error = parseError(json, &cancel);
    QVERIFY2(error, "a cancelled parse returned a document");
    QCOMPARE(error->message, QStringLiteral("cancelled"));

    const std::atomic_bool goOn{false};
    auto result = Document::parse(json, &goOn);
    QVERIFY(std::holds_alternative<DocumentPtr>(result));
    QCOMPARE(std::get<DocumentPtr>(result)->nodeCount(), std::size_t(200001));
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
