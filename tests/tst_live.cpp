// The live source against a fake Hatchet server: tokens, URLs, every request shape, page merging, and every
// error (each naming the URL, never the token).
#include "fakehatchet.h"
#include "live/connection.h"
#include "live/httperrors.h"
#include "live/token.h"
#include "live/workerlistpages.h"
#include "load/loader.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using hwi::fake::FakeHatchet;
using hwi::hatchet::Shape;
using hwi::hatchet::Snapshot;
using hwi::live::Connection;
using hwi::live::LiveRequest;
using hwi::load::Loader;
using hwi::load::LoadError;
using Fault = FakeHatchet::Fault;

namespace {

using SnapshotPtr = std::shared_ptr<const Snapshot>;

QByteArray base64Url(const QByteArray& json) {
    return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray jwt(const QByteArray& payload) {
    return base64Url(R"({"alg":"ES256","kid":"k1","typ":"JWT"})") + '.' + base64Url(payload) +
           ".c2lnbmF0dXJl";
}

QProcessEnvironment environment(std::initializer_list<std::pair<const char*, QByteArray>> values) {
    QProcessEnvironment env;
    for (const auto& [key, value] : values)
        env.insert(QString::fromLatin1(key), QString::fromUtf8(value));
    return env;
}

// What one load produced: a snapshot, or an error.
struct Result {
    SnapshotPtr snapshot;
    LoadError error;
    bool failed = false;
    int pages = 0;
    QList<QVariant> lastPage; // the last pageLoaded: page, pages, workers so far
};

Result runLoad(Loader& loader, const LiveRequest& request) {
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    QSignalSpy pages(&loader, &Loader::pageLoaded);
    loader.load(request);
    Result result;
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 30000))
        return result;
    result.pages = int(pages.size());
    if (!pages.isEmpty())
        result.lastPage = pages.last();
    if (!failed.isEmpty()) {
        result.failed = true;
        result.error = failed.at(0).at(0).value<LoadError>();
    } else {
        result.snapshot = loaded.at(0).at(0).value<SnapshotPtr>();
    }
    return result;
}

QStringList names(const Snapshot& snapshot) {
    QStringList out;
    for (std::size_t i = 0; i < snapshot.workers.size(); ++i)
        out << snapshot.worker(i).name();
    return out;
}

// A port nothing listens on: bound, then released.
quint16 closedPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestLive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void tokenClaims();
    void tokenMalformed_data();
    void tokenMalformed();
    void environmentDefaultsAndOverrides();
    void classifyUrls_data();
    void classifyUrls();
    void sourceEnd();
    void mergeKeepsRowsByteForByte();

    void everyPageFollowingPagination();
    void pageSizeCapBelowLimit();
    void singlePageIsTheServersBytes();
    void statusAndLabelParameters();
    void emptyTenant();
    void oneWorker();
    void fetchWorkerBesideTheLoad();
    void sameOriginRedirectIsFollowed();

    void errors_data();
    void errors();
    void redirectToAnotherOriginKeepsTheToken();
    void plainHttpToRemoteHostRefused();
    void connectionRefused();
    void hostNotFound();
    void tlsError();
    void newLoadCancelsPaging();
    void cancelWhilePaging();
    void sizeCapCountsEveryPage();
    void errorBodies_data();
    void errorBodies();
    void errorBodyOfPlainUrl();
    void fetchFailureCarriesStatus();
    void workerWithoutActions();
    void pagesWithoutPagination();
    void beforePaginationReadOnce();

private:
    LiveRequest listRequest(int pageSize = 4) const {
        Connection connection;
        connection.serverUrl = m_server.url();
        connection.tenant = m_server.tenant();
        connection.token = m_server.token();
        LiveRequest request = LiveRequest::tenantList(connection);
        request.pageSize = pageSize;
        return request;
    }
    void expectClean(const Result& result, const char* what) {
        QVERIFY2(result.failed, what);
        const QString text = result.error.toString();
        QVERIFY2(!text.contains(QString::fromLatin1(m_server.token())), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("Bearer")), qPrintable(text));
    }

    FakeHatchet m_server;
    QByteArray m_sample;
};

void TestLive::initTestCase() {
    QFile sample(QStringLiteral(HWI_SAMPLE));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    m_sample = sample.readAll();
    QString error;
    QVERIFY2(m_server.setWorkers(m_sample, &error), qPrintable(error));
    QCOMPARE(m_server.workerCount(), 12);
    QVERIFY(m_server.start());
}

void TestLive::init() {
    m_server.setFault(Fault::None);
    m_server.setPageCap(FakeHatchet::DefaultPageCap);
    m_server.setBeforePagination(false);
    m_server.clearRequests();
}

