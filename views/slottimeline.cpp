#include "slottimeline.h"
#include "palette.h"
#include "plaintooltips.h"

#include "hatchet/slots.h"
#include "itemmodels/timeformat.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QtMath>

#include <algorithm>
#include <array>

namespace hwi::views {

namespace {

constexpr int LeftMargin = 8;
constexpr int RightMargin = 10;
constexpr int BreakWidth = 14; // the "//" break between the runs' axis and an off-axis reference marker
constexpr int LabelGap = 12;
constexpr int BottomMargin = 6;
constexpr int EmptyRows = 3;
constexpr qint64 Second = 1000, Minute = 60 * Second, Hour = 60 * Minute, Day = 24 * Hour;
// A reference further from the runs than this many times their span gets its own marker off the axis.
constexpr qint64 OffAxisFactor = 2;

constexpr std::array<qint64, 30> Steps = {
    Second,     2 * Second,  5 * Second,  10 * Second, 15 * Second, 30 * Second, Minute,   2 * Minute,
    5 * Minute, 10 * Minute, 15 * Minute, 30 * Minute, Hour,        2 * Hour,    3 * Hour, 6 * Hour,
    12 * Hour,  Day,         2 * Day,     7 * Day,     14 * Day,    30 * Day,    60 * Day, 90 * Day,
    180 * Day,  365 * Day,   730 * Day,   1825 * Day,  3650 * Day,  36500 * Day};

// floor(a / b) for b > 0.
qint64 floorDiv(qint64 a, qint64 b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// A UTC clock-time label for an axis without the reference on it: the unit follows the step, and the
// date is added where it is not implied by the previous label.
QString absoluteLabel(qint64 msecs, qint64 step, const QDateTime* previous) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    const QLocale c = QLocale::c();
    if (step >= Day) {
        const bool newYear = !previous || previous->date().year() != t.date().year();
        return c.toString(t, newYear ? QStringLiteral("d MMM yyyy") : QStringLiteral("d MMM"));
    }
    const QString time = c.toString(t, step < Minute ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    if (previous && previous->date() == t.date())
        return time;
    return c.toString(t, QStringLiteral("d MMM ")) % time;
}

bool valid(const hatchet::TimeValue& t) {
    return t.state == hatchet::TimeValue::Valid;
}

QString formatDuration(qint64 msecs) {
    const qint64 s = qAbs(msecs) / Second;
    if (s < 60)
        return SlotTimeline::tr("%1 s").arg(s);
    if (s < 3600)
        return s % 60 ? SlotTimeline::tr("%1 min %2 s").arg(s / 60).arg(s % 60)
                      : SlotTimeline::tr("%1 min").arg(s / 60);
    if (s < 86400)
        return (s / 60) % 60 ? SlotTimeline::tr("%1 h %2 min").arg(s / 3600).arg((s / 60) % 60)
                             : SlotTimeline::tr("%1 h").arg(s / 3600);
    return SlotTimeline::tr("%1 d %2 h").arg(s / 86400).arg((s / 3600) % 24);
}

// A tick label relative to the reference, in the unit of the tick step: "−30 min", "+2 h".
QString relativeLabel(qint64 offset, qint64 step) {
    const QString sign = offset < 0 ? QStringLiteral("\u2212") : QStringLiteral("+");
    const qint64 a = qAbs(offset);
    if (step < Minute)
        return sign % SlotTimeline::tr("%1 s").arg(a / Second);
    if (step < Hour)
        return sign % SlotTimeline::tr("%1 min").arg(a / Minute);
    if (step < Day)
        return sign % SlotTimeline::tr("%1 h").arg(a / Hour);
    return sign % SlotTimeline::tr("%1 d").arg(a / Day);
}

QString describe(const hatchet::TimeValue& t) {
    switch (t.state) {
    case hatchet::TimeValue::Valid:
        return models::instantText(t.time.msecsSinceEpoch);
    case hatchet::TimeValue::Never:
        return SlotTimeline::tr("never (zero time)");
    case hatchet::TimeValue::Malformed:
        return SlotTimeline::tr("not a date-time: %1").arg(t.text);
    case hatchet::TimeValue::Absent:
        break;
    }
    return SlotTimeline::tr("absent");
}

} // namespace

std::vector<SlotTimeline::Tick> SlotTimeline::ticks(qint64 fromMsecs, qint64 toMsecs, int widthPx,
                                                    const QFont& font, std::optional<qint64> originMsecs,
                                                    const QString& originLabel) {
    if (widthPx <= 0 || toMsecs <= fromMsecs)
        return {};
    const QFontMetrics fm(font);
    QFont boldFont = font;
    boldFont.setBold(true);
    const QFontMetrics bold(boldFont);
    const int gap = qMax(12, fm.averageCharWidth() * 2);
    const bool relative = originMsecs && *originMsecs >= fromMsecs && *originMsecs <= toMsecs;
    const qint64 span = toMsecs - fromMsecs;
    const auto xOf = [&](qint64 msecs) { return int(qRound(double(msecs - fromMsecs) * widthPx / span)); };

    const auto build = [&](qint64 step) {
        std::vector<Tick> out;
        const qint64 base = relative ? *originMsecs : 0;
        QDateTime previous;
        for (qint64 k = floorDiv(fromMsecs - base - 1, step) + 1; base + k * step <= toMsecs; ++k) {
            Tick tick;
            tick.msecs = base + k * step;
            tick.x = xOf(tick.msecs);
            tick.origin = relative && k == 0;
            if (tick.origin)
                tick.label = originLabel;
            else if (relative)
                tick.label = relativeLabel(k * step, step);
            else
                tick.label = absoluteLabel(tick.msecs, step, previous.isValid() ? &previous : nullptr);
            previous = QDateTime::fromMSecsSinceEpoch(tick.msecs, Qt::UTC);
            tick.labelWidth = (tick.origin ? bold : fm).horizontalAdvance(tick.label);
            tick.labelLeft = std::clamp(tick.x - tick.labelWidth / 2, 0, qMax(0, widthPx - tick.labelWidth));
            out.push_back(std::move(tick));
        }
        return out;
    };
    const auto fits = [&](const std::vector<Tick>& candidate) {
        for (std::size_t i = 1; i < candidate.size(); ++i) {
            const Tick& a = candidate[i - 1];
            if (candidate[i].labelLeft < a.labelLeft + a.labelWidth + gap)
                return false;
        }
        return true;
    };

    // The smallest step whose labels keep their distance; steps that would need more ticks than the width
    // could ever hold are not even built.
    const int narrowest = fm.horizontalAdvance(QStringLiteral("00:00")) + gap;
    std::vector<Tick> chosen;
    for (const qint64 step : Steps) {
        if (span / step > widthPx / narrowest + 1)
            continue;
        std::vector<Tick> candidate = build(step);
        if (candidate.size() < 2 && !chosen.empty())
            break; // a step this long leaves no scale: thin out the previous one's labels instead
        chosen = std::move(candidate);
        if (fits(chosen))
            return chosen;
    }
    // Too narrow for every step with two ticks: keep the origin's label, then every label that still fits.
    std::vector<const Tick*> kept;
    const auto clear = [&](const Tick& t) {
        return std::none_of(kept.begin(), kept.end(), [&](const Tick* k) {
            return t.labelLeft < k->labelLeft + k->labelWidth + gap &&
                   k->labelLeft < t.labelLeft + t.labelWidth + gap;
        });
    };
    for (const bool origins : {true, false}) {
        for (Tick& tick : chosen) {
            if (tick.origin != origins)
                continue;
            if (!tick.label.isEmpty() && clear(tick))
                kept.push_back(&tick);
            else
                tick.label.clear();
        }
    }
    return chosen;
}

QString SlotTimeline::referenceMarkerText() const {
    if (m_referenceSide == 0)
        return {};
    return m_referenceSide > 0
               ? tr("%1: %2 later \u2192").arg(m_referenceLabel, formatDuration(m_referenceGap))
               : tr("\u2190 %1: %2 earlier").arg(m_referenceLabel, formatDuration(m_referenceGap));
}

SlotTimeline::SlotTimeline(QWidget* parent)
    : QWidget(parent)
    , m_referenceLabel(tr("now")) {
    // Vertically at least the size hint, so a QScrollArea scrolls instead of squeezing rows.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    setAccessibleName(tr("Busy slots timeline"));
    setSlots({}, QDateTime::currentDateTimeUtc());
}

void SlotTimeline::setSlots(std::vector<hatchet::Slot> busySlots, const QDateTime& referenceTime) {
    m_slots = hatchet::splitPadding(std::move(busySlots)).busy;
    m_reference = referenceTime.isValid() ? referenceTime : QDateTime::currentDateTimeUtc();
    m_referenceMsecs = m_reference.toMSecsSinceEpoch();
    updateRange();

    int overdue = 0;
    for (int i = 0; i < int(m_slots.size()); ++i)
        overdue += isOverdue(i);
    setAccessibleDescription(m_slots.empty()
                                 ? tr("No busy slots")
                                 : tr("%1 busy slots, %2 overdue").arg(m_slots.size()).arg(overdue));
    updateGeometry();
    update();
}

void SlotTimeline::setReferenceLabel(const QString& label) {
    m_referenceLabel = label;
    update();
}

void SlotTimeline::updateRange() {
    // The runs' own extent first; the reference joins the axis only when it is near them.
    std::optional<qint64> runLo, runHi;
    for (const auto& slot : m_slots) {
        for (const auto* t : {&slot.startedAt, &slot.timeoutAt}) {
            if (valid(*t)) {
                runLo = qMin(runLo.value_or(t->time.msecsSinceEpoch), t->time.msecsSinceEpoch);
                runHi = qMax(runHi.value_or(t->time.msecsSinceEpoch), t->time.msecsSinceEpoch);
            }
        }
    }
    m_referenceSide = 0;
    m_referenceGap = 0;
    qint64 lo = m_referenceMsecs, hi = m_referenceMsecs;
    if (runLo) {
        const qint64 runSpan = qMax(Minute, *runHi - *runLo);
        if (m_referenceMsecs > *runHi + OffAxisFactor * runSpan) {
            m_referenceSide = 1;
            m_referenceGap = m_referenceMsecs - *runHi;
        } else if (m_referenceMsecs < *runLo - OffAxisFactor * runSpan) {
            m_referenceSide = -1;
            m_referenceGap = *runLo - m_referenceMsecs;
        }
        lo = m_referenceSide ? *runLo : qMin(lo, *runLo);
        hi = m_referenceSide ? *runHi : qMax(hi, *runHi);
    }
    if (hi - lo < Minute) {
        const qint64 grow = (Minute - (hi - lo)) / 2;
        lo -= grow;
        hi += grow;
    }
    const qint64 pad = (hi - lo) / 25;
    m_rangeStart = lo - pad;
    m_rangeEnd = hi + pad;
}

bool SlotTimeline::isOverdue(int index) const {
    if (index < 0 || index >= int(m_slots.size()))
        return false;
    const auto& timeout = m_slots[std::size_t(index)].timeoutAt;
    return valid(timeout) && timeout.time.msecsSinceEpoch < m_referenceMsecs;
}

int SlotTimeline::rowHeight() const {
    return qMax(22, fontMetrics().height() + 8);
}

int SlotTimeline::axisHeight() const {
    return fontMetrics().height() + 10;
}

int SlotTimeline::labelWidth() const {
    const QFontMetrics fm = fontMetrics();
    int widest = 0;
    for (const auto& slot : m_slots)
        widest =
            qMax(widest, fm.horizontalAdvance(slot.actionId.isEmpty() ? tr("(no action)") : slot.actionId));
    return std::clamp(widest, 60, qMax(60, width() * 35 / 100));
}

int SlotTimeline::markerZoneWidth() const {
    if (m_referenceSide == 0)
        return 0;
    QFont bold = font();
    bold.setBold(true);
    const int available = width() - RightMargin - (LeftMargin + labelWidth() + LabelGap);
    return qMin(QFontMetrics(bold).horizontalAdvance(referenceMarkerText()) + BreakWidth + 6,
                available * 45 / 100);
}

QRect SlotTimeline::trackRect() const {
    int left = LeftMargin + labelWidth() + LabelGap;
    int right = width() - RightMargin;
    if (m_referenceSide > 0)
        right -= markerZoneWidth();
    else if (m_referenceSide < 0)
        left += markerZoneWidth();
    return {left, axisHeight(), qMax(1, right - left), int(m_slots.size()) * rowHeight()};
}

qreal SlotTimeline::xForTime(qint64 msecs) const {
    const QRect track = trackRect();
    return track.left() + qreal(msecs - m_rangeStart) * track.width() / qreal(m_rangeEnd - m_rangeStart);
}

qreal SlotTimeline::referenceX() const {
    if (m_referenceSide > 0)
        return width() - RightMargin;
    if (m_referenceSide < 0)
        return LeftMargin + labelWidth() + LabelGap;
    return xForTime(m_referenceMsecs);
}

QRect SlotTimeline::rowRect(int index) const {
    if (index < 0 || index >= int(m_slots.size()))
        return {};
    return {0, axisHeight() + index * rowHeight(), width(), rowHeight()};
}

int SlotTimeline::rowAt(const QPoint& pos) const {
    if (m_slots.empty() || pos.y() < axisHeight())
        return -1;
    const int row = (pos.y() - axisHeight()) / rowHeight();
    return row < int(m_slots.size()) ? row : -1;
}

QSize SlotTimeline::sizeHint() const {
    const int rows = m_slots.empty() ? EmptyRows : int(m_slots.size());
    return {520, axisHeight() + rows * rowHeight() + BottomMargin};
}

QSize SlotTimeline::minimumSizeHint() const {
    return {280, sizeHint().height()};
}

QString SlotTimeline::toolTipFor(int index) const {
    const auto& slot = m_slots[std::size_t(index)];
    const auto row = [](const QString& name, const QString& value) -> QString {
        return QStringLiteral("<tr><td style='padding-right:8px'>") % name % QStringLiteral("</td><td>") %
               value.toHtmlEscaped() % QStringLiteral("</td></tr>");
    };
    QString html = QStringLiteral("<table>") % row(tr("Step run"), slot.stepRunId) %
                   row(tr("Action"), slot.actionId) % row(tr("Workflow run"), slot.workflowRunId) %
                   row(tr("Status"), slot.status) % row(tr("Started"), describe(slot.startedAt)) %
                   row(tr("Timeout"), describe(slot.timeoutAt));
    if (valid(slot.timeoutAt)) {
        const qint64 left = slot.timeoutAt.time.msecsSinceEpoch - m_referenceMsecs;
        html += left < 0 ? row(tr("Overdue by"), formatDuration(left))
                         : row(tr("Time left"), formatDuration(left));
    }
    html += QStringLiteral("</table>");
    if (!valid(slot.startedAt) || !valid(slot.timeoutAt))
        html += QStringLiteral("<p>") %
                tr("Without both a start and a timeout the run cannot be placed on the axis; the dashed "
                   "marker spans what is known up to the reference time.") %
                QStringLiteral("</p>");
    html += QStringLiteral("<p>") %
            tr("Relative to %1: %2").arg(m_referenceLabel, models::instantText(m_reference)).toHtmlEscaped() %
            QStringLiteral("</p>");
    return html;
}

bool SlotTimeline::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos());
        if (row >= 0) {
            QToolTip::showText(help->globalPos(), toolTipFor(row), this, rowRect(row));
        } else if (!m_slots.empty() && help->pos().y() < axisHeight()) {
            QToolTip::showText(
                help->globalPos(),
                plainToolTip(tr("%1: %2").arg(m_referenceLabel, models::instantText(m_reference))), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void SlotTimeline::mouseDoubleClickEvent(QMouseEvent* event) {
    const int row = rowAt(event->position().toPoint());
    if (row >= 0)
        Q_EMIT slotActivated(row);
    QWidget::mouseDoubleClickEvent(event);
}

void SlotTimeline::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

void SlotTimeline::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (m_slots.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No busy slots"));
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    paintAxis(painter);
    for (int i = 0; i < int(m_slots.size()); ++i)
        paintRow(painter, i);

    // The reference line last, over the bars, on whole pixels so it stays crisp.
    const QRect track = trackRect();
    const int x = qRound(referenceX());
    painter.fillRect(QRect(x - 1, track.top() - 4, 2, track.height() + 4),
                     palette().color(QPalette::WindowText));
}

void SlotTimeline::paintAxis(QPainter& painter) const {
    const QRect track = trackRect();
    const QFontMetrics fm = fontMetrics();
    QColor grid = palette().color(QPalette::WindowText);
    grid.setAlphaF(0.12f);
    QColor tick = palette().color(QPalette::WindowText);
    tick.setAlphaF(0.45f);
    const QColor text = palette().color(QPalette::WindowText);
    const int baseline = track.top();
    painter.fillRect(QRect(track.left(), baseline - 1, track.width(), 1), tick);

    QFont bold = font();
    bold.setBold(true);
    const std::optional<qint64> origin =
        m_referenceSide == 0 ? std::optional<qint64>(m_referenceMsecs) : std::nullopt;
    for (const Tick& t : ticks(m_rangeStart, m_rangeEnd, track.width(), font(), origin, m_referenceLabel)) {
        const int x = track.left() + t.x;
        painter.fillRect(QRect(x, baseline, 1, track.height()), grid);
        painter.fillRect(QRect(x, baseline - 5, 1, 4), tick);
        if (t.label.isEmpty())
            continue;
        painter.setFont(t.origin ? bold : font());
        painter.setPen(t.origin ? text : tick);
        painter.drawText(QRect(track.left() + t.labelLeft, 2, t.labelWidth, fm.height()), Qt::AlignCenter,
                         t.label);
    }

    if (m_referenceSide != 0) {
        // The break: "//" across the axis between the runs and the reference marker, then the marker's
        // label beside it (the line itself is drawn over the rows in paintEvent).
        const int markerX = qRound(referenceX());
        const int breakX =
            m_referenceSide > 0 ? track.right() + BreakWidth / 2 : track.left() - BreakWidth / 2;
        painter.setPen(QPen(tick, 1.2));
        for (const int dx : {-3, 2})
            painter.drawLine(QPointF(breakX + dx - 2, baseline + 3), QPointF(breakX + dx + 2, baseline - 5));
        QColor faint = tick;
        faint.setAlphaF(0.25f);
        painter.setPen(QPen(faint, 1, Qt::DashLine));
        const int from = m_referenceSide > 0 ? breakX + 4 : markerX;
        const int to = m_referenceSide > 0 ? markerX : breakX - 4;
        painter.drawLine(QPointF(from, baseline - 0.5), QPointF(to, baseline - 0.5));
        painter.setFont(bold);
        painter.setPen(text);
        const QString label = referenceMarkerText();
        const int zone = markerZoneWidth() - BreakWidth;
        const QRect area = m_referenceSide > 0 ? QRect(markerX - zone, 2, zone, fm.height())
                                               : QRect(markerX, 2, zone, fm.height());
        painter.drawText(area, (m_referenceSide > 0 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                         QFontMetrics(bold).elidedText(label, Qt::ElideMiddle, zone + 2));
    }
    painter.setFont(font());
}

void SlotTimeline::paintRow(QPainter& painter, int index) const {
    const auto& slot = m_slots[std::size_t(index)];
    const QRect row = rowRect(index);
    const QRect track = trackRect();
    const QFontMetrics fm = fontMetrics();
    const bool overdue = isOverdue(index);
    const QColor red = healthColor(models::HealthLevel::Bad, palette());

    if (index % 2) {
        QColor stripe = palette().color(QPalette::WindowText);
        stripe.setAlphaF(0.04f);
        painter.fillRect(row, stripe);
    }

    // The action id at the left, elided; red when the slot is overdue.
    const QString action = slot.actionId.isEmpty() ? tr("(no action)") : slot.actionId;
    painter.setPen(overdue ? red
                           : palette().color(slot.actionId.isEmpty() ? QPalette::PlaceholderText
                                                                     : QPalette::WindowText));
    const int labelW = track.left() - LabelGap - LeftMargin;
    painter.drawText(QRect(LeftMargin, row.top(), labelW, row.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     fm.elidedText(action, Qt::ElideMiddle, labelW));

    const qreal barHeight = qMin<qreal>(12, row.height() - 8);
    const qreal top = row.top() + (row.height() - barHeight) / 2;
    const qreal centre = top + barHeight / 2;
    const qreal xRef = referenceX();
    painter.save();
    // The track, and the way on to an off-axis reference marker (overdue runs' dotted lines reach it).
    const int clipLeft = qMin(track.left(), qFloor(xRef));
    const int clipRight = qMax(track.right() + 1, qCeil(xRef) + 1);
    painter.setClipRect(QRect(clipLeft, row.top(), clipRight - clipLeft, row.height()));

    if (valid(slot.startedAt) && valid(slot.timeoutAt)) {
        const qreal xs = xForTime(slot.startedAt.time.msecsSinceEpoch);
        const qreal xt = qMax(xs + 3, xForTime(slot.timeoutAt.time.msecsSinceEpoch));
        const QRectF bar(xs, top, xt - xs, barHeight);
        painter.setPen(Qt::NoPen);
        if (overdue) {
            // Red bar, a dotted line on to the reference time and a "!" marker at the missed timeout.
            painter.setBrush(red);
            painter.drawRoundedRect(bar, 3, 3);
            painter.setPen(QPen(red, 2, Qt::DotLine, Qt::FlatCap));
            painter.drawLine(QPointF(xt, centre), QPointF(xRef, centre));
            const qreal r = barHeight / 2 + 2;
            painter.setPen(QPen(palette().color(QPalette::Window), 1.5));
            painter.setBrush(red);
            painter.drawEllipse(QPointF(xt, centre), r, r);
            QFont bold = font();
            bold.setBold(true);
            bold.setPixelSize(int(r * 1.6));
            painter.setFont(bold);
            painter.setPen(contrastingTextColor(red));
            painter.drawText(QRectF(xt - r, centre - r, 2 * r, 2 * r), Qt::AlignCenter, QStringLiteral("!"));
        } else {
            const QColor solid = palette().color(QPalette::Highlight);
            QColor light = solid;
            light.setAlphaF(isDarkPalette(palette()) ? 0.45f : 0.3f);
            painter.setBrush(light);
            painter.drawRoundedRect(bar, 3, 3);
            if (xRef > xs) {
                painter.setClipRect(QRectF(xs, top, xRef - xs, barHeight), Qt::IntersectClip);
                painter.setBrush(solid);
                painter.drawRoundedRect(bar, 3, 3);
            }
        }
    } else {
        // Only part of the story is known: a dashed outline from what is known to the reference.
        qreal from = track.left(), to = track.right();
        if (valid(slot.startedAt)) {
            from = xForTime(slot.startedAt.time.msecsSinceEpoch);
            to = xRef;
        } else if (valid(slot.timeoutAt)) {
            from = qMin(xRef, xForTime(slot.timeoutAt.time.msecsSinceEpoch));
            to = qMax(xRef, xForTime(slot.timeoutAt.time.msecsSinceEpoch));
        }
        painter.setPen(
            QPen(overdue ? red : healthColor(models::HealthLevel::Unknown, palette()), 1.5, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(
            QRectF(from, top, qMax<qreal>(3, to - from), barHeight).adjusted(0.75, 0.75, -0.75, -0.75), 3, 3);
    }
    painter.restore();
}

} // namespace hwi::views
