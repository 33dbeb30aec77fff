#pragma once

#include "hatchet/snapshot.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <memory>

namespace hwi::load {

// Why a source could not be shown. line/column are set for JSON syntax errors.
struct LoadError {
    QString source;
    QString message;
    int line = 0;
    int column = 0;

    // "SOURCE:LINE:COLUMN: message", or "SOURCE: message" without a position.
    QString toString() const;
};

struct LoadTimings {
    qint64 readMs = 0;
    qint64 parseMs = 0; // parse, index and validation, off the GUI thread
};

// Reads any SOURCE (a path, file://, qrc: or :/, http(s)://) through one QNetworkAccessManager, then
// parses it off the calling thread. One load at a time: a new load cancels the running one.
class Loader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Loader)

public:
    static constexpr qint64 DefaultMaxBytes = qint64(2) << 30; // 2 GiB, the parser's comfortable ceiling
    static constexpr int DefaultTimeoutMs = 15000;

    explicit Loader(QObject* parent = nullptr);
    ~Loader() override;

    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    qint64 maxBytes() const { return m_maxBytes; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void load(const QString& source);
    void cancel();
    bool isLoading() const { return m_job != nullptr; }

    static QUrl urlForSource(const QString& source);

Q_SIGNALS:
    void progress(qint64 bytesReceived, qint64 bytesTotal); // total -1 when unknown
    void parsing();
    void loaded(std::shared_ptr<const hwi::hatchet::Snapshot> snapshot, hwi::load::LoadTimings timings);
    void failed(const hwi::load::LoadError& error);
    void cancelled();

private:
    struct Job;
    void startRead(Job& job);
    void onReadyRead(Job& job);
    void onReplyFinished(Job& job);
    void dropJob();
    bool isCurrent(quint64 id) const;
    void fail(const QString& message, int line = 0, int column = 0);

    QNetworkAccessManager m_network;
    std::unique_ptr<Job> m_job;
    quint64 m_lastJobId = 0;
    qint64 m_maxBytes = DefaultMaxBytes;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace hwi::load

Q_DECLARE_METATYPE(hwi::load::LoadError)
Q_DECLARE_METATYPE(hwi::load::LoadTimings)
