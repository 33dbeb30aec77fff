#include "rawjsonview.h"

#include "export/jsonwriter.h"
#include "itemmodels/jsontreefilterproxy.h"
#include "itemmodels/jsontreemodel.h"
#include "sectionview.h"
#include "json/paths.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace hwi::views {

using models::JsonTreeModel;

namespace {

constexpr int SearchDebounceMsecs = 150;

} // namespace

RawJsonView::RawJsonView(QWidget* parent)
    : QWidget(parent)
    , m_model(new JsonTreeModel(this))
    , m_proxy(new models::JsonTreeFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_location(new QLabel(this))
    , m_value(new QPlainTextEdit(this))
    , m_menu(new QMenu(this)) {
    m_proxy->setSourceModel(m_model);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAccessibleName(QStringLiteral("Raw JSON tree"));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(JsonTreeModel::KeyColumn, 220);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->installEventFilter(this);
    setUpFilterEdit(*m_filter, tr("Filter raw JSON"));
    m_filterToolTip =
        tr("Keys or values containing this text (case-insensitive); matches keep their "
           "parents. Filters from %1 characters, or press Enter. A JSON pointer (/rows/3/labels) "
           "or jq path (.rows[3].labels) jumps to that node.")
            .arg(MinTypedFilter);
    m_filter->setToolTip(m_filterToolTip);
    m_value->setReadOnly(true);
    m_value->setAccessibleName(QStringLiteral("Selected JSON value"));
    // Pretty JSON keeps its lines: scroll sideways rather than break a token.
    m_value->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_location->setTextFormat(Qt::PlainText); // a JSON pointer holds the document's keys
    m_location->setWordWrap(true);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const std::pair<QString, Copy> copies[] = {{tr("Copy &Value"), Copy::Value},
                                               {tr("Copy as &JSON"), Copy::Json},
                                               {tr("Copy JSON &Pointer"), Copy::Pointer},
                                               {tr("Copy j&q Path"), Copy::JqPath}};
    for (const auto& [title, what] : copies) {
        QAction* action = m_menu->addAction(title, this, [this, what = what] { copy(what); });
        if (what == Copy::Value)
            action->setShortcut(QKeySequence::Copy); // shown in the menu; eventFilter() handles the key
    }

    auto* treePane = new QWidget(this);
    auto* treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(0, 4, 0, 0);
    treeLayout->setSpacing(4);
    treeLayout->addWidget(m_filter);
    treeLayout->addWidget(m_tree, 1);
    auto* valuePane = new QWidget(this);
    auto* valueLayout = new QVBoxLayout(valuePane);
    valueLayout->setContentsMargins(0, 0, 0, 0);
    valueLayout->addWidget(m_location);
    valueLayout->addWidget(m_value);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(treePane);
    splitter->addWidget(valuePane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(SearchDebounceMsecs);
    connect(m_filter, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_debounce, &QTimer::timeout, this, [this] { applyFilter(false); });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] { applyFilter(true); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &RawJsonView::showCurrent);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        showCurrent();
        expandMatches();
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &RawJsonView::showContextMenu);
}

bool RawJsonView::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_tree)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::FocusIn)
        Q_EMIT used();
    // Ctrl+C copies the full value (the view itself would copy the cell's display text).
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copy(Copy::Value);
        return true;
    }
    // Enter expands or collapses the current node (the tree alone would only emit activated()).
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        const QModelIndex current = m_tree->currentIndex();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && current.isValid() &&
            m_proxy->hasChildren(current)) {
            m_tree->setExpanded(current, !m_tree->isExpanded(current));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RawJsonView::setDocument(std::shared_ptr<const json::Document> document, json::NodeId root) {
    m_model->setDocument(std::move(document), root); // the proxy's reset expands
}

RawJsonView::ViewState RawJsonView::viewState() const {
    ViewState state;
    const auto& doc = m_model->document();
    if (!doc)
        return state;
    const qsizetype rootLength = doc->pointer(m_model->rootNode()).size();
    const auto relative = [&](const QModelIndex& index) {
        return doc->pointer(JsonTreeModel::nodeOf(m_proxy->mapToSource(index))).mid(rootLength);
    };
    // Only expanded subtrees are visited.
    std::vector<QModelIndex> pending = {m_proxy->index(0, 0)};
    while (!pending.empty()) {
        const QModelIndex index = pending.back();
        pending.pop_back();
        if (!index.isValid() || !m_tree->isExpanded(index))
            continue;
        state.expanded.append(relative(index));
        for (int row = 0; row < m_proxy->rowCount(index); ++row)
            pending.push_back(m_proxy->index(row, 0, index));
    }
    if (m_tree->currentIndex().isValid())
        state.current = relative(m_tree->currentIndex().siblingAtColumn(0));
    state.scroll = m_tree->verticalScrollBar()->value();
    return state;
}

void RawJsonView::restoreViewState(const ViewState& state) {
    const auto& doc = m_model->document();
    if (!doc)
        return;
    const auto find = [&](const QString& pointer) {
        const json::NodeId node = json::resolvePointer(*doc, m_model->rootNode(), pointer);
        return node == json::NoNode ? QModelIndex() : m_proxy->mapFromSource(m_model->indexForNode(node));
    };
    for (const QString& pointer : state.expanded) {
        if (const QModelIndex index = find(pointer); index.isValid())
            m_tree->expand(index);
    }
    if (state.current) {
        if (const QModelIndex current = find(*state.current); current.isValid())
            m_tree->setCurrentIndex(current);
    }
    m_tree->doItemsLayout(); // so the scroll range covers the expanded rows
    m_tree->verticalScrollBar()->setValue(state.scroll);
}

const std::shared_ptr<const json::Document>& RawJsonView::document() const {
    return m_model->document();
}

void RawJsonView::selectNode(json::NodeId node) {
    const QModelIndex source = m_model->indexForNode(node);
    if (!source.isValid())
        return;
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) { // hidden by the filter: show everything rather than nothing
        setFilterText({});
        index = m_proxy->mapFromSource(source);
    }
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void RawJsonView::setFilterText(const QString& text) {
    m_filter->setText(text);
    applyFilter(true);
}

void RawJsonView::applyFilter(bool force) {
    m_debounce.stop();
    const QString text = m_filter->text().trimmed();
    if (json::looksLikePath(text)) {
        if (jumpToPath(text))
            setPathError({});
        else
            setPathError(text); // the tree stays as it is
        return;
    }
    setPathError({});
    if (!force && !text.isEmpty() && text.size() < MinTypedFilter)
        return;
    if (text == m_proxy->filterText())
        return;
    const json::NodeId current = currentNode();
    m_proxy->setFilterText(text);
    expandMatches();
    if (current != json::NoNode) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexForNode(current));
        if (index.isValid()) {
            m_tree->setCurrentIndex(index);
            m_tree->scrollTo(index);
        }
    }
}

