// The command line against a fake Hatchet server: --connect and API URLs as SOURCE for --list, --check and
// --export; exit 2 with a message naming the URL (never the token) for every failure.
#include "fakehatchet.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using hwi::fake::FakeHatchet;
using Fault = FakeHatchet::Fault;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};

} // namespace

class TestLiveCommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void connectList();
    void urlCheckAndExport();
    void oneWorkerUrl();
    void failures_data();
    void failures();
    void connectNeedsServerAndTenant();
    void insecureNeedsPermission();
    void beforePaginationReadOnce();
    void errorBodyMessages();

private:
    // Runs the inspector without a display while this process keeps serving (the event loop turns).
    Run inspector(const QStringList& arguments, const QByteArray& token) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "HATCHET_CLIENT_TOKEN",
                                 "HATCHET_CLIENT_TENANT_ID", "HATCHET_CLIENT_SERVER_URL"})
            environment.remove(QString::fromLatin1(name));
        if (!token.isEmpty())
            environment.insert(QStringLiteral("HATCHET_CLIENT_TOKEN"), QString::fromLatin1(token));
        for (auto it = m_environment.cbegin(); it != m_environment.cend(); ++it)
            environment.insert(it.key(), it.value());
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(HWI_INSPECTOR), arguments);
        Run run;
        if (!process.waitForStarted(10000) || !finished.wait(60000))
            return run;
        run.finished = process.exitStatus() == QProcess::NormalExit;
        run.exitCode = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    FakeHatchet m_server;
    QMap<QString, QString> m_environment;
};

void TestLiveCommandLine::initTestCase() {
    QVERIFY(m_server.loadWorkers(QStringLiteral(HWI_SAMPLE)));
    m_server.setPageCap(4);
    QVERIFY(m_server.start());
}

void TestLiveCommandLine::init() {
    m_server.setFault(Fault::None);
    m_server.setBeforePagination(false);
    m_server.clearRequests();
    m_environment.clear();
}

void TestLiveCommandLine::connectList() {
    // The token alone says where: sub is the tenant, server_url the server.
    const Run run = inspector({QStringLiteral("--connect"), QStringLiteral("--list")}, m_server.token());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 13); // the header and all twelve workers, over three capped pages
    QCOMPARE(lines[4],
             QByteArray("0b8e90e9-f646-4d5f-9ae8-5d0928398f9f\trender-farm-01\tACTIVE\tSELFHOSTED\t9/10\t"
                        "2026-11-29T13:00:01.987Z"));
    QCOMPARE(m_server.requests().size(), std::size_t(3));
    for (const auto& request : m_server.requests())
        QVERIFY(request.authorization);
}

void TestLiveCommandLine::urlCheckAndExport() {
    const QString url = m_server.tenantListUrl().toString();
    const Run check = inspector({QStringLiteral("--check"), url}, m_server.token());
    QVERIFY(check.finished);
    QCOMPARE(check.exitCode, 0);
    QCOMPARE(check.out, QByteArray()); // every page merged is valid against the spec

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("paused.json"));
    const Run exported = inspector(
        {QStringLiteral("--export"), path, QStringLiteral("--filter"), QStringLiteral("status:paused"), url},
        m_server.token());
    QVERIFY(exported.finished);
    QCOMPARE(exported.exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(json.contains("\"name\": \"reports \\u0026 exports\""));
    QVERIFY(json.contains("\"num_pages\": 1"));
    QVERIFY(!json.contains(m_server.token()));
}

void TestLiveCommandLine::oneWorkerUrl() {
    const Run run = inspector({QStringLiteral("--list"), m_server.workerUrl(m_server.workerId(3)).toString()},
                              m_server.token());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("render-farm-01"));
    QCOMPARE(run.out.count('\n'), 2);
}

void TestLiveCommandLine::failures_data() {
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("goodToken");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("wrong token") << Fault::None << false << QStringList()
                                 << QStringLiteral("HTTP 403 Forbidden: Please provide valid credentials");
    QTest::newRow("server error") << Fault::ServerError << true << QStringList()
                                  << QStringLiteral("HTTP 500 Internal Server Error: failed to list workers");
    QTest::newRow("timeout") << Fault::Slow << true
                             << QStringList{QStringLiteral("--timeout"), QStringLiteral("0.5")}
                             << QStringLiteral("no response within 0.5 s (timeout)");
    QTest::newRow("truncated") << Fault::Truncated << true << QStringList() << QStringLiteral("truncated");
    QTest::newRow("not JSON") << Fault::NotJson << true << QStringList()
                              << QStringLiteral("the server sent text/html, not JSON");
    QTest::newRow("redirect elsewhere")
        << Fault::RedirectElsewhere << true << QStringList()
        << QStringLiteral("another origin; not following it with the API token");
}

