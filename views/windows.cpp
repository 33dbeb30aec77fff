#include "windows.h"

#include "mainwindow.h"

#include <QApplication>

#include <algorithm>

namespace hwi::views {

namespace {

constexpr int CascadeOffset = 32;

bool anotherWindowAt(const MainWindow& window) {
    const QWidgetList windows = QApplication::topLevelWidgets();
    return std::any_of(windows.begin(), windows.end(), [&window](const QWidget* other) {
        return other != &window && other->isVisible() && qobject_cast<const MainWindow*>(other) &&
               other->pos() == window.pos();
    });
}

} // namespace

QList<MainWindow*> otherWindowsWithDocuments(const MainWindow& window) {
    QList<MainWindow*> others;
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        auto* other = qobject_cast<MainWindow*>(widget);
        if (other && other != &window && other->snapshot())
            others << other;
    }
    return others;
}

MainWindow* openWindow(const QString& source) {
    auto* window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    for (int step = 0; step < 20 && anotherWindowAt(*window); ++step)
        window->move(window->pos() + QPoint(CascadeOffset, CascadeOffset));
    window->show();
    if (!source.isEmpty())
        window->open(source);
    return window;
}

} // namespace hwi::views
