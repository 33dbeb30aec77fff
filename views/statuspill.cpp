#include "statuspill.h"
#include "palette.h"
#include "plaintooltips.h"

#include "hatchet/health.h"

#include <QEvent>
#include <QPainter>

namespace hwi::views {

namespace {

// A status a newer server invents may be long: the pill never grows past this many average characters.
constexpr int MaxTextChars = 16;

int maxTextWidth(const QFontMetrics& fm) {
    return MaxTextChars * fm.averageCharWidth();
}

} // namespace

StatusPill::StatusPill(QWidget* parent)
    : StatusPill(QString(), models::HealthLevel::Unknown, parent) {}

StatusPill::StatusPill(const QString& status, models::HealthLevel level, QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setStatus(status, level);
}

StatusPill::StatusPill(const QString& status, QWidget* parent)
    : StatusPill(status, hatchet::statusHealth(status), parent) {}

void StatusPill::setStatus(const QString& status) {
    setStatus(status, hatchet::statusHealth(status));
}

void StatusPill::setStatus(const QString& status, models::HealthLevel level) {
    m_status = status;
    m_level = level;
    setAccessibleName(tr("Status: %1").arg(shownText()));
    const QFontMetrics fm(pillFont(font()));
    setToolTip(fm.horizontalAdvance(shownText()) > maxTextWidth(fm) ? plainToolTip(shownText()) : QString());
    updateGeometry();
    update();
}

QString StatusPill::shownText() const {
    return m_status.isEmpty() ? tr("no status") : m_status;
}

QSize StatusPill::sizeHint() const {
    const QFontMetrics fm(pillFont(font()));
    const int height = fm.height() + 6;
    return {qMin(fm.horizontalAdvance(shownText()), maxTextWidth(fm)) + 2 * fm.height(), height};
}

void StatusPill::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QFont font = pillFont(this->font());
    painter.setFont(font);
    const QSize hint = sizeHint();
    // Never stretched: a fixed-size pill at the left, vertically centred in whatever space we got.
    const QRect pill(0, (height() - hint.height()) / 2, qMin(hint.width(), width()),
                     qMin(hint.height(), height()));
    const QString text =
        QFontMetrics(font).elidedText(shownText(), Qt::ElideRight, maxTextWidth(QFontMetrics(font)));
    drawPill(painter, pill, text, healthColor(m_level, palette()));
}

void StatusPill::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace hwi::views