void TestLive::tokenClaims() {
    const auto claims = hwi::live::decodeToken(
        jwt(R"({"aud":"https://hatchet.internal","grpc_broadcast_address":"hatchet.internal:443",)"
            R"("server_url":"https://hatchet.internal","sub":"707d0855-80ab-4e1f-a156-f1c4546cbf52"})"));
    QCOMPARE(claims.error, QString());
    QCOMPARE(claims.tenant, QStringLiteral("707d0855-80ab-4e1f-a156-f1c4546cbf52"));
    QCOMPARE(claims.serverUrl, QStringLiteral("https://hatchet.internal"));
    // The fake server's own tokens (unsigned: an empty third part) read the same way.
    const auto fake = hwi::live::decodeToken(m_server.token());
    QCOMPARE(fake.error, QString());
    QCOMPARE(fake.tenant, m_server.tenant());
    QCOMPARE(fake.serverUrl, m_server.url().toString());
}

void TestLive::tokenMalformed_data() {
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("error");
    QTest::newRow("not a JWT") << QByteArray("hatchet-api-key") << QStringLiteral("not a JWT");
    QTest::newRow("payload not base64url") << QByteArray("a.b*c.d") << QStringLiteral("not base64url");
    QTest::newRow("payload not JSON")
        << QByteArray("a." + base64Url("hello") + ".d") << QStringLiteral("not a JSON object");
}

void TestLive::tokenMalformed() {
    QFETCH(QByteArray, token);
    QFETCH(QString, error);
    const auto claims = hwi::live::decodeToken(token);
    QVERIFY2(claims.error.contains(error), qPrintable(claims.error));
    QVERIFY(claims.tenant.isEmpty());
    QVERIFY(!claims.error.contains(QString::fromLatin1(token)));
}

void TestLive::environmentDefaultsAndOverrides() {
    const QByteArray token = jwt(
        R"({"server_url":"https://hatchet.internal/prefix","sub":"11111111-2222-4333-8444-555555555555"})");
    const Connection fromToken = Connection::fromEnvironment(environment({{"HATCHET_CLIENT_TOKEN", token}}));
    QCOMPARE(fromToken.token, token);
    QCOMPARE(fromToken.tenant, QStringLiteral("11111111-2222-4333-8444-555555555555"));
    QCOMPARE(fromToken.serverUrl, QUrl(QStringLiteral("https://hatchet.internal/prefix")));
    QCOMPARE(fromToken.timeoutMs, 15000);
    QVERIFY(!fromToken.allowInsecure);
    QCOMPARE(fromToken.problem(), QString());
    QCOMPARE(
        fromToken.tenantListUrl(),
        QUrl(QStringLiteral(
            "https://hatchet.internal/prefix/api/v1/tenants/11111111-2222-4333-8444-555555555555/worker")));
    QCOMPARE(fromToken.workerUrl(QStringLiteral("abc")),
             QUrl(QStringLiteral("https://hatchet.internal/prefix/api/v1/workers/abc")));

    const Connection overridden = Connection::fromEnvironment(
        environment({{"HATCHET_CLIENT_TOKEN", token},
                     {"HATCHET_CLIENT_TENANT_ID", "99999999-2222-4333-8444-555555555555"},
                     {"HATCHET_CLIENT_SERVER_URL", "http://127.0.0.1:8080"}}));
    QCOMPARE(overridden.tenant, QStringLiteral("99999999-2222-4333-8444-555555555555"));
    QCOMPARE(overridden.serverUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(overridden.token, token);

    QString tokenError;
    const Connection nothing = Connection::fromEnvironment(environment({}), &tokenError);
    QVERIFY(nothing.token.isEmpty());
    QVERIFY(nothing.problem().contains(QLatin1String("no server URL")));
    const Connection noTenant =
        Connection::fromEnvironment(environment({{"HATCHET_CLIENT_TOKEN", "opaque"},
                                                 {"HATCHET_CLIENT_SERVER_URL", "hatchet.internal:8443"}}),
                                    &tokenError);
    QVERIFY(tokenError.contains(QLatin1String("not a JWT")));
    QCOMPARE(noTenant.serverUrl, QUrl(QStringLiteral("https://hatchet.internal:8443"))); // https by default
    QVERIFY(noTenant.problem().contains(QLatin1String("no tenant")));
}

void TestLive::classifyUrls_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("kind"); // -1: not a Hatchet API URL
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("id");
    QTest::newRow("tenant list") << QStringLiteral("https://h.internal/api/v1/tenants/t-1/worker?limit=5")
                                 << 0 << QStringLiteral("https://h.internal") << QStringLiteral("t-1");
    QTest::newRow("with a prefix and port")
        << QStringLiteral("http://127.0.0.1:8080/hatchet/api/v1/tenants/t-2/worker/") << 0
        << QStringLiteral("http://127.0.0.1:8080/hatchet") << QStringLiteral("t-2");
    QTest::newRow("one worker") << QStringLiteral("https://h.internal/api/v1/workers/w-9") << 1
                                << QStringLiteral("https://h.internal") << QStringLiteral("w-9");
    QTest::newRow("saved file on the web")
        << QStringLiteral("https://h.internal/files/workers.json") << -1 << QString() << QString();
    QTest::newRow("a file URL") << QStringLiteral("file:///api/v1/workers/w-9") << -1 << QString()
                                << QString();
    QTest::newRow("workers of a step")
        << QStringLiteral("https://h.internal/api/v1/workers/w/x") << -1 << QString() << QString();
}

void TestLive::classifyUrls() {
    QFETCH(QString, url);
    QFETCH(int, kind);
    QFETCH(QString, server);
    QFETCH(QString, id);
    const auto target = hwi::live::classifyUrl(QUrl(url));
    QCOMPARE(target.has_value(), kind >= 0);
    if (!target)
        return;
    QCOMPARE(int(target->kind), kind);
    QCOMPARE(target->serverUrl.toString(), server);
    QCOMPARE(kind == 0 ? target->tenant : target->workerId, id);
}

void TestLive::sourceEnd() {
    const QByteArray json = "{\"a\": [1, {\"b\": []} ] , \"c\": {}, \"d\": \"x\\\"y\"}";
    const auto document =
        std::get<std::shared_ptr<const hwi::json::Document>>(hwi::json::Document::parse(json));
    const auto text = [&](hwi::json::NodeId id) {
        return json.mid(document->offset(id), hwi::live::sourceEnd(*document, id) - document->offset(id));
    };
    const auto root = document->root();
    QCOMPARE(text(root), json);
    QCOMPARE(text(document->member(root, "a")), QByteArray("[1, {\"b\": []} ]"));
    QCOMPARE(text(document->member(root, "c")), QByteArray("{}"));
    QCOMPARE(text(document->member(root, "d")), QByteArray("\"x\\\"y\""));
}

void TestLive::mergeKeepsRowsByteForByte() {
    const auto parse = [](const QByteArray& json) {
        return std::get<std::shared_ptr<const hwi::json::Document>>(hwi::json::Document::parse(json));
    };
    const QByteArray first = "{\"extra\": {\"kept\" : true},\n \"pagination\": {\"current_page\": 1, "
                             "\"next_page\": 2, \"num_pages\": 2},\n \"rows\": [ {\"name\":\"a\\u0026b\", "
                             "\"n\": 1.50} ]}";
    const QByteArray second = "{\"pagination\":{\"current_page\":2,\"next_page\":2,\"num_pages\":2},"
                              "\"rows\":[{\"name\" : \"c\"}]}";
    const QByteArray merged = hwi::live::mergeWorkerLists({parse(first), parse(second)});
    QCOMPARE(merged, QByteArray("{\"extra\":{\"kept\" : true},\"pagination\":{\"current_page\":1,"
                                "\"next_page\":1,\"num_pages\":1},\"rows\":[{\"name\":\"a\\u0026b\", "
                                "\"n\": 1.50},{\"name\" : \"c\"}]}\n"));
    const auto info = hwi::live::readPage(*parse(merged));
    QCOMPARE(info.rows, 2u);
    QVERIFY(!info.hasMore(1));
}

void TestLive::everyPageFollowingPagination() {
    Loader loader;
    const Result result = runLoad(loader, listRequest(4));
    QVERIFY2(result.snapshot, qPrintable(result.error.toString()));
    QCOMPARE(result.snapshot->shape, Shape::WorkerList);
    QCOMPARE(result.snapshot->workers.size(), std::size_t(12));
    QCOMPARE(result.pages, 3);
    QCOMPARE(result.lastPage, QList<QVariant>({3, qint64(3), qint64(12)})); // "page 3 of 3, 12 workers"
    // Three requests with limit 4 at offsets 0, 4, 8, each with the token.
    const auto& requests = m_server.requests();
    QCOMPARE(requests.size(), std::size_t(3));
    QStringList offsets;
    for (const auto& request : requests) {
        QCOMPARE(request.path, m_server.tenantListUrl().path());
        QCOMPARE(request.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("4"));
        QVERIFY(request.authorization);
        offsets << request.query.queryItemValue(QStringLiteral("offset"));
    }
    QCOMPARE(offsets, QStringList({QStringLiteral("0"), QStringLiteral("4"), QStringLiteral("8")}));
    // Same workers, same order as the data; valid against the spec; pagination describes the merged set.
    const auto whole =
        std::get<std::shared_ptr<const hwi::json::Document>>(hwi::json::Document::parse(m_sample));
    const auto expected = Snapshot::build(whole, QString(), QDateTime());
    QCOMPARE(names(*result.snapshot), names(*expected));
    QCOMPARE(result.snapshot->errorCount(), std::size_t(0));
    const auto info = hwi::live::readPage(*result.snapshot->document);
    QCOMPARE(info.currentPage, std::optional<std::int64_t>(1));
    QCOMPARE(info.numPages, std::optional<std::int64_t>(1));
    // The HTTP Date (now) is days after the sample's heartbeats: the data contradicts it, the capture is
    // estimated from the data (issue 14).
    QCOMPARE(result.snapshot->capture.hint.kind, hwi::hatchet::CaptureHint::HttpDate);
    QVERIFY(result.snapshot->capture.hintContradicted);
    QCOMPARE(result.snapshot->captureTime, expected->captureTime);
}

void TestLive::pageSizeCapBelowLimit() {
    m_server.setPageCap(3); // the client asks for 100 a page and gets 3
    Loader loader;
    const Result result = runLoad(loader, listRequest(100));
    QVERIFY2(result.snapshot, qPrintable(result.error.toString()));
    QCOMPARE(result.snapshot->workers.size(), std::size_t(12));
    QCOMPARE(m_server.requests().size(), std::size_t(4));
    QCOMPARE(m_server.requests().back().query.queryItemValue(QStringLiteral("offset")), QStringLiteral("9"));
    QCOMPARE(result.snapshot->workers.size(), std::size_t(12));
}

void TestLive::singlePageIsTheServersBytes() {
    Loader loader;
    const Result result = runLoad(loader, listRequest(1000));
    QVERIFY2(result.snapshot, qPrintable(result.error.toString()));
    QCOMPARE(m_server.requests().size(), std::size_t(1));
    const QByteArray& bytes = result.snapshot->document->source();
    QVERIFY(
        bytes.startsWith("{\"pagination\":{\"current_page\":1,\"next_page\":1,\"num_pages\":1},\"rows\":[{"));
    // Each row is the fake server's compact rendering of the sample's row: names and exact numbers survive.
    QVERIFY(bytes.contains("\"name\":\"reports \\u0026 exports\""));
    QVERIFY(bytes.contains("\"lastHeartbeatAt\":\"2026-11-29T13:00:01.987Z\""));
}

void TestLive::statusAndLabelParameters() {
    LiveRequest request = listRequest(2);
    request.statuses = {QStringLiteral("ACTIVE"), QStringLiteral("PAUSED")};
    Loader loader;
    Result result = runLoad(loader, request);
    QVERIFY2(result.snapshot, qPrintable(result.error.toString()));
    QCOMPARE(m_server.requests().front().query.allQueryItemValues(QStringLiteral("statuses")),
             request.statuses);
    for (std::size_t i = 0; i < result.snapshot->workers.size(); ++i)
        QVERIFY(request.statuses.contains(result.snapshot->worker(i).status()));
    QCOMPARE(result.snapshot->workers.size(), std::size_t(8));

    m_server.clearRequests();
    request.statuses = {QStringLiteral("ACTIVE")};
    request.labels = {QStringLiteral("region:eu-west-1")};
    result = runLoad(loader, request);
    QVERIFY2(result.snapshot, qPrintable(result.error.toString()));
    QCOMPARE(m_server.requests().front().query.allQueryItemValues(QStringLiteral("labels")), request.labels);
    QCOMPARE(names(*result.snapshot), QStringList{QStringLiteral("payments-worker")});

    // A malformed label filter: the server's 400 with its description.
    request.labels = {QStringLiteral("no-colon")};
    result = runLoad(loader, request);
    expectClean(result, "a malformed label filter must fail");
    QVERIFY2(result.error.message.startsWith(QLatin1String("HTTP 400")), qPrintable(result.error.message));
    QVERIFY2(result.error.message.contains(QLatin1String("invalid label filter no-colon")),
             qPrintable(result.error.message));
    QVERIFY(result.error.source.contains(QLatin1String("labels=no-colon")));
}

void TestLive::emptyTenant() {
    LiveRequest request = listRequest(5);
    request.labels = {QStringLiteral("nobody:here")};
    Loader loader;
    const Result result = runLoad(loader, request);
    QVERIFY2(result.snapshot, qPrintable(result.error.toString()));
    QCOMPARE(result.snapshot->shape, Shape::WorkerList);
    QCOMPARE(result.snapshot->workers.size(), std::size_t(0));
    QCOMPARE(m_server.requests().size(), std::size_t(1));
}

void TestLive::oneWorker() {
    Connection connection;
    connection.serverUrl = m_server.url();
    connection.token = m_server.token();
    const QString id = m_server.workerId(3);
    Loader loader;
    const Result result = runLoad(loader, LiveRequest::worker(connection, id));
    QVERIFY2(result.snapshot, qPrintable(result.error.toString()));
    QCOMPARE(result.snapshot->shape, Shape::Worker);
    QCOMPARE(result.snapshot->worker(0).id(), id);
    QVERIFY(!result.snapshot->worker(0).registeredWorkflows().empty()); // GET carries them, lists do not
    QCOMPARE(m_server.requests().size(), std::size_t(1));
    QCOMPARE(m_server.requests().front().path, QStringLiteral("/api/v1/workers/") + id);
    QVERIFY(m_server.requests().front().authorization);

    const Result missing = runLoad(
        loader, LiveRequest::worker(connection, QStringLiteral("00000000-0000-4000-8000-000000000000")));
    expectClean(missing, "an unknown worker must fail");
    // A lookup failure comes from the HTTP framework as {"message": "not found"}.
    QCOMPARE(missing.error.message, QStringLiteral("HTTP 404 Not Found: not found"));
    QCOMPARE(missing.error.source,
             m_server.workerUrl(QStringLiteral("00000000-0000-4000-8000-000000000000")).toString());
}

void TestLive::fetchWorkerBesideTheLoad() {
    Connection connection;
    connection.serverUrl = m_server.url();
    connection.token = m_server.token();
    Loader loader;
    QSignalSpy fetched(&loader, &Loader::workerFetched);
    QSignalSpy fetchFailed(&loader, &Loader::workerFetchFailed);
    QSignalSpy loaded(&loader, &Loader::loaded);
    loader.load(listRequest(3));
    const LiveRequest one = LiveRequest::worker(connection, m_server.workerId(0));
    loader.fetchWorker(one);
    QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty() && !fetched.isEmpty(); }, 30000));
    QCOMPARE(fetchFailed.size(), 0);
    QCOMPARE(fetched.at(0).at(0).toUrl(), one.url);
    const auto worker = fetched.at(0).at(1).value<SnapshotPtr>();
    QCOMPARE(worker->worker(0).id(), m_server.workerId(0));
    QCOMPARE(loaded.at(0).at(0).value<SnapshotPtr>()->workers.size(), std::size_t(12));

    loader.fetchWorker(LiveRequest::worker(connection, QStringLiteral("not-a-uuid")));
    QVERIFY(fetchFailed.wait(10000));
    const auto error = fetchFailed.at(0).at(1).value<LoadError>();
    QVERIFY2(error.message.startsWith(QLatin1String("HTTP 400")), qPrintable(error.message));
    QVERIFY(error.source.endsWith(QLatin1String("/api/v1/workers/not-a-uuid")));
}

