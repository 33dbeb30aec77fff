#include "jsontreemodel.h"

#include <charconv>
#include <string>
#include <vector>

namespace hwi::models {

using json::Kind;
using json::NodeId;

namespace {

constexpr qsizetype DisplayLimit = 1000; // characters of a string shown in the Value column

QString fromUtf8(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// qint64 when the number is an integer that fits, else double.
QVariant numberValue(std::string_view raw) {
    qint64 integer = 0;
    const auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), integer);
    if (error == std::errc() && end == raw.data() + raw.size())
        return integer;
    double real = 0;
    std::from_chars(raw.data(), raw.data() + raw.size(), real); // out of range: +-HUGE_VAL
    return real;
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject* parent)
    : QAbstractItemModel(parent) {}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setDocument(std::shared_ptr<const json::Document> document, NodeId root) {
    beginResetModel();
    m_doc = std::move(document);
    m_root = m_doc && root < m_doc->nodeCount() ? root : 0;
    endResetModel();
}

NodeId JsonTreeModel::nodeOf(const QModelIndex& index) {
    return index.isValid() ? static_cast<NodeId>(index.internalId()) : json::NoNode;
}

QModelIndex JsonTreeModel::indexForNode(NodeId node) const {
    if (!m_doc || node >= m_doc->nodeCount())
        return {};
    for (NodeId at = node; at != json::NoNode; at = m_doc->parent(at)) {
        if (at == m_root)
            return createIndex(node == m_root ? 0 : static_cast<int>(m_doc->row(node)), 0, quintptr(node));
    }
    return {};
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(m_root));
    return createIndex(row, column, quintptr(m_doc->child(nodeOf(parent), static_cast<std::uint32_t>(row))));
}

QModelIndex JsonTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || !m_doc)
        return {};
    const NodeId node = nodeOf(child);
    if (node == m_root)
        return {};
    const NodeId up = m_doc->parent(node);
    return createIndex(up == m_root ? 0 : static_cast<int>(m_doc->row(up)), 0, quintptr(up));
}

int JsonTreeModel::rowCount(const QModelIndex& parent) const {
    if (!m_doc)
        return 0;
    if (!parent.isValid())
        return 1;
    return parent.column() == 0 ? static_cast<int>(m_doc->childCount(nodeOf(parent))) : 0;
}

int JsonTreeModel::columnCount(const QModelIndex&) const {
    return NUM_COLUMNS;
}

bool JsonTreeModel::hasChildren(const QModelIndex& parent) const {
    return rowCount(parent) > 0;
}

QString JsonTreeModel::keyText(NodeId node) const {
    if (m_doc->isMember(node))
        return m_doc->key(node);
    if (m_doc->parent(node) == json::NoNode)
        return QStringLiteral("(root)");
    return QLatin1Char('[') + QString::number(m_doc->row(node)) + QLatin1Char(']');
}

QString JsonTreeModel::valueText(NodeId node) const {
    const std::uint32_t count = m_doc->childCount(node);
    switch (m_doc->kind(node)) {
    case Kind::Object:
        if (count == 0)
            return QStringLiteral("{}");
        return QLatin1Char('{') + QString::number(count) +
               (count == 1 ? QStringLiteral(" member}") : QStringLiteral(" members}"));
    case Kind::Array:
        if (count == 0)
            return QStringLiteral("[]");
        return QLatin1Char('[') + QString::number(count) +
               (count == 1 ? QStringLiteral(" item]") : QStringLiteral(" items]"));
    case Kind::String: {
        const QString text = m_doc->text(node);
        if (text.size() > DisplayLimit)
            return QLatin1Char('"') + text.left(DisplayLimit) + QStringLiteral("\u2026");
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    default:
        return fromUtf8(m_doc->rawScalar(node));
    }
}

QVariant JsonTreeModel::rawValue(NodeId node, int column) const {
    const Kind kind = m_doc->kind(node);
    switch (column) {
    case KeyColumn:
        if (m_doc->isMember(node))
            return m_doc->key(node);
        return m_doc->parent(node) == json::NoNode ? QVariant(QString()) : QVariant(qint64(m_doc->row(node)));
    case ValueColumn:
        switch (kind) {
        case Kind::Number:
            return numberValue(m_doc->rawScalar(node));
        case Kind::String:
            return m_doc->text(node);
        case Kind::True:
        case Kind::False:
            return kind == Kind::True;
        default:
            return {}; // null and containers sort first
        }
    case TypeColumn:
        return json::kindName(kind);
    case SizeColumn:
        if (m_doc->isContainer(node))
            return qint64(m_doc->childCount(node));
        return kind == Kind::String ? QVariant(qint64(m_doc->text(node).size())) : QVariant();
    }
    return {};
}

QString JsonTreeModel::fullValue(NodeId node) const {
    if (m_doc->isContainer(node))
        return compactJson(node);
    if (m_doc->kind(node) == Kind::String)
        return m_doc->text(node);
    return fromUtf8(m_doc->rawScalar(node));
}

QString JsonTreeModel::compactJson(NodeId node) const {
    // Keys and scalars are copied as written (escapes kept), so the text is valid JSON up to the cap.
    const json::Document& doc = *m_doc;
    std::string out;
    struct Frame {
        NodeId node;
        std::uint32_t next;
    };
    std::vector<Frame> stack;
    const auto open = [&](NodeId id) {
        if (doc.isContainer(id)) {
            out += doc.kind(id) == Kind::Object ? '{' : '[';
            stack.push_back({id, 0});
        } else {
            out += doc.rawScalar(id);
        }
    };
    open(node);
    while (!stack.empty() && out.size() <= std::size_t(FullValueLimit)) {
        Frame& top = stack.back();
        if (top.next == doc.childCount(top.node)) {
            out += doc.kind(top.node) == Kind::Object ? '}' : ']';
            stack.pop_back();
            continue;
        }
        if (top.next > 0)
            out += ',';
        const NodeId child = doc.child(top.node, top.next++);
        if (doc.isMember(child)) {
            out += '"';
            out += doc.rawKey(child);
            out += "\":";
        }
        open(child);
    }
    if (out.size() <= std::size_t(FullValueLimit))
        return fromUtf8(out);
    std::size_t cut = std::size_t(FullValueLimit);
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
        --cut; // keep whole UTF-8 sequences
    out.resize(cut);
    return fromUtf8(out) + QStringLiteral("\u2026");
}

QVariant JsonTreeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const NodeId node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return keyText(node);
        case ValueColumn:
            return valueText(node);
        case TypeColumn:
            return json::kindName(m_doc->kind(node));
        case SizeColumn:
            return rawValue(node, SizeColumn);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == KeyColumn ? QVariant(m_doc->pointer(node)) : QVariant();
    case RawValueRole:
        return rawValue(node, index.column());
    case NodeRole:
        return quint32(node);
    case PointerRole:
        return m_doc->pointer(node);
    case PositionRole: {
        const json::TextPosition at = m_doc->position(node);
        return QString(QString::number(at.line) + QLatin1Char(':') + QString::number(at.column));
    }
    case FullValueRole:
        return fullValue(node);
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= NUM_COLUMNS)
        return {};
    static const char* const Titles[NUM_COLUMNS] = {QT_TR_NOOP("Key"), QT_TR_NOOP("Value"),
                                                    QT_TR_NOOP("Type"), QT_TR_NOOP("Size")};
    return tr(Titles[section]);
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() != KeyColumn || !m_doc->isContainer(nodeOf(index)))
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

} // namespace hwi::models
