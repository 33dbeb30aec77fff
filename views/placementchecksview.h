#pragma once

#include "analysis/placement.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace hwi::views {

// The detail pane's Placement tab: the selected worker's "Can it run?" verdict and rank, then every check
// the scheduler makes of it in rule order (rule, result, what it found), and the placement's warnings.
class PlacementChecksView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacementChecksView)

public:
    enum Columns { RuleColumn = 0, ResultColumn, TextColumn, NUM_COLUMNS };

    explicit PlacementChecksView(QWidget* parent = nullptr);

    // nullopt: no worker selected, or one the placement does not cover.
    void setPlacement(const std::optional<analysis::WorkerPlacement>& placement, const QStringList& warnings);

    static QString ruleName(analysis::Check::Rule rule);
    static QString resultName(analysis::Check::Result result);

    QLabel* verdictLabel() const { return m_verdict; }
    QTableWidget* checksTable() const { return m_checks; }
    QLabel* warningsLabel() const { return m_warnings; }

private:
    QLabel* m_verdict;
    QTableWidget* m_checks;
    QLabel* m_warnings;
};

} // namespace hwi::views
