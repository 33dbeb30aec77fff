#pragma once

#include "export/jsonwriter.h"
#include "hatchet/snapshot.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>
#include <vector>

namespace hwi::analysis {

// What a redacted export replaces besides what it always replaces (ids, webhook URLs, runtimeInfo.os and
// runtimeInfo.runtimeExtra).
struct RedactOptions {
    bool names = false;   // worker names → worker-1, worker-2, … in document order
    bool labels = false;  // label values → value-1, value-2, …
    bool actions = false; // action and workflow names → workflow-N:task-M, consistently across actions,
                          // registeredWorkflows, slots and recentStepRuns
    // Pseudonyms are derived from this key (HMAC-SHA256), so the same key gives the same pseudonyms in every
    // export. Empty: a random key, drawn by redact() for each export.
    QByteArray key;
};

// "names", "labels", "actions": the optional categories, as --redact=LIST names them.
QStringList redactCategoryIds();
// Sets the categories a comma-separated LIST names ("all" for every one); nullopt and the unknown name in
// problem when a name is not a category.
std::optional<RedactOptions> redactOptionsFromList(const QString& list, QString* problem);

// The replacements that redact the chosen workers of the snapshot (indexes as for exporting::writeWorkers),
// for JsonWriter: every other byte of the export stays as it is. Replaced, in each chosen worker:
// - every string that is a UUID, or the value of a member named `id` or `…Id` (except `actionId`, an
//   action name), by a pseudonym UUID: the same input, the same pseudonym (so relations survive);
// - `webhookUrl` by https://redacted.invalid/N (N counting distinct URLs in document order);
// - `runtimeInfo.os` and `runtimeInfo.runtimeExtra` by "redacted";
// - and the optional categories above.
// Kept: the all-zero UUID (padding and label metadata), empty strings, and every value of another kind.
exporting::ScalarReplacements redact(const hatchet::Snapshot& snapshot,
                                     const std::vector<std::size_t>& workerIndexes,
                                     const RedactOptions& options);

// The pseudonym of an id under a key: a version-4-shaped UUID made from HMAC-SHA256(key, lower-cased id).
QString pseudonymUuid(const QByteArray& key, const QString& id);
bool looksLikeUuid(std::string_view text);

} // namespace hwi::analysis
