#pragma once

#include "document.h"

#include <QString>

namespace hwi::json {

// The jq path of a node, e.g. `.rows[3].slots[0].stepRunId`: identifier keys as `.key`, other keys (spaces,
// quotes, digits first, jq keywords) as `["key \"quoted\""]` with JSON escapes, array elements as `[3]`.
// The root is "."; a path starting with a bracket gets a leading dot (`.["a b"]`, `.[0]`).
QString jqPath(const Document& document, NodeId id);

// The node an RFC 6901 pointer names, starting from `from` ("" names `from` itself), or NoNode. Of
// duplicate keys the last is taken, as Document::member() does.
NodeId resolvePointer(const Document& document, NodeId from, QStringView pointer);

// Whether the text reads as a path rather than a search: it starts with `/` (a pointer) or `.` (jq).
bool looksLikePath(QStringView text);

// The node a path names, starting from `from`, or NoNode: an RFC 6901 pointer (`/rows/3/labels`, `~0` and
// `~1` escapes) or a jq path (`.rows[3].labels`, `.["a b"]`, `."a b"`, `.[0]`, `[-1]` from the end; "." is
// `from`). Of duplicate keys the last is taken. Text that is neither, or malformed, gives NoNode.
NodeId resolvePath(const Document& document, NodeId from, QStringView path);

} // namespace hwi::json
