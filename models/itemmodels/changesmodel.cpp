#include "changesmodel.h"

namespace hwi::models {

ChangesModel::ChangesModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ChangesModel::setChange(std::optional<analysis::WorkerChange> change) {
    beginResetModel();
    m_change = std::move(change);
    m_rows.clear();
    if (m_change) {
        if (m_change->kind == analysis::ChangeKind::Replaced)
            m_rows.push_back({QStringLiteral("id"), m_change->oldId, m_change->id});
        m_rows.insert(m_rows.end(), m_change->fields.begin(), m_change->fields.end());
    }
    endResetModel();
}

int ChangesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChangesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant ChangesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const analysis::FieldChange& row = m_rows[std::size_t(index.row())];
    if (role == FieldFamilyRole)
        return row.field.section(QLatin1Char('/'), 0, 0);
    if (role != Qt::DisplayRole && role != RawValueRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case FieldColumn:
        return row.field;
    case OldColumn:
        return row.oldValue;
    case NewColumn:
        return row.newValue;
    }
    return {};
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= NUM_COLUMNS)
        return {};
    static const char* const Titles[NUM_COLUMNS] = {QT_TR_NOOP("Field"), QT_TR_NOOP("Old"),
                                                    QT_TR_NOOP("New")};
    return tr(Titles[section]);
}

Qt::ItemFlags ChangesModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace hwi::models
