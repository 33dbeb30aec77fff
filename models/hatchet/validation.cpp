#include "validation.h"
#include "timestamp.h"

#include <QStringList>

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <span>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hwi::hatchet {

using json::Kind;
using json::NodeId;

namespace {

enum class Type {
    String,
    Uuid,
    DateTime,
    Integer,
    Boolean,
    Enum,
    Object,
    ObjectArray,
    StringArray,
    ObjectMap
};

struct ObjectSchema;

struct Field {
    std::string_view name;
    Type type;
    bool required = false;
    const ObjectSchema* schema = nullptr;       // Object, ObjectArray items, ObjectMap values
    std::span<const std::string_view> values{}; // Enum
    std::string_view enumName{};
    bool allowEmpty = false; // runtimeInfo sends "" for what it does not know
};

struct ObjectSchema {
    std::string_view name;
    std::span<const Field> fields;
};

// The Hatchet spec (api-contracts/openapi/components/schemas/worker.yaml), both schema eras.
constexpr std::string_view WorkerTypes[] = {"SELFHOSTED", "MANAGED", "WEBHOOK"};
constexpr std::string_view WorkerStatuses[] = {"ACTIVE", "INACTIVE", "PAUSED"};
constexpr std::string_view Sdks[] = {"GOLANG", "PYTHON", "TYPESCRIPT", "RUBY"};
constexpr std::string_view StepRunStatuses[] = {"PENDING",   "PENDING_ASSIGNMENT", "ASSIGNED",
                                                "RUNNING",   "SUCCEEDED",          "FAILED",
                                                "CANCELLED", "CANCELLING",         "BACKOFF"};

constexpr Field MetaFields[] = {
    {"id", Type::String, true},
    {"createdAt", Type::DateTime, true},
    {"updatedAt", Type::DateTime, true},
};
constexpr ObjectSchema Meta{"APIResourceMeta", MetaFields};

constexpr Field LabelFields[] = {
    {"metadata", Type::Object, true, &Meta},
    {"key", Type::String, true},
    {"value", Type::String},
};
constexpr ObjectSchema LabelSchema{"WorkerLabel", LabelFields};

constexpr Field SlotFields[] = {
    {"stepRunId", Type::Uuid, true},
    {"actionId", Type::String, true},
    {"startedAt", Type::DateTime},
    {"timeoutAt", Type::DateTime},
    {"workflowRunId", Type::Uuid, true},
    {"status", Type::Enum, false, nullptr, StepRunStatuses, "StepRunStatus"},
};
constexpr ObjectSchema SlotSchema{"SemaphoreSlots", SlotFields};

constexpr Field StepRunFields[] = {
    {"metadata", Type::Object, true, &Meta},
    {"actionId", Type::String, true},
    {"status", Type::Enum, true, nullptr, StepRunStatuses, "StepRunStatus"},
    {"startedAt", Type::DateTime},
    {"finishedAt", Type::DateTime},
    {"cancelledAt", Type::DateTime},
    {"workflowRunId", Type::Uuid, true},
};
constexpr ObjectSchema StepRunSchema{"RecentStepRuns", StepRunFields};

constexpr Field SlotConfigFields[] = {
    {"available", Type::Integer},
    {"limit", Type::Integer, true},
};
constexpr ObjectSchema SlotConfigSchema{"WorkerSlotConfig", SlotConfigFields};

constexpr Field WorkflowFields[] = {
    {"id", Type::Uuid, true},
    {"name", Type::String, true},
};
constexpr ObjectSchema WorkflowSchema{"RegisteredWorkflow", WorkflowFields};

constexpr Field RuntimeFields[] = {
    {"sdkVersion", Type::String},
    {.name = "language",
     .type = Type::Enum,
     .values = Sdks,
     .enumName = "WorkerRuntimeSDKs",
     .allowEmpty = true},
    {"languageVersion", Type::String},
    {"os", Type::String},
    {"runtimeExtra", Type::String},
};
constexpr ObjectSchema RuntimeSchema{"WorkerRuntimeInfo", RuntimeFields};

constexpr Field WorkerFields[] = {
    {"metadata", Type::Object, true, &Meta},
    {"name", Type::String, true},
    {"type", Type::Enum, true, nullptr, WorkerTypes, "WorkerType"},
    {"lastHeartbeatAt", Type::DateTime},
    {"lastListenerEstablished", Type::DateTime},
    {"actions", Type::StringArray},
    {"registeredWorkflows", Type::ObjectArray, false, &WorkflowSchema},
    {"slots", Type::ObjectArray, false, &SlotSchema},
    {"recentStepRuns", Type::ObjectArray, false, &StepRunSchema},
    {"status", Type::Enum, false, nullptr, WorkerStatuses, "WorkerStatus"},
    {"slotConfig", Type::ObjectMap, false, &SlotConfigSchema},
    {"maxRuns", Type::Integer},       // before Feb 2026
    {"availableRuns", Type::Integer}, // before Feb 2026
    {"dispatcherId", Type::Uuid},
    {"labels", Type::ObjectArray, false, &LabelSchema},
    {"webhookUrl", Type::String},
    {"webhookId", Type::Uuid},
    {"runtimeInfo", Type::Object, false, &RuntimeSchema},
};
constexpr ObjectSchema WorkerSchema{"Worker", WorkerFields};

constexpr Field PaginationFields[] = {
    {"current_page", Type::Integer},
    {"next_page", Type::Integer},
    {"num_pages", Type::Integer},
};
constexpr ObjectSchema PaginationSchema{"PaginationResponse", PaginationFields};

constexpr Field ListFields[] = {
    {"pagination", Type::Object, false, &PaginationSchema},
    {"rows", Type::ObjectArray, false, &WorkerSchema},
};
constexpr ObjectSchema ListSchema{"WorkerList", ListFields};

QString expectedName(const Field& field) {
    switch (field.type) {
    case Type::String:
        return QStringLiteral("a string");
    case Type::Uuid:
        return QStringLiteral("a string (uuid)");
    case Type::DateTime:
        return QStringLiteral("a string (date-time)");
    case Type::Integer:
        return QStringLiteral("an integer");
    case Type::Boolean:
        return QStringLiteral("a boolean");
    case Type::Enum:
        return QStringLiteral("a string (%1)").arg(QLatin1String(field.enumName));
    case Type::Object:
    case Type::ObjectMap:
        return QStringLiteral("an object");
    case Type::ObjectArray:
    case Type::StringArray:
        return QStringLiteral("an array");
    }
    return {};
}

bool hasType(const json::Document& doc, NodeId id, const Field& field) {
    const Kind kind = doc.kind(id);
    switch (field.type) {
    case Type::String:
    case Type::Uuid:
    case Type::DateTime:
    case Type::Enum:
        return kind == Kind::String;
    case Type::Integer:
        return kind == Kind::Number;
    case Type::Boolean:
        return kind == Kind::True || kind == Kind::False;
    case Type::Object:
    case Type::ObjectMap:
        return kind == Kind::Object;
    case Type::ObjectArray:
    case Type::StringArray:
        return kind == Kind::Array;
    }
    return false;
}

QString quoted(const QString& text) {
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

// Warns about each member whose key repeats an earlier one in the same object (both are kept).
class DuplicateKeys {
public:
    explicit DuplicateKeys(const json::Document& doc)
        : m_doc(doc) {}

    void check(NodeId object, std::vector<Problem>& out) {
        if (m_doc.kind(object) != Kind::Object) // before childCount(), which reads the block table
            return;
        const std::uint32_t count = m_doc.childCount(object);
        if (count < 2)
            return;
        const NodeId first = m_doc.child(object, 0);
        bool escaped = false;
        for (std::uint32_t i = 0; i < std::min(count, Small) && !escaped; ++i)
            escaped = m_doc.keyHasEscapes(first + i);
        if (count <= Small && !escaped) { // the common case: pairwise, no allocation
            // Keys are read only where the node table's sketches match: a key's text is a cache miss. A
            // bit for each sketch seen (hashed to 256) spares comparing a sketch with all before it.
            std::array<std::uint16_t, Small> sketches;
            std::array<std::uint64_t, 4> seenSketches{};
            for (std::uint32_t i = 0; i < count; ++i) {
                sketches[i] = m_doc.keySketch(first + i);
                const unsigned bit = (sketches[i] * 40503u >> 8) & 0xFF;
                if (!(seenSketches[bit / 64] & (std::uint64_t(1) << (bit % 64)))) {
                    seenSketches[bit / 64] |= std::uint64_t(1) << (bit % 64);
                    continue;
                }
                for (std::uint32_t j = 0; j < i; ++j) {
                    if (sketches[i] == sketches[j] && m_doc.rawKey(first + i) == m_doc.rawKey(first + j)) {
                        report(first + i, first + j, out);
                        break;
                    }
                }
            }
            return;
        }
        m_seen.clear();
        for (std::uint32_t i = 0; i < count; ++i) {
            const auto [it, inserted] = m_seen.emplace(m_doc.keyView(first + i, m_scratch), first + i);
            if (!inserted)
                report(first + i, it->second, out);
        }
    }

    // Every object in the value, at any depth.
    void checkAll(NodeId value, std::vector<Problem>& out) {
        if (!m_doc.isContainer(value))
            return;
        check(value, out);
        for (std::uint32_t i = 0; i < m_doc.childCount(value); ++i)
            checkAll(m_doc.child(value, i), out);
    }

private:
    static constexpr std::uint32_t Small = 24;

    void report(NodeId member, NodeId first, std::vector<Problem>& out) const {
        const json::TextPosition at = m_doc.position(first);
        out.push_back({Severity::Warning, m_doc.pointer(member), member,
                       QStringLiteral("duplicate key %1 (first at line %2, column %3); both are kept")
                           .arg(quoted(m_doc.key(member)))
                           .arg(at.line)
                           .arg(at.column)});
    }

    const json::Document& m_doc;
    std::string m_scratch;
    std::unordered_map<std::string, NodeId> m_seen;
};

// Checks objects against their schemas, and every object it meets, described or not, for duplicate keys
// (while its members are in cache); finish() hands over what it found.
class Validator {
public:
    // skipElementsOf: an array whose elements another Validator checks (a list's rows, split in ranges).
    Validator(const json::Document& doc, std::vector<Problem>& out, NodeId skipElementsOf = json::NoNode)
        : m_doc(doc)
        , m_out(out)
        , m_skipElementsOf(skipElementsOf)
        , m_duplicateKeys(doc) {}

    // The duplicate keys go after the rest: an earlier duplicate's value takes back what the schema said of
    // it (takeBack), not the duplicate keys within it, which the document holds all the same.
    void finish() {
        m_out.insert(m_out.end(), std::make_move_iterator(m_duplicates.begin()),
                     std::make_move_iterator(m_duplicates.end()));
        m_duplicates.clear();
    }

    void object(NodeId id, const ObjectSchema& schema) {
        static_assert(std::size(WorkerFields) <= 32, "one bit a field");
        // Forward, as the text lies: a large document is read from memory, and its members in order about
        // a third faster than backwards. Of duplicate keys the last one counts (as for Hatchet's Go
        // decoder): a key seen again takes back what its earlier value added to the problems.
        // Not zeroed (an object's every call, a tenth of validation): a field's range is read only once
        // its bit is in seen.
        struct Added {
            std::size_t from, to; // in m_out
        };
        std::array<Added, 32> added;
        std::uint32_t seen = 0;
        std::uint32_t nulls = 0;
        const std::uint32_t count = m_doc.childCount(id);
        const NodeId first = count ? m_doc.child(id, 0) : json::NoNode;
        m_duplicateKeys.check(id, m_duplicates);
        for (NodeId member = first; member < first + count; ++member) {
            const std::size_t field = find(schema, m_doc.keyView(member, m_scratch));
            if (field == schema.fields.size()) {
                add(Severity::Info, member,
                    QStringLiteral("unknown field %1 (not in the %2 schema; kept)")
                        .arg(quoted(m_doc.key(member)), QLatin1String(schema.name)));
                m_duplicateKeys.checkAll(member, m_duplicates);
                continue;
            }
            const std::uint32_t bit = 1u << field;
            if (seen & bit)
                takeBack(added, seen, field);
            seen |= bit;
            nulls = m_doc.kind(member) == Kind::Null ? nulls | bit : nulls & ~bit;
            added[field].from = m_out.size();
            value(member, schema.fields[field]);
            added[field].to = m_out.size();
        }
        for (std::size_t f = 0; f < schema.fields.size(); ++f) {
            const Field& field = schema.fields[f];
            if (!field.required)
                continue;
            if (!(seen & (1u << f)))
                addMissing(id, field.name);
            else if (nulls & (1u << f))
                add(Severity::Error, m_doc.member(id, field.name),
                    QStringLiteral("required field %1 is null").arg(fieldName(field)));
        }
    }

private:
    void value(NodeId id, const Field& field) {
        if (m_doc.kind(id) == Kind::Null)
            return; // optional and null: treated as absent; required-and-null is reported by object()
        if (!hasType(m_doc, id, field)) {
            add(Severity::Error, id,
                QStringLiteral("%1 should be %2, found %3")
                    .arg(fieldName(field), expectedName(field), json::kindName(m_doc.kind(id))));
            m_duplicateKeys.checkAll(id, m_duplicates);
            return;
        }
        switch (field.type) {
        case Type::Uuid: {
            if (!isUuid(m_doc.stringView(id, m_scratch)))
                add(Severity::Warning, id,
                    QStringLiteral("%1 is not a valid uuid: %2")
                        .arg(fieldName(field), quoted(m_doc.text(id))));
            break;
        }
        case Type::DateTime:
            if (!isRfc3339(m_doc.stringView(id, m_scratch)))
                add(Severity::Warning, id,
                    QStringLiteral("%1 is not an RFC 3339 date-time: %2")
                        .arg(fieldName(field), quoted(m_doc.text(id))));
            break;
        case Type::Enum: {
            const std::string_view text = m_doc.stringView(id, m_scratch);
            if (text.empty() && field.allowEmpty)
                break;
            if (std::find(field.values.begin(), field.values.end(), text) == field.values.end()) {
                QStringList known;
                for (const std::string_view v : field.values)
                    known.append(QString::fromLatin1(v.data(), qsizetype(v.size())));
                add(Severity::Warning, id,
                    QStringLiteral("unknown %1 value %2 (known: %3); shown as written")
                        .arg(QLatin1String(field.enumName), quoted(m_doc.text(id)),
                             known.join(QLatin1String(", "))));
            }
            break;
        }
        case Type::Integer: {
            // 1.0 and 5e2 are integers to JSON Schema; 1.5 is not.
            const std::string_view raw = m_doc.rawScalar(id);
            double value = 0;
            std::from_chars(raw.data(), raw.data() + raw.size(), value);
            if (raw.find_first_of(".eE") != std::string_view::npos && std::floor(value) != value)
                add(Severity::Warning, id,
                    QStringLiteral("%1 should be an integer, found %2")
                        .arg(fieldName(field), QString::fromUtf8(raw.data(), qsizetype(raw.size()))));
            break;
        }
        case Type::Object:
            object(id, *field.schema);
            break;
        case Type::ObjectMap:
            m_duplicateKeys.check(id, m_duplicates); // the map's own keys
            for (std::uint32_t i = 0; i < m_doc.childCount(id); ++i)
                element(m_doc.child(id, i), *field.schema);
            break;
        case Type::ObjectArray:
            if (id == m_skipElementsOf)
                break;
            for (std::uint32_t i = 0; i < m_doc.childCount(id); ++i)
                element(m_doc.child(id, i), *field.schema);
            break;
        case Type::StringArray:
            for (std::uint32_t i = 0; i < m_doc.childCount(id); ++i) {
                const NodeId item = m_doc.child(id, i);
                if (m_doc.kind(item) != Kind::String) {
                    add(Severity::Error, item,
                        QStringLiteral("items of %1 should be strings, found %2")
                            .arg(fieldName(field), json::kindName(m_doc.kind(item))));
                    m_duplicateKeys.checkAll(item, m_duplicates);
                }
            }
            break;
        case Type::String:
        case Type::Boolean:
            break;
        }
    }

public:
    void element(NodeId id, const ObjectSchema& schema) {
        if (m_doc.kind(id) == Kind::Object) {
            object(id, schema);
            return;
        }
        add(Severity::Error, id,
            QStringLiteral("expected a %1 object, found %2")
                .arg(QLatin1String(schema.name), json::kindName(m_doc.kind(id))));
        m_duplicateKeys.checkAll(id, m_duplicates);
    }

private:
    // An earlier value of a duplicated key does not count: what it added to the problems goes, and what
    // later fields added moves up.
    template <typename Ranges> void takeBack(Ranges& added, std::uint32_t seen, std::size_t field) {
        const auto [from, to] = added[field];
        m_out.erase(m_out.begin() + std::ptrdiff_t(from), m_out.begin() + std::ptrdiff_t(to));
        for (std::uint32_t rest = seen; rest; rest &= rest - 1) {
            auto& range = added[std::size_t(std::countr_zero(rest))];
            if (range.from >= to) {
                range.from -= to - from;
                range.to -= to - from;
            }
        }
    }

    // Index of the field with this key, or fields.size() when the schema has none.
    static std::size_t find(const ObjectSchema& schema, std::string_view key) {
        for (std::size_t i = 0; i < schema.fields.size(); ++i) {
            // Length and first byte before memcmp: most fields differ there (schema names are never empty).
            const std::string_view name = schema.fields[i].name;
            if (name.size() == key.size() && name.front() == key.front() && name == key)
                return i;
        }
        return schema.fields.size();
    }

    static QString fieldName(const Field& field) {
        return quoted(QString::fromLatin1(field.name.data(), qsizetype(field.name.size())));
    }

    void add(Severity severity, NodeId node, const QString& message) {
        m_out.push_back({severity, m_doc.pointer(node), node, message});
    }

    void addMissing(NodeId object, std::string_view name) {
        const QString field = QString::fromLatin1(name.data(), qsizetype(name.size()));
        m_out.push_back({Severity::Error, m_doc.pointer(object) + QLatin1Char('/') + field, object,
                         QStringLiteral("required field %1 is missing").arg(quoted(field))});
    }

    const json::Document& m_doc;
    std::vector<Problem>& m_out;
    NodeId m_skipElementsOf;
    std::string m_scratch; // unescaped text of the rare escaped string
    DuplicateKeys m_duplicateKeys;
    std::vector<Problem> m_duplicates;
};

} // namespace

QString severityName(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

#if defined(__SSE2__)
namespace {
// Bit i set for each byte of the 16 at `p` that is a hex digit, and for each that is '-'.
std::pair<unsigned, unsigned> hexAndDashBits(const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i digit = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    const __m128i letter = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    // Unsigned x <= n as min(x, n) == x.
    const __m128i isDigit = _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit);
    const __m128i isLetter = _mm_cmpeq_epi8(_mm_min_epu8(letter, _mm_set1_epi8(5)), letter);
    return {unsigned(_mm_movemask_epi8(_mm_or_si128(isDigit, isLetter))),
            unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('-'))))};
}
} // namespace
#endif

