#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QPoint;

namespace hwi::session {
class Session;
}

namespace hwi::views {

class WorkerTableView;

// The worker table's context menu (Copy Worker ID, Copy Name, Copy Row as JSON) and Ctrl+C, which copies
// the selected workers' ids, one per line, in table order.
class WorkerTableActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerTableActions)

public:
    enum class Copy { Id, Name, RowJson, SelectedIds };

    // The actions on `table`'s rows, reading the workers from the session's snapshot.
    WorkerTableActions(const session::Session* session, WorkerTableView* table);

    // What a copy puts on the clipboard: of the current worker, or (SelectedIds) of the selected ones.
    QString copyText(Copy what) const;
    void copy(Copy what) const;
    QMenu* menu() const { return m_menu; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showMenu(const QPoint& pos);

    const session::Session* m_session;
    WorkerTableView* m_table;
    QMenu* m_menu;
};

} // namespace hwi::views