void TestLive::sameOriginRedirectIsFollowed() {
    m_server.setFault(Fault::RedirectSameOrigin);
    Loader loader;
    const Result result = runLoad(loader, listRequest(6));
    QVERIFY2(result.snapshot, qPrintable(result.error.toString()));
    QCOMPARE(result.snapshot->workers.size(), std::size_t(12));
    // Each page: the redirect, then the moved URL with the token.
    QCOMPARE(m_server.requests().size(), std::size_t(4));
    QVERIFY(m_server.requests()[1].path.startsWith(QLatin1String("/moved/")));
    QVERIFY(m_server.requests()[1].authorization);
}

void TestLive::errors_data() {
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("after"); // requests served before the fault
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad token: 403") << Fault::None << 0 << QStringLiteral("wrong")
                                    << QStringLiteral("HTTP 403 Forbidden: Please provide valid credentials "
                                                      "(check the API token and the tenant)");
    QTest::newRow("no token: 403") << Fault::None << 0 << QString() << QStringLiteral("HTTP 403 Forbidden");
    QTest::newRow("401") << Fault::Unauthorized << 0 << QStringLiteral("good")
                         << QStringLiteral("HTTP 401 Unauthorized: Not authorized to perform this operation "
                                           "(check the API token and the tenant)");
    QTest::newRow("500 with APIErrors")
        << Fault::ServerError << 0 << QStringLiteral("good")
        << QStringLiteral("HTTP 500 Internal Server Error: failed to list workers: database is unavailable");
    QTest::newRow("500 on the second page") << Fault::ServerError << 1 << QStringLiteral("good")
                                            << QStringLiteral("HTTP 500 Internal Server Error");
    QTest::newRow("timeout") << Fault::Slow << 0 << QStringLiteral("good")
                             << QStringLiteral("no response within 0.3 s (timeout)");
    QTest::newRow("truncated body") << Fault::Truncated << 0 << QStringLiteral("good")
                                    << QStringLiteral("truncated");
    QTest::newRow("truncated JSON") << Fault::TruncatedJson << 0 << QStringLiteral("good")
                                    << QStringLiteral("the response is not valid JSON");
    QTest::newRow("pagination that does not advance")
        << Fault::IgnoreOffset << 0 << QStringLiteral("good")
        << QStringLiteral("the server's pagination does not advance: page 1 again at offset 4");
    QTest::newRow("HTML instead of JSON") << Fault::NotJson << 0 << QStringLiteral("good")
                                          << QStringLiteral("the server sent text/html, not JSON");
}

