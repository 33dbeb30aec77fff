#include "workertableview.h"

#include "benchevents.h"
#include "itemmodels/workertablemodel.h"
#include "palette.h"

#include <QHeaderView>
#include <QPainter>

#include <algorithm>

namespace hwi::views {

using models::WorkerTableModel;
using RowState = WorkerTableModel::RowState;

WorkerTableView::WorkerTableView(QWidget* parent)
    : QTableView(parent) {
    m_fade.setStartValue(1.0);
    m_fade.setEndValue(0.0);
    m_fade.setDuration(FadeMsecs);
    m_fade.setEasingCurve(QEasingCurve::InQuad);
    connect(&m_fade, &QVariantAnimation::valueChanged, viewport(), qOverload<>(&QWidget::update));
}

std::vector<std::size_t> WorkerTableView::selectedWorkerIndexes() const {
    QModelIndexList rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    std::vector<std::size_t> indexes;
    indexes.reserve(std::size_t(rows.size()));
    for (const QModelIndex& row : rows) {
        const int worker = row.data(WorkerTableModel::WorkerIndexRole).toInt();
        if (worker >= 0)
            indexes.push_back(std::size_t(worker));
    }
    return indexes;
}

std::vector<std::size_t> WorkerTableView::shownWorkerIndexes() const {
    std::vector<std::size_t> indexes;
    if (!model())
        return indexes;
    indexes.reserve(std::size_t(model()->rowCount()));
    for (int row = 0; row < model()->rowCount(); ++row) {
        const int worker = model()->index(row, 0).data(WorkerTableModel::WorkerIndexRole).toInt();
        if (worker >= 0)
            indexes.push_back(std::size_t(worker));
    }
    return indexes;
}

int WorkerTableView::currentWorkerIndex() const {
    const QModelIndex current = currentIndex();
    const QVariant worker = current.isValid() ? current.data(WorkerTableModel::WorkerIndexRole) : QVariant();
    return worker.isValid() ? worker.toInt() : -1;
}

void WorkerTableView::flashChanges() {
    m_fade.stop();
    m_fade.start();
    viewport()->update();
}

void WorkerTableView::paintEvent(QPaintEvent* event) {
    QTableView::paintEvent(event);
    QPainter painter(viewport());
    paintMarks(painter);
    if (model() && model()->rowCount() > 0)
        benchevents::mark("first-rows"); // for scripts/bench window only (HWI_BENCH_EVENTS)
}

void WorkerTableView::paintMarks(QPainter& painter) {
    if (!model() || model()->rowCount() == 0)
        return;
    const int firstRow = qMax(0, rowAt(0));
    int lastRow = rowAt(viewport()->height() - 1);
    if (lastRow < 0)
        lastRow = model()->rowCount() - 1;
    const double flash = isFlashing() ? m_fade.currentValue().toDouble() : 0.0;
    QColor highlight = palette().color(QPalette::Highlight);
    highlight.setAlphaF(float(0.45 * flash));
    QColor wash = palette().color(QPalette::Base);
    wash.setAlphaF(0.55f);
    const QColor appeared = healthColor(models::HealthLevel::Good, palette());
    const QColor gone = palette().color(QPalette::PlaceholderText);

    for (int row = firstRow; row <= lastRow; ++row) {
        if (isRowHidden(row))
            continue;
        const QModelIndex first = model()->index(row, 0);
        const auto state = RowState(first.data(WorkerTableModel::RowStateRole).toInt());
        const int top = rowViewportPosition(row);
        const QRect rowRect(0, top, viewport()->width(), rowHeight(row));
        if (state == RowState::Gone) {
            painter.fillRect(rowRect, wash);
            painter.setPen(QPen(gone, 1));
            painter.drawLine(rowRect.left(), rowRect.center().y(), rowRect.right(), rowRect.center().y());
            painter.fillRect(QRect(rowRect.left(), top, 3, rowRect.height()), gone);
        } else if (state == RowState::Appeared) {
            painter.fillRect(QRect(rowRect.left(), top, 3, rowRect.height()), appeared);
        }
        if (flash <= 0.0 || state != RowState::Changed)
            continue;
        for (int column = 0; column < model()->columnCount(); ++column) {
            if (isColumnHidden(column))
                continue;
            const QModelIndex cell = model()->index(row, column);
            if (cell.data(WorkerTableModel::ChangedRole).toBool())
                painter.fillRect(visualRect(cell), highlight);
        }
    }
}

} // namespace hwi::views
