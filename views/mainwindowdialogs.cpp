// MainWindow's dialogs: File > Open, Open URL, Connect to Hatchet, Save Snapshot, and the question before
// a token goes over plain http.
#include "mainwindow.h"

#include "connectdialog.h"
#include "messagebar.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>

namespace hwi::views {

void MainWindow::openDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Worker JSON"), QString(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        open(path);
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
    ConnectDialog dialog(m_session->connection(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_session->connectToServer(dialog.connection());
}

bool MainWindow::confirmInsecure(const QString& host) {
    const QString text = tr("%1 is reached over plain http: the API token would cross the network "
                            "unencrypted, readable by anyone on the way.\n\nSend it anyway?")
                             .arg(host);
    QMessageBox box(QMessageBox::Warning, tr("Send the Token Unencrypted?"), text,
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setTextFormat(Qt::PlainText); // the host comes from a URL someone typed or shared
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void MainWindow::saveSnapshotDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Snapshot"), tr("workers.json"),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const auto error = m_session->saveSnapshot(path))
        m_messageBar->showError(*error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

} // namespace hwi::views