void TestLive::errors() {
    QFETCH(Fault, fault);
    QFETCH(int, after);
    QFETCH(QString, token);
    QFETCH(QString, message);
    m_server.setFault(fault, after);
    LiveRequest request = listRequest(4);
    request.timeoutMs = 300;
    if (token != QLatin1String("good"))
        request.token = token.toLatin1();
    Loader loader;
    const Result result = runLoad(loader, request);
    expectClean(result, "the load must fail");
    QVERIFY2(result.error.message.contains(message), qPrintable(result.error.toString()));
    // The message names the URL of the request that failed (the second page's offset when that one failed).
    QVERIFY2(result.error.source.startsWith(m_server.tenantListUrl().toString() +
                                            QLatin1String("?limit=4&offset=")),
             qPrintable(result.error.source));
    const int failedAt = fault == Fault::IgnoreOffset ? 1 : after; // the second page comes back as the first
    QVERIFY(result.error.source.endsWith(QStringLiteral("offset=%1").arg(failedAt * 4)));
    QVERIFY(!result.error.toString().contains(QLatin1String("wrong")));
}

void TestLive::redirectToAnotherOriginKeepsTheToken() {
    m_server.setFault(Fault::RedirectElsewhere);
    Loader loader;
    const Result result = runLoad(loader, listRequest(4));
    expectClean(result, "a redirect to another origin must fail");
    const QString other = m_server.otherOriginUrl().toString();
    QVERIFY2(result.error.message.contains(QLatin1String("redirected to ") + other +
                                           m_server.tenantListUrl().path()),
             qPrintable(result.error.message));
    QVERIFY(result.error.message.contains(QLatin1String("another origin")));
    // Nothing reached the other origin: neither the token nor a request without it.
    QCOMPARE(m_server.otherOriginRequests().size(), std::size_t(0));
    // (The other origin does notice a token when one arrives.)
    QNetworkAccessManager network;
    QNetworkRequest direct(m_server.otherOriginUrl());
    direct.setRawHeader("Authorization", "Bearer x");
    QNetworkReply* reply = network.get(direct);
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    reply->deleteLater();
    QCOMPARE(m_server.otherOriginRequests().size(), std::size_t(1));
    QVERIFY(m_server.otherOriginRequests().front().authorization);
    m_server.clearRequests();

    // The same for the side fetch of one worker.
    Connection connection;
    connection.serverUrl = m_server.url();
    connection.token = m_server.token();
    QSignalSpy fetchFailed(&loader, &Loader::workerFetchFailed);
    loader.fetchWorker(LiveRequest::worker(connection, m_server.workerId(1)));
    QVERIFY(fetchFailed.wait(10000));
    const QString text = fetchFailed.at(0).at(1).value<LoadError>().toString();
    QVERIFY2(text.contains(QLatin1String("another origin")), qPrintable(text));
    QVERIFY(!text.contains(QString::fromLatin1(m_server.token())));
    QCOMPARE(m_server.otherOriginRequests().size(), std::size_t(0));
}

