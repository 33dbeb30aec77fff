#include "placecommand.h"

#include "commandline.h"

namespace hwi::app {

using analysis::Comparator;
using analysis::DesiredLabel;
using analysis::SlotUnits;
using analysis::Sticky;
using analysis::Task;

namespace {

const QString PlaceOption = QStringLiteral("place");
const QString WantOption = QStringLiteral("want");
const QString UnitsOption = QStringLiteral("units");
const QString StickyOption = QStringLiteral("sticky");

// "--want 'gpu~a100': expected …": the option, the argument as given, what was expected where.
QString problem(const QString& option, const QString& argument, const QString& expected) {
    return QStringLiteral("--%1 '%2': expected %3").arg(option, argument, expected);
}

bool isKeyCharacter(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.') ||
           c == QLatin1Char('/') || c == QLatin1Char(':');
}

qsizetype skipSpaces(const QString& text, qsizetype at) {
    while (at < text.size() && text.at(at).isSpace())
        ++at;
    return at;
}

// The comparator at `at`, the longest that matches (">=" before ">").
std::optional<Comparator> comparatorAt(const QString& text, qsizetype at, qsizetype* length) {
    std::optional<Comparator> found;
    for (const QString& symbol : analysis::comparatorSymbols()) {
        if (QStringView(text).mid(at).startsWith(symbol) && symbol.size() > *length) {
            found = analysis::comparatorFromSymbol(symbol);
            *length = symbol.size();
        }
    }
    return found;
}

// Weights are int32 in Hatchet.
std::optional<int> weightFrom(const QString& text) {
    const auto value = analysis::labelInteger(text);
    if (!value || *value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(*value);
}

bool unitsOption(const QCommandLineParser& parser, Task& task, QString* error) {
    for (const QString& spec : parser.values(UnitsOption)) {
        const auto units = parseUnits(spec, error);
        if (!units)
            return false;
        for (const SlotUnits& earlier : task.units) {
            if (earlier.slotType == units->slotType) {
                *error =
                    problem(UnitsOption, spec,
                            QStringLiteral("each slot type once (%1 is given twice)").arg(units->slotType));
                return false;
            }
        }
        task.units.push_back(*units);
    }
    return true;
}

// --place is an answer of its own: its table and exit status do not mix with --check, --list or --export.
bool conflictsWithOtherModes(const QCommandLineParser& parser, QString* error) {
    for (const char* other : {"check", "list", "export"}) {
        if (parser.optionNames().contains(QLatin1String(other))) {
            *error =
                QStringLiteral("--place and --%1 are separate answers: give one").arg(QLatin1String(other));
            return true;
        }
    }
    return false;
}

} // namespace

void addPlaceOptions(QCommandLineParser& parser) {
    parser.addOption({PlaceOption,
                      QStringLiteral("Where Hatchet would place a task of ACTION (workflow:task, exact): one "
                                     "tab-separated line per worker (ID, NAME, VERDICT fits|full|too-small|"
                                     "excluded, RANK, REASONS), the summary on standard error. Exit 0: some "
                                     "worker fits, 1: would wait (full), 3: can never run, 2: unreadable."),
                      QStringLiteral("ACTION")});
    parser.addOption(
        {WantOption,
         QStringLiteral("With --place, repeatable: a desired worker label [+]KEY OP VALUE[@WEIGHT], "
                        "'+' required, OP one of = != > >= < <= (the last four compare integers, "
                        "worker value OP VALUE), WEIGHT an integer (default 100), e.g. +gpu=a100, "
                        "'region=eu-west-1@50', '+memory_gb>=64'."),
         QStringLiteral("SPEC")});
    parser.addOption(
        {UnitsOption,
         QStringLiteral("With --place, repeatable: the task takes N units of slot type TYPE, e.g. "
                        "durable=1 (default: default=1; given units replace it)."),
         QStringLiteral("TYPE=N")});
    parser.addOption({StickyOption,
                      QStringLiteral("With --place: sticky assignment to a worker id, soft:WORKER_ID or "
                                     "hard:WORKER_ID (desired labels are then ignored, as Hatchet does)."),
                      QStringLiteral("STRATEGY:WORKER_ID")});
}

std::optional<DesiredLabel> parseWant(const QString& spec, QString* error) {
    DesiredLabel label;
    qsizetype at = 0;
    label.required = spec.startsWith(QLatin1Char('+'));
    if (label.required)
        ++at;
    const qsizetype keyStart = at;
    while (at < spec.size() && isKeyCharacter(spec.at(at)))
        ++at;
    label.key = spec.mid(keyStart, at - keyStart);
    if (label.key.isEmpty()) {
        *error =
            problem(WantOption, spec,
                    label.required ? QStringLiteral("a label key after '+'")
                                   : QStringLiteral("a label key at the start (or '+' for a required one)"));
        return std::nullopt;
    }
    at = skipSpaces(spec, at);
    qsizetype length = 0;
    const auto comparator = comparatorAt(spec, at, &length);
    if (!comparator) {
        *error =
            problem(WantOption, spec,
                    QStringLiteral("one of %1 after '%2'")
                        .arg(analysis::comparatorSymbols().join(QLatin1Char(' ')), spec.left(at).trimmed()));
        return std::nullopt;
    }
    label.comparator = *comparator;
    at = skipSpaces(spec, at + length);
    const QString head = spec.left(at).trimmed(); // "+memory_gb>=", for the messages below
    QString value = spec.mid(at);
    // The last '@' starts the weight: a value may hold '@' itself ("owner=a@b.c@50").
    if (const qsizetype weightAt = value.lastIndexOf(QLatin1Char('@')); weightAt >= 0) {
        const auto weight = weightFrom(value.mid(weightAt + 1));
        if (!weight) {
            *error = problem(WantOption, spec,
                             QStringLiteral("an integer weight after '@' (from %1 to %2)")
                                 .arg(std::numeric_limits<int>::min())
                                 .arg(std::numeric_limits<int>::max()));
            return std::nullopt;
        }
        label.weight = *weight;
        value.truncate(weightAt);
    }
    label.value = value;
    if (label.value.isEmpty()) {
        *error = problem(WantOption, spec, QStringLiteral("a value after '%1'").arg(head));
        return std::nullopt;
    }
    if (analysis::needsIntegers(label.comparator) && !analysis::labelInteger(label.value)) {
        *error = problem(WantOption, spec, QStringLiteral("an integer after '%1'").arg(head));
        return std::nullopt;
    }
    return label;
}

std::optional<SlotUnits> parseUnits(const QString& spec, QString* error) {
    const qsizetype equals = spec.indexOf(QLatin1Char('='));
    if (equals < 0) {
        *error = problem(UnitsOption, spec, QStringLiteral("'=' after '%1' (TYPE=N)").arg(spec));
        return std::nullopt;
    }
    const QString type = spec.left(equals);
    if (type.isEmpty()) {
        *error = problem(UnitsOption, spec, QStringLiteral("a slot type before '=' (TYPE=N)"));
        return std::nullopt;
    }
    const auto units = analysis::labelInteger(spec.mid(equals + 1));
    if (!units) {
        *error = problem(UnitsOption, spec, QStringLiteral("an integer after '%1='").arg(type));
        return std::nullopt;
    }
    return SlotUnits{type, *units};
}

bool parseSticky(const QString& spec, Task& task, QString* error) {
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const QString strategy = spec.left(colon).toLower();
    if (colon < 0 || (strategy != QLatin1String("soft") && strategy != QLatin1String("hard"))) {
        *error = problem(StickyOption, spec, QStringLiteral("soft:WORKER_ID or hard:WORKER_ID"));
        return false;
    }
    const QString id = spec.mid(colon + 1);
    if (id.isEmpty()) {
        *error =
            problem(StickyOption, spec, QStringLiteral("a worker id after '%1'").arg(spec.left(colon + 1)));
        return false;
    }
    task.sticky = strategy == QLatin1String("soft") ? Sticky::Soft : Sticky::Hard;
    task.stickyWorkerId = id;
    return true;
}

std::optional<Task> placeTaskFrom(const QCommandLineParser& parser, QString* error) {
    const QStringList given = parser.optionNames();
    if (!given.contains(PlaceOption)) {
        for (const QString& option : {WantOption, UnitsOption, StickyOption}) {
            if (given.contains(option)) {
                *error = QStringLiteral("--%1 needs --place ACTION").arg(option);
                return std::nullopt;
            }
        }
        return std::nullopt;
    }
    if (conflictsWithOtherModes(parser, error))
        return std::nullopt;
    for (const QString& once : {PlaceOption, StickyOption}) {
        if (parser.values(once).size() > 1) {
            *error = QStringLiteral("--%1 given more than once").arg(once);
            return std::nullopt;
        }
    }
    Task task;
    task.action = parser.value(PlaceOption);
    if (task.action.isEmpty()) {
        *error = QStringLiteral("--place '': expected an action such as workflow:task");
        return std::nullopt;
    }
    for (const QString& spec : parser.values(WantOption)) {
        const auto label = parseWant(spec, error);
        if (!label)
            return std::nullopt;
        task.labels.push_back(*label);
    }
    if (!unitsOption(parser, task, error))
        return std::nullopt;
    if (given.contains(StickyOption) && !parseSticky(parser.value(StickyOption), task, error))
        return std::nullopt;
    return task;
}

int printPlacement(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                   const Task& task, std::optional<qint64> referenceMsecs, QTextStream& out, QTextStream& err,
                   exporting::RecordFormat format) {
    const analysis::Placement placement =
        analysis::place(task, snapshot, workers, referenceMsecs, analysis::CheckTexts::Reasons);
    exporting::RecordWriter writer(out, format,
                                   {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("VERDICT"),
                                    QStringLiteral("RANK"), QStringLiteral("REASONS")});
    writer.setNumericColumns({3});
    writeRecordsInParts(writer, placement.workers.size(), [&](std::size_t i) {
        const analysis::WorkerPlacement& answer = placement.workers[i];
        const hatchet::WorkerView worker = snapshot.worker(answer.worker);
        const bool excluded = answer.verdict == analysis::Verdict::Excluded;
        return QStringList{worker.id(), worker.name(), analysis::verdictId(answer.verdict),
                           excluded ? QStringLiteral("-") : QString::number(answer.rank),
                           answer.reasons().join(QStringLiteral("; "))};
    });
    writer.finish();
    out.flush();
    if (!snapshot.note.isEmpty())
        err << visibleLine(snapshot.source) << ": note: " << visibleLine(snapshot.note) << '\n';
    for (const QString& warning : placement.warnings)
        err << "warning: " << visibleLine(warning) << '\n';
    err << visibleLine(placement.summary) << '\n';
    switch (placement.outcome) {
    case analysis::Placement::Outcome::RunsNow:
        return 0;
    case analysis::Placement::Outcome::WouldWait:
        return 1;
    case analysis::Placement::Outcome::NeverRuns:
        break;
    }
    return ExitNeverRuns;
}

} // namespace hwi::app
