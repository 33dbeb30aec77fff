#pragma once

#include "sectionmodel.h"

namespace hwi::models {

// The registered workflows of one worker (only `hatchet worker get` responses carry them).
class WorkflowsModel final : public SectionTable<hatchet::RegisteredWorkflow> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowsModel)

public:
    enum Columns { IdColumn = 0, NameColumn, NUM_COLUMNS };

    explicit WorkflowsModel(QObject* parent = nullptr);
    void setWorker(const std::optional<hatchet::WorkerView>& worker) override;

private:
    static constexpr const char* Titles[NUM_COLUMNS] = {QT_TR_NOOP("ID"), QT_TR_NOOP("Name")};
    QVariant cell(int row, int column, int role) const override;
};

} // namespace hwi::models