void TestLive::plainHttpToRemoteHostRefused() {
    LiveRequest request = listRequest();
    request.url = QUrl(QStringLiteral("http://hatchet.invalid/api/v1/tenants/t/worker"));
    Loader loader;
    Result result = runLoad(loader, request);
    expectClean(result, "plain http with a token to a remote host must be refused");
    QVERIFY2(result.error.message.contains(QLatin1String("refusing to send the API token over plain http")),
             qPrintable(result.error.message));
    QCOMPARE(result.error.source, QStringLiteral("http://hatchet.invalid/api/v1/tenants/t/worker"));
    // Allowed explicitly, it is tried (and fails on the name, which does not resolve).
    request.allowInsecure = true;
    result = runLoad(loader, request);
    expectClean(result, "hatchet.invalid does not resolve");
    QVERIFY2(result.error.message.contains(QLatin1String("host not found")),
             qPrintable(result.error.message));
}

void TestLive::connectionRefused() {
    LiveRequest request = listRequest();
    request.url.setPort(closedPort());
    Loader loader;
    const Result result = runLoad(loader, request);
    expectClean(result, "nothing listens there");
    QVERIFY2(result.error.message.startsWith(QLatin1String("connection refused")),
             qPrintable(result.error.message));
    QVERIFY(result.error.source.startsWith(
        QStringLiteral("http://127.0.0.1:%1/api/v1/tenants/").arg(request.url.port())));
}

