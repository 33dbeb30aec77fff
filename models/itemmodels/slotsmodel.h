#pragma once

#include "timeformat.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace hwi::models {

// The busy slots of one worker (servers before Feb 2026 fill `slots`). The padded free entries of that era
// are not rows: freePaddingCount() counts them for a "N free" summary.
class SlotsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlotsModel)

public:
    enum Columns {
        StepRunIdColumn = 0,
        ActionColumn,
        WorkflowRunIdColumn,
        StatusColumn,
        StartedColumn,
        TimeoutColumn,
        TimeLeftColumn, // timeout - reference time; negative: "overdue by 12 s", SeverityRole Bad
        NUM_COLUMNS
    };

    explicit SlotsModel(QObject* parent = nullptr);
    ~SlotsModel() override;

    void setWorker(const std::optional<hatchet::WorkerView>& worker);
    // Emits dataChanged for Started, Timeout and TimeLeft only.
    void setReferenceTime(const QDateTime& time);

    int freePaddingCount() const { return m_freePadding; }
    bool hasSlotList() const { return m_hasSlotList; }
    // "3 busy · 2 free"; empty when the worker has no `slots` list (servers since Feb 2026).
    QString summaryText() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QVariant timeLeftData(const hatchet::Slot& slot, int role) const;

    std::vector<hatchet::Slot> m_rows;
    int m_freePadding = 0;
    bool m_hasSlotList = false;
    ReferenceTime m_reference;
};

} // namespace hwi::models
