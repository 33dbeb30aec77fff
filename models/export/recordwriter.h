#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>
#include <vector>

namespace hwi::exporting {

// The formats of every tabular command (`--list`, `--by`, `--place`, `--diff`): tsv, csv or json, the
// same rows in each.
enum class RecordFormat { Tsv, Csv, Json };
std::optional<RecordFormat> recordFormatFromName(const QString& name); // "tsv", "csv", "json"
QStringList recordFormatNames();

// How tsv keeps a record on one line: tabs and line breaks become spaces (`--list`), or are escaped as \t,
// \n, \r with backslashes doubled (`--diff`).
enum class TsvBreaks { Space, Escape };

// Control characters from the data, written visibly: ESC becomes "\u001b" (tabs, line breaks handled by
// the format). A shared snapshot must not recolour, retitle or write the clipboard of a terminal.
QString escapeControls(const QString& text);

// Writes a header and records in one format:
//   tsv   the header and each record on one line, tab-separated, controls escaped;
//   csv   RFC 4180 (tableexport.h's csvField), CRLF line ends, controls escaped;
//   json  an array of objects keyed by the header names (numeric columns as numbers, "" and "?" and "-"
//         there as null), ended by a newline.
class RecordWriter final {
public:
    RecordWriter(QTextStream& out, RecordFormat format, QStringList header,
                 TsvBreaks breaks = TsvBreaks::Space);
    // Columns whose cells are integers: numbers in json.
    void setNumericColumns(std::vector<int> columns) { m_numeric = std::move(columns); }
    // Writes the header (json: the opening bracket) before the first record, or at finish().
    void record(const QStringList& cells);
    void finish();

    // Many records formatted at once on other threads, then written in order: formatRecord() appends to
    // `text` what record() would write for these cells (first: no record before it, where the format
    // cares); writeFormatted() writes such text (a record's text is never empty).
    void formatRecord(const QStringList& cells, bool first, QString& text) const;
    void writeFormatted(const QString& text);
    bool hasRecords() const { return !m_first; }

private:
    void begin();
    QString tsvCell(const QString& text) const;
    QString jsonValue(int column, const QString& text) const;

    QTextStream& m_out;
    RecordFormat m_format;
    QStringList m_header;
    TsvBreaks m_breaks;
    std::vector<int> m_numeric;
    bool m_begun = false;
    bool m_first = true;
};

} // namespace hwi::exporting
