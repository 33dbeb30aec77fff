#pragma once

#include "jsondiagnoser.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <variant>
#include <vector>

namespace hwi::json {

class ArrivingBytes;

enum class Kind : std::uint8_t { Null, False, True, Number, String, Array, Object };

// "null", "boolean", "number", "string", "array" or "object".
QString kindName(Kind kind);

using NodeId = std::uint32_t;
inline constexpr NodeId NoNode = UINT32_MAX;

// One parsed JSON text, immutable after parse(). Nodes live in a flat table of 12 bytes a node: the children
// of a container occupy consecutive ids (one block), so child() is O(1); parent() and row() find the block
// holding a node by binary search over the blocks, which are placed in id order. Nothing is copied out of
// the source: numbers, strings and keys are spans into it, so the exact source text of every token survives.
// A member's key is found from its value, back over the colon: `"key" : value`.
class Document final {
public:
    struct ParseError {
        std::int64_t offset = 0; // byte offset in the source as given (a skipped BOM counts)
        int line = 1;
        int column = 1; // 1-based, in characters
        QString message;
    };
    using ParseResult = std::variant<std::shared_ptr<const Document>, ParseError>;

    // Parses bytes (any size the parser accepts). cancel, when set, is polled; a cancelled parse returns
    // a ParseError whose message is "cancelled".
    static ParseResult parse(QByteArray bytes, const std::atomic_bool* cancel = nullptr);
    // The same over bytes still arriving: what has arrived is parsed while the rest is read. The writer
    // must finish() or abort() them; abort() (not only cancel) ends a parse waiting for bytes.
    static ParseResult parse(const std::shared_ptr<ArrivingBytes>& bytes,
                             const std::atomic_bool* cancel = nullptr);

    NodeId root() const { return 0; }
    std::size_t nodeCount() const { return m_nodes.size(); }

    Kind kind(NodeId id) const { return static_cast<Kind>(m_nodes[id].tag & KindMask); }
    bool isContainer(NodeId id) const { return kind(id) == Kind::Array || kind(id) == Kind::Object; }
    // O(log containers).
    NodeId parent(NodeId id) const { return id == 0 ? NoNode : m_blocks[blockHolding(id)].container; }
    std::uint32_t childCount(NodeId id) const {
        return isContainer(id) && m_nodes[id].extent != NoBlock ? blockEnd(m_nodes[id].extent) - child(id, 0)
                                                                : 0;
    }
    NodeId child(NodeId id, std::uint32_t row) const { return m_blocks[m_nodes[id].extent].first + row; }
    // Position among the parent's children; 0 for the root. O(log containers).
    std::uint32_t row(NodeId id) const { return id == 0 ? 0 : id - m_blocks[blockHolding(id)].first; }

    // The member of an object with this (unescaped) key, the last of duplicates, or NoNode.
    NodeId member(NodeId object, std::string_view key) const;
    // The member key as written between the quotes (escapes kept); empty view for non-members.
    std::string_view rawKey(NodeId id) const;
    QString key(NodeId id) const;
    bool isMember(NodeId id) const { return m_nodes[id].tag & IsMember; }
    // Whether the member key holds escapes, so that rawKey() and keyView() differ.
    bool keyHasEscapes(NodeId id) const { return m_nodes[id].tag & KeyEscaped; }
    // A summary of a member's raw key (its length and a hash byte) read from the node table alone: members
    // whose raw keys are equal have equal sketches, so unequal sketches spare reading the keys' text.
    std::uint16_t keySketch(NodeId id) const {
        return static_cast<std::uint16_t>(m_nodes[id].keyLength << 8 | m_nodes[id].keyHash);
    }

