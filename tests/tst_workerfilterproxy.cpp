// WorkerFilterProxy against references: the rows sorted by compareRawValues() (naturalCompare for text)
// keeping the workers matchingWorkers() finds, through sorts, filters and refreshes; persistent
// indexes (a selection) on the same workers afterwards.
#include "export/workerexport.h"
#include "filter/workerfilterproxy.h"
#include "filter/workerindex.h"
#include "itemmodels/rawvalueorder.h"
#include "itemmodels/roles.h"
#include "itemmodels/workertablemodel.h"
#include "itemmodeltestutil.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <QCollator>

#include <algorithm>
#include <functional>
#include <set>

using hwi::filter::Query;
using hwi::filter::WorkerFilterProxy;
using hwi::models::WorkerTableModel;
using Tester = QAbstractItemModelTester;

namespace {

// n workers named worker-0… with statuses, labels, heartbeats and slots that repeat (ties in every column).
QByteArray syntheticWorkers(int n) {
    QByteArray out = "{\"rows\":[";
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            out += ',';
        const QByteArray number = QByteArray::number(i);
        out += "{\"actions\":[\"wf-" + number + ":a\"],\"labels\":[{\"key\":\"shard\",\"value\":\"" +
               QByteArray::number(i % 7) +
               "\"}],\"lastHeartbeatAt\":\"2026-11-29T12:" + QByteArray::number(10 + i % 50) + ":0" +
               QByteArray::number(i % 4) +
               "Z\",\"metadata\":{\"createdAt\":\"2026-11-29T10:00:00Z\",\"id\":\"id-" + number +
               "\"},\"name\":\"worker-" + number +
               "\",\"slotConfig\":{\"default\":{\"available\":" + QByteArray::number(i % 5) +
               ",\"limit\":5}},\"status\":\"" +
               (i % 3 == 0   ? "ACTIVE"
                : i % 3 == 1 ? "PAUSED"
                             : "INACTIVE") +
               "\",\"type\":\"SELFHOSTED\"}";
    }
    return out + "]}";
}

std::shared_ptr<const hwi::hatchet::Snapshot> pick(const hwi::hatchet::Snapshot& all,
                                                   const std::vector<std::size_t>& positions) {
    return testutil::snapshotOf(hwi::exporting::exportWorkers(all, positions, hwi::exporting::Style::Compact),
                                all.captureTime);
}

Query parseOk(const QString& text) {
    auto parsed = Query::parse(text);
    if (!std::holds_alternative<Query>(parsed))
        qFatal("bad query %s", qPrintable(text));
    return std::get<Query>(parsed);
}

// The source rows a WorkerFilterProxy should show, in order: by compareRawValues() of RawValueRole (ties by
// row; descending the reverse, as QSortFilterProxyModel sorts with a total order), or source order, keeping
// the rows of matching workers and gone rows.
std::vector<int> referenceRows(WorkerTableModel& model, const Query& query, qint64 referenceMsecs, int column,
                               Qt::SortOrder order) {
    std::set<std::size_t> matching;
    if (model.snapshot()) {
        const auto found = hwi::filter::matchingWorkers(*model.snapshot(), query, referenceMsecs);
        matching.insert(found.begin(), found.end());
    }
    std::vector<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const int worker = model.index(row, 0).data(WorkerTableModel::WorkerIndexRole).toInt();
        if (worker < 0 || matching.count(std::size_t(worker)))
            rows.push_back(row);
    }
    if (column < 0)
        return rows;
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(rows.begin(), rows.end(), [&](int a, int b) {
        const int byValue =
            hwi::models::compareRawValues(model.index(a, column).data(hwi::models::RawValueRole),
                                          model.index(b, column).data(hwi::models::RawValueRole), collator);
        return byValue != 0 ? byValue < 0 : a < b;
    });
    if (order == Qt::DescendingOrder)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

std::vector<int> shownRows(const WorkerFilterProxy& proxy) {
    std::vector<int> rows;
    for (int row = 0; row < proxy.rowCount(); ++row)
        rows.push_back(proxy.mapToSource(proxy.index(row, 0)).row());
    return rows;
}

