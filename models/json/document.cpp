#include "document.h"

#include "scan.h"

#include <algorithm>

namespace hwi::json {

namespace {

constexpr std::uint32_t PositionBlock = 4096;

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

char32_t readHex4(std::string_view s, std::size_t at) {
    char32_t value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const int digit = i < s.size() ? hexDigit(s[i]) : -1;
        if (digit < 0)
            return 0xFFFD;
        value = value * 16 + static_cast<char32_t>(digit);
    }
    return value;
}

void appendPointerToken(QString& out, const QString& token) {
    out += QLatin1Char('/');
    for (const QChar c : token) {
        if (c == QLatin1Char('~'))
            out += QLatin1String("~0");
        else if (c == QLatin1Char('/'))
            out += QLatin1String("~1");
        else
            out += c;
    }
}

} // namespace

QString kindName(Kind kind) {
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::False:
    case Kind::True:
        return QStringLiteral("boolean");
    case Kind::Number:
        return QStringLiteral("number");
    case Kind::String:
        return QStringLiteral("string");
    case Kind::Array:
        return QStringLiteral("array");
    case Kind::Object:
        return QStringLiteral("object");
    }
    return {};
}

std::size_t Document::blockHolding(NodeId id) const {
    // The last block that starts at or before id; blocks cover every id but the root's.
    const auto after = std::upper_bound(m_blocks.begin(), m_blocks.end(), id,
                                        [](NodeId value, const Block& block) { return value < block.first; });
    return static_cast<std::size_t>(after - m_blocks.begin()) - 1;
}

