#include "hatchet/health.h"
#include "heartbeatdelegate.h"
#include "itemmodels/labelsmodel.h"
#include "itemmodeltestutil.h"
#include "palette.h"
#include "sectionview.h"
#include "slotbardelegate.h"
#include "slotbars.h"
#include "slottimeline.h"
#include "statuspill.h"
#include "statuspilldelegate.h"
#include "workerdetail.h"

#include <QApplication>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolTip>

using namespace hwi;
using namespace hwi::views;

Q_DECLARE_METATYPE(hwi::views::WorkerDetail::Page)

namespace {

const QDateTime Reference = QDateTime::fromString(QStringLiteral("2026-11-29T13:00:05Z"), Qt::ISODate);
constexpr qint64 Minute = 60 * 1000;
constexpr int CapacitiesRole = Qt::UserRole + 100;

hatchet::TimeValue timeAt(qint64 msecs) {
    hatchet::TimeValue t;
    t.state = hatchet::TimeValue::Valid;
    t.time.msecsSinceEpoch = msecs;
    return t;
}

hatchet::Slot busySlot(const QString& action, qint64 startOffset, qint64 timeoutOffset) {
    hatchet::Slot slot;
    slot.actionId = action;
    slot.stepRunId = QStringLiteral("4bca0680-de4b-4980-8ed4-0f3390b89c8c");
    slot.workflowRunId = slot.stepRunId;
    slot.status = QStringLiteral("RUNNING");
    slot.startedAt = timeAt(Reference.toMSecsSinceEpoch() + startOffset);
    slot.timeoutAt = timeAt(Reference.toMSecsSinceEpoch() + timeoutOffset);
    return slot;
}

hatchet::Slot paddingSlot() {
    hatchet::Slot slot;
    slot.stepRunId = QStringLiteral("00000000-0000-0000-0000-000000000000");
    slot.workflowRunId = slot.stepRunId;
    return slot;
}

QImage render(QWidget& widget) {
    widget.ensurePolished();
    QImage image(widget.size(), QImage::Format_ARGB32);
    image.fill(widget.palette().color(QPalette::Window));
    widget.render(&image, {}, {}, QWidget::DrawChildren);
    return image;
}

// Paints one delegate cell into an image and returns it.
QImage paintCell(QStyledItemDelegate& delegate, const QModelIndex& index, QSize size) {
    QImage image(size, QImage::Format_ARGB32);
    const QPalette palette;
    image.fill(palette.color(QPalette::Base));
    QStyleOptionViewItem option;
    option.rect = QRect(QPoint(0, 0), size);
    option.palette = palette;
    option.font = QFont();
    option.fontMetrics = QFontMetrics(option.font);
    option.state = QStyle::State_Enabled;
    QPainter painter(&image);
    delegate.paint(&painter, option, index);
    return image;
}

// A document of one worker with many rows in every list section (legacy era: busy slots fill `slots`).
QByteArray manyRowsDocument(int rows) {
    QJsonArray slots, labels, actions, runs;
    for (int i = 0; i < rows; ++i) {
        const QString n = QString::number(i);
        slots.append(QJsonObject{{QStringLiteral("actionId"), QString(QStringLiteral("wf:step-") + n)},
                                 {QStringLiteral("startedAt"), QStringLiteral("2026-11-29T12:59:00Z")},
                                 {QStringLiteral("status"), QStringLiteral("RUNNING")},
                                 {QStringLiteral("stepRunId"), QString(QStringLiteral("run-") + n)},
                                 {QStringLiteral("timeoutAt"), QStringLiteral("2026-11-29T13:05:00Z")}});
        labels.append(QJsonObject{{QStringLiteral("key"), QString(QStringLiteral("key-") + n)}});
        actions.append(QString(QStringLiteral("wf:step-") + n));
        runs.append(QJsonObject{{QStringLiteral("actionId"), QStringLiteral("wf:a")},
                                {QStringLiteral("status"), QStringLiteral("PENDING")}});
    }
    const QJsonObject worker{{QStringLiteral("name"), QStringLiteral("many")},
                             {QStringLiteral("maxRuns"), rows + 1},
                             {QStringLiteral("availableRuns"), 1},
                             {QStringLiteral("slots"), slots},
                             {QStringLiteral("labels"), labels},
                             {QStringLiteral("actions"), actions},
                             {QStringLiteral("recentStepRuns"), runs}};
    return QJsonDocument(QJsonObject{{QStringLiteral("rows"), QJsonArray{worker}}}).toJson();
}

QStyleOptionViewItem defaultOption() {
    QStyleOptionViewItem option;
    option.font = QFont();
    option.fontMetrics = QFontMetrics(option.font);
    return option;
}

} // namespace

