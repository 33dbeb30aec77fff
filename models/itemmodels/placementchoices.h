#pragma once

#include "hatchet/snapshot.h"

#include <QStringList>

#include <vector>

namespace hwi::models {

// What the "Can it run?" panel offers for a snapshot: every action, label key and slot type its workers
// carry (sorted, each once) and the workers a sticky task can name.
struct PlacementChoices {
    struct Worker {
        QString id;
        QString name; // as the table shows it
    };
    QStringList actions;
    QStringList labelKeys;
    QStringList slotTypes;
    std::vector<Worker> workers; // document order
};

PlacementChoices placementChoices(const hatchet::Snapshot& snapshot);

} // namespace hwi::models
