#pragma once

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <utility>
#include <vector>

namespace hwi::load {

// Where long work off the GUI thread runs: a parse, the filter's index, counts over every worker. Not
// QThreadPool::globalInstance(): Qt 6.4's raster painter splits large fills and lines into tasks on the
// global pool and waits for them, so a global pool busy with a 1 GB parse held the window's first paint
// for half a second (issue 19). The global pool is left to short work the GUI thread waits for: Qt's
// painting, a filter keystroke's match, a column sort.
QThreadPool& backgroundPool();
// Where local files are read, a slice at a time, beside the parse that waits for their bytes: never queued
// behind a parse on backgroundPool(). A cancelled read holds its buffer until its thread sees the cancel.
QThreadPool& readerPool();

// Whether work started with startInBackground() yields to the GUI thread: its thread's priority lowered
// (nice 10, once per thread; Linux gives each thread its own nice value), so that the GUI thread is
// scheduled first while both cores parse. The window turns it on; a command-line run, which has no GUI
// thread to favour, keeps its threads at the priority it was started with.
void setBackgroundYieldsToGui(bool yields);
// Lowers the calling thread's priority as above when the background yields to the GUI; never the GUI
// thread's. The file's reading thread and runAtOnce()'s parts call it too.
void lowerThreadPriority();

// Runs the parts at once on a pool of their own and returns when all have: for work over every worker of a
// large document, which reads memory far more than cache and so gains from a second core. Not
// backgroundPool(): called from one of its threads, a blocking map on it ran every part on the caller.
void runAtOnce(const std::vector<std::function<void()>>& parts);

// Runs work() on backgroundPool(), at the lowered priority when the background yields to the GUI.
template <typename Work> auto startInBackground(Work work) {
    return QtConcurrent::run(&backgroundPool(), [work = std::move(work)]() mutable {
        lowerThreadPriority();
        return work();
    });
}

} // namespace hwi::load
