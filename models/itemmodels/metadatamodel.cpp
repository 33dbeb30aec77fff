#include "metadatamodel.h"

namespace hwi::models {

using hatchet::TimeValue;

namespace {

const char* const FieldNames[MetadataModel::NUM_ROWS] = {"ID",
                                                         "Name",
                                                         "Type",
                                                         "Status",
                                                         "Created",
                                                         "Updated",
                                                         "First connected",
                                                         "Last listener established",
                                                         "Last heartbeat",
                                                         "Dispatcher ID",
                                                         "Webhook ID",
                                                         "Webhook URL",
                                                         "Schema era"};

QString eraText(hatchet::SchemaEra era) {
    switch (era) {
    case hatchet::SchemaEra::Current:
        return QStringLiteral("current (slotConfig)");
    case hatchet::SchemaEra::Legacy:
        return QStringLiteral("before Feb 2026 (maxRuns)");
    case hatchet::SchemaEra::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace

MetadataModel::MetadataModel(QObject* parent)
    : QAbstractTableModel(parent) {}

MetadataModel::~MetadataModel() = default;

void MetadataModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    beginResetModel();
    m_entries.clear();
    if (worker) {
        const json::Document& doc = worker->document();
        const json::NodeId meta = worker->field("metadata");
        const auto metaField = [&](std::string_view key) {
            return meta == json::NoNode ? json::NoNode : doc.member(meta, key);
        };
        const hatchet::ResourceMeta metadata = worker->metadata();
        const auto text = [&](QString value, std::string_view key) {
            return Entry{std::move(value), {}, false, worker->field(key)};
        };
        const auto time = [](TimeValue value, json::NodeId node) {
            return Entry{{}, std::move(value), true, node};
        };
        m_entries = {
            Entry{metadata.id, {}, false, metaField("id")},
            text(worker->name(), "name"),
            text(worker->type(), "type"),
            text(worker->status(), "status"),
            time(metadata.createdAt, metaField("createdAt")),
            time(metadata.updatedAt, metaField("updatedAt")),
            time(metadata.createdAt, metaField("createdAt")),
            time(worker->lastListenerEstablished(), worker->field("lastListenerEstablished")),
            time(worker->lastHeartbeatAt(), worker->field("lastHeartbeatAt")),
            text(worker->dispatcherId(), "dispatcherId"),
            text(worker->webhookId(), "webhookId"),
            text(worker->webhookUrl(), "webhookUrl"),
            Entry{eraText(worker->era()), {}, false, json::NoNode},
        };
    }
    endResetModel();
}

void MetadataModel::setReferenceTime(const QDateTime& time) {
    m_reference = referenceFrom(time);
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(CreatedRow, ValueColumn), index(LastHeartbeatRow, ValueColumn),
                           {Qt::DisplayRole, AgeMsecsRole, SeverityRole});
}

int MetadataModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int MetadataModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant MetadataModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries[static_cast<std::size_t>(index.row())];
    if (role == NodeRole)
        return nodeData(entry.node);
    if (index.column() == FieldColumn)
        return role == Qt::DisplayRole || role == RawValueRole ? QString::fromLatin1(FieldNames[index.row()])
                                                               : QVariant();
    if (role == SeverityRole) {
        if (index.row() == StatusRow)
            return static_cast<int>(statusHealth(entry.text));
        if (index.row() == LastHeartbeatRow)
            return static_cast<int>(heartbeatSeverity(entry.time, m_reference));
        return {};
    }
    if (entry.isTime)
        return timeCellData(entry.time, role, m_reference, dash());
    if (role == Qt::DisplayRole)
        return entry.text.isEmpty() ? dash() : entry.text;
    if (role == RawValueRole || (role == Qt::ToolTipRole && !entry.text.isEmpty()))
        return entry.text;
    return {};
}

QVariant MetadataModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == FieldColumn)
        return QStringLiteral("Field");
    return section == ValueColumn ? QStringLiteral("Value") : QVariant();
}

Qt::ItemFlags MetadataModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace hwi::models
