#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

class QHeaderView;
class QMainWindow;
class QMenu;
class QWidget;
class QSplitter;

namespace hwi::views {

// A window's layout in QSettings: geometry and tool bar state ("window/…"), splitter positions
// ("splitters/KEY") and, per table or tree, column widths, order, visibility and sorting ("columns/KEY").
// restore() once everything is registered; the layout is saved when the window closes (or by save()).
class WindowSettings final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowSettings)

public:
    explicit WindowSettings(QMainWindow* window);

    void addSplitter(const QString& key, QSplitter* splitter);
    void addHeader(const QString& key, QHeaderView* header);
    void restore();
    void save() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QMainWindow* m_window;
    std::vector<std::pair<QString, QPointer<QSplitter>>> m_splitters;
    std::vector<std::pair<QString, QPointer<QHeaderView>>> m_headers;
};

// A context menu on header listing every column, checkable to hide or show it (the last visible column
// cannot be hidden), and Show All Columns. columnsMenu() builds the menu the context menu shows.
void addColumnsMenu(QHeaderView& header);
QMenu* columnsMenu(QHeaderView& header, QWidget* parent);

} // namespace hwi::views
