// Snapshot comparison (`--diff`): hand-made pairs whose expected lines were worked out by hand
// (tests/expected/diff-*.txt), the counts, and the command line's contract.
#include "analysis/diff.h"
#include "export/difftsv.h"
#include "export/recordwriter.h"
#include "hatchet/snapshot.h"
#include "testutil.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace hwi;

namespace {

std::shared_ptr<const hatchet::Snapshot> fixture(const QString& name) {
    QFile file(QStringLiteral(HWI_FIXTURES "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    auto parsed = json::Document::parse(file.readAll());
    if (!std::holds_alternative<std::shared_ptr<const json::Document>>(parsed))
        return nullptr;
    return hatchet::Snapshot::build(std::get<std::shared_ptr<const json::Document>>(std::move(parsed)), name,
                                    QDateTime());
}

std::vector<std::size_t> everyWorker(const hatchet::Snapshot& snapshot) {
    std::vector<std::size_t> all(snapshot.workers.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    return all;
}

analysis::SnapshotDiff diffOf(const QString& oldName, const QString& newName, bool allFields = false) {
    const auto before = fixture(oldName);
    const auto after = fixture(newName);
    if (!before || !after)
        qFatal("cannot read %s or %s", qPrintable(oldName), qPrintable(newName));
    return analysis::diffSnapshots(*before, everyWorker(*before), *after, everyWorker(*after), {allFields});
}

QStringList printed(const analysis::SnapshotDiff& diff) {
    QString text;
    QTextStream out(&text);
    exporting::printDiff(diff, out);
    out.flush();
    text.chop(1); // the last line's '\n'
    return text.split(QLatin1Char('\n'));
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run inspector(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(HWI_INSPECTOR), arguments);
    process.waitForFinished(30000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString fixturePath(const char* name) {
    return QStringLiteral(HWI_FIXTURES "/") + QLatin1String(name);
}

} // namespace

class TestDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pairs_data() {
        QTest::addColumn<QString>("oldName");
        QTest::addColumn<QString>("newName");
        QTest::addColumn<bool>("allFields");
        QTest::addColumn<QString>("expected");
        // Every change kind: appeared, gone, replaced (one gone and one appeared named gamma), two gone and
        // one appeared named dup (not a replacement), changed scalars, runtime info, slot types added, labels
        // changed, added and removed (one without a value), a tab in a value, actions added and removed, an
        // empty webhookUrl against a missing one (no line).
        QTest::newRow("current era") << "diff-old.json"
                                     << "diff-new.json" << false << "diff-default.txt";
        // The same with the fields that change on every capture: a heartbeat, a replaced worker's updatedAt.
        QTest::newRow("all fields") << "diff-old.json"
                                    << "diff-new.json" << true << "diff-all-fields.txt";
        // Old era, a single worker (GET) against a list of one: maxRuns and availableRuns; the list row has
        // no registeredWorkflows, which is no removal.
        QTest::newRow("old era, worker against list") << "diff-legacy-old.json"
                                                      << "diff-legacy-new.json" << false << "diff-legacy.txt";
    }
    void pairs() {
        QFETCH(QString, oldName);
        QFETCH(QString, newName);
        QFETCH(bool, allFields);
        QFETCH(QString, expected);
        QCOMPARE(printed(diffOf(oldName, newName, allFields)), testutil::expectedLines(expected));
    }

    void counts() {
        const analysis::SnapshotDiff diff =
            diffOf(QStringLiteral("diff-old.json"), QStringLiteral("diff-new.json"));
        QCOMPARE(diff.appeared, 2);
        QCOMPARE(diff.gone, 3);
        QCOMPARE(diff.replaced, 1);
        QCOMPARE(diff.changed, 1);
        QCOMPARE(diff.summary(), QStringLiteral("2 appeared, 3 gone, 1 replaced, 1 changed"));
        const analysis::WorkerChange& alpha = diff.workers.at(1);
        QCOMPARE(alpha.name, QStringLiteral("alpha"));
        QVERIFY(alpha.changedFamily(QStringLiteral("labels")));
        QVERIFY(alpha.changedFamily(QStringLiteral("slotConfig")));
        QVERIFY(!alpha.changedFamily(QStringLiteral("name")));
        QCOMPARE(alpha.oldIndex, std::optional<std::size_t>(0));
        QCOMPARE(alpha.newIndex, std::optional<std::size_t>(1));
        const analysis::WorkerChange& gamma = diff.workers.at(2);
        QCOMPARE(gamma.kind, analysis::ChangeKind::Replaced);
        QCOMPARE(gamma.oldIndex, std::optional<std::size_t>(2));
    }

    void sameSnapshotHasNoChanges() {
        const analysis::SnapshotDiff diff =
            diffOf(QStringLiteral("diff-new.json"), QStringLiteral("diff-new.json"), true);
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.summary(), QStringLiteral("no changes"));
        QCOMPARE(printed(diff), QStringList{QStringLiteral("CHANGE\tID\tNAME\tFIELD\tOLD\tNEW")});
    }

    // Workers with the same bytes are skipped without comparing their fields; the same fields written
    // otherwise, or a change deep in the last member, still compare as before.
    void sameBytesAndOtherSpacing() {
        SNAPSHOT_OK(before,
                    QByteArray(R"([{"metadata":{"id":"a"},"name":"one","actions":["x:y"]},)"
                               R"({"metadata":{"id":"b"},"name":"two","labels":[{"key":"k","value":"v"}]},)"
                               R"({"metadata":{"id":"c"},"name":"three","labels":[]}])"));
        SNAPSHOT_OK(after,
                    QByteArray(R"([{"metadata":{"id":"a"},"name":"one","actions":["x:y"]},)"
                               R"({"metadata":{"id":"b"},"name":"two","labels":[{"key":"k","value":"w"}]},)"
                               R"({ "metadata" : { "id" : "c" } , "name" : "three", "labels" : [ ] }])"));
        const auto diff =
            analysis::diffSnapshots(*before, everyWorker(*before), *after, everyWorker(*after), {});
        QCOMPARE(diff.changed, 1);
        QCOMPARE(diff.appeared + diff.gone + diff.replaced, 0);
        QCOMPARE(diff.workers.size(), std::size_t(1));
        QCOMPARE(diff.workers.front().id, QStringLiteral("b"));
        QCOMPARE(diff.workers.front().fields.size(), std::size_t(1));
        QCOMPARE(diff.workers.front().fields.front().field, QStringLiteral("labels/k"));
    }

    void onlyTheGivenWorkersAreCompared() {
        const auto before = fixture(QStringLiteral("diff-old.json"));
        const auto after = fixture(QStringLiteral("diff-new.json"));
        // alpha alone on each side: only its changes; beta, gamma, dup, eps out of view.
        const auto diff = analysis::diffSnapshots(*before, {0}, *after, {1});
        QCOMPARE(diff.changed, 1);
        QCOMPARE(diff.appeared + diff.gone + diff.replaced, 0);
    }

    // --diff's tsv keeps each record on one line: tabs, line breaks and backslashes escaped, other controls
    // as \u escapes.
    void escaping() {
        QString text;
        QTextStream out(&text);
        exporting::RecordWriter writer(out, exporting::RecordFormat::Tsv, {QStringLiteral("OLD")},
                                       exporting::TsvBreaks::Escape);
        writer.record({QStringLiteral("a\tb\nc\\d\re\x1b")});
        writer.finish();
        out.flush();
        QCOMPARE(text, QStringLiteral("OLD\na\\tb\\nc\\\\d\\re\\u001b\n"));
    }

    void commandLine() {
        const Run changed =
            inspector({QStringLiteral("--diff"), fixturePath("diff-old.json"), fixturePath("diff-new.json")});
        QCOMPARE(changed.exitCode, 1);
        QCOMPARE(changed.out.trimmed().split(QLatin1Char('\n')).size(),
                 testutil::expectedLines(QStringLiteral("diff-default.txt")).size());
        QCOMPARE(changed.out,
                 testutil::expectedLines(QStringLiteral("diff-default.txt")).join(QLatin1Char('\n')) +
                     QLatin1Char('\n'));

        const Run all = inspector({QStringLiteral("--diff"), QStringLiteral("--all-fields"),
                                   fixturePath("diff-old.json"), fixturePath("diff-new.json")});
        QCOMPARE(all.out,
                 testutil::expectedLines(QStringLiteral("diff-all-fields.txt")).join(QLatin1Char('\n')) +
                     QLatin1Char('\n'));

        const Run same =
            inspector({QStringLiteral("--diff"), fixturePath("diff-new.json"), fixturePath("diff-new.json")});
        QCOMPARE(same.exitCode, 0);
        QCOMPARE(same.out, QStringLiteral("CHANGE\tID\tNAME\tFIELD\tOLD\tNEW\n"));

        // --filter applies to both sides: only alpha is compared.
        const Run filtered =
            inspector({QStringLiteral("--diff"), QStringLiteral("--filter"), QStringLiteral("name:alpha"),
                       fixturePath("diff-old.json"), fixturePath("diff-new.json")});
        QCOMPARE(filtered.exitCode, 1);
        QVERIFY(!filtered.out.contains(QLatin1String("gamma")));
        QCOMPARE(filtered.out.count(QLatin1Char('\n')), 12);
    }

    void unreadableSourceIsNamed() {
        const Run oldMissing =
            inspector({QStringLiteral("--diff"), fixturePath("no-such.json"), fixturePath("diff-new.json")});
        QCOMPARE(oldMissing.exitCode, 2);
        QVERIFY2(oldMissing.err.startsWith(QLatin1String("hatchet-inspector: OLD: ")),
                 qPrintable(oldMissing.err));
        QVERIFY(oldMissing.out.isEmpty());
        const Run newBroken = inspector({QStringLiteral("--diff"), fixturePath("diff-new.json"),
                                         QStringLiteral(HWI_BADINPUT "/truncated.json")});
        QCOMPARE(newBroken.exitCode, 2);
        QVERIFY2(newBroken.err.startsWith(QLatin1String("hatchet-inspector: NEW: ")),
                 qPrintable(newBroken.err));
        const Run one = inspector({QStringLiteral("--diff"), fixturePath("diff-new.json")});
        QCOMPARE(one.exitCode, 2);
        QVERIFY2(one.err.contains(QLatin1String("--diff needs OLD and NEW")), qPrintable(one.err));
    }
};

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
