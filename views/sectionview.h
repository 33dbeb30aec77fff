#pragma once

#include <QTimer>
#include <QWidget>

class QAbstractItemModel;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace hwi::models {
class RawValueSortProxy;
}

namespace hwi::views {

// A detail table with a filter box above it (debounced, case-insensitive substring over every column) and
// an empty-state text instead of an empty grid: "No labels", or "No labels match 'x'" when the filter hid
// every row. It sorts on raw values, as every table in the window does (RawValueSortProxy).
class SectionView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SectionView)

public:
    SectionView(QAbstractItemModel* model, const QString& emptyText, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    // Sets the box's text and filters at once (no debounce).
    void setFilterText(const QString& text);
    // "%1" is the filter text; by default derived from the empty text ("No labels match '%1'").
    void setNoMatchText(const QString& format);
    // What the pane says when the model has no rows.
    void setEmptyText(const QString& text);
    // What the empty state says now; empty while the table shows rows.
    QString emptyStateText() const;
    // Adds a widget (e.g. a toggle) to the right of the filter box.
    void addToFilterRow(QWidget* widget);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void applyFilter();
    void updateEmptyState();
    void fitColumns();

    QAbstractItemModel* m_model;
    models::RawValueSortProxy* m_proxy;
    QLineEdit* m_filter;
    QHBoxLayout* m_filterRow;
    QStackedWidget* m_stack;
    QTableView* m_table;
    QLabel* m_empty;
    QString m_emptyText;
    QString m_noMatchText;
    QTimer m_debounce;
    bool m_fitWhenShown = false; // rows changed while the page was hidden
};

// Common settings for every table in the window: fast on large models, sortable, resizable.
void setUpTable(QTableView& table);
// Common settings for the small filter boxes above detail tables and trees.
void setUpFilterEdit(QLineEdit& edit, const QString& accessibleName);

} // namespace hwi::views
