#pragma once

#include "sectionmodel.h"

namespace hwi::models {

// The labels of one worker (key/value, in document order).
class LabelsModel final : public SectionTable<hatchet::Label> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelsModel)

public:
    enum Columns { KeyColumn = 0, ValueColumn, IdColumn, CreatedColumn, UpdatedColumn, NUM_COLUMNS };

    // A new reference time changes Created and Updated only.
    explicit LabelsModel(QObject* parent = nullptr);
    void setWorker(const std::optional<hatchet::WorkerView>& worker) override;

private:
    static constexpr const char* Titles[NUM_COLUMNS] = {QT_TR_NOOP("Key"), QT_TR_NOOP("Value"),
                                                        QT_TR_NOOP("ID"), QT_TR_NOOP("Created"),
                                                        QT_TR_NOOP("Updated")};
    QVariant cell(int row, int column, int role) const override;
};

} // namespace hwi::models
