#include "fakehatchet.h"

#include "export/jsonwriter.h"
#include "hatchet/snapshot.h"
#include "live/workerlistpages.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QLocale>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace hwi::fake {

namespace {

using Responder = QHttpServerResponder;

// A handler's failure (Hatchet's APIErrors).
QByteArray apiErrors(const QString& description) {
    return R"({"errors":[{"description":")" + description.toUtf8() + R"("}]})";
}

// An authentication, authorization or lookup failure, as the HTTP framework's default handler writes it.
QByteArray frameworkError(const QString& message) {
    return R"({"message":")" + message.toUtf8() + R"("})";
}

// A workflow id made from its name, so the same worker always reads the same.
QString workflowId(const QString& name) {
    const QByteArray hash = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1);
    return QUuid::fromRfc4122(hash.left(16)).toString(QUuid::WithoutBraces);
}

// The workflows a worker registers, from its actions ("workflow:step") when the data does not say.
QByteArray workflowsFromActions(const QStringList& actions) {
    QStringList names;
    for (const QString& action : actions) {
        const QString name = action.section(QLatin1Char(':'), 0, 0);
        if (!name.isEmpty() && !names.contains(name))
            names << name;
    }
    QByteArray out = "[";
    for (const QString& name : names) {
        if (out.size() > 1)
            out += ',';
        out += R"({"id":")" + workflowId(name).toUtf8() + R"(","name":")" + name.toUtf8() + "\"}";
    }
    return out + ']';
}

} // namespace

// The second origin: answers every request with 200 and a valid worker list, and remembers what came.
class FakeHatchet::Recorder final : public QAbstractHttpServer {
public:
    std::vector<SeenRequest> seen;

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override {
        seen.push_back(
            {request.url().path(), QUrlQuery(request.url()), !request.value("Authorization").isEmpty()});
        auto responder = makeResponder(request, socket);
        responder.write(
            QByteArrayLiteral(R"({"pagination":{"current_page":1,"next_page":1,"num_pages":1},"rows":[]})"),
            QByteArrayLiteral("application/json"));
        return true;
    }
    void missingHandler(const QHttpServerRequest&, QTcpSocket*) override {}
};

FakeHatchet::FakeHatchet(QObject* parent)
    : QAbstractHttpServer(parent)
    , m_other(std::make_unique<Recorder>()) {}

FakeHatchet::~FakeHatchet() {
    m_held.clear(); // while their sockets still exist
}

bool FakeHatchet::setWorkers(const QByteArray& json, QString* error) {
    auto parsed = json::Document::parse(json);
    if (const auto* parseError = std::get_if<json::Document::ParseError>(&parsed)) {
        if (error)
            *error = QStringLiteral("%1:%2: %3")
                         .arg(parseError->line)
                         .arg(parseError->column)
                         .arg(parseError->message);
        return false;
    }
    const auto snapshot =
        hatchet::Snapshot::build(std::get<std::shared_ptr<const json::Document>>(parsed), QString(),
                                 QDateTime(), hatchet::Snapshot::Validation::Skip);
    if (snapshot->workers.empty() && snapshot->shape == hatchet::Shape::PlainJson) {
        if (error)
            *error = snapshot->note;
        return false;
    }
    const json::Document& doc = *snapshot->document;
    m_workers.clear();
    m_runningWorker.clear();
    m_dataTime = snapshot->captureTime.addSecs(3); // the newest heartbeat (no file time or Date here)
    for (std::size_t i = 0; i < snapshot->workers.size(); ++i) {
        const hatchet::WorkerView view = snapshot->worker(i);
        Worker worker;
        worker.id = view.id();
        worker.status = view.status();
        worker.hasActions = view.actionCount() > 0;
        if (i == 3 && view.era() == hatchet::SchemaEra::Current)
            m_runningWorker = view.id();
        for (const hatchet::Label& label : view.labels())
            worker.labels.emplace_back(label.key, label.value);
        const json::NodeId workflows = doc.member(view.node(), "registeredWorkflows");
        exporting::JsonWriter list(worker.listJson, exporting::Style::Compact);
        exporting::JsonWriter get(worker.getJson, exporting::Style::Compact);
        list.beginObject();
        get.beginObject();
        bool workflowsWritten = workflows != json::NoNode;
        for (std::uint32_t m = 0; m < doc.childCount(view.node()); ++m) {
            const json::NodeId member = doc.child(view.node(), m);
            const QString key = doc.key(member);
            if (!workflowsWritten && key > QLatin1String("registeredWorkflows")) { // Go's alphabetical order
                get.key("registeredWorkflows");
                get.rawValue(workflowsFromActions(view.actions()).toStdString());
                workflowsWritten = true;
            }
            get.member(doc, member);
            if (key != QLatin1String("registeredWorkflows"))
                list.member(doc, member);
        }
        if (!workflowsWritten) {
            get.key("registeredWorkflows");
            get.rawValue(workflowsFromActions(view.actions()).toStdString());
        }
        list.end();
        get.end();
        list.finish();
        get.finish();
        m_workers.push_back(std::move(worker));
    }
    return true;
}

