#include "workertableactions.h"

#include "export/jsonwriter.h"
#include "itemmodels/workertablemodel.h"
#include "mainwindow.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QTableView>

namespace hwi::views {

WorkerTableActions::WorkerTableActions(MainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_table(window->workerTable())
    , m_menu(new QMenu(window)) {
    QTableView* table = window->workerTable();
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
    const auto snapshot = m_window->snapshot();
    if (!snapshot)
        return {};
    if (what == Copy::SelectedIds) {
        QStringList ids;
        for (std::size_t index : m_window->selectedWorkerIndexes())
            ids << snapshot->worker(index).id();
        return ids.join(QLatin1Char('\n'));
    }
    const QModelIndex current = m_window->workerTable()->currentIndex();
    if (!current.isValid())
        return {};
    const auto index =
        static_cast<std::size_t>(current.data(models::WorkerTableModel::WorkerIndexRole).toInt());
    if (index >= snapshot->workers.size())
        return {};
    const hatchet::WorkerView worker = snapshot->worker(index);
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
    QTableView* table = m_window->workerTable();
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
