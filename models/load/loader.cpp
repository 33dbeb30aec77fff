#include "loader.h"
#include "backgroundpool.h"
#include "bytesize.h"
#include "loaderjob.h"

#include "live/httperrors.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace hwi::load {

namespace {

QString describeSize(qint64 bytes) {
    return describeByteSize(bytes);
}

// The reason a local path cannot be read, or an empty string when it can.
QString localFileProblem(const QFileInfo& info, qint64 maxBytes) {
    if (!info.exists())
        return QStringLiteral("no such file");
    if (info.isDir())
        return QStringLiteral("is a directory, not a JSON file");
    if (!info.isFile())
        return QStringLiteral("not a regular file (a pipe or device cannot be opened here)");
    if (!info.isReadable())
        return QStringLiteral("permission denied: the file is not readable");
    if (info.size() > maxBytes)
        return QStringLiteral("the file is %1, above the %2 limit")
            .arg(describeSize(info.size()), describeSize(maxBytes));
    return {};
}

} // namespace

// The HTTP Date header ("Sun, 29 Nov 2026 13:00:05 GMT"); Qt's RFC 2822 parser wants "+0000" for GMT.
QDateTime httpDate(const QNetworkReply& reply) {
    QString date = QString::fromLatin1(reply.rawHeader("Date")).trimmed();
    if (date.endsWith(QLatin1String(" GMT")) || date.endsWith(QLatin1String(" UTC")))
        date = date.chopped(4) + QLatin1String(" +0000");
    return date.isEmpty() ? QDateTime() : QDateTime::fromString(date, Qt::RFC2822Date);
}

hatchet::CaptureHint httpDateHint(const QNetworkReply& reply) {
    const QDateTime date = httpDate(reply);
    return {date.isValid() ? hatchet::CaptureHint::HttpDate : hatchet::CaptureHint::None, date};
}

QString LoadError::toString() const {
    if (line > 0)
        return QStringLiteral("%1:%2:%3: %4").arg(source).arg(line).arg(column).arg(message);
    return source + QLatin1String(": ") + message;
}

Loader::Loader(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<LoadError>();
    qRegisterMetaType<LoadTimings>();
    qRegisterMetaType<std::shared_ptr<const hatchet::Snapshot>>();
    m_network.setAutoDeleteReplies(true);
    m_network.setTransferTimeout(m_timeoutMs);
}

Loader::~Loader() {
    cancel();
    for (QFuture<void>& reader : m_readers)
        reader.waitForFinished(); // a slice at most: it posts to this loader
    for (const auto* fetch : {&m_fetch, &m_documentFetch}) {
        if (*fetch && (*fetch)->reply) {
            (*fetch)->reply->disconnect(this);
            (*fetch)->reply->abort();
        }
    }
}

QUrl Loader::urlForSource(const QString& source) {
    if (source.startsWith(QLatin1String(":/")))
        return QUrl(QLatin1String("qrc") + source);
    QUrl url(source, QUrl::StrictMode);
    static const QStringList schemes = {QStringLiteral("qrc"), QStringLiteral("file"), QStringLiteral("http"),
                                        QStringLiteral("https")};
    if (url.isValid() && schemes.contains(url.scheme()))
        return url;
    return QUrl::fromLocalFile(QFileInfo(source).absoluteFilePath());
}

void Loader::load(const QString& source) {
    cancel();
    m_job = std::make_unique<Job>();
    Job& job = *m_job;
    job.id = ++m_lastJobId;
    job.source = source;
    job.timer.start();
    if (source == StandardInput || source == QLatin1String("/dev/stdin")) {
        readStandardInput(job);
        return;
    }
    job.url = urlForSource(source);

    if (job.url.isLocalFile()) {
        const QFileInfo info(job.url.toLocalFile());
        const QString problem = localFileProblem(info, m_maxBytes);
        if (!problem.isEmpty()) {
            // Report after load() returns, like every other outcome.
            QTimer::singleShot(0, this, [this, id = job.id, problem] {
                if (isCurrent(id))
                    fail(problem);
            });
            return;
        }
        job.fileSize = info.size();
        job.fileModified = info.lastModified();
        job.captureHint = {job.fileModified.isValid() ? hatchet::CaptureHint::FileTime
                                                      : hatchet::CaptureHint::None,
                           job.fileModified};
    }
    startRead(job);
}

