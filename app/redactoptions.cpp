#include "redactoptions.h"

#include <QCommandLineParser>

namespace hwi::app {

namespace {

const QString Redact = QStringLiteral("redact");
const QString Categories = QStringLiteral("redact-categories");
const QString Key = QStringLiteral("redact-key");

} // namespace

void addRedactOptions(QCommandLineParser& parser) {
    parser.addOption(
        {Redact, QStringLiteral(
                     "With --export: replace what identifies a fleet (ids by pseudonym UUIDs, webhook URLs, "
                     "runtimeInfo.os and runtimeExtra); --redact=%1 also replaces those (any of them, "
                     "comma-separated, or 'all'). Everything else is kept as it was.")
                     .arg(analysis::redactCategoryIds().join(QLatin1Char(',')))});
    QCommandLineOption categories(Categories, QStringLiteral("The categories of --redact=LIST."),
                                  QStringLiteral("LIST"));
    categories.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(categories);
    parser.addOption(
        {Key,
         QStringLiteral("With --redact: derive the pseudonyms from KEY, so that exports with the "
                        "same KEY give the same ids the same pseudonyms (default: a random key "
                        "for each export)."),
         QStringLiteral("KEY")});
}

QStringList splitRedactArgument(const QStringList& arguments) {
    const QString prefix = QStringLiteral("--redact=");
    QStringList out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == QLatin1String("--"))
            return out + arguments.mid(i);
        if (argument.startsWith(prefix))
            out << QStringLiteral("--") + Redact << QStringLiteral("--") + Categories
                << argument.mid(prefix.size());
        else
            out << argument;
    }
    return out;
}

std::optional<analysis::RedactOptions> redactOptionsFrom(const QCommandLineParser& parser, QString* problem) {
    if (!parser.isSet(Redact)) {
        if (parser.isSet(Key))
            *problem = QStringLiteral("--redact-key needs --redact");
        return std::nullopt;
    }
    if (!parser.isSet(QStringLiteral("export"))) {
        *problem = QStringLiteral("--redact needs --export");
        return std::nullopt;
    }
    analysis::RedactOptions options;
    if (parser.isSet(Categories)) {
        QString unknown;
        const auto chosen =
            analysis::redactOptionsFromList(parser.values(Categories).join(QLatin1Char(',')), &unknown);
        if (!chosen) {
            *problem = QStringLiteral("--redact: unknown category '%1'; accepted: %2, all")
                           .arg(unknown, analysis::redactCategoryIds().join(QStringLiteral(", ")));
            return std::nullopt;
        }
        options = *chosen;
    }
    if (parser.isSet(Key)) {
        options.key = parser.value(Key).toUtf8();
        if (options.key.isEmpty()) {
            *problem = QStringLiteral("--redact-key: the key is empty");
            return std::nullopt;
        }
    }
    return options;
}

} // namespace hwi::app
