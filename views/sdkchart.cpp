#include "sdkchart.h"

#include "itemmodels/fleetfigures.h"

namespace hwi::views {

SdkChart::SdkChart(QWidget* parent)
    : GroupedBarsChart(tr("SDK versions"), parent) {}

QString SdkChart::emptyText() const {
    return figures()->workers == 0 ? tr("No workers") : QString();
}

std::vector<GroupedBarsChart::Group> SdkChart::groups() const {
    // The pivot's keys are "LANGUAGE VERSION" (each part "unknown" when missing); languages hold no space.
    std::vector<Group> groups;
    for (const analysis::PivotRow& row : figures()->pivot(analysis::PivotKey::Sdk)) {
        const QString language = row.key.section(QLatin1Char(' '), 0, 0);
        const QString version = row.key.section(QLatin1Char(' '), 1);
        if (groups.empty() || groups.back().name != language)
            groups.push_back({language, 0, {}, {}});
        groups.back().total += row.workers;
        groups.back().items.push_back({version, row.workers});
    }
    for (Group& group : groups) {
        if (group.items.size() > 1)
            group.flag = tr("%1 versions").arg(group.items.size());
    }
    sortItems(groups);
    return groups;
}

} // namespace hwi::views