class TestViews final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statusColors_data();
    void statusColors();
    void timelineOverdueAndRunning();
    void timelineEmpty();
    void timelineSkipsPaddingAndGrows();
    void timelineMissingTimes();
    void timelineToolTip();
    void timelineTicksNeverOverlap_data();
    void timelineTicksNeverOverlap();
    void timelineFarReference();
    void statusPillDelegate_data();
    void statusPillDelegate();
    void slotBarDelegate();
    void heartbeatDelegate();
    void widgets();
    void sectionViewSortsOnRawValues();
    void refreshKeepsScrollPositions_data();
    void refreshKeepsScrollPositions();
};

void TestViews::statusColors_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("level");
    QTest::newRow("active") << QStringLiteral("ACTIVE") << int(models::HealthLevel::Good);
    QTest::newRow("paused") << QStringLiteral("PAUSED") << int(models::HealthLevel::Warning);
    QTest::newRow("inactive") << QStringLiteral("INACTIVE") << int(models::HealthLevel::Bad);
    QTest::newRow("exact, as sent") << QStringLiteral("Active") << int(models::HealthLevel::Unknown);
    QTest::newRow("unknown") << QStringLiteral("DRAINING") << int(models::HealthLevel::Unknown);
    QTest::newRow("empty") << QString() << int(models::HealthLevel::Unknown);
}

void TestViews::statusColors() {
    QFETCH(QString, status);
    QFETCH(int, level);
    QPalette light(QColor(0xf0, 0xf0, 0xf0));
    QPalette dark(QColor(0x2b, 0x2d, 0x30));
    QVERIFY(!isDarkPalette(light));
    QVERIFY(isDarkPalette(dark));
    const auto health = static_cast<models::HealthLevel>(level);
    QCOMPARE(hatchet::statusHealth(status), health); // the one status rule the pill colours itself from
    // Dark backgrounds get lighter shades, so the colour stays readable on both.
    QVERIFY(healthColor(health, dark).lightness() > healthColor(health, light).lightness());
}

void TestViews::timelineOverdueAndRunning() {
    SlotTimeline timeline;
    const qint64 ref = Reference.toMSecsSinceEpoch();
    std::vector<hatchet::Slot> slots = {
        busySlot(QStringLiteral("video-transcode:transcode-av1"), -10 * Minute, -4 * Minute),
        busySlot(QStringLiteral("video-transcode:probe"), -5 * Minute, 5 * Minute)};
    timeline.setSlots(slots, Reference);
    timeline.resize(640, timeline.sizeHint().height());
    QCOMPARE(timeline.busySlots().size(), std::size_t(2));
    QVERIFY(timeline.isOverdue(0));
    QVERIFY(!timeline.isOverdue(1));
    QVERIFY(timeline.xForTime(ref - 10 * Minute) < timeline.xForTime(ref));
    QVERIFY(timeline.xForTime(ref + 5 * Minute) <= timeline.width());
    const QImage image = render(timeline);

    // The overdue bar is the palette's red along its middle.
    const QColor red = healthColor(models::HealthLevel::Bad, timeline.palette());
    const int overdueY = timeline.rowRect(0).center().y();
    const int overdueX =
        qRound((timeline.xForTime(ref - 10 * Minute) + timeline.xForTime(ref - 4 * Minute)) / 2);
    QCOMPARE(image.pixelColor(overdueX, overdueY), red);

    // The running bar's elapsed part is solid, the remaining part lighter (not the solid colour).
    const QColor solid = timeline.palette().color(QPalette::Highlight);
    const int runningY = timeline.rowRect(1).center().y();
    QCOMPARE(image.pixelColor(qRound(timeline.xForTime(ref - 2 * Minute)), runningY), solid);
    QVERIFY(image.pixelColor(qRound(timeline.xForTime(ref + 3 * Minute)), runningY) != solid);

    // The reference line at xForTime(reference), in rows above and below the bars.
    const QColor line = timeline.palette().color(QPalette::WindowText);
    const int refX = qRound(timeline.xForTime(ref));
    for (int row = 0; row < 2; ++row) {
        const int y = timeline.rowRect(row).top() + 2;
        QCOMPARE(image.pixelColor(refX, y), line);
        QVERIFY(image.pixelColor(refX + 12, y) != line);
    }
}

