#include "jsonwriter.h"

#include <QIODevice>

#include <simdjson.h>

#include <algorithm>

namespace hwi::exporting {

using json::Kind;
using json::NodeId;

namespace {

// A line break followed by indentation for MaxIndentDepth levels; deeper levels are written in pieces.
constexpr std::size_t MaxIndentDepth = 256;
struct Indentation {
    char text[1 + 2 * MaxIndentDepth];
    constexpr Indentation()
        : text{} {
        text[0] = '\n';
        for (std::size_t i = 1; i < sizeof text; ++i)
            text[i] = ' ';
    }
};
constexpr Indentation Indent;

} // namespace

JsonWriter::JsonWriter(QIODevice& device, Style style)
    : m_device(&device)
    , m_out(&m_chunk)
    , m_start(0)
    , m_pretty(style == Style::Pretty) {
    m_chunk.resize(ChunkSize);
    m_data = m_chunk.data();
    m_capacity = ChunkSize;
}

JsonWriter::JsonWriter(QByteArray& buffer, Style style)
    : m_out(&buffer)
    , m_start(buffer.size())
    , m_pretty(style == Style::Pretty) {
    m_capacity = 256; // small exports stay small; the first growth jumps to a chunk
    m_out->resize(m_start + m_capacity);
    m_data = m_out->data() + m_start;
}

JsonWriter::~JsonWriter() {
    finish();
}

void JsonWriter::makeRoom(qsizetype needed) {
    if (m_device) {
        if (m_size > 0 && !m_failed && !writeAll(*m_device, m_data, m_size))
            m_failed = true;
        m_size = 0;
        if (needed > m_capacity) { // a single token larger than a chunk
            m_chunk.resize(needed);
            m_data = m_chunk.data();
            m_capacity = needed;
        }
        return;
    }
    const qsizetype capacity = std::max({m_capacity * 2, m_size + needed, m_size + ChunkSize});
    m_out->resize(m_start + capacity);
    m_data = m_out->data() + m_start;
    m_capacity = capacity;
}

bool JsonWriter::finish(bool finalNewline) {
    if (finalNewline && m_pretty)
        put('\n');
    if (m_device) {
        makeRoom(0);
    } else {
        m_out->resize(m_start + m_size);
        m_data = m_out->data() + m_start;
        m_capacity = m_size;
    }
    return !m_failed;
}

void JsonWriter::newline(std::size_t depth) {
    if (depth <= MaxIndentDepth) {
        put(Indent.text, 1 + 2 * depth);
        return;
    }
    put(Indent.text, 1 + 2 * MaxIndentDepth);
    for (depth -= MaxIndentDepth; depth > 0;) {
        const std::size_t step = std::min(depth, MaxIndentDepth);
        put(Indent.text + 1, 2 * step);
        depth -= step;
    }
}

void JsonWriter::separate() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_frames.empty())
        return;
    Frame& frame = m_frames.back();
    if (!frame.empty)
        put(',');
    frame.empty = false;
    if (m_pretty)
        newline(m_frames.size());
}

void JsonWriter::open(char bracket) {
    separate();
    put(bracket);
    m_frames.push_back({bracket == '{' ? '}' : ']', true});
}

void JsonWriter::end() {
    Q_ASSERT(!m_frames.empty());
    const Frame frame = m_frames.back();
    m_frames.pop_back();
    if (!frame.empty && m_pretty)
        newline(m_frames.size());
    put(frame.close);
}

void JsonWriter::key(std::string_view rawKey) {
    separate();
    put('"');
    put(rawKey);
    if (m_pretty)
        put("\": ", 3);
    else
        put("\":", 2);
    m_afterKey = true;
}

void JsonWriter::member(const json::Document& document, NodeId id) {
    key(document.rawKey(id));
    value(document, id);
}

void JsonWriter::rawValue(std::string_view json) {
    separate();
    put(json);
}

void JsonWriter::scalar(const json::Document& document, NodeId id) {
    if (m_replacements) {
        if (const auto found = m_replacements->find(id); found != m_replacements->end()) {
            put(found->second);
            return;
        }
    }
    put(document.rawScalar(id));
}

