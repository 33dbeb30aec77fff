#include "json/jsondiagnoser.h"

#include <QTest>

using hwi::json::diagnoseJson;
using hwi::json::textPositionAt;

namespace {

std::string_view view(const QByteArray& bytes) {
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

QByteArray repeated(const char* unit, int count) {
    return QByteArray(unit).repeated(count);
}

} // namespace

class TestJsonDiagnoser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void errors_data();
    void errors();
    void valid_data();
    void valid();
    void depthLimit_data();
    void depthLimit();
    void hundredThousandDeep();
    void textPosition_data();
    void textPosition();
};

void TestJsonDiagnoser::errors_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("message"); // substring of the expected message

    const auto row = [](const char* name, const QByteArray& input, qint64 offset, const char* message) {
        QTest::newRow(name) << input << offset << QString::fromUtf8(message);
    };

    // Empty input and bad value starts.
    row("empty", "", 0, "empty input: expected a JSON value");
    row("whitespace only", "  \n\t\r ", 6, "empty input: expected a JSON value");
    row("html", "<!DOCTYPE html>\n<html></html>", 0,
        "expected a JSON value (object, array, string, number, true, false or null), found '<' "
        "(this looks like HTML, not JSON)");
    row("bad value in array", "[1, ?]", 4,
        "expected a JSON value (object, array, string, number, true, false or null), found '?'");
    row("double comma", "[1,,2]", 3,
        "expected a JSON value (object, array, string, number, true, false or null), found ','");
    row("single quotes", "'a'", 0, "found '''");
    row("form feed is not whitespace", "\f1", 0, "found byte 0x0c");
    row("vertical tab is not whitespace", "[1,\v2]", 3, "found byte 0x0b");
    row("bom is not skipped", "\xef\xbb\xbf{}", 0, "found byte 0xef");
    row("non-ascii value start", "[\xc3\xa9]", 1,
        "expected a JSON value (object, array, string, number, "
        "true, false or null), found byte 0xc3");

    // Literals.
    row("truncated true", "tru", 3, "invalid literal, expected 'true', found end of input");
    row("truncated null", "nul", 3, "invalid literal, expected 'null'");
    row("capitalised True", "True", 0, "invalid literal, expected 'true', found 'T'");
    row("misspelt false", "[fals]", 5, "invalid literal, expected 'false', found ']'");
    row("NaN", "NaN", 0, "NaN and Infinity are not valid JSON numbers");
    row("Infinity", "Infinity", 0, "NaN and Infinity are not valid JSON numbers");
    row("-Infinity", "-Infinity", 1, "NaN and Infinity are not valid JSON numbers");
    row("lowercase nan", "[1, nan]", 4, "NaN and Infinity are not valid JSON numbers");

    // Numbers.
    row("leading zero", "01", 1, "invalid number: leading zeros are not allowed");
    row("negative leading zero", "-01", 2, "invalid number: leading zeros are not allowed");
    row("no fraction digits", "1.", 2, "invalid number: expected a digit after '.', found end of input");
    row("no fraction digits in array", "[1.]", 3, "invalid number: expected a digit after '.', found ']'");
    row("leading dot", ".5", 0, "invalid number: expected a digit before '.'");
    row("empty exponent", "1e", 2, "invalid number: expected a digit in the exponent");
    row("signed empty exponent", "1E+x", 3, "invalid number: expected a digit in the exponent, found 'x'");
    row("leading plus", "+1", 0, "invalid number: a leading '+' is not allowed");
    row("lone minus", "-", 1, "invalid number: expected a digit after '-', found end of input");
    row("minus letter", "[-a]", 2, "invalid number: expected a digit after '-', found 'a'");
    row("hex number", "0x1F", 1, "unexpected content after the JSON value, found 'x'");

    // Strings.
    row("unterminated", "\"abc", 4, "unterminated string starting at line 1, column 1");
    row("unterminated on line 2", "{\n  \"key\": \"va", 14,
        "unterminated string starting at line 2, column 10");
    row("unterminated after backslash", "\"\\", 2, "unterminated string starting at line 1, column 1");
    row("unterminated after high surrogate", "\"ab\\uD83D", 9, "unterminated string");
    row("raw newline", "\"a\nb\"", 2, "control character 0x0a must be escaped in a string");
    row("raw nul", QByteArray("\"a\0b\"", 5), 2, "control character 0x00 must be escaped in a string");
    row("raw newline after multibyte", "\"\xc3\xa9\n\"", 3, "control character 0x0a");
    row("bad escape", "[\"\\x\"]", 2, "invalid escape '\\x' in string");
    row("bad escape byte", "\"a\\\xff\"", 2, "invalid escape in string: '\\' followed by byte 0xff");
    row("short unicode escape", "\"\\u12G4\"", 1, "invalid \\u escape: expected 4 hex digits, found 'G'");
    row("lone high surrogate", "\"\\uD800\"", 1, "invalid \\u escape: unpaired surrogate");
    row("lone low surrogate", "\"x\\uDC00\"", 2, "invalid \\u escape: unpaired surrogate");
    row("high surrogate + non-low", "\"\\uD800\\u0041\"", 1, "invalid \\u escape: unpaired surrogate");
    row("high surrogate + other escape", "\"\\uDBFF\\n\"", 1, "invalid \\u escape: unpaired surrogate");
    row("high surrogate + bad hex", "\"\\uD800\\uDZ00\"", 7, "invalid \\u escape: expected 4 hex digits");

    // Invalid UTF-8: at the first bad byte; a truncated sequence at its lead byte.
    row("utf8 0xff", "\"\xff\"", 1, "invalid UTF-8 byte 0xff");
    row("utf8 overlong 2-byte", "\"\xc0\xaf\"", 1, "invalid UTF-8 byte 0xc0 (overlong encoding)");
    row("utf8 overlong 3-byte", "\"\xe0\x80\x80\"", 2, "invalid UTF-8 byte 0x80 (overlong encoding)");
    row("utf8 overlong 4-byte", "\"\xf0\x8f\xbf\xbf\"", 2, "invalid UTF-8 byte 0x8f (overlong encoding)");
    row("utf8 surrogate", "\"\xed\xa0\x80\"", 2, "invalid UTF-8 byte 0xa0 (encoded UTF-16 surrogate)");
    row("utf8 above U+10FFFF", "\"\xf4\x90\x80\x80\"", 2,
        "invalid UTF-8 byte 0x90 (code point above U+10FFFF)");
    row("utf8 0xf5 lead", "\"\xf5\x80\x80\x80\"", 1, "invalid UTF-8 byte 0xf5");
    row("utf8 truncated", "\"\xc3\"", 1, "invalid UTF-8 byte 0xc3 (truncated multi-byte sequence)");
    row("utf8 truncated at end", "\"\xf0\x9f\x98", 1, "invalid UTF-8 byte 0xf0 (truncated");
    row("utf8 stray continuation", "\"a\x80\"", 2, "invalid UTF-8 byte 0x80 (unexpected continuation byte)");
    row("utf8 before unterminated", "\"ok \xff and then the end", 4, "invalid UTF-8 byte 0xff");
    row("utf8 after value", "[1] \xfe", 4, "invalid UTF-8 byte 0xfe");
    row("utf8 in key position", "{\xff}", 1, "invalid UTF-8 byte 0xff");

    // Objects.
    row("bad key", "{x}", 1, "expected a string key or '}', found 'x'");
    row("object trailing comma", "{\"a\":1,}", 7, "trailing comma: expected a string key after ','");
    row("non-string key after comma", "{\"a\":1,2}", 7, "expected a string key after ',', found '2'");
    row("missing colon", "{\"a\" 1}", 5, "expected ':' after object key, found '1'");
    row("missing comma in object", "{\"a\":1 \"b\":2}", 7,
        "expected ',' or '}' after an object member, found '\"'");
    row("object closed by bracket", "{\"a\":1]", 6, "expected ',' or '}' after an object member, found ']'");

    // Arrays.
    row("array trailing comma", "[1,]", 3, "trailing comma: expected a value after ','");
    row("missing comma in array", "[1 2]", 3, "expected ',' or ']' after an array element, found '2'");
    row("array closed by brace", "{\"a\":[1,2}", 9, "expected ',' or ']' after an array element, found '}'");

    // Truncated containers.
    row("unclosed array", "[1, 2", 5, "unexpected end of input: unclosed array opened at line 1, column 1");
    row("unclosed empty array", "[", 1, "unexpected end of input: unclosed array opened at line 1, column 1");
    row("unclosed object after colon", "{\"a\":", 5,
        "unexpected end of input: unclosed object opened at line 1, column 1");
    row("unclosed inner object", "{\"a\": [1,\n  {\"b\": 2", 19,
        "unexpected end of input: unclosed object opened at line 2, column 3");
    row("unclosed after multibyte", "[\"\xc3\xa9\xc3\xa9\", [", 10,
        "unclosed array opened at line 1, column 8");

    // Comments and trailing content.
    row("line comment", "// c\n1", 0, "comments are not allowed in JSON");
    row("block comment in array", "[1, /* c */ 2]", 4, "comments are not allowed in JSON");
    row("comment after value", "{\"a\":1} // c", 8, "comments are not allowed in JSON");
    row("trailing garbage", "{} x", 3, "unexpected content after the JSON value, found 'x'");
    row("two values", "1 2", 2, "unexpected content after the JSON value, found '2'");
    row("two strings", "\"a\" \"b\"", 4, "unexpected content after the JSON value, found '\"'");
}

