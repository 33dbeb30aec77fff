#include "labelchoices.h"

#include <QSet>

namespace hwi::filter {

QStringList labelChoices(const hatchet::Snapshot& snapshot, qsizetype most) {
    QSet<QString> seen;
    for (std::size_t i = 0; i < snapshot.workers.size() && seen.size() < most; ++i) {
        for (const hatchet::Label& label : snapshot.worker(i).labels()) {
            seen.insert(label.key + QLatin1Char('=') + label.value);
            if (seen.size() >= most)
                break;
        }
    }
    QStringList choices(seen.begin(), seen.end());
    choices.sort(Qt::CaseInsensitive);
    return choices;
}

} // namespace hwi::filter
