#pragma once

#include <QStackedWidget>

class QAbstractItemModel;
class QLabel;
class QTableView;

namespace hwi::views {

// A detail table that shows an empty-state text ("No labels") instead of an empty grid.
class SectionView final : public QStackedWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SectionView)

public:
    SectionView(QAbstractItemModel* model, const QString& emptyText, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }

private:
    void updateEmptyState();

    QAbstractItemModel* m_model;
    QTableView* m_table;
    QLabel* m_empty;
};

// Common settings for every table in the window: fast on large models, sortable, resizable.
void setUpTable(QTableView& table);

} // namespace hwi::views
