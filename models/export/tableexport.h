#pragma once

#include "jsonwriter.h"

#include <QByteArray>

class QAbstractItemModel;
class QIODevice;
class QString;

namespace hwi::exporting {

// Exports a table model (a detail table, usually through its sort proxy) as the user sees it: the top-level
// rows in the model's current order, every column, the horizontal header's DisplayRole texts as names and
// the cells' DisplayRole texts as values (an empty text where a cell has none), except that valid times
// (cells with a models::TimeStateRole) are written as ISO 8601 UTC with milliseconds, not as shown.

// An array with an object per row, keyed by the header texts in column order; every value is a string.
// Pretty output ends with a newline.
QByteArray tableToJson(const QAbstractItemModel& model, Style style);
// RFC 4180: a header row, then a record per row, each ending with CRLF. A field is quoted when it holds a
// comma, a double quote, CR or LF, or starts or ends with a space or tab (so tools that trim keep them);
// quotes inside are doubled. UTF-8, no byte order mark.
QByteArray tableToCsv(const QAbstractItemModel& model);

bool writeTableJson(QIODevice& device, const QAbstractItemModel& model, Style style);
bool writeTableCsv(QIODevice& device, const QAbstractItemModel& model);

// Helpers, public for their tests: `text` as a JSON string with its quotes, and as a CSV field.
QByteArray jsonString(const QString& text);
QByteArray csvField(const QString& text);

} // namespace hwi::exporting
