// Document::parse: simdjson's stage 1 finds every structural character (and checks UTF-8, string
// closure and control characters) at SIMD speed; our own stage 2 walks those positions once, checks the
// grammar and builds the node table directly: every value becomes a node that points back into the source.
// Stage 1 runs a chunk at a time, just ahead of stage 2, so stage 2 reads text that is still in cache.
// On any failure the strict diagnoser re-reads the text to say where and what.
#include "arrivingbytes.h"
#include "document.h"
#include "scan.h"
#include "structurals.h"

#include <simdjson.h>

#include <cstring>

namespace hwi::json {

namespace {

constexpr int MaxDepth = 1024;
constexpr std::string_view Utf8Bom = "\xEF\xBB\xBF";

// \uXXXX at text[at] (the backslash); -1 when it is not one.
long unicodeEscape(std::string_view text, std::size_t at) {
    if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u')
        return -1;
    long unit = 0;
    for (std::size_t i = at + 2; i < at + 6; ++i) {
        const int digit = hexDigit(text[i]);
        if (digit < 0)
            return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

// The escapes between a string's quotes are valid JSON, and \u surrogates come in pairs (as the
// diagnoser and the unescaper require).
bool validEscapes(std::string_view body) {
    for (std::size_t i = body.find('\\'); i != std::string_view::npos; i = body.find('\\', i)) {
        if (i + 1 >= body.size())
            return false;
        switch (body[i + 1]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            i += 2;
            continue;
        case 'u': {
            const long unit = unicodeEscape(body, i);
            if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
                return false;
            i += 6;
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                const long low = unicodeEscape(body, i);
                if (low < 0xDC00 || low > 0xDFFF)
                    return false;
                i += 6;
            }
            continue;
        }
        default:
            return false;
        }
    }
    return true;
}

enum class Failure { None, Syntax, Depth, Cancelled };

} // namespace

// Stage 2 over simdjson's structural indexes: positions (from the start of body) of every {}[]:, and of
// the first byte of every string and scalar, read through a window that stage 1 refills a chunk at a time;
// after the last chunk, sentinels equal to the body's length.
//
// The children of a container take consecutive ids, so they can only be placed once the container ends:
// until then each value waits as a pending node (its key first, then its value). A container's own
// pending node comes just before its children's; when it ends, its children move into the node table in
// one block and it stays pending in its own parent.
class Builder {
public:
    // The body starts at bodyStart in source (after a BOM).
    Builder(Document& doc, ArrivingBytes& source, std::uint32_t bodyStart, const std::atomic_bool* cancel)
        : m_doc(doc)
        , m_body(source.data() + bodyStart)
        , m_bodyOffset(bodyStart)
        , m_structurals(source, bodyStart)
        , m_cancel(cancel) {}

    Failure build();
    // Offset in body of the token the walk stopped at.
    std::int64_t lastOffset() const { return m_i < m_count || m_complete ? m_at[m_i] : m_bodySize; }
    simdjson::error_code stage1Error() const { return m_structurals.error(); }

private:
    struct Open {
        std::uint32_t mark; // index in the pending nodes of the container's first child
        char outerCloser;   // what closes the container around it; 0 at the top
    };

    // The most structurals one step of build() reads from m_i on, sentinels included.
    static constexpr std::uint32_t Lookahead = 4;
    // Makes Lookahead structurals from m_i on readable (or all that are left); false when stage 1 failed
    // or the parse was cancelled.
    bool refill();
    bool cancelled();
    void pushPending() { m_pendingNodes.push_back({0, 0, 0, 0, 0, 0}); }
    // The end (exclusive) of the token starting at body offset from, trailing whitespace dropped.
    std::uint32_t tokenEnd(std::uint32_t from, std::uint32_t next) const {
        return from + static_cast<std::uint32_t>(
                          trimTrailingWhitespace(std::string_view(m_body + from, next - from)).size());
    }
    // Whether body[from, to) holds a backslash. Keys and strings are asked about in source order, so one
    // memchr over a stretch of text answers for all of them in it instead of a call for each.
    bool hasBackslash(std::uint32_t from, std::uint32_t to) {
        if (from < m_scanStart || from > m_nextBackslash)
            scanForBackslash(from, to);
        while (m_nextBackslash < to) {
            if (m_nextBackslash < m_scanEnd)
                return true;
            scanForBackslash(m_scanEnd, to);
        }
        return false;
    }
    void scanForBackslash(std::uint32_t from, std::uint32_t to);
    bool key();
    bool scalar(char first);
    void close();
    std::uint32_t place(std::uint32_t mark);
    void finishRoot();

