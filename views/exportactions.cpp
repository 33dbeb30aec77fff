#include "exportactions.h"

#include "export/atomicwrite.h"
#include "export/tableexport.h"
#include "export/workerexport.h"
#include "export/workertablecsv.h"
#include "rawjsonview.h"
#include "redactdialog.h"
#include "session/session.h"
#include "workertableview.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>

namespace hwi::views {

namespace {

const QString FolderKey = QStringLiteral("export/folder");
const QString CompactKey = QStringLiteral("export/compact");
const QString TableFormatKey = QStringLiteral("export/tableFormat");

} // namespace

ExportActions::ExportActions(ExportSources sources, QWidget* parent, QMenu* fileMenu)
    : QObject(parent)
    , m_sources(std::move(sources))
    , m_parent(parent)
    , m_menu(nullptr) {
    m_snapshotRedacted = fileMenu->addAction(tr("Save Snapshot &Redacted…"), this,
                                             [this] { exportRedactedDialog(Workers::All); });
    m_snapshotRedacted->setToolTip(
        tr("Save every worker with ids, URLs and host details replaced, to share"));
    m_menu = fileMenu->addMenu(tr("&Export"));
    m_selected =
        m_menu->addAction(tr("&Selected Workers…"), this, [this] { exportWorkersDialog(Workers::Selected); });
    m_filtered =
        m_menu->addAction(tr("&Filtered Workers…"), this, [this] { exportWorkersDialog(Workers::Filtered); });
    m_all = m_menu->addAction(tr("&All Workers…"), this, [this] { exportWorkersDialog(Workers::All); });
    m_compact = m_menu->addAction(tr("&Compact JSON"));
    m_compact->setCheckable(true);
    m_compact->setChecked(QSettings().value(CompactKey, false).toBool());
    m_compact->setToolTip(tr("Write JSON without whitespace instead of indenting by two spaces"));
    connect(m_compact, &QAction::toggled, this, [](bool on) { QSettings().setValue(CompactKey, on); });
    m_redacted =
        m_menu->addAction(tr("&Redacted…"), this, [this] { exportRedactedDialog(Workers::Filtered); });
    m_redacted->setToolTip(tr("Export the shown workers with ids, URLs and host details replaced, to share"));
    m_menu->addSeparator();
    m_workerCsv = m_menu->addAction(tr("&Workers as CSV…"), this, &ExportActions::exportWorkerTableCsvDialog);
    m_workerCsv->setToolTip(tr("The worker table as shown: filtered, sorted, the visible columns"));
    m_table = m_menu->addAction(tr("Current &Table…"), this, &ExportActions::exportTableDialog);
    m_rawNode = m_menu->addAction(tr("Selected &Raw Node…"), this, &ExportActions::exportRawNodeDialog);
    connect(m_menu, &QMenu::aboutToShow, this, &ExportActions::updateEnabled);
    connect(fileMenu, &QMenu::aboutToShow, this, &ExportActions::updateEnabled);
}

bool ExportActions::compact() const {
    return m_compact->isChecked();
}

void ExportActions::setCompact(bool compact) {
    m_compact->setChecked(compact);
}

void ExportActions::updateEnabled() {
    const bool loaded = m_sources.session->snapshot() != nullptr;
    m_selected->setEnabled(loaded && !m_sources.workers->selectedWorkerIndexes().empty());
    m_filtered->setEnabled(loaded);
    m_all->setEnabled(loaded);
    m_redacted->setEnabled(loaded);
    m_snapshotRedacted->setEnabled(loaded);
    m_workerCsv->setEnabled(loaded);
    const bool table = m_sources.currentTable() != nullptr;
    m_table->setEnabled(table);
    const QString tableName = table && m_sources.currentTableName ? m_sources.currentTableName() : QString();
    m_table->setText(tableName.isEmpty() ? tr("Current &Table…") : tr("%1 &Table…").arg(tableName));
    const RawJsonView* raw = m_sources.rawView();
    m_rawNode->setEnabled(raw && raw->currentNode() != json::NoNode);
}

std::optional<QString> ExportActions::exportWorkers(Workers which, const QString& path) {
    return writeWorkers(which, nullptr, path);
}

std::optional<QString> ExportActions::exportRedacted(Workers which, const analysis::RedactOptions& options,
                                                     const QString& path) {
    return writeWorkers(which, &options, path);
}

std::optional<QString> ExportActions::writeWorkers(Workers which, const analysis::RedactOptions* redact,
                                                   const QString& path) {
    const auto snapshot = m_sources.session->snapshot();
    if (!snapshot)
        return tr("Cannot write %1: no document is loaded").arg(path);
    std::vector<std::size_t> indexes;
    switch (which) {
    case Workers::Selected:
        indexes = m_sources.workers->selectedWorkerIndexes();
        break;
    case Workers::Filtered:
        indexes = m_sources.workers->shownWorkerIndexes();
        break;
    case Workers::All:
        for (std::size_t i = 0; i < snapshot->workers.size(); ++i)
            indexes.push_back(i);
        break;
    }
    const auto style = compact() ? exporting::Style::Compact : exporting::Style::Pretty;
    const auto replacements =
        redact ? analysis::redact(*snapshot, indexes, *redact) : exporting::ScalarReplacements();
    if (auto error = exporting::writeAtomically(path, [&](QIODevice& device) {
            return exporting::writeWorkers(device, *snapshot, indexes, style,
                                           redact ? &replacements : nullptr);
        }))
        return error;
    const auto count = indexes.size();
    if (redact)
        Q_EMIT exported(count == 1 ? tr("Exported 1 worker, redacted, to %1").arg(path)
                                   : tr("Exported %1 workers, redacted, to %2").arg(count).arg(path));
    else
        Q_EMIT exported(count == 1 ? tr("Exported 1 worker to %1").arg(path)
                                   : tr("Exported %1 workers to %2").arg(count).arg(path));
    return std::nullopt;
}

std::optional<QString> ExportActions::exportWorkerTableCsv(const QString& path) {
    const auto snapshot = m_sources.session->snapshot();
    const QAbstractItemModel* rows = m_sources.workers->model();
    if (!snapshot || !rows)
        return tr("Cannot write %1: no document is loaded").arg(path);
    // The visible columns in the order the user arranged them.
    const QHeaderView* header = m_sources.workers->horizontalHeader();
    std::vector<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.push_back(logical);
    }
    int count = 0;
    const QByteArray csv = exporting::workerTableToCsv(*snapshot, *rows, columns, &count);
    if (auto error = exporting::writeAtomically(path, [&](QIODevice& device) {
            return exporting::writeAll(device, csv.constData(), csv.size());
        }))
        return error;
    Q_EMIT exported(count == 1 ? tr("Exported 1 worker to %1").arg(path)
                               : tr("Exported %1 workers to %2").arg(count).arg(path));
    return std::nullopt;
}