void TestViews::timelineEmpty() {
    SlotTimeline timeline;
    timeline.setSlots({}, Reference);
    timeline.resize(400, timeline.sizeHint().height());
    QVERIFY(timeline.sizeHint().height() > 0);
    QCOMPARE(timeline.accessibleDescription(), QStringLiteral("No busy slots"));
    QVERIFY(!timeline.accessibleName().isEmpty());
    QCOMPARE(timeline.rowAt(QPoint(10, timeline.height() / 2)), -1);
    QVERIFY(!timeline.rowRect(0).isValid());

    // The "No busy slots" text is drawn around the centre, nothing else anywhere.
    const QImage image = render(timeline);
    const QColor background = timeline.palette().color(QPalette::Window);
    int inked = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixelColor(x, y) != background) {
                ++inked;
                QVERIFY(qAbs(y - image.height() / 2) < timeline.fontMetrics().height());
                QVERIFY(qAbs(x - image.width() / 2) <
                        timeline.fontMetrics().horizontalAdvance(QStringLiteral("No busy slots")));
            }
    QVERIFY(inked > 20);
}

void TestViews::timelineSkipsPaddingAndGrows() {
    SlotTimeline timeline;
    timeline.setSlots({paddingSlot(), paddingSlot()}, Reference);
    QVERIFY(timeline.busySlots().empty());
    const int emptyHeight = timeline.sizeHint().height();

    std::vector<hatchet::Slot> one = {busySlot(QStringLiteral("a"), -Minute, Minute), paddingSlot()};
    timeline.setSlots(one, Reference);
    QCOMPARE(timeline.busySlots().size(), std::size_t(1));
    const int oneHeight = timeline.sizeHint().height();

    std::vector<hatchet::Slot> five(5, busySlot(QStringLiteral("a"), -Minute, Minute));
    timeline.setSlots(five, Reference);
    timeline.resize(500, timeline.sizeHint().height());
    const int rowHeight = timeline.rowRect(1).top() - timeline.rowRect(0).top();
    QVERIFY(rowHeight >= 20);
    QCOMPARE(timeline.sizeHint().height() - oneHeight, 4 * rowHeight);
    QVERIFY(emptyHeight > oneHeight - rowHeight);
    QCOMPARE(timeline.rowAt(timeline.rowRect(3).center()), 3);
}

void TestViews::timelineMissingTimes() {
    SlotTimeline timeline;
    hatchet::Slot noTimeout = busySlot(QStringLiteral("no-timeout"), -Minute, 0);
    noTimeout.timeoutAt = {};
    hatchet::Slot noStart = busySlot(QStringLiteral("no-start"), 0, -Minute);
    noStart.startedAt.state = hatchet::TimeValue::Never;
    hatchet::Slot neither = busySlot(QStringLiteral("neither"), 0, 0);
    neither.startedAt = {};
    neither.timeoutAt.state = hatchet::TimeValue::Malformed;
    neither.timeoutAt.text = QStringLiteral("soon");
    timeline.setSlots({noTimeout, noStart, neither}, Reference);
    timeline.resize(500, timeline.sizeHint().height());
    QVERIFY(!timeline.isOverdue(0));
    QVERIFY(timeline.isOverdue(1)); // the timeout alone says so
    QVERIFY(!timeline.isOverdue(2));
    const QImage image = render(timeline);
    QVERIFY(!image.isNull());
}

