#pragma once
// Helpers shared by the item model tests: loading fixtures into a Snapshot and dumping a model as text.

#include "hatchet/snapshot.h"
#include "testutil.h" // lines(), expectedLines(), timeValue(): shared with the other tests
#include "json/document.h"

#include <QAbstractItemModel>
#include <QFile>
#include <QStringList>
#include <QTest>

#include <memory>
#include <variant>

namespace testutil {

inline QString fixturePath(const QString& name) {
    if (name == QLatin1String("sample"))
        return QStringLiteral(HWI_SAMPLE);
    return QStringLiteral(HWI_FIXTURES) + QLatin1Char('/') + name;
}

// "Now" for the fixtures (tests/fixtures/README.md).
inline QDateTime captureTimeFor(const QString& name) {
    return QDateTime::fromString(name.endsWith(QLatin1String("-legacy.json"))
                                     ? QStringLiteral("2026-01-15T09:30:05Z")
                                     : QStringLiteral("2026-11-29T13:00:05Z"),
                                 Qt::ISODate);
}

inline std::shared_ptr<const hwi::json::Document> parse(const QByteArray& bytes) {
    auto parsed = hwi::json::Document::parse(bytes);
    if (auto* error = std::get_if<hwi::json::Document::ParseError>(&parsed))
        qFatal("parse error at %d:%d: %s", error->line, error->column, qPrintable(error->message));
    return std::get<std::shared_ptr<const hwi::json::Document>>(parsed);
}

inline std::shared_ptr<const hwi::hatchet::Snapshot> snapshotOf(const QByteArray& bytes,
                                                                const QDateTime& capture) {
    return hwi::hatchet::Snapshot::build(parse(bytes), QStringLiteral("test"), capture);
}

inline std::shared_ptr<const hwi::hatchet::Snapshot> loadFixture(const QString& name) {
    QFile file(fixturePath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return hwi::hatchet::Snapshot::build(parse(file.readAll()), name, captureTimeFor(name));
}

// One line per row: the cells' data for role joined with '|'; children indented by two spaces per level.
inline QStringList dump(const QAbstractItemModel& model, int role = Qt::DisplayRole,
                        const QModelIndex& parent = {}, int depth = 0) {
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(parent); ++column)
            cells << model.index(row, column, parent).data(role).toString();
        lines << QString(depth * 2, QLatin1Char(' ')) + cells.join(QLatin1Char('|'));
        const QModelIndex child = model.index(row, 0, parent);
        if (model.hasChildren(child))
            lines << dump(model, role, child, depth + 1);
    }
    return lines;
}

// QCOMPARE on QStringList prints only the first difference's index; show both lists on failure.
inline bool sameLines(const QStringList& actual, const QStringList& expected) {
    if (actual == expected)
        return true;
    const QString separator = QStringLiteral("\n  ");
    qWarning().noquote() << QStringLiteral("actual:") + separator + actual.join(separator)
                         << QStringLiteral("\nexpected:") + separator + expected.join(separator);
    return false;
}

} // namespace testutil
