#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace hwi::load {

// A size as a person writes it: "500", "64K", "10MB", "1.5G", "2GiB", "1 T" (case-insensitive; K, M, G,
// T are powers of 1024, with or without a trailing "B" or "iB"). nullopt for anything else, zero, or
// more than 2^62 bytes.
std::optional<qint64> parseByteSize(const QString& text);

// "2.0 GiB", "100 bytes": how limits are shown in messages.
QString describeByteSize(qint64 bytes);

} // namespace hwi::load
