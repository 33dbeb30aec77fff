// Screenshot program for the views library: builds one window with every widget and delegate, fed from
// the bundled sample, and saves QWidget::grab() to a PNG.
//   hwi_widget_demo OUT.png [dark] [SAMPLE.json]
//   hwi_widget_demo OUT.png timeline FILE.json WORKER [NOW|capture] — one worker's slot timeline, 760 px
//   wide, measured against NOW (ISO 8601; default the current time) or the file's capture time: an old
//   file measured against now shows the off-axis reference marker.
#include "hatchet/slots.h"
#include "hatchet/snapshot.h"
#include "heartbeatdelegate.h"
#include "itemmodels/workertablemodel.h"
#include "palette.h"
#include "slotbardelegate.h"
#include "slotbars.h"
#include "slottimeline.h"
#include "statuspill.h"
#include "statuspilldelegate.h"

#include <QApplication>
#include <QFile>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QTableView>
#include <QTextStream>
#include <QVBoxLayout>

#include <cstdio>

using namespace hwi;

namespace {

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x90, 0x96));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4b));
    p.setColor(QPalette::Link, QColor(0x58, 0x9d, 0xf6));
    return p;
}

// The workers table as the main window will show it: the real model, a few of its columns, the delegates.
QTableView* workerTable(std::shared_ptr<const hatchet::Snapshot> snapshot, QWidget* parent) {
    using models::WorkerTableModel;
    auto* model = new WorkerTableModel(parent);
    model->setSnapshot(snapshot);
    model->setReferenceTime(snapshot->captureTime);
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setItemDelegateForColumn(WorkerTableModel::StatusColumn, new views::StatusPillDelegate(view));
    view->setItemDelegateForColumn(WorkerTableModel::SlotsColumn, new views::SlotBarDelegate(view));
    view->setItemDelegateForColumn(WorkerTableModel::LastHeartbeatColumn, new views::HeartbeatDelegate(view));
    for (int column = 0; column < WorkerTableModel::NUM_COLUMNS; ++column) {
        if (column != WorkerTableModel::NameColumn && column != WorkerTableModel::StatusColumn &&
            column != WorkerTableModel::LastHeartbeatColumn && column != WorkerTableModel::SlotsColumn &&
            column != WorkerTableModel::SdkColumn && column != WorkerTableModel::LabelsColumn)
            view->hideColumn(column);
    }
    // Labels last, so the stretched column is the one whose text varies most.
    view->horizontalHeader()->moveSection(WorkerTableModel::SdkColumn, WorkerTableModel::LabelsColumn);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(2 * view->fontMetrics().height() + 10);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setStretchLastSection(true);
    view->resizeColumnsToContents();
    view->setTextElideMode(Qt::ElideMiddle);
    view->setColumnWidth(WorkerTableModel::NameColumn,
                         qMin(view->columnWidth(WorkerTableModel::NameColumn) + 24, 280));
    view->setColumnWidth(WorkerTableModel::SlotsColumn,
                         qMax(view->columnWidth(WorkerTableModel::SlotsColumn), 240));
    view->selectRow(3);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setMinimumHeight(view->verticalHeader()->length() + view->horizontalHeader()->sizeHint().height() +
                           2 * view->frameWidth());
    return view;
}

