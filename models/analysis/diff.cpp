#include "diff.h"

#include "export/jsonwriter.h"

#include <QHash>
#include <QSet>

#include <deque>
#include <utility>

namespace hwi::analysis {

namespace {

using hatchet::WorkerView;
using json::Document;
using json::Kind;
using json::NodeId;

using Fields = std::vector<std::pair<QString, QString>>; // field, value; in field order

// A value as the diff shows it: a string's text, a number or literal as written, a container as compact
// JSON; "" for null or absent (an empty string is the same as a missing member).
QString valueText(const Document& document, NodeId node) {
    if (node == json::NoNode)
        return {};
    switch (document.kind(node)) {
    case Kind::Null:
        return {};
    case Kind::String:
        return document.text(node);
    case Kind::Array:
    case Kind::Object:
        return QString::fromUtf8(exporting::toJson(document, node, exporting::Style::Compact));
    default:
        return QString::fromUtf8(document.rawScalar(node));
    }
}

NodeId objectMember(const Document& document, NodeId object, std::string_view key) {
    if (object == json::NoNode || document.kind(object) != Kind::Object)
        return json::NoNode;
    return document.member(object, key);
}

// A worker flattened into what is compared, each part in field order.
struct Flat {
    Fields scalars; // name … runtimeInfo/runtimeExtra
    Fields slots;   // slotConfig/TYPE/limit, slotConfig/TYPE/available; old era maxRuns, availableRuns
    Fields labels;  // labels/KEY
    QStringList actions;
    QStringList workflows;
    bool hasWorkflows = false; // lists never send registeredWorkflows: absent is "not sent", not "none"
    Fields volatiles;          // with every field: lastHeartbeatAt … recentStepRuns
};

Flat flatten(const WorkerView& worker, bool allFields) {
    const Document& doc = worker.document();
    const NodeId node = worker.node();
    Flat flat;
    for (const char* field : {"name", "type", "status", "dispatcherId", "webhookUrl"})
        flat.scalars.emplace_back(QLatin1String(field), valueText(doc, objectMember(doc, node, field)));
    const NodeId runtime = objectMember(doc, node, "runtimeInfo");
    for (const char* field : {"language", "languageVersion", "sdkVersion", "os", "runtimeExtra"}) {
        flat.scalars.emplace_back(QStringLiteral("runtimeInfo/") + QLatin1String(field),
                                  valueText(doc, objectMember(doc, runtime, field)));
    }
    const NodeId config = objectMember(doc, node, "slotConfig");
    if (config != json::NoNode && doc.kind(config) == Kind::Object) {
        for (std::uint32_t i = 0; i < doc.childCount(config); ++i) {
            const NodeId entry = doc.child(config, i);
            const QString prefix = QStringLiteral("slotConfig/") + doc.key(entry) + QLatin1Char('/');
            flat.slots.emplace_back(prefix + QStringLiteral("limit"),
                                    valueText(doc, objectMember(doc, entry, "limit")));
            flat.slots.emplace_back(prefix + QStringLiteral("available"),
                                    valueText(doc, objectMember(doc, entry, "available")));
        }
    }
    for (const char* field : {"maxRuns", "availableRuns"})
        flat.slots.emplace_back(QLatin1String(field), valueText(doc, objectMember(doc, node, field)));
    for (const hatchet::LabelText& label : worker.labelTexts()) {
        flat.labels.emplace_back(QStringLiteral("labels/") + label.key,
                                 label.hasValue ? label.value : QStringLiteral("(no value)"));
    }
    flat.actions = worker.actions();
    const NodeId workflows = objectMember(doc, node, "registeredWorkflows");
    flat.hasWorkflows = workflows != json::NoNode && doc.kind(workflows) != Kind::Null;
    for (const hatchet::RegisteredWorkflow& workflow : worker.registeredWorkflows())
        flat.workflows << workflow.name;
    if (allFields) {
        flat.volatiles.emplace_back(QStringLiteral("lastHeartbeatAt"),
                                    valueText(doc, objectMember(doc, node, "lastHeartbeatAt")));
        flat.volatiles.emplace_back(
            QStringLiteral("metadata/updatedAt"),
            valueText(doc, objectMember(doc, objectMember(doc, node, "metadata"), "updatedAt")));
        for (const char* field : {"lastListenerEstablished", "slots", "recentStepRuns"})
            flat.volatiles.emplace_back(QLatin1String(field), valueText(doc, objectMember(doc, node, field)));
    }
    return flat;
}

// Keyed fields: the new side's order, then fields only the old side has, in its order.
void compareFields(const Fields& oldFields, const Fields& newFields, std::vector<FieldChange>& out) {
    QHash<QString, QString> oldValues;
    for (const auto& [field, value] : oldFields)
        oldValues.insert(field, value);
    QSet<QString> seen;
    for (const auto& [field, value] : newFields) {
        seen.insert(field);
        const QString before = oldValues.value(field);
        if (before != value)
            out.push_back({field, before, value});
    }
    for (const auto& [field, value] : oldFields) {
        if (!seen.contains(field) && !value.isEmpty())
            out.push_back({field, value, QString()});
    }
}

// Sets: one line per added member (new order), then per removed member (old order).
void compareSets(const QString& field, const QStringList& oldMembers, const QStringList& newMembers,
                 std::vector<FieldChange>& out) {
    const QSet<QString> before(oldMembers.begin(), oldMembers.end());
    const QSet<QString> after(newMembers.begin(), newMembers.end());
    QSet<QString> listed;
    for (const QString& member : newMembers) {
        if (!before.contains(member) && !listed.contains(member)) {
            listed.insert(member);
            out.push_back({field, QString(), member});
        }
    }
    for (const QString& member : oldMembers) {
        if (!after.contains(member) && !listed.contains(member)) {
            listed.insert(member);
            out.push_back({field, member, QString()});
        }
    }
}

// The source text of a value, from its first byte to its last: a container ends at the closer after its
// last child (or after its opener when empty), past whitespace only, as the document parsed.
std::string_view sourceText(const Document& document, NodeId node) {
    const char* const source = document.source().constData();
    const std::uint32_t start = document.offset(node);
    NodeId last = node;
    std::uint32_t end = 0;
    int closers = 0; // containers whose closer follows
    for (;;) {
        if (!document.isContainer(last)) {
            end = document.offset(last) + static_cast<std::uint32_t>(document.rawScalar(last).size());
            break;
        }
        ++closers;
        if (document.childCount(last) == 0) {
            end = document.offset(last) + 1;
            break;
        }
        last = document.child(last, document.childCount(last) - 1);
    }
    for (; closers > 0; --closers) {
        while (source[end] != '}' && source[end] != ']')
            ++end; // whitespace
        ++end;
    }
    return {source + start, end - start};
}

std::vector<FieldChange> compareWorkers(const WorkerView& oldWorker, const WorkerView& newWorker,
                                        const DiffOptions& options) {
    // Everything compared is a function of the worker's own text: the same bytes cannot differ. Most
    // workers of two captures a minute apart are unchanged, and this spares flattening them.
    if (sourceText(oldWorker.document(), oldWorker.node()) ==
        sourceText(newWorker.document(), newWorker.node()))
        return {};
    const Flat before = flatten(oldWorker, options.allFields);
    const Flat after = flatten(newWorker, options.allFields);
    std::vector<FieldChange> changes;
    compareFields(before.scalars, after.scalars, changes);
    compareFields(before.slots, after.slots, changes);
    compareFields(before.labels, after.labels, changes);
    compareSets(QStringLiteral("actions"), before.actions, after.actions, changes);
    if (before.hasWorkflows && after.hasWorkflows)
        compareSets(QStringLiteral("registeredWorkflows"), before.workflows, after.workflows, changes);
    compareFields(before.volatiles, after.volatiles, changes);
    return changes;
}

// Pairs workers by id (the k-th occurrence of an id with the k-th, should a document repeat one).
struct Matching {
    std::vector<std::optional<std::size_t>> oldFor; // per new position: the old position it matches
    std::vector<bool> oldMatched;
};

Matching matchById(const std::vector<QString>& oldIds, const std::vector<QString>& newIds) {
    QHash<QString, std::deque<std::size_t>> unmatched;
    for (std::size_t i = 0; i < oldIds.size(); ++i) {
        if (!oldIds[i].isEmpty())
            unmatched[oldIds[i]].push_back(i);
    }
    Matching matching;
    matching.oldFor.resize(newIds.size());
    matching.oldMatched.assign(oldIds.size(), false);
    for (std::size_t i = 0; i < newIds.size(); ++i) {
        auto found = unmatched.find(newIds[i]);
        if (newIds[i].isEmpty() || found == unmatched.end() || found->empty())
            continue;
        matching.oldFor[i] = found->front();
        matching.oldMatched[found->front()] = true;
        found->pop_front();
    }
    return matching;
}

} // namespace

QString changeSymbol(ChangeKind kind) {
    static const char* const Symbols[] = {"+", "-", "=", "~"};
    return QLatin1String(Symbols[int(kind)]);
}

QString changeKindId(ChangeKind kind) {
    static const char* const Ids[] = {"appeared", "gone", "replaced", "changed"};
    return QLatin1String(Ids[int(kind)]);
}

bool WorkerChange::changedFamily(const QString& family) const {
    for (const FieldChange& change : fields) {
        if (change.field.section(QLatin1Char('/'), 0, 0) == family)
            return true;
    }
    return false;
}

std::uint32_t WorkerChange::changedFamilyBits() const {
    static const QStringList families = changeFamilies();
    std::uint32_t bits = 0;
    for (const FieldChange& change : fields) {
        const qsizetype family = families.indexOf(change.field.section(QLatin1Char('/'), 0, 0));
        if (family >= 0)
            bits |= 1u << family;
    }
    return bits;
}

QString SnapshotDiff::summary() const {
    QStringList parts;
    const std::pair<int, const char*> counts[] = {
        {appeared, "appeared"}, {gone, "gone"}, {replaced, "replaced"}, {changed, "changed"}};
    for (const auto& [count, word] : counts) {
        if (count)
            parts << QStringLiteral("%1 %2").arg(count).arg(QLatin1String(word));
    }
    return parts.isEmpty() ? QStringLiteral("no changes") : parts.join(QStringLiteral(", "));
}

QStringList changeFamilies() {
    return {QStringLiteral("name"),
            QStringLiteral("type"),
            QStringLiteral("status"),
            QStringLiteral("dispatcherId"),
            QStringLiteral("webhookUrl"),
            QStringLiteral("runtimeInfo"),
            QStringLiteral("slotConfig"),
            QStringLiteral("maxRuns"),
            QStringLiteral("availableRuns"),
            QStringLiteral("labels"),
            QStringLiteral("actions"),
            QStringLiteral("registeredWorkflows"),
            QStringLiteral("lastHeartbeatAt"),
            QStringLiteral("metadata"),
            QStringLiteral("lastListenerEstablished"),
            QStringLiteral("slots"),
            QStringLiteral("recentStepRuns")};
}

SnapshotDiff diffSnapshots(const hatchet::Snapshot& oldSnapshot, const std::vector<std::size_t>& oldWorkers,
                           const hatchet::Snapshot& newSnapshot, const std::vector<std::size_t>& newWorkers,
                           DiffOptions options) {
    std::vector<QString> oldIds, newIds, oldNames, newNames;
    for (const std::size_t index : oldWorkers) {
        const WorkerView worker = oldSnapshot.worker(index);
        oldIds.push_back(worker.id());
        oldNames.push_back(worker.name());
    }
    for (const std::size_t index : newWorkers) {
        const WorkerView worker = newSnapshot.worker(index);
        newIds.push_back(worker.id());
        newNames.push_back(worker.name());
    }
    Matching matching = matchById(oldIds, newIds);

    // Replacements: a name that exactly one unmatched old and one unmatched new worker carry.
    QHash<QString, int> goneByName, appearedByName;
    QHash<QString, std::size_t> goneAt;
    for (std::size_t i = 0; i < oldIds.size(); ++i) {
        if (!matching.oldMatched[i] && !oldNames[i].isEmpty()) {
            ++goneByName[oldNames[i]];
            goneAt.insert(oldNames[i], i);
        }
    }
    for (std::size_t i = 0; i < newIds.size(); ++i) {
        if (!matching.oldFor[i] && !newNames[i].isEmpty())
            ++appearedByName[newNames[i]];
    }
    std::vector<bool> replacedAt(newIds.size(), false);
    for (std::size_t i = 0; i < newIds.size(); ++i) {
        const QString& name = newNames[i];
        if (!matching.oldFor[i] && !name.isEmpty() && appearedByName.value(name) == 1 &&
            goneByName.value(name) == 1) {
            const std::size_t old = goneAt.value(name);
            matching.oldFor[i] = old;
            matching.oldMatched[old] = true;
            replacedAt[i] = true;
        }
    }

    SnapshotDiff diff;
    for (std::size_t i = 0; i < newIds.size(); ++i) {
        WorkerChange change;
        change.id = newIds[i];
        change.name = newNames[i];
        change.newIndex = newWorkers[i];
        if (!matching.oldFor[i]) {
            change.kind = ChangeKind::Appeared;
            ++diff.appeared;
        } else {
            const std::size_t old = *matching.oldFor[i];
            change.oldIndex = oldWorkers[old];
            change.fields = compareWorkers(oldSnapshot.worker(oldWorkers[old]),
                                           newSnapshot.worker(newWorkers[i]), options);
            if (replacedAt[i]) {
                change.kind = ChangeKind::Replaced;
                change.oldId = oldIds[old];
                ++diff.replaced;
            } else if (change.fields.empty()) {
                continue;
            } else {
                ++diff.changed;
            }
        }
        diff.workers.push_back(std::move(change));
    }
    for (std::size_t i = 0; i < oldIds.size(); ++i) {
        if (matching.oldMatched[i])
            continue;
        WorkerChange change;
        change.kind = ChangeKind::Gone;
        change.id = oldIds[i];
        change.name = oldNames[i];
        change.oldIndex = oldWorkers[i];
        diff.workers.push_back(std::move(change));
        ++diff.gone;
    }
    return diff;
}

} // namespace hwi::analysis