void TestJsonDiagnoser::errors() {
    QFETCH(QByteArray, input);
    QFETCH(qint64, offset);
    QFETCH(QString, message);

    const auto error = diagnoseJson(view(input));
    QVERIFY2(error.has_value(), "the input was accepted");
    QVERIFY2(error->message.contains(message), qPrintable(error->message));
    QCOMPARE(error->offset, offset);
}

void TestJsonDiagnoser::valid_data() {
    QTest::addColumn<QByteArray>("input");

    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("empty array") << QByteArray("[]");
    QTest::newRow("empty string") << QByteArray("\"\"");
    QTest::newRow("zero") << QByteArray("0");
    QTest::newRow("negative zero") << QByteArray("-0");
    QTest::newRow("small exponent") << QByteArray("1.0e-7");
    QTest::newRow("big integer") << QByteArray("123456789012345678901234567890");
    QTest::newRow("signed exponent") << QByteArray("-12.5E+3");
    QTest::newRow("true") << QByteArray("true");
    QTest::newRow("false") << QByteArray(" false ");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("surrounding whitespace") << QByteArray(" \t\r\n[ ] \r\n");
    QTest::newRow("nested") << QByteArray(R"({"a":[1,{"b":null}],"c":{"d":[[],{}]},"":{}})");
    QTest::newRow("mixed array") << QByteArray(R"([1, 2.5, -3e-2, "x", true, false, null, {}, []])");
    QTest::newRow("escapes") << QByteArray(R"("\" \\ \/ \b \f \n \r \t \u0000 \u00e9 \uFFFF")");
    QTest::newRow("surrogate pair") << QByteArray(R"(["\uD83D\uDE00", "\udbff\udfff"])");
    QTest::newRow("utf8 text") << QByteArray("{\"caf\xc3\xa9\": \"\xe4\xb8\xad \xf0\x9f\x98\x80\"}");
    QTest::newRow("utf8 boundaries") << QByteArray("\"\xc2\x80 \xed\x9f\xbf \xee\x80\x80 \xf4\x8f\xbf\xbf\"");
    QTest::newRow("deep mixed") << QByteArray(R"([{"a":[{"b":[{"c":[]}]}]}])");
}

