#include "historystrip.h"

#include "itemmodels/timeformat.h"
#include "palette.h"

#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QTimeZone>
#include <QToolTip>

namespace hwi::views {

// The marks themselves: painted, clicked and stepped through with the arrow keys.
class HistoryMarks final : public QWidget {
public:
    explicit HistoryMarks(HistoryStrip* strip)
        : QWidget(strip)
        , m_strip(strip) {
        setFocusPolicy(Qt::StrongFocus);
        setMinimumWidth(120);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setAccessibleName(HistoryStrip::tr("Captures"));
    }

    QSize sizeHint() const override { return {400, fontMetrics().height() + 8}; }

    QRect markRect(int entry) const {
        const int count = int(m_strip->m_captures.size());
        if (entry < 0 || entry >= count)
            return {};
        const qreal slot = qreal(width()) / count;
        const int markWidth = qBound(3, int(slot) - 2, 14);
        const int left = int(slot * entry + (slot - markWidth) / 2);
        return {left, 2, markWidth, height() - 4};
    }

    int entryAt(const QPoint& pos) const {
        const int count = int(m_strip->m_captures.size());
        if (count == 0 || width() <= 0)
            return -1;
        return qBound(0, int(qreal(pos.x()) * count / width()), count - 1);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QPalette& palette = this->palette();
        QColor line = palette.color(QPalette::WindowText);
        line.setAlphaF(0.3f);
        painter.setPen(QPen(line, 1));
        painter.drawLine(QPointF(0, height() / 2.0), QPointF(width(), height() / 2.0));
        QColor idle = palette.color(QPalette::WindowText);
        idle.setAlphaF(0.45f);
        const QColor compared = healthColor(models::HealthLevel::Warning, palette);
        for (int i = 0; i < m_strip->m_captures.size(); ++i) {
            QRectF mark = markRect(i);
            const bool shown = i == m_strip->m_shown;
            const bool older = i == m_strip->m_compared;
            if (!shown && !older)
                mark.adjust(0, mark.height() / 4, 0, -mark.height() / 4);
            painter.setPen(older ? QPen(compared, 2) : Qt::NoPen);
            painter.setBrush(shown ? palette.color(QPalette::Highlight) : older ? compared : idle);
            painter.drawRoundedRect(mark, 2, 2);
        }
        if (hasFocus() && m_strip->m_shown >= 0) {
            painter.setPen(QPen(palette.color(QPalette::Highlight), 1, Qt::DotLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(QRectF(markRect(m_strip->m_shown)).adjusted(-2, -1.5, 2, 1.5));
        }
    }

    void mousePressEvent(QMouseEvent* event) override {
        if (event->button() != Qt::LeftButton)
            return;
        const int entry = entryAt(event->position().toPoint());
        if (entry >= 0)
            m_strip->pick(entry, event->modifiers());
    }

    void keyPressEvent(QKeyEvent* event) override {
        const int count = int(m_strip->m_captures.size());
        const int shown = m_strip->m_shown;
        switch (event->key()) {
        case Qt::Key_Left:
            if (shown > 0)
                m_strip->pick(shown - 1, event->modifiers());
            return;
        case Qt::Key_Right:
            if (shown >= 0 && shown + 1 < count)
                m_strip->pick(shown + 1, event->modifiers());
            return;
        case Qt::Key_End:
            Q_EMIT m_strip->latestRequested();
            return;
        default:
            QWidget::keyPressEvent(event);
        }
    }

    bool event(QEvent* event) override {
        if (event->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(event);
            const int entry = entryAt(help->pos());
            if (entry >= 0)
                QToolTip::showText(help->globalPos(), m_strip->markToolTip(entry), this, markRect(entry));
            else
                QToolTip::hideText();
            return true;
        }
        return QWidget::event(event);
    }

    void focusInEvent(QFocusEvent* event) override {
        update();
        QWidget::focusInEvent(event);
    }
    void focusOutEvent(QFocusEvent* event) override {
        update();
        QWidget::focusOutEvent(event);
    }

private:
    HistoryStrip* m_strip;
};

HistoryStrip::HistoryStrip(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("History"), this))
    , m_marks(new HistoryMarks(this))
    , m_range(new QLabel(this))
    , m_latest(new QPushButton(tr("&Latest"), this)) {
    setAccessibleName(tr("History"));
    m_range->setTextFormat(Qt::PlainText);
    m_latest->setToolTip(tr("Show the newest capture and follow the refreshes again"));
    m_latest->setAccessibleDescription(m_latest->toolTip());
    m_title->setToolTip(tr("Each refresh of this source, oldest left. Click a capture to see the fleet as it "
                           "was; Ctrl+click or Shift+click another to compare the two."));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_title);
    layout->addWidget(m_marks, 1);
    layout->addWidget(m_range);
    layout->addWidget(m_latest);
    connect(m_latest, &QPushButton::clicked, this, &HistoryStrip::latestRequested);
    updateTexts();
}

void HistoryStrip::setCaptures(QList<Capture> captures) {
    m_captures = std::move(captures);
    if (m_shown >= m_captures.size())
        m_shown = -1;
    if (m_compared >= m_captures.size())
        m_compared = -1;
    updateTexts();
}

void HistoryStrip::setShown(int entry, bool followingLatest) {
    m_shown = entry;
    m_following = followingLatest;
    updateTexts();
}

void HistoryStrip::setCompared(int entry) {
    m_compared = entry;
    updateTexts();
}

QRect HistoryStrip::markRect(int entry) const {
    const QRect mark = m_marks->markRect(entry);
    return mark.isNull() ? mark : mark.translated(m_marks->pos());
}

namespace {

QString timeText(const QDateTime& time) {
    return time.isValid() ? models::instantText(time) : HistoryStrip::tr("time unknown");
}

} // namespace

QString HistoryStrip::markToolTip(int entry) const {
    if (entry < 0 || entry >= m_captures.size())
        return {};
    const Capture& capture = m_captures[entry];
    const QString workers = capture.workers == 1 ? tr("1 worker") : tr("%1 workers").arg(capture.workers);
    QString tip = tr("Capture %1 of %2: %3, %4")
                      .arg(entry + 1)
                      .arg(m_captures.size())
                      .arg(timeText(capture.time), workers);
    if (entry == m_shown)
        tip += tr("\nOn screen");
    else if (entry == m_compared)
        tip += tr("\nCompared with the capture on screen");
    else
        tip += tr("\nClick: show it · Ctrl+click: compare it with the capture on screen");
    return tip;
}

QString HistoryStrip::rangeText() const {
    if (m_captures.isEmpty())
        return {};
    const auto shortTime = [](const QDateTime& time) {
        return time.isValid() ? time.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("HH:mm:ss"))
                              : QStringLiteral("?");
    };
    const QString shown =
        m_shown >= 0 ? tr("showing %1").arg(shortTime(m_captures[m_shown].time)) : QString();
    return tr("%1 captures, %2 – %3 UTC")
               .arg(m_captures.size())
               .arg(shortTime(m_captures.constFirst().time), shortTime(m_captures.constLast().time)) +
           (shown.isEmpty() || m_following ? QString() : QStringLiteral(" · ") + shown);
}

void HistoryStrip::pick(int entry, Qt::KeyboardModifiers modifiers) {
    if (modifiers & (Qt::ControlModifier | Qt::ShiftModifier)) {
        if (m_shown >= 0 && entry != m_shown)
            Q_EMIT pairPicked(qMin(entry, m_shown), qMax(entry, m_shown));
        return;
    }
    Q_EMIT entryPicked(entry);
}

void HistoryStrip::updateTexts() {
    m_range->setText(rangeText());
    m_latest->setEnabled(!m_following);
    m_marks->update();
}

} // namespace hwi::views
