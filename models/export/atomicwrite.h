#pragma once

#include <QString>

#include <functional>
#include <optional>

class QIODevice;

namespace hwi::exporting {

// Writes a file all or nothing: `write` fills a QSaveFile, which replaces `path` only when `write` returned
// true and every byte reached the disk; otherwise an existing file stays as it was. Returns nullopt on
// success, else a message naming the path ("Cannot write /x/y.json: No such file or directory").
// The path "-" is standard output (not atomic: what was written stays written).
std::optional<QString> writeAtomically(const QString& path, const std::function<bool(QIODevice&)>& write);

} // namespace hwi::exporting
