#include "structurals.h"

namespace hwi::json {

namespace {
// Deeper nesting is refused by stage 2; stage 1 only needs to be told a bound.
constexpr std::size_t Stage1Depth = 1024 + 8;
} // namespace

Structurals::Structurals(ArrivingBytes& source, std::size_t bodyStart)
    : m_source(source)
    , m_bodyStart(bodyStart) {}

bool Structurals::waitForAll() {
    const qsizetype arrived = m_source.waitUntilDone();
    m_aborted = m_source.isAborted();
    if (!m_aborted)
        m_bodySize = static_cast<std::size_t>(arrived) - m_bodyStart;
    return !m_aborted;
}

// Where the chunk from m_done ends: after the last newline (never inside a valid string) before
// m_done + ChunkSize, else after a comma that opens a member or element; the end of the body when neither.
// Unknown when the bytes stopped arriving.
std::size_t Structurals::chunkEnd() {
    const std::size_t nominal = m_done + ChunkSize;
    const auto expected = static_cast<std::size_t>(m_source.expected()) - m_bodyStart;
    if (m_chunked && nominal < expected) {
        const auto arrived = static_cast<std::size_t>(m_source.waitFor(qsizetype(m_bodyStart + nominal + 1)));
        if (arrived >= m_bodyStart + nominal + 1) {
            const char* body = m_source.data() + m_bodyStart;
            const std::size_t floor = nominal - ChunkSize / 8;
            for (std::size_t at = nominal; at > floor; --at)
                if (body[at - 1] == '\n')
                    return at;
            for (std::size_t at = nominal; at > floor; --at)
                if (body[at - 1] == ',' && (body[at] == '"' || body[at] == '{'))
                    return at;
        }
    }
    return waitForAll() ? m_bodySize : Unknown;
}

simdjson::error_code Structurals::run(std::size_t end) {
    const std::size_t length = end - m_done;
    if (!m_stage1 || m_capacity < length) {
        m_stage1.reset();
        m_capacity = 0;
        if (auto error = simdjson::get_active_implementation()->create_dom_parser_implementation(
                length, Stage1Depth, m_stage1))
            return error;
        m_capacity = length;
    }
    const char* body = m_source.data() + m_bodyStart;
    return m_stage1->stage1(reinterpret_cast<const std::uint8_t*>(body + m_done), length,
                            simdjson::stage1_mode::regular);
}

bool Structurals::next(std::vector<std::uint32_t>& out) {
    while (m_done != m_bodySize && !m_error && !m_aborted) {
        std::size_t end = chunkEnd();
        if (end == Unknown)
            return false;
        simdjson::error_code error = run(end);
        if (error == simdjson::UNCLOSED_STRING && end != m_bodySize) {
            m_chunked = false; // the chosen end was inside a string
            if (!waitForAll())
                return false;
            end = m_bodySize;
            error = run(end);
        }
        if (error == simdjson::EMPTY) { // only whitespace
            m_done = end;
            continue;
        }
        if (error) {
            m_error = error;
            return false;
        }
        const auto base = static_cast<std::uint32_t>(m_done);
        const std::uint32_t* at = m_stage1->structural_indexes.get();
        const std::size_t count = m_stage1->n_structural_indexes;
        const std::size_t old = out.size();
        out.resize(old + count);
        for (std::size_t i = 0; i < count; ++i)
            out[old + i] = base + at[i];
        m_done = end;
        return true;
    }
    return false;
}

} // namespace hwi::json