void compareWithReference(WorkerTableModel& model, WorkerFilterProxy& proxy, qint64 referenceMsecs) {
    const std::vector<int> expected =
        referenceRows(model, proxy.query(), referenceMsecs, proxy.sortColumn(), proxy.sortOrder());
    QCOMPARE(shownRows(proxy), expected);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.mapFromSource(proxy.mapToSource(proxy.index(row, 3))), proxy.index(row, 3));
}

} // namespace

class TestWorkerFilterProxy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void orderEqualsReference_data();
    void orderEqualsReference();
    void refreshKeepsOrderAndFilter();
    void selectionFollowsWorkers();
    void ordersAreKeptUntilValuesChange();
};

void TestWorkerFilterProxy::orderEqualsReference_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("query");
    for (const char* fixture : {"sample", "list-current.json", "list-legacy.json", "invalid-types.json"}) {
        for (const char* query : {"", "status:active", "-label:gpu", "heartbeat:>30s"})
            QTest::addRow("%s %s", fixture, query)
                << QString::fromLatin1(fixture) << QString::fromLatin1(query);
    }
}

void TestWorkerFilterProxy::orderEqualsReference() {
    QFETCH(QString, fixture);
    QFETCH(QString, query);
    WorkerTableModel model;
    WorkerFilterProxy proxy;
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    const QDateTime capture = testutil::captureTimeFor(fixture);
    proxy.setReferenceTime(capture);
    model.setReferenceTime(capture);
    model.setSnapshot(testutil::loadFixture(fixture));
    proxy.setQuery(parseOk(query));
    compareWithReference(model, proxy, capture.toMSecsSinceEpoch());
    for (int column = 0; column < model.columnCount(); ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            QCOMPARE(proxy.sortColumn(), column);
            compareWithReference(model, proxy, capture.toMSecsSinceEpoch());
        }
    }
    proxy.sort(-1);
    compareWithReference(model, proxy, capture.toMSecsSinceEpoch());
}

void TestWorkerFilterProxy::refreshKeepsOrderAndFilter() {
    // Sorted and filtered, refreshes insert and remove rows one by one or many at once; the order and the
    // rows shown stay those of the reference, without a reset.
    const auto all = testutil::snapshotOf(syntheticWorkers(300), QDateTime::currentDateTimeUtc());
    const qint64 reference = all->captureTime.toMSecsSinceEpoch();
    WorkerTableModel model;
    WorkerFilterProxy proxy;
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setReferenceTime(all->captureTime);
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < 300; i += 3)
        positions.push_back(i);
    model.setSnapshot(pick(*all, positions));
    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
    for (const auto& [column, order, query] :
         {std::tuple{int(WorkerTableModel::NameColumn), Qt::DescendingOrder, "status:active,paused"},
          std::tuple{int(WorkerTableModel::StatusColumn), Qt::AscendingOrder, "-label:shard=3"},
          std::tuple{int(WorkerTableModel::LastHeartbeatColumn), Qt::AscendingOrder, ""},
          std::tuple{-1, Qt::AscendingOrder, "label:shard=1,shard=2"}}) {
        proxy.sort(column, order);
        proxy.setQuery(parseOk(QString::fromLatin1(query)));
        compareWithReference(model, proxy, reference);
        // A few new workers (one by one), some gone (kept as gone rows, then removed).
        positions.erase(positions.begin() + 5, positions.begin() + 9);
        positions.insert(positions.begin() + 20, {1, 2, 4});
        positions.push_back(299);
        model.updateSnapshot(pick(*all, positions));
        compareWithReference(model, proxy, reference);
        // Many new workers at once (one layout change).
        for (std::size_t i = 1; i < 300; i += 3)
            positions.push_back(i);
        model.updateSnapshot(pick(*all, positions));
        compareWithReference(model, proxy, reference);
        model.updateSnapshot(pick(*all, positions)); // the gone rows go
        compareWithReference(model, proxy, reference);
        positions.resize(80);
        model.updateSnapshot(pick(*all, positions));
        model.updateSnapshot(pick(*all, positions));
        compareWithReference(model, proxy, reference);
    }
    QCOMPARE(resets.size(), 0);
}

