#pragma once

#include <QObject>
#include <QString>

#include <optional>

class QAction;
class QMenu;

namespace hwi::views {

class MainWindow;

// File > Export: workers (selected, filtered, all) as faithful JSON, pretty or compact; the current detail
// table as JSON or CSV; the selected raw node as JSON. Each action asks for a path (the dialog confirms
// overwriting) and calls the matching export…() below, which the tests call directly. The last folder and
// the compact choice are kept in QSettings ("export/folder", "export/compact").
class ExportActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportActions)

public:
    enum class Workers { Selected, Filtered, All };
    enum class TableFormat { Json, Csv };

    // Adds an Export submenu to fileMenu.
    ExportActions(MainWindow* window, QMenu* fileMenu);

    bool compact() const;
    void setCompact(bool compact);

    // Write atomically; on success show "Exported …" in the status bar and return nullopt, else return the
    // message (naming the path) without showing it.
    std::optional<QString> exportWorkers(Workers which, const QString& path);
    std::optional<QString> exportTable(TableFormat format, const QString& path);
    std::optional<QString> exportRawNode(const QString& path);

    QMenu* menu() const { return m_menu; }

private:
    void updateEnabled();
    void exportWorkersDialog(Workers which);
    void exportTableDialog();
    void exportRawNodeDialog();
    // The save dialog in the remembered folder; empty when cancelled. selectedFilter in/out.
    QString askPath(const QString& title, const QString& fileName, const QString& filters,
                    QString* selectedFilter = nullptr);
    void report(const std::optional<QString>& error);

    MainWindow* m_window;
    QMenu* m_menu;
    QAction* m_selected;
    QAction* m_filtered;
    QAction* m_all;
    QAction* m_compact;
    QAction* m_table;
    QAction* m_rawNode;
};

} // namespace hwi::views
