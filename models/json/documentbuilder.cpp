// Document::parse: simdjson On-Demand walks the text once; every value becomes a node that points back
// into the source. On any failure the strict diagnoser re-reads the text to say where and what.
#include "document.h"
#include "scan.h"

#include <simdjson.h>

#include <mutex>

namespace hwi::json {

namespace od = simdjson::ondemand;

namespace {

constexpr int MaxDepth = 1024;
constexpr std::string_view Utf8Bom = "\xEF\xBB\xBF";

} // namespace

class Builder {
public:
    Builder(Document& doc, const char* base, const std::atomic_bool* cancel)
        : m_doc(doc)
        , m_base(base)
        , m_cancel(cancel) {}

    simdjson::error_code root(od::value value) {
        m_doc.m_nodes.push_back({}); // id 0 is reserved for the root, filled in at the end
        m_doc.m_tags.push_back(0);
        if (auto error = visit(value, {}, 1))
            return error;
        place(m_pending.size() - 1);
        m_doc.m_nodes[0] = m_doc.m_nodes.back();
        m_doc.m_tags[0] = m_doc.m_tags.back();
        m_doc.m_nodes.pop_back();
        m_doc.m_tags.pop_back();
        adoptChildren(0);
        return simdjson::SUCCESS;
    }

    // Where the diagnoser should not be trusted to find the problem (it found none), this is the best
    // known place of simdjson's complaint.
    std::int64_t lastOffset() const { return m_lastOffset; }
    bool cancelled() const { return m_wasCancelled; }

private:
    struct Key {
        std::uint32_t offset = Document::NoKey; // the opening quote
        std::uint32_t length = 0;
        bool escaped = false;
    };

    struct Pending {
        Document::Node node;
        std::uint8_t tag;
    };

    simdjson::error_code visit(od::value value, Key key, int depth) {
        const std::string_view token = value.raw_json_token();
        const auto offset = static_cast<std::uint32_t>(token.data() - m_base);
        m_lastOffset = offset;
        if (m_cancel && (++m_visited & 0xFFFF) == 0 && m_cancel->load(std::memory_order_relaxed)) {
            m_wasCancelled = true;
            return simdjson::UNEXPECTED_ERROR;
        }

        Document::Node node{offset, key.offset, 0, 0, 0, key.length};
        std::uint8_t tag = 0;
        switch (token.empty() ? '\0' : token.front()) {
        case '{':
        case '[': {
            if (depth > MaxDepth)
                return simdjson::DEPTH_ERROR;
            const std::size_t mark = m_pending.size();
            const bool isObject = token.front() == '{';
            if (auto error = isObject ? members(value, depth) : elements(value, depth))
                return error;
            node.count = static_cast<std::uint32_t>(m_pending.size() - mark);
            node.first = place(mark);
            tag = static_cast<std::uint8_t>(isObject ? Kind::Object : Kind::Array);
            break;
        }
        case '"': {
            // The token runs to the next structural character: the string, then any whitespace.
            const std::string_view quoted = trimTrailingWhitespace(token);
            node.first = static_cast<std::uint32_t>(quoted.size());
            tag = static_cast<std::uint8_t>(Kind::String);
            if (quoted.find('\\') != std::string_view::npos) {
                std::string_view unescaped; // validates the escapes
                if (auto error = value.get_string().get(unescaped))
                    return error;
                tag |= Document::ValueEscaped;
            } else {
                // Consumed, not skipped: simdjson skips a string followed by ':' as if it were a key, which
                // let `{"a": "b": "c"}, "d": 1}` through (found by the fuzzer).
                od::raw_json_string raw;
                if (auto error = value.get_raw_json_string().get(raw))
                    return error;
            }
            break;
        }
        default: {
            const std::string_view text = trimTrailingWhitespace(token);
            const auto kind = scalarKind(text);
            if (!kind)
                return simdjson::NUMBER_ERROR;
            node.first = static_cast<std::uint32_t>(text.size());
            tag = static_cast<std::uint8_t>(*kind);
            break;
        }
        }
        if (key.escaped)
            tag |= Document::KeyEscaped;
        m_pending.push_back({node, tag});
        return simdjson::SUCCESS;
    }

    simdjson::error_code members(od::value value, int depth) {
        od::object object;
        if (auto error = value.get_object().get(object))
            return error;
        for (auto result : object) {
            od::field field;
            if (auto error = std::move(result).get(field))
                return error;
            const char* keyBody = field.key().raw();
            od::value value = field.value();
            // The key's closing quote is found from the value's side: `"key" : value`.
            const char* p = value.raw_json_token().data() - 1;
            while (isJsonWhitespace(*p))
                --p;
            --p; // the ':'
            while (isJsonWhitespace(*p))
                --p;
            const std::string_view keyText(keyBody, static_cast<std::size_t>(p - keyBody));
            const bool escaped = keyText.find('\\') != std::string_view::npos;
            if (escaped) {
                std::string_view unescaped; // validates the escapes
                if (auto error = field.unescaped_key().get(unescaped))
                    return error;
            }
            const Key key{static_cast<std::uint32_t>(keyBody - 1 - m_base),
                          static_cast<std::uint32_t>(keyText.size()), escaped};
            if (auto error = visit(value, key, depth + 1))
                return error;
        }
        return simdjson::SUCCESS;
    }

    simdjson::error_code elements(od::value value, int depth) {
        od::array array;
        if (auto error = value.get_array().get(array))
            return error;
        for (auto result : array) {
            od::value element;
            if (auto error =
                    std::move(result).get(element)) // NOLINT(performance-move-const-arg): get() && only
                return error;
            if (auto error = visit(element, {}, depth + 1))
                return error;
        }
        return simdjson::SUCCESS;
    }