std::optional<QString> ExportActions::exportTable(TableFormat format, const QString& path) {
    const QTableView* table = m_sources.currentTable();
    if (!table || !table->model())
        return tr("Cannot write %1: no detail table is shown").arg(path);
    const QAbstractItemModel& model = *table->model();
    const auto style = compact() ? exporting::Style::Compact : exporting::Style::Pretty;
    if (auto error = exporting::writeAtomically(path, [&](QIODevice& device) {
            return format == TableFormat::Csv ? exporting::writeTableCsv(device, model)
                                              : exporting::writeTableJson(device, model, style);
        }))
        return error;
    const int rows = model.rowCount();
    Q_EMIT exported(rows == 1 ? tr("Exported 1 row to %1").arg(path)
                              : tr("Exported %1 rows to %2").arg(rows).arg(path));
    return std::nullopt;
}

std::optional<QString> ExportActions::exportRawNode(const QString& path) {
    const RawJsonView* raw = m_sources.rawView();
    const json::NodeId node = raw ? raw->currentNode() : json::NoNode;
    if (node == json::NoNode || !raw->document())
        return tr("Cannot write %1: no raw JSON node is selected").arg(path);
    const auto document = raw->document();
    const auto style = compact() ? exporting::Style::Compact : exporting::Style::Pretty;
    if (auto error = exporting::writeAtomically(
            path, [&](QIODevice& device) { return exporting::writeJson(device, *document, node, style); }))
        return error;
    const QString pointer = document->pointer(node);
    Q_EMIT exported(tr("Exported %1 to %2").arg(pointer.isEmpty() ? tr("the root") : pointer, path));
    return std::nullopt;
}

