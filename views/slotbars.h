#pragma once

#include "hatchet/worker.h"

#include <QWidget>

#include <optional>
#include <vector>

namespace hwi::views {

// The detail pane's slot capacity: per slot type a caption ("default — 3 used, 2 available of 5", the
// dashboard's wording) over a bar, plus "N free padded slots (old era)" when given.
class SlotBars final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlotBars)
public:
    explicit SlotBars(QWidget* parent = nullptr);

    // freePaddedSlots: the number of old-era padding entries in `slots`, shown as a note; nullopt hides it.
    void setCapacities(std::vector<hatchet::SlotCapacity> capacities,
                       std::optional<int> freePaddedSlots = std::nullopt);
    const std::vector<hatchet::SlotCapacity>& capacities() const { return m_capacities; }
    std::optional<int> freePaddedSlots() const { return m_freePadded; }

    // The caption of one slot type, e.g. "default — 3 used, 2 available of 5".
    static QString caption(const hatchet::SlotCapacity& capacity);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    static QString typeName(const hatchet::SlotCapacity& capacity);
    static QString details(const hatchet::SlotCapacity& capacity);
    int rowHeight() const;
    QString paddingNote() const;

    std::vector<hatchet::SlotCapacity> m_capacities;
    std::optional<int> m_freePadded;
};

} // namespace hwi::views
