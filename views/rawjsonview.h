#pragma once

#include "json/document.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace hwi::models {
class JsonTreeModel;
}

namespace hwi::views {

// The raw JSON as a tree (source order, exact numbers) with a pane showing the selected value in full,
// its JSON pointer and its line:column.
class RawJsonView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawJsonView)

public:
    explicit RawJsonView(QWidget* parent = nullptr);

    void setDocument(std::shared_ptr<const json::Document> document, json::NodeId root = 0);
    void selectNode(json::NodeId node);
    QTreeView* tree() const { return m_tree; }
    models::JsonTreeModel* model() const { return m_model; }

private:
    void showCurrent();

    models::JsonTreeModel* m_model;
    QTreeView* m_tree;
    QLabel* m_location;
    QPlainTextEdit* m_value;
};

} // namespace hwi::views
