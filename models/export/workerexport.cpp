#include "workerexport.h"

#include <algorithm>

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
    writer.beginArray();
    for (const std::size_t index : chosen)
        writer.value(*snapshot.document, snapshot.workers[index]);
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
