#include "workerexport.h"

#include "load/backgroundpool.h"

#include <algorithm>
#include <functional>

namespace hwi::exporting {

using hatchet::Shape;
using json::NodeId;

namespace {

// The chosen worker indexes, valid, unique and sorted: snapshot.workers is in document order.
std::vector<std::size_t> documentOrder(const hatchet::Snapshot& snapshot, std::vector<std::size_t> indexes) {
    std::erase_if(indexes, [&](std::size_t index) { return index >= snapshot.workers.size(); });
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    return indexes;
}

void writeChosen(JsonWriter& writer, const hatchet::Snapshot& snapshot,
                 const std::vector<std::size_t>& chosen) {
    // Many workers are written in parts at once, a window of parts at a time, then added in order: a large
    // document's text is read from memory more than cache, and a second core reads as much again.
    constexpr std::size_t WorkersPerPart = 64;
    constexpr std::size_t PartsAtOnce = 4;
    writer.beginArray();
    std::vector<json::NodeId> ids(chosen.size());
    std::transform(chosen.begin(), chosen.end(), ids.begin(),
                   [&](std::size_t index) { return snapshot.workers[index]; });
    if (ids.size() < 2 * WorkersPerPart) {
        for (const json::NodeId id : ids)
            writer.value(*snapshot.document, id);
        writer.end();
        return;
    }
    std::vector<QByteArray> texts(PartsAtOnce);
    for (std::size_t start = 0; start < ids.size() && writer.ok(); start += WorkersPerPart * PartsAtOnce) {
        std::vector<std::function<void()>> parts;
        for (std::size_t part = 0, from = start; part < PartsAtOnce && from < ids.size();
             ++part, from += WorkersPerPart) {
            parts.push_back(
                [&, part, from, depth = writer.depth(), style = writer.style(), first = from == 0] {
                    const std::span<const json::NodeId> some(ids.data() + from,
                                                             std::min(WorkersPerPart, ids.size() - from));
                    JsonWriter::writeElements(texts[part], *snapshot.document, some, style, depth, first,
                                              writer.replacements());
                });
        }
        load::runAtOnce(parts);
        for (std::size_t part = 0; part < parts.size(); ++part)
            writer.appendElements({texts[part].constData(), std::size_t(texts[part].size())});
    }
    writer.end();
}

void write(JsonWriter& writer, const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& indexes) {
    const std::vector<std::size_t> chosen = documentOrder(snapshot, indexes);
    const json::Document& document = *snapshot.document;
    const NodeId root = document.root();
    switch (snapshot.shape) {
    case Shape::WorkerList: {
        // The rows that count are the last "rows" member (as for Hatchet's Go decoder); any earlier
        // duplicate is written verbatim like every other member.
        const NodeId rows = document.member(root, "rows");
        writer.beginObject();
        for (std::uint32_t i = 0; i < document.childCount(root); ++i) {
            const NodeId member = document.child(root, i);
            if (member != rows) {
                writer.member(document, member);
                continue;
            }
            writer.key(document.rawKey(member));
            writeChosen(writer, snapshot, chosen);
        }
        writer.end();
        break;
    }
    case Shape::Worker:
        if (chosen.empty())
            writer.rawValue("[]");
        else
            writer.value(document, snapshot.workers.front());
        break;
    case Shape::WorkerArray:
    case Shape::PlainJson:
        writeChosen(writer, snapshot, chosen);
        break;
    }
}

} // namespace

QByteArray exportWorkers(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workerIndexes,
                         Style style, const ScalarReplacements* replacements) {
    QByteArray out;
    JsonWriter writer(out, style);
    writer.setReplacements(replacements);
    write(writer, snapshot, workerIndexes);
    writer.finish(true);
    return out;
}

bool writeWorkers(QIODevice& device, const hatchet::Snapshot& snapshot,
                  const std::vector<std::size_t>& workerIndexes, Style style,
                  const ScalarReplacements* replacements) {
    JsonWriter writer(device, style);
    writer.setReplacements(replacements);
    write(writer, snapshot, workerIndexes);
    return writer.finish(true);
}

} // namespace hwi::exporting
