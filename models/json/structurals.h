#pragma once
// Internal to the parser (documentbuilder.cpp): simdjson's stage 1, a chunk at a time.

#include "arrivingbytes.h"

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <vector>

#ifndef HWI_PARSER_CHUNK_BYTES
#define HWI_PARSER_CHUNK_BYTES (256 * 1024)
#endif

namespace hwi::json {

// The positions of every {}[]:, and of the first byte of every string and scalar in the body (the text
// after a BOM), found by simdjson's stage 1, which also checks UTF-8, string closure and control characters.
//
// It runs a chunk at a time, just ahead of the parser's stage 2, so stage 2 reads text still in cache, and
// it reads bytes as they arrive. A chunk ends after a newline (or a comma) close to ChunkSize; stage 1
// reads each chunk as if it began outside a string, which holds by induction as long as no chunk ends
// inside one, and stage 1 says so (UNCLOSED_STRING) when one does: then the rest of the body is one chunk.
// Either way the positions are those one stage 1 over the whole body finds.
class Structurals final {
public:
    // The sanitizer and fuzzing build makes it tiny (HWI_PARSER_CHUNK_BYTES), so every test and every fuzz
    // input crosses chunk boundaries.
    static constexpr std::size_t ChunkSize = HWI_PARSER_CHUNK_BYTES;

    Structurals(ArrivingBytes& source, std::size_t bodyStart);

    // Appends the next chunk's positions (from the start of the body) to out; false when none is left,
    // stage 1 refused the text (error() says why) or the bytes stopped arriving (aborted()).
    bool next(std::vector<std::uint32_t>& out);
    simdjson::error_code error() const { return m_error; }
    bool aborted() const { return m_aborted; }
    // Bytes of the body indexed so far: every position found lies before it.
    std::size_t indexed() const { return m_done; }
    // The body's size, once the last chunk is indexed.
    std::size_t bodySize() const { return m_bodySize; }

private:
    static constexpr std::size_t Unknown = SIZE_MAX;
    std::size_t chunkEnd();
    // Waits for every byte; false when they stopped arriving.
    bool waitForAll();
    simdjson::error_code run(std::size_t end);

    ArrivingBytes& m_source;
    std::size_t m_bodyStart;
    std::size_t m_bodySize = Unknown;
    std::size_t m_done = 0; // bytes of the body indexed so far
    bool m_chunked = true;  // false once the rest is read as one chunk
    bool m_aborted = false;
    simdjson::error_code m_error = simdjson::SUCCESS;
    std::unique_ptr<simdjson::internal::dom_parser_implementation> m_stage1;
    std::size_t m_capacity = 0;
};

} // namespace hwi::json