void TestLive::hostNotFound() {
    LiveRequest request = listRequest();
    request.url = QUrl(QStringLiteral("https://hatchet.invalid/api/v1/tenants/t/worker"));
    Loader loader;
    const Result result = runLoad(loader, request);
    expectClean(result, "hatchet.invalid does not resolve");
    QCOMPARE(result.error.message, QStringLiteral("host not found: hatchet.invalid (DNS lookup failed)"));
    QVERIFY(
        result.error.source.startsWith(QLatin1String("https://hatchet.invalid/api/v1/tenants/t/worker?")));
}

void TestLive::tlsError() {
    FakeHatchet tls;
    QVERIFY(tls.setWorkers(m_sample));
    QVERIFY(tls.useTls(QStringLiteral(HWI_FAKE_DIR "/selfsigned.crt"),
                       QStringLiteral(HWI_FAKE_DIR "/selfsigned.key")));
    QVERIFY(tls.start());
    Connection connection;
    connection.serverUrl = tls.url();
    connection.tenant = tls.tenant();
    connection.token = tls.token();
    Loader loader;
    const Result result = runLoad(loader, LiveRequest::tenantList(connection));
    QVERIFY2(result.failed, "a self-signed certificate must not be trusted");
    QVERIFY2(result.error.message.startsWith(QLatin1String("TLS error: ")), qPrintable(result.error.message));
    QVERIFY2(result.error.message.contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
             qPrintable(result.error.message));
    QVERIFY(result.error.source.startsWith(tls.tenantListUrl().toString()));
    QVERIFY(!result.error.toString().contains(QString::fromLatin1(tls.token())));
}

