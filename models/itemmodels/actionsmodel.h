#pragma once

#include "sectionmodel.h"

namespace hwi::models {

// A row of ActionsModel.
struct ActionRow {
    json::NodeId node;
    QString action;
    qsizetype colon; // -1 without one: then the whole action is the step
};

// The actions a worker listens for ("workflow:step"), with the two parts split into their own columns.
class ActionsModel final : public SectionTable<ActionRow> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsModel)

public:
    enum Columns { ActionColumn = 0, WorkflowColumn, StepColumn, NUM_COLUMNS };

    explicit ActionsModel(QObject* parent = nullptr);
    // `"actions": null` (a PATCH response) gives no rows.
    void setWorker(const std::optional<hatchet::WorkerView>& worker) override;

private:
    static constexpr const char* Titles[NUM_COLUMNS] = {QT_TR_NOOP("Action"), QT_TR_NOOP("Workflow"),
                                                        QT_TR_NOOP("Step")};
    QVariant cell(int row, int column, int role) const override;
};

} // namespace hwi::models
