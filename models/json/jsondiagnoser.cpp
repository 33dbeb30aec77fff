#include "jsondiagnoser.h"

#include <algorithm>
#include <string>
#include <vector>

namespace hwi::json {

namespace {

bool isWhitespace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool isDigit(unsigned char c) {
    return c >= '0' && c <= '9';
}
bool isHexDigit(unsigned char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isLetter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
unsigned char toLower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int hexValue(unsigned char c) {
    if (isDigit(c))
        return c - '0';
    return toLower(c) - 'a' + 10;
}

QString hexByte(unsigned char c) {
    return QStringLiteral("0x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
}

struct Utf8Check {
    std::size_t length = 0; // length of the valid sequence, 0 when invalid
    std::size_t badOffset = 0;
    const char* reason = ""; // why the byte at badOffset is invalid
};

// Checks the UTF-8 sequence starting at pos (RFC 3629: no overlongs, no surrogates, max U+10FFFF).
// A sequence cut short by a non-continuation byte or the end of the text is reported at its lead byte.
Utf8Check checkUtf8(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80)
        return {1};
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    const char* rangeReason = "";
    if (lead >= 0x80 && lead <= 0xBF)
        return {0, pos, "unexpected continuation byte"};
    if (lead == 0xC0 || lead == 0xC1)
        return {0, pos, "overlong encoding"};
    if (lead >= 0xF5)
        return {0, pos, "never appears in UTF-8"};
    if (lead <= 0xDF) {
        length = 2;
    } else if (lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) {
            low = 0xA0;
            rangeReason = "overlong encoding";
        } else if (lead == 0xED) {
            high = 0x9F;
            rangeReason = "encoded UTF-16 surrogate";
        }
    } else {
        length = 4;
        if (lead == 0xF0) {
            low = 0x90;
            rangeReason = "overlong encoding";
        } else if (lead == 0xF4) {
            high = 0x8F;
            rangeReason = "code point above U+10FFFF";
        }
    }
    for (std::size_t i = 1; i < length; ++i) {
        if (pos + i >= text.size() || (byte(pos + i) & 0xC0) != 0x80)
            return {0, pos, "truncated multi-byte sequence"};
        if (byte(pos + i) < low || byte(pos + i) > high)
            return {0, pos + i, rangeReason};
        low = 0x80;
        high = 0xBF;
    }
    return {length};
}

// A single forward pass over the text. Open containers live in an explicit stack (no recursion).
class Diagnoser {
public:
    Diagnoser(std::string_view text, int maxDepth)
        : text_(text)
        , maxDepth_(maxDepth) {}

    std::optional<SyntaxError> run();

private:
    // What the grammar allows at the current position (after skipping whitespace).
    enum class State { Value, FirstElement, NextElement, FirstKey, NextKey, Colon, AfterValue };

    bool atEnd() const { return pos_ >= text_.size(); }
    unsigned char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? static_cast<unsigned char>(text_[pos_ + ahead]) : 0;
    }
    bool inArray() const { return text_[open_.back()] == '['; }

    bool fail(std::size_t offset, const QString& message);
    bool failUtf8(const Utf8Check& check);
    bool unexpected(const QString& expectation, const QString& hint = {});
    bool failAtEnd();
    QString found() const;

    bool parseValue();
    bool parseString();
    bool parseEscape(std::size_t quote);
    bool parseHex4(std::size_t escape, std::size_t quote, unsigned& unit);
    bool failUnterminated(std::size_t quote);
    bool parseNumber();
    bool parseLiteral();
    bool isNonFiniteWord() const;

