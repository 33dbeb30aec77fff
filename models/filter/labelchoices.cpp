#include "labelchoices.h"

#include "itemmodels/rawvaluesortproxy.h"

#include <QCollator>
#include <QSet>

#include <algorithm>

namespace hwi::filter {

QStringList labelChoices(const hatchet::Snapshot& snapshot, qsizetype most) {
    QSet<QString> seen;
    for (std::size_t i = 0; i < snapshot.workers.size() && seen.size() < most; ++i) {
        for (const hatchet::LabelText& label : snapshot.worker(i).labelTexts()) { // no metadata to read
            seen.insert(label.key);                                               // any value
            seen.insert(label.key + QLatin1Char('=') + label.value);
            if (seen.size() >= most)
                break;
        }
    }
    QStringList choices(seen.begin(), seen.end());
    // The order of every sorted name in the window: gpu=a2 before gpu=a10.
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(choices.begin(), choices.end(), [&collator](const QString& a, const QString& b) {
        return models::naturalCompare(a, b, collator) < 0;
    });
    return choices;
}

} // namespace hwi::filter
