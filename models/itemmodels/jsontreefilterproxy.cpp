#include "jsontreefilterproxy.h"

#include "jsontreemodel.h"

#include <algorithm>

namespace hwi::models {

namespace {

char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

} // namespace

JsonTreeFilterProxy::JsonTreeFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void JsonTreeFilterProxy::setFilterText(const QString& text) {
    if (text == m_text)
        return;
    m_text = text;
    m_ascii = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    m_asciiNeedle = m_ascii ? text.toLower().toStdString() : std::string();
    invalidateRowsFilter();
}

bool JsonTreeFilterProxy::contains(std::string_view haystack) const {
    if (m_ascii) {
        const auto found =
            std::search(haystack.begin(), haystack.end(), m_asciiNeedle.begin(), m_asciiNeedle.end(),
                        [](char a, char b) { return asciiLower(a) == b; });
        return found != haystack.end();
    }
    return QString::fromUtf8(haystack.data(), qsizetype(haystack.size()))
        .contains(m_text, Qt::CaseInsensitive);
}

bool JsonTreeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_text.isEmpty())
        return true;
    const auto* tree = qobject_cast<const JsonTreeModel*>(sourceModel());
    if (!tree || !tree->document())
        return true;
    const json::Document& doc = *tree->document();
    const json::NodeId node = JsonTreeModel::nodeOf(tree->index(sourceRow, 0, sourceParent));
    if (node == json::NoNode)
        return false;
    std::string scratch;
    if (doc.isMember(node) && contains(doc.keyView(node, scratch)))
        return true;
    switch (doc.kind(node)) {
    case json::Kind::Array:
    case json::Kind::Object:
        return false;
    case json::Kind::String:
        return contains(doc.stringView(node, scratch));
    default:
        return contains(doc.rawScalar(node));
    }
}

} // namespace hwi::models
