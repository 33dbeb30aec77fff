#include "provenance.h"

#include <QCoreApplication>

#include <algorithm>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <cstring>
#include <string_view>

namespace hwi::hatchet {

using json::Document;
using json::Kind;
using json::NodeId;

namespace {

// The dates of the format eras (HATCHET.md, "Format eras").
const QDate ListenerGone(2024, 9, 11);  // lastListenerEstablished no longer sent
const QDate SlotConfigDay(2026, 2, 17); // slotConfig replaces maxRuns/availableRuns
const QDate ListLabelsDay(2026, 3, 4);  // labels in list rows
const QDate PaginationDay(2026, 5, 20); // pagination on the list

// Nodes whose layout is checked: all of a document up to this many, else a sample of this many (the first
// half in document order, the rest spread evenly over the remainder). Enough to tell MarshalIndent output
// from a reformatted file, which rarely keeps Go's exact layout anywhere.
constexpr std::size_t LayoutSample = 20000;

QString provenanceTr(const char* text) {
    return QCoreApplication::translate("hwi::hatchet::Provenance", text);
}

bool isCompact(std::string_view body) {
    while (!body.empty() &&
           (body.back() == '\n' || body.back() == '\r' || body.back() == ' ' || body.back() == '\t'))
        body.remove_suffix(1);
    return !body.empty() && body.find_first_of("\r\n") == std::string_view::npos;
}

int depthOf(const Document& doc, NodeId id) {
    int depth = 0;
    for (; id != doc.root(); id = doc.parent(id))
        ++depth;
    return depth;
}

// Alphabetical, byte-wise or ignoring case: how Go's generated struct fields (or sorted map keys) come.
bool inOrder(std::string_view a, std::string_view b) {
    if (a <= b)
        return true;
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return !std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end(),
                                         [&](char x, char y) { return lower(x) < lower(y); });
}

// Whether node sits where MarshalIndent(v, "", "  ") puts it: on its own line, 2 spaces per level, a
// member as `"key": value`; an object's members in alphabetical order; no null member (the CLI's
// re-encoding drops them).
bool laidOutLikeGo(const Document& doc, NodeId id) {
    const std::string_view src(doc.source().constData(), std::size_t(doc.source().size()));
    if (doc.kind(id) == Kind::Object) {
        for (std::uint32_t row = 1; row < doc.childCount(id); ++row) {
            if (!inOrder(doc.rawKey(doc.child(id, row - 1)), doc.rawKey(doc.child(id, row))))
                return false;
        }
    }
    if (doc.isContainer(id) && doc.childCount(id) == 0 && doc.offset(id) + 1 < src.size() &&
        src[doc.offset(id) + 1] != (doc.kind(id) == Kind::Object ? '}' : ']'))
        return false;
    if (id == doc.root())
        return doc.offset(id) == 0;
    std::size_t start = doc.offset(id);
    if (doc.isMember(id)) {
        if (doc.kind(id) == Kind::Null)
            return false;
        const std::string_view key = doc.rawKey(id);
        start = std::size_t(key.data() - src.data()) - 1; // the opening quote
        if (doc.offset(id) != start + key.size() + 4 || src.substr(start + key.size() + 2, 2) != ": ")
            return false;
    }
    const std::size_t indent = 2 * std::size_t(depthOf(doc, id));
    if (start < indent + 1 || src[start - indent - 1] != '\n')
        return false;
    return std::all_of(src.begin() + std::ptrdiff_t(start - indent), src.begin() + std::ptrdiff_t(start),
                       [](char c) { return c == ' '; });
}

// Whether text holds a byte Go's encoder never writes raw: \r, \t, <, > or &. Sixteen bytes per step with
// SSE2 (five memchr passes took five times as long on a 1 GB file).
bool containsNonGoByte(std::string_view text) {
    const auto isNonGo = [](char c) { return c == '\r' || c == '\t' || c == '<' || c == '>' || c == '&'; };
    std::size_t at = 0;
#ifdef __SSE2__
    const __m128i cr = _mm_set1_epi8('\r'), tab = _mm_set1_epi8('\t'), lt = _mm_set1_epi8('<'),
                  gt = _mm_set1_epi8('>'), amp = _mm_set1_epi8('&');
    for (; at + 16 <= text.size(); at += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
        const __m128i hits =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, cr), _mm_cmpeq_epi8(chunk, tab)),
                         _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, lt), _mm_cmpeq_epi8(chunk, gt)),
                                      _mm_cmpeq_epi8(chunk, amp)));
        if (_mm_movemask_epi8(hits) != 0)
            return true;
    }
#endif
    return std::any_of(text.begin() + std::ptrdiff_t(at), text.end(), isNonGo);
}

bool looksLikeMarshalIndent(const Document& doc) {
    const QByteArray& source = doc.source();
    // Go writes no tabs or carriage returns outside strings and escapes them inside; it escapes <, > and &
    // as \u003c, \u003e, \u0026. The whole file is scanned for these, in one pass over the bytes.
    if (containsNonGoByte({source.constData(), std::size_t(source.size())}))
        return false;
    const std::size_t count = doc.nodeCount();
    const std::size_t head = count <= LayoutSample ? count : LayoutSample / 2;
    for (std::size_t id = 0; id < head; ++id) {
        if (!laidOutLikeGo(doc, NodeId(id)))
            return false;
    }
    if (head < count) {
        const std::size_t stride = (count - head) / (LayoutSample - head) + 1;
        for (std::size_t id = head; id < count; id += stride) {
            if (!laidOutLikeGo(doc, NodeId(id)))
                return false;
        }
    }
    return true;
}