bool RawJsonView::jumpToPath(const QString& path) {
    const auto& doc = m_model->document();
    if (!doc)
        return false;
    // A path from the document's root (as the location line and Copy JSON Pointer give it), else one
    // relative to the shown subtree.
    QModelIndex source;
    for (const json::NodeId from : {doc->root(), m_model->rootNode()}) {
        const json::NodeId node = json::resolvePath(*doc, from, path);
        if (node != json::NoNode)
            source = m_model->indexForNode(node);
        if (source.isValid())
            break;
    }
    if (!source.isValid())
        return false;
    if (!m_proxy->filterText().isEmpty()) { // a path is no filter: show the whole tree
        m_proxy->setFilterText({});
        expandMatches();
    }
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_tree->expand(parent);
    m_tree->expand(index);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index, QAbstractItemView::PositionAtTop);
    return true;
}

void RawJsonView::setPathError(const QString& path) {
    const bool error = !path.isEmpty();
    if (!error && !m_pathError)
        return;
    m_pathError = error;
    m_filter->setStyleSheet(error ? QStringLiteral("QLineEdit { color: #c0392b; border: 1px solid #c0392b; }")
                                  : QString());
    m_filter->setToolTip(error ? tr("no node at %1").arg(path) : m_filterToolTip);
    m_filter->setAccessibleDescription(error ? tr("no node at %1").arg(path) : QString());
}

void RawJsonView::expandMatches() {
    m_tree->collapseAll();
    const QModelIndex root = m_proxy->index(0, 0);
    if (!root.isValid())
        return;
    m_tree->expand(root);
    if (m_proxy->filterText().isEmpty())
        return;
    // expandAll() lays out every match: only when the result is small.
    int rows = m_proxy->rowCount() + m_proxy->rowCount(root);
    for (int row = 0, n = m_proxy->rowCount(root); row < n && rows <= ExpandAllLimit; ++row)
        rows += m_proxy->rowCount(m_proxy->index(row, 0, root));
    if (rows <= ExpandAllLimit)
        m_tree->expandAll();
}

json::NodeId RawJsonView::currentNode() const {
    return JsonTreeModel::nodeOf(m_proxy->mapToSource(m_tree->currentIndex()));
}

QString RawJsonView::copyText(Copy what) const {
    const QModelIndex index = m_tree->currentIndex();
    const json::NodeId node = currentNode();
    if (!index.isValid() || node == json::NoNode || !document())
        return {};
    switch (what) {
    case Copy::Value:
        return index.data(JsonTreeModel::FullValueRole).toString();
    case Copy::Json:
        return QString::fromUtf8(exporting::toJson(*document(), node, exporting::Style::Compact));
    case Copy::Pointer:
        return index.data(JsonTreeModel::PointerRole).toString();
    case Copy::JqPath:
        return json::jqPath(*document(), node);
    }
    return {};
}

void RawJsonView::copy(Copy what) const {
    if (currentNode() != json::NoNode)
        QGuiApplication::clipboard()->setText(copyText(what));
}

void RawJsonView::showContextMenu(const QPoint& pos) {
    const QModelIndex index = m_tree->indexAt(pos);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    Q_EMIT used();
    m_menu->popup(m_tree->viewport()->mapToGlobal(pos));
}

void RawJsonView::showCurrent() {
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid()) {
        m_location->setText(tr("Select a node to see its full value, JSON pointer and position."));
        m_value->clear();
        return;
    }
    Q_EMIT used();
    const QString pointer = index.data(JsonTreeModel::PointerRole).toString();
    m_location->setText(tr("%1   line:column %2")
                            .arg(pointer.isEmpty() ? tr("(root)") : pointer,
                                 index.data(JsonTreeModel::PositionRole).toString()));
    const json::NodeId node = currentNode();
    const auto& doc = document();
    if (doc && node != json::NoNode && doc->isContainer(node)) {
        // Pretty, as export writes it; a value past the compact cap is left compact and cut.
        const QString compact = index.data(JsonTreeModel::FullValueRole).toString();
        if (compact.endsWith(QChar(0x2026))) { // compact JSON ends with a bracket unless cut
            m_value->setPlainText(
                tr("(too large to pretty-print here: use Copy as JSON or File > Export)\n%1").arg(compact));
            return;
        }
        QByteArray pretty = exporting::toJson(*doc, node, exporting::Style::Pretty);
        if (pretty.endsWith('\n'))
            pretty.chop(1);
        m_value->setPlainText(QString::fromUtf8(pretty));
        return;
    }
    m_value->setPlainText(index.data(JsonTreeModel::FullValueRole).toString());
}

} // namespace hwi::views