// Standard input, read to its end off the GUI thread (a pipe's size is not known before), then parsed there
// too. The moment the reading ended is the capture hint, checked against the data like a file's time. Other
// pipes and devices stay refused (localFileProblem): a FIFO without a writer would block the open.
void Loader::readStandardInput(Job& job) {
    job.errorSource = QStringLiteral("standard input");
    Q_EMIT parsing();
    runOffThread(
        job,
        [cancel = job.cancel, maxBytes = m_maxBytes, source = job.source, validation = m_validation]() {
            QFile in;
            QByteArray bytes;
            if (!in.open(stdin, QIODevice::ReadOnly, QFileDevice::DontCloseHandle))
                return Outcome{
                    nullptr, nullptr, {0, 0, 0, QStringLiteral("cannot read: %1").arg(in.errorString())}};
            while (!cancel->load()) {
                const QByteArray chunk = in.read(1 << 20);
                if (chunk.isEmpty())
                    break;
                if (bytes.size() + chunk.size() > maxBytes) {
                    return Outcome{
                        nullptr,
                        nullptr,
                        {0, 0, 0,
                         QStringLiteral("more than the %1 limit arrived").arg(describeSize(maxBytes))}};
                }
                bytes += chunk;
            }
            const hatchet::CaptureHint hint{hatchet::CaptureHint::ReadTime, QDateTime::currentDateTimeUtc()};
            auto parsed = json::Document::parse(std::move(bytes), cancel.get());
            if (auto* error = std::get_if<json::Document::ParseError>(&parsed))
                return Outcome{nullptr, nullptr, *error};
            auto document = std::get<std::shared_ptr<const json::Document>>(std::move(parsed));
            return Outcome{
                hatchet::Snapshot::buildWithHint(std::move(document), StandardInput, hint, validation),
                nullptr,
                {}};
        },
        &Loader::finishWithSnapshot);
}

void Loader::startRead(Job& job) {
    if (job.url.isLocalFile() && job.fileSize > 0) {
        readLocalFile(job);
        return;
    }
    QNetworkRequest request(job.url);
    request.setTransferTimeout(m_timeoutMs);
    job.reply = m_network.get(request);
    connect(job.reply, &QNetworkReply::readyRead, this, [this, &job] { onReadyRead(job); });
    connect(job.reply, &QNetworkReply::finished, this, [this, &job] { onReplyFinished(job); });
}

// A local file is read on a thread of its own, a slice at a time into job.arriving, while the parse reads
// what has arrived: the GUI thread stays free for progress and Cancel (QNetworkAccessManager's file:// reply
// is read on the GUI thread, a 1 GB file in one go).
void Loader::readLocalFile(Job& job) {
    job.arriving = std::make_shared<json::ArrivingBytes>(job.fileSize);
    parseIntoSnapshot(job);
    m_readers.removeIf([](const QFuture<void>& reader) { return reader.isFinished(); });
    m_readers << QtConcurrent::run(&readerPool(), [this, id = job.id, path = job.url.toLocalFile(),
                                                   total = job.fileSize, bytes = job.arriving,
                                                   cancel = job.cancel] {
        constexpr qint64 SliceBytes = 1 << 20;
        constexpr qint64 ProgressBytes = 16 << 20;
        lowerThreadPriority(); // in the window: the GUI thread first
        QFile file(path);
        QString problem;
        if (!file.open(QIODevice::ReadOnly))
            problem = QStringLiteral("cannot read: %1").arg(file.errorString());
        for (qint64 reported = 0; problem.isEmpty() && !cancel->load() && bytes->room() > 0;) {
            const qint64 slice = std::min(bytes->room(), SliceBytes);
            bytes->prepare(slice);
            const qint64 got = file.read(bytes->writePosition(), slice);
            if (got < 0)
                problem = QStringLiteral("cannot read: %1").arg(file.errorString());
            if (got <= 0)
                break; // shorter than when opened: onLocalFileRead() says so
            bytes->commit(got);
            if (const qint64 done = total - bytes->room();
                done - reported >= ProgressBytes || bytes->room() == 0) {
                reported = done;
                QMetaObject::invokeMethod(
                    this,
                    [this, id, done, total] {
                        if (isCurrent(id))
                            Q_EMIT progress(done, total);
                    },
                    Qt::QueuedConnection);
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, id, problem] {
                if (isCurrent(id))
                    onLocalFileRead(*m_job, problem);
            },
            Qt::QueuedConnection);
    });
}

