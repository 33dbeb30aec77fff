#include "workerindex.h"
#include "query.h"

#include <array>

namespace hwi::filter {

namespace {

void appendFolded(std::string& out, const QString& text) {
    const QChar* chars = text.constData();
    const qsizetype size = text.size();
    bool ascii = true;
    for (qsizetype i = 0; i < size && ascii; ++i)
        ascii = chars[i].unicode() < 0x80;
    if (ascii) {
        for (qsizetype i = 0; i < size; ++i) {
            char c = static_cast<char>(chars[i].unicode());
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            else if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f')
                c = ' ';
            out.push_back(c);
        }
        return;
    }
    const QByteArray utf8 = text.toLower().toUtf8();
    for (const char c : utf8)
        out.push_back(static_cast<unsigned char>(c) < 0x20 || c == '\x7f' ? ' ' : c);
}

// Field boundaries as offsets while the buffers still grow; turned into views at the end. Text (what bare
// words scan) and the short fields live in separate buffers, so a field term streams through a compact
// buffer instead of striding across the large one.
enum Boundary {
    TextBegin,
    ActionsBegin,
    WorkflowsBegin,
    TextEnd,
    NameBegin,
    NameEnd,
    IdBegin,
    IdEnd,
    LabelsBegin,
    LabelsEnd,
    StatusBegin,
    StatusEnd,
    TypeBegin,
    TypeEnd,
    SdkBegin,
    SdkEnd,
    DispatcherBegin,
    DispatcherEnd,
    SlotTypesBegin,
    SlotTypesEnd,
    NUM_BOUNDARIES
};
using Offsets = std::array<std::size_t, NUM_BOUNDARIES>;
// Where each pivot key's exact values start in m_exact; the last one ends where the next worker's begin.
using ExactOffsets = std::array<std::size_t, analysis::PivotKeyCount + 1>;

// As written (not folded), control characters as spaces: the separators never occur inside a value.

void appendExact(std::string& out, std::string_view utf8) {
    for (const char c : utf8)
        out.push_back(static_cast<unsigned char>(c) < 0x20 || c == '\x7f' ? ' ' : c);
    out.push_back(ItemEnd);
}

void appendExactValues(std::string& out, ExactOffsets& at, analysis::PivotValueReader& reader,
                       const hatchet::WorkerView& worker) {
    for (int key = 0; key < analysis::PivotKeyCount; ++key) {
        at[std::size_t(key)] = out.size();
        out.push_back(ItemEnd);
        for (const std::string_view value : reader.read(worker, analysis::PivotKey(key)))
            appendExact(out, value);
    }
    at.back() = out.size();
}

void fillSlots(WorkerIndexEntry& entry, const std::vector<hatchet::SlotCapacity>& capacities) {
    if (capacities.empty())
        return;
    bool allFull = true;
    for (const auto& capacity : capacities) {
        if (capacity.available && *capacity.available > 0)
            entry.anySlotFree = true;
        // A missing `available` is unknown: it neither frees nor fills.
        if (!capacity.available || *capacity.available > 0)
            allFull = false;
    }
    entry.allSlotsFull = allFull;
}

} // namespace

std::string exactNeedle(const QString& value) {
    std::string out(1, ItemEnd);
    appendExact(out, value.toStdString());
    return out;
}

std::string foldForSearch(const QString& text) {
    std::string out;
    out.reserve(static_cast<std::size_t>(text.size()));
    appendFolded(out, text);
    return out;
}

WorkerIndex::WorkerIndex(const hatchet::Snapshot& snapshot)
    : m_document(snapshot.document) {
    const std::size_t count = snapshot.workers.size();
    std::vector<Offsets> offsets(count);
    std::vector<ExactOffsets> exactOffsets(count);
    analysis::PivotValueReader reader;
    m_entries.resize(count);
    m_text.reserve(count * 512);
    m_fields.reserve(count * 192);
    for (std::size_t i = 0; i < count; ++i) {
        const hatchet::WorkerView worker = snapshot.worker(i);
        Offsets& at = offsets[i];
        std::string& f = m_fields;
        const auto field = [&](Boundary begin, const QString& value) {
            at[begin] = f.size();
            appendFolded(f, value);
            at[begin + 1] = f.size();
        };
        field(NameBegin, worker.displayName());
        field(IdBegin, worker.id());
        at[LabelsBegin] = f.size();
        for (const auto& label : worker.labels()) {
            f.push_back(LabelKey);
            appendFolded(f, label.key);
            f.push_back(LabelValue);
            appendFolded(f, label.value);
            f.push_back(ItemEnd);
        }
        at[LabelsEnd] = f.size();
        field(StatusBegin, worker.status());
        field(TypeBegin, worker.type());
        field(SdkBegin, worker.runtimeInfo().language);
        field(DispatcherBegin, worker.dispatcherId());
        const std::vector<hatchet::SlotCapacity> capacities = worker.slotCapacities();
        at[SlotTypesBegin] = f.size();
        if (!capacities.empty())
            f.push_back(ItemEnd);
        for (const hatchet::SlotCapacity& capacity : capacities) {
            appendFolded(f, capacity.slotType);
            f.push_back(ItemEnd);
        }
        at[SlotTypesEnd] = f.size();
        appendExactValues(m_exact, exactOffsets[i], reader, worker);

        std::string& t = m_text;
        at[TextBegin] = t.size();
        t.append(f, at[NameBegin], at[NameEnd] - at[NameBegin]);
        t.push_back(ItemEnd);
        t.append(f, at[IdBegin], at[LabelsEnd] - at[IdBegin]); // id, then the labels
        t.push_back(ItemEnd); // a word never spans the id (or last label) and the first action
        at[ActionsBegin] = t.size();
        for (const QString& action : worker.actions()) {
            appendFolded(t, action);
            t.push_back(ItemEnd);
        }
        at[WorkflowsBegin] = t.size();
        for (const auto& workflow : worker.registeredWorkflows()) {
            appendFolded(t, workflow.name);
            t.push_back(ItemEnd);
        }
        at[TextEnd] = t.size();

        WorkerIndexEntry& entry = m_entries[i];
        const hatchet::TimeValue heartbeat = worker.lastHeartbeatAt();
        if (heartbeat.state == hatchet::TimeValue::Valid && !heartbeat.time.never) {
            entry.heartbeat = WorkerIndexEntry::Heartbeat::Known;
            entry.heartbeatMsecs = heartbeat.time.msecsSinceEpoch;
        } else {
            entry.heartbeat = heartbeat.state == hatchet::TimeValue::Malformed
                                  ? WorkerIndexEntry::Heartbeat::Unknown
                                  : WorkerIndexEntry::Heartbeat::Never;
        }
        fillSlots(entry, capacities);
        entry.health = hatchet::healthFacts(worker);
    }
    m_text.shrink_to_fit();
    m_fields.shrink_to_fit();
    m_exact.shrink_to_fit();
    for (std::size_t i = 0; i < count; ++i) {
        const Offsets& at = offsets[i];
        const auto text = [&](Boundary begin, Boundary end) {
            return std::string_view(m_text.data() + at[begin], at[end] - at[begin]);
        };
        const auto field = [&](Boundary begin) {
            return std::string_view(m_fields.data() + at[begin], at[begin + 1] - at[begin]);
        };
        WorkerIndexEntry& entry = m_entries[i];
        entry.text = text(TextBegin, TextEnd);
        entry.actions = text(ActionsBegin, WorkflowsBegin);
        entry.workflows = text(WorkflowsBegin, TextEnd);
        entry.name = field(NameBegin);
        entry.id = field(IdBegin);
        entry.labels = field(LabelsBegin);
        entry.status = field(StatusBegin);
        entry.type = field(TypeBegin);
        entry.sdk = field(SdkBegin);
        entry.dispatcher = field(DispatcherBegin);
        entry.slotTypes = field(SlotTypesBegin);
        for (std::size_t key = 0; key < entry.exact.size(); ++key) {
            const ExactOffsets& exact = exactOffsets[i];
            entry.exact[key] = std::string_view(m_exact.data() + exact[key], exact[key + 1] - exact[key]);
        }
    }
}

bool WorkerIndex::isFor(const hatchet::Snapshot& snapshot) const {
    return m_document == snapshot.document && m_entries.size() == snapshot.workers.size();
}

std::vector<std::size_t> matchingWorkers(const WorkerIndex& index, const Query& query,
                                         qint64 referenceMsecs) {
    std::vector<std::size_t> result;
    for (std::size_t i = 0; i < index.size(); ++i) {
        if (query.matches(index[i], referenceMsecs))
            result.push_back(i);
    }
    return result;
}

std::vector<std::size_t> matchingWorkers(const hatchet::Snapshot& snapshot, const Query& query,
                                         qint64 referenceMsecs) {
    if (query.isEmpty()) { // every worker: no index to build (a plain --list of 10,000 workers saves ~1/3)
        std::vector<std::size_t> all(snapshot.workers.size());
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = i;
        return all;
    }
    return matchingWorkers(WorkerIndex(snapshot), query, referenceMsecs);
}

} // namespace hwi::filter
