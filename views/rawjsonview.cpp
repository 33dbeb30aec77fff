#include "rawjsonview.h"

#include "itemmodels/jsontreemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace hwi::views {

RawJsonView::RawJsonView(QWidget* parent)
    : QWidget(parent)
    , m_model(new models::JsonTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_location(new QLabel(this))
    , m_value(new QPlainTextEdit(this)) {
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAccessibleName(QStringLiteral("Raw JSON tree"));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(models::JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(models::JsonTreeModel::KeyColumn, 220);
    m_value->setReadOnly(true);
    m_value->setAccessibleName(QStringLiteral("Selected JSON value"));
    m_value->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* valuePane = new QWidget(this);
    auto* valueLayout = new QVBoxLayout(valuePane);
    valueLayout->setContentsMargins(0, 0, 0, 0);
    valueLayout->addWidget(m_location);
    valueLayout->addWidget(m_value);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(valuePane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &RawJsonView::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RawJsonView::showCurrent);
}

void RawJsonView::setDocument(std::shared_ptr<const json::Document> document, json::NodeId root) {
    m_model->setDocument(std::move(document), root);
    m_tree->expand(m_model->index(0, 0));
}

void RawJsonView::selectNode(json::NodeId node) {
    const QModelIndex index = m_model->indexForNode(node);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void RawJsonView::showCurrent() {
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid()) {
        m_location->setText(tr("Select a node to see its full value, JSON pointer and position."));
        m_value->clear();
        return;
    }
    const QString pointer = index.data(models::JsonTreeModel::PointerRole).toString();
    m_location->setText(tr("%1   line:column %2")
                            .arg(pointer.isEmpty() ? tr("(root)") : pointer,
                                 index.data(models::JsonTreeModel::PositionRole).toString()));
    m_value->setPlainText(index.data(models::JsonTreeModel::FullValueRole).toString());
}

} // namespace hwi::views
