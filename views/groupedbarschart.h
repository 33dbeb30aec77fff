#pragma once

#include "chartpanel.h"

namespace hwi::views {

// A two-level count picture: a line per group (e.g. an SDK language, a label key) with its total, then a bar
// per item under it (versions, values), most workers first. A group can be flagged (amber, with why). What
// does not fit ends as "+N more".
class GroupedBarsChart : public ChartPanel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupedBarsChart)

public:
    struct Item {
        QString name;
        int count = 0;
    };
    struct Group {
        QString name;
        int total = 0; // workers carrying the group (not the sum of items: a worker may carry several)
        std::vector<Item> items;
        QString flag; // why the group stands out; empty when it does not
    };

protected:
    using ChartPanel::ChartPanel;

    // The groups in display order, their items most workers first.
    virtual std::vector<Group> groups() const = 0;
    // How many items of a group are drawn before "+N more".
    virtual int itemsPerGroup() const { return 4; }

    void paintChart(QPainter& painter, const QRect& area) override;

    // Sorts items by count (most first), then name; groups keep their order.
    static void sortItems(std::vector<Group>& groups);
};

} // namespace hwi::views
