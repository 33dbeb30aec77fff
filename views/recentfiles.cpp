#include "recentfiles.h"

#include "load/loader.h"
#include "plaintooltips.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace hwi::views {

namespace {

const QString SourcesKey = QStringLiteral("recent/sources");

// Writing the settings file syncs it to disk (10-15 ms here, more on a busy disk), which held the turn that
// shows a new document: the list is written on a thread of its own, one write at a time and in order.
// Until the last one is written, every window reads the list waiting to be written.
QThreadPool& writer() {
    struct OneThread : QThreadPool {
        OneThread() { setMaxThreadCount(1); }
    };
    static OneThread pool;
    return pool;
}
std::atomic_int writesWaiting{0};
QStringList& lastStored() { // read and written on the GUI thread only
    static QStringList list;
    return list;
}

// "workers.json — /home/me/dumps" for files, the URL itself otherwise; '&' doubled for the menu.
QString entryText(int number, const QString& source) {
    QString text = source;
    if (!QFileInfo(source).isRelative()) {
        const QFileInfo info(source);
        text = QStringLiteral("%1 — %2").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath()));
    }
    text.replace(QLatin1Char('&'), QStringLiteral("&&"));
    return number < 10 ? QStringLiteral("&%1 %2").arg(number).arg(text) : text;
}

} // namespace

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent) {}

RecentFiles::~RecentFiles() {
    writer().waitForDone(); // written before the application's settings and names go
}

QStringList RecentFiles::sources() const {
    if (writesWaiting.load() > 0)
        return lastStored();
    return QSettings().value(SourcesKey).toStringList();
}

QString RecentFiles::normalized(const QString& source) {
    if (source.isEmpty())
        return {};
    const QUrl url = load::Loader::urlForSource(source);
    if (url.isLocalFile())
        return QDir::cleanPath(QFileInfo(url.toLocalFile()).absoluteFilePath());
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        return url.toString();
    return {};
}

bool RecentFiles::isMissingFile(const QString& source) {
    return !QFileInfo(source).isRelative() && !QFileInfo::exists(source);
}

void RecentFiles::add(const QString& source) {
    const QString entry = normalized(source);
    if (entry.isEmpty())
        return;
    QStringList list = sources();
    list.removeAll(entry);
    list.prepend(entry);
    store(list.mid(0, MaxEntries));
}

void RecentFiles::remove(const QString& source) {
    QStringList list = sources();
    list.removeAll(source);
    list.removeAll(normalized(source));
    store(list);
}

void RecentFiles::clear() {
    store({});
}

void RecentFiles::store(const QStringList& sources) {
    lastStored() = sources;
    ++writesWaiting;
    // Waited for through writesWaiting (the destructor), not a future.
    (void)QtConcurrent::run(&writer(), [sources] {
        QSettings settings;
        settings.setValue(SourcesKey, sources);
        settings.sync();
        --writesWaiting;
    });
}

QMenu* RecentFiles::createMenu(QWidget* parent) {
    auto* menu = new QMenu(tr("Open &Recent"), parent);
    menu->setToolTipsVisible(true); // the full path or URL
    connect(menu, &QMenu::aboutToShow, this, [this, menu] { populate(menu); });
    populate(menu); // so that the menu is enabled, and its actions exist, before it first opens
    return menu;
}

void RecentFiles::populate(QMenu* menu) {
    menu->clear();
    const QStringList list = sources();
    int number = 1;
    for (const QString& source : list) {
        QAction* action =
            menu->addAction(entryText(number++, source), this, [this, source] { choose(source); });
        action->setToolTip(plainToolTip(source)); // a path may look like markup
        action->setStatusTip(source);
        action->setData(source);
    }
    if (list.isEmpty())
        menu->addAction(tr("No Recent Files"))->setEnabled(false);
    menu->addSeparator();
    QAction* clearAction = menu->addAction(tr("&Clear Menu"), this, &RecentFiles::clear);
    clearAction->setEnabled(!list.isEmpty());
}

void RecentFiles::choose(const QString& source) {
    if (isMissingFile(source)) {
        remove(source);
        Q_EMIT missing(source);
        return;
    }
    Q_EMIT openRequested(source);
}

} // namespace hwi::views