void TestViews::timelineToolTip() {
    SlotTimeline timeline;
    hatchet::Slot overdue =
        busySlot(QStringLiteral("video-transcode:transcode-av1"), -10 * Minute, -150 * 1000);
    overdue.stepRunId = QStringLiteral("48ddeb00-fbf9-490b-81e0-9e0e576922bf");
    timeline.setSlots({overdue}, Reference);
    timeline.resize(500, timeline.sizeHint().height());
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    const QPoint pos = timeline.rowRect(0).center();
    QHelpEvent help(QEvent::ToolTip, pos, timeline.mapToGlobal(pos));
    QApplication::sendEvent(&timeline, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString text = QToolTip::text();
    QVERIFY2(text.contains(overdue.stepRunId), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("video-transcode:transcode-av1")));
    QVERIFY(text.contains(QStringLiteral("RUNNING")));
    QVERIFY2(text.contains(QStringLiteral("Overdue by")) && text.contains(QStringLiteral("2 min 30 s")),
             qPrintable(text));
    QToolTip::hideText();
}

void TestViews::timelineTicksNeverOverlap_data() {
    QTest::addColumn<qint64>("span");
    QTest::addColumn<int>("width");
    constexpr qint64 Second = 1000, Hour = 60 * Minute, Day = 24 * Hour;
    for (const int width : {160, 320, 700, 1400}) {
        QTest::addRow("30 s/%d px", width) << 30 * Second << width;
        QTest::addRow("10 min/%d px", width) << 10 * Minute << width;
        QTest::addRow("5 h/%d px", width) << 5 * Hour << width;
        QTest::addRow("3 d/%d px", width) << 3 * Day << width;
        QTest::addRow("520 d/%d px", width) << 520 * Day << width;
    }
}

// The pure tick layout: for every span and width, with the origin at an end, in the middle or off the axis
// (clock-time labels), labels lie inside the width, in order, and never overlap; the origin keeps its label.
void TestViews::timelineTicksNeverOverlap() {
    QFETCH(qint64, span);
    QFETCH(int, width);
    const QFont font = QApplication::font();
    const qint64 to = Reference.toMSecsSinceEpoch() + 17'317; // not on a round second
    const qint64 from = to - span;
    const std::optional<qint64> origins[] = {std::nullopt, to, from + span / 3, from};
    for (const auto& origin : origins) {
        const auto ticks = SlotTimeline::ticks(from, to, width, font, origin, QStringLiteral("now"));
        QVERIFY2(ticks.size() >= 2, qPrintable(QString::number(ticks.size())));
        int labelled = 0, originTicks = 0, previousRight = -1, previousX = -1;
        for (const SlotTimeline::Tick& tick : ticks) {
            QVERIFY(tick.msecs >= from && tick.msecs <= to);
            QVERIFY(tick.x >= 0 && tick.x <= width);
            QVERIFY(tick.x > previousX);
            previousX = tick.x;
            originTicks += tick.origin;
            if (tick.label.isEmpty())
                continue;
            ++labelled;
            QVERIFY(tick.labelWidth > 0);
            QVERIFY(tick.labelLeft >= 0 && tick.labelLeft + tick.labelWidth <= width);
            QVERIFY2(tick.labelLeft > previousRight,
                     qPrintable(QStringLiteral("'%1' at %2 overlaps").arg(tick.label).arg(tick.labelLeft)));
            previousRight = tick.labelLeft + tick.labelWidth;
            if (tick.origin)
                QCOMPARE(tick.label, QStringLiteral("now"));
        }
        QVERIFY(labelled >= (width >= 320 ? 2 : 1));
        QCOMPARE(originTicks, origin ? 1 : 0);
    }
}

