#include "sectionmodel.h"

namespace hwi::models {

SectionModel::SectionModel(std::span<const char* const> titles, QObject* parent)
    : QAbstractTableModel(parent)
    , m_titles(titles) {}

SectionModel::~SectionModel() = default;

void SectionModel::setReferenceTime(const QDateTime& time) {
    m_reference = referenceFrom(time);
    const int count = rowCount();
    if (!m_timeCells || count == 0)
        return;
    const TimeCells& cells = *m_timeCells;
    const int lastRow = cells.lastRow < 0 ? count - 1 : qMin(cells.lastRow, count - 1);
    Q_EMIT dataChanged(index(cells.firstRow, cells.firstColumn), index(lastRow, cells.lastColumn),
                       cells.roles);
}

QVariant SectionModel::textCell(const QString& text, int role) {
    return role == Qt::DisplayRole || role == RawValueRole ? QVariant(text) : QVariant();
}

int SectionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : rows();
}

int SectionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_titles.size());
}

QVariant SectionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == NodeRole)
        return nodeData(node(index.row()));
    return cell(index.row(), index.column(), role);
}

QVariant SectionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return {};
    // The most derived class's context, where its QT_TR_NOOP titles are declared.
    return metaObject()->tr(m_titles[static_cast<std::size_t>(section)], nullptr);
}

Qt::ItemFlags SectionModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

json::NodeId memberNode(const hatchet::WorkerView& worker, std::string_view field, std::string_view key) {
    const json::NodeId object = worker.field(field);
    return object == json::NoNode ? json::NoNode : worker.document().member(object, key);
}

} // namespace hwi::models