// The detail pane of one worker: name and status pill, slot bars, busy-slot timeline.
QWidget* detail(const hatchet::Snapshot& snapshot, const QString& name, QWidget* parent) {
    auto* box = new QGroupBox(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setSpacing(10);
    for (std::size_t i = 0; i < snapshot.workers.size(); ++i) {
        const hatchet::WorkerView worker = snapshot.worker(i);
        if (worker.displayName() != name)
            continue;
        auto* header = new QHBoxLayout;
        auto* title = new QLabel(name, box);
        QFont big = title->font();
        big.setPointSizeF(big.pointSizeF() * 1.3);
        big.setBold(true);
        title->setFont(big);
        header->addWidget(title);
        header->addSpacing(8);
        header->addWidget(new views::StatusPill(worker.status(), box));
        header->addStretch();
        layout->addLayout(header);

        const auto slots = worker.slots();
        std::optional<int> padded;
        if (worker.era() == hatchet::SchemaEra::Legacy)
            padded = hatchet::splitPadding(slots).padding;
        auto* bars = new views::SlotBars(box);
        bars->setCapacities(worker.slotCapacities(), padded);
        layout->addWidget(new QLabel(QStringLiteral("<b>Slots</b>"), box));
        layout->addWidget(bars);

        auto* timeline = new views::SlotTimeline;
        timeline->setReferenceLabel(QStringLiteral("capture"));
        timeline->setSlots(slots, snapshot.captureTime);
        auto* scroll = new QScrollArea(box);
        scroll->setWidget(timeline);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setMinimumHeight(timeline->sizeHint().height());
        layout->addWidget(new QLabel(QStringLiteral("<b>Busy slots</b>"), box));
        layout->addWidget(scroll);
    }
    layout->addStretch();
    return box;
}

// The "timeline" mode: one worker's busy slots against a chosen reference time.
int timelineOnly(const QStringList& args, QTextStream& err) {
    if (args.size() < 5) {
        err << "usage: hwi_widget_demo OUT.png timeline FILE.json WORKER [NOW|capture]\n";
        return 2;
    }
    QFile file(args.at(3));
    if (!file.open(QIODevice::ReadOnly)) {
        err << "cannot read " << file.fileName() << '\n';
        return 2;
    }
    auto parsed = json::Document::parse(file.readAll());
    if (const auto* error = std::get_if<json::Document::ParseError>(&parsed)) {
        err << "parse error: " << error->message << '\n';
        return 2;
    }
    const auto snapshot = hatchet::Snapshot::build(std::get<0>(parsed), file.fileName(), QDateTime());
    const QString when = args.value(5);
    const bool capture = when == QLatin1String("capture");
    const QDateTime reference = capture          ? snapshot->captureTime
                                : when.isEmpty() ? QDateTime::currentDateTimeUtc()
                                                 : QDateTime::fromString(when, Qt::ISODate);
    for (std::size_t i = 0; i < snapshot->workers.size(); ++i) {
        const hatchet::WorkerView worker = snapshot->worker(i);
        if (worker.displayName() != args.at(4))
            continue;
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        layout->setContentsMargins(12, 12, 12, 12);
        auto* title =
            new QLabel(QStringLiteral("<b>%1</b> \u2014 busy slots, measured against %2 (%3)")
                           .arg(worker.displayName().toHtmlEscaped(),
                                capture ? QStringLiteral("the capture time") : QStringLiteral("now"),
                                reference.toString(Qt::ISODate)),
                       &window);
        layout->addWidget(title);
        auto* timeline = new views::SlotTimeline(&window);
        timeline->setReferenceLabel(capture ? QStringLiteral("capture") : QStringLiteral("now"));
        timeline->setSlots(worker.slots(), reference);
        layout->addWidget(timeline);
        window.resize(760, window.sizeHint().height());
        window.show();
        QApplication::processEvents();
        if (!window.grab().save(args.at(1))) {
            err << "cannot write " << args.at(1) << '\n';
            return 1;
        }
        return 0;
    }
    err << "no worker named " << args.at(4) << '\n';
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QStringList args = QApplication::arguments();
    QTextStream err(stderr);
    if (args.size() < 2) {
        err << "usage: hwi_widget_demo OUT.png [dark|light] [SAMPLE.json]\n";
        return 2;
    }
    if (args.size() > 2 && args.at(2) == QLatin1String("timeline"))
        return timelineOnly(args, err);
    if (args.size() > 2 && args.at(2) == QLatin1String("dark"))
        QApplication::setPalette(darkPalette());

    QFile file(args.size() > 3 ? args.at(3) : QStringLiteral(HWI_SAMPLE_PATH));
    if (!file.open(QIODevice::ReadOnly)) {
        err << "cannot read " << file.fileName() << '\n';
        return 2;
    }
    auto parsed = json::Document::parse(file.readAll());
    if (const auto* error = std::get_if<json::Document::ParseError>(&parsed)) {
        err << "parse error: " << error->message << '\n';
        return 2;
    }
    const auto snapshot =
        hatchet::Snapshot::build(std::get<0>(parsed), file.fileName(),
                                 QDateTime::fromString(QStringLiteral("2026-11-29T13:00:05Z"), Qt::ISODate));

    QWidget window;
    window.setWindowTitle(QStringLiteral("Hatchet Worker Inspector — widgets"));
    auto* layout = new QVBoxLayout(&window);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(12);
    layout->addWidget(workerTable(snapshot, &window));
    auto* details = new QHBoxLayout;
    details->setSpacing(12);
    details->addWidget(detail(*snapshot, QStringLiteral("video-transcoder"), &window), 3);
    details->addWidget(detail(*snapshot, QStringLiteral("render-farm-01"), &window), 2);
    layout->addLayout(details);
    window.resize(1240, window.sizeHint().height());
    window.show();
    QApplication::processEvents();

    if (!window.grab().save(args.at(1))) {
        err << "cannot write " << args.at(1) << '\n';
        return 1;
    }
    return 0;
}