void Loader::onLocalFileRead(Job& job, const QString& problem) {
    if (!problem.isEmpty()) {
        fail(problem);
        return;
    }
    if (const QString changed = fileChangedMessage(job); !changed.isEmpty() || job.arriving->room() > 0) {
        fail(!changed.isEmpty() ? changed : QStringLiteral("the file ended before its announced size"));
        return;
    }
    job.readMs = job.timer.elapsed();
    job.arriving->finish();
    Q_EMIT parsing();
}

void Loader::onReadyRead(Job& job) {
    QNetworkReply& reply = *job.reply;
    if (!job.live && reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 400) {
        // An error body is no document: keep its start for the message (onReplyFinished), never parse it.
        constexpr qsizetype MostErrorBytes = 64 * 1024;
        job.buffer += reply.read(std::max<qint64>(0, MostErrorBytes - job.buffer.size()));
        reply.skip(reply.bytesAvailable());
        return;
    }
    const qint64 total = reply.header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (job.buffer.isEmpty() && !job.arriving && total > m_maxBytes) {
        fail(QStringLiteral("the source is %1, above the %2 limit")
                 .arg(describeSize(total), describeSize(m_maxBytes)));
        return;
    }
    if (!job.live && job.buffer.isEmpty() && !job.arriving && total > 0) {
        job.arriving = std::make_shared<json::ArrivingBytes>(total);
        if (const hatchet::CaptureHint date = httpDateHint(reply); date.kind != hatchet::CaptureHint::None)
            job.captureHint = date;
        parseIntoSnapshot(job);
    }
    if (job.arriving) {
        readArriving(job, total);
        return;
    }
    if (job.buffer.isEmpty() && total > 0 && total <= m_maxBytes)
        job.buffer.reserve(total + 64); // the parser's padding, so the bytes are never copied again
    const qint64 available = reply.bytesAvailable();
    const qint64 before = job.live ? job.live->bytesBefore : 0;
    if (before + job.buffer.size() + available > m_maxBytes) {
        fail(QStringLiteral("more than %1 received: the size limit stops the read")
                 .arg(describeSize(m_maxBytes)));
        return;
    }
    const qsizetype old = job.buffer.size();
    job.buffer.resize(old + available);
    const qint64 got = reply.read(job.buffer.data() + old, available);
    job.buffer.resize(old + std::max<qint64>(got, 0));
    Q_EMIT progress(job.buffer.size(), total > 0 ? total : -1); // may cancel or replace this job
}

// Reads what the reply has into job.arriving a slice at a time, so the parse can go on meanwhile.
void Loader::readArriving(Job& job, qint64 total) {
    constexpr qint64 SliceBytes = 1 << 20;
    QNetworkReply& reply = *job.reply;
    json::ArrivingBytes& bytes = *job.arriving;
    for (qint64 available = reply.bytesAvailable(); available > 0; available = reply.bytesAvailable()) {
        if (bytes.room() == 0) {
            const QString changed = job.fileSize >= 0 ? fileChangedMessage(job) : QString();
            fail(!changed.isEmpty()
                     ? changed
                     : QStringLiteral("more than the announced %1 received").arg(describeSize(total)));
            return;
        }
        const qint64 got = reply.read(bytes.writePosition(), std::min({available, bytes.room(), SliceBytes}));
        if (got <= 0)
            break;
        bytes.commit(got);
    }
    Q_EMIT progress(bytes.expected() - bytes.room(), total); // may cancel or replace this job
}

QString Loader::fileChangedMessage(const Job& job) {
    // A file still being written holds no complete document yet: better said than parsed.
    const QFileInfo now(job.url.toLocalFile());
    if (now.size() == job.fileSize && now.lastModified() == job.fileModified)
        return {};
    return QStringLiteral("the file changed while it was read (%1 when opened, %2 now): load it again "
                          "once its writer has finished")
        .arg(describeSize(job.fileSize), describeSize(now.size()));
}

