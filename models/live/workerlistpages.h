#pragma once

#include "json/document.h"

#include <QByteArray>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace hwi::live {

// What one response page of a tenant's worker list says about itself.
struct PageInfo {
    bool isWorkerList = false; // an object with a `rows` array
    std::uint32_t rows = 0;
    bool paginated = false;                  // a `pagination` object is present
    std::optional<std::int64_t> currentPage; // pagination.current_page
    std::optional<std::int64_t> numPages;    // pagination.num_pages
    QByteArray firstRow;                     // the first row's metadata.id, or its bytes; empty without rows

    // Whether another page follows this one (fetched at offset + rows). Pagination decides, as the server may
    // cap the page size below the limit asked for. Without `pagination` the server is older than 2026-05-20:
    // it ignores offset and limit and has sent every row, so nothing follows.
    bool hasMore(int limitAsked) const;
    // Whether this page, read after `first`, is the first page again (a server that ignores offset).
    bool repeats(const PageInfo& first) const { return !firstRow.isEmpty() && firstRow == first.firstRow; }
};

PageInfo readPage(const json::Document& page);

// The byte just after a value's source text (a container's closing bracket included).
std::uint32_t sourceEnd(const json::Document& document, json::NodeId id);

// One WorkerList from the pages of a tenant's list: the first page's top-level members in their order and
// byte for byte, except `rows` — every page's rows, each row's bytes exactly as the server sent them — and
// `pagination`, rewritten to describe the merged set (one page holding everything).
QByteArray mergeWorkerLists(const std::vector<std::shared_ptr<const json::Document>>& pages);

} // namespace hwi::live
