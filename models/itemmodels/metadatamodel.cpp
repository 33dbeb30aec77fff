#include "metadatamodel.h"

#include "hatchet/health.h"

namespace hwi::models {

using hatchet::TimeValue;

namespace {

QString eraText(hatchet::SchemaEra era) {
    switch (era) {
    case hatchet::SchemaEra::Current:
        return MetadataModel::tr("current (slotConfig)");
    case hatchet::SchemaEra::Legacy:
        return MetadataModel::tr("before Feb 2026 (maxRuns)");
    case hatchet::SchemaEra::Unknown:
        break;
    }
    return MetadataModel::tr("unknown");
}

} // namespace

MetadataModel::MetadataModel(QObject* parent)
    : SectionTable(Titles, parent) {
    setTimeCells({ValueColumn,
                  ValueColumn,
                  {Qt::DisplayRole, AgeMsecsRole, SeverityRole},
                  CreatedRow,
                  LastHeartbeatRow});
}

void MetadataModel::setWorker(const std::optional<hatchet::WorkerView>& worker) {
    if (!worker)
        return setRows({});
    const auto metaField = [&](std::string_view key) { return memberNode(*worker, "metadata", key); };
    const json::Document& document = worker->document();
    m_shown = keyOf(document);
    if (m_shown != m_provenanceOf && computesProvenanceInline(document)) {
        const hatchet::Provenance provenance = hatchet::provenanceOf(document);
        m_writtenBy = hatchet::writerText(provenance.writer);
        m_serverEra = hatchet::serverEraText(provenance);
        m_provenanceOf = m_shown;
    }
    const hatchet::ResourceMeta metadata = worker->metadata();
    const auto text = [&](QString value, std::string_view key) {
        return FieldEntry{.text = std::move(value), .node = worker->field(key)};
    };
    const auto time = [](TimeValue value, json::NodeId node) {
        return FieldEntry{.node = node, .time = std::move(value), .isTime = true};
    };
    setRows({
        FieldEntry{.text = metadata.id, .node = metaField("id")},
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
        FieldEntry{.text = eraText(worker->era())},
        FieldEntry{}, // WrittenByRow and ServerEraRow: see valueCell()
        FieldEntry{},
    });
}

MetadataModel::DocumentKey MetadataModel::keyOf(const json::Document& document) {
    return {&document, document.source().constData(), document.source().size(), document.nodeCount()};
}

bool MetadataModel::computesProvenanceInline(const json::Document& document) {
    constexpr qsizetype InlineBytes = 4 << 20; // about 10 ms of provenanceOf()
    return document.source().size() <= InlineBytes;
}

void MetadataModel::setProvenance(const json::Document& document, const hatchet::Provenance& provenance) {
    m_provenanceOf = keyOf(document);
    m_writtenBy = hatchet::writerText(provenance.writer);
    m_serverEra = hatchet::serverEraText(provenance);
    if (rowCount() == NUM_ROWS && m_shown == m_provenanceOf)
        Q_EMIT dataChanged(index(WrittenByRow, ValueColumn), index(ServerEraRow, ValueColumn));
}

QVariant MetadataModel::cell(int row, int column, int role) const {
    if (column == ValueColumn)
        return valueCell(row, role);
    return role == Qt::DisplayRole || role == RawValueRole ? tr(Fields[row]) : QVariant();
}

QVariant MetadataModel::valueCell(int row, int role) const {
    // The document's writer and server era: "…" until setProvenance() for a large document.
    const bool provenanceRow = row == WrittenByRow || row == ServerEraRow;
    const FieldEntry provenance{.text = m_shown != m_provenanceOf ? QStringLiteral("\u2026")
                                        : row == WrittenByRow     ? m_writtenBy
                                                                  : m_serverEra};
    const FieldEntry& entry = provenanceRow ? provenance : at(row);
    if (role == SeverityRole) {
        if (row == StatusRow)
            return static_cast<int>(hatchet::statusHealth(entry.text));
        if (row == LastHeartbeatRow)
            return static_cast<int>(hatchet::heartbeatSeverity(entry.time, reference()));
        return {};
    }
    if (entry.isTime)
        return timeCellData(entry.time, role, reference(), dash());
    if (role == Qt::DisplayRole)
        return entry.text.isEmpty() ? dash() : entry.text;
    if (role == RawValueRole || (role == Qt::ToolTipRole && !entry.text.isEmpty()))
        return entry.text;
    return {};
}

} // namespace hwi::models