std::uint32_t Document::keyStart(NodeId id, std::uint32_t* length) const {
    const Node& node = m_nodes[id];
    if (node.keyGap != KeyGapUnknown && node.keyLength != LongKey) {
        *length = node.keyLength;
        return node.valueOffset - node.keyGap - node.keyLength;
    }
    // Back from the value over whitespace, the colon and whitespace to the key's closing quote.
    const char* text = m_source.constData();
    std::uint32_t at = m_nodes[id].valueOffset - 1;
    while (text[at] != ':')
        --at;
    --at;
    while (text[at] != '"')
        --at;
    const std::uint32_t close = at;
    if (m_nodes[id].keyLength != LongKey) {
        *length = m_nodes[id].keyLength;
        return close - *length;
    }
    // A very long key: its opening quote is the first quote before that is not escaped, i.e. is not
    // preceded by an odd number of backslashes.
    for (;;) {
        --at;
        if (text[at] != '"')
            continue;
        std::uint32_t backslashes = 0;
        while (text[at - 1 - backslashes] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            break;
    }
    *length = close - at - 1;
    return at + 1;
}

NodeId Document::member(NodeId object, std::string_view key) const {
    if (kind(object) != Kind::Object)
        return NoNode;
    // The last of duplicate keys wins, as in Go's encoding/json and JSON.parse: what Hatchet would see.
    if (m_nodes[object].extent == NoBlock)
        return NoNode;
    const NodeId first = m_blocks[m_nodes[object].extent].first;
    const std::size_t shortLength = std::min<std::size_t>(key.size(), LongKey);
    const std::uint8_t hash = hashKey(key);
    for (NodeId id = blockEnd(m_nodes[object].extent); id-- > first;) {
        if (m_nodes[id].tag & KeyEscaped) {
            if (unescape(rawKey(id)) == key)
                return id;
            continue;
        }
        // Length and hash before the key's text: most members differ there, and reading the text (far
        // from the node table) is most of a lookup's cost.
        if (m_nodes[id].keyLength != shortLength || m_nodes[id].keyHash != hash)
            continue;
        if (rawKey(id) == key)
            return id;
    }
    return NoNode;
}

std::string_view Document::rawKey(NodeId id) const {
    if (!isMember(id))
        return {};
    std::uint32_t length = 0;
    const std::uint32_t start = keyStart(id, &length);
    return view(start, length);
}

QString Document::key(NodeId id) const {
    const std::string_view raw = rawKey(id);
    if (m_nodes[id].tag & KeyEscaped) {
        const std::string text = unescape(raw);
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    return QString::fromUtf8(raw.data(), qsizetype(raw.size()));
}

std::string_view Document::rawScalar(NodeId id) const {
    return isContainer(id) ? std::string_view{} : view(m_nodes[id].valueOffset, m_nodes[id].extent);
}

std::string_view Document::rawValue(NodeId id) const {
    // Down the last children to the value's last token; after it come only whitespace and one closing
    // bracket for each container on the way down.
    std::uint32_t closers = 0;
    NodeId last = id;
    while (isContainer(last)) {
        ++closers;
        const std::uint32_t count = childCount(last);
        if (count == 0)
            break;
        last = child(last, count - 1);
    }
    const char* text = m_source.constData();
    const Node& node = m_nodes[last];
    std::uint32_t end = isContainer(last) ? node.valueOffset + 1 : node.valueOffset + node.extent;
    for (; closers > 0; ++end) {
        if (text[end] == '}' || text[end] == ']')
            --closers;
    }
    return view(m_nodes[id].valueOffset, end - m_nodes[id].valueOffset);
}

std::string Document::string(NodeId id) const {
    if (kind(id) != Kind::String)
        return {};
    const std::string_view raw = rawScalar(id);
    const std::string_view body = raw.substr(1, raw.size() - 2);
    return (m_nodes[id].tag & ValueEscaped) ? unescape(body) : std::string(body);
}

QString Document::text(NodeId id) const {
    if (kind(id) != Kind::String)
        return {};
    if (m_nodes[id].tag & ValueEscaped) {
        const std::string text = string(id);
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    const std::string_view raw = rawScalar(id);
    return QString::fromUtf8(raw.data() + 1, qsizetype(raw.size() - 2));
}

std::string_view Document::stringView(NodeId id, std::string& scratch) const {
    if (kind(id) != Kind::String)
        return {};
    if (m_nodes[id].tag & ValueEscaped) {
        scratch = string(id);
        return scratch;
    }
    const std::string_view raw = rawScalar(id);
    return raw.substr(1, raw.size() - 2);
}

std::string_view Document::keyView(NodeId id, std::string& scratch) const {
    if (m_nodes[id].tag & KeyEscaped) {
        scratch = unescape(rawKey(id));
        return scratch;
    }
    return rawKey(id);
}

bool Document::stringEquals(NodeId id, std::string_view utf8) const {
    if (kind(id) != Kind::String)
        return false;
    if (m_nodes[id].tag & ValueEscaped)
        return string(id) == utf8;
    const std::string_view raw = rawScalar(id);
    return raw.substr(1, raw.size() - 2) == utf8;
}

TextPosition Document::positionAt(std::int64_t offset) const {
    const std::string_view text(m_source.constData() + m_bomLength,
                                static_cast<std::size_t>(m_source.size()) - m_bomLength);
    offset = std::clamp<std::int64_t>(offset - m_bomLength, 0, static_cast<std::int64_t>(text.size()));
    std::call_once(m_checkpointsOnce, [&] {
        // One pass over the text: position at each block start, so a query scans at most one block.
        m_checkpoints.reserve(text.size() / PositionBlock + 1);
        TextPosition at;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (i % PositionBlock == 0)
                m_checkpoints.push_back(at);
            const auto c = static_cast<unsigned char>(text[i]);
            if (c == '\n') {
                ++at.line;
                at.column = 1;
            } else if ((c & 0xC0) != 0x80 && !(c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
                ++at.column;
            }
        }
    });
    const auto block = static_cast<std::size_t>(offset) / PositionBlock;
    if (block >= m_checkpoints.size())
        return textPositionAt(text, offset);
    TextPosition at = m_checkpoints[block];
    // A block may start inside a multibyte character, whose lead byte the checkpoint already counted.
    std::size_t from = block * PositionBlock;
    while (from < static_cast<std::size_t>(offset) && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80)
        ++from;
    const TextPosition rest = textPositionAt(text.substr(from), offset - static_cast<std::int64_t>(from));
    if (rest.line > 1)
        return {at.line + rest.line - 1, rest.column};
    return {at.line, at.column + rest.column - 1};
}

QString Document::pointer(NodeId id) const {
    std::vector<NodeId> path;
    for (NodeId at = id; parent(at) != NoNode; at = parent(at))
        path.push_back(at);
    QString out;
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        if (isMember(*it))
            appendPointerToken(out, key(*it));
        else
            out += QLatin1Char('/') + QString::number(row(*it));
    }
    return out;
}

std::string Document::unescape(std::string_view body) {
    std::string out;
    out.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\' || i + 1 >= body.size()) {
            out += body[i];
            continue;
        }
        const char e = body[++i];
        switch (e) {
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            char32_t cp = readHex4(body, i + 1);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 2 < body.size() && body[i + 1] == '\\' &&
                body[i + 2] == 'u') {
                const char32_t low = readHex4(body, i + 3);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
            }
            appendUtf8(out, (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp);
            break;
        }
        default:
            out += e;
            break; // \" \\ \/
        }
    }
    return out;
}

std::string_view Document::view(std::uint32_t offset, std::uint32_t length) const {
    return {m_source.constData() + offset, length};
}

} // namespace hwi::json
