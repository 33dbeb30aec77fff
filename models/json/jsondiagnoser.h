#pragma once
#include <QString>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hwi::json {

struct SyntaxError {
    std::int64_t offset = 0; // byte offset in the text given to diagnoseJson
    QString message;         // e.g. "expected ',' or '}' after an object member, found 'x'"
};

// Validates text strictly as RFC 8259 JSON (one value, optional surrounding whitespace) and returns the
// first error, or nullopt when the text is valid JSON. Containers nested deeper than maxDepth are an error
// reported at the opening bracket that exceeds it.
std::optional<SyntaxError> diagnoseJson(std::string_view text, int maxDepth = 1024);

// 1-based line and column of a byte offset; columns count characters (UTF-8 code points), not bytes;
// a line ends at \n (a \r before it is not counted as a character of the next line).
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition textPositionAt(std::string_view text, std::int64_t offset);

} // namespace hwi::json
