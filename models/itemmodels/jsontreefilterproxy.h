#pragma once

#include <QSortFilterProxyModel>
#include <QString>

#include <string>

namespace hwi::models {

// Filters a JsonTreeModel by text: a node matches when its member key or its scalar value (a string's
// unescaped text, a number's source text, true/false/null) contains the text, case-insensitively; the
// ancestors of a match stay visible (recursive filtering). Reads the document directly: no QString per node
// for ASCII text, so a pass over millions of nodes stays fast. An empty text shows everything.
class JsonTreeFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTreeFilterProxy)

public:
    explicit JsonTreeFilterProxy(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool contains(std::string_view haystack) const;

    QString m_text;
    std::string m_asciiNeedle; // lowercased, when m_text is ASCII
    bool m_ascii = true;
};

} // namespace hwi::models
