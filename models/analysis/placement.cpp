#include "placement.h"

#include "itemmodels/timeformat.h"
#include "schedulable.h"

#include "load/backgroundpool.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>

namespace hwi::analysis {

using hatchet::LabelText;
using hatchet::SlotCapacity;
using hatchet::WorkerView;
using Result = Check::Result;
using Rule = Check::Rule;

namespace {

constexpr std::array<const char*, 6> ComparatorSymbols = {"=", "!=", ">", ">=", "<", "<="};
constexpr std::array<const char*, 4> VerdictIds = {"fits", "full", "too-small", "excluded"};

// worker value OP desired value, as the engine reads the order comparators.
bool compareIntegers(std::int64_t workerValue, Comparator comparator, std::int64_t desired) {
    switch (comparator) {
    case Comparator::Equal:
        return workerValue == desired;
    case Comparator::NotEqual:
        return workerValue != desired;
    case Comparator::GreaterThan:
        return workerValue > desired;
    case Comparator::GreaterThanOrEqual:
        return workerValue >= desired;
    case Comparator::LessThan:
        return workerValue < desired;
    case Comparator::LessThanOrEqual:
        return workerValue <= desired;
    }
    return false;
}

QString unitsText(std::int64_t units) {
    return QString::number(units) + (units == 1 ? QStringLiteral(" unit") : QStringLiteral(" units"));
}

QString workerName(const WorkerView& worker) {
    const QString name = worker.displayName();
    return name.isEmpty() ? worker.id() : name;
}

// The checks of one worker as they are written. Their words cost more than the checks themselves, so with
// CheckTexts::Reasons only a failed check's are written (the rest stay empty).
class CheckList {
public:
    CheckList(std::vector<Check>& checks, CheckTexts texts)
        : m_checks(checks)
        , m_allTexts(texts == CheckTexts::All) {}