QString ExportActions::askPath(const QString& title, const QString& fileName, const QString& filters,
                               QString* selectedFilter) {
    QSettings settings;
    const QString folder = settings.value(FolderKey, QDir::homePath()).toString();
    QString path = QFileDialog::getSaveFileName(m_parent, title, QDir(folder).filePath(fileName), filters,
                                                selectedFilter);
    if (!path.isEmpty())
        settings.setValue(FolderKey, QFileInfo(path).absolutePath());
    return path;
}

void ExportActions::report(const std::optional<QString>& error) {
    if (error) {
        QMessageBox box(QMessageBox::Warning, tr("Export failed"), *error, QMessageBox::Ok, m_parent);
        box.setTextFormat(Qt::PlainText); // the message quotes a path, which may look like markup
        box.exec();
    }
}

void ExportActions::exportWorkersDialog(Workers which) {
    const QString title = which == Workers::Selected   ? tr("Export Selected Workers")
                          : which == Workers::Filtered ? tr("Export Filtered Workers")
                                                       : tr("Export All Workers");
    const QString path =
        askPath(title, QStringLiteral("workers.json"), tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        report(exportWorkers(which, path));
}

void ExportActions::exportRedactedDialog(Workers which) {
    const QString title = which == Workers::All ? tr("Save Snapshot Redacted") : tr("Export Redacted");
    RedactDialog choices(title, m_parent);
    if (choices.exec() != QDialog::Accepted)
        return;
    const QString path =
        askPath(title, QStringLiteral("workers-redacted.json"), tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        report(exportRedacted(which, choices.options(), path));
}

void ExportActions::exportWorkerTableCsvDialog() {
    const QString path =
        askPath(tr("Export Workers as CSV"), QStringLiteral("workers.csv"), tr("CSV (*.csv);;All files (*)"));
    if (!path.isEmpty())
        report(exportWorkerTableCsv(path));
}

void ExportActions::exportTableDialog() {
    const QString json = tr("JSON (*.json)");
    const QString csv = tr("CSV (*.csv)");
    QSettings settings;
    QString filter = settings.value(TableFormatKey).toString() == QStringLiteral("csv") ? csv : json;
    const QString name = m_sources.currentTableName ? m_sources.currentTableName() : QString();
    const QString path =
        askPath(name.isEmpty() ? tr("Export Current Table") : tr("Export %1 Table").arg(name),
                filter == csv ? QStringLiteral("table.csv") : QStringLiteral("table.json"),
                json + QStringLiteral(";;") + csv, &filter);
    if (path.isEmpty())
        return;
    const bool isCsv = path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive) ||
                       (filter == csv && !path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive));
    settings.setValue(TableFormatKey, isCsv ? QStringLiteral("csv") : QStringLiteral("json"));
    report(exportTable(isCsv ? TableFormat::Csv : TableFormat::Json, path));
}

void ExportActions::exportRawNodeDialog() {
    const QString path = askPath(tr("Export Selected Raw Node"), QStringLiteral("node.json"),
                                 tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        report(exportRawNode(path));
}

} // namespace hwi::views
