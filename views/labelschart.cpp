#include "labelschart.h"

#include "itemmodels/fleetfigures.h"

#include <QHash>

#include <algorithm>

namespace hwi::views {

LabelsChart::LabelsChart(QWidget* parent)
    : GroupedBarsChart(tr("Labels"), parent) {}

QString LabelsChart::emptyText() const {
    return figures()->pivot(analysis::PivotKey::Label).empty() ? tr("No labels") : QString();
}

std::vector<GroupedBarsChart::Group> LabelsChart::groups() const {
    // The pivot's keys are "key=value", or "key" for a label without a value.
    std::vector<Group> groups;
    QHash<QString, std::size_t> byKey;
    for (const analysis::PivotRow& row : figures()->pivot(analysis::PivotKey::Label)) {
        const qsizetype equals = row.key.indexOf(QLatin1Char('='));
        const QString key = equals < 0 ? row.key : row.key.left(equals);
        const QString value = equals < 0 ? tr("(no value)") : row.key.mid(equals + 1);
        auto found = byKey.constFind(key);
        if (found == byKey.constEnd()) {
            found = byKey.insert(key, groups.size());
            groups.push_back({key, 0, {}, {}});
        }
        Group& group = groups[*found];
        group.items.push_back({value, row.workers});
        // A worker carries one value per key: the key's workers are the sum of its values'.
        group.total += row.workers;
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group& a, const Group& b) { return a.total > b.total; });
    sortItems(groups);
    return groups;
}

} // namespace hwi::views
