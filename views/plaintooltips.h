#pragma once

#include <QObject>
#include <QString>

namespace hwi::views {

// Text from the data is never markup. Qt renders a tooltip as rich text when Qt::mightBeRichText() says
// so; these keep data tooltips plain.

// The text as a tooltip that shows it literally: unchanged unless it looks like rich text, else escaped.
QString plainToolTip(const QString& text);

// Shows the ToolTipRole of every item view's items as plain text, for every view and delegate of the
// application (item views show ToolTipRole through the delegate's helpEvent, which would render markup).
// Installed on the application once, when it starts (Q_COREAPP_STARTUP_FUNCTION), in every program that
// links the views; install() is idempotent.
class PlainToolTips final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlainToolTips)
public:
    static void install();

    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
};

} // namespace hwi::views
