#pragma once

#include "json/document.h"

#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QTreeView;

namespace hwi::models {
class JsonTreeModel;
class JsonTreeFilterProxy;
} // namespace hwi::models

namespace hwi::views {

// The raw JSON as a tree (source order, exact numbers) with a filter box above it (keys or values; matches
// keep their ancestors) and a pane showing the selected value in full, its JSON pointer and line:column.
// The filter box also takes a JSON pointer (`/rows/3/labels`) or a jq path (`.rows[3].labels`): it jumps to
// that node instead of filtering, or marks the box "no node at PATH". Containers show pretty-printed, as
// export writes them.
// A context menu copies the value, the node as JSON, its JSON pointer or its jq path.
class RawJsonView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawJsonView)

public:
    enum class Copy { Value, Json, Pointer, JqPath };
    // Filtering visits every node: typing filters (after a pause) from this many characters; Enter always.
    static constexpr int MinTypedFilter = 2;
    // Matches are expanded only when the top two levels hold at most this many rows.
    static constexpr int ExpandAllLimit = 2000;

    explicit RawJsonView(QWidget* parent = nullptr);

    // What a refresh keeps: expanded nodes and the current node as JSON pointers relative to the shown root,
    // and the scroll position.
    struct ViewState {
        QStringList expanded;
        std::optional<QString> current;
        int scroll = 0;
    };

    void setDocument(std::shared_ptr<const json::Document> document, json::NodeId root = 0);
    ViewState viewState() const;
    // Expands and selects what still exists in the shown document.
    void restoreViewState(const ViewState& state);
    // Selects the node; clears the filter first when the filter hides it.
    void selectNode(json::NodeId node);
    // Sets the box's text and filters (or jumps to the path) at once.
    void setFilterText(const QString& text);
    json::NodeId currentNode() const;
    const std::shared_ptr<const json::Document>& document() const;
    // The text a Copy action puts on the clipboard for the current node (empty without one).
    QString copyText(Copy what) const;
    void copy(Copy what) const;

    // Whether the box holds a path that names no node.
    bool pathError() const { return m_pathError; }

    QTreeView* tree() const { return m_tree; }
    QLineEdit* filterEdit() const { return m_filter; }
    models::JsonTreeModel* model() const { return m_model; }
    models::JsonTreeFilterProxy* proxy() const { return m_proxy; }

Q_SIGNALS:
    // The user worked in this view (focus, selection, context menu): "the raw view last used".
    void used();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showCurrent();
    void applyFilter(bool force);
    void expandMatches();
    // Selects, expands to and scrolls to the node the path names; false when it names none.
    bool jumpToPath(const QString& path);
    void setPathError(const QString& path);
    void showContextMenu(const QPoint& pos);

    models::JsonTreeModel* m_model;
    models::JsonTreeFilterProxy* m_proxy;
    QLineEdit* m_filter;
    QTreeView* m_tree;
    QLabel* m_location;
    QPlainTextEdit* m_value;
    QMenu* m_menu;
    QTimer m_debounce;
    QString m_filterToolTip;
    bool m_pathError = false;
};

} // namespace hwi::views
