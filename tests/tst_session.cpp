// The session without widgets: new documents and refreshes (with the snapshot they replace), failures
// that leave a stale snapshot, the live list's server-side filters, the selected worker's GET, auto-refresh
// and the plain-http refusal.
#include "fakehatchet.h"
#include "session/session.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hwi;
using session::Session;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

std::size_t listRequests(const fake::FakeHatchet& server) {
    return std::size_t(std::count_if(server.requests().begin(), server.requests().end(),
                                     [&](const auto& r) { return r.path == server.tenantListUrl().path(); }));
}

} // namespace

class TestSession : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void newDocumentThenRefresh();
    void anotherSourceReplaces();
    void failedRefreshLeavesStaleSnapshot();
    void indexFollowsSnapshot();
    void serverFiltersFollowTheQuery();
    void fetchesOnlyWorkersOfTheSnapshot();
    void fetchesRunningTasksOfACurrentEraWorker();
    void autoRefreshReloads();
    void plainHttpRefusedWithoutConfirmation();
    void saveSnapshotWritesWhatWasRead();

private:
    live::Connection connection() const { return m_server.connection(); }
    bool connectSession(Session& session) {
        QSignalSpy shown(&session, &Session::shown);
        session.connectToServer(connection());
        return shown.wait(20000);
    }

    fake::FakeHatchet m_server;
    QTemporaryDir m_dir;
};

void TestSession::initTestCase() {
    QVERIFY(m_server.loadWorkers(QStringLiteral(HWI_SAMPLE)));
    m_server.setPageCap(4);
    QVERIFY(m_server.start());
    QVERIFY(m_dir.isValid());
}

void TestSession::init() {
    m_server.clearRequests();
}

void TestSession::newDocumentThenRefresh() {
    Session session;
    QSignalSpy shown(&session, &Session::shown);
    QSignalSpy refreshed(&session, &Session::refreshed);
    QSignalSpy started(&session, &Session::loadStarted);
    const QString path = QStringLiteral(HWI_FIXTURES "/list-current.json");
    session.open(path);
    QVERIFY(session.isLoading());
    QVERIFY(shown.wait(10000));
    QCOMPARE(started.size(), 1);
    const auto first = session.snapshot();
    QVERIFY(first);
    QCOMPARE(shown.first().first().value<std::shared_ptr<const hatchet::Snapshot>>(), first);
    QCOMPARE(session.shownSource(), path);
    QCOMPARE(session.previousSnapshot(), nullptr);
    QVERIFY(session.lastUpdated().isValid());
    QVERIFY(!session.isLive());

    session.reload(); // the same source again: a refresh that keeps the snapshot it replaces
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(shown.size(), 1);
    QCOMPARE(session.previousSnapshot(), first);
    QVERIFY(session.snapshot() != first);
    QCOMPARE(refreshed.first().at(1).value<std::shared_ptr<const hatchet::Snapshot>>(), first);
}

void TestSession::anotherSourceReplaces() {
    Session session;
    QSignalSpy shown(&session, &Session::shown);
    session.open(QStringLiteral(HWI_FIXTURES "/list-current.json"));
    QVERIFY(shown.wait(10000));
    session.open(QStringLiteral(HWI_FIXTURES "/list-legacy.json"));
    QVERIFY(shown.wait(10000));
    QCOMPARE(session.previousSnapshot(), nullptr);
    QCOMPARE(session.source(), QStringLiteral(HWI_FIXTURES "/list-legacy.json"));
}

void TestSession::failedRefreshLeavesStaleSnapshot() {
    const QString path = m_dir.filePath(QStringLiteral("stale.json"));
    QVERIFY(writeFile(path, readAll(QStringLiteral(HWI_SAMPLE))));
    Session session;
    QSignalSpy shown(&session, &Session::shown);
    QSignalSpy failed(&session, &Session::failed);
    session.open(path);
    QVERIFY(shown.wait(10000));
    const auto before = session.snapshot();

    QVERIFY(writeFile(path, "{\"rows\": [")); // half written
    session.reload();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(1).toBool(), true);
    QVERIFY(failed.first().first().value<load::LoadError>().toString().startsWith(path));
    QVERIFY(session.isStale());
    QCOMPARE(session.snapshot(), before);

    QSignalSpy refreshed(&session, &Session::refreshed);
    QVERIFY(writeFile(path, readAll(QStringLiteral(HWI_SAMPLE))));
    session.reload();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!session.isStale());

    // Nothing on screen yet: a failure is not stale.
    Session empty;
    QSignalSpy emptyFailed(&empty, &Session::failed);
    empty.open(m_dir.filePath(QStringLiteral("missing.json")));
    QVERIFY(emptyFailed.wait(10000));
    QCOMPARE(emptyFailed.first().at(1).toBool(), false);
    QVERIFY(!empty.isStale());
}

