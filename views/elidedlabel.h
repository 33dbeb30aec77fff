#pragma once

#include <QLabel>

namespace hwi::views {

// A one-line plain-text label for text from the data (worker names, webhook URLs): it elides to the width
// it is given instead of asking for the whole text's width, so a long text never widens the window. The full
// text is its tooltip (plain) and its accessible name's source (text()); "Copy" in its context menu copies
// it.
class ElidedLabel final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    void setText(const QString& text);
    Qt::TextElideMode elideMode() const { return m_elideMode; }
    void setElideMode(Qt::TextElideMode mode);
    // What is painted at the current width: text() on one line, elided if it does not fit.
    QString shownText() const;

    // The whole text's width up to about 40 characters; the minimum is a few characters.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Qt::TextElideMode m_elideMode = Qt::ElideMiddle;
};

} // namespace hwi::views