bool isUuid(std::string_view t) {
    if (t.size() != 36)
        return false;
#if defined(__SSE2__)
    // Checked by the hundred thousand: bytes 0-15, 16-31 and 20-35, 16 at a time. Dashes at 8, 13, 18, 23.
    constexpr unsigned All = 0xffff;
    constexpr unsigned Dashes0 = (1u << 8) | (1u << 13), Dashes16 = (1u << 2) | (1u << 7), Dashes20 = 1u << 3;
    const auto [hex0, dash0] = hexAndDashBits(t.data());
    const auto [hex16, dash16] = hexAndDashBits(t.data() + 16);
    const auto [hex20, dash20] = hexAndDashBits(t.data() + 20);
    return dash0 == Dashes0 && hex0 == (All & ~Dashes0) && dash16 == Dashes16 && hex16 == (All & ~Dashes16) &&
           dash20 == Dashes20 && hex20 == (All & ~Dashes20);
#else
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto c = static_cast<unsigned char>(t[i]);
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (dash ? c != '-' : !hex)
            return false;
    }
    return true;
#endif
}

void validateWorker(const json::Document& doc, NodeId worker, std::vector<Problem>& out) {
    Validator validator(doc, out);
    validator.object(worker, WorkerSchema);
    validator.finish();
}

