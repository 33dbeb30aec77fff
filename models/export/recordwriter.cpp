#include "recordwriter.h"

#include "tableexport.h"

#include <algorithm>

namespace hwi::exporting {

namespace {

bool isControl(char16_t c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
}

QString unicodeEscape(char16_t c) {
    return QStringLiteral("\\u%1").arg(unsigned(c), 4, 16, QLatin1Char('0'));
}

} // namespace

std::optional<RecordFormat> recordFormatFromName(const QString& name) {
    if (name == QLatin1String("tsv"))
        return RecordFormat::Tsv;
    if (name == QLatin1String("csv"))
        return RecordFormat::Csv;
    if (name == QLatin1String("json"))
        return RecordFormat::Json;
    return std::nullopt;
}

QStringList recordFormatNames() {
    return {QStringLiteral("tsv"), QStringLiteral("csv"), QStringLiteral("json")};
}

QString escapeControls(const QString& text) {
    const auto control = std::find_if(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return isControl(u) && u != '\t' && u != '\n' && u != '\r';
    });
    if (control == text.end())
        return text;
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (isControl(u) && u != '\t' && u != '\n' && u != '\r')
            out += unicodeEscape(u);
        else
            out += c;
    }
    return out;
}

RecordWriter::RecordWriter(QTextStream& out, RecordFormat format, QStringList header, TsvBreaks breaks)
    : m_out(out)
    , m_format(format)
    , m_header(std::move(header))
    , m_breaks(breaks) {}

QString RecordWriter::tsvCell(const QString& text) const {
    const auto changed = [this](QChar c) {
        const char16_t u = c.unicode();
        return isControl(u) || (m_breaks == TsvBreaks::Escape && u == '\\');
    };
    if (std::none_of(text.begin(), text.end(), changed))
        return text; // most cells: shared, not copied
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (m_breaks == TsvBreaks::Space && (u == '\t' || u == '\n' || u == '\r'))
            out += QLatin1Char(' ');
        else if (m_breaks == TsvBreaks::Escape && u == '\\')
            out += QLatin1String("\\\\");
        else if (m_breaks == TsvBreaks::Escape && u == '\t')
            out += QLatin1String("\\t");
        else if (m_breaks == TsvBreaks::Escape && u == '\n')
            out += QLatin1String("\\n");
        else if (m_breaks == TsvBreaks::Escape && u == '\r')
            out += QLatin1String("\\r");
        else if (isControl(u))
            out += unicodeEscape(u);
        else
            out += c;
    }
    return out;
}

QString RecordWriter::jsonValue(int column, const QString& text) const {
    if (std::find(m_numeric.begin(), m_numeric.end(), column) != m_numeric.end()) {
        bool ok = false;
        text.toLongLong(&ok);
        if (ok)
            return text;
        if (text.isEmpty() || text == QLatin1String("?") || text == QLatin1String("-"))
            return QStringLiteral("null");
    }
    return QString::fromUtf8(jsonString(text));
}

void RecordWriter::begin() {
    if (m_begun)
        return;
    m_begun = true;
    switch (m_format) {
    case RecordFormat::Tsv:
        m_out << m_header.join(QLatin1Char('\t')) << '\n';
        break;
    case RecordFormat::Csv:
        for (qsizetype i = 0; i < m_header.size(); ++i)
            m_out << (i ? "," : "") << QString::fromUtf8(csvField(m_header[i]));
        m_out << "\r\n";
        break;
    case RecordFormat::Json:
        m_out << '[';
        break;
    }
}

void RecordWriter::record(const QStringList& cells) {
    QString text;
    formatRecord(cells, m_first, text);
    writeFormatted(text);
}

void RecordWriter::formatRecord(const QStringList& cells, bool first, QString& text) const {
    switch (m_format) {
    case RecordFormat::Tsv:
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i)
                text += QLatin1Char('\t');
            text += tsvCell(cells[i]);
        }
        text += QLatin1Char('\n');
        break;
    case RecordFormat::Csv:
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i)
                text += QLatin1Char(',');
            text += QString::fromUtf8(csvField(escapeControls(cells[i])));
        }
        text += QLatin1String("\r\n");
        break;
    case RecordFormat::Json:
        text += first ? QLatin1String("\n  {") : QLatin1String(",\n  {");
        for (qsizetype i = 0; i < cells.size() && i < m_header.size(); ++i) {
            if (i)
                text += QLatin1String(", ");
            text += QString::fromUtf8(jsonString(m_header[i])) + QLatin1String(": ") +
                    jsonValue(int(i), cells[i]);
        }
        text += QLatin1Char('}');
        break;
    }
}

void RecordWriter::writeFormatted(const QString& text) {
    begin();
    m_out << text;
    if (!text.isEmpty())
        m_first = false;
}

void RecordWriter::finish() {
    begin();
    if (m_format == RecordFormat::Json)
        m_out << (m_first ? "]\n" : "\n]\n");
}

} // namespace hwi::exporting