    std::string_view text_;
    int maxDepth_;
    std::size_t pos_ = 0;
    State state_ = State::Value;
    std::vector<std::size_t> open_; // offsets of the '[' and '{' not closed yet
    std::optional<SyntaxError> error_;
};

std::optional<SyntaxError> Diagnoser::run() {
    for (;;) {
        while (!atEnd() && isWhitespace(peek()))
            ++pos_;
        if (atEnd()) {
            failAtEnd();
            return error_;
        }
        const unsigned char c = peek();
        bool ok = true;
        switch (state_) {
        case State::Value:
            ok = parseValue();
            break;
        case State::FirstElement:
        case State::NextElement:
            if (c == ']' && state_ == State::FirstElement) {
                ++pos_;
                open_.pop_back();
                state_ = State::AfterValue;
            } else if (c == ']') {
                ok = fail(pos_, QStringLiteral("trailing comma: expected a value after ','"));
            } else {
                ok = parseValue();
            }
            break;
        case State::FirstKey:
        case State::NextKey:
            if (c == '"') {
                ok = parseString();
                state_ = State::Colon;
            } else if (c == '}' && state_ == State::FirstKey) {
                ++pos_;
                open_.pop_back();
                state_ = State::AfterValue;
            } else if (c == '}') {
                ok = fail(pos_, QStringLiteral("trailing comma: expected a string key after ','"));
            } else {
                ok =
                    unexpected(state_ == State::FirstKey ? QStringLiteral("expected a string key or '}'")
                                                         : QStringLiteral("expected a string key after ','"));
            }
            break;
        case State::Colon:
            if (c == ':') {
                ++pos_;
                state_ = State::Value;
            } else {
                ok = unexpected(QStringLiteral("expected ':' after object key"));
            }
            break;
        case State::AfterValue:
            if (open_.empty()) {
                ok = unexpected(QStringLiteral("unexpected content after the JSON value"));
            } else if (c == ',') {
                ++pos_;
                state_ = inArray() ? State::NextElement : State::NextKey;
            } else if (c == static_cast<unsigned char>(inArray() ? ']' : '}')) {
                ++pos_;
                open_.pop_back();
            } else {
                ok = unexpected(inArray() ? QStringLiteral("expected ',' or ']' after an array element")
                                          : QStringLiteral("expected ',' or '}' after an object member"));
            }
            break;
        }
        if (!ok)
            return error_;
    }
}

bool Diagnoser::fail(std::size_t offset, const QString& message) {
    error_ = SyntaxError{static_cast<std::int64_t>(offset), message};
    return false;
}

bool Diagnoser::failUtf8(const Utf8Check& check) {
    const auto bad = static_cast<unsigned char>(text_[check.badOffset]);
    return fail(
        check.badOffset,
        QStringLiteral("invalid UTF-8 byte %1 (%2)").arg(hexByte(bad), QString::fromLatin1(check.reason)));
}

// Reports "<expectation>, found <what is at pos_>", unless the found byte deserves a more specific error.
bool Diagnoser::unexpected(const QString& expectation, const QString& hint) {
    if (peek() == '/' && (peek(1) == '/' || peek(1) == '*'))
        return fail(pos_, QStringLiteral("comments are not allowed in JSON"));
    if (!atEnd() && peek() >= 0x80) {
        if (const Utf8Check check = checkUtf8(text_, pos_); check.length == 0)
            return failUtf8(check);
    }
    return fail(pos_, expectation + QStringLiteral(", found ") + found() + hint);
}

bool Diagnoser::failAtEnd() {
    if (!open_.empty()) {
        const TextPosition at = textPositionAt(text_, static_cast<std::int64_t>(open_.back()));
        return fail(pos_, QStringLiteral("unexpected end of input: unclosed %1 opened at line %2, column %3")
                              .arg(inArray() ? QStringLiteral("array") : QStringLiteral("object"))
                              .arg(at.line)
                              .arg(at.column));
    }
    if (state_ == State::Value) // nothing but whitespace was seen
        return fail(pos_, QStringLiteral("empty input: expected a JSON value"));
    return true; // one complete value: valid
}

QString Diagnoser::found() const {
    if (atEnd())
        return QStringLiteral("end of input");
    const unsigned char c = peek();
    if (c >= 0x20 && c < 0x7F)
        return QLatin1Char('\'') + QLatin1Char(static_cast<char>(c)) + QLatin1Char('\'');
    return QStringLiteral("byte ") + hexByte(c);
}

bool Diagnoser::parseValue() {
    const unsigned char c = peek();
    if (c == '[' || c == '{') {
        if (static_cast<std::int64_t>(open_.size()) >= maxDepth_)
            return fail(pos_, QStringLiteral("nesting deeper than %1 levels").arg(maxDepth_));
        open_.push_back(pos_++);
        state_ = c == '[' ? State::FirstElement : State::FirstKey;
        return true;
    }
    state_ = State::AfterValue;
    if (c == '"')
        return parseString();
    if (c == '-' || isDigit(c))
        return parseNumber();
    if (isNonFiniteWord())
        return fail(pos_, QStringLiteral("NaN and Infinity are not valid JSON numbers"));
    if (toLower(c) == 't' || toLower(c) == 'f' || toLower(c) == 'n')
        return parseLiteral();
    if (c == '+')
        return fail(pos_, QStringLiteral("invalid number: a leading '+' is not allowed"));
    if (c == '.' && isDigit(peek(1)))
        return fail(pos_, QStringLiteral("invalid number: expected a digit before '.'"));
    return unexpected(
        QStringLiteral("expected a JSON value (object, array, string, number, true, false or null)"),
        c == '<' ? QStringLiteral(" (this looks like HTML, not JSON)") : QString());
}

bool Diagnoser::parseString() {
    const std::size_t quote = pos_++;
    for (;;) {
        if (atEnd())
            return failUnterminated(quote);
        const unsigned char c = peek();
        if (c == '"') {
            ++pos_;
            return true;
        }
        if (c == '\\') {
            if (!parseEscape(quote))
                return false;
        } else if (c < 0x20) {
            return fail(pos_,
                        QStringLiteral("control character %1 must be escaped in a string").arg(hexByte(c)));
        } else if (c >= 0x80) {
            const Utf8Check check = checkUtf8(text_, pos_);
            if (check.length == 0)
                return failUtf8(check);
            pos_ += check.length;
        } else {
            ++pos_;
        }
    }
}

// Escape errors are reported at the backslash that starts the offending escape.
bool Diagnoser::parseEscape(std::size_t quote) {
    const std::size_t escape = pos_++;
    if (atEnd())
        return failUnterminated(quote);
    const unsigned char c = peek();
    if (c != 'u') {
        if (std::string_view(R"("\/bfnrt)").find(static_cast<char>(c)) != std::string_view::npos) {
            ++pos_;
            return true;
        }
        if (c >= 0x20 && c < 0x7F)
            return fail(
                escape,
                QStringLiteral("invalid escape '\\%1' in string").arg(QLatin1Char(static_cast<char>(c))));
        return fail(escape,
                    QStringLiteral("invalid escape in string: '\\' followed by byte %1").arg(hexByte(c)));
    }
    ++pos_;
    unsigned unit = 0;
    if (!parseHex4(escape, quote, unit))
        return false;
    const QString unpaired = QStringLiteral("invalid \\u escape: unpaired surrogate");
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        return fail(escape, unpaired);
    if (unit < 0xD800 || unit > 0xDBFF)
        return true;
    // A high surrogate must be followed directly by an escaped low surrogate.
    if (atEnd() || (peek() == '\\' && pos_ + 1 >= text_.size()))
        return failUnterminated(quote);
    if (peek() != '\\' || peek(1) != 'u')
        return fail(escape, unpaired);
    const std::size_t lowEscape = pos_;
    pos_ += 2;
    if (!parseHex4(lowEscape, quote, unit))
        return false;
    return unit >= 0xDC00 && unit <= 0xDFFF ? true : fail(escape, unpaired);
}

bool Diagnoser::parseHex4(std::size_t escape, std::size_t quote, unsigned& unit) {
    unit = 0;
    for (int i = 0; i < 4; ++i, ++pos_) {
        if (atEnd())
            return failUnterminated(quote);
        if (!isHexDigit(peek()))
            return fail(escape,
                        QStringLiteral("invalid \\u escape: expected 4 hex digits, found ") + found());
        unit = unit * 16 + hexValue(peek());
    }
    return true;
}

bool Diagnoser::failUnterminated(std::size_t quote) {
    const TextPosition at = textPositionAt(text_, static_cast<std::int64_t>(quote));
    return fail(
        text_.size(),
        QStringLiteral("unterminated string starting at line %1, column %2").arg(at.line).arg(at.column));
}

// -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
bool Diagnoser::parseNumber() {
    const auto skipDigits = [this] {
        while (isDigit(peek()))
            ++pos_;
    };
    if (peek() == '-') {
        ++pos_;
        if (isNonFiniteWord())
            return fail(pos_, QStringLiteral("NaN and Infinity are not valid JSON numbers"));
        if (!isDigit(peek()))
            return unexpected(QStringLiteral("invalid number: expected a digit after '-'"));
    }
    if (peek() == '0') {
        ++pos_;
        if (isDigit(peek()))
            return fail(pos_, QStringLiteral("invalid number: leading zeros are not allowed"));
    } else {
        skipDigits();
    }
    if (peek() == '.') {
        ++pos_;
        if (!isDigit(peek()))
            return unexpected(QStringLiteral("invalid number: expected a digit after '.'"));
        skipDigits();
    }
    if (peek() == 'e' || peek() == 'E') {
        ++pos_;
        if (peek() == '+' || peek() == '-')
            ++pos_;
        if (!isDigit(peek()))
            return unexpected(QStringLiteral("invalid number: expected a digit in the exponent"));
        skipDigits();
    }
    return true;
}

// true, false or null; reported at the first byte that does not match (so "True" fails at 'T').
bool Diagnoser::parseLiteral() {
    const unsigned char first = toLower(peek());
    const std::string_view literal = first == 't' ? "true" : first == 'f' ? "false" : "null";
    for (const char expected : literal) {
        if (peek() != static_cast<unsigned char>(expected))
            return unexpected(
                QStringLiteral("invalid literal, expected '%1'")
                    .arg(QLatin1String(literal.data(), static_cast<qsizetype>(literal.size()))));
        ++pos_;
    }
    return true;
}

// NaN, Infinity or Inf in any letter case, as a whole word starting at pos_.
bool Diagnoser::isNonFiniteWord() const {
    std::string word;
    for (std::size_t i = pos_; i < text_.size() && isLetter(text_[i]) && word.size() <= 8; ++i)
        word += static_cast<char>(toLower(text_[i]));
    return word == "nan" || word == "inf" || word == "infinity";
}

// A UTF-16 or UTF-32 text (Windows PowerShell's `>` writes UTF-16): named as such rather than reported at
// its first NUL byte. Without a byte order mark, the NULs around the first ASCII character tell (RFC 4627).
std::optional<SyntaxError> wrongEncoding(std::string_view text) {
    using namespace std::string_view_literals;
    const auto byte = [&text](std::size_t i) {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 1;
    };
    QString encoding;
    if (text.starts_with("\xFF\xFE\0\0"sv))
        encoding = QStringLiteral("UTF-32 (little-endian, with a byte order mark)");
    else if (text.starts_with("\0\0\xFE\xFF"sv))
        encoding = QStringLiteral("UTF-32 (big-endian, with a byte order mark)");
    else if (text.starts_with("\xFF\xFE"sv))
        encoding = QStringLiteral("UTF-16 (little-endian, with a byte order mark)");
    else if (text.starts_with("\xFE\xFF"sv))
        encoding = QStringLiteral("UTF-16 (big-endian, with a byte order mark)");
    else if (text.size() >= 4 && byte(0) == 0 && byte(1) == 0 && byte(2) == 0 && byte(3) != 0)
        encoding = QStringLiteral("UTF-32 (big-endian)");
    else if (text.size() >= 4 && byte(0) != 0 && byte(1) == 0 && byte(2) == 0 && byte(3) == 0)
        encoding = QStringLiteral("UTF-32 (little-endian)");
    else if (text.size() >= 2 && byte(0) == 0 && byte(1) != 0 && byte(1) < 0x80)
        encoding = QStringLiteral("UTF-16 (big-endian)");
    else if (text.size() >= 2 && byte(0) != 0 && byte(0) < 0x80 && byte(1) == 0)
        encoding = QStringLiteral("UTF-16 (little-endian)");
    else
        return std::nullopt;
    return SyntaxError{0, QStringLiteral("the text is %1, but JSON must be UTF-8: convert it, e.g. with "
                                         "`iconv -f %2 -t UTF-8`")
                              .arg(encoding, encoding.left(6))};
}

} // namespace

std::optional<SyntaxError> diagnoseJson(std::string_view text, int maxDepth) {
    if (auto encoding = wrongEncoding(text))
        return encoding;
    return Diagnoser(text, maxDepth).run();
}

TextPosition textPositionAt(std::string_view text, std::int64_t offset) {
    const std::size_t end = offset <= 0 ? 0 : std::min(static_cast<std::size_t>(offset), text.size());
    TextPosition position;
    for (std::size_t i = 0; i < end;) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
            ++i;
            continue;
        }
        // Invalid bytes count as one column each.
        const std::size_t length = std::max<std::size_t>(checkUtf8(text, i).length, 1);
        if (i + length > end) // the offset points inside this character
            break;
        i += length;
        ++position.column;
    }
    return position;
}

} // namespace hwi::json