    Document& m_doc;
    const char* m_body;
    std::uint32_t m_bodyOffset; // of body in the source (the BOM's length)
    Structurals m_structurals;
    std::uint32_t m_bodySize = UINT32_MAX; // once every chunk is in
    std::vector<std::uint32_t> m_window;   // structurals from the one at m_i on (and a few before)
    const std::uint32_t* m_at = nullptr;   // m_window's data
    std::uint32_t m_count = 0;             // structurals in m_window, sentinels not counted
    std::uint32_t m_i = 0;                 // the structural being read, an index into m_window
    bool m_complete = false;               // every chunk is in m_window, and the sentinels
    const std::atomic_bool* m_cancel;
    bool m_cancelled = false;
    // No backslash in body[m_scanStart, m_nextBackslash); there is one at m_nextBackslash unless it is
    // m_scanEnd, where the scan stopped.
    std::uint32_t m_scanStart = 0, m_scanEnd = 0, m_nextBackslash = 0;
    char m_closer = 0;            // '}' or ']' for the innermost open container, 0 outside all
    std::uint32_t m_keyClose = 0; // body offset of the last key's closing quote
    std::vector<Document::Node> m_pendingNodes;
    std::vector<Open> m_open;
};

Failure Builder::build() {
    m_doc.m_nodes.push_back({}); // id 0 is reserved for the root, filled in at the end
    m_open.reserve(64);
    m_pendingNodes.reserve(1024);
    pushPending(); // the root's
    for (;;) {
        // A value at m_i, its pending node (with its key, in an object) last.
        if (!m_complete && m_i + Lookahead > m_count && !refill())
            return m_cancelled ? Failure::Cancelled : Failure::Syntax;
        if (m_i >= m_count)
            return Failure::Syntax;
        const std::uint32_t at = m_at[m_i];
        const char c = m_body[at];
        Document::Node& node = m_pendingNodes.back();
        node.valueOffset = m_bodyOffset + at;
        if (node.tag & Document::IsMember) // its key was read just before
            node.keyGap =
                static_cast<std::uint8_t>(std::min<std::uint32_t>(at - m_keyClose, Document::KeyGapUnknown));
        if (c == '{' || c == '[') {
            if (m_open.size() >= MaxDepth)
                return Failure::Depth;
            m_pendingNodes.back().tag |= static_cast<std::uint8_t>(c == '{' ? Kind::Object : Kind::Array);
            m_open.push_back({static_cast<std::uint32_t>(m_pendingNodes.size()), m_closer});
            m_closer = static_cast<char>(c + 2); // '{' + 2 == '}', '[' + 2 == ']'
            ++m_i;
            if (m_body[m_at[m_i]] != m_closer) { // not empty: its first member or element
                pushPending();
                if (c == '{' && !key())
                    return Failure::Syntax;
                continue;
            }
            ++m_i;
            close();
        } else if (!scalar(c)) {
            return Failure::Syntax;
        }
        // After a value: a comma and the next member or element, or the end of containers.
        for (;;) {
            if (!m_complete && m_i + Lookahead > m_count && !refill())
                return m_cancelled ? Failure::Cancelled : Failure::Syntax;
            if (m_closer == 0) {
                if (m_i != m_count)
                    return Failure::Syntax; // trailing content
                finishRoot();
                return Failure::None;
            }
            const char after = m_i < m_count ? m_body[m_at[m_i]] : '\0';
            if (after == m_closer) {
                ++m_i;
                close();
                continue;
            }
            if (after != ',')
                return Failure::Syntax;
            ++m_i;
            if ((m_i & 0xFFFF) == 0 && cancelled())
                return Failure::Cancelled;
            pushPending();
            if (m_closer == '}' && !key())
                return Failure::Syntax;
            break;
        }
    }
}

bool Builder::cancelled() {
    m_cancelled = m_cancelled || (m_cancel && m_cancel->load(std::memory_order_relaxed));
    return m_cancelled;
}

void Builder::scanForBackslash(std::uint32_t from, std::uint32_t to) {
    constexpr std::uint32_t Stretch = 16 * 1024;
    m_scanStart = from;
    const auto indexed = static_cast<std::uint32_t>(m_structurals.indexed()); // the bytes known to be there
    m_scanEnd = std::min(indexed, std::max(to, from + std::min(Stretch, indexed - from)));
    const void* found = std::memchr(m_body + from, '\\', m_scanEnd - from);
    m_nextBackslash =
        found ? static_cast<std::uint32_t>(static_cast<const char*>(found) - m_body) : m_scanEnd;
}

bool Builder::refill() {
    if (cancelled())
        return false;
    m_window.erase(m_window.begin(), m_window.begin() + m_i);
    m_i = 0;
    const auto failed = [this] { return m_structurals.error() || m_structurals.aborted(); };
    while (m_window.size() < Lookahead && !m_complete && !failed())
        m_complete = !m_structurals.next(m_window) && !failed();
    m_cancelled = m_cancelled || m_structurals.aborted();
    m_count = static_cast<std::uint32_t>(m_window.size());
    if (m_complete) {
        m_bodySize = static_cast<std::uint32_t>(m_structurals.bodySize());
        m_window.insert(m_window.end(), 3, m_bodySize);
    }
    m_at = m_window.data();
    return !failed();
}

// `"key" :` at m_i, recorded in the last pending node; m_i moves to the value.
bool Builder::key() {
    if (m_i + 1 >= m_count)
        return false;
    const std::uint32_t at = m_at[m_i];
    const std::uint32_t colon = m_at[m_i + 1];
    if (m_body[at] != '"' || m_body[colon] != ':')
        return false;
    const std::uint32_t end = tokenEnd(at, colon);
    m_keyClose = end - 1;
    if (end - at < 2 || m_body[end - 1] != '"')
        return false;
    const std::string_view body(m_body + at + 1, end - at - 2);
    if (hasBackslash(at + 1, end - 1)) {
        if (!validEscapes(body))
            return false;
        m_pendingNodes.back().tag = Document::KeyEscaped;
    }
    Document::Node& node = m_pendingNodes.back();
    node.tag |= Document::IsMember;
    node.keyLength = static_cast<std::uint8_t>(std::min<std::size_t>(body.size(), Document::LongKey));
    node.keyHash = Document::hashKey(body);
    m_i += 2;
    return true;
}

// A string, number or literal at m_i, completing the last pending node.
bool Builder::scalar(char first) {
    const std::uint32_t at = m_at[m_i];
    const std::uint32_t end = tokenEnd(at, m_at[m_i + 1]);
    const std::string_view text(m_body + at, end - at);
    std::uint8_t& tag = m_pendingNodes.back().tag;
    if (first == '"') {
        if (text.size() < 2 || text.back() != '"')
            return false;
        const std::string_view body = text.substr(1, text.size() - 2);
        tag |= static_cast<std::uint8_t>(Kind::String);
        if (hasBackslash(at + 1, end - 1)) {
            if (!validEscapes(body))
                return false;
            tag |= Document::ValueEscaped;
        }
    } else {
        const auto kind = scalarKind(text);
        if (!kind)
            return false;
        tag |= static_cast<std::uint8_t>(*kind);
    }
    m_pendingNodes.back().extent = static_cast<std::uint32_t>(text.size());
    ++m_i;
    return true;
}

// The innermost container ends: its children move into the node table and it stays pending, the last
// child of its own parent.
void Builder::close() {
    const Open open = m_open.back();
    m_open.pop_back();
    m_closer = open.outerCloser;
    const auto count = static_cast<std::uint32_t>(m_pendingNodes.size() - open.mark);
    Document::Node& self = m_pendingNodes[open.mark - 1];
    if (count == 0) {
        self.extent = Document::NoBlock;
        return;
    }
    const std::uint32_t first = place(open.mark);
    self.extent = static_cast<std::uint32_t>(m_doc.m_blocks.size());
    m_doc.m_blocks.push_back({first, NoNode}); // its container's id is known once that is placed
}

// Moves the pending nodes from mark on into the node table, in one block, and returns the id of the first.
// The blocks of their own children were placed earlier and learn their container's id now.
std::uint32_t Builder::place(std::uint32_t mark) {
    auto& nodes = m_doc.m_nodes;
    const auto first = static_cast<std::uint32_t>(nodes.size());
    nodes.insert(nodes.end(), m_pendingNodes.begin() + mark, m_pendingNodes.end());
    for (std::uint32_t k = mark; k < m_pendingNodes.size(); ++k) {
        const Document::Node& node = m_pendingNodes[k];
        const auto kind = static_cast<Kind>(node.tag & Document::KindMask);
        if ((kind == Kind::Array || kind == Kind::Object) && node.extent != Document::NoBlock)
            m_doc.m_blocks[node.extent].container = first + (k - mark);
    }
    m_pendingNodes.resize(mark);
    return first;
}

// The one pending node left is the root: it takes id 0.
void Builder::finishRoot() {
    const Document::Node& root = m_pendingNodes.front();
    m_doc.m_nodes[0] = root;
    if (root.extent != Document::NoBlock)
        m_doc.m_blocks[root.extent].container = 0;
}

Document::ParseResult Document::parse(QByteArray bytes, const std::atomic_bool* cancel) {
    return parse(ArrivingBytes::complete(std::move(bytes)), cancel);
}

Document::ParseResult Document::parse(const std::shared_ptr<ArrivingBytes>& bytes,
                                      const std::atomic_bool* cancel) {
    ArrivingBytes& source = *bytes;
    auto doc = std::make_shared<Document>();
    const ParseError cancelled{0, 1, 1, QStringLiteral("cancelled")};

    // The BOM and the first character decide how to read the rest.
    qsizetype arrived = source.waitFor(Utf8Bom.size());
    const char* data = source.data();
    doc->m_bomLength =
        arrived >= qsizetype(Utf8Bom.size()) && std::string_view(data, Utf8Bom.size()) == Utf8Bom
            ? Utf8Bom.size()
            : 0;
    qsizetype first = doc->m_bomLength;
    for (;;) {
        while (first < arrived && isJsonWhitespace(data[first]))
            ++first;
        if (first < arrived)
            break;
        const qsizetype more = source.waitFor(arrived + 1);
        if (more == arrived)
            break; // no more will come
        arrived = more;
    }
    const bool container = first < arrived && (data[first] == '{' || data[first] == '[');
    if (static_cast<std::uint64_t>(source.expected()) - doc->m_bomLength >=
        UINT32_MAX - simdjson::SIMDJSON_PADDING) {
        return ParseError{doc->m_bomLength, 1, 1,
                          QStringLiteral("file too large: the parser handles at most 4 GiB")};
    }

    Failure failure = Failure::None;
    std::int64_t failedAt = 0;
    simdjson::error_code error = simdjson::SUCCESS;
    if (container) {
        // Reserved address space costs nothing until touched; it spares the copies of regrowth.
        doc->m_nodes.reserve(static_cast<std::size_t>(source.expected()) / 8 + 16);
        doc->m_blocks.reserve(static_cast<std::size_t>(source.expected()) / 32 + 16);
        // The node table grows behind the parse, a page fault at a time: 2 MiB pages take a tenth of a
        // 100 MB parse off. Not the source buffer: its read then stalled now and then for 100-300 ms (on
        // this project's VM), while the node table's did not.
        preferHugePages(doc->m_nodes.data(), doc->m_nodes.capacity() * sizeof(Node));
        Builder builder(*doc, source, doc->m_bomLength, cancel);
        failure = builder.build();
        failedAt = builder.lastOffset();
        error = builder.stage1Error();
    }
    if (failure == Failure::Cancelled)
        return cancelled;
    // The text as a whole: read to the end, or a failure to explain.
    source.waitUntilDone();
    if (source.isAborted())
        return cancelled;
    doc->m_source = source.take();
    const std::string_view body(doc->m_source.constData() + doc->m_bomLength,
                                static_cast<std::size_t>(doc->m_source.size()) - doc->m_bomLength);
    auto fail = [&](std::int64_t offsetInBody, const QString& message) -> ParseResult {
        const TextPosition where = textPositionAt(body, offsetInBody);
        return ParseError{offsetInBody + doc->m_bomLength, where.line, where.column, message};
    };

    if (!container) {
        // A scalar document is small and rare: the strict diagnoser is its parser.
        if (auto syntax = diagnoseJson(body))
            return fail(syntax->offset, syntax->message);
        const auto start = static_cast<std::size_t>(first) - doc->m_bomLength;
        const std::string_view token = trimTrailingWhitespace(body.substr(start));
        auto tag = static_cast<std::uint8_t>(token.front() == '"' ? Kind::String : *scalarKind(token));
        if (token.front() == '"' && token.find('\\') != std::string_view::npos)
            tag |= ValueEscaped;
        doc->m_nodes.push_back({static_cast<std::uint32_t>(doc->m_bomLength + start),
                                static_cast<std::uint32_t>(token.size()), 0, 0, tag, 0});
        return std::shared_ptr<const Document>(std::move(doc));
    }
    if (error || failure != Failure::None) {
        if (auto syntax = diagnoseJson(body))
            return fail(syntax->offset, syntax->message);
        // The diagnoser found nothing wrong: say what stage 1 or the walk refused, and where it stopped.
        if (failure == Failure::Depth)
            return fail(failedAt, QStringLiteral("nesting deeper than %1 levels").arg(MaxDepth));
        return fail(error ? 0 : failedAt, error ? QString::fromUtf8(simdjson::error_message(error))
                                                : QStringLiteral("invalid JSON"));
    }
    return std::shared_ptr<const Document>(std::move(doc));
}

} // namespace hwi::json