    // words() returns a QString, declared so: with QT_USE_QSTRINGBUILDER a lambda returning `a + b` as auto
    // hands back a builder that refers to temporaries already gone.
    template <typename Words> void add(Rule rule, Result result, const Words& words) {
        Check check{rule, result, {}};
        if (m_allTexts || check.failed())
            check.text = words();
        m_checks.push_back(std::move(check));
    }

private:
    std::vector<Check>& m_checks;
    bool m_allTexts;
};

// ---- Rule 1: a live worker (schedulable.h holds the rule; this only words the pass) ----

void checkLive(const WorkerView& worker, const hatchet::HealthFacts& facts,
               std::optional<qint64> referenceMsecs, CheckList& checks) {
    const Liveness live = liveness(worker, facts, referenceMsecs);
    for (const QString& reason : live.reasons)
        checks.add(Rule::Live, Result::Excluded, [&]() -> QString { return reason; });
    if (!live.schedulable())
        return;
    checks.add(Rule::Live, Result::Passed, [&]() -> QString {
        QString text = QStringLiteral("live: ") + worker.status();
        if (referenceMsecs && facts.heartbeat == hatchet::HealthFacts::Heartbeat::Known)
            text += QStringLiteral(", heartbeat %1 old")
                        .arg(models::durationText(*referenceMsecs - facts.heartbeatMsecs));
        return text;
    });
}

// ---- Rule 2: the action, matched exactly ----

bool isAscii(std::string_view text) {
    // Eight bytes at a time: the action of every worker is asked about.
    std::size_t at = 0;
    for (; at + 8 <= text.size(); at += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + at, 8);
        if (word & 0x8080808080808080u)
            return false;
    }
    return std::all_of(text.begin() + std::ptrdiff_t(at), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// ASCII letters compared without case, the rest byte for byte.
bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

// Whether a worker's action (text, of node element) equals the wanted one without case. Against an ASCII
// action the text is read only when its length allows a match: an ASCII text must be as long, and one with
// other characters (QString folds some to ASCII, as the Kelvin sign to k) is longer, each taking two bytes or
// more for one UTF-16 unit.
bool matchesWithoutCase(const json::Document& doc, json::NodeId element, std::string_view text,
                        std::string_view wanted, bool wantedAscii, const QString& action) {
    if (wantedAscii && text.size() == wanted.size())
        return equalsIgnoringAsciiCase(text, wanted);
    if (wantedAscii && (text.size() < wanted.size() || isAscii(text)))
        return false;
    return doc.text(element).compare(action, Qt::CaseInsensitive) == 0;
}

// How a worker's actions hold the task's action, compared as UTF-8 in place: no string is built for the
// thousands of workers that do not register it (a comparison without case goes through QString only when
// either side is not ASCII).
struct ActionMatch {
    enum Kind { Exact, OtherCase, None, NoActions } kind = NoActions;
    QString registered; // OtherCase: the action as the worker registers it
};

ActionMatch matchAction(const WorkerView& worker, const QString& action, const QByteArray& actionUtf8) {
    const json::Document& doc = worker.document();
    const json::NodeId array = worker.field("actions");
    ActionMatch match;
    if (array == json::NoNode || doc.kind(array) != json::Kind::Array)
        return match;
    const std::string_view wanted(actionUtf8.constData(), static_cast<std::size_t>(actionUtf8.size()));
    const bool wantedAscii = isAscii(wanted);
    json::NodeId otherCase = json::NoNode; // the first match without case, unless an exact one follows
    std::string scratch;
    for (std::uint32_t i = 0; i < doc.childCount(array); ++i) {
        const json::NodeId element = doc.child(array, i);
        if (doc.kind(element) != json::Kind::String)
            continue;
        match.kind = ActionMatch::None;
        const std::string_view text = doc.stringView(element, scratch);
        if (text == wanted)
            return {ActionMatch::Exact, {}};
        if (otherCase != json::NoNode)
            continue;
        if (matchesWithoutCase(doc, element, text, wanted, wantedAscii, action))
            otherCase = element;
    }
    if (otherCase != json::NoNode)
        return {ActionMatch::OtherCase, doc.text(otherCase)};
    return match;
}

void checkAction(const Task& task, const QByteArray& actionUtf8, const WorkerView& worker,
                 CheckList& checks) {
    const ActionMatch match = matchAction(worker, task.action, actionUtf8);
    switch (match.kind) {
    case ActionMatch::Exact:
        checks.add(Rule::Action, Result::Passed,
                   [&]() -> QString { return QStringLiteral("registers ") + task.action; });
        return;
    case ActionMatch::OtherCase:
        // Workers store actions lower-cased and SDKs send lower-cased workflow names: a match only without
        // case is the likeliest reason a task that "should" run never does.
        checks.add(Rule::Action, Result::Excluded, [&]() -> QString {
            return QStringLiteral("registers %1 (case differs)").arg(match.registered);
        });
        return;
    case ActionMatch::NoActions:
        checks.add(Rule::Action, Result::Excluded,
                   []() -> QString { return QStringLiteral("registers no actions"); });
        return;
    case ActionMatch::None:
        break;
    }
    checks.add(Rule::Action, Result::Excluded,
               [&]() -> QString { return QStringLiteral("does not register ") + task.action; });
}

// ---- Rule 3: slot units, every requested type on this one worker ----

void checkSlotType(const SlotUnits& request, const std::vector<SlotCapacity>& capacities, CheckList& checks) {
    const auto say = [&](Result result, const auto& words) {
        checks.add(Rule::Slots, result,
                   [&]() -> QString { return request.slotType + QStringLiteral(": ") + words(); });
    };
    const auto capacity = std::find_if(capacities.begin(), capacities.end(),
                                       [&](const SlotCapacity& c) { return c.slotType == request.slotType; });
    if (capacity == capacities.end())
        return say(Result::TooSmall, []() -> QString { return QStringLiteral("no such slot type"); });
    const auto units = [&]() -> QString { return unitsText(request.units); };
    if (capacity->available && *capacity->available >= request.units)
        return say(Result::Passed, [&]() -> QString {
            return QStringLiteral("available %1 >= %2").arg(*capacity->available).arg(units());
        });
    // Not now: could it ever? A limit not reported counts as 0, like an available not reported.
    if (!capacity->limit)
        return say(Result::TooSmall, []() -> QString { return QStringLiteral("limit not reported"); });
    if (*capacity->limit < request.units)
        return say(Result::TooSmall, [&]() -> QString {
            return QStringLiteral("limit %1 < %2").arg(*capacity->limit).arg(units());
        });
    if (!capacity->available)
        return say(Result::Full, []() -> QString { return QStringLiteral("available not reported"); });
    say(Result::Full, [&]() -> QString {
        return QStringLiteral("available %1 < %2").arg(*capacity->available).arg(units());
    });
}

void checkSlots(const std::vector<SlotUnits>& requested, const std::vector<SlotCapacity>& capacities,
                CheckList& checks) {
    for (const SlotUnits& request : requested)
        checkSlotType(request, capacities, checks);
}

// ---- Rule 4: desired labels (sticky NONE only) ----

// The worker's side of a comparison in words: "label gpu=t4", "no label gpu", "label gpu without value".
QString foundText(const LabelText* label, const QString& key) {
    if (!label)
        return QStringLiteral("no label ") + key;
    if (!label->hasValue)
        return QStringLiteral("label %1 without value").arg(key);
    return QStringLiteral("label %1=%2").arg(key, label->value);
}

// How a worker's label compares with a desired one: met or not, and what the words of a mismatch need.
struct LabelComparison {
    bool met = false;
    bool foundNotInteger = false;  // "label memory_gb=lots (not an integer)"
    bool wantedNotInteger = false; // the desired value of an order comparator is not an integer
};

LabelComparison compareLabel(const DesiredLabel& desired, const LabelText* label) {
    LabelComparison comparison;
    if (!label || !label->hasValue) // a missing key or a label without value never meets, not even !=
        return comparison;
    if (!needsIntegers(desired.comparator)) {
        const bool equal = label->value == desired.value;
        comparison.met = desired.comparator == Comparator::Equal ? equal : !equal;
        return comparison;
    }
    const auto workerValue = labelInteger(label->value);
    const auto desiredValue = labelInteger(desired.value);
    comparison.foundNotInteger = !workerValue;
    comparison.wantedNotInteger = !desiredValue;
    comparison.met =
        workerValue && desiredValue && compareIntegers(*workerValue, desired.comparator, *desiredValue);
    return comparison;
}

// keyUtf8: desired.key as UTF-8, converted once for all workers.
void checkLabel(const DesiredLabel& desired, const QByteArray& keyUtf8, const WorkerView& worker,
                CheckList& checks, std::int64_t& rank) {
    const std::optional<LabelText> label =
        worker.labelText(std::string_view(keyUtf8.constData(), std::size_t(keyUtf8.size())));
    const LabelText* found = label ? &*label : nullptr;
    const LabelComparison comparison = compareLabel(desired, found);
    const auto foundWords = [&]() -> QString {
        return foundText(found, desired.key) +
               (comparison.foundNotInteger ? QStringLiteral(" (not an integer)") : QString());
    };
    if (comparison.met) {
        rank += desired.weight;
        checks.add(Rule::Labels, Result::Passed, [&]() -> QString {
            return QStringLiteral("%1 meets %2 (%3%4)")
                .arg(foundWords(), desired.conditionText(),
                     desired.weight < 0 ? QString() : QStringLiteral("+"), QString::number(desired.weight));
        });
        return;
    }
    checks.add(Rule::Labels, desired.required ? Result::Excluded : Result::Unmet, [&]() -> QString {
        QStringList notes;
        if (comparison.wantedNotInteger)
            notes << QStringLiteral("not an integer");
        notes << (desired.required ? QStringLiteral("required") : QStringLiteral("optional: +0"));
        return QStringLiteral("%1, wants %2 (%3)")
            .arg(foundWords(), desired.conditionText(), notes.join(QStringLiteral("; ")));
    });
}

// labelKeysUtf8: the desired labels' keys as UTF-8, in task.labels' order.
void checkLabels(const Task& task, const std::vector<QByteArray>& labelKeysUtf8, const WorkerView& worker,
                 CheckList& checks, std::int64_t& rank) {
    for (std::size_t i = 0; i < task.labels.size(); ++i)
        checkLabel(task.labels[i], labelKeysUtf8[i], worker, checks, rank);
    if (rank < 0)
        checks.add(Rule::Labels, Result::Excluded,
                   [&]() -> QString { return QStringLiteral("rank %1 below 0").arg(rank); });
    else
        checks.add(Rule::Labels, Result::Passed,
                   [&]() -> QString { return QStringLiteral("rank %1").arg(rank); });
}

// ---- Rule 5: sticky assignment; every desired label is ignored under it (Hatchet issue #4936) ----

QString stickyName(Sticky sticky) {
    return sticky == Sticky::Hard ? QStringLiteral("HARD sticky") : QStringLiteral("SOFT sticky");
}

void checkSticky(const Task& task, const WorkerView& worker, CheckList& checks, std::int64_t& rank) {
    for (const DesiredLabel& desired : task.labels) {
        checks.add(Rule::Labels, Result::Ignored, [&]() -> QString {
            return QStringLiteral("%1%2 ignored under %3 (Hatchet #4936)")
                .arg(desired.conditionText(), desired.required ? QStringLiteral(" (required)") : QString(),
                     stickyName(task.sticky));
        });
    }
    const bool desired = worker.id() == task.stickyWorkerId;
    if (task.sticky == Sticky::Soft) {
        rank = desired ? 1 : 0;
        checks.add(Rule::Sticky, Result::Passed, [&]() -> QString {
            return desired ? QStringLiteral("the desired worker (SOFT sticky): rank 1")
                           : QStringLiteral("not the desired worker %1 (SOFT sticky): rank 0")
                                 .arg(task.stickyWorkerId);
        });
        return;
    }
    rank = 0;
    if (desired)
        checks.add(Rule::Sticky, Result::Passed,
                   []() -> QString { return QStringLiteral("the desired worker (HARD sticky)"); });
    else
        checks.add(Rule::Sticky, Result::Excluded, [&]() -> QString {
            return QStringLiteral("not the desired worker %1 (HARD sticky)").arg(task.stickyWorkerId);
        });
}

Verdict verdictOf(const std::vector<Check>& checks) {
    Result worst = Result::Passed;
    for (const Check& check : checks)
        worst = std::max(worst, check.result);
    switch (worst) {
    case Result::Excluded:
        return Verdict::Excluded;
    case Result::TooSmall:
        return Verdict::TooSmall;
    case Result::Full:
        return Verdict::Full;
    default:
        return Verdict::Fits;
    }
}

// ---- The summary ----

bool failedRule(const WorkerPlacement& placement, Rule rule) {
    return std::any_of(placement.checks.begin(), placement.checks.end(),
                       [&](const Check& c) { return c.rule == rule && c.failed(); });
}

// "2 durable units", "1 default unit and 2 durable units".
QString requestText(const std::vector<SlotUnits>& requested) {
    QStringList parts;
    for (const SlotUnits& request : requested) {
        parts << QStringLiteral("%1 %2 %3")
                     .arg(request.units)
                     .arg(request.slotType,
                          request.units == 1 ? QStringLiteral("unit") : QStringLiteral("units"));
    }
    return parts.join(QStringLiteral(" and "));
}

QString namesOf(const hatchet::Snapshot& snapshot, const std::vector<const WorkerPlacement*>& placements) {
    QStringList names;
    for (const WorkerPlacement* placement : placements)
        names << workerName(snapshot.worker(placement->worker));
    return names.join(QStringLiteral(", "));
}

QString runsNowSummary(const hatchet::Snapshot& snapshot, Placement& result) {
    std::vector<const WorkerPlacement*> group;
    int higherFull = 0; // the engine uses a lower rank only because these are full
    for (const std::size_t i : result.topGroup)
        group.push_back(&result.workers[i]);
    for (const WorkerPlacement& placement : result.workers) {
        if (placement.verdict == Verdict::Full && placement.rank > result.topRank)
            ++higherFull;
    }
    QString text =
        group.size() == 1
            ? QStringLiteral("Runs now on %1 (rank %2)").arg(namesOf(snapshot, group)).arg(result.topRank)
            : QStringLiteral("Runs now on one of %1 workers (rank %2: %3)")
                  .arg(group.size())
                  .arg(result.topRank)
                  .arg(namesOf(snapshot, group));
    if (higherFull == 1)
        text += QStringLiteral("; 1 worker of higher rank is full");
    else if (higherFull > 1)
        text += QStringLiteral("; %1 workers of higher rank are full").arg(higherFull);
    return text;
}

QString wouldWaitSummary(const hatchet::Snapshot& snapshot, const Placement& result) {
    std::vector<const WorkerPlacement*> full;
    for (const WorkerPlacement& placement : result.workers) {
        if (placement.verdict == Verdict::Full)
            full.push_back(&placement);
    }
    if (full.size() == 1)
        return QStringLiteral("Would wait: the only worker that could take it (%1) is full")
            .arg(namesOf(snapshot, full));
    return QStringLiteral("Would wait: the %1 workers that could take it are full").arg(full.size());
}

// Why nobody could ever take it, following the engine's filters in order.
QString neverCause(const Task& task, const hatchet::Snapshot& snapshot, const Placement& result) {
    if (task.sticky == Sticky::Hard) {
        const auto desired = std::find_if(result.workers.begin(), result.workers.end(), [&](const auto& p) {
            return snapshot.worker(p.worker).id() == task.stickyWorkerId;
        });
        if (desired == result.workers.end())
            return QStringLiteral("the desired worker %1 (HARD sticky) is not among the workers")
                .arg(task.stickyWorkerId);
        return QStringLiteral("the desired worker %1 (HARD sticky): %2")
            .arg(workerName(snapshot.worker(desired->worker)), desired->reasons().join(QStringLiteral("; ")));
    }
    bool liveWithAction = false;
    bool meetsLabels = false;
    for (const WorkerPlacement& placement : result.workers) {
        if (failedRule(placement, Rule::Live) || failedRule(placement, Rule::Action))
            continue;
        liveWithAction = true;
        meetsLabels = meetsLabels || !failedRule(placement, Rule::Labels);
    }
    if (!liveWithAction)
        return QStringLiteral("no live worker registers ") + task.action;
    if (!meetsLabels)
        return QStringLiteral("no live worker that registers %1 meets the desired labels").arg(task.action);
    // Every remaining candidate is too small; say so of the whole fleet when that is true.
    const bool anyBigEnough = std::any_of(result.workers.begin(), result.workers.end(), [](const auto& p) {
        return std::none_of(p.checks.begin(), p.checks.end(),
                            [](const Check& c) { return c.result == Result::TooSmall; });
    });
    const QString units = requestText(task.requestedUnits());
    if (!anyBigEnough)
        return QStringLiteral("no worker has ") + units;
    const bool labelsCount = task.sticky == Sticky::None && !task.labels.empty();
    return QStringLiteral("no live worker that registers %1%2 has %3")
        .arg(task.action, labelsCount ? QStringLiteral(" and meets the desired labels") : QString(), units);
}

void summarize(const Task& task, const hatchet::Snapshot& snapshot, Placement& result) {
    std::optional<std::int64_t> topRank;
    bool anyFull = false;
    for (const WorkerPlacement& placement : result.workers) {
        anyFull = anyFull || placement.verdict == Verdict::Full;
        if (placement.verdict == Verdict::Fits)
            topRank = std::max(topRank.value_or(placement.rank), placement.rank);
    }
    if (topRank) {
        result.outcome = Placement::Outcome::RunsNow;
        result.topRank = *topRank;
        for (std::size_t i = 0; i < result.workers.size(); ++i) {
            if (result.workers[i].verdict == Verdict::Fits && result.workers[i].rank == *topRank)
                result.topGroup.push_back(i);
        }
        result.summary = runsNowSummary(snapshot, result);
    } else if (anyFull) {
        result.outcome = Placement::Outcome::WouldWait;
        result.summary = wouldWaitSummary(snapshot, result);
    } else {
        result.outcome = Placement::Outcome::NeverRuns;
        result.summary =
            QStringLiteral("Can never run: ") + neverCause(task, snapshot, result) +
            QStringLiteral(" (it would be cancelled after its schedule timeout, 5 min by default)");
    }
}

QStringList warningsFor(const Task& task, const hatchet::Snapshot& snapshot,
                        const std::vector<std::size_t>& workers) {
    QStringList warnings;
    if (task.sticky != Sticky::None && !task.labels.empty()) {
        QStringList required;
        for (const DesiredLabel& label : task.labels) {
            if (label.required)
                required << label.specText();
        }
        warnings << (required.isEmpty()
                         ? QStringLiteral("%1: Hatchet ignores every desired label (issue #4936)")
                               .arg(stickyName(task.sticky))
                         : QStringLiteral("%1: Hatchet ignores every desired label, the required %2 included "
                                          "(issue #4936)")
                               .arg(stickyName(task.sticky), required.join(QStringLiteral(", "))));
    }
    // Under HARD the summary says it; under SOFT every worker then ranks 0.
    if (task.sticky == Sticky::Soft && std::none_of(workers.begin(), workers.end(), [&](std::size_t i) {
            return snapshot.worker(i).id() == task.stickyWorkerId;
        }))
        warnings << QStringLiteral("the desired worker %1 is not among the workers").arg(task.stickyWorkerId);
    QStringList dropped;
    for (const SlotUnits& units : task.units) {
        if (units.units <= 0)
            dropped << QStringLiteral("%1=%2").arg(units.slotType).arg(units.units);
    }
    if (!dropped.isEmpty())
        warnings << QStringLiteral("units of 0 or less are dropped: ") + dropped.join(QStringLiteral(", "));
    return warnings;
}

} // namespace

std::optional<std::int64_t> labelInteger(const QString& text) {
    const qsizetype digitsFrom = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    if (text.size() == digitsFrom)
        return std::nullopt;
    for (qsizetype i = digitsFrom; i < text.size(); ++i) {
        if (text.at(i) < QLatin1Char('0') || text.at(i) > QLatin1Char('9'))
            return std::nullopt;
    }
    bool ok = false; // false beyond the int64 range
    const qlonglong value = text.toLongLong(&ok);
    return ok ? std::optional<std::int64_t>(value) : std::nullopt;
}

QString comparatorSymbol(Comparator comparator) {
    return QString::fromLatin1(ComparatorSymbols[std::size_t(comparator)]);
}

QStringList comparatorSymbols() {
    QStringList symbols;
    for (const char* symbol : ComparatorSymbols)
        symbols << QString::fromLatin1(symbol);
    return symbols;
}

std::optional<Comparator> comparatorFromSymbol(const QString& symbol) {
    for (std::size_t i = 0; i < ComparatorSymbols.size(); ++i) {
        if (symbol == QLatin1String(ComparatorSymbols[i]))
            return Comparator(i);
    }
    return std::nullopt;
}

bool needsIntegers(Comparator comparator) {
    return comparator != Comparator::Equal && comparator != Comparator::NotEqual;
}

QString DesiredLabel::conditionText() const {
    return key + comparatorSymbol(comparator) + value;
}

QString DesiredLabel::specText() const {
    return (required ? QStringLiteral("+") : QString()) + conditionText() +
           (weight == 100 ? QString() : QStringLiteral("@") + QString::number(weight));
}

std::vector<SlotUnits> Task::requestedUnits() const {
    std::vector<SlotUnits> requested;
    for (const SlotUnits& given : units) {
        // One value per type, as in the engine's map: a later value replaces an earlier one.
        auto same = std::find_if(requested.begin(), requested.end(),
                                 [&](const SlotUnits& r) { return r.slotType == given.slotType; });
        if (same != requested.end())
            same->units = given.units;
        else
            requested.push_back(given);
    }
    std::erase_if(requested, [](const SlotUnits& r) { return r.units <= 0; });
    if (requested.empty())
        requested.push_back({QStringLiteral("default"), 1});
    return requested;
}

QString verdictId(Verdict verdict) {
    // Shared, not built: a fleet's every row asks.
    static const auto Ids = [] {
        std::array<QString, VerdictIds.size()> ids;
        for (std::size_t i = 0; i < ids.size(); ++i)
            ids[i] = QString::fromLatin1(VerdictIds[i]);
        return ids;
    }();
    return Ids[std::size_t(verdict)];
}

QStringList verdictIds() {
    QStringList ids;
    for (const char* id : VerdictIds)
        ids << QString::fromLatin1(id);
    return ids;
}

std::optional<Verdict> verdictFromId(const QString& id) {
    for (std::size_t i = 0; i < VerdictIds.size(); ++i) {
        if (id == QLatin1String(VerdictIds[i]))
            return Verdict(i);
    }
    return std::nullopt;
}

QStringList WorkerPlacement::reasons() const {
    QStringList out;
    for (const Check& check : checks) {
        if (check.failed())
            out << check.text;
    }
    return out;
}

namespace {

// What every worker's checks ask of the task, worked out once for the whole fleet.
struct PreparedTask {
    explicit PreparedTask(const Task& task)
        : actionUtf8(task.action.toUtf8())
        , requested(task.requestedUnits()) {
        for (const DesiredLabel& desired : task.labels)
            labelKeysUtf8.push_back(desired.key.toUtf8());
    }
    QByteArray actionUtf8;
    std::vector<QByteArray> labelKeysUtf8; // in task.labels' order
    std::vector<SlotUnits> requested;
};

WorkerPlacement placeWithPrepared(const Task& task, const PreparedTask& prepared, const WorkerView& worker,
                                  std::size_t index, std::optional<qint64> referenceMsecs, CheckTexts texts) {
    WorkerPlacement placement;
    placement.worker = index;
    CheckList checks(placement.checks, texts);
    const hatchet::SlotTotals totals = hatchet::slotTotals(worker); // read once, for rules 1 and 3
    checkLive(worker, hatchet::healthFacts(worker, totals), referenceMsecs, checks);
    checkAction(task, prepared.actionUtf8, worker, checks);
    checkSlots(prepared.requested, totals.capacities, checks);
    if (task.sticky == Sticky::None)
        checkLabels(task, prepared.labelKeysUtf8, worker, checks, placement.rank);
    else
        checkSticky(task, worker, checks, placement.rank);
    placement.verdict = verdictOf(placement.checks);
    return placement;
}

} // namespace

WorkerPlacement placeOnWorker(const Task& task, const WorkerView& worker, std::size_t index,
                              std::optional<qint64> referenceMsecs) {
    return placeWithPrepared(task, PreparedTask(task), worker, index, referenceMsecs, CheckTexts::All);
}

Placement place(const Task& task, const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                std::optional<qint64> referenceMsecs, CheckTexts texts) {
    Placement result;
    result.workers.resize(workers.size());
    const PreparedTask prepared(task);
    // In parts at once: each worker on its own, read from memory more than cache (load::runAtOnce).
    constexpr std::size_t WorkersPerPart = 1024;
    std::vector<std::function<void()>> parts;
    for (std::size_t from = 0; from < workers.size(); from += WorkersPerPart) {
        parts.push_back([&, from, to = std::min(workers.size(), from + WorkersPerPart)] {
            for (std::size_t i = from; i < to; ++i)
                result.workers[i] = placeWithPrepared(task, prepared, snapshot.worker(workers[i]), workers[i],
                                                      referenceMsecs, texts);
        });
    }
    load::runAtOnce(parts);
    summarize(task, snapshot, result);
    result.warnings = warningsFor(task, snapshot, workers);
    return result;
}

} // namespace hwi::analysis