void TestLiveCommandLine::failures() {
    QFETCH(Fault, fault);
    QFETCH(bool, goodToken);
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    m_server.setFault(fault);
    const QByteArray token = goodToken ? m_server.token() : m_server.token() + "forged";
    const Run run =
        inspector(QStringList{QStringLiteral("--list"), QStringLiteral("--connect")} + extra, token);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    const QString err = QString::fromUtf8(run.err);
    // URL: message, or URL:LINE:COLUMN: message for a body that does not parse.
    QVERIFY2(err.startsWith(m_server.tenantListUrl().toString() + QLatin1String("?limit=1000&offset=0:")),
             qPrintable(err));
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY(!err.contains(QString::fromLatin1(token)));
    QCOMPARE(m_server.otherOriginRequests().size(), std::size_t(0));
}

void TestLiveCommandLine::connectNeedsServerAndTenant() {
    const Run nothing = inspector({QStringLiteral("--connect"), QStringLiteral("--list")}, {});
    QVERIFY(nothing.finished);
    QCOMPARE(nothing.exitCode, 2);
    QVERIFY2(nothing.err.contains("--connect: no API token (set HATCHET_CLIENT_TOKEN)"),
             nothing.err.constData());

    m_environment[QStringLiteral("HATCHET_CLIENT_SERVER_URL")] = m_server.url().toString();
    const Run noTenant = inspector({QStringLiteral("--connect"), QStringLiteral("--list")}, "opaque-token");
    QCOMPARE(noTenant.exitCode, 2);
    QVERIFY2(noTenant.err.contains("no tenant"), noTenant.err.constData());
    QVERIFY(noTenant.err.contains("HATCHET_CLIENT_TOKEN: the token is not a JWT"));
    QVERIFY(!noTenant.err.contains("opaque-token"));

    const Run both = inspector(
        {QStringLiteral("--connect"), QStringLiteral("--list"), QStringLiteral("x.json")}, m_server.token());
    QCOMPARE(both.exitCode, 2);
    QVERIFY(both.err.contains("--connect is the SOURCE"));
}

void TestLiveCommandLine::insecureNeedsPermission() {
    // Plain http to a host that is not loopback: refused without --allow-insecure, tried with it
    // (hatchet.invalid never resolves, so the attempt ends in a DNS failure).
    m_environment[QStringLiteral("HATCHET_CLIENT_SERVER_URL")] =
        QStringLiteral("http://hatchet.invalid:8080");
    const Run refused = inspector({QStringLiteral("--connect"), QStringLiteral("--list")}, m_server.token());
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("refusing to send the API token over plain http to hatchet.invalid"),
             refused.err.constData());
    const Run allowed =
        inspector({QStringLiteral("--connect"), QStringLiteral("--list"), QStringLiteral("--allow-insecure")},
                  m_server.token());
    QCOMPARE(allowed.exitCode, 2);
    QVERIFY2(allowed.err.contains("host not found: hatchet.invalid (DNS lookup failed)"),
             allowed.err.constData());
    QVERIFY(!allowed.err.contains(m_server.token()));
    // Loopback over plain http needs no permission (the fake server itself).
    m_environment.clear();
    const Run loopback = inspector({QStringLiteral("--connect"), QStringLiteral("--list")}, m_server.token());
    QCOMPARE(loopback.exitCode, 0);
}

// A server before 2026-05-20 ignores offset and limit and sends every row without `pagination`: one
// request, every worker, for --list and --check alike.
void TestLiveCommandLine::beforePaginationReadOnce() {
    m_server.setBeforePagination(true);
    const Run run = inspector({QStringLiteral("--connect"), QStringLiteral("--list")}, m_server.token());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.out.trimmed().split('\n').size(), 13); // the header and all twelve workers
    QCOMPARE(m_server.requests().size(), std::size_t(1));

    m_server.clearRequests();
    const Run check =
        inspector({QStringLiteral("--check"), m_server.tenantListUrl().toString()}, m_server.token());
    QVERIFY(check.finished);
    QCOMPARE(check.exitCode, 0);
    QCOMPARE(m_server.requests().size(), std::size_t(1));
}

// Lookup failures come as {"message": "…"}: the command line says what the server said.
void TestLiveCommandLine::errorBodyMessages() {
    const QString unknown =
        m_server.workerUrl(QStringLiteral("00000000-0000-4000-8000-000000000000")).toString();
    const Run missing = inspector({QStringLiteral("--list"), unknown}, m_server.token());
    QVERIFY(missing.finished);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QByteArray(unknown.toUtf8() + ": HTTP 404 Not Found: not found")),
             missing.err.constData());
    const Run badId = inspector(
        {QStringLiteral("--list"), m_server.workerUrl(QStringLiteral("nope")).toString()}, m_server.token());
    QCOMPARE(badId.exitCode, 2);
    QVERIFY2(badId.err.contains("HTTP 400 Bad Request: invalid worker id"), badId.err.constData());
}

QTEST_MAIN(TestLiveCommandLine)
#include "tst_livecli.moc"
