#pragma once

#include "sectionmodel.h"

#include "hatchet/provenance.h"

namespace hwi::models {

// Field/value rows describing one worker: identity, status, connection times, schema era, and what the
// document tells about its writer and server era.
class MetadataModel final : public SectionTable<FieldEntry> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetadataModel)

public:
    enum Columns { FieldColumn = 0, ValueColumn, NUM_COLUMNS };
    enum Rows {
        IdRow = 0,
        NameRow,
        TypeRow,
        StatusRow,
        CreatedRow, // the time rows are contiguous: CreatedRow..LastHeartbeatRow
        UpdatedRow,
        FirstConnectedRow,
        LastListenerRow,
        LastHeartbeatRow,
        DispatcherRow,
        WebhookIdRow,
        WebhookUrlRow,
        SchemaEraRow,
        WrittenByRow, // what wrote the document (hatchet/provenance.h), the same for all its workers
        ServerEraRow, // the server era the document's fields tell
        NUM_ROWS
    };

    explicit MetadataModel(QObject* parent = nullptr);
    void setWorker(const std::optional<hatchet::WorkerView>& worker) override;
    // The writer and server era of a document (hatchet::provenanceOf), computed elsewhere — off the GUI
    // thread for a large document. Kept for that document; the Written by and Server era rows follow
    // (dataChanged) when the shown worker is of it.
    void setProvenance(const json::Document& document, const hatchet::Provenance& provenance);
    // Whether setWorker() works out the provenance itself for a worker of this document (a small one).
    // For a larger one the two rows say "…" until setProvenance().
    static bool computesProvenanceInline(const json::Document& document);

private:
    static constexpr const char* Titles[NUM_COLUMNS] = {QT_TR_NOOP("Field"), QT_TR_NOOP("Value")};
    static constexpr const char* Fields[NUM_ROWS] = {QT_TR_NOOP("ID"),
                                                     QT_TR_NOOP("Name"),
                                                     QT_TR_NOOP("Type"),
                                                     QT_TR_NOOP("Status"),
                                                     QT_TR_NOOP("Created"),
                                                     QT_TR_NOOP("Updated"),
                                                     QT_TR_NOOP("First connected"),
                                                     QT_TR_NOOP("Last listener established"),
                                                     QT_TR_NOOP("Last heartbeat"),
                                                     QT_TR_NOOP("Dispatcher ID"),
                                                     QT_TR_NOOP("Webhook ID"),
                                                     QT_TR_NOOP("Webhook URL"),
                                                     QT_TR_NOOP("Schema era"),
                                                     QT_TR_NOOP("Written by"),
                                                     QT_TR_NOOP("Server era")};
    QVariant cell(int row, int column, int role) const override;
    QVariant valueCell(int row, int role) const;

    // Writer and server era, decided once per document: the one they were read from, told apart by its
    // address, source bytes and size.
    struct DocumentKey {
        const json::Document* document = nullptr;
        const char* data = nullptr;
        qsizetype size = 0;
        std::size_t nodes = 0;
        bool operator==(const DocumentKey&) const = default;
    };
    static DocumentKey keyOf(const json::Document& document);
    DocumentKey m_provenanceOf; // the document m_writtenBy and m_serverEra are of
    DocumentKey m_shown;        // the shown worker's document
    QString m_writtenBy;
    QString m_serverEra;
};

} // namespace hwi::models