struct Fields {
    bool slotConfig = false, maxRuns = false, availableRuns = false, listLabels = false, listener = false;
};

// The era fields among the top-level (non-null) members of a worker object: a few dozen keys each, so
// every worker is read, not a sample.
void collect(const Document& doc, NodeId worker, bool listRow, Fields& fields) {
    if (doc.kind(worker) != Kind::Object)
        return;
    for (std::uint32_t row = 0; row < doc.childCount(worker); ++row) {
        const NodeId member = doc.child(worker, row);
        if (doc.kind(member) == Kind::Null)
            continue;
        const std::string_view key = doc.rawKey(member);
        fields.slotConfig |= key == "slotConfig";
        fields.maxRuns |= key == "maxRuns";
        fields.availableRuns |= key == "availableRuns";
        fields.listLabels |= listRow && key == "labels";
        fields.listener |= key == "lastListenerEstablished";
    }
}

QString joined(const std::vector<EraClue>& clues, bool lower) {
    QStringList names;
    for (const EraClue& clue : clues) {
        if ((lower ? clue.after : clue.before).isValid())
            names << clue.field;
    }
    return names.join(QStringLiteral(", "));
}

QString day(const QDate& date) {
    return date.toString(Qt::ISODate);
}

} // namespace

Provenance provenanceOf(const Document& doc) {
    Provenance out;

    // The era: which workers there are follows the document's shape (a WorkerList, a bare array of
    // workers, one Worker).
    Fields fields;
    bool list = false, paginated = false;
    const NodeId root = doc.root();
    const NodeId rows = doc.member(root, "rows");
    if (rows != json::NoNode && doc.kind(rows) == Kind::Array) {
        list = true;
        const NodeId pagination = doc.member(root, "pagination");
        paginated = pagination != json::NoNode && doc.kind(pagination) != Kind::Null;
        for (std::uint32_t row = 0; row < doc.childCount(rows); ++row)
            collect(doc, doc.child(rows, row), true, fields);
    } else if (doc.kind(root) == Kind::Array) {
        for (std::uint32_t row = 0; row < doc.childCount(root); ++row)
            collect(doc, doc.child(root, row), false, fields);
    } else {
        collect(doc, root, false, fields);
    }
    // Lower bounds newest first, then upper bounds oldest first.
    if (list && paginated)
        out.clues.push_back({QStringLiteral("pagination"), PaginationDay, {}});
    if (fields.listLabels)
        out.clues.push_back({QStringLiteral("labels"), ListLabelsDay, {}});
    if (fields.slotConfig)
        out.clues.push_back({QStringLiteral("slotConfig"), SlotConfigDay, {}});
    if (fields.listener)
        out.clues.push_back({QStringLiteral("lastListenerEstablished"), {}, ListenerGone});
    if (fields.maxRuns || fields.availableRuns)
        out.clues.push_back({fields.maxRuns ? QStringLiteral("maxRuns") : QStringLiteral("availableRuns"),
                             {},
                             SlotConfigDay});
    if (list && !paginated)
        out.clues.push_back({QStringLiteral("no pagination"), {}, PaginationDay});
    for (const EraClue& clue : out.clues) {
        if (clue.after.isValid() && (!out.after.isValid() || clue.after > out.after))
            out.after = clue.after;
        if (clue.before.isValid() && (!out.before.isValid() || clue.before < out.before))
            out.before = clue.before;
    }

    // The writer. Neither Go nor a server writes a byte order mark.
    const QByteArray& source = doc.source();
    if (source.startsWith("\xEF\xBB\xBF"))
        return out;
    if (isCompact({source.constData(), std::size_t(source.size())})) {
        out.writer = Writer::RestCompact;
        return out;
    }
    // The CLI decodes into its own struct, which has no maxRuns/availableRuns (gone before the CLI first
    // exists, 2026-02-19), and re-encodes it with MarshalIndent.
    if (!fields.maxRuns && !fields.availableRuns && looksLikeMarshalIndent(doc))
        out.writer = Writer::HatchetCli;
    return out;
}

QString writerText(Writer writer) {
    switch (writer) {
    case Writer::HatchetCli:
        return provenanceTr("hatchet CLI (-o json: re-encoded, unknown fields dropped)");
    case Writer::RestCompact:
        return provenanceTr("REST API response (compact)");
    case Writer::OtherTool:
        break;
    }
    return provenanceTr("another tool (reformatted)");
}

QString serverEraText(const Provenance& provenance) {
    const QString lower = joined(provenance.clues, true);
    const QString upper = joined(provenance.clues, false);
    if (provenance.conflicting())
        return provenanceTr("conflicting: after %1 (%2) but before %3 (%4)")
            .arg(day(provenance.after), lower, day(provenance.before), upper);
    if (provenance.after.isValid() && provenance.before.isValid())
        return provenanceTr("between %1 and %2 (%3)")
            .arg(day(provenance.after), day(provenance.before), lower + QStringLiteral(", ") + upper);
    if (provenance.after.isValid())
        return provenanceTr("after %1 (%2)").arg(day(provenance.after), lower);
    if (provenance.before.isValid())
        return provenanceTr("before %1 (%2)").arg(day(provenance.before), upper);
    return provenanceTr("unknown (no dated fields)");
}

} // namespace hwi::hatchet