void TestJsonDiagnoser::valid() {
    QFETCH(QByteArray, input);

    const auto error = diagnoseJson(view(input));
    QVERIFY2(!error.has_value(), error ? qPrintable(error->message) : "");
}

void TestJsonDiagnoser::depthLimit_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<qint64>("offset"); // -1: valid
    QTest::addColumn<QString>("message");

    const auto nested = [](int depth) -> QByteArray { return repeated("[", depth) + repeated("]", depth); };
    const auto nestedObjects = [](int depth) -> QByteArray {
        return repeated("{\"a\":", depth) + "1" + repeated("}", depth);
    };

    QTest::newRow("1024 arrays") << nested(1024) << 1024 << qint64(-1) << QString();
    QTest::newRow("1025 arrays") << nested(1025) << 1024 << qint64(1024)
                                 << QStringLiteral("nesting deeper than 1024 levels");
    QTest::newRow("1024 objects") << nestedObjects(1024) << 1024 << qint64(-1) << QString();
    QTest::newRow("1025 objects") << nestedObjects(1025) << 1024 << qint64(1024 * 5)
                                  << QStringLiteral("nesting deeper than 1024 levels");
    QTest::newRow("custom limit") << QByteArray("[{\"a\":[[]]}]") << 3 << qint64(7)
                                  << QStringLiteral("nesting deeper than 3 levels");
    QTest::newRow("zero limit, scalar") << QByteArray("1") << 0 << qint64(-1) << QString();
    QTest::newRow("zero limit, array")
        << QByteArray(" []") << 0 << qint64(1) << QStringLiteral("nesting deeper than 0 levels");
}