    // Moves the pending children from mark on into the node table, consecutively, and returns the id
    // of the first. Their own children were placed earlier and learn their parent now.
    std::uint32_t place(std::size_t mark) {
        const auto first = static_cast<std::uint32_t>(m_doc.m_nodes.size());
        for (std::size_t i = mark; i < m_pending.size(); ++i) {
            m_doc.m_nodes.push_back(m_pending[i].node);
            m_doc.m_tags.push_back(m_pending[i].tag);
            adoptChildren(static_cast<NodeId>(m_doc.m_nodes.size() - 1));
        }
        m_pending.resize(mark);
        return first;
    }

    void adoptChildren(NodeId id) {
        if (!m_doc.isContainer(id))
            return;
        const auto& node = m_doc.m_nodes[id];
        for (std::uint32_t i = 0; i < node.count; ++i)
            m_doc.m_nodes[node.first + i].parent = id;
    }

    Document& m_doc;
    const char* m_base;
    const std::atomic_bool* m_cancel;
    std::vector<Pending> m_pending;
    std::int64_t m_lastOffset = 0;
    std::uint64_t m_visited = 0;
    bool m_wasCancelled = false;
};

Document::ParseResult Document::parse(QByteArray bytes, const std::atomic_bool* cancel) {
    auto doc = std::make_shared<Document>();
    const std::string_view whole(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    doc->m_bomLength = whole.starts_with(Utf8Bom) ? Utf8Bom.size() : 0;
    const std::string_view text = whole.substr(doc->m_bomLength);

    auto fail = [&](std::int64_t offsetInText, const QString& message) -> ParseResult {
        const TextPosition where = textPositionAt(text, offsetInText);
        return ParseError{offsetInText + doc->m_bomLength, where.line, where.column, message};
    };
    if (static_cast<std::uint64_t>(text.size()) >= UINT32_MAX - simdjson::SIMDJSON_PADDING)
        return fail(0, QStringLiteral("file too large: the parser handles at most 4 GiB"));

    // simdjson reads up to SIMDJSON_PADDING bytes past the end; make room without changing size().
    if (bytes.capacity() - bytes.size() < qsizetype(simdjson::SIMDJSON_PADDING))
        bytes.reserve(bytes.size() + simdjson::SIMDJSON_PADDING);
    doc->m_source = std::move(bytes);
    const char* base = doc->m_source.constData();
    const std::string_view body(base + doc->m_bomLength, text.size());

    // A scalar document is small and rare: the strict diagnoser is its parser.
    const std::size_t start = body.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || (body[start] != '{' && body[start] != '[')) {
        if (auto error = diagnoseJson(body))
            return fail(error->offset, error->message);
        const std::string_view token = trimTrailingWhitespace(body.substr(start));
        doc->m_nodes.push_back({static_cast<std::uint32_t>(doc->m_bomLength + start), NoKey, NoNode,
                                static_cast<std::uint32_t>(token.size()), 0, 0});
        auto tag = static_cast<std::uint8_t>(token.front() == '"' ? Kind::String : *scalarKind(token));
        if (token.front() == '"' && token.find('\\') != std::string_view::npos)
            tag |= ValueEscaped;
        doc->m_tags.push_back(tag);
        return std::shared_ptr<const Document>(std::move(doc));
    }

    // Reserved address space costs nothing until touched; it spares the copies of regrowth.
    doc->m_nodes.reserve(body.size() / 8 + 16);
    doc->m_tags.reserve(body.size() / 8 + 16);

    Builder builder(*doc, base, cancel);
    simdjson::error_code error = simdjson::SUCCESS;
    {
        // simdjson's advice: reuse one parser, so its index buffers are not allocated and faulted in anew
        // on every load (a refresh, a reload). A parse that finds it busy uses its own.
        static std::mutex sharedMutex;
        static od::parser shared;
        std::unique_lock lock(sharedMutex, std::try_to_lock);
        od::parser local;
        od::parser& parser = lock.owns_lock() ? shared : local;
        const std::size_t needed = body.size() + 1;
        if (parser.capacity() < needed || parser.capacity() > std::max<std::size_t>(4 * needed, 64 << 20))
            error = parser.allocate(needed, MaxDepth + 8); // our own limit, in the builder, decides
        od::document document;
        const simdjson::padded_string_view input(
            body.data(), body.size(), static_cast<std::size_t>(doc->m_source.capacity()) - doc->m_bomLength);
        if (!error)
            error = parser.iterate(input).get(document);
        od::value value;
        if (!error)
            error = document.get_value().get(value);
        if (!error)
            error = builder.root(value);
        if (!error && document.current_location().error() != simdjson::OUT_OF_BOUNDS)
            error = simdjson::TRAILING_CONTENT;
    }
    if (builder.cancelled())
        return fail(0, QStringLiteral("cancelled"));
    if (error) {
        if (auto syntax = diagnoseJson(body))
            return fail(syntax->offset, syntax->message);
        const std::int64_t where = error == simdjson::DEPTH_ERROR || error == simdjson::NUMBER_ERROR
                                       ? builder.lastOffset() - static_cast<std::int64_t>(doc->m_bomLength)
                                       : 0;
        return fail(where, QString::fromUtf8(simdjson::error_message(error)));
    }
    doc->m_nodes[0].parent = NoNode;
    return std::shared_ptr<const Document>(std::move(doc));
}

} // namespace hwi::json