bool JsonWriter::minified(const json::Document& document, NodeId id) {
    // The text between a compact container's tokens is whitespace only, and simdjson strips that outside
    // strings several times faster than the nodes are walked. Bounded so that the buffer stays small.
    constexpr std::size_t MostMinifiedBytes = std::size_t(1) << 20;
    if (m_pretty || m_replacements)
        return false;
    const std::string_view text = document.rawValue(id);
    if (text.size() > MostMinifiedBytes)
        return false;
    const auto room = qsizetype(text.size() + simdjson::SIMDJSON_PADDING);
    if (room > m_capacity - m_size)
        makeRoom(room);
    std::size_t written = 0;
    if (simdjson::minify(text.data(), text.size(), m_data + m_size, written) != simdjson::SUCCESS)
        return false; // never for a parsed document's value; the walk writes it then
    m_size += qsizetype(written);
    return true;
}

void JsonWriter::value(const json::Document& document, NodeId id) {
    separate();
    if (!document.isContainer(id)) {
        scalar(document, id);
        return;
    }
    if (minified(document, id))
        return;
    // Depth-first over the node table with an explicit stack of open containers.
    const std::size_t base = m_frames.size();
    m_stack.clear();
    auto open = [&](NodeId node) {
        const bool object = document.kind(node) == Kind::Object;
        const std::uint32_t count = document.childCount(node);
        if (count == 0) {
            put(object ? "{}" : "[]", 2);
            return;
        }
        put(object ? '{' : '[');
        m_stack.push_back({node, 0, count, object});
    };
    open(id);
    while (!m_stack.empty()) {
        Pending& top = m_stack.back();
        if (top.next == top.count) {
            const bool object = top.object;
            m_stack.pop_back();
            if (m_pretty)
                newline(base + m_stack.size());
            put(object ? '}' : ']');
            continue;
        }
        const NodeId child = document.child(top.container, top.next);
        if (top.next++ > 0)
            put(',');
        if (m_pretty)
            newline(base + m_stack.size());
        if (top.object) {
            put('"');
            put(document.rawKey(child));
            if (m_pretty)
                put("\": ", 3);
            else
                put("\":", 2);
        }
        if (!document.isContainer(child))
            scalar(document, child);
        else if (!minified(document, child))
            open(child); // may reallocate m_stack: top is not used after this
    }
}

void JsonWriter::writeElements(QByteArray& text, const json::Document& document, std::span<const NodeId> ids,
                               Style style, std::size_t depth, bool first,
                               const ScalarReplacements* replacements) {
    Q_ASSERT(depth > 0);
    text.resize(0); // keeps the allocation: the next part reuses pages already mapped
    JsonWriter writer(text, style);
    writer.setReplacements(replacements);
    writer.m_frames.assign(depth, Frame{']', false});
    writer.m_frames.back().empty = first;
    for (const NodeId id : ids)
        writer.value(document, id);
    writer.finish();
}

void JsonWriter::appendElements(std::string_view text) {
    Q_ASSERT(!m_frames.empty());
    if (text.empty())
        return;
    m_frames.back().empty = false;
    if (!m_device || qsizetype(text.size()) <= m_capacity - m_size) {
        put(text);
        return;
    }
    makeRoom(0); // what is buffered goes first; the part is written as it is, not copied
    if (!m_failed && !writeAll(*m_device, text.data(), qint64(text.size())))
        m_failed = true;
}

bool writeAll(QIODevice& device, const char* data, qint64 size) {
    while (size > 0) {
        const qint64 written = device.write(data, size);
        if (written <= 0)
            return false;
        data += written;
        size -= written;
    }
    return true;
}

QByteArray toJson(const json::Document& document, NodeId id, Style style) {
    QByteArray out;
    JsonWriter writer(out, style);
    writer.value(document, id);
    writer.finish(true);
    return out;
}

bool writeJson(QIODevice& device, const json::Document& document, NodeId id, Style style) {
    JsonWriter writer(device, style);
    writer.value(document, id);
    return writer.finish(true);
}

} // namespace hwi::exporting
