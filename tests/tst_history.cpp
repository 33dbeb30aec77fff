// A session's history and comparisons: bounded by count and memory, refreshes from a live server that add,
// remove and change workers, looking at a past snapshot while refreshes keep arriving, comparing two
// entries or another source, and a history saved as a folder that opens as a history again.
#include "fakehatchet.h"
#include "session/session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hwi;
using session::History;
using session::Session;

namespace {

QByteArray fixtureBytes(const char* name) {
    QFile file(QStringLiteral(HWI_FIXTURES "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::shared_ptr<const hatchet::Snapshot> snapshotOf(const char* name) {
    auto parsed = json::Document::parse(fixtureBytes(name));
    if (!std::holds_alternative<std::shared_ptr<const json::Document>>(parsed))
        return nullptr;
    return hatchet::Snapshot::build(std::get<std::shared_ptr<const json::Document>>(std::move(parsed)),
                                    QLatin1String(name), QDateTime());
}

const QString AlphaId = QStringLiteral("a0000000-0000-0000-0000-000000000001");

} // namespace

class TestHistory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        m_server.setDateFromData(true);
        QVERIFY(m_server.setWorkers(fixtureBytes("diff-old.json")));
        QVERIFY(m_server.start());
    }

    void boundedByCountAndMemory() {
        History history;
        const auto older = snapshotOf("diff-old.json");
        const auto newer = snapshotOf("diff-new.json");
        QVERIFY(older && newer);
        history.setLimits(2, History::DefaultMaxBytes);
        history.append(older);
        history.append(newer);
        history.append(older);
        QCOMPARE(history.size(), 2); // the oldest went first
        QCOMPARE(history.entries().front().snapshot, newer);
        QCOMPARE(history.bytes(), History::memoryOf(*newer) + History::memoryOf(*older));
        // A memory bound below one snapshot keeps the newest only.
        history.setLimits(10, History::memoryOf(*older) - 1);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.entries().back().snapshot, older);
    }

    void usedUnitsPerWorker() {
        History history;
        history.append(snapshotOf("diff-old.json")); // alpha: default 2 of 4 free -> 2 used
        history.append(snapshotOf("diff-new.json")); // alpha: default 1 of 4 free, durable 1 of 1 -> 3 used
        history.append(snapshotOf("diff-legacy-new.json")); // no alpha
        const std::vector<std::optional<qint64>> expected = {2, 3, std::nullopt};
        QCOMPARE(history.usedSeries(AlphaId), expected);
    }

    void liveRefreshesAndComparison() {
        QVERIFY(m_server.setWorkers(fixtureBytes("diff-old.json")));
        Session session;
        QSignalSpy shown(&session, &Session::shown);
        QSignalSpy refreshed(&session, &Session::refreshed);
        QSignalSpy compared(&session, &Session::comparisonChanged);
        session.connectToServer(connection());
        QVERIFY(shown.wait(20000));
        QCOMPARE(session.history().size(), 1);

        // The server's fleet changes: two appear, three go, gamma restarts under a new id, alpha changes.
        QVERIFY(m_server.setWorkers(fixtureBytes("diff-new.json")));
        session.reload();
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(session.history().size(), 2);
        session.compareHistoryEntries(0, 1);
        QVERIFY(session.comparison());
        QCOMPARE(session.comparison()->diff->summary(),
                 QStringLiteral("2 appeared, 3 gone, 1 replaced, 1 changed"));
        QCOMPARE(session.snapshot(), session.history().entries()[1].snapshot);
        session.leaveComparison();
        QVERIFY(!session.comparison());
        QCOMPARE(compared.size(), 2);

        // Looking at the first capture: a refresh lands in the history, the view stays.
        session.showHistoryEntry(0);
        QCOMPARE(session.snapshot(), session.history().entries()[0].snapshot);
        QVERIFY(!session.isFollowingLatest());
        QVERIFY(m_server.setWorkers(
            fixtureBytes("diff-old.json").replace("2026-11-29T13:00:01Z", "2026-12-01T13:00:01Z")));
        const qsizetype refreshes = refreshed.size();
        session.reload();
        QTRY_COMPARE_WITH_TIMEOUT(session.history().size(), 3, 20000);
        QCOMPARE(refreshed.size(), refreshes);
        QCOMPARE(session.snapshot(), session.history().entries()[0].snapshot);
        session.followLatest();
        QCOMPARE(session.snapshot(), session.history().entries()[2].snapshot);
        QVERIFY(session.isFollowingLatest());

        // Saved as a folder, it opens as the same history, with the same capture times.
        QTemporaryDir dir;
        QCOMPARE(session.history().saveTo(dir.path()), std::nullopt);
        const QStringList files = History::snapshotFiles(dir.path());
        QCOMPARE(files.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const auto& snapshot = *session.history().entries()[std::size_t(i)].snapshot;
            QCOMPARE(QFileInfo(files[i]).fileName(), History::fileNameFor(snapshot));
        }
        Session reopened;
        QSignalSpy reopenedShown(&reopened, &Session::shown);
        reopened.openHistory(dir.path());
        QVERIFY(reopenedShown.wait(20000));
        QCOMPARE(reopened.history().size(), 3);
        QCOMPARE(reopened.snapshot()->source, files.last());
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(reopened.history().entries()[std::size_t(i)].snapshot->captureTime,
                     session.history().entries()[std::size_t(i)].snapshot->captureTime);
            QCOMPARE(reopened.history().entries()[std::size_t(i)].snapshot->document->source(),
                     session.history().entries()[std::size_t(i)].snapshot->document->source());
        }
    }

    void compareWithAFile() {
        Session session;
        QSignalSpy shown(&session, &Session::shown);
        QSignalSpy compared(&session, &Session::comparisonChanged);
        QSignalSpy failed(&session, &Session::comparisonFailed);
        session.open(QStringLiteral(HWI_FIXTURES "/diff-new.json"));
        QVERIFY(shown.wait(10000));
        session.compareWith(QStringLiteral(HWI_FIXTURES "/diff-old.json"));
        QVERIFY(compared.wait(10000));
        QCOMPARE(session.comparison()->diff->summary(),
                 QStringLiteral("2 appeared, 3 gone, 1 replaced, 1 changed"));
        QCOMPARE(session.comparison()->olderSource, QStringLiteral(HWI_FIXTURES "/diff-old.json"));
        // The toggle adds the fields that change on every capture: eps's heartbeat.
        session.setCompareAllFields(true);
        QCOMPARE(session.comparison()->diff->changed, 2);

        // A source that cannot be read leaves the comparison as it was.
        session.compareWith(QStringLiteral(HWI_FIXTURES "/no-such.json"));
        QVERIFY(failed.wait(10000));
        QCOMPARE(session.comparison()->diff->changed, 2);
        QCOMPARE(session.snapshot()->source, QStringLiteral(HWI_FIXTURES "/diff-new.json"));
    }

    void capturesWithOneTimeGetAFileEach() {
        History history;
        const auto snapshot = snapshotOf("diff-old.json");
        history.append(snapshot);
        history.append(snapshot);
        QTemporaryDir dir;
        QCOMPARE(history.saveTo(dir.path()), std::nullopt);
        const QString name = History::fileNameFor(*snapshot);
        QCOMPARE(name, QStringLiteral("2026-11-29T13-00-01.000Z.json")); // estimated from the heartbeats
        QStringList names;
        for (const QString& file : History::snapshotFiles(dir.path()))
            names << QFileInfo(file).fileName();
        QCOMPARE(names, (QStringList{name, QStringLiteral("2026-11-29T13-00-01.000Z~2.json")}));
    }

    void emptyFolderIsNoHistory() {
        QTemporaryDir dir;
        Session session;
        QSignalSpy failed(&session, &Session::failed);
        session.openHistory(dir.path());
        QCOMPARE(failed.size(), 1);
        QVERIFY(!session.snapshot());
    }

private:
    live::Connection connection() const { return m_server.connection(); }

    fake::FakeHatchet m_server;
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
