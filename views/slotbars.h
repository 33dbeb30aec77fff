#pragma once

#include "hatchet/worker.h"

#include <QWidget>

#include <optional>
#include <vector>

namespace hwi::views {

// The detail pane's slot capacity: per slot type a caption ("default — 3 used, 2 available of 5", the
// dashboard's wording; in the old era available is availableRuns) over a bar, plus, when given, a note on the
// old era's padding entries in `slots`, which are neither runs nor free slots.
class SlotBars final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlotBars)
public:
    explicit SlotBars(QWidget* parent = nullptr);

    // paddingEntries: the number of old-era padding entries in `slots`, shown as a note that says they are
    // not the free count; nullopt hides it.
    void setCapacities(std::vector<hatchet::SlotCapacity> capacities,
                       std::optional<int> paddingEntries = std::nullopt);
    const std::vector<hatchet::SlotCapacity>& capacities() const { return m_capacities; }
    std::optional<int> paddingEntries() const { return m_padding; }

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
    std::optional<int> m_padding;
};

} // namespace hwi::views
