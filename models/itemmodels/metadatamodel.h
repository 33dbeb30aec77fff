#pragma once

#include "timeformat.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace hwi::models {

// Field/value rows describing one worker: identity, status, connection times and schema era.
class MetadataModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetadataModel)

public:
    enum Columns { FieldColumn = 0, ValueColumn, NUM_COLUMNS };
    enum Rows {
        IdRow = 0,
        NameRow,
        TypeRow,
        StatusRow,
        CreatedRow, // the time rows are contiguous: CreatedRow..LastHeartbeatRow
        UpdatedRow,
        FirstConnectedRow,
        LastListenerRow,
        LastHeartbeatRow,
        DispatcherRow,
        WebhookIdRow,
        WebhookUrlRow,
        SchemaEraRow,
        NUM_ROWS
    };

    explicit MetadataModel(QObject* parent = nullptr);
    ~MetadataModel() override;

    void setWorker(const std::optional<hatchet::WorkerView>& worker);
    void setReferenceTime(const QDateTime& time);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Entry {
        QString text;
        hatchet::TimeValue time;
        bool isTime = false;
        json::NodeId node = json::NoNode;
    };
    std::vector<Entry> m_entries; // NUM_ROWS entries when a worker is set, else none
    ReferenceTime m_reference;
};

} // namespace hwi::models
