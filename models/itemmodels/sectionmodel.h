#pragma once

#include "timeformat.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace hwi::models {

// The base of the per-worker section models (labels, slots, step runs, …): a flat table with one row per
// element of a worker's list. It owns the QAbstractItemModel side (rowCount, columnCount, flags, headerData,
// data with its index checks, NodeRole) and asks the subclass for a cell. Headers are the subclass's
// QT_TR_NOOP titles, translated in its context.
class SectionModel : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SectionModel)

public:
    ~SectionModel() override;

    // Shows the sections of worker (a reset); nullopt shows no rows.
    virtual void setWorker(const std::optional<hatchet::WorkerView>& worker) = 0;
    // The time "ago" texts count from. Emits dataChanged for the time cells only (see setTimeCells()), never
    // a reset; models without times only store it.
    void setReferenceTime(const QDateTime& time);

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;
    Qt::ItemFlags flags(const QModelIndex& index) const final;

protected:
    // titles: one QT_TR_NOOP string per column, alive as long as the model (a static table).
    SectionModel(std::span<const char* const> titles, QObject* parent);

    // The cells a new reference time changes: columns first..last of rows firstRow..lastRow (-1: the last
    // row), announced for roles.
    struct TimeCells {
        int firstColumn;
        int lastColumn;
        QList<int> roles;
        int firstRow = 0;
        int lastRow = -1;
    };
    void setTimeCells(TimeCells cells) { m_timeCells = std::move(cells); }
    const ReferenceTime& reference() const { return m_reference; }

    // Display and raw value: the text; nothing for other roles.
    static QVariant textCell(const QString& text, int role);

    virtual int rows() const = 0;
    virtual json::NodeId node(int row) const = 0;
    // Any role but NodeRole, for a valid row and column.
    virtual QVariant cell(int row, int column, int role) const = 0;

private:
    std::span<const char* const> m_titles;
    std::optional<TimeCells> m_timeCells;
    ReferenceTime m_reference;
};

// A section model over a vector of rows, each with the JSON node it came from (`node`).
template <typename Row> class SectionTable : public SectionModel {
protected:
    using SectionModel::SectionModel;

    void setRows(std::vector<Row> rows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    const Row& at(int row) const { return m_rows[static_cast<std::size_t>(row)]; }

private:
    int rows() const final { return static_cast<int>(m_rows.size()); }
    json::NodeId node(int row) const final { return at(row).node; }

    std::vector<Row> m_rows;
};

// The node of the member key of the worker's object field (e.g. metadata.id); NoNode when either is absent.
json::NodeId memberNode(const hatchet::WorkerView& worker, std::string_view field, std::string_view key);

// A row of a field/value section (Overview, Runtime): the value of the field, text or a time.
struct FieldEntry {
    QString text{};
    json::NodeId node = json::NoNode;
    hatchet::TimeValue time{};
    bool isTime = false;
};

} // namespace hwi::models