void TestLive::newLoadCancelsPaging() {
    m_server.setFault(Fault::Slow, 1); // the second page never comes in time
    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    QSignalSpy cancelled(&loader, &Loader::cancelled);
    QSignalSpy pages(&loader, &Loader::pageLoaded);
    loader.load(listRequest(4));
    QVERIFY(pages.wait(10000));
    QTest::qWait(50); // the second request is in flight
    m_server.setFault(Fault::None);
    loader.load(listRequest(100));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).value<SnapshotPtr>()->workers.size(), std::size_t(12));
}

void TestLive::cancelWhilePaging() {
    m_server.setFault(Fault::Slow, 1);
    Loader loader;
    QSignalSpy loaded(&loader, &Loader::loaded);
    QSignalSpy failed(&loader, &Loader::failed);
    QSignalSpy cancelled(&loader, &Loader::cancelled);
    QSignalSpy pages(&loader, &Loader::pageLoaded);
    loader.load(listRequest(4));
    QVERIFY(pages.wait(10000));
    QVERIFY(loader.isLoading());
    loader.cancel();
    QVERIFY(!loader.isLoading());
    QCOMPARE(cancelled.size(), 1);
    QTest::qWait(300);
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(pages.size(), 1);
}

void TestLive::sizeCapCountsEveryPage() {
    // Each page is well under the cap; together they are not.
    Loader loader;
    loader.setMaxBytes(m_sample.size() / 3);
    const Result result = runLoad(loader, listRequest(2));
    expectClean(result, "the pages together exceed the size cap");
    QVERIFY2(result.error.message.contains(QLatin1String("the size limit stops the read")),
             qPrintable(result.error.message));
    QVERIFY(result.pages >= 1);
}

// Hatchet's two error shapes: the framework's {"message"} (authentication, authorization, lookup) and the
// handlers' APIErrors; anything else says nothing.
void TestLive::errorBodies_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::newRow("403 message") << QByteArray(R"({"message":"Please provide valid credentials"})")
                                 << QStringLiteral("Please provide valid credentials");
    QTest::newRow("404 message") << QByteArray("{\"message\":\"not found\"}\n")
                                 << QStringLiteral("not found");
    QTest::newRow("APIErrors") << QByteArray(
                                      R"({"errors":[{"code":400,"description":"invalid label filter"},)"
                                      R"({"description":"second","docs_link":"x"}]})")
                               << QStringLiteral("invalid label filter; second");
    QTest::newRow("APIErrors without descriptions")
        << QByteArray(R"({"errors":[{"code":500}]})") << QString();
    QTest::newRow("both: the descriptions")
        << QByteArray(R"({"message":"m","errors":[{"description":"d"}]})") << QStringLiteral("d");
    QTest::newRow("message not a string") << QByteArray(R"({"message":{"a":1}})") << QString();
    QTest::newRow("HTML") << QByteArray("<html>502 Bad Gateway</html>") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestLive::errorBodies() {
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QCOMPARE(hwi::live::errorBodyText(body), text);
}

// A plain http(s) URL (not a live request) that fails: the status and what the server's body says.
void TestLive::errorBodyOfPlainUrl() {
    Loader loader;
    QSignalSpy failed(&loader, &Loader::failed);
    QSignalSpy loaded(&loader, &Loader::loaded);
    loader.load(m_server.tenantListUrl().toString()); // no token: 403 {"message": …}
    QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty() || !loaded.isEmpty(); }, 30000));
    QCOMPARE(loaded.size(), 0);
    const auto error = failed.at(0).at(0).value<LoadError>();
    QCOMPARE(error.message, QStringLiteral("HTTP 403 Forbidden: Please provide valid credentials"));
}

// A failed fetch says its HTTP status and the server's own words, apart from the message.
void TestLive::fetchFailureCarriesStatus() {
    Connection connection;
    connection.serverUrl = m_server.url();
    connection.token = m_server.token();
    Loader loader;
    QSignalSpy fetchFailed(&loader, &Loader::workerFetchFailed);
    loader.fetchWorker(
        LiveRequest::worker(connection, QStringLiteral("00000000-0000-4000-8000-000000000000")));
    QVERIFY(fetchFailed.wait(10000));
    auto error = fetchFailed.at(0).at(1).value<LoadError>();
    QCOMPARE(error.httpStatus, 404);
    QCOMPARE(error.serverMessage, QStringLiteral("not found"));
    QCOMPARE(error.message, QStringLiteral("HTTP 404 Not Found: not found"));
    QVERIFY(!hwi::live::isWorkerWithoutActions(error.httpStatus, error.serverMessage));

    connection.token = "wrong";
    loader.fetchWorker(LiveRequest::worker(connection, m_server.workerId(0)));
    QVERIFY(fetchFailed.wait(10000));
    error = fetchFailed.at(1).at(1).value<LoadError>();
    QCOMPARE(error.httpStatus, 403);
    QCOMPARE(error.serverMessage, QStringLiteral("Please provide valid credentials"));
}

