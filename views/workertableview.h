#pragma once

#include <QTableView>
#include <QVariantAnimation>

#include <vector>

namespace hwi::views {

// The worker table. After a refresh (flashChanges()) the cells whose value changed light up and fade out;
// workers that appeared carry a green bar at their left edge and workers that are gone are washed out and
// struck through, until the next refresh. Reads WorkerTableModel's ChangedRole and RowStateRole.
class WorkerTableView final : public QTableView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerTableView)

public:
    static constexpr int FadeMsecs = 1500;

    explicit WorkerTableView(QWidget* parent = nullptr);

    // Indexes into the snapshot's workers (WorkerTableModel::WorkerIndexRole), in table order; rows of
    // workers that are gone since the last refresh have none and are left out.
    std::vector<std::size_t> selectedWorkerIndexes() const;
    std::vector<std::size_t> shownWorkerIndexes() const;
    // Of the current row: -1 when there is none or its worker is gone.
    int currentWorkerIndex() const;

    void flashChanges();
    bool isFlashing() const { return m_fade.state() == QAbstractAnimation::Running; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void paintMarks(QPainter& painter);

    QVariantAnimation m_fade;
};

} // namespace hwi::views