void TestWorkerFilterProxy::selectionFollowsWorkers() {
    const auto all = testutil::snapshotOf(syntheticWorkers(60), QDateTime::currentDateTimeUtc());
    WorkerTableModel model;
    WorkerFilterProxy proxy;
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setReferenceTime(all->captureTime);
    model.setSnapshot(all);
    QItemSelectionModel selection(&proxy);
    const auto rowOf = [&proxy](const QString& name) {
        for (int row = 0; row < proxy.rowCount(); ++row) {
            if (proxy.index(row, WorkerTableModel::NameColumn).data().toString() == name)
                return row;
        }
        return -1;
    };
    const auto selectedNames = [&selection] {
        QStringList names;
        for (const QModelIndex& index : selection.selectedRows(WorkerTableModel::NameColumn))
            names << index.data().toString();
        names.sort();
        return names;
    };
    const QModelIndex current = proxy.index(rowOf(QStringLiteral("worker-12")), WorkerTableModel::NameColumn);
    selection.setCurrentIndex(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection.select(proxy.index(rowOf(QStringLiteral("worker-13")), 0),
                     QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QStringList both = {QStringLiteral("worker-12"), QStringLiteral("worker-13")};
    QCOMPARE(selectedNames(), both);

    proxy.sort(WorkerTableModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(selectedNames(), both);
    QCOMPARE(selection.currentIndex().data().toString(), QStringLiteral("worker-12"));
    QCOMPARE(selection.currentIndex().row(), rowOf(QStringLiteral("worker-12")));
    proxy.sort(WorkerTableModel::StatusColumn, Qt::AscendingOrder);
    QCOMPARE(selectedNames(), both);
    proxy.setQuery(parseOk(QStringLiteral("worker-1"))); // keeps both
    QCOMPARE(selectedNames(), both);
    QCOMPARE(selection.currentIndex().data().toString(), QStringLiteral("worker-12"));
    proxy.setQuery(parseOk(QStringLiteral("status:active"))); // worker-12 only (13 is paused)
    QCOMPARE(selectedNames(), QStringList{QStringLiteral("worker-12")});
    proxy.setQuery(parseOk(QStringLiteral("status:paused"))); // neither
    QCOMPARE(selectedNames(), QStringList());
    QVERIFY(!selection.currentIndex().isValid());
}

void TestWorkerFilterProxy::ordersAreKeptUntilValuesChange() {
    // A column is ranked once: filtering and sorting again reuse its order; a change of its values (the
    // reference time moves Health) ranks again, and a sort by it follows (dynamic sorting).
    const auto snapshot = testutil::loadFixture(QStringLiteral("list-current.json"));
    const QDateTime capture = testutil::captureTimeFor(QStringLiteral("list-current.json"));
    WorkerTableModel model;
    WorkerFilterProxy proxy;
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setReferenceTime(capture);
    proxy.setReferenceTime(capture);
    model.setSnapshot(snapshot);
    QVERIFY(!proxy.hasOrderOf(WorkerTableModel::NameColumn));
    proxy.sort(WorkerTableModel::NameColumn);
    QVERIFY(proxy.hasOrderOf(WorkerTableModel::NameColumn));
    proxy.setQuery(parseOk(QStringLiteral("status:active")));
    proxy.sort(WorkerTableModel::NameColumn, Qt::DescendingOrder);
    QVERIFY(proxy.hasOrderOf(WorkerTableModel::NameColumn));
    proxy.setQuery(Query());
    proxy.sort(WorkerTableModel::HealthColumn);
    QVERIFY(proxy.hasOrderOf(WorkerTableModel::HealthColumn));
    compareWithReference(model, proxy, capture.toMSecsSinceEpoch());
    const std::vector<int> before = shownRows(proxy);
    for (const int seconds : {10, 60, 3600}) {
        model.setReferenceTime(capture.addSecs(seconds));
        proxy.setReferenceTime(capture.addSecs(seconds));
        compareWithReference(model, proxy, capture.addSecs(seconds).toMSecsSinceEpoch());
        QVERIFY(proxy.hasOrderOf(WorkerTableModel::NameColumn)); // names did not change
    }
    QVERIFY(shownRows(proxy) != before); // health states moved with the time
    model.setSnapshot(snapshot);
    QVERIFY(!proxy.hasOrderOf(WorkerTableModel::NameColumn));
}

QTEST_GUILESS_MAIN(TestWorkerFilterProxy)
#include "tst_workerfilterproxy.moc"
