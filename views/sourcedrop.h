#pragma once

#include <QObject>
#include <QStringList>

class QMimeData;

namespace hwi::views {

// The sources a drag carries: local files as paths, http(s) URLs as URLs, or plain text holding one
// such URL (or absolute path) a line. Empty when it carries nothing the inspector can open.
QStringList droppedSources(const QMimeData& data);

// Installed on a window (with acceptDrops): accepts drags that carry sources and emits dropped().
class SourceDropFilter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceDropFilter)

public:
    explicit SourceDropFilter(QWidget* window);

Q_SIGNALS:
    void dropped(const QStringList& sources);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace hwi::views
