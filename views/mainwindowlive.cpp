// MainWindow's live source and snapshots, apart from its document logic: connecting to a Hatchet server
// (and the plain-http confirmation), auto refresh, Open URL, Save Snapshot, the selected worker's
// registered workflows fetched on their own, and the "last updated" status.
#include "mainwindow.h"

#include "connectdialog.h"
#include "export/atomicwrite.h"
#include "itemmodels/workertablemodel.h"
#include "live/httperrors.h"
#include "messagebar.h"
#include "workertableview.h"

#include <QActionGroup>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>

namespace hwi::views {

using models::WorkerTableModel;

void MainWindow::connectToServer(const live::Connection& connection) {
    m_connection = connection;
    openLive(live::LiveRequest::tenantList(connection), live::displayUrl(connection.tenantListUrl()));
}

void MainWindow::openLive(live::LiveRequest request, const QString& source) {
    if (!live::insecureProblem(request.url, request.token, request.allowInsecure).isEmpty()) {
        const QString host = request.url.host();
        const bool confirmed =
            m_confirmInsecure
                ? m_confirmInsecure(host)
                : QMessageBox::warning(this, tr("Send the Token Unencrypted?"),
                                       tr("%1 is reached over plain http: the API token would "
                                          "cross the network unencrypted, readable by anyone on "
                                          "the way.\n\nSend it anyway?")
                                           .arg(host),
                                       QMessageBox::Yes | QMessageBox::No,
                                       QMessageBox::No) == QMessageBox::Yes;
        if (!confirmed) {
            m_messageBar->showError(tr("%1: not connected: the token is not sent over plain http without "
                                       "your confirmation")
                                        .arg(live::displayUrl(request.url)));
            return;
        }
        request.allowInsecure = true;
    }
    const auto target = live::classifyUrl(request.url);
    live::Connection connection = m_connection;
    connection.serverUrl = target ? target->serverUrl : request.url;
    connection.tenant = target ? target->tenant : QString();
    connection.token = request.token;
    connection.timeoutMs = request.timeoutMs;
    connection.allowInsecure = request.allowInsecure;
    m_liveConnection = connection;
    m_liveRequest = std::move(request);
    m_source = source;
    m_reloadAction->setEnabled(true);
    reload();
}

void MainWindow::setAutoRefreshInterval(int intervalMs) {
    for (QAction* action : m_refreshGroup->actions())
        action->setChecked(action->data().toInt() == intervalMs);
    if (intervalMs > 0)
        m_refreshTimer.start(intervalMs);
    else
        m_refreshTimer.stop();
}

int MainWindow::autoRefreshInterval() const {
    return m_refreshTimer.isActive() ? m_refreshTimer.interval() : 0;
}

void MainWindow::openUrlDialog() {
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Open URL"),
                                              tr("A worker JSON URL, or a Hatchet API URL "
                                                 "(…/api/v1/tenants/TENANT/worker or …/api/v1/workers/ID):"),
                                              QLineEdit::Normal, QString(), &ok);
    if (ok && !url.trimmed().isEmpty())
        open(url.trimmed());
}

void MainWindow::connectDialog() {
    ConnectDialog dialog(m_connection, this);
    if (dialog.exec() == QDialog::Accepted)
        connectToServer(dialog.connection());
}

void MainWindow::saveSnapshotDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Snapshot"), tr("workers.json"),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const auto error = saveSnapshot(path))
        m_messageBar->showError(*error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

std::optional<QString> MainWindow::saveSnapshot(const QString& path) const {
    if (!m_snapshot)
        return tr("Nothing to save: no document is loaded");
    const QByteArray& bytes = m_snapshot->document->source();
    return exporting::writeAtomically(
        path, [&bytes](QIODevice& device) { return device.write(bytes) == bytes.size(); });
}

void MainWindow::fetchSelectedWorker() {
    m_fetchingWorker.clear();
    if (!m_liveRequest || !m_liveConnection || m_liveRequest->kind != live::ApiTarget::Kind::TenantList)
        return;
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_snapshot)
        return;
    const auto worker =
        m_snapshot->worker(std::size_t(current.data(WorkerTableModel::WorkerIndexRole).toInt()));
    if (worker.field("registeredWorkflows") != json::NoNode || worker.id().isEmpty())
        return; // the list already says
    const live::LiveRequest request = live::LiveRequest::worker(*m_liveConnection, worker.id());
    m_fetchingWorker = request.url;
    m_loader.fetchWorker(request);
}

void MainWindow::updateLiveStatus() {
    if (!m_lastUpdated.isValid()) {
        m_updatedLabel->clear();
        return;
    }
    const QString time = QLocale::c().toString(m_lastUpdated.toLocalTime(), QStringLiteral("HH:mm:ss"));
    m_updatedLabel->setText(m_stale ? tr("Stale: last updated %1 (refresh failed)").arg(time)
                                    : tr("Last updated %1").arg(time));
    m_updatedLabel->setStyleSheet(m_stale ? QStringLiteral("color: #c0392b; font-weight: bold") : QString());
}

} // namespace hwi::views