void Loader::onReplyFinished(Job& job) {
    if (job.live) {
        onLiveReplyFinished(job);
        return;
    }
    QNetworkReply& reply = *job.reply;
    if (reply.error() != QNetworkReply::NoError) {
        const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 0) {
            const QString reason = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            QString message = QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed();
            // Either shape of error body: {"message": "…"} or {"errors": [{"description": "…"}]}.
            if (const QString said = live::errorBodyText(job.buffer + reply.readAll()); !said.isEmpty())
                message += QLatin1String(": ") + said;
            fail(message);
        } else if (reply.error() == QNetworkReply::OperationCanceledError) {
            fail(QStringLiteral("timed out after %1 s").arg(m_timeoutMs / 1000.0));
        } else {
            fail(reply.errorString());
        }
        return;
    }
    const quint64 id = job.id;
    if (reply.bytesAvailable() > 0)
        onReadyRead(job);
    if (!isCurrent(id))
        return; // job is gone
    if (job.fileSize >= 0) {
        if (const QString changed = fileChangedMessage(job); !changed.isEmpty()) {
            fail(changed);
            return;
        }
    }
    job.readMs = job.timer.elapsed();
    job.reply = nullptr; // deleted by the manager after this signal
    if (job.arriving) {  // its parse is running
        job.arriving->finish();
        Q_EMIT parsing();
        return;
    }
    if (const hatchet::CaptureHint date = httpDateHint(reply); date.kind != hatchet::CaptureHint::None)
        job.captureHint = date;

    Q_EMIT parsing();
    if (!isCurrent(id))
        return; // a slot cancelled or replaced the load: job is gone
    parseIntoSnapshot(job);
}

void Loader::parseIntoSnapshot(Job& job) {
    if (!job.arriving)
        job.arriving = json::ArrivingBytes::complete(std::move(job.buffer));
    runOffThread(
        job,
        [bytes = job.arriving, cancel = job.cancel, source = job.source, hint = job.captureHint,
         validation = m_validation]() mutable {
            auto parsed = json::Document::parse(bytes, cancel.get());
            if (auto* error = std::get_if<json::Document::ParseError>(&parsed))
                return Outcome{nullptr, nullptr, *error};
            auto document = std::get<std::shared_ptr<const json::Document>>(std::move(parsed));
            return Outcome{
                hatchet::Snapshot::buildWithHint(std::move(document), source, hint, validation), nullptr, {}};
        },
        &Loader::finishWithSnapshot);
}

void Loader::runOffThread(Job& job, std::function<Outcome()> task,
                          void (Loader::*done)(Job&, const Outcome&)) {
    job.watcher = std::make_unique<QFutureWatcher<Outcome>>();
    connect(job.watcher.get(), &QFutureWatcher<Outcome>::finished, this, [this, &job, done] {
        const Outcome outcome = job.watcher->result();
        job.watcher.release()->deleteLater(); // inside its own signal
        (this->*done)(job, outcome);
    });
    job.watcher->setFuture(startInBackground(std::move(task)));
}

void Loader::finishWithSnapshot(Job& job, const Outcome& outcome) {
    if (!outcome.snapshot) {
        fail(job.live ? notJsonMessage(job.live->contentType, outcome.error.message) : outcome.error.message,
             outcome.error.line, outcome.error.column);
        return;
    }
    const LoadTimings timings{job.readMs, job.timer.elapsed() - job.readMs};
    const auto snapshot = outcome.snapshot;
    dropJob();
    Q_EMIT loaded(snapshot, timings);
}

bool Loader::isCurrent(quint64 id) const {
    return m_job && m_job->id == id;
}

void Loader::cancel() {
    if (!m_job)
        return;
    dropJob();
    Q_EMIT cancelled();
}

void Loader::dropJob() {
    if (!m_job)
        return;
    m_job->cancel->store(true); // a running parse stops at its next check
    if (m_job->arriving)
        m_job->arriving->abort(); // and one waiting for bytes stops waiting
    if (m_job->reply) {
        m_job->reply->disconnect(this);
        m_job->reply->abort();
    }
    if (m_job->watcher) {
        m_job->watcher->disconnect(this);
        m_job->watcher.release()->deleteLater(); // may be inside its own signal
    }
    m_job.reset();
}

void Loader::fail(const QString& message, int line, int column) {
    const LoadError error{!m_job                         ? QString()
                          : m_job->errorSource.isEmpty() ? m_job->source
                                                         : m_job->errorSource,
                          message, line, column};
    dropJob();
    Q_EMIT failed(error);
}

} // namespace hwi::load
