#pragma once

#include "analysis/placement.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QStringListModel;
class QTableWidget;

namespace hwi::views {

// The "Can it run?" panel's desired labels: one row each (key with completion, comparator, value,
// required, weight), rows added and removed with the buttons below. Blank rows are ignored; a row that is
// not a label the engine could be given is a problem (labels() leaves it out).
class DesiredLabelsEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesiredLabelsEditor)

public:
    enum Columns { KeyColumn = 0, ComparatorColumn, ValueColumn, RequiredColumn, WeightColumn, NUM_COLUMNS };

    explicit DesiredLabelsEditor(QWidget* parent = nullptr);

    void setKeyChoices(const QStringList& keys);
    void addLabel(const analysis::DesiredLabel& label = {});
    void removeRow(int row);
    void clear();
    int rowCount() const;

    // The complete rows, in order.
    std::vector<analysis::DesiredLabel> labels() const;
    // What is wrong with the incomplete rows ("row 2: gpu > needs an integer value, not 'a100'").
    QStringList problems() const;
    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    void changed();

private:
    // A row as typed; nullopt with *problem for a row that is not a label (blank rows: no problem).
    std::optional<analysis::DesiredLabel> labelAt(int row, QString* problem) const;

    QTableWidget* m_table;
    QStringListModel* m_keys;
};

} // namespace hwi::views
