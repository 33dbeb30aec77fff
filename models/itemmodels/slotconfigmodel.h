#pragma once

#include "hatchet/worker.h"
#include "roles.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace hwi::models {

// Capacity per slot type (`slotConfig`, or the old era's maxRuns/availableRuns as "default").
class SlotConfigModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlotConfigModel)

public:
    enum Columns { SlotTypeColumn = 0, UsedColumn, AvailableColumn, LimitColumn, NUM_COLUMNS };
    enum Roles {
        UsedRole = FirstModelRole, // qint64 used slots, invalid when unknown; on every cell, for a bar
        LimitRole,                 // qint64 limit, invalid when unknown
    };

    explicit SlotConfigModel(QObject* parent = nullptr);
    ~SlotConfigModel() override;

    void setWorker(const std::optional<hatchet::WorkerView>& worker);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Row {
        hatchet::SlotCapacity capacity;
        json::NodeId node;
    };
    std::vector<Row> m_rows;
};

} // namespace hwi::models
