#pragma once
// Small lexical helpers over JSON source text that the parser has already validated or is validating.

#include "document.h"

#include <optional>
#include <string_view>

namespace hwi::json {

inline bool isJsonWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The value of a hex digit, -1 for any other byte.
inline int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

inline std::string_view trimTrailingWhitespace(std::string_view text) {
    while (!text.empty() && isJsonWhitespace(text.back()))
        text.remove_suffix(1);
    return text;
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
