#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hwi::filter {

struct WorkerIndexEntry;

// Where and why a query does not parse. position: 0-based character (UTF-16) offset in the query.
struct QueryError {
    int position = 0;
    QString message;

    QString toString() const; // "column N: message" (N = position + 1)
    friend bool operator==(const QueryError&, const QueryError&) = default;
};

// What a comparison says about a row (analysis::diffSnapshots): its change (an analysis::ChangeKind,
// -1 for none or outside a comparison) and the changed field families (a bit per
// analysis::changeFamilies() entry). `change:` and `changed:` terms read it.
struct ChangeFacts {
    int kind = -1;
    quint32 families = 0;
};

// A parsed filter query (see README "Filtering"): bare words and field:value terms, ANDed; `a,b` ORs
// values, `-` negates a term, "quotes" hold spaces. Immutable and cheap to copy (shared terms). A
// default-constructed or empty query matches every worker.
class Query final {
public:
    static std::variant<Query, QueryError> parse(const QString& text);
    // The field names the language knows, in the order error messages list them.
    static QStringList fieldNames();
    // The values `health:` accepts: the state ids in severity order, then "unhealthy".
    static QStringList healthValues();
    // The values `schedulable:` accepts: yes, no.
    static QStringList schedulableValues();
    // The fields that take the exact form FIELD:=VALUE: the `--by` keys (analysis::pivotKeyIds()).
    static QStringList exactFieldNames();
    // The term that keeps the workers carrying exactly `value` of a `--by` key, as a pivot row counts
    // them: `action:=etl:load`, `sdk:="PYTHON 1.12.0"` (quoted when it holds a space, comma or nothing at
    // all). nullopt for a value the language cannot write (one holding '"', or a control character).
    static std::optional<QString> exactTerm(const QString& field, const QString& value);

    Query() = default;

    bool isEmpty() const { return !m_terms || m_terms->empty(); }
    // Advice about a query that parses but likely does not mean what it says, found at parse time, e.g.
    // "unknown status 'activ' (known: ACTIVE, INACTIVE, PAUSED)". The query still applies as typed (a
    // newer server may send values this build does not know).
    const QStringList& hints() const { return m_hints; }
    // Whether the result depends on the reference time (a heartbeat or health term).
    bool usesReferenceTime() const;
    // What a Hatchet server can filter a tenant's list by without losing a worker this query matches: the
    // first non-negated `status:` term whose values are all statuses the server knows (`statuses=`, ORed
    // like the term's values) and every non-negated single-valued `label:key=value` term (`labels=`, which
    // the server ANDs). Values as typed; anything else stays a local filter.
    struct ServerFilters {
        QStringList statuses; // upper case: ACTIVE, PAUSED, INACTIVE
        QStringList labels;   // key:value
    };
    ServerFilters serverFilters() const;

    using ChangeFacts = filter::ChangeFacts;
    // The values `change:` accepts (analysis::changeKindId): appeared, gone, replaced, changed.
    static QStringList changeValues();
    // Whether some term is `change:` or `changed:`.
    bool usesChange() const;
    // Whether every worker this query matches is sure to be matched by `before` too (typing one more
    // letter of a word, adding a term), so a filter can test only what `before` accepted. False when unsure,
    // and for change: and verdict: terms, whose answers come from outside the index.
    bool narrows(const Query& before) const;

    // referenceMsecs: capture time or now, ms since epoch. change: what a comparison says of the row.
    // verdict: the worker's analysis::Verdict in the "Can it run?" placement, NoVerdict without one (then
    // `verdict:` terms match nothing). No allocation.
    static constexpr int NoVerdict = -1;
    bool matches(const WorkerIndexEntry& worker, qint64 referenceMsecs, const ChangeFacts& change = {},
                 int verdict = NoVerdict) const;
    // A row no index entry describes (a worker gone since the older snapshot): only `change:` and
    // `changed:` terms decide; every other term lets it pass, as gone rows always have.
    bool matchesGone(const ChangeFacts& change) const;
    // Whether a `verdict:` term needs a placement (the worker index does not hold one).
    bool usesVerdict() const;

    // The parsed form, public for the parser and tests.
    struct Alternative {
        enum Op : quint8 {
            Contains,
            Equals,
            Exact, // some value of the pivot key `pivotKey` is exactly the needle (exactNeedle)
            SlotsFree,
            SlotsFull,
            OlderThan,
            NewerThan,
            Health,
            Schedulable, // analysis::isSchedulable at the reference time
            NotSchedulable,
            Change,  // the row's change kind is one of `changeBits` (bit per analysis::ChangeKind)
            Changed, // the row's changed families include one of `changeBits`
            Verdict, // the worker's placement verdict is one of `verdicts`
        };
        Op op = Contains;
        std::string needle; // folded (foldForSearch) for Contains and Equals; exactNeedle for Exact
        qint64 msecs = 0;   // OlderThan / NewerThan
        QString typed;      // the value as typed (quotes removed), for what goes to a server
        // Health: some state of the worker's is one of these (hatchet::HealthStates).
        quint16 healthStates = 0;
        quint8 pivotKey = 0; // Exact: an analysis::PivotKey
        quint32 changeBits = 0;
        quint8 verdicts = 0; // Verdict: bit (1 << analysis::Verdict)
    };
    struct Term {
        std::string_view WorkerIndexEntry::*field = nullptr; // the haystack of Contains / Equals
        bool negated = false;
        bool exact = false;                    // FIELD:=VALUE
        std::vector<Alternative> alternatives; // ORed
        QString fieldName;                     // as the language names it ("status", "label"); "" for a word
        int start = 0;                         // where the term stands in the text (the '-' included)
        int length = 0;
    };
    explicit Query(std::vector<Term> terms, QStringList hints = {});
    const std::vector<Term>& terms() const;

private:
    std::shared_ptr<const std::vector<Term>> m_terms;
    QStringList m_hints;
};

} // namespace hwi::filter