// An old snapshot measured against now: runs 520 days before the reference keep a readable scale (the
// reference is a marker at the edge, not a point 520 days along the axis), ticks in clock time.
void TestViews::timelineFarReference() {
    constexpr qint64 Day = 24 * 60 * Minute;
    SlotTimeline timeline;
    const qint64 ref = Reference.toMSecsSinceEpoch();
    timeline.setSlots(
        {busySlot(QStringLiteral("video-transcode:transcode"), -520 * Day - 10 * Minute,
                  -520 * Day - 5 * Minute),
         busySlot(QStringLiteral("video-transcode:probe"), -520 * Day - 2 * Minute, -520 * Day - Minute)},
        Reference);
    timeline.resize(640, timeline.sizeHint().height());
    QVERIFY(timeline.referenceOffAxis());
    QVERIFY(timeline.isOverdue(0) && timeline.isOverdue(1));
    QCOMPARE(timeline.referenceMarkerText(), QStringLiteral("now: 520 d 0 h later \u2192"));
    for (const auto& slot : timeline.busySlots()) {
        const qreal start = timeline.xForTime(slot.startedAt.time.msecsSinceEpoch);
        const qreal end = timeline.xForTime(slot.timeoutAt.time.msecsSinceEpoch);
        QVERIFY2(end - start > 15, qPrintable(QString::number(end - start)));
        QVERIFY(start >= 0 && end <= timeline.width());
    }
    QVERIFY(timeline.xForTime(ref) > timeline.width()); // the reference is not on the scale

    // The overdue bars are red in the middle; the marker line is drawn near the right edge.
    const QImage image = render(timeline);
    const QColor red = healthColor(models::HealthLevel::Bad, timeline.palette());
    const auto& first = timeline.busySlots().front();
    const int x = qRound((timeline.xForTime(first.startedAt.time.msecsSinceEpoch) +
                          timeline.xForTime(first.timeoutAt.time.msecsSinceEpoch)) /
                         2);
    QCOMPARE(image.pixelColor(x, timeline.rowRect(0).center().y()), red);
    const QColor line = timeline.palette().color(QPalette::WindowText);
    bool marker = false;
    for (int mx = timeline.width() - 20; mx < timeline.width(); ++mx)
        marker = marker || image.pixelColor(mx, timeline.rowRect(1).top() + 2) == line;
    QVERIFY(marker);

    // Near the runs the reference stays on the axis, as before.
    timeline.setSlots({busySlot(QStringLiteral("a"), -10 * Minute, -4 * Minute)}, Reference);
    QVERIFY(!timeline.referenceOffAxis());
    QVERIFY(timeline.referenceMarkerText().isEmpty());
}

void TestViews::statusPillDelegate_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("level"); // the model's SeverityRole
    QTest::newRow("active") << QStringLiteral("ACTIVE") << int(models::HealthLevel::Good);
    QTest::newRow("new enum value") << QStringLiteral("SOMETHING_NEW_FROM_A_LATER_SERVER")
                                    << int(models::HealthLevel::Unknown);
    QTest::newRow("empty") << QString() << int(models::HealthLevel::Unknown);
}

void TestViews::statusPillDelegate() {
    QFETCH(QString, status);
    QFETCH(int, level);
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), status);
    model.setData(model.index(0, 0), level, models::SeverityRole);
    StatusPillDelegate delegate;
    const QSize hint = delegate.sizeHint(defaultOption(), model.index(0, 0));
    QVERIFY(!hint.isEmpty());
    const QImage image = paintCell(delegate, model.index(0, 0), QSize(90, hint.height()));
    if (!status.isEmpty()) {
        // The pill's fill, just inside its rounded left end (before any text), is the level's colour.
        const QColor fill = healthColor(static_cast<models::HealthLevel>(level), QPalette());
        QCOMPARE(image.pixelColor(4 + 3, hint.height() / 2), fill);
    }
}