void validateWorkerList(const json::Document& doc, NodeId list, std::vector<Problem>& out) {
    Validator validator(doc, out);
    validator.object(list, ListSchema);
    validator.finish();
}

void validateWorkerListEnvelope(const json::Document& doc, NodeId list, NodeId rows,
                                std::vector<Problem>& out) {
    Validator validator(doc, out, rows);
    validator.object(list, ListSchema);
    validator.finish();
}

void validateWorkers(const json::Document& doc, NodeId array, std::uint32_t from, std::uint32_t to,
                     std::vector<Problem>& out, const std::function<void(NodeId)>& afterEach) {
    Validator validator(doc, out);
    for (std::uint32_t i = from; i < to; ++i) {
        const NodeId worker = doc.child(array, i);
        validator.element(worker, WorkerSchema);
        if (afterEach && doc.kind(worker) == Kind::Object)
            afterEach(worker);
    }
    validator.finish();
}

void findDuplicateKeys(const json::Document& doc, std::vector<Problem>& out) {
    findDuplicateKeys(doc, 0, static_cast<NodeId>(doc.nodeCount()), out);
}

void findDuplicateKeys(const json::Document& doc, NodeId from, NodeId to, std::vector<Problem>& out) {
    DuplicateKeys duplicates(doc);
    for (NodeId id = from; id < to; ++id)
        duplicates.check(id, out);
}

void validateWorkerArray(const json::Document& doc, NodeId array, std::vector<Problem>& out) {
    validateWorkers(doc, array, 0, doc.childCount(array), out);
}

} // namespace hwi::hatchet
