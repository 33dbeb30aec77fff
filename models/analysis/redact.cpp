#include "redact.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <algorithm>
#include <map>
#include <string>

namespace hwi::analysis {

using json::Document;
using json::Kind;
using json::NodeId;

namespace {

constexpr std::string_view ZeroUuid = "00000000-0000-0000-0000-000000000000";

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isIdKey(std::string_view key) {
    return key == "id" || (key.size() > 2 && key.ends_with("Id") && key != "actionId");
}

std::string quoted(const QString& text) {
    return '"' + text.toStdString() + '"';
}

// Numbers distinct values in the order they are first met: prefix-1, prefix-2, …
class Numbering {
public:
    explicit Numbering(QString prefix)
        : m_prefix(std::move(prefix)) {}
    QString operator()(const QString& value) {
        const auto [it, added] = m_numbers.try_emplace(value, m_numbers.size() + 1);
        return m_prefix + QString::number(it->second);
    }

private:
    QString m_prefix;
    std::map<QString, std::size_t> m_numbers;
};

class Redactor {
public:
    Redactor(const Document& document, const RedactOptions& options, QByteArray key)
        : m_document(document)
        , m_options(options)
        , m_key(std::move(key)) {}

    void worker(NodeId worker) {
        for (std::uint32_t i = 0; i < m_document.childCount(worker); ++i) {
            const NodeId member = m_document.child(worker, i);
            const std::string_view key = m_document.keyView(member, m_scratch);
            if (key == "name" && m_options.names)
                replaceString(member, [&](const QString& name) { return m_names(name); });
            else if (key == "webhookUrl")
                replaceString(member, [&](const QString& url) { return m_urls(url); });
            else if (key == "runtimeInfo")
                runtimeInfo(member);
            else if (key == "labels" && m_options.labels)
                eachMember(member, "value", [&](const QString& value) { return m_labelValues(value); });
            else if (key == "actions" && m_options.actions)
                actions(member);
            else if (key == "registeredWorkflows" && m_options.actions)
                eachMember(member, "name", [&](const QString& name) { return workflow(name); });
            else if ((key == "slots" || key == "recentStepRuns") && m_options.actions)
                eachMember(member, "actionId", [&](const QString& action) { return this->action(action); });
            else
                ids(member);
        }
    }

    exporting::ScalarReplacements replacements;

private:
    // Replaces a non-empty string node by what make() gives for its text.
    template <typename Make> void replaceString(NodeId node, Make make) {
        if (m_document.kind(node) != Kind::String)
            return;
        const QString text = m_document.text(node);
        if (!text.isEmpty())
            replacements[node] = quoted(make(text));
    }

    void runtimeInfo(NodeId info) {
        if (m_document.kind(info) != Kind::Object)
            return ids(info);
        for (std::uint32_t i = 0; i < m_document.childCount(info); ++i) {
            const NodeId member = m_document.child(info, i);
            const std::string_view key = m_document.keyView(member, m_scratch);
            if (key == "os" || key == "runtimeExtra")
                replaceString(member, [](const QString&) { return QStringLiteral("redacted"); });
            else
                ids(member);
        }
    }

    void actions(NodeId array) {
        if (m_document.kind(array) != Kind::Array)
            return ids(array);
        for (std::uint32_t i = 0; i < m_document.childCount(array); ++i)
            replaceString(m_document.child(array, i), [&](const QString& name) { return action(name); });
    }

    // In each object of the array: the member `key` replaced by make(), the others redacted as ids().
    template <typename Make> void eachMember(NodeId array, std::string_view key, Make make) {
        if (m_document.kind(array) != Kind::Array)
            return ids(array);
        for (std::uint32_t i = 0; i < m_document.childCount(array); ++i) {
            const NodeId element = m_document.child(array, i);
            if (m_document.kind(element) != Kind::Object) {
                ids(element);
                continue;
            }
            for (std::uint32_t j = 0; j < m_document.childCount(element); ++j) {
                const NodeId member = m_document.child(element, j);
                if (m_document.keyView(member, m_scratch) == key)
                    replaceString(member, make);
                else
                    ids(member);
            }
        }
    }

