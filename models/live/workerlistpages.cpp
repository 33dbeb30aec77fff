#include "workerlistpages.h"

#include <QByteArrayView>

namespace hwi::live {

using json::Kind;
using json::NodeId;

namespace {

std::optional<std::int64_t> integerMember(const json::Document& document, NodeId object,
                                          std::string_view key) {
    const NodeId id = document.member(object, key);
    if (id == json::NoNode || document.kind(id) != Kind::Number)
        return std::nullopt;
    bool ok = false;
    const std::string_view text = document.rawScalar(id);
    const qint64 value = QByteArrayView(text.data(), qsizetype(text.size())).toLongLong(&ok);
    return ok ? std::optional<std::int64_t>(value) : std::nullopt;
}

QByteArrayView sourceText(const json::Document& document, NodeId id) {
    const std::uint32_t begin = document.offset(id);
    return QByteArrayView(document.source()).sliced(begin, sourceEnd(document, id) - begin);
}

void appendRawKey(QByteArray& out, const json::Document& document, NodeId id) {
    const std::string_view key = document.rawKey(id);
    out += '"';
    out.append(key.data(), qsizetype(key.size()));
    out += "\":";
}

// The merged set's pagination: the keys the server used, in its order, as one page holding every row.
void appendPagination(QByteArray& out, const json::Document& first, NodeId pagination, std::size_t rows) {
    const QByteArray pages = rows == 0 ? QByteArrayLiteral("0") : QByteArrayLiteral("1");
    out += '{';
    for (std::uint32_t i = 0; i < first.childCount(pagination); ++i) {
        const NodeId member = first.child(pagination, i);
        if (i)
            out += ',';
        appendRawKey(out, first, member);
        const QString key = first.key(member);
        if (key == QLatin1String("current_page") || key == QLatin1String("next_page"))
            out += '1';
        else if (key == QLatin1String("num_pages"))
            out += pages;
        else
            out += sourceText(first, member);
    }
    out += '}';
}

} // namespace

bool PageInfo::hasMore(int limitAsked) const {
    if (!isWorkerList || rows == 0)
        return false;
    if (!paginated)
        return false;
    if (currentPage && numPages)
        return *currentPage < *numPages;
    return rows >= std::uint32_t(limitAsked);
}

PageInfo readPage(const json::Document& page) {
    PageInfo info;
    const NodeId root = page.root();
    if (page.kind(root) != Kind::Object)
        return info;
    const NodeId rows = page.member(root, "rows");
    if (rows == json::NoNode || page.kind(rows) != Kind::Array)
        return info;
    info.isWorkerList = true;
    info.rows = page.childCount(rows);
    if (info.rows > 0) {
        const NodeId first = page.child(rows, 0);
        const NodeId metadata =
            page.kind(first) == Kind::Object ? page.member(first, "metadata") : json::NoNode;
        const NodeId id = metadata != json::NoNode && page.kind(metadata) == Kind::Object
                              ? page.member(metadata, "id")
                              : json::NoNode;
        // The worker's id identifies the row; a row without one is compared by its bytes.
        const bool hasId = id != json::NoNode && page.kind(id) == Kind::String;
        info.firstRow = sourceText(page, hasId ? id : first).toByteArray();
    }
    const NodeId pagination = page.member(root, "pagination");
    if (pagination != json::NoNode && page.kind(pagination) == Kind::Object) {
        info.paginated = true;
        info.currentPage = integerMember(page, pagination, "current_page");
        info.numPages = integerMember(page, pagination, "num_pages");
    }
    return info;
}

std::uint32_t sourceEnd(const json::Document& document, NodeId id) {
    // Descend through last children to a scalar or an empty container, then climb back over one closing
    // bracket per level (only whitespace can stand between a last child and its closing bracket).
    int depth = 0;
    while (document.isContainer(id) && document.childCount(id) > 0) {
        id = document.child(id, document.childCount(id) - 1);
        ++depth;
    }
    std::uint32_t end = document.offset(id);
    const QByteArray& source = document.source();
    if (document.isContainer(id))
        ++depth, ++end; // an empty container: past its opening bracket, then to its closing one
    else
        end += std::uint32_t(document.rawScalar(id).size());
    for (; depth > 0; --depth) {
        while (end < std::uint32_t(source.size()) && source[end] != ']' && source[end] != '}')
            ++end;
        ++end;
    }
    return end;
}

QByteArray mergeWorkerLists(const std::vector<std::shared_ptr<const json::Document>>& pages) {
    if (pages.empty())
        return {};
    const json::Document& first = *pages.front();
    std::size_t rowCount = 0;
    qsizetype bytes = 64;
    for (const auto& page : pages) {
        const NodeId rows = page->member(page->root(), "rows");
        rowCount += page->childCount(rows);
        bytes += sourceText(*page, rows).size();
    }
    QByteArray out;
    out.reserve(bytes + first.source().size() / 8);
    out += '{';
    const NodeId root = first.root();
    for (std::uint32_t i = 0; i < first.childCount(root); ++i) {
        const NodeId member = first.child(root, i);
        if (i)
            out += ',';
        appendRawKey(out, first, member);
        const QString key = first.key(member);
        if (key == QLatin1String("rows")) {
            out += '[';
            bool separate = false;
            for (const auto& page : pages) {
                const NodeId rows = page->member(page->root(), "rows");
                for (std::uint32_t r = 0; r < page->childCount(rows); ++r) {
                    if (std::exchange(separate, true))
                        out += ',';
                    out += sourceText(*page, page->child(rows, r));
                }
            }
            out += ']';
        } else if (key == QLatin1String("pagination") && first.kind(member) == Kind::Object) {
            appendPagination(out, first, member, rowCount);
        } else {
            out += sourceText(first, member);
        }
    }
    out += "}\n";
    return out;
}

} // namespace hwi::live