void TestJsonDiagnoser::depthLimit() {
    QFETCH(QByteArray, input);
    QFETCH(int, maxDepth);
    QFETCH(qint64, offset);
    QFETCH(QString, message);

    const auto error = diagnoseJson(view(input), maxDepth);
    if (offset < 0) {
        QVERIFY2(!error.has_value(), error ? qPrintable(error->message) : "");
        return;
    }
    QVERIFY(error.has_value());
    QCOMPARE(error->message, message);
    QCOMPARE(error->offset, offset);
}

void TestJsonDiagnoser::hundredThousandDeep() {
    constexpr int depth = 100'000;
    const QByteArray open = repeated("[", depth);

    auto error = diagnoseJson(view(open));
    QVERIFY(error.has_value());
    QCOMPARE(error->offset, qint64(1024));
    QCOMPARE(error->message, QStringLiteral("nesting deeper than 1024 levels"));

    // With a high enough limit the same text is only truncated, and the complete text is valid.
    error = diagnoseJson(view(open), depth);
    QVERIFY(error.has_value());
    QCOMPARE(error->offset, qint64(depth));
    QCOMPARE(error->message,
             QStringLiteral("unexpected end of input: unclosed array opened at line 1, column 100000"));
    const QByteArray complete = open + repeated("]", depth);
    QVERIFY(!diagnoseJson(view(complete), depth).has_value());
}

void TestJsonDiagnoser::textPosition_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("start") << QByteArray("abc") << qint64(0) << 1 << 1;
    QTest::newRow("middle") << QByteArray("abc") << qint64(2) << 1 << 3;
    QTest::newRow("end") << QByteArray("abc") << qint64(3) << 1 << 4;
    QTest::newRow("past end clamps") << QByteArray("abc") << qint64(99) << 1 << 4;
    QTest::newRow("negative clamps") << QByteArray("abc") << qint64(-5) << 1 << 1;
    QTest::newRow("empty text") << QByteArray() << qint64(3) << 1 << 1;
    QTest::newRow("after lf") << QByteArray("a\nb") << qint64(2) << 2 << 1;
    QTest::newRow("at lf") << QByteArray("a\nb") << qint64(1) << 1 << 2;
    QTest::newRow("after crlf") << QByteArray("a\r\nb") << qint64(3) << 2 << 1;
    QTest::newRow("at cr") << QByteArray("a\r\nb") << qint64(1) << 1 << 2;
    QTest::newRow("two crlf") << QByteArray("a\r\n\r\nxy") << qint64(6) << 3 << 2;
    QTest::newRow("end after lf") << QByteArray("a\n") << qint64(2) << 2 << 1;
    QTest::newRow("lone cr is not a line end") << QByteArray("a\rb") << qint64(2) << 1 << 3;
    QTest::newRow("after 2-byte char") << QByteArray("\xc3\xa9x") << qint64(2) << 1 << 2;
    QTest::newRow("inside 2-byte char") << QByteArray("\xc3\xa9x") << qint64(1) << 1 << 1;
    QTest::newRow("after 4-byte char") << QByteArray("\xf0\x9f\x98\x80x") << qint64(4) << 1 << 2;
    QTest::newRow("3-byte chars over lines")
        << QByteArray("\xe4\xb8\xad\r\n\xe4\xb8\xadx") << qint64(8) << 2 << 2;
    QTest::newRow("invalid bytes count one each") << QByteArray("\xff\x80x") << qint64(2) << 1 << 3;
}

void TestJsonDiagnoser::textPosition() {
    QFETCH(QByteArray, text);
    QFETCH(qint64, offset);
    QFETCH(int, line);
    QFETCH(int, column);

    const auto position = textPositionAt(view(text), offset);
    QCOMPARE(position.line, line);
    QCOMPARE(position.column, column);
}

QTEST_APPLESS_MAIN(TestJsonDiagnoser)
#include "tst_jsondiagnoser.moc"
