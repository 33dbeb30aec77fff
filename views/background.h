#pragma once

#include "load/backgroundpool.h"

#include <QFutureWatcher>
#include <QObject>

#include <type_traits>
#include <utility>

namespace hwi::views {

// Runs work() on the background pool (load::startInBackground(), not the global pool), then done(result)
// on context's thread; not at all when context is destroyed first. What reads every worker of a large
// document goes this way, off the GUI thread.
template <typename Work, typename Done> void runInBackground(QObject* context, Work work, Done done) {
    using Result = std::invoke_result_t<Work>;
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    watcher->setFuture(load::startInBackground(std::move(work)));
}

} // namespace hwi::views