void TestSession::indexFollowsSnapshot() {
    Session session;
    QSignalSpy indexed(&session, &Session::indexed);
    session.open(QStringLiteral(HWI_SAMPLE));
    QVERIFY(indexed.wait(10000));
    QVERIFY(session.workerIndex());
    QVERIFY(session.workerIndex()->isFor(*session.snapshot()));
    session.reload();
    QVERIFY(indexed.wait(10000));
    QVERIFY(session.workerIndex()->isFor(*session.snapshot()));
    QVERIFY(!session.workerIndex()->isFor(*session.previousSnapshot()));
}

void TestSession::serverFiltersFollowTheQuery() {
    Session session;
    QVERIFY(connectSession(session));
    QVERIFY(session.isLive());
    QCOMPARE(session.snapshot()->workers.size(), std::size_t(12));

    auto query = [](const char* text) {
        return std::get<filter::Query>(filter::Query::parse(QString::fromUtf8(text)));
    };
    QSignalSpy refreshed(&session, &Session::refreshed);
    m_server.clearRequests();
    session.setQuery(query("status:paused,active name:x"));
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(session.serverStatuses(), QStringList({QStringLiteral("PAUSED"), QStringLiteral("ACTIVE")}));
    QCOMPARE(session.snapshot()->workers.size(), std::size_t(8));

    // The same server-side terms: nothing to ask again.
    m_server.clearRequests();
    session.setQuery(query("status:paused,active -label:gpu"));
    QTest::qWait(200);
    QCOMPARE(listRequests(m_server), std::size_t(0));

    // ORed label values stay local: the server is asked once more, without any filter.
    session.setQuery(query("label:queue=email,region=eu-west-1"));
    QVERIFY(refreshed.wait(20000));
    QVERIFY(session.serverLabels().isEmpty());
    QVERIFY(session.serverStatuses().isEmpty());
    QCOMPARE(session.snapshot()->workers.size(), std::size_t(12));

    // A file session never asks a server.
    Session file;
    file.setQuery(query("status:active"));
    QVERIFY(file.serverStatuses().isEmpty());
}

void TestSession::fetchesOnlyWorkersOfTheSnapshot() {
    Session session;
    QVERIFY(connectSession(session));
    QSignalSpy fetched(&session, &Session::workerFetched);
    m_server.clearRequests();
    session.fetchWorker(-1);  // a gone row
    session.fetchWorker(12);  // past the end
    session.fetchWorker(-42); // anything else
    QTest::qWait(200);
    QVERIFY(m_server.requests().empty());

    session.fetchWorker(3); // render-farm-01
    QVERIFY(fetched.wait(10000));
    const auto& seen = m_server.requests();
    QVERIFY(std::any_of(seen.begin(), seen.end(), [](const auto& r) {
        return r.path == QStringLiteral("/api/v1/workers/0b8e90e9-f646-4d5f-9ae8-5d0928398f9f");
    }));
    const auto worker = fetched.first().first().value<std::shared_ptr<const hatchet::Snapshot>>();
    QCOMPARE(worker->workers.size(), std::size_t(1));
    QCOMPARE(worker->worker(0).name(), QStringLiteral("render-farm-01"));
}

