// Query::parse: the filter language's grammar.
//   query  := term*                       (separated by whitespace; terms are ANDed)
//   term   := ['-'] (field ':' value (',' value)* | word)
//   value, word := (unquoted characters | '"' anything but '"' '"')+   (no escapes inside quotes)
// A field name is ASCII letters (case-insensitive) directly followed by ':'; `order-flow:ship` is a word,
// `slot-type:` (a known field with a hyphen) is not. FIELD:=VALUE (an unquoted '=' right after the colon)
// makes every value of the term exact, for the fields that are `--by` keys.
#include "query.h"
#include "workerindex.h"

#include "analysis/diff.h"
#include "analysis/fleet.h"
#include "analysis/placement.h"
#include "hatchet/health.h"

namespace hwi::filter {

namespace {

using Alternative = Query::Alternative;
using Term = Query::Term;

struct Value {
    QString text;
    int position = 0; // of its first character (or opening quote)
};

class Parser {
public:
    explicit Parser(const QString& text)
        : m_text(text) {
        // Control characters separate like spaces, so they never reach a needle (the index's separators).
        for (QChar& c : m_text) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                c = QLatin1Char(' ');
        }
    }

    std::variant<Query, QueryError> run() {
        std::vector<Term> terms;
        while (true) {
            while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
                ++m_pos;
            if (m_pos >= m_text.size())
                break;
            if (!parseTerm(terms))
                return m_error;
        }
        return Query(std::move(terms), std::move(m_hints));
    }

private:
    bool fail(int position, const QString& message) {
        m_error = {position, message};
        return false;
    }
    bool atSeparator(bool commaStops) const {
        return m_pos >= m_text.size() || m_text.at(m_pos).isSpace() ||
               (commaStops && m_text.at(m_pos) == QLatin1Char(','));
    }

    // Reads a value up to unquoted whitespace (or comma); false on an unclosed quote.
    bool readValue(bool commaStops, Value& value) {
        value = {QString(), static_cast<int>(m_pos)};
        while (!atSeparator(commaStops)) {
            if (m_text.at(m_pos) == QLatin1Char('"')) {
                const qsizetype close = m_text.indexOf(QLatin1Char('"'), m_pos + 1);
                if (close < 0)
                    return fail(static_cast<int>(m_pos),
                                QStringLiteral("unclosed quote: expected a closing '\"'"));
                value.text += QStringView(m_text).mid(m_pos + 1, close - m_pos - 1);
                m_pos = close + 1;
            } else {
                value.text += m_text.at(m_pos++);
            }
        }
        return true;
    }

    // Where a field name starting here ends (at its ':'), or m_pos when none starts here.
    qsizetype fieldNameEnd() const {
        qsizetype end = m_pos;
        bool hyphen = false;
        while (end < m_text.size() && end - m_pos < 32 && m_text.at(end).unicode() < 0x80 &&
               (m_text.at(end).isLetter() || (end > m_pos && m_text.at(end) == QLatin1Char('-')))) {
            hyphen = hyphen || m_text.at(end) == QLatin1Char('-');
            ++end;
        }
        if (end == m_pos || end >= m_text.size() || m_text.at(end) != QLatin1Char(':'))
            return m_pos;
        if (hyphen && !Query::fieldNames().contains(m_text.mid(m_pos, end - m_pos).toLower()))
            return m_pos;
        return end;
    }

    bool parseTerm(std::vector<Term>& terms) {
        Term term;
        const int start = static_cast<int>(m_pos);
        if (m_text.at(m_pos) == QLatin1Char('-')) {
            term.negated = true;
            ++m_pos;
            if (atSeparator(false))
                return fail(start, QStringLiteral("expected a term after '-'"));
        }
        const qsizetype end = fieldNameEnd();
        if (end > m_pos) {
            const QString field = m_text.mid(m_pos, end - m_pos).toLower();
            term.fieldName = field;
            const int fieldPosition = static_cast<int>(m_pos);
            m_pos = end + 1;
            if (!parseField(field, fieldPosition, term))
                return false;
        } else {
            Value word;
            if (!readValue(false, word))
                return false;
            if (word.text.isEmpty())
                return fail(word.position, QStringLiteral("expected text between the quotes"));
            term.field = &WorkerIndexEntry::text;
            term.alternatives.push_back({Alternative::Contains, foldForSearch(word.text), 0, word.text});
        }
        term.start = start;
        term.length = static_cast<int>(m_pos) - start;
        terms.push_back(std::move(term));
        return true;
    }

