#pragma once

#include "analysis/diff.h"
#include "analysis/placement.h"
#include "hatchet/provenance.h"
#include "hatchet/slots.h"
#include "hatchet/snapshot.h"
#include "load/loader.h"

#include <QDateTime>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QScrollArea;
class QTabWidget;

namespace hwi::models {
class ChangesModel;
class MetadataModel;
class SectionModel;
class SlotsModel;
} // namespace hwi::models

namespace hwi::views {

class ElidedLabel;
class PlacementChecksView;
class RawJsonView;
class SectionView;
class SlotBars;
class SlotTimeline;
class StatusPill;

// Everything about the selected worker: a header with its name, status and health reasons, its slot
// capacity, and one tab per section (counts in the titles). Nothing in it asks for the width of a text from
// the data: the name elides (full text in its tooltip), the reasons and the slot summary wrap, the tab titles
// are short and elide before the tab bar scrolls.
class WorkerDetail final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerDetail)

public:
    // The tabs, in order. Titles are short, translated and carry counts ("Runs (3)"): look pages up by this,
    // never by title.
    // Changes is shown only in a comparison, Placement only while the "Can it run?" panel has a task.
    enum class Page {
        Overview,
        Slots,
        SlotConfig,
        Labels,
        Workflows,
        Actions,
        RecentRuns,
        Runtime,
        RawJson,
        Changes,
        Placement
    };
    // A fixed ASCII id per page ("overview", "slot-config", …): each page's objectName, for settings keys.
    static QString pageId(Page page);

    explicit WorkerDetail(QWidget* parent = nullptr);
    ~WorkerDetail() override;

    void setSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot);
    // An index into the snapshot's workers, or nullopt for "nothing selected".
    void setWorker(std::optional<std::size_t> index);
    // A newer snapshot of the same source, showing the worker at index in it: the tables' scroll positions
    // and the raw tree's expanded nodes stay.
    void refresh(std::shared_ptr<const hatchet::Snapshot> snapshot, std::optional<std::size_t> index);
    void setReferenceTime(const QDateTime& time, const QString& label);
    // The document's writer and server era for the Overview (see models::MetadataModel::setProvenance()).
    void setProvenance(const json::Document& document, const hatchet::Provenance& provenance);
    // The selected worker as GET /api/v1/workers/{id} returned it (a one-worker snapshot): fills the
    // Workflows tab, which list responses leave empty. Ignored when another worker is selected by now.
    void setFetchedWorker(const std::shared_ptr<const hatchet::Snapshot>& fetched);
    // The selected worker's GET failed. A worker without actions (HTTP 500 "worker … has no actions") is no
    // failure: the Workflows tab says so, and this returns true. Any other failure is the caller's to show.
    bool setFetchFailed(const load::LoadError& error);
    // The selected worker's running tasks as the server lists them (current era): the Slots page's rows
    // and timeline bars. Ignored when another worker is selected by now.
    void setRunningTasks(const hatchet::RunningTasks& tasks);
    // They could not be fetched: the Slots page keeps what the worker says and adds why.
    void setRunningTasksFailed(const QString& workerId, const load::LoadError& error);

    // In a comparison the Changes tab shows the selected worker's change (field, old, new); outside one it
    // is hidden.
    void setComparing(bool comparing);
    bool isComparing() const;
    // The selected worker's change in the comparison; nullopt when it did not change.
    void setChange(std::optional<analysis::WorkerChange> change);
    // A worker that is gone in the comparison, as the older snapshot has it (the header says so).
    void showGoneWorker(std::shared_ptr<const hatchet::Snapshot> older, std::size_t index);

    // The "Can it run?" placement: the Placement tab shows the selected worker's verdict check by check.
    void setPlacementShown(bool shown);
    bool showsPlacement() const;
    // The selected worker's placement (nullopt: not covered) and the placement's warnings.
    void setPlacement(const std::optional<analysis::WorkerPlacement>& placement, const QStringList& warnings);
    PlacementChecksView* placementView() const { return m_placementView; }

    QTabWidget* tabs() const { return m_tabs; }
    // The header's worker name (elided; the full name is text() and the tooltip).
    ElidedLabel* nameLabel() const { return m_name; }
    QWidget* page(Page page) const;
    // The detail table of a page (on the Slots page, the table below the timeline); nullptr for Raw JSON.
    SectionView* section(Page page) const;
    // The detail table of the current tab; nullptr on the Raw JSON tab.
    SectionView* currentSection() const;
    // The current tab's title without its count ("Slots"); empty on a tab without a table.
    QString currentSectionTitle() const;
    RawJsonView* rawView() const { return m_raw; }
    SlotTimeline* timeline() const { return m_timeline; }
    QString healthText() const;

private:
    struct Section {
        Page page;
        QString title;
        QString toolTip;
        models::SectionModel* model;
        SectionView* view;
    };
    SectionView* addSection(Page page, const QString& title, const QString& toolTip,
                            models::SectionModel* model, const QString& emptyText);
    void addPage(Page page, QWidget* widget, const QString& title, const QString& toolTip);
    const Section* sectionOf(Page page) const;
    void showWorker(std::shared_ptr<const hatchet::Snapshot> snapshot, std::optional<std::size_t> index);
    void addChangesPage();
    void updateTabSpacing();
    void updateHeader();
    void updateTitles();

    std::shared_ptr<const hatchet::Snapshot> m_snapshot;
    std::optional<hatchet::WorkerView> m_worker;
    std::shared_ptr<const hatchet::Snapshot> m_workerSnapshot; // m_worker's: m_snapshot, or an older one
    bool m_gone = false;                                       // m_worker is a gone worker of a comparison
    std::optional<hatchet::RunningTasks> m_tasks;              // of m_worker, when fetched
    QDateTime m_reference;
    ElidedLabel* m_name;
    StatusPill* m_status;
    QLabel* m_reasons;
    SlotBars* m_slotBars;
    SlotTimeline* m_timeline;
    QScrollArea* m_timelineScroll = nullptr;
    QLabel* m_slotSummary;
    models::SlotsModel* m_slots;
    models::MetadataModel* m_metadata;
    QTabWidget* m_tabs;
    RawJsonView* m_raw;
    models::ChangesModel* m_changes = nullptr;
    SectionView* m_changesView = nullptr;
    PlacementChecksView* m_placementView = nullptr;
    std::vector<Section> m_sections;
};

} // namespace hwi::views