void TestSession::fetchesRunningTasksOfACurrentEraWorker() {
    Session session;
    QVERIFY(connectSession(session));
    QSignalSpy fetched(&session, &Session::runningTasksFetched);
    QSignalSpy failed(&session, &Session::runningTasksFetchFailed);
    m_server.clearRequests();
    const QDateTime before = QDateTime::currentDateTimeUtc();
    session.fetchWorker(3); // render-farm-01: slotConfig, the fake's worker with running tasks
    QVERIFY(fetched.wait(10000));
    QCOMPARE(failed.size(), 0);
    const QString id = QStringLiteral("0b8e90e9-f646-4d5f-9ae8-5d0928398f9f");
    QCOMPARE(m_server.runningTasksWorkerId(), id);

    const QString path = QStringLiteral("/api/v1/stable/tenants/%1/workflow-runs").arg(m_server.tenant());
    const auto& seen = m_server.requests();
    const auto request =
        std::find_if(seen.begin(), seen.end(), [&path](const auto& r) { return r.path == path; });
    QVERIFY(request != seen.end());
    QVERIFY(request->authorization);
    QCOMPARE(request->query.queryItemValue(QStringLiteral("worker_id")), id);
    QCOMPARE(request->query.allQueryItemValues(QStringLiteral("statuses")),
             QStringList{QStringLiteral("RUNNING")});
    QCOMPARE(request->query.queryItemValue(QStringLiteral("only_tasks")), QStringLiteral("true"));
    const QDateTime since = QDateTime::fromString(
        request->query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded), Qt::ISODate);
    QVERIFY(since.isValid());
    QCOMPARE(since.timeSpec(), Qt::UTC);
    QVERIFY(since >= before.addSecs(-24 * 3600 - 1));
    QVERIFY(since <= QDateTime::currentDateTimeUtc().addSecs(-24 * 3600 + 1));

    const auto tasks = fetched.first().first().value<hatchet::RunningTasks>();
    QCOMPARE(tasks.workerId, id);
    QVERIFY(tasks.document);
    QCOMPARE(tasks.tasks.size(), std::size_t(2));
    QStringList actions;
    for (const hatchet::Slot& slot : tasks.tasks) {
        actions << slot.actionId;
        QCOMPARE(slot.status, QStringLiteral("RUNNING"));
        QCOMPARE(slot.startedAt.state, hatchet::TimeValue::Valid);
        QCOMPARE(slot.timeoutAt.state, hatchet::TimeValue::Absent);
        QVERIFY(!slot.stepRunId.isEmpty());
        QVERIFY(!slot.workflowRunId.isEmpty());
    }
    QCOMPARE(actions, fake::FakeHatchet::runningTaskActions());

    // Another current-era worker: asked, and nothing runs on it.
    fetched.clear();
    session.fetchWorker(2); // email-sender
    QVERIFY(fetched.wait(10000));
    QCOMPARE(fetched.first().first().value<hatchet::RunningTasks>().workerId,
             QStringLiteral("755719bf-b13a-48a0-8956-a4e4816cc88b"));
    QVERIFY(fetched.first().first().value<hatchet::RunningTasks>().tasks.empty());

    // An old-era worker (no slotConfig) is not asked: a server of that era (the sample has none).
    fake::FakeHatchet legacyServer;
    QVERIFY(legacyServer.loadWorkers(QStringLiteral(HWI_FIXTURES "/list-legacy.json")));
    QVERIFY(legacyServer.start());
    live::Connection legacyConnection;
    legacyConnection.serverUrl = legacyServer.url();
    legacyConnection.tenant = legacyServer.tenant();
    legacyConnection.token = legacyServer.token();
    Session legacy;
    QSignalSpy legacyShown(&legacy, &Session::shown);
    legacy.connectToServer(legacyConnection);
    QVERIFY(legacyShown.wait(20000));
    QSignalSpy legacyFetched(&legacy, &Session::runningTasksFetched);
    legacyServer.clearRequests();
    legacy.fetchWorker(0); // transcoder-a
    QTest::qWait(300);
    QCOMPARE(legacyFetched.size(), 0);
    const QString legacyPath =
        QStringLiteral("/api/v1/stable/tenants/%1/workflow-runs").arg(legacyServer.tenant());
    QVERIFY(std::none_of(legacyServer.requests().begin(), legacyServer.requests().end(),
                         [&legacyPath](const auto& r) { return r.path == legacyPath; }));
}

void TestSession::autoRefreshReloads() {
    Session session;
    QSignalSpy shown(&session, &Session::shown);
    QSignalSpy refreshed(&session, &Session::refreshed);
    QSignalSpy changed(&session, &Session::autoRefreshChanged);
    session.open(QStringLiteral(HWI_SAMPLE));
    QVERIFY(shown.wait(10000));
    session.setAutoRefreshInterval(50);
    QCOMPARE(session.autoRefreshInterval(), 50);
    QCOMPARE(changed.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, 10000);
    session.setAutoRefreshInterval(0);
    QCOMPARE(session.autoRefreshInterval(), 0);
    QTest::qWait(100); // a refresh may still be on its way
    const auto count = refreshed.size();
    QTest::qWait(300);
    QCOMPARE(refreshed.size(), count);
}

void TestSession::plainHttpRefusedWithoutConfirmation() {
    live::Connection remote = connection();
    remote.serverUrl = QUrl(QStringLiteral("http://hatchet.invalid:8080"));
    Session session; // no confirmation set: refused
    QSignalSpy failed(&session, &Session::failed);
    session.connectToServer(remote);
    QCOMPARE(failed.size(), 1);
    QVERIFY(!session.isLoading());
    const QString message = failed.first().first().value<load::LoadError>().toString();
    QVERIFY2(message.contains(QLatin1String("not connected")), qPrintable(message));
    QVERIFY(!message.contains(QString::fromLatin1(m_server.token())));

    QStringList asked;
    session.setInsecureConfirmation([&](const QString& host) {
        asked << host;
        return false;
    });
    session.connectToServer(remote);
    QCOMPARE(asked, QStringList{QStringLiteral("hatchet.invalid")});
    QCOMPARE(failed.size(), 2);
}

void TestSession::saveSnapshotWritesWhatWasRead() {
    Session session;
    const QString path = m_dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(session.saveSnapshot(path).has_value()); // nothing loaded
    QVERIFY(connectSession(session));
    QCOMPARE(session.saveSnapshot(path), std::nullopt);
    QCOMPARE(readAll(path), session.snapshot()->document->source());
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
