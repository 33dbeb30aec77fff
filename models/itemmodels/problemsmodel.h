#pragma once

#include "hatchet/snapshot.h"
#include "roles.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace hwi::models {

// The validation problems of a snapshot, one row each, in the order `--check` prints them (document
// order). Each row knows its node and the worker it belongs to, so a view can jump to both.
class ProblemsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsModel)

public:
    enum Columns {
        SeverityColumn = 0,
        LocationColumn,
        WorkerColumn,
        PointerColumn,
        MessageColumn,
        NUM_COLUMNS
    };
    enum Roles {
        WorkerIndexRole = FirstModelRole, // int: index into Snapshot::workers, -1 outside every worker
        ProblemSeverityRole,              // int: hatchet::Severity
    };

    explicit ProblemsModel(QObject* parent = nullptr);
    ~ProblemsModel() override;

    void setSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot);
    std::size_t count(hatchet::Severity severity) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Row {
        int worker = -1;
        QString workerName; // shared between the rows of one worker
    };

    std::shared_ptr<const hatchet::Snapshot> m_snapshot;
    std::vector<Row> m_rows; // parallel to m_snapshot->problems
    std::size_t m_counts[3] = {};
};

// Shows or hides whole severities of a ProblemsModel (text filtering and sorting are left to the view's
// own proxy).
class ProblemSeverityFilter final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemSeverityFilter)

public:
    explicit ProblemSeverityFilter(QObject* parent = nullptr);

    void setSeverityShown(hatchet::Severity severity, bool shown);
    bool isSeverityShown(hatchet::Severity severity) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool m_shown[3] = {true, true, true};
};

} // namespace hwi::models
