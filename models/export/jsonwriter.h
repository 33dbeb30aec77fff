#pragma once

#include "json/document.h"

#include <QByteArray>

#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class QIODevice;

namespace hwi::exporting {

// JSON texts written instead of the source text of some scalar nodes (a redacted export's pseudonyms).
using ScalarReplacements = std::unordered_map<json::NodeId, std::string>;

enum class Style {
    Pretty,  // Go's json.MarshalIndent(v, "", "  "): 2-space indent, `"key": value`, `{}` / `[]` when empty
    Compact, // no whitespace at all
};

// Streams JSON built from the nodes of a Document. Faithful: keys and scalars are copied from their source
// spans (rawKey / rawScalar), so member order, duplicate keys, number text and string escapes survive and
// only whitespace changes. Subtrees are written without recursion. Output goes to a QIODevice, buffered and
// flushed about every MiB, or is appended to a QByteArray.
//
// Besides whole subtrees (value()), the writer builds envelopes: beginObject() / key() / value() / end().
class JsonWriter final {
public:
    JsonWriter(QIODevice& device, Style style);
    JsonWriter(QByteArray& buffer, Style style);
    ~JsonWriter(); // finish()es
    Q_DISABLE_COPY_MOVE(JsonWriter)

    void beginObject() { open('{'); }
    void beginArray() { open('['); }
    void end(); // closes the innermost container opened with beginObject() / beginArray()
    // The next member's key as written between the quotes (escapes kept), e.g. Document::rawKey().
    void key(std::string_view rawKey);
    // The node's value, faithfully, with everything below it (an array element or the value after key()).
    void value(const json::Document& document, json::NodeId id);
    // A member with its key and value, both from the document.
    void member(const json::Document& document, json::NodeId id);
    // From now on, value() writes these texts instead of the listed scalars (nullptr: none). The map must
    // outlive the writes.
    void setReplacements(const ScalarReplacements* replacements) { m_replacements = replacements; }
    const ScalarReplacements* replacements() const { return m_replacements; }
    Style style() const { return m_pretty ? Style::Pretty : Style::Compact; }
    // Text that is already JSON (a literal such as `null`, or an escaped string with its quotes).
    void rawValue(std::string_view json);

    // A long array in parts made at once: writeElements() writes some of the innermost open container's
    // elements into `text` (replacing what it held, keeping its allocation) as this writer would at depth()
    // (first: none before them), on any thread; appendElements() then adds each part in order.
    std::size_t depth() const { return m_frames.size(); }
    static void writeElements(QByteArray& text, const json::Document& document,
                              std::span<const json::NodeId> ids, Style style, std::size_t depth, bool first,
                              const ScalarReplacements* replacements);
    void appendElements(std::string_view text);

    // Writes what is buffered (and, in Pretty style at the end of a document, a final newline when asked).
    // Returns false once any write to the device failed.
    bool finish(bool finalNewline = false);
    bool ok() const { return !m_failed; }

private:
    static constexpr qsizetype ChunkSize = qsizetype(1) << 20;

    struct Frame {
        char close;
        bool empty;
    };

    void open(char bracket);
    void separate(); // before a value or key: the comma and the line break of the enclosing container
    void newline(std::size_t depth);
    void put(const char* data, std::size_t size) {
        if (qsizetype(size) > m_capacity - m_size)
            makeRoom(qsizetype(size));
        std::memcpy(m_data + m_size, data, size);
        m_size += qsizetype(size);
    }
    void put(std::string_view text) { put(text.data(), text.size()); }
    void put(char c) {
        if (m_size == m_capacity)
            makeRoom(1);
        m_data[m_size++] = c;
    }
    void makeRoom(qsizetype needed);
    void scalar(const json::Document& document, json::NodeId id);
    // Compact, without replacements: a container of at most MostMinifiedBytes of source text is written as
    // that text without its whitespace. False (nothing written) otherwise.
    bool minified(const json::Document& document, json::NodeId id);

    QIODevice* m_device = nullptr;
    QByteArray m_chunk; // device mode: the buffer flushed to the device
    QByteArray* m_out;  // the buffer written into: m_chunk or the caller's
    qsizetype m_start;  // buffer mode: the caller's bytes before ours
    char* m_data = nullptr;
    qsizetype m_size = 0; // bytes used in *m_out
    qsizetype m_capacity = 0;
    bool m_pretty;
    bool m_afterKey = false;
    bool m_failed = false;
    const ScalarReplacements* m_replacements = nullptr;
    std::vector<Frame> m_frames;
    struct Pending {
        json::NodeId container;
        std::uint32_t next;
        std::uint32_t count;
        bool object;
    };
    std::vector<Pending> m_stack; // value()'s explicit stack, kept to reuse its allocation
};

// Writes all of data or fails. A short write (a disk filling up, a file size limit) sets no device error;
// writing the rest makes the system say why (ENOSPC, EFBIG), so the message can name the reason.
bool writeAll(QIODevice& device, const char* data, qint64 size);

// The subtree at id as a JSON text; Pretty ends with a newline (as Go's tools write files).
QByteArray toJson(const json::Document& document, json::NodeId id, Style style);
bool writeJson(QIODevice& device, const json::Document& document, json::NodeId id, Style style);

} // namespace hwi::exporting
