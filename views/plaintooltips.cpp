#include "plaintooltips.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QHelpEvent>
#include <QPointer>
#include <QTextDocument>
#include <QToolTip>

namespace hwi::views {

QString plainToolTip(const QString& text) {
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) : text;
}

void PlainToolTips::install() {
    static QPointer<PlainToolTips> installed;
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || installed)
        return;
    installed = new PlainToolTips(app);
    app->installEventFilter(installed);
}

bool PlainToolTips::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ToolTip || !watched->isWidgetType())
        return false;
    auto* viewport = static_cast<QWidget*>(watched);
    auto* view = qobject_cast<QAbstractItemView*>(viewport->parentWidget());
    if (!view || view->viewport() != viewport)
        return false;
    const auto* help = static_cast<QHelpEvent*>(event);
    const QModelIndex index = view->indexAt(help->pos());
    const QString text = index.data(Qt::ToolTipRole).toString();
    if (!Qt::mightBeRichText(text))
        return false; // shown as plain text anyway: the delegate handles it as usual
    QToolTip::showText(help->globalPos(), plainToolTip(text), viewport, view->visualRect(index));
    return true;
}

} // namespace hwi::views

namespace {

void hwiInstallPlainToolTips() {
    hwi::views::PlainToolTips::install();
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(hwiInstallPlainToolTips)
