#pragma once

#include "timeformat.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace hwi::models {

// The labels of one worker (key/value, in document order).
class LabelsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelsModel)

public:
    enum Columns { KeyColumn = 0, ValueColumn, IdColumn, CreatedColumn, UpdatedColumn, NUM_COLUMNS };

    explicit LabelsModel(QObject* parent = nullptr);
    ~LabelsModel() override;

    void setWorker(const std::optional<hatchet::WorkerView>& worker);
    // Emits dataChanged for Created and Updated only.
    void setReferenceTime(const QDateTime& time);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    std::vector<hatchet::Label> m_rows;
    ReferenceTime m_reference;
};

} // namespace hwi::models