    bool parseField(const QString& field, int fieldPosition, Term& term) {
        if (!Query::fieldNames().contains(field)) {
            return fail(fieldPosition, QStringLiteral("unknown field '%1'; known fields: %2")
                                           .arg(field, Query::fieldNames().join(QStringLiteral(", "))));
        }
        if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('=') &&
            Query::exactFieldNames().contains(field)) {
            term.exact = true;
            ++m_pos;
        }
        bool first = true;
        while (true) {
            Value value;
            if (!readValue(true, value))
                return false;
            if (value.text.isEmpty()) {
                const QString after = field + (term.exact ? QStringLiteral(":=") : QStringLiteral(":"));
                return fail(value.position, first ? QStringLiteral("expected a value after '%1'").arg(after)
                                                  : QStringLiteral("expected a value after ','"));
            }
            Alternative alternative;
            if (!makeAlternative(field, value, term, alternative))
                return false;
            term.alternatives.push_back(std::move(alternative));
            first = false;
            if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char(',')) {
                ++m_pos;
                continue;
            }
            return true;
        }
    }

    bool makeAlternative(const QString& field, const Value& value, Term& term, Alternative& out) {
        out.needle = foldForSearch(value.text);
        out.typed = value.text;
        if (term.exact) {
            makeExact(field, value, term, out);
            return true;
        }
        if (field == QLatin1String("name")) {
            term.field = &WorkerIndexEntry::name;
        } else if (field == QLatin1String("id")) {
            term.field = &WorkerIndexEntry::id;
        } else if (field == QLatin1String("action")) {
            term.field = &WorkerIndexEntry::actions;
        } else if (field == QLatin1String("workflow")) {
            term.field = &WorkerIndexEntry::workflows;
        } else if (field == QLatin1String("dispatcher")) {
            term.field = &WorkerIndexEntry::dispatcher;
        } else if (field == QLatin1String("status") || field == QLatin1String("type") ||
                   field == QLatin1String("sdk")) {
            // Whole values, case-insensitive: status:act is valid and matches nothing, with a hint.
            out.op = Alternative::Equals;
            if (field == QLatin1String("status"))
                hintUnknownStatus(value.text);
            term.field = field == QLatin1String("status") ? &WorkerIndexEntry::status
                         : field == QLatin1String("type") ? &WorkerIndexEntry::type
                                                          : &WorkerIndexEntry::sdk;
        } else if (field == QLatin1String("label")) {
            return makeLabel(value, term, out);
        } else if (field == QLatin1String("slot-type")) {
            // A slot type is an identifier: the whole name, case-insensitive.
            term.field = &WorkerIndexEntry::slotTypes;
            out.needle = ItemEnd + out.needle + ItemEnd;
        } else if (field == QLatin1String("schedulable")) {
            return makeSchedulable(value, out);
        } else if (field == QLatin1String("slots")) {
            if (out.needle != "free" && out.needle != "full")
                return fail(value.position, QStringLiteral("expected 'free' or 'full' after 'slots:'"));
            out.op = out.needle == "free" ? Alternative::SlotsFree : Alternative::SlotsFull;
        } else if (field == QLatin1String("health")) {
            return makeHealth(value, out);
        } else if (field == QLatin1String("change")) {
            return makeChange(value, out);
        } else if (field == QLatin1String("changed")) {
            return makeChanged(value, out);
        } else if (field == QLatin1String("verdict")) {
            return makeVerdict(value, out);
        } else {
            return makeHeartbeat(value, out);
        }
        return true;
    }

    // FIELD:=VALUE: some value of the `--by FIELD` pivot is exactly VALUE (case-sensitive, as written).
    // The term keeps its ordinary field so that status toggles, label chips and server filters see it.
    void makeExact(const QString& field, const Value& value, Term& term, Alternative& out) {
        const auto key = analysis::pivotKeyFromId(field);
        Q_ASSERT(key);
        out.op = Alternative::Exact;
        out.pivotKey = quint8(*key);
        out.needle = exactNeedle(value.text);
        term.field = field == QLatin1String("label")       ? &WorkerIndexEntry::labels
                     : field == QLatin1String("status")    ? &WorkerIndexEntry::status
                     : field == QLatin1String("slot-type") ? &WorkerIndexEntry::slotTypes
                                                           : nullptr;
        if (field == QLatin1String("status"))
            hintUnknownStatus(value.text, Qt::CaseSensitive);
    }

    // schedulable:yes|no — rule 1 of the scheduler (analysis::isSchedulable) at the reference time.
    bool makeSchedulable(const Value& value, Alternative& out) {
        const QString answer = value.text.toLower();
        if (!Query::schedulableValues().contains(answer)) {
            return fail(value.position,
                        QStringLiteral("unknown value '%1' for schedulable; known: %2")
                            .arg(value.text, Query::schedulableValues().join(QStringLiteral(", "))));
        }
        out.op = answer == QLatin1String("yes") ? Alternative::Schedulable : Alternative::NotSchedulable;
        return true;
    }

    // A status the schema does not know: said, not refused (a newer server may send new values).
    void hintUnknownStatus(const QString& status, Qt::CaseSensitivity cs = Qt::CaseInsensitive) {
        const QStringList known = hatchet::knownStatuses();
        if (known.contains(status, cs))
            return;
        const QString hint =
            QStringLiteral("unknown status '%1' (known: %2)").arg(status, known.join(QStringLiteral(", ")));
        if (!m_hints.contains(hint))
            m_hints << hint;
    }

    // label:key — the key exists; label:key=value — key and value. Both exact, case-insensitive.
    bool makeLabel(const Value& value, Term& term, Alternative& out) {
        term.field = &WorkerIndexEntry::labels;
        const qsizetype equals = value.text.indexOf(QLatin1Char('='));
        const QString key = equals < 0 ? value.text : value.text.left(equals);
        if (key.isEmpty())
            return fail(value.position, QStringLiteral("expected a label key before '='"));
        out.needle = LabelKey + foldForSearch(key) + LabelValue;
        if (equals >= 0)
            out.needle += foldForSearch(value.text.mid(equals + 1)) + ItemEnd;
        return true;
    }

    // change:appeared|gone|replaced|changed — in a comparison, what happened to the worker. Case-insensitive.
    bool makeChange(const Value& value, Alternative& out) {
        out.op = Alternative::Change;
        const qsizetype kind = Query::changeValues().indexOf(value.text.toLower());
        if (kind < 0) {
            return fail(value.position,
                        QStringLiteral("unknown change '%1'; known: %2")
                            .arg(value.text, Query::changeValues().join(QStringLiteral(", "))));
        }
        out.changeBits = 1u << kind;
        return true;
    }

    // changed:labels, changed:status — in a comparison, a field of that family changed (labels/gpu is in
    // labels). Case-insensitive.
    bool makeChanged(const Value& value, Alternative& out) {
        out.op = Alternative::Changed;
        const QStringList families = analysis::changeFamilies();
        qsizetype family = families.size() - 1;
        while (family >= 0 && families[family].compare(value.text, Qt::CaseInsensitive) != 0)
            --family;
        if (family < 0) {
            return fail(value.position, QStringLiteral("unknown field '%1' for changed; known: %2")
                                            .arg(value.text, families.join(QStringLiteral(", "))));
        }
        out.changeBits = 1u << family;
        return true;
    }

    // health:lost, health:no-new-work, health:unhealthy (every state but ok and full): some state of the
    // worker's at the reference time. Case-insensitive.
    bool makeHealth(const Value& value, Alternative& out) {
        out.op = Alternative::Health;
        const QString id = value.text.toLower();
        if (id == QLatin1String("unhealthy")) {
            out.healthStates = hatchet::UnhealthyStates;
            return true;
        }
        if (const auto state = hatchet::healthStateFromId(id)) {
            out.healthStates = hatchet::healthBit(*state);
            return true;
        }
        return fail(value.position, QStringLiteral("unknown health state '%1'; known: %2")
                                        .arg(value.text, Query::healthValues().join(QStringLiteral(", "))));
    }

    // verdict:fits|full|too-small|excluded — the worker's answer in the "Can it run?" placement, which the
    // proxy holds (the worker index does not). Case-insensitive.
    bool makeVerdict(const Value& value, Alternative& out) {
        const auto verdict = analysis::verdictFromId(value.text.toLower());
        if (!verdict) {
            return fail(value.position,
                        QStringLiteral("unknown verdict '%1'; known: %2")
                            .arg(value.text, analysis::verdictIds().join(QStringLiteral(", "))));
        }
        out.op = Alternative::Verdict;
        out.verdicts = quint8(1u << int(*verdict));
        return true;
    }

    // heartbeat:>30s — older than; heartbeat:<5m — newer than. Units s, m, h, d.
    bool makeHeartbeat(const Value& value, Alternative& out) {
        const QChar op = value.text.front();
        if (op != QLatin1Char('>') && op != QLatin1Char('<')) {
            return fail(value.position,
                        QStringLiteral("expected '>' or '<' before the duration, like heartbeat:>30s"));
        }
        out.op = op == QLatin1Char('>') ? Alternative::OlderThan : Alternative::NewerThan;
        const QString duration = value.text.mid(1).toLower();
        const int position = value.position + 1;
        const QString expected = QStringLiteral("expected a duration like 30s, 5m, 2h or 1d");
        if (duration.size() < 2 || duration.size() > 10)
            return fail(position, expected);
        qint64 amount = 0;
        for (qsizetype i = 0; i + 1 < duration.size(); ++i) {
            if (!duration.at(i).isDigit() || duration.at(i).unicode() >= 0x80)
                return fail(position, expected);
            amount = amount * 10 + duration.at(i).digitValue();
        }
        static constexpr std::pair<char, qint64> units[] = {
            {'s', 1000}, {'m', 60'000}, {'h', 3'600'000}, {'d', 86'400'000}};
        for (const auto& [unit, msecs] : units) {
            if (duration.back() == QLatin1Char(unit)) {
                out.msecs = amount * msecs;
                return true;
            }
        }
        return fail(position, expected);
    }

    QString m_text;
    qsizetype m_pos = 0;
    QueryError m_error;
    QStringList m_hints;
};

} // namespace

std::variant<Query, QueryError> Query::parse(const QString& text) {
    return Parser(text).run();
}

} // namespace hwi::filter
