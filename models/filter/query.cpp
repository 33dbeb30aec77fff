#include "query.h"
#include "substring.h"
#include "workerindex.h"

#include "analysis/diff.h"
#include "analysis/schedulable.h"
#include "hatchet/health.h"

#include <algorithm>
#include <cstring>

namespace hwi::filter {

namespace {

bool isChangeTerm(const Query::Term& term) {
    const Query::Alternative::Op op = term.alternatives.front().op;
    return op == Query::Alternative::Change || op == Query::Alternative::Changed;
}

bool matchesChange(const Query::Alternative& alternative, const Query::ChangeFacts& change) {
    if (alternative.op == Query::Alternative::Change)
        return change.kind >= 0 && (alternative.changeBits >> change.kind & 1u) != 0;
    return (change.families & alternative.changeBits) != 0;
}

bool matchesAlternative(const Query::Term& term, const Query::Alternative& alternative,
                        const WorkerIndexEntry& worker, qint64 referenceMsecs,
                        const Query::ChangeFacts& change, int verdict) {
    using Heartbeat = WorkerIndexEntry::Heartbeat;
    switch (alternative.op) {
    case Query::Alternative::Change:
    case Query::Alternative::Changed:
        return matchesChange(alternative, change);
    case Query::Alternative::Contains:
        return containsBytes(worker.*term.field, alternative.needle);
    case Query::Alternative::Equals:
        return worker.*term.field == std::string_view(alternative.needle);
    case Query::Alternative::Exact:
        return containsBytes(worker.exact[alternative.pivotKey], alternative.needle);
    case Query::Alternative::SlotsFree:
        return worker.anySlotFree;
    case Query::Alternative::SlotsFull:
        return worker.allSlotsFull;
    case Query::Alternative::OlderThan:
        // Never heartbeated: older than anything.
        if (worker.heartbeat != Heartbeat::Known)
            return worker.heartbeat == Heartbeat::Never;
        return referenceMsecs - worker.heartbeatMsecs > alternative.msecs;
    case Query::Alternative::NewerThan:
        return worker.heartbeat == Heartbeat::Known &&
               referenceMsecs - worker.heartbeatMsecs < alternative.msecs;
    case Query::Alternative::Health:
        return (hatchet::healthStates(worker.health, referenceMsecs) & alternative.healthStates) != 0;
    case Query::Alternative::Schedulable:
    case Query::Alternative::NotSchedulable:
        return analysis::isSchedulable(worker.health, referenceMsecs) ==
               (alternative.op == Query::Alternative::Schedulable);
    case Query::Alternative::Verdict:
        return verdict >= 0 && (alternative.verdicts & (1u << verdict)) != 0;
    }
    return false;
}

// Cheap terms first, so a failing one spares the substring searches.
int cost(const Query::Term& term) {
    const Query::Alternative::Op op = term.alternatives.front().op;
    if (op == Query::Alternative::Exact)
        return 2;
    if (op != Query::Alternative::Contains)
        return op == Query::Alternative::Equals ? 1 : 0;
    return term.field == &WorkerIndexEntry::text ? 3 : 2;
}

bool sameAlternative(const Query::Alternative& a, const Query::Alternative& b) {
    return a.op == b.op && a.needle == b.needle && a.msecs == b.msecs && a.healthStates == b.healthStates &&
           a.pivotKey == b.pivotKey && a.changeBits == b.changeBits && a.verdicts == b.verdicts;
}

bool allContains(const Query::Term& term) {
    return std::all_of(term.alternatives.begin(), term.alternatives.end(),
                       [](const Query::Alternative& a) { return a.op == Query::Alternative::Contains; });
}

// Whether a worker matching `narrow` surely matches `wide`: the same term, or (positive "contains" terms of
// one field) each of narrow's needles holds one of wide's.
bool implies(const Query::Term& narrow, const Query::Term& wide) {
    if (narrow.field != wide.field || narrow.negated != wide.negated || narrow.exact != wide.exact)
        return false;
    if (narrow.alternatives.size() == wide.alternatives.size() &&
        std::equal(narrow.alternatives.begin(), narrow.alternatives.end(), wide.alternatives.begin(),
                   sameAlternative))
        return true;
    if (narrow.negated || !allContains(narrow) || !allContains(wide))
        return false;
    return std::all_of(narrow.alternatives.begin(), narrow.alternatives.end(), [&](const auto& n) {
        return std::any_of(wide.alternatives.begin(), wide.alternatives.end(),
                           [&](const auto& w) { return n.needle.find(w.needle) != std::string::npos; });
    });
}

} // namespace

bool Query::narrows(const Query& before) const {
    if (usesChange() || usesVerdict() || before.usesChange() || before.usesVerdict())
        return false;
    return std::all_of(before.terms().begin(), before.terms().end(), [this](const Term& wide) {
        return std::any_of(terms().begin(), terms().end(),
                           [&](const Term& narrow) { return implies(narrow, wide); });
    });
}

QString QueryError::toString() const {
    return QStringLiteral("column %1: %2").arg(position + 1).arg(message);
}

QStringList Query::fieldNames() {
    return {QStringLiteral("name"),      QStringLiteral("id"),          QStringLiteral("status"),
            QStringLiteral("type"),      QStringLiteral("label"),       QStringLiteral("action"),
            QStringLiteral("workflow"),  QStringLiteral("sdk"),         QStringLiteral("dispatcher"),
            QStringLiteral("slot-type"), QStringLiteral("slots"),       QStringLiteral("heartbeat"),
            QStringLiteral("health"),    QStringLiteral("schedulable"), QStringLiteral("verdict"),
            QStringLiteral("change"),    QStringLiteral("changed")};
}

QStringList Query::changeValues() {
    QStringList values;
    for (const auto kind : {analysis::ChangeKind::Appeared, analysis::ChangeKind::Gone,
                            analysis::ChangeKind::Replaced, analysis::ChangeKind::Changed})
        values << analysis::changeKindId(kind);
    return values;
}

bool Query::usesChange() const {
    return m_terms && std::any_of(m_terms->begin(), m_terms->end(), isChangeTerm);
}

bool Query::matchesGone(const ChangeFacts& change) const {
    if (!m_terms)
        return true;
    for (const Term& term : *m_terms) {
        if (!isChangeTerm(term))
            continue;
        const bool any =
            std::any_of(term.alternatives.begin(), term.alternatives.end(),
                        [&](const Alternative& alternative) { return matchesChange(alternative, change); });
        if (any == term.negated)
            return false;
    }
    return true;
}

QStringList Query::schedulableValues() {
    return {QStringLiteral("yes"), QStringLiteral("no")};
}

QStringList Query::exactFieldNames() {
    return analysis::pivotKeyIds();
}

std::optional<QString> Query::exactTerm(const QString& field, const QString& value) {
    bool quote = false;
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return std::nullopt;
        quote = quote || c.isSpace() || c == QLatin1Char(',');
    }
    if (value.isEmpty())
        return std::nullopt; // the language has no empty value
    return field + QStringLiteral(":=") + (quote ? QStringLiteral("\"%1\"").arg(value) : value);
}