// A worker whose list row has `actions: null`: Hatchet's GET fails with HTTP 500 "worker … has no actions".
void TestLive::workerWithoutActions() {
    FakeHatchet server;
    QVERIFY(server.setWorkers(R"({"rows": [
        {"actions": null, "metadata": {"id": "3f2b8a61-5c1d-4e0f-9a7b-2d4c6e8f0a1b"}, "name": "idle",
         "status": "ACTIVE", "type": "SELFHOSTED"},
        {"actions": ["wf:step"], "metadata": {"id": "4a3c9b72-6d2e-4f10-8b8c-3e5d7f9a1b2c"}, "name": "busy",
         "status": "ACTIVE", "type": "SELFHOSTED"}]})"));
    QVERIFY(server.start());
    Connection connection;
    connection.serverUrl = server.url();
    connection.token = server.token();
    Loader loader;
    QSignalSpy fetched(&loader, &Loader::workerFetched);
    QSignalSpy fetchFailed(&loader, &Loader::workerFetchFailed);
    loader.fetchWorker(LiveRequest::worker(connection, server.workerId(0)));
    QVERIFY(fetchFailed.wait(10000));
    const auto error = fetchFailed.at(0).at(1).value<LoadError>();
    QCOMPARE(error.httpStatus, 500);
    QCOMPARE(error.serverMessage,
             QStringLiteral("worker 3f2b8a61-5c1d-4e0f-9a7b-2d4c6e8f0a1b has no actions"));
    QVERIFY(hwi::live::isWorkerWithoutActions(error.httpStatus, error.serverMessage));
    // The worker with actions is served, with the workflows made from them.
    loader.fetchWorker(LiveRequest::worker(connection, server.workerId(1)));
    QVERIFY(fetched.wait(10000));
    QCOMPARE(fetched.at(0).at(1).value<SnapshotPtr>()->worker(0).registeredWorkflowCount(), 1);
}

// What a page says about what follows: without `pagination` (a server before 2026-05-20) nothing, however
// many rows; a page that starts with the first page's first row repeats it.
void TestLive::pagesWithoutPagination() {
    const auto parse = [](const QByteArray& json) {
        return std::get<std::shared_ptr<const hwi::json::Document>>(hwi::json::Document::parse(json));
    };
    const auto old = hwi::live::readPage(
        *parse(R"({"rows":[{"metadata":{"id":"a"}},{"metadata":{"id":"b"}},{"metadata":{"id":"c"}}]})"));
    QVERIFY(old.isWorkerList);
    QVERIFY(!old.paginated);
    QCOMPARE(old.rows, 3u);
    QVERIFY(!old.hasMore(2));
    QVERIFY(!old.hasMore(3));
    const auto paged =
        hwi::live::readPage(*parse(R"({"pagination":{},"rows":[{"metadata":{"id":"a"}},{}]})"));
    QVERIFY(paged.paginated);
    QVERIFY(paged.hasMore(2)); // no page numbers: a full page may have more after it
    QVERIFY(paged.repeats(old));
    const auto next = hwi::live::readPage(*parse(R"({"pagination":{},"rows":[{"metadata":{"id":"c"}}]})"));
    QVERIFY(!next.repeats(old));
    // Rows without ids compare by their bytes.
    const auto bare = hwi::live::readPage(*parse(R"({"rows":[{"name":"x"}]})"));
    QVERIFY(bare.repeats(hwi::live::readPage(*parse(R"({"pagination":{},"rows":[{"name":"x"},{}]})"))));
    QVERIFY(!hwi::live::readPage(*parse(R"({"rows":[]})"))
                 .repeats(hwi::live::readPage(*parse(R"({"rows":[]})"))));
}

// A server before 2026-05-20 ignores offset and limit and sends every row with no `pagination`: one request,
// every worker, the server's bytes as they came.
void TestLive::beforePaginationReadOnce() {
    m_server.setBeforePagination(true);
    m_server.setPageCap(3); // ignored too
    Loader loader;
    LiveRequest request = listRequest(4);
    request.statuses = {QStringLiteral("ACTIVE")}; // ignored by such a server: every status comes
    const Result result = runLoad(loader, request);
    QVERIFY2(result.snapshot, qPrintable(result.error.toString()));
    QCOMPARE(m_server.requests().size(), std::size_t(1));
    QCOMPARE(result.pages, 1);
    QCOMPARE(result.lastPage, QList<QVariant>({1, qint64(-1), qint64(12)})); // "page 1, 12 workers"
    QCOMPARE(result.snapshot->shape, Shape::WorkerList);
    QCOMPARE(result.snapshot->workers.size(), std::size_t(12));
    const QByteArray& bytes = result.snapshot->document->source();
    QVERIFY(bytes.startsWith("{\"rows\":[{"));
    QVERIFY(!bytes.contains("\"pagination\""));
    QVERIFY(!hwi::live::readPage(*result.snapshot->document).paginated);
}

QTEST_MAIN(TestLive)
#include "tst_live.moc"
