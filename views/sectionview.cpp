#include "sectionview.h"

#include "palette.h"

#include "itemmodels/rawvaluesortproxy.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace hwi::views {

namespace {

constexpr int SectionFilterDebounceMsecs = 150;

// "No registered workflows (lists omit them; …)" -> "No registered workflows match '%1'".
QString noMatchFormat(const QString& emptyText) {
    const qsizetype paren = emptyText.indexOf(QStringLiteral(" ("));
    return QString(paren < 0 ? emptyText : emptyText.left(paren)) + QStringLiteral(" match '%1'");
}

// Text in the Bad colour where the model says a cell is Bad (SeverityRole), e.g. an overdue slot's row — the
// same red the slot timeline and the status pills use. Selected cells keep the highlighted text colour.
class SeverityTextDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        if (models::severityOf(index.data(models::SeverityRole)) == models::HealthLevel::Bad)
            option->palette.setColor(QPalette::Text, healthColor(models::HealthLevel::Bad, option->palette));
    }
};

} // namespace

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

void setUpFilterEdit(QLineEdit& edit, const QString& accessibleName) {
    edit.setPlaceholderText(QObject::tr("Filter…"));
    edit.setClearButtonEnabled(true);
    edit.setAccessibleName(accessibleName);
    edit.setMaximumWidth(320);
}

SectionView::SectionView(QAbstractItemModel* model, const QString& emptyText, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new models::RawValueSortProxy(this))
    , m_filter(new QLineEdit(this))
    , m_filterRow(new QHBoxLayout)
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(m_stack))
    , m_empty(new QLabel(emptyText, m_stack))
    , m_emptyText(emptyText)
    , m_noMatchText(noMatchFormat(emptyText)) {
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSourceModel(model);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new SeverityTextDelegate(m_table));
    setUpTable(*m_table);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // document order until the user sorts
    const QString noun = emptyText.mid(3);         // "No labels" -> "labels"
    m_table->setAccessibleName(noun);
    setUpFilterEdit(*m_filter, tr("Filter %1").arg(noun));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(
        true); // a long placeholder must not set the detail pane's (and window's) minimum width
    m_empty->setEnabled(false); // the palette's disabled text: visibly a placeholder
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    m_filterRow->addWidget(m_filter);
    m_filterRow->addStretch(1);
    layout->addLayout(m_filterRow);
    layout->addWidget(m_stack, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(SectionFilterDebounceMsecs);
    connect(m_filter, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &SectionView::applyFilter);
    connect(&m_debounce, &QTimer::timeout, this, &SectionView::applyFilter);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &SectionView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SectionView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &SectionView::updateEmptyState);
    updateEmptyState();
}

void SectionView::setFilterText(const QString& text) {
    m_filter->setText(text);
    applyFilter();
}

void SectionView::setEmptyText(const QString& text) {
    m_emptyText = text;
    updateEmptyState();
}

void SectionView::setNoMatchText(const QString& format) {
    m_noMatchText = format;
    updateEmptyState();
}

QString SectionView::emptyStateText() const {
    return m_stack->currentWidget() == m_empty ? m_empty->text() : QString();
}

void SectionView::addToFilterRow(QWidget* widget) {
    m_filterRow->insertWidget(m_filterRow->count() - 1, widget);
}

void SectionView::applyFilter() {
    m_debounce.stop();
    m_proxy->setFilterFixedString(m_filter->text().trimmed());
    updateEmptyState();
}

void SectionView::updateEmptyState() {
    const bool sourceEmpty = m_model->rowCount() == 0;
    const bool empty = m_proxy->rowCount() == 0;
    m_empty->setText(sourceEmpty ? m_emptyText : m_noMatchText.arg(m_filter->text().trimmed()));
    m_stack->setCurrentWidget(empty ? static_cast<QWidget*>(m_empty) : m_table);
    // Nothing to filter: no box, unless it holds text that still applies (the user can clear it).
    m_filter->setHidden(sourceEmpty && m_filter->text().isEmpty());
    // Measuring every cell's text is most of what selecting a worker costs: the pages not in view are
    // fitted when they are shown.
    m_fitWhenShown = !empty && !isVisible();
    if (!empty && !m_fitWhenShown)
        fitColumns();
}

void SectionView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_fitWhenShown) {
        m_fitWhenShown = false;
        fitColumns();
    }
}

void SectionView::fitColumns() {
    m_table->resizeColumnsToContents(); // small per-worker tables: fit their content
    // That sized the last column to its content too: let it take the rest of the width again.
    QHeaderView* header = m_table->horizontalHeader();
    if (header->stretchLastSection()) {
        header->setStretchLastSection(false);
        header->setStretchLastSection(true);
    }
}

} // namespace hwi::views
