#pragma once

#include "sectionmodel.h"

namespace hwi::models {

// Field/value rows of a worker's runtimeInfo; empty strings are shown as "—".
class RuntimeInfoModel final : public SectionTable<FieldEntry> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuntimeInfoModel)

public:
    enum Columns { FieldColumn = 0, ValueColumn, NUM_COLUMNS };
    enum Rows { LanguageRow = 0, SdkVersionRow, LanguageVersionRow, OsRow, ExtraRow, NUM_ROWS };

    explicit RuntimeInfoModel(QObject* parent = nullptr);
    void setWorker(const std::optional<hatchet::WorkerView>& worker) override;

private:
    static constexpr const char* Titles[NUM_COLUMNS] = {QT_TR_NOOP("Field"), QT_TR_NOOP("Value")};
    static constexpr const char* Fields[NUM_ROWS] = {QT_TR_NOOP("Language"), QT_TR_NOOP("SDK version"),
                                                     QT_TR_NOOP("Language version"), QT_TR_NOOP("OS"),
                                                     QT_TR_NOOP("Extra")};
    QVariant cell(int row, int column, int role) const override;
};

} // namespace hwi::models
