#pragma once

#include "roles.h"
#include "json/document.h"

#include <QAbstractItemModel>

#include <memory>

namespace hwi::models {

// The raw document as a tree, in source order (duplicate keys included). Nothing is allocated per node:
// an index's internalId is its json::NodeId and the document's flat table answers parent(), row() and
// child() in O(1). The tree can show the whole document or any subtree (e.g. one worker).
class JsonTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTreeModel)

public:
    enum Columns { KeyColumn = 0, ValueColumn, TypeColumn, SizeColumn, NUM_COLUMNS };
    enum Roles {
        PointerRole = FirstModelRole, // RFC 6901 JSON pointer of the node
        PositionRole,                 // "line:column" of the value in the source
        FullValueRole, // the whole value: scalars' text (strings unescaped), containers as compact JSON
    };
    static constexpr qsizetype FullValueLimit = 1 << 20; // bytes of compact JSON before "…"

    explicit JsonTreeModel(QObject* parent = nullptr);
    ~JsonTreeModel() override;

    // Shows the subtree at root (the document root by default) as the single top-level row.
    void setDocument(std::shared_ptr<const json::Document> document, json::NodeId root = 0);
    const std::shared_ptr<const json::Document>& document() const { return m_doc; }
    json::NodeId rootNode() const { return m_root; }

    // Column 0 index of a node of the shown subtree (O(depth)); invalid when the node is outside it.
    QModelIndex indexForNode(json::NodeId node) const;
    static json::NodeId nodeOf(const QModelIndex& index);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QString keyText(json::NodeId node) const;
    QString valueText(json::NodeId node) const;
    QVariant rawValue(json::NodeId node, int column) const;
    QString fullValue(json::NodeId node) const;
    QString compactJson(json::NodeId node) const;

    std::shared_ptr<const json::Document> m_doc;
    json::NodeId m_root = 0;
};

} // namespace hwi::models
