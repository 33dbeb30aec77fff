#include "paths.h"

#include <QStringList>

#include <optional>

#include <algorithm>
#include <vector>

namespace hwi::json {

namespace {

bool isJqIdentifier(const QString& key) {
    static const QStringList keywords = {
        QStringLiteral("and"),    QStringLiteral("or"),      QStringLiteral("not"),
        QStringLiteral("if"),     QStringLiteral("then"),    QStringLiteral("elif"),
        QStringLiteral("else"),   QStringLiteral("end"),     QStringLiteral("as"),
        QStringLiteral("def"),    QStringLiteral("reduce"),  QStringLiteral("foreach"),
        QStringLiteral("try"),    QStringLiteral("catch"),   QStringLiteral("label"),
        QStringLiteral("import"), QStringLiteral("include"), QStringLiteral("__loc__")};
    if (key.isEmpty() || key.front().isDigit() || keywords.contains(key))
        return false;
    return std::all_of(key.begin(), key.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
    });
}

QString quoted(const QString& key) {
    QString out = QStringLiteral("\"");
    for (const QChar c : key) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

// Reads a JSON string starting at text[pos] == '"'; on success pos is past the closing quote.
std::optional<QString> readQuoted(QStringView text, qsizetype& pos) {
    QString out;
    for (qsizetype i = pos + 1; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('"')) {
            pos = i + 1;
            return out;
        }
        if (c != QLatin1Char('\\')) {
            out += c;
            continue;
        }
        if (++i >= text.size())
            return std::nullopt;
        switch (text[i].unicode()) {
        case '"':
        case '\\':
        case '/':
            out += text[i];
            break;
        case 'b':
            out += QLatin1Char('\b');
            break;
        case 'f':
            out += QLatin1Char('\f');
            break;
        case 'n':
            out += QLatin1Char('\n');
            break;
        case 'r':
            out += QLatin1Char('\r');
            break;
        case 't':
            out += QLatin1Char('\t');
            break;
        case 'u': {
            bool ok = false;
            const uint code = i + 4 < text.size() ? text.mid(i + 1, 4).toUInt(&ok, 16) : 0;
            if (!ok)
                return std::nullopt;
            out += QChar(char16_t(code)); // surrogate pairs arrive as two escapes
            i += 4;
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return std::nullopt;
}

NodeId memberOf(const Document& document, NodeId node, const QString& key) {
    if (node == NoNode || document.kind(node) != Kind::Object)
        return NoNode;
    return document.member(node, key.toStdString());
}

NodeId elementOf(const Document& document, NodeId node, qint64 index) {
    if (node == NoNode || document.kind(node) != Kind::Array)
        return NoNode;
    const qint64 count = document.childCount(node);
    if (index < 0)
        index += count; // jq: negative indexes count from the end
    return index >= 0 && index < count ? document.child(node, std::uint32_t(index)) : NoNode;
}

bool isIdentifierChar(QChar c, bool first) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c == QLatin1Char('_') ||
           (!first && c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

NodeId resolveJq(const Document& document, NodeId from, QStringView path) {
    if (!path.startsWith(QLatin1Char('.')))
        return NoNode;
    if (path.size() == 1)
        return from;
    NodeId node = from;
    qsizetype pos = 0;
    while (pos < path.size()) {
        if (node == NoNode)
            return NoNode;
        const QChar c = path[pos];
        if (c == QLatin1Char('.')) {
            ++pos;
            if (pos < path.size() && path[pos] == QLatin1Char('"')) { // ."key"
                const auto key = readQuoted(path, pos);
                if (!key)
                    return NoNode;
                node = memberOf(document, node, *key);
            } else if (pos < path.size() && path[pos] == QLatin1Char('[')) {
                continue; // .[…]
            } else {      // .identifier
                const qsizetype start = pos;
                while (pos < path.size() && isIdentifierChar(path[pos], pos == start))
                    ++pos;
                if (pos == start)
                    return NoNode;
                node = memberOf(document, node, path.mid(start, pos - start).toString());
            }
        } else if (c == QLatin1Char('[')) {
            ++pos;
            if (pos < path.size() && path[pos] == QLatin1Char('"')) { // ["key"]
                const auto key = readQuoted(path, pos);
                if (!key)
                    return NoNode;
                node = memberOf(document, node, *key);
            } else { // [N]
                const qsizetype start = pos;
                if (pos < path.size() && path[pos] == QLatin1Char('-'))
                    ++pos;
                while (pos < path.size() && path[pos].isDigit())
                    ++pos;
                bool ok = false;
                const qint64 index = path.mid(start, pos - start).toLongLong(&ok);
                if (!ok)
                    return NoNode;
                node = elementOf(document, node, index);
            }
            if (pos >= path.size() || path[pos] != QLatin1Char(']'))
                return NoNode;
            ++pos;
        } else {
            return NoNode;
        }
    }
    return node;
}

} // namespace

QString jqPath(const Document& document, NodeId id) {
    std::vector<QString> segments;
    for (NodeId node = id; node != NoNode && document.parent(node) != NoNode; node = document.parent(node)) {
        if (document.isMember(node)) {
            const QString key = document.key(node);
            segments.push_back(isJqIdentifier(key)
                                   ? QString(QLatin1Char('.') + key)
                                   : QString(QLatin1Char('[') + quoted(key) + QLatin1Char(']')));
        } else {
            segments.push_back(
                QString(QLatin1Char('[') + QString::number(document.row(node)) + QLatin1Char(']')));
        }
    }
    QString path;
    for (auto it = segments.rbegin(); it != segments.rend(); ++it)
        path += *it;
    if (path.isEmpty())
        return QStringLiteral(".");
    if (path.front() == QLatin1Char('['))
        path.prepend(QLatin1Char('.'));
    return path;
}

NodeId resolvePointer(const Document& document, NodeId from, QStringView pointer) {
    NodeId node = from;
    if (pointer.isEmpty())
        return node;
    if (!pointer.startsWith(QLatin1Char('/')))
        return NoNode;
    for (const QStringView token : pointer.mid(1).split(QLatin1Char('/'))) {
        if (node == NoNode)
            return NoNode;
        QString key = token.toString();
        key.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        if (document.kind(node) == Kind::Object) {
            node = document.member(node, key.toStdString());
        } else if (document.kind(node) == Kind::Array) {
            bool ok = false;
            const uint row = key.toUInt(&ok);
            node = ok && row < document.childCount(node) ? document.child(node, row) : NoNode;
        } else {
            return NoNode;
        }
    }
    return node;
}

bool looksLikePath(QStringView text) {
    return text.startsWith(QLatin1Char('/')) || text.startsWith(QLatin1Char('.'));
}

NodeId resolvePath(const Document& document, NodeId from, QStringView path) {
    if (path.startsWith(QLatin1Char('/')))
        return resolvePointer(document, from, path);
    return resolveJq(document, from, path);
}

} // namespace hwi::json
