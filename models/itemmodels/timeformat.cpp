#include "timeformat.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <limits>

namespace hwi::models {

using hatchet::TimeValue;

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

QString number(qint64 value) {
    return QString::number(value);
}

} // namespace

QString relativeTime(qint64 msecsFromReference) {
    const bool future = msecsFromReference < 0;
    const qint64 magnitude = !future ? msecsFromReference
                             : msecsFromReference == std::numeric_limits<qint64>::min()
                                 ? std::numeric_limits<qint64>::max()
                                 : -msecsFromReference;
    if (magnitude < Second)
        return QStringLiteral("just now");
    QString amount;
    if (magnitude < Minute)
        amount = number(magnitude / Second) + QStringLiteral(" s");
    else if (magnitude < Hour)
        amount = number(magnitude / Minute) + QStringLiteral(" min");
    else if (magnitude < Day)
        amount = number(magnitude / Hour) + QStringLiteral(" h");
    else
        amount = number(magnitude / Day) + QStringLiteral(" d");
    if (future)
        return QStringLiteral("in ") + amount;
    return amount + QStringLiteral(" ago");
}

QString durationText(qint64 msecs) {
    if (msecs < 0) {
        const qint64 magnitude =
            msecs == std::numeric_limits<qint64>::min() ? std::numeric_limits<qint64>::max() : -msecs;
        return QLatin1Char('-') + durationText(magnitude);
    }
    if (msecs < Second)
        return number(msecs) + QStringLiteral(" ms");
    if (msecs < Minute) {
        const qint64 tenths = msecs / 100;
        if (tenths % 10 == 0)
            return number(tenths / 10) + QStringLiteral(" s");
        return number(tenths / 10) + QLatin1Char('.') + number(tenths % 10) + QStringLiteral(" s");
    }
    const auto twoUnits = [](qint64 value, qint64 big, const char* bigName, qint64 small,
                             const char* smallName) -> QString {
        QString head = number(value / big) + QLatin1Char(' ') + QLatin1String(bigName);
        const qint64 rest = (value % big) / small;
        if (rest == 0)
            return head;
        return head + QLatin1Char(' ') + number(rest) + QLatin1Char(' ') + QLatin1String(smallName);
    };
    if (msecs < Hour)
        return twoUnits(msecs, Minute, "min", Second, "s");
    if (msecs < Day)
        return twoUnits(msecs, Hour, "h", Minute, "min");
    return twoUnits(msecs, Day, "d", Hour, "h");
}

QString absoluteTime(const TimeValue& value) {
    switch (value.state) {
    case TimeValue::Absent:
        return {};
    case TimeValue::Never:
        return QStringLiteral("never");
    case TimeValue::Valid:
        return instantText(value.time.msecsSinceEpoch);
    case TimeValue::Malformed:
        return value.text;
    }
    return {};
}

QString instantText(const QDateTime& time) {
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() == 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'")
                                               : QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"));
}

QString instantText(qint64 msecsSinceEpoch) {
    return instantText(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone::utc()));
}

QDateTime parseInstant(const QString& text) {
    static const QRegularExpression Iso(QStringLiteral(
        R"(^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})?$)"));
    const QRegularExpressionMatch match = Iso.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    const QString seconds = match.captured(3).isEmpty() ? QStringLiteral(":00") : match.captured(3);
    const QString zone = match.captured(4).isEmpty() ? QStringLiteral("Z") : match.captured(4);
    const QByteArray normalized =
        (match.captured(1) + QLatin1Char('T') + match.captured(2) + seconds + zone).toLatin1();
    const auto parsed = hatchet::parseRfc3339({normalized.constData(), std::size_t(normalized.size())});
    if (!parsed)
        return {};
    return QDateTime::fromMSecsSinceEpoch(parsed->msecsSinceEpoch, QTimeZone::utc());
}

ReferenceTime referenceFrom(const QDateTime& time) {
    return time.isValid() ? ReferenceTime(time.toMSecsSinceEpoch()) : std::nullopt;
}

qint64 timeSortKey(const TimeValue& value) {
    constexpr qint64 First = std::numeric_limits<qint64>::min();
    switch (value.state) {
    case TimeValue::Absent:
        return First;
    case TimeValue::Never:
        return First + 1;
    case TimeValue::Malformed:
        return First + 2;
    case TimeValue::Valid:
        return value.time.msecsSinceEpoch;
    }
    return First;
}

std::optional<qint64> ageOf(const TimeValue& value, ReferenceTime reference) {
    if (value.state != TimeValue::Valid || !reference)
        return std::nullopt;
    return *reference - value.time.msecsSinceEpoch;
}

QVariant timeCellData(const TimeValue& value, int role, ReferenceTime reference, const QString& missing) {
    switch (role) {
    case Qt::DisplayRole:
        if (value.state == TimeValue::Absent)
            return missing;
        if (const auto age = ageOf(value, reference))
            return relativeTime(*age);
        return absoluteTime(value);
    case Qt::ToolTipRole:
        return value.state == TimeValue::Absent ? QVariant() : QVariant(absoluteTime(value));
    case RawValueRole:
        return timeSortKey(value);
    case TimeStateRole:
        return static_cast<int>(value.state);
    case AgeMsecsRole:
        if (const auto age = ageOf(value, reference))
            return *age;
        return {};
    default:
        return {};
    }
}

} // namespace hwi::models
