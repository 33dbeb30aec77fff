#pragma once
// Helpers shared by every test: expected lines written inline or kept in tests/expected/, and time values
// as the worker view reads them.

#include "hatchet/timestamp.h"
#include "hatchet/worker.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <initializer_list>

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
