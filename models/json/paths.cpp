#include "paths.h"

#include <QStringList>

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

} // namespace hwi::json
