#pragma once

#include "hatchet/worker.h"
#include "roles.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace hwi::models {

// Field/value rows of a worker's runtimeInfo; empty strings are shown as "—".
class RuntimeInfoModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuntimeInfoModel)

public:
    enum Columns { FieldColumn = 0, ValueColumn, NUM_COLUMNS };
    enum Rows { LanguageRow = 0, SdkVersionRow, LanguageVersionRow, OsRow, ExtraRow, NUM_ROWS };

    explicit RuntimeInfoModel(QObject* parent = nullptr);
    ~RuntimeInfoModel() override;

    void setWorker(const std::optional<hatchet::WorkerView>& worker);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Entry {
        QString value;
        json::NodeId node;
    };
    std::vector<Entry> m_entries; // NUM_ROWS entries when a worker is set, else none
};

} // namespace hwi::models
