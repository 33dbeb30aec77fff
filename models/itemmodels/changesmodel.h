#pragma once

#include "analysis/diff.h"
#include "roles.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace hwi::models {

// The changed fields of one worker in a comparison (the detail pane's Changes tab), in the diff's field
// order: a replaced worker's id first, then one row per field; actions and registeredWorkflows one row per
// member added (Old empty) or removed (New empty). A missing side is an empty cell.
class ChangesModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangesModel)

public:
    enum Columns { FieldColumn = 0, OldColumn, NewColumn, NUM_COLUMNS };
    enum Roles {
        FieldFamilyRole = FirstModelRole, // QString, every cell: the field's first segment ("labels")
    };

    explicit ChangesModel(QObject* parent = nullptr);

    // The worker's change (a copy); nullopt shows no rows. A reset.
    void setChange(std::optional<analysis::WorkerChange> change);
    const std::optional<analysis::WorkerChange>& change() const { return m_change; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    std::optional<analysis::WorkerChange> m_change;
    std::vector<analysis::FieldChange> m_rows; // the id row of a replaced worker, then its fields
};

} // namespace hwi::models