bool FakeHatchet::loadWorkers(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return setWorkers(file.readAll(), error);
}

QString FakeHatchet::workerId(int index) const {
    return m_workers.at(std::size_t(index)).id;
}

bool FakeHatchet::useTls(const QString& certificatePath, const QString& keyPath) {
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QSslCertificate certificate(&certificateFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (certificate.isNull() || key.isNull())
        return false;
    sslSetup(certificate, key);
    m_tls = true;
    return true;
}

bool FakeHatchet::start(quint16 port) {
    m_port = listen(QHostAddress::LocalHost, port);
    const quint16 otherPort = m_other->listen(QHostAddress::LocalHost, 0);
    if (m_token.isEmpty())
        m_token = makeToken();
    return m_port != 0 && otherPort != 0;
}

QUrl FakeHatchet::url() const {
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QUrl FakeHatchet::tenantListUrl() const {
    QUrl list = url();
    list.setPath(QStringLiteral("/api/v1/tenants/%1/worker").arg(m_tenant));
    return list;
}

QUrl FakeHatchet::workerUrl(const QString& id) const {
    QUrl one = url();
    one.setPath(QStringLiteral("/api/v1/workers/%1").arg(id));
    return one;
}

QUrl FakeHatchet::otherOriginUrl() const {
    QUrl other;
    other.setScheme(QStringLiteral("http"));
    other.setHost(QStringLiteral("127.0.0.1"));
    other.setPort(m_other->serverPorts().value(0));
    return other;
}

QByteArray FakeHatchet::makeToken() const {
    const auto encode = [](const QByteArray& json) {
        return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray server = url().toString().toUtf8();
    const QByteArray payload =
        R"({"aud":")" + server + R"(","exp":)" + QByteArray::number(now + qint64(90) * 86400) +
        R"(,"grpc_broadcast_address":"127.0.0.1:7070","iat":)" + QByteArray::number(now) + R"(,"iss":")" +
        server + R"(","server_url":")" + server + R"(","sub":")" + m_tenant.toUtf8() + R"(","token_id":")" +
        QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8() + "\"}";
    return encode(R"({"alg":"none","typ":"JWT"})") + '.' + encode(payload) + '.';
}

void FakeHatchet::setFault(Fault fault, int afterRequests) {
    m_fault = fault;
    m_faultAfter = afterRequests;
}

const std::vector<SeenRequest>& FakeHatchet::otherOriginRequests() const {
    return m_other->seen;
}

void FakeHatchet::clearRequests() {
    m_requests.clear();
    m_other->seen.clear();
}

QByteArray FakeHatchet::httpDate() const {
    const QDateTime date =
        m_dateFromData && m_dataTime.isValid() ? m_dataTime : QDateTime::currentDateTimeUtc();
    return QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

// As Go's net/http: the JSON content type, a length and a Date header.
void FakeHatchet::answerJson(Responder& responder, const QByteArray& body,
                             Responder::StatusCode status) const {
    responder.writeStatusLine(status);
    responder.writeHeader("Content-Type", "application/json; charset=utf-8");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeHeader("Date", httpDate());
    responder.writeBody(body);
}

bool FakeHatchet::applyFault(const QHttpServerRequest& request, Responder& responder) {
    if (m_fault == Fault::None || int(m_requests.size()) <= m_faultAfter)
        return false;
    switch (m_fault) {
    case Fault::None:
    case Fault::IgnoreOffset: // see answerList
        return false;
    case Fault::Slow: {
        auto held = std::make_unique<Responder>(std::move(responder));
        Responder* raw = held.get();
        m_held.push_back(std::move(held));
        QTimer::singleShot(m_slowDelayMs, this, [this, raw] {
            answerJson(*raw, apiErrors(QStringLiteral("too late")),
                       Responder::StatusCode::ServiceUnavailable);
            std::erase_if(m_held, [raw](const auto& h) { return h.get() == raw; });
        });
        return true;
    }
    case Fault::ServerError:
        answerJson(responder, apiErrors(QStringLiteral("failed to list workers: database is unavailable")),
                   Responder::StatusCode::InternalServerError);
        return true;
    case Fault::Unauthorized:
        answerJson(responder, frameworkError(QStringLiteral("Not authorized to perform this operation")),
                   Responder::StatusCode::Unauthorized);
        return true;
    case Fault::Truncated: {
        const QByteArray body = R"({"pagination":{"current_page":1,"next_page":1,"num_pages":1},"rows":[)" +
                                (m_workers.empty() ? QByteArray() : m_workers.front().listJson) + "]}";
        responder.writeStatusLine(Responder::StatusCode::Ok);
        responder.writeHeader("Content-Type", "application/json");
        responder.writeHeader("Content-Length", QByteArray::number(body.size()));
        responder.writeBody(body.left(body.size() / 2));
        responder.socket()->disconnectFromHost();
        return true;
    }
    case Fault::TruncatedJson: {
        const QByteArray body = R"({"pagination":{"current_page":1,"next_page":1,"num_pages":1},"rows":[)" +
                                (m_workers.empty() ? QByteArray() : m_workers.front().listJson);
        answerJson(responder, body.left(body.size() * 2 / 3));
        return true;
    }
    case Fault::NotJson:
        responder.write(QByteArrayLiteral("<!DOCTYPE html>\n<html><head><title>Hatchet</title></head>"
                                          "<body><div id=\"root\"></div></body></html>\n"),
                        QByteArrayLiteral("text/html"));
        return true;
    case Fault::RedirectElsewhere:
    case Fault::RedirectSameOrigin: {
        if (request.url().path().startsWith(QLatin1String("/moved/")))
            return false;
        QUrl target = m_fault == Fault::RedirectElsewhere ? otherOriginUrl() : url();
        target.setPath((m_fault == Fault::RedirectSameOrigin ? QStringLiteral("/moved") : QString()) +
                       request.url().path());
        target.setQuery(request.url().query());
        responder.write({{"Location", target.toEncoded()}}, Responder::StatusCode::Found);
        return true;
    }
    }
    return false;
}

bool FakeHatchet::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    auto responder = makeResponder(request, socket);
    const QUrlQuery query(request.url());
    const QByteArray authorization = request.value("Authorization");
    m_requests.push_back({request.url().path(), query, !authorization.isEmpty()});
    if (applyFault(request, responder))
        return true;
    if (request.method() != QHttpServerRequest::Method::Get) {
        answerJson(responder, frameworkError(QStringLiteral("Method Not Allowed")),
                   Responder::StatusCode::MethodNotAllowed);
        return true;
    }
    if (authorization != "Bearer " + m_token) {
        answerJson(responder, frameworkError(QStringLiteral("Please provide valid credentials")),
                   Responder::StatusCode::Forbidden);
        return true;
    }
    static const QRegularExpression list(QStringLiteral("^(?:/moved)?/api/v1/tenants/([^/]+)/worker$"));
    static const QRegularExpression one(QStringLiteral("^(?:/moved)?/api/v1/workers/([^/]+)$"));
    static const QRegularExpression runs(
        QStringLiteral("^(?:/moved)?/api/v1/stable/tenants/([^/]+)/workflow-runs$"));
    const QString path = request.url().path();
    if (const auto match = runs.match(path); match.hasMatch())
        answerRuns(match.captured(1), query, responder);
    else if (const auto match = list.match(path); match.hasMatch())
        answerList(match.captured(1), query, responder);
    else if (const auto worker = one.match(path); worker.hasMatch())
        answerWorker(worker.captured(1), responder);
    else
        answerJson(responder, frameworkError(QStringLiteral("not found")), Responder::StatusCode::NotFound);
    return true;
}

void FakeHatchet::missingHandler(const QHttpServerRequest&, QTcpSocket*) {}

// As Hatchet answers a malformed (400) or foreign (403) tenant id; true when the tenant is served here.
bool FakeHatchet::acceptTenant(const QString& tenant, Responder& responder) const {
    if (QUuid::fromString(tenant).isNull()) {
        answerJson(responder,
                   apiErrors(QStringLiteral("Invalid format for parameter tenant: must be a uuid")),
                   Responder::StatusCode::BadRequest);
        return false;
    }
    if (tenant != m_tenant) {
        answerJson(responder, frameworkError(QStringLiteral("Forbidden")), Responder::StatusCode::Forbidden);
        return false;
    }
    return true;
}

void FakeHatchet::answerList(const QString& tenant, const QUrlQuery& query, Responder& responder) {
    if (!acceptTenant(tenant, responder))
        return;
    if (m_beforePagination) {
        // Before 2026-05-20: no pagination, no filters, every row at once.
        QByteArray body = R"({"rows":[)";
        for (const Worker& worker : m_workers) {
            if (body.size() > 9)
                body += ',';
            body += worker.listJson;
        }
        answerJson(responder, body + "]}\n");
        return;
    }
    const QStringList statuses = query.allQueryItemValues(QStringLiteral("statuses"), QUrl::FullyDecoded);
    std::vector<std::pair<QString, QString>> labels;
    for (const QString& label : query.allQueryItemValues(QStringLiteral("labels"), QUrl::FullyDecoded)) {
        const qsizetype colon = label.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            answerJson(responder,
                       apiErrors(QStringLiteral("invalid label filter %1: expected key:value").arg(label)),
                       Responder::StatusCode::BadRequest);
            return;
        }
        labels.emplace_back(label.left(colon), label.mid(colon + 1));
    }
    std::vector<const Worker*> matching;
    for (const Worker& worker : m_workers) {
        if (!statuses.isEmpty() && !statuses.contains(worker.status))
            continue;
        const bool labelled = std::all_of(labels.begin(), labels.end(), [&worker](const auto& wanted) {
            return std::find(worker.labels.begin(), worker.labels.end(), wanted) != worker.labels.end();
        });
        if (labelled)
            matching.push_back(&worker);
    }
    const qint64 asked = query.hasQueryItem(QStringLiteral("limit"))
                             ? query.queryItemValue(QStringLiteral("limit")).toLongLong()
                             : 10000;
    const qint64 limit = std::clamp<qint64>(asked, 1, m_pageCap);
    const qint64 offset =
        m_fault == Fault::IgnoreOffset
            ? 0
            : std::max<qint64>(0, query.queryItemValue(QStringLiteral("offset")).toLongLong());
    const qint64 count = qint64(matching.size());
    const qint64 numPages = (count + limit - 1) / limit;
    const qint64 currentPage = 1 + (offset + limit - 1) / limit;
    const qint64 nextPage = currentPage < numPages ? currentPage + 1 : currentPage;
    QByteArray body = R"({"pagination":{"current_page":)" + QByteArray::number(currentPage) +
                      R"(,"next_page":)" + QByteArray::number(nextPage) + R"(,"num_pages":)" +
                      QByteArray::number(numPages) + R"(},"rows":[)";
    for (qint64 i = offset; i < std::min(count, offset + limit); ++i) {
        if (i > offset)
            body += ',';
        body += matching[std::size_t(i)]->listJson;
    }
    answerJson(responder, body + "]}");
}

void FakeHatchet::answerWorker(const QString& id, Responder& responder) {
    if (QUuid::fromString(id).isNull()) {
        answerJson(responder, frameworkError(QStringLiteral("invalid worker id")),
                   Responder::StatusCode::BadRequest);
        return;
    }
    const auto found =
        std::find_if(m_workers.begin(), m_workers.end(), [&id](const Worker& w) { return w.id == id; });
    if (found == m_workers.end()) {
        answerJson(responder, frameworkError(QStringLiteral("not found")), Responder::StatusCode::NotFound);
        return;
    }
    if (!found->hasActions) {
        // Hatchet builds registeredWorkflows from the worker's actions and fails without any.
        answerJson(responder, apiErrors(QStringLiteral("worker %1 has no actions").arg(id)),
                   Responder::StatusCode::InternalServerError);
        return;
    }
    answerJson(responder, found->getJson);
}

QStringList FakeHatchet::runningTaskActions() {
    return {QStringLiteral("render-frame:render"), QStringLiteral("upload-frames:upload")};
}

void FakeHatchet::answerRuns(const QString& tenant, const QUrlQuery& query, Responder& responder) {
    if (!acceptTenant(tenant, responder))
        return;
    if (!query.hasQueryItem(QStringLiteral("since"))) { // required by Hatchet
        answerJson(responder, apiErrors(QStringLiteral("since is required")),
                   Responder::StatusCode::BadRequest);
        return;
    }
    const QString workerId = query.queryItemValue(QStringLiteral("worker_id"));
    const QStringList statuses = query.allQueryItemValues(QStringLiteral("statuses"), QUrl::FullyDecoded);
    const bool running = statuses.isEmpty() || statuses.contains(QLatin1String("RUNNING"));
    QByteArray rows;
    if (running && !workerId.isEmpty() && workerId == m_runningWorker) {
        const QDateTime now = m_dateFromData ? m_dataTime : QDateTime::currentDateTimeUtc();
        const QStringList actions = runningTaskActions();
        const char* const taskIds[] = {"6f1c4b1e-2d7a-4c55-9a41-0c3b2f8e9a01",
                                       "6f1c4b1e-2d7a-4c55-9a41-0c3b2f8e9a02"};
        const char* const runIds[] = {"9e0d2a77-51c4-4f0b-8d3e-7a6b5c4d3e01",
                                      "9e0d2a77-51c4-4f0b-8d3e-7a6b5c4d3e02"};
        const int ages[] = {95, 20}; // seconds running
        for (int i = 0; i < 2; ++i) {
            const QByteArray started = now.addSecs(-ages[i]).toString(Qt::ISODateWithMs).toUtf8();
            if (i > 0)
                rows += ',';
            rows += R"({"metadata":{"id":")" + QByteArray(taskIds[i]) + R"(","createdAt":")" + started +
                    R"(","updatedAt":")" + started + R"("},"actionId":")" + actions[i].toUtf8() +
                    R"(","displayName":")" + actions[i].section(QLatin1Char(':'), 0, 0).toUtf8() +
                    R"(","status":"RUNNING","startedAt":")" + started + R"(","createdAt":")" + started +
                    R"(","taskExternalId":")" + QByteArray(taskIds[i]) + R"(","taskId":)" +
                    QByteArray::number(1000 + i) + R"(,"taskInsertedAt":")" + started + R"(","tenantId":")" +
                    m_tenant.toUtf8() +
                    R"(","type":"TASK","workflowId":"1d2e3f40-0000-4000-8000-000000000001",)" +
                    R"("workflowRunExternalId":")" + QByteArray(runIds[i]) +
                    R"(","input":{},"output":{},"numSpawnedChildren":0})";
        }
    }
    const int count = rows.isEmpty() ? 0 : 2;
    answerJson(responder, R"({"pagination":{"current_page":1,"next_page":1,"num_pages":)" +
                              QByteArray::number(count ? 1 : 0) + R"(},"rows":[)" + rows + "]}");
}

live::Connection FakeHatchet::connection() const {
    live::Connection connection;
    connection.serverUrl = url();
    connection.tenant = tenant();
    connection.token = token();
    return connection;
}

} // namespace hwi::fake
