#pragma once

#include "analysis/placement.h"
#include "itemmodels/placementchoices.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStringListModel;

namespace hwi::views {

class DesiredLabelsEditor;

// "Can it run?": the task whose placement the window shows — its action (completed from the snapshot's),
// desired labels, slot units per type and sticky assignment. Edits are debounced into taskChanged(); what
// cannot be a task is listed under the form, never applied.
class PlacementPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacementPanel)

public:
    explicit PlacementPanel(QWidget* parent = nullptr);
    // Wide enough that a label's key and value read whole beside its comparator, required and weight.
    QSize sizeHint() const override;

    // What the snapshot offers: actions, label keys, slot types (a spin box each) and sticky workers.
    void setChoices(const models::PlacementChoices& choices);

    void setAction(const QString& action);
    QString action() const;
    DesiredLabelsEditor* labelsEditor() const { return m_labels; }
    // Units of a slot type the snapshot offers (ignored for another type).
    void setUnits(const QString& slotType, int units);
    void setSticky(analysis::Sticky sticky, const QString& workerId = {});
    // Puts the inputs of `task` in the form (labels replaced).
    void setTask(const analysis::Task& task);

    // The task as the form describes it; nullopt without an action or while problems() is not empty.
    std::optional<analysis::Task> task() const;
    QStringList problems() const;
    QLineEdit* actionEdit() const { return m_action; }
    QPushButton* copyCommandButton() const { return m_copy; }
    QLabel* problemsLabel() const { return m_problems; }

Q_SIGNALS:
    // The form changed (debounced): ask task() again.
    void taskChanged();
    void copyCommandRequested();

private:
    void edited();
    void rebuildUnits(const QStringList& slotTypes);
    void updateProblems();

    QLineEdit* m_action;
    QStringListModel* m_actions;
    DesiredLabelsEditor* m_labels;
    QFormLayout* m_unitsForm;
    std::vector<std::pair<QString, QSpinBox*>> m_units;
    QComboBox* m_sticky;
    QComboBox* m_stickyWorker;
    QLabel* m_problems;
    QPushButton* m_copy;
    QTimer m_debounce;
};

} // namespace hwi::views
