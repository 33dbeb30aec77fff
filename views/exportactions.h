#pragma once

#include "analysis/redact.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QTableView;

namespace hwi::session {
class Session;
}

namespace hwi::views {

class RawJsonView;
class WorkerTableView;

// What File > Export reads: the session's snapshot, the worker table's selected and shown rows, the detail
// table on screen and the raw view in use.
struct ExportSources {
    const session::Session* session = nullptr;
    const WorkerTableView* workers = nullptr;
    std::function<const QTableView*()> currentTable; // null on a tab without a table
    std::function<QString()> currentTableName;       // its name as the user knows it: "Slots", "Fleet"
    std::function<const RawJsonView*()> rawView;
};

// File > Export: workers (selected, filtered, all) as faithful JSON, pretty or compact; the shown workers
// redacted (File > Save Snapshot Redacted…: all of them), after RedactDialog; the worker table as CSV (as
// shown: filtered, sorted, the visible columns in view order, machine values); the current detail table,
// named by its tab ("Slots Table…"), as JSON or CSV; the selected raw node as JSON. Each action asks for a
// path (the dialog confirms overwriting) and calls the matching export…() below, which the tests call
// directly. The last folder and the compact choice are kept in QSettings ("export/folder", "export/compact").
// Dialogs open on `parent`.
class ExportActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportActions)

public:
    enum class Workers { Selected, Filtered, All };
    enum class TableFormat { Json, Csv };

    // Adds an Export submenu to fileMenu.
    ExportActions(ExportSources sources, QWidget* parent, QMenu* fileMenu);

    bool compact() const;
    void setCompact(bool compact);

    // Write atomically; on success emit exported("Exported …") and return nullopt, else return the message
    // (naming the path) without showing it.
    std::optional<QString> exportWorkers(Workers which, const QString& path);
    // The shown workers (Filtered) or every worker (All, the redacted snapshot), redacted.
    std::optional<QString> exportRedacted(Workers which, const analysis::RedactOptions& options,
                                          const QString& path);
    std::optional<QString> exportWorkerTableCsv(const QString& path);
    std::optional<QString> exportTable(TableFormat format, const QString& path);
    std::optional<QString> exportRawNode(const QString& path);

    QMenu* menu() const { return m_menu; }

Q_SIGNALS:
    void exported(const QString& message);

private:
    void updateEnabled();
    // exportWorkers(), redacted when redact is given.
    std::optional<QString> writeWorkers(Workers which, const analysis::RedactOptions* redact,
                                        const QString& path);
    void exportWorkersDialog(Workers which);
    void exportRedactedDialog(Workers which);
    void exportWorkerTableCsvDialog();
    void exportTableDialog();
    void exportRawNodeDialog();
    // The save dialog in the remembered folder; empty when cancelled. selectedFilter in/out.
    QString askPath(const QString& title, const QString& fileName, const QString& filters,
                    QString* selectedFilter = nullptr);
    void report(const std::optional<QString>& error);

    ExportSources m_sources;
    QWidget* m_parent;
    QMenu* m_menu;
    QAction* m_selected;
    QAction* m_filtered;
    QAction* m_all;
    QAction* m_compact;
    QAction* m_redacted;
    QAction* m_snapshotRedacted;
    QAction* m_workerCsv;
    QAction* m_table;
    QAction* m_rawNode;
};

} // namespace hwi::views
