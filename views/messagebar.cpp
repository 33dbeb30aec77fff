#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace hwi::views {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel(this)) {
    setAccessibleName(tr("Error message"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    const bool dark = tinted.color(QPalette::Window).lightness() < 128;
    tinted.setColor(QPalette::Window, dark ? QColor(0x5c, 0x1f, 0x1f) : QColor(0xfd, 0xe4, 0xe4));
    tinted.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe0, 0xe0) : QColor(0x7a, 0x10, 0x10));
    setPalette(tinted);
    m_text->setTextFormat(Qt::PlainText); // messages name sources and quote data: never markup
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setAccessibleName(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void MessageBar::showError(const QString& text) {
    m_text->setText(text);
    show();
}

QString MessageBar::text() const {
    return m_text->text();
}

} // namespace hwi::views