void TestViews::slotBarDelegate() {
    QStandardItemModel model(1, 1);
    const QVariantList capacities = {
        QVariantMap{{QStringLiteral("type"), QStringLiteral("default")},
                    {QStringLiteral("used"), qint64(5)},
                    {QStringLiteral("limit"), qint64(5)}},
        QVariantMap{{QStringLiteral("type"), QStringLiteral("durable")},
                    {QStringLiteral("used"), QVariant()},
                    {QStringLiteral("limit"), qint64(5)}},
    };
    model.setData(model.index(0, 0), capacities, CapacitiesRole);
    SlotBarDelegate delegate(CapacitiesRole);
    QCOMPARE(delegate.capacitiesRole(), CapacitiesRole);
    const QStyleOptionViewItem option = defaultOption();
    const QSize hint = delegate.sizeHint(option, model.index(0, 0));
    QVERIFY(hint.height() >= 2 * option.fontMetrics.height());

    const QImage image = paintCell(delegate, model.index(0, 0), QSize(240, hint.height()));
    // The full "default" bar ends at the right edge, red; the "?" bar is only an outline.
    const int lineHeight = option.fontMetrics.height();
    const int top = (hint.height() - 2 * lineHeight) / 2;
    QCOMPARE(image.pixelColor(240 - 12, top + lineHeight / 2),
             healthColor(models::HealthLevel::Bad, QPalette()));
    QCOMPARE(image.pixelColor(240 - 12, top + lineHeight + lineHeight / 2), QPalette().color(QPalette::Base));

    // Too short a row for two lines still paints (one line of labels, thin bars).
    const QImage compact = paintCell(delegate, model.index(0, 0), QSize(240, lineHeight));
    QVERIFY(!compact.isNull());
    // Nothing at the role: nothing but the background.
    QStandardItemModel empty(1, 1);
    const QImage blank = paintCell(delegate, empty.index(0, 0), QSize(100, 20));
    QCOMPARE(blank.pixelColor(50, 10), QPalette().color(QPalette::Base));
}

void TestViews::heartbeatDelegate() {
    QStandardItemModel model(2, 1);
    model.setData(model.index(0, 0), QStringLiteral("3 s ago"));
    model.setData(model.index(0, 0), int(models::HealthLevel::Good), models::SeverityRole);
    model.setData(model.index(1, 0), QStringLiteral("never"));
    HeartbeatDelegate delegate;
    const QStyleOptionViewItem option = defaultOption();
    const QSize hint = delegate.sizeHint(option, model.index(0, 0));
    QVERIFY(hint.width() > option.fontMetrics.horizontalAdvance(QStringLiteral("3 s ago")));

    const int height = 24;
    const int dotCentreX = 4 + 1 + qMax(6, option.fontMetrics.height() / 2) / 2;
    QImage image = paintCell(delegate, model.index(0, 0), QSize(120, height));
    QCOMPARE(image.pixelColor(dotCentreX, height / 2), healthColor(models::HealthLevel::Good, QPalette()));
    image = paintCell(delegate, model.index(1, 0), QSize(120, height));
    QCOMPARE(image.pixelColor(dotCentreX, height / 2), healthColor(models::HealthLevel::Unknown, QPalette()));
}

void TestViews::widgets() {
    StatusPill pill;
    QVERIFY(!pill.sizeHint().isEmpty());
    pill.setStatus(QStringLiteral("PAUSED"), models::HealthLevel::Warning);
    QCOMPARE(pill.status(), QStringLiteral("PAUSED"));
    QVERIFY(pill.accessibleName().contains(QStringLiteral("PAUSED")));
    pill.resize(pill.sizeHint());
    QCOMPARE(render(pill).pixelColor(pill.height() / 2 + 2, pill.height() / 2 - 3),
             healthColor(models::HealthLevel::Warning, pill.palette()));

    SlotBars bars;
    hatchet::SlotCapacity known{QStringLiteral("default"), 2, 5};
    hatchet::SlotCapacity limitOnly{QStringLiteral("durable"), std::nullopt, 5};
    QCOMPARE(SlotBars::caption(known), QStringLiteral("default \u2014 3 used, 2 available of 5"));
    QVERIFY(SlotBars::caption(limitOnly).startsWith(QStringLiteral("durable \u2014 limit 5")));
    bars.setCapacities({known}, std::nullopt);
    const int oneHeight = bars.sizeHint().height();
    bars.setCapacities({known, limitOnly}, 1);
    QVERIFY(bars.sizeHint().height() > oneHeight);
    QVERIFY(bars.accessibleDescription().contains(QStringLiteral("1 padding entry in slots (not a run")));
    bars.resize(bars.sizeHint());
    QVERIFY(!render(bars).isNull());
}

