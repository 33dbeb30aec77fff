#include "sectionview.h"

#include "itemmodels/roles.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace hwi::views {

void setUpTable(QTableView& table) {
    table.setSelectionBehavior(QAbstractItemView::SelectRows);
    table.setAlternatingRowColors(true);
    table.setWordWrap(false);
    table.setSortingEnabled(true);
    table.verticalHeader()->hide();
    // Row heights never depend on content: layout stays O(visible rows) on 10,000-worker files.
    table.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table.verticalHeader()->setDefaultSectionSize(table.fontMetrics().height() + 8);
    table.horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table.horizontalHeader()->setStretchLastSection(true);
    table.horizontalHeader()->setResizeContentsPrecision(64);
    table.horizontalHeader()->setHighlightSections(false);
}

SectionView::SectionView(QAbstractItemModel* model, const QString& emptyText, QWidget* parent)
    : QStackedWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_empty(new QLabel(emptyText, this)) {
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSortRole(models::RawValueRole);
    proxy->setSourceModel(model);
    m_table->setModel(proxy);
    setUpTable(*m_table);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // document order until the user sorts
    m_table->setAccessibleName(emptyText.mid(3));  // "No labels" -> "labels"
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false); // the palette's disabled text: visibly a placeholder
    addWidget(m_table);
    addWidget(m_empty);
    connect(model, &QAbstractItemModel::modelReset, this, &SectionView::updateEmptyState);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SectionView::updateEmptyState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &SectionView::updateEmptyState);
    updateEmptyState();
}

void SectionView::updateEmptyState() {
    setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget*>(m_empty) : m_table);
    if (m_model->rowCount() > 0)
        m_table->resizeColumnsToContents(); // small per-worker tables: fit their content
}

} // namespace hwi::views
