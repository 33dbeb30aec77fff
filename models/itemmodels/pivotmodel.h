#pragma once

#include "analysis/fleet.h"
#include "roles.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <vector>

namespace hwi::models {

// One fleet pivot (analysis::pivot) as a table: a row per key value with the `--by` columns and the reason
// the row's tasks cannot run now (analysis::pivotRowProblem). Rows with a reason are Bad (SeverityRole on
// every cell) and carry it as tooltip. setPivot() with another key resets; with the same key (a refresh, a
// new filter or reference time) rows are matched by key value: removed, inserted and updated in place, so
// selection and scroll position stay.
class PivotModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PivotModel)

public:
    enum Columns {
        KeyColumn = 0,
        WorkersColumn,
        ActiveColumn,
        PausedColumn,
        InactiveColumn,
        SchedulableColumn,
        FreeColumn, // "?" when some summed value is unknown (RawValueRole invalid: sorts first)
        LimitColumn,
        ProblemColumn,
        NUM_COLUMNS
    };
    enum Roles {
        ProblemRole = FirstModelRole, // QString on every cell: the reason, "" when the row can run
        QueryRole,                    // QString on every cell: the filter query of its workers, "" when none
        WorkerIndexesRole,            // QList<qsizetype> on every cell: the snapshot indexes carrying the key
    };

    explicit PivotModel(QObject* parent = nullptr);
    ~PivotModel() override;

    void setPivot(analysis::PivotKey key, std::vector<analysis::PivotRow> rows);
    analysis::PivotKey key() const { return m_key; }
    const analysis::PivotRow& row(int row) const { return m_rows[std::size_t(row)].row; }
    // Rows whose tasks cannot run now.
    int problemCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Row {
        analysis::PivotRow row;
        QString problem;
        QString query;
    };
    Row makeRow(analysis::PivotRow row) const;
    QVariant cell(const Row& row, int column, int role) const;

    analysis::PivotKey m_key = analysis::PivotKey::Action;
    std::vector<Row> m_rows;
};

// Only the rows of a PivotModel (or a proxy over one) whose tasks cannot run now, when switched on.
class PivotProblemFilter final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PivotProblemFilter)

public:
    explicit PivotProblemFilter(QObject* parent = nullptr);

    void setOnlyProblems(bool only);
    bool onlyProblems() const { return m_onlyProblems; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool m_onlyProblems = false;
};

} // namespace hwi::models