// Bug: detail tables sorted case-sensitively with absent values last ("B, a, b, (none)") while the worker
// table and the tests used the raw-value proxy. A detail table sorts as the window shows it.
void TestViews::sectionViewSortsOnRawValues() {
    const auto snapshot = testutil::snapshotOf(R"({"rows": [{"labels": [
        {"key": "k1", "value": "B"}, {"key": "k2", "value": "a"}, {"key": "k3"}, {"key": "k4", "value": "b"}]}]})",
                                               Reference);
    models::LabelsModel labels;
    SectionView view(&labels, QStringLiteral("No labels"));
    labels.setWorker(snapshot->worker(0));
    const auto column = [&](int column) {
        QStringList cells;
        const QAbstractItemModel& shown = *view.table()->model();
        for (int row = 0; row < shown.rowCount(); ++row) {
            const QVariant value = shown.index(row, column).data(models::RawValueRole);
            cells << (value.isValid() ? value.toString() : QStringLiteral("(none)"));
        }
        return cells;
    };
    view.table()->sortByColumn(models::LabelsModel::ValueColumn, Qt::AscendingOrder);
    QCOMPARE(column(models::LabelsModel::ValueColumn),
             QStringList(
                 {QStringLiteral("(none)"), QStringLiteral("a"), QStringLiteral("B"), QStringLiteral("b")}));
    view.table()->sortByColumn(models::LabelsModel::ValueColumn, Qt::DescendingOrder);
    QCOMPARE(column(models::LabelsModel::ValueColumn),
             QStringList(
                 {QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("a"), QStringLiteral("(none)")}));
    view.table()->sortByColumn(models::LabelsModel::ValueColumn, Qt::AscendingOrder);
    view.setFilterText(QStringLiteral("b")); // the text filter still applies, case-insensitively
    QCOMPARE(column(models::LabelsModel::ValueColumn),
             QStringList({QStringLiteral("B"), QStringLiteral("b")}));
}

void TestViews::refreshKeepsScrollPositions_data() {
    QTest::addColumn<WorkerDetail::Page>("page");
    for (const auto page : {WorkerDetail::Page::Slots, WorkerDetail::Page::Labels,
                            WorkerDetail::Page::Actions, WorkerDetail::Page::RecentRuns})
        QTest::newRow(qPrintable(WorkerDetail::pageId(page))) << page;
}

// Bug: refresh() kept the scroll position of plain table pages only; the Slots page (timeline above the
// table) jumped back to the top on every live refresh.
void TestViews::refreshKeepsScrollPositions() {
    QFETCH(WorkerDetail::Page, page);
    const QByteArray document = manyRowsDocument(120);
    WorkerDetail detail;
    detail.resize(900, 500);
    detail.show();
    QVERIFY(QTest::qWaitForWindowExposed(&detail));
    detail.setReferenceTime(Reference, QStringLiteral("capture time"));
    detail.setSnapshot(testutil::snapshotOf(document, Reference));
    detail.setWorker(0);
    detail.tabs()->setCurrentWidget(detail.page(page));
    QCOMPARE(detail.currentSection(), detail.section(page));
    QTableView* table = detail.section(page)->table();
    QTRY_VERIFY(table->verticalScrollBar()->maximum() > 20);
    table->verticalScrollBar()->setValue(20);
    detail.refresh(testutil::snapshotOf(document, Reference.addSecs(5)), 0);
    QTest::qWait(50); // delayed layouts run
    QCOMPARE(table->verticalScrollBar()->value(), 20);
}

QTEST_MAIN(TestViews)
#include "tst_views.moc"
