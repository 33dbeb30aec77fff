#pragma once

#include "sectionmodel.h"

namespace hwi::models {

// The recent step runs of one worker (only `hatchet worker get` responses carry them).
class StepRunsModel final : public SectionTable<hatchet::RecentStepRun> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepRunsModel)

public:
    enum Columns {
        IdColumn = 0,
        ActionColumn,
        StatusColumn,
        StartedColumn,
        FinishedColumn,
        CancelledColumn,
        DurationColumn, // finished (or cancelled) - started; "running for …" up to the reference time
        WorkflowRunIdColumn,
        NUM_COLUMNS
    };

    // A new reference time changes Started..Duration only.
    explicit StepRunsModel(QObject* parent = nullptr);
    void setWorker(const std::optional<hatchet::WorkerView>& worker) override;

private:
    static constexpr const char* Titles[NUM_COLUMNS] = {
        QT_TR_NOOP("ID"),       QT_TR_NOOP("Action"),         QT_TR_NOOP("Status"),
        QT_TR_NOOP("Started"),  QT_TR_NOOP("Finished"),       QT_TR_NOOP("Cancelled"),
        QT_TR_NOOP("Duration"), QT_TR_NOOP("Workflow run ID")};
    QVariant cell(int row, int column, int role) const override;
    QVariant durationData(const hatchet::RecentStepRun& run, int role) const;
};

} // namespace hwi::models