    // Source text of a scalar: the number as written, the string with its quotes and escapes, the literal.
    std::string_view rawScalar(NodeId id) const;
    // The whole value's source text, from its first byte to its last (a container's closing bracket).
    std::string_view rawValue(NodeId id) const;
    // A string's unescaped text (UTF-8 / QString); empty for other kinds.
    std::string string(NodeId id) const;
    QString text(NodeId id) const;
    // The unescaped text of a string (or key, with keyView) without allocating when it has no escapes;
    // scratch holds the text otherwise.
    std::string_view stringView(NodeId id, std::string& scratch) const;
    std::string_view keyView(NodeId id, std::string& scratch) const;
    bool stringEquals(NodeId id, std::string_view utf8) const;

    // Byte offset of a value in source() and its line/column (counting from after a skipped BOM as the
    // file has it, so positions match what an editor shows).
    std::uint32_t offset(NodeId id) const { return m_nodes[id].valueOffset; }
    TextPosition position(NodeId id) const { return positionAt(offset(id)); }
    TextPosition positionAt(std::int64_t offset) const;
    // RFC 6901 JSON pointer, e.g. /rows/3/slots/0/stepRunId ("" for the root).
    QString pointer(NodeId id) const;

    const QByteArray& source() const { return m_source; }

private:
    friend class Builder;
    static constexpr std::uint32_t NoBlock = UINT32_MAX;     // an empty container's extent
    static constexpr std::uint8_t LongKey = UINT8_MAX;       // keyLength of a key this long or longer
    static constexpr std::uint8_t KeyGapUnknown = UINT8_MAX; // keyGap when the source must be read back
    // A tag byte per node: the Kind in the low bits, then whether key or string value hold escapes, and
    // whether the node is an object member.
    static constexpr std::uint8_t KindMask = 0x07;
    static constexpr std::uint8_t KeyEscaped = 0x08;
    static constexpr std::uint8_t ValueEscaped = 0x10;
    static constexpr std::uint8_t IsMember = 0x20;

    struct Node {
        std::uint32_t valueOffset;
        std::uint32_t extent;   // scalars: byte length of the token; containers: their block (or NoBlock)
        std::uint8_t keyLength; // members: bytes between the key's quotes, LongKey from 255 on
        std::uint8_t keyHash;   // members: hashKey() of the raw key
        std::uint8_t tag;
        // members: bytes from the key's closing quote to the value, KeyGapUnknown from 255 on
        std::uint8_t keyGap;
    };
    static_assert(sizeof(Node) == 12);
    // The children of one non-empty container, from id first to the next block's first (the last block: to
    // the end). Blocks are stored in the order they were placed, one after the other in the node table.
    struct Block {
        NodeId first;
        NodeId container;
    };
    NodeId blockEnd(std::uint32_t block) const {
        return block + 1 < m_blocks.size() ? m_blocks[block + 1].first : static_cast<NodeId>(m_nodes.size());
    }

    // A byte from the first, middle and last bytes of a raw key: member() and keySketch() compare it before
    // reading a key's text, which lies far apart in a large source (a cache miss a key).
    static std::uint8_t hashKey(std::string_view raw) {
        if (raw.empty())
            return 0;
        const auto byte = [&](std::size_t at) { return static_cast<std::uint32_t>(std::uint8_t(raw[at])); };
        return static_cast<std::uint8_t>(
            ((byte(0) | byte(raw.size() / 2) << 8 | byte(raw.size() - 1) << 16) * 0x9E3779B1u) >> 24);
    }
    std::size_t blockHolding(NodeId id) const;
    // Offset of the key's first byte (after the opening quote) and its length, for a member.
    std::uint32_t keyStart(NodeId id, std::uint32_t* length) const;
    static std::string unescape(std::string_view quotedBody);
    std::string_view view(std::uint32_t offset, std::uint32_t length) const;

    QByteArray m_source; // followed by simdjson's padding, never modified
    std::vector<Node> m_nodes;
    std::vector<Block> m_blocks;
    std::uint32_t m_bomLength = 0;
    // Line/column at every PositionBlock-th byte, built on the first position query.
    mutable std::vector<TextPosition> m_checkpoints;
    mutable std::once_flag m_checkpointsOnce;
};

} // namespace hwi::json
