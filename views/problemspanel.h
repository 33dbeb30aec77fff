#pragma once

#include "hatchet/snapshot.h"

#include <QDockWidget>

#include <memory>

class QTableView;
class QToolButton;

namespace hwi::models {
class ProblemsModel;
class ProblemSeverityFilter;
} // namespace hwi::models

namespace hwi::views {

class SectionView;

// The document's validation problems (the list `--check` prints) as a dock: a sortable table with a
// filter box and one toggle per severity; the title counts them ("Problems — 2 errors, 1 warning").
// Activating a row (double-click, Enter) asks the window to show its worker and node.
class ProblemsPanel final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsPanel)

public:
    explicit ProblemsPanel(QWidget* parent = nullptr);
    ~ProblemsPanel() override;

    void setSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot);
    // The height that shows its rows (up to a handful) or, without problems, little more than one line.
    int preferredHeight() const;
    // Nothing was checked: the source could not be read (and no document is shown).
    void showLoadFailed(const QString& source);

    SectionView* section() const { return m_section; }
    QTableView* table() const;
    models::ProblemsModel* model() const { return m_model; }
    QToolButton* severityToggle(hatchet::Severity severity) const;
    // Emits problemActivated for a row of table() (what double-click and Enter do).
    void activate(const QModelIndex& tableIndex);

Q_SIGNALS:
    // workerIndex indexes Snapshot::workers, -1 when the node lies outside every worker.
    void problemActivated(int workerIndex, hwi::json::NodeId node);

private:
    void updateTexts();
    QString m_notChecked; // why nothing was checked; empty once a document is shown

    models::ProblemsModel* m_model;
    models::ProblemSeverityFilter* m_severities;
    SectionView* m_section;
    QToolButton* m_toggles[3];
};

} // namespace hwi::views
