#include "placecommandline.h"

#include "itemmodels/timeformat.h"

#include <QStringList>

namespace hwi::views {

namespace {

// What --want reads back: the last '@' starts the weight, so a value holding '@' keeps an explicit one.
QString wantSpec(const analysis::DesiredLabel& label) {
    QString spec = label.specText();
    if (label.weight == 100 && label.value.contains(QLatin1Char('@')))
        spec += QStringLiteral("@100");
    return spec;
}

} // namespace

QString shellQuoted(const QString& word) {
    static const QString safe = QStringLiteral("@%+=:,./-_");
    const bool plain = !word.isEmpty() && std::all_of(word.begin(), word.end(), [](QChar c) {
        return (c.unicode() < 0x80 && c.isLetterOrNumber()) || safe.contains(c);
    });
    if (plain)
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString placeCommandLine(const analysis::Task& task, const QString& source, const QDateTime& at) {
    QStringList words{QStringLiteral("hatchet-inspector"), QStringLiteral("--place"), task.action};
    for (const analysis::DesiredLabel& label : task.labels)
        words << QStringLiteral("--want") << wantSpec(label);
    for (const analysis::SlotUnits& units : task.units)
        words << QStringLiteral("--units")
              << units.slotType + QLatin1Char('=') + QString::number(units.units);
    if (task.sticky != analysis::Sticky::None) {
        const QString strategy =
            task.sticky == analysis::Sticky::Soft ? QStringLiteral("soft:") : QStringLiteral("hard:");
        words << QStringLiteral("--sticky") << strategy + task.stickyWorkerId;
    }
    if (at.isValid())
        words << QStringLiteral("--at") << models::instantText(at);
    words << source;
    for (QString& word : words)
        word = shellQuoted(word);
    return words.join(QLatin1Char(' '));
}

} // namespace hwi::views
