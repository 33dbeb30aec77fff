#pragma once
// Small lexical helpers over JSON source text that the parser has already validated or is validating.

#include "document.h"

#include <cstring>
#include <optional>
#include <string_view>

namespace hwi::json {

inline bool isJsonWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline std::string_view trimTrailingWhitespace(std::string_view text) {
    while (!text.empty() && isJsonWhitespace(text.back()))
        text.remove_suffix(1);
    return text;
}

// Length of the string token starting at its opening quote, both quotes included. The text before end is
// known to hold the closing quote (the parser found it).
inline std::size_t stringTokenLength(const char* openingQuote, const char* end) {
    const char* p = openingQuote + 1;
    for (;;) {
        p = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        std::size_t backslashes = 0;
        for (const char* q = p - 1; *q == '\\'; --q)
            ++backslashes;
        if (backslashes % 2 == 0)
            return static_cast<std::size_t>(p + 1 - openingQuote);
        ++p;
    }
}

// The kind of a number or literal token, or nullopt when it is neither (strict RFC 8259 grammar).
inline std::optional<Kind> scalarKind(std::string_view t) {
    if (t == "true")
        return Kind::True;
    if (t == "false")
        return Kind::False;
    if (t == "null")
        return Kind::Null;
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t from = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9')
            ++i;
        return i - from;
    };
    if (i < t.size() && t[i] == '-')
        ++i;
    if (i < t.size() && t[i] == '0')
        ++i;
    else if (digits() == 0)
        return std::nullopt;
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (digits() == 0)
            return std::nullopt;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (digits() == 0)
            return std::nullopt;
    }
    return i == t.size() ? std::optional(Kind::Number) : std::nullopt;
}

} // namespace hwi::json
