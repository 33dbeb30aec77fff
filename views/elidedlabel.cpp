#include "elidedlabel.h"
#include "plaintooltips.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QPainter>
#include <QStyle>

namespace hwi::views {

ElidedLabel::ElidedLabel(QWidget* parent)
    : QLabel(parent) {
    QLabel::setTextFormat(Qt::PlainText); // text from the data is never markup
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    auto* copy = new QAction(tr("&Copy"), this);
    connect(copy, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(text()); });
    addAction(copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void ElidedLabel::setText(const QString& text) {
    QLabel::setText(text);
    setToolTip(text.isEmpty() ? QString() : plainToolTip(text));
    updateGeometry();
    update();
}

void ElidedLabel::setElideMode(Qt::TextElideMode mode) {
    m_elideMode = mode;
    update();
}

QString ElidedLabel::shownText() const {
    const int width = contentsRect().width() - 2 * margin();
    QString line = text();
    line.replace(QLatin1Char('\n'), QLatin1Char(' ')); // one line, always
    return fontMetrics().elidedText(line, m_elideMode, qMax(0, width));
}

QSize ElidedLabel::sizeHint() const {
    const QFontMetrics fm = fontMetrics();
    const int textWidth = qMin(fm.horizontalAdvance(text()), 40 * fm.averageCharWidth());
    const QMargins margins = contentsMargins();
    return {textWidth + 2 * margin() + margins.left() + margins.right(),
            fm.height() + 2 * margin() + margins.top() + margins.bottom()};
}

QSize ElidedLabel::minimumSizeHint() const {
    const QFontMetrics fm = fontMetrics();
    const QMargins margins = contentsMargins();
    return {
        qMin(sizeHint().width(), 4 * fm.averageCharWidth() + 2 * margin() + margins.left() + margins.right()),
        sizeHint().height()};
}

void ElidedLabel::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    drawFrame(&painter);
    const QRect area = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    style()->drawItemText(&painter, area, int(QStyle::visualAlignment(layoutDirection(), alignment())),
                          palette(), isEnabled(), shownText(), foregroundRole());
}

} // namespace hwi::views
