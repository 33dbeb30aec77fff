#pragma once
// Helpers shared by every test: reading files and fixtures, snapshots of bytes, expected lines written inline
// or kept in tests/expected/, and time values as the worker view reads them.

#include "hatchet/snapshot.h"
#include "hatchet/timestamp.h"
#include "hatchet/worker.h"
#include "json/document.h"

#include <QDateTime>
#include <QFile>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <memory>
#include <variant>

namespace testutil {

// The file's bytes, or none when it cannot be read.
inline QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The bytes of tests/fixtures/<name>.
inline QByteArray fixture(const char* name) {
    return readFile(QStringLiteral(HWI_FIXTURES "/") + QString::fromUtf8(name));
}

// The parsed document, or nullptr with the reason in why.
inline std::shared_ptr<const hwi::json::Document> parseOrExplain(const QByteArray& bytes, QString& why) {
    using hwi::json::Document;
    auto result = Document::parse(bytes);
    if (const auto* error = std::get_if<Document::ParseError>(&result)) {
        why = QStringLiteral("parse failed at %1:%2 (offset %3): %4")
                  .arg(error->line)
                  .arg(error->column)
                  .arg(error->offset)
                  .arg(error->message);
        return nullptr;
    }
    return std::get<std::shared_ptr<const Document>>(std::move(result));
}

// The snapshot of the bytes (source "test.json", no capture time), or nullptr with the reason in why.
inline std::shared_ptr<const hwi::hatchet::Snapshot> parseSnapshot(const QByteArray& bytes, QString& why) {
    auto document = parseOrExplain(bytes, why);
    if (!document)
        return nullptr;
    return hwi::hatchet::Snapshot::build(std::move(document), QStringLiteral("test.json"), QDateTime());
}

} // namespace testutil

// Declares `snapshot` from the bytes, failing the test with the parse error when they do not parse.
#define SNAPSHOT_OK(snapshot, bytes)                                                                         \
    QString snapshot##Why;                                                                                   \
    const auto snapshot = testutil::parseSnapshot(bytes, snapshot##Why);                                     \
    QVERIFY2(snapshot, qPrintable(snapshot##Why))

namespace testutil {

// Expected lines written inline, as UTF-8.
inline QStringList lines(std::initializer_list<const char*> utf8) {
    QStringList out;
    for (const char* line : utf8)
        out << QString::fromUtf8(line);
    return out;
}

// The lines of tests/expected/<name> (UTF-8, each ended by '\n'), for dumps too long to write inline. A file
// that cannot be read gives one line saying so, which no dump equals.
inline QStringList expectedLines(const QString& name) {
    QFile file(QStringLiteral(HWI_EXPECTED) + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("<cannot read %1: %2>").arg(file.fileName(), file.errorString())};
    QString text = QString::fromUtf8(file.readAll());
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text.split(QLatin1Char('\n'));
}

// A time value as WorkerView reads the text: valid or never when it is an RFC 3339 date-time, malformed
// otherwise.
inline hwi::hatchet::TimeValue timeValue(const char* text) {
    hwi::hatchet::TimeValue value;
    value.text = QString::fromLatin1(text);
    if (const auto ts = hwi::hatchet::parseRfc3339(text)) {
        value.time = *ts;
        value.state = ts->never ? hwi::hatchet::TimeValue::Never : hwi::hatchet::TimeValue::Valid;
    } else {
        value.state = hwi::hatchet::TimeValue::Malformed;
    }
    return value;
}

} // namespace testutil