QStringList Query::healthValues() {
    return hatchet::healthStateIds() << QStringLiteral("unhealthy");
}

Query::Query(std::vector<Term> terms, QStringList hints)
    : m_hints(std::move(hints)) {
    std::stable_sort(terms.begin(), terms.end(),
                     [](const Term& a, const Term& b) { return cost(a) < cost(b); });
    m_terms = std::make_shared<const std::vector<Term>>(std::move(terms));
}

const std::vector<Query::Term>& Query::terms() const {
    static const std::vector<Term> none;
    return m_terms ? *m_terms : none;
}

bool Query::usesReferenceTime() const {
    return std::any_of(terms().begin(), terms().end(), [](const Term& term) {
        return std::any_of(term.alternatives.begin(), term.alternatives.end(), [](const Alternative& a) {
            return a.op == Alternative::OlderThan || a.op == Alternative::NewerThan ||
                   a.op == Alternative::Health || a.op == Alternative::Schedulable ||
                   a.op == Alternative::NotSchedulable;
        });
    });
}

Query::ServerFilters Query::serverFilters() const {
    static const QStringList known = hatchet::knownStatuses();
    ServerFilters filters;
    bool statusTaken = false;
    for (const Term& term : terms()) {
        if (term.negated)
            continue;
        if (term.field == &WorkerIndexEntry::status && !statusTaken) {
            QStringList statuses;
            for (const Alternative& alternative : term.alternatives)
                statuses << alternative.typed.toUpper();
            // A half-typed status stays local (the server refuses values it does not know).
            if (std::all_of(statuses.begin(), statuses.end(),
                            [](const QString& s) { return known.contains(s); })) {
                filters.statuses = statuses;
                statusTaken = true;
            }
        } else if (term.field == &WorkerIndexEntry::labels && term.alternatives.size() == 1) {
            const QString& typed = term.alternatives.front().typed;
            const qsizetype equals = typed.indexOf(QLatin1Char('='));
            if (equals > 0)
                filters.labels << typed.left(equals) + QLatin1Char(':') + typed.mid(equals + 1);
        }
    }
    return filters;
}

bool Query::usesVerdict() const {
    return std::any_of(terms().begin(), terms().end(),
                       [](const Term& term) { return term.alternatives.front().op == Alternative::Verdict; });
}

bool Query::matches(const WorkerIndexEntry& worker, qint64 referenceMsecs, const ChangeFacts& change,
                    int verdict) const {
    if (!m_terms)
        return true;
    for (const Term& term : *m_terms) {
        bool any = false;
        for (const Alternative& alternative : term.alternatives) {
            if (matchesAlternative(term, alternative, worker, referenceMsecs, change, verdict)) {
                any = true;
                break;
            }
        }
        if (any == term.negated)
            return false;
    }
    return true;
}

} // namespace hwi::filter
