#include "tableexport.h"
#include "jsonwriter.h"

#include "hatchet/worker.h"
#include "itemmodels/roles.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QIODevice>

#include <string_view>

namespace hwi::exporting {

namespace {

std::string_view view(const QByteArray& bytes) {
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

// A time cell (one with a TimeStateRole) as ISO 8601 in UTC with milliseconds, not the relative "2 h ago" on
// screen; never, absent and malformed times as shown.
QString cell(const QAbstractItemModel& model, int row, int column) {
    const QModelIndex index = model.index(row, column);
    const QVariant timeState = index.data(models::TimeStateRole);
    if (timeState.isValid() && timeState.toInt() == hatchet::TimeValue::Valid) {
        const qint64 msecs = index.data(models::RawValueRole).toLongLong();
        return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
    }
    return index.data(Qt::DisplayRole).toString();
}

QString header(const QAbstractItemModel& model, int column) {
    return model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
}

bool writeAll(QIODevice& device, const QByteArray& bytes) {
    return exporting::writeAll(device, bytes.constData(), bytes.size());
}

} // namespace

QByteArray jsonString(const QString& text) {
    static constexpr char Hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (byte) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default:
            if (byte < 0x20) {
                const char escape[] = {'\\', 'u', '0', '0', Hex[byte >> 4], Hex[byte & 0xF]};
                out.append(escape, sizeof escape);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
    return out;
}

QByteArray csvField(const QString& text) {
    QByteArray utf8 = text.toUtf8();
    const bool edgeSpace = !utf8.isEmpty() && (utf8.front() == ' ' || utf8.front() == '\t' ||
                                               utf8.back() == ' ' || utf8.back() == '\t');
    bool quote = edgeSpace;
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return utf8;
    utf8.replace("\"", "\"\"");
    utf8.prepend('"');
    utf8.append('"');
    return utf8;
}

QByteArray tableToJson(const QAbstractItemModel& model, Style style) {
    const int columns = model.columnCount();
    std::vector<QByteArray> keys; // JSON-escaped, without the quotes
    keys.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column) {
        const QByteArray quoted = jsonString(header(model, column));
        keys.push_back(quoted.mid(1, quoted.size() - 2));
    }
    QByteArray out;
    {
        JsonWriter writer(out, style);
        writer.beginArray();
        for (int row = 0; row < model.rowCount(); ++row) {
            writer.beginObject();
            for (int column = 0; column < columns; ++column) {
                writer.key(view(keys[static_cast<std::size_t>(column)]));
                writer.rawValue(view(jsonString(cell(model, row, column))));
            }
            writer.end();
        }
        writer.end();
        writer.finish(true);
    }
    return out;
}

QByteArray tableToCsv(const QAbstractItemModel& model) {
    const int columns = model.columnCount();
    QByteArray out;
    auto record = [&](auto&& field) {
        for (int column = 0; column < columns; ++column) {
            if (column > 0)
                out.append(',');
            out.append(csvField(field(column)));
        }
        out.append("\r\n", 2);
    };
    record([&](int column) { return header(model, column); });
    for (int row = 0; row < model.rowCount(); ++row)
        record([&](int column) { return cell(model, row, column); });
    return out;
}

bool writeTableJson(QIODevice& device, const QAbstractItemModel& model, Style style) {
    return writeAll(device, tableToJson(model, style));
}

bool writeTableCsv(QIODevice& device, const QAbstractItemModel& model) {
    return writeAll(device, tableToCsv(model));
}

} // namespace hwi::exporting
