#include "sourcedrop.h"

#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace hwi::views {

namespace {

// A path for a local file, the URL text for http(s); empty otherwise (ftp:, mailto:, …).
QString sourceFor(const QUrl& url) {
    if (url.isLocalFile())
        return url.toLocalFile();
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        return url.toString();
    return {};
}

} // namespace

QStringList droppedSources(const QMimeData& data) {
    QStringList sources;
    if (data.hasUrls()) {
        for (const QUrl& url : data.urls()) {
            if (const QString source = sourceFor(url); !source.isEmpty())
                sources << source;
        }
        return sources;
    }
    if (!data.hasText())
        return sources;
    const QStringList lines = data.text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QString text = line.trimmed();
        if (text.startsWith(QLatin1Char('/')) && QFileInfo(text).isFile()) {
            sources << text;
            continue;
        }
        if (const QString source = sourceFor(QUrl(text, QUrl::StrictMode)); !source.isEmpty())
            sources << source;
    }
    return sources;
}

SourceDropFilter::SourceDropFilter(QWidget* window)
    : QObject(window) {
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

bool SourceDropFilter::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDropEvent*>(event);
        if (droppedSources(*drag->mimeData()).isEmpty())
            return QObject::eventFilter(watched, event);
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList sources = droppedSources(*drop->mimeData());
        if (sources.isEmpty())
            return QObject::eventFilter(watched, event);
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        Q_EMIT dropped(sources);
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace hwi::views
