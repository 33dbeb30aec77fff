#pragma once

#include "hatchet/snapshot.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace hwi::analysis {

// "Can it run?" (issue 16): where Hatchet's v1 scheduler would place a task and why not on each other
// worker, following HATCHET.md, "How the scheduler places a task", rules 1-6. Pure functions of a snapshot;
// the command line (`--place`) and, later, the window's panel ask them.

// The label comparators, as the engine names them (EQUAL ... LESS_THAN_OR_EQUAL).
enum class Comparator : std::uint8_t {
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual
};

// "=", "!=", ">", ">=", "<", "<=": as --want writes them.
QString comparatorSymbol(Comparator comparator);
// The symbols in the order a parser must try them (longest first where one is a prefix of another).
QStringList comparatorSymbols();
std::optional<Comparator> comparatorFromSymbol(const QString& symbol);
// The order comparators need integers on both sides; = and != compare the value text.
bool needsIntegers(Comparator comparator);

// A label value as Hatchet writes an integer label ("%d"): an optional '-' and digits, nothing else ("+5",
// " 5", "5.0" are text). What the order comparators need on both sides.
std::optional<std::int64_t> labelInteger(const QString& text);

struct DesiredLabel {
    QString key;
    Comparator comparator = Comparator::Equal;
    QString value;
    bool required = false;
    int weight = 100;

    // "+gpu=a100@50" (the --want SPEC: '+' when required, '@WEIGHT' unless 100).
    QString specText() const;
    // "gpu=a100": the key, comparator and value.
    QString conditionText() const;
};

// Units of one slot type the task takes on the worker that runs it (since Hatchet #4393 one task may take
// several).
struct SlotUnits {
    QString slotType;
    std::int64_t units = 1;
};

enum class Sticky : std::uint8_t { None, Soft, Hard };

struct Task {
    QString action; // "workflow:task", matched exactly as given
    std::vector<DesiredLabel> labels;
    std::vector<SlotUnits> units; // as given; requestedUnits() applies the defaults
    Sticky sticky = Sticky::None;
    QString stickyWorkerId; // the desired worker under SOFT or HARD

    // What the engine requests: the given units with those <= 0 dropped, or {default: 1} when none remain.
    std::vector<SlotUnits> requestedUnits() const;
};

// A worker's answer, in precedence order: Excluded wins over TooSmall, TooSmall over Full.
enum class Verdict : std::uint8_t { Fits, Full, TooSmall, Excluded };
// "fits", "full", "too-small", "excluded": the CLI's VERDICT column and the filter's verdict: values.
QString verdictId(Verdict verdict);
QStringList verdictIds();
std::optional<Verdict> verdictFromId(const QString& id);

// One check of one worker, in rule order: what the panel explains line by line.
struct Check {
    enum class Rule : std::uint8_t { Live = 1, Action, Slots, Labels, Sticky }; // HATCHET.md rule numbers
    enum class Result : std::uint8_t {
        Passed,
        Unmet,    // an optional label not met: adds 0 to the rank, not a reason
        Ignored,  // a desired label under SOFT or HARD sticky (Hatchet issue #4936)
        Full,     // fails now: fewer free units than requested
        TooSmall, // fails for ever: the limit is below the units
        Excluded, // the scheduler never considers the worker
    };
    Rule rule = Rule::Live;
    Result result = Result::Passed;
    QString text; // "heartbeat 12 s old", "label gpu=t4, wants gpu=a100 (required)", "rank 200"

    bool failed() const { return result >= Result::Full; }
};

struct WorkerPlacement {
    std::size_t worker = 0; // index into Snapshot::workers
    Verdict verdict = Verdict::Fits;
    // Sticky NONE: the weights of the labels met (below 0 excludes); SOFT: 1 for the desired worker, 0 for
    // the others; HARD: 0. Computed for every worker; meaningful (printed) unless excluded.
    std::int64_t rank = 0;
    std::vector<Check> checks;

    // The failed checks' texts, in rule order: empty when it fits.
    QStringList reasons() const;
};

// Every check of one worker at the reference time (ms since the epoch; nullopt: the status stands in for
// the heartbeat's age, as in schedulable.h).
WorkerPlacement placeOnWorker(const Task& task, const hatchet::WorkerView& worker, std::size_t index,
                              std::optional<qint64> referenceMsecs);

struct Placement {
    enum class Outcome : std::uint8_t { RunsNow, WouldWait, NeverRuns };
    std::vector<WorkerPlacement> workers; // in the order given (document order)
    Outcome outcome = Outcome::NeverRuns;
    // RunsNow: the top rank among the workers that fit and those workers (indexes into `workers`), one of
    // which the engine picks (it rotates within a rank, so which one cannot be predicted).
    std::int64_t topRank = 0;
    std::vector<std::size_t> topGroup;
    // "Runs now on one of 3 workers (rank 200: render-a, render-b, render-c)", "Would wait: …", "Can never
    // run: …".
    QString summary;
    // What the user should know beside the verdicts, e.g. that sticky makes required labels ignored.
    QStringList warnings;
};

// Which checks' texts place() writes: every one (the panel's list of one worker's checks), or only the
// failed ones', the reasons (a fleet's verdicts: --place and the table); the others' stay empty.
enum class CheckTexts : std::uint8_t { All, Reasons };

// The placement over the given workers (indexes into snapshot.workers, e.g. a filter's result).
Placement place(const Task& task, const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                std::optional<qint64> referenceMsecs, CheckTexts texts = CheckTexts::All);

} // namespace hwi::analysis
