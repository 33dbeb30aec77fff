#include "placementchoices.h"

#include <QSet>

namespace hwi::models {

namespace {

QStringList sorted(const QSet<QString>& values) {
    QStringList list(values.begin(), values.end());
    list.sort(Qt::CaseInsensitive);
    return list;
}

} // namespace

PlacementChoices placementChoices(const hatchet::Snapshot& snapshot) {
    QSet<QString> actions;
    QSet<QString> keys;
    QSet<QString> slotTypes;
    PlacementChoices choices;
    for (std::size_t i = 0; i < snapshot.workers.size(); ++i) {
        const hatchet::WorkerView worker = snapshot.worker(i);
        for (const QString& action : worker.actions())
            actions.insert(action);
        for (const hatchet::LabelText& label : worker.labelTexts())
            keys.insert(label.key);
        for (const hatchet::SlotCapacity& capacity : worker.slotCapacities())
            slotTypes.insert(capacity.slotType);
        choices.workers.push_back({worker.id(), worker.displayName()});
    }
    choices.actions = sorted(actions);
    choices.labelKeys = sorted(keys);
    choices.slotTypes = sorted(slotTypes);
    return choices;
}

} // namespace hwi::models
