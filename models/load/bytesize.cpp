#include "bytesize.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace hwi::load {

std::optional<qint64> parseByteSize(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QString unit = match.captured(2).toLower();
    if (unit.isEmpty() && match.captured(3).compare(QLatin1String("ib"), Qt::CaseInsensitive) == 0)
        return std::nullopt; // "5iB"
    const int power = unit.isEmpty() ? 0 : int(QStringLiteral("kmgt").indexOf(unit)) + 1;
    const double bytes = match.captured(1).toDouble() * std::pow(1024.0, power);
    if (!(bytes >= 1) || bytes > std::ldexp(1.0, 62))
        return std::nullopt;
    return static_cast<qint64>(std::llround(bytes));
}

QString describeByteSize(qint64 bytes) {
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace hwi::load