    // Workers store actions lower-cased ("<workflow>:<task>") while registeredWorkflows keep the
    // workflow's own case: both map through the lower-cased workflow name, so they still correspond.
    QString workflow(const QString& name) { return m_workflows(name.toLower()); }
    QString action(const QString& name) {
        const qsizetype colon = name.indexOf(QLatin1Char(':'));
        if (colon < 0)
            return workflow(name);
        return workflow(name.left(colon)) + QLatin1Char(':') + m_tasks(name.mid(colon + 1));
    }

    // Every id below node (depth first, in document order): UUID-shaped strings and `id` / `…Id` members.
    void ids(NodeId node) {
        std::vector<NodeId> pending{node};
        while (!pending.empty()) {
            const NodeId current = pending.back();
            pending.pop_back();
            if (m_document.isContainer(current)) {
                for (std::uint32_t i = m_document.childCount(current); i-- > 0;)
                    pending.push_back(m_document.child(current, i));
                continue;
            }
            if (m_document.kind(current) != Kind::String)
                continue;
            const std::string_view text = m_document.stringView(current, m_scratch);
            if (text.empty() || text == ZeroUuid)
                continue;
            const bool id = looksLikeUuid(text) || (m_document.isMember(current) &&
                                                    isIdKey(m_document.keyView(current, m_keyScratch)));
            if (id)
                replacements[current] = quoted(pseudonymUuid(m_key, m_document.text(current)));
        }
    }

    const Document& m_document;
    const RedactOptions& m_options;
    QByteArray m_key;
    std::string m_scratch;
    std::string m_keyScratch;
    Numbering m_names{QStringLiteral("worker-")};
    Numbering m_urls{QStringLiteral("https://redacted.invalid/")};
    Numbering m_labelValues{QStringLiteral("value-")};
    Numbering m_workflows{QStringLiteral("workflow-")};
    Numbering m_tasks{QStringLiteral("task-")};
};

QByteArray randomKey() {
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(key.data()), key.size() / 4);
    return key;
}

} // namespace

QStringList redactCategoryIds() {
    return {QStringLiteral("names"), QStringLiteral("labels"), QStringLiteral("actions")};
}

std::optional<RedactOptions> redactOptionsFromList(const QString& list, QString* problem) {
    RedactOptions options;
    for (const QString& item : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = item.trimmed();
        if (name == QLatin1String("names") || name == QLatin1String("all"))
            options.names = true;
        if (name == QLatin1String("labels") || name == QLatin1String("all"))
            options.labels = true;
        if (name == QLatin1String("actions") || name == QLatin1String("all"))
            options.actions = true;
        if (!redactCategoryIds().contains(name) && name != QLatin1String("all")) {
            if (problem)
                *problem = name;
            return std::nullopt;
        }
    }
    return options;
}

bool looksLikeUuid(std::string_view text) {
    if (text.size() != ZeroUuid.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isHex(text[i]))
            return false;
    }
    return true;
}

QString pseudonymUuid(const QByteArray& key, const QString& id) {
    QByteArray bytes =
        QMessageAuthenticationCode::hash(id.toLower().toUtf8(), key, QCryptographicHash::Sha256).left(16);
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    const QByteArray hex = bytes.toHex();
    return QString::fromLatin1(hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' +
                               hex.mid(16, 4) + '-' + hex.mid(20));
}

exporting::ScalarReplacements redact(const hatchet::Snapshot& snapshot,
                                     const std::vector<std::size_t>& workerIndexes,
                                     const RedactOptions& options) {
    std::vector<std::size_t> chosen = workerIndexes;
    std::erase_if(chosen, [&](std::size_t index) { return index >= snapshot.workers.size(); });
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    Redactor redactor(*snapshot.document, options, options.key.isEmpty() ? randomKey() : options.key);
    for (const std::size_t index : chosen)
        redactor.worker(snapshot.workers[index]);
    return std::move(redactor.replacements);
}

} // namespace hwi::analysis
