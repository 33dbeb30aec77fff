#include "workertableactions.h"

#include "export/jsonwriter.h"
#include "session/session.h"
#include "workertableview.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QTableView>

namespace hwi::views {

WorkerTableActions::WorkerTableActions(const session::Session* session, WorkerTableView* table)
    : QObject(table)
    , m_session(session)
    , m_table(table)
    , m_menu(new QMenu(table)) {
    m_menu->addAction(tr("Copy Worker &ID"), this, [this] { copy(Copy::Id); });
    m_menu->addAction(tr("Copy &Name"), this, [this] { copy(Copy::Name); });
    m_menu->addAction(tr("Copy Row as &JSON"), this, [this] { copy(Copy::RowJson); });
    m_menu->addSeparator();
    QAction* copyIds =
        m_menu->addAction(tr("Copy Selected Worker IDs"), this, [this] { copy(Copy::SelectedIds); });
    copyIds->setShortcut(QKeySequence::Copy); // shown in the menu; eventFilter() handles the key
    table->installEventFilter(this);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, &WorkerTableActions::showMenu);
}

QString WorkerTableActions::copyText(Copy what) const {
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return {};
    if (what == Copy::SelectedIds) {
        QStringList ids;
        for (std::size_t index : m_table->selectedWorkerIndexes()) {
            if (const auto worker = snapshot->findWorker(qint64(index)))
                ids << worker->id();
        }
        return ids.join(QLatin1Char('\n'));
    }
    const auto found = snapshot->findWorker(m_table->currentWorkerIndex());
    if (!found)
        return {};
    const hatchet::WorkerView& worker = *found;
    switch (what) {
    case Copy::Id:
        return worker.id();
    case Copy::Name:
        return worker.displayName();
    case Copy::RowJson:
        return QString::fromUtf8(
            exporting::toJson(*snapshot->document, worker.node(), exporting::Style::Compact));
    case Copy::SelectedIds:
        break;
    }
    return {};
}

void WorkerTableActions::copy(Copy what) const {
    const QString text = copyText(what);
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

bool WorkerTableActions::eventFilter(QObject* watched, QEvent* event) {
    // Ctrl+C: the selected workers' ids (the view itself would copy the current cell's text).
    if (watched == m_table && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copy(Copy::SelectedIds);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void WorkerTableActions::showMenu(const QPoint& pos) {
    WorkerTableView* table = m_table;
    const QModelIndex index = table->indexAt(pos);
    if (!index.isValid())
        return;
    if (table->selectionModel()->isRowSelected(index.row(), {}))
        table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate); // keep the selection
    else
        table->selectRow(index.row());
    m_menu->popup(table->viewport()->mapToGlobal(pos));
}

} // namespace hwi::views
