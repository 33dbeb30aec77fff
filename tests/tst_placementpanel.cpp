// The window's "Can it run?" panel: its inputs give the Verdict and Rank columns, the summary above the table
// and the detail's Placement tab exactly as `hatchet-inspector --place` answers (tests/expected/place-*.tsv,
// worked out by hand from tests/fixtures/place-*.json); verdict: in the filter; the copied command line gives
// the same verdicts when a shell runs it; the Fleet page opens the panel on an action.
#include "itemmodeltestutil.h"
#include "temporarysettings.h"

#include "desiredlabelseditor.h"
#include "filter/workerfilterproxy.h"
#include "filterbar.h"
#include "fleetview.h"
#include "itemmodels/pivotmodel.h"
#include "itemmodels/timeformat.h"
#include "itemmodels/workertablemodel.h"
#include "mainwindow.h"
#include "placecommand.h"
#include "placecommandline.h"
#include "placementchecksview.h"
#include "placementpanel.h"
#include "workerdetail.h"
#include "workertableview.h"

#include <QClipboard>
#include <QComboBox>
#include <QCommandLineParser>
#include <QCompleter>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace hwi;
using models::WorkerTableModel;

namespace {

const QString CurrentNow = QStringLiteral("2026-11-29T13:00:05Z"); // the fixtures' "now"

QString fixture(const QString& name) {
    return testutil::fixturePath(name);
}

// The task `hatchet-inspector --place` reads from these arguments (as in tst_placecli).
analysis::Task taskOf(const QStringList& arguments) {
    QCommandLineParser parser;
    app::addPlaceOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("hatchet-inspector")} + arguments))
        qFatal("%s", qPrintable(parser.errorText()));
    QString error;
    const auto task = app::placeTaskFrom(parser, &error);
    if (!task)
        qFatal("%s", qPrintable(error));
    return *task;
}

struct Line {
    QString id, name, verdict, rank, reasons;
};

// ID NAME VERDICT RANK REASONS, without the header.
std::vector<Line> linesOf(const QByteArray& tsv) {
    std::vector<Line> lines;
    for (const QString& text : QString::fromUtf8(tsv).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1)) {
        const QStringList fields = text.split(QLatin1Char('\t'));
        lines.push_back(
            {fields.value(0), fields.value(1), fields.value(2), fields.value(3), fields.value(4)});
    }
    return lines;
}

QByteArray expected(const QString& name) {
    QFile file(QStringLiteral(HWI_EXPECTED "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The window's rows as the CLI prints them (document order): NAME VERDICT RANK REASONS.
QStringList shownVerdicts(const views::MainWindow& window) {
    const auto* model = qobject_cast<const WorkerTableModel*>(window.workerProxy()->sourceModel());
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString verdict = model->index(row, WorkerTableModel::VerdictColumn).data().toString();
        const QString reasons = verdict == QLatin1String("fits")
                                    ? QString()
                                    : model->index(row, WorkerTableModel::VerdictColumn)
                                          .data(Qt::ToolTipRole)
                                          .toString()
                                          .replace(QLatin1Char('\n'), QStringLiteral("; "));
        rows << QStringList{model->index(row, WorkerTableModel::NameColumn).data().toString(), verdict,
                            model->index(row, WorkerTableModel::RankColumn).data().toString(), reasons}
                    .join(QLatin1Char('\t'));
    }
    return rows;
}

QStringList cliVerdicts(const std::vector<Line>& lines) {
    QStringList rows;
    for (const Line& line : lines)
        rows << QStringList{line.name, line.verdict, line.rank, line.reasons}.join(QLatin1Char('\t'));
    return rows;
}

} // namespace

class TestPlacementPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void answersAsTheCommandLine_data();
    void answersAsTheCommandLine();
    void detailExplainsCheckByCheck();
    void verdictFilter();
    void typedInputsAndProblems();
    void readableAtLaptopWidths_data();
    void readableAtLaptopWidths();
    void followsReferenceTimeAndRefresh();
    void copyAsCommand_data();
    void copyAsCommand();
    void shellQuoting();
    void fleetOpensThePanel();
    void closingHidesEverything();

private:
    // Opens the fixture measured at the fixtures' "now", with the panel on `task`, and waits for its answer.
    bool openWithTask(const QString& fixtureName, const analysis::Task& task);

    TemporarySettings m_settings;
    std::unique_ptr<views::MainWindow> m_window;
};

void TestPlacementPanel::init() {
    m_window = std::make_unique<views::MainWindow>();
    m_window->resize(1366, 768);
}

void TestPlacementPanel::cleanup() {
    m_window.reset();
    m_settings.clear();
}

bool TestPlacementPanel::openWithTask(const QString& fixtureName, const analysis::Task& task) {
    views::MainWindow& window = *m_window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(fixture(fixtureName));
    if (!shown.wait(10000))
        return false;
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.setMeasureAgainst(views::MainWindow::MeasureAgainst::OtherTime, models::parseInstant(CurrentNow));
    window.openPlacement(task.action);
    window.placementPanel()->setTask(task);
    QSignalSpy changed(window.placementPanel(), &views::PlacementPanel::taskChanged);
    return changed.wait(2000) && window.placement() != nullptr;
}

void TestPlacementPanel::answersAsTheCommandLine_data() {
    QTest::addColumn<QString>("fixtureName");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedFile");
    QTest::addColumn<QString>("summary");
    const QString labels = QStringLiteral("place-labels.json");
    const QString slots = QStringLiteral("place-slots.json");
    const auto args = [](std::initializer_list<const char*> list) {
        QStringList out;
        for (const char* argument : list)
            out << QString::fromUtf8(argument);
        return out;
    };
    QTest::newRow("required and optional")
        << labels << args({"--place", "render:frame", "--want", "+gpu=a100", "--want", "region=eu-west-1@50"})
        << QStringLiteral("place-labels-required.tsv")
        << QStringLiteral("Runs now on one of 3 workers (rank 150: render-a, render-c, render-f)");
    QTest::newRow("integer comparators")
        << labels
        << args({"--place", "render:frame", "--want", "+memory_gb<100", "--want", "memory_gb>=64@10"})
        << QStringLiteral("place-labels-integers.tsv") << QStringLiteral("Runs now on render-b (rank 110)");
    QTest::newRow("negative weight")
        << labels << args({"--place", "render:frame", "--want", "gpu=a100", "--want", "tier=spot@-150"})
        << QStringLiteral("place-labels-negative.tsv")
        << QStringLiteral("Runs now on one of 3 workers (rank 100: render-a, render-b, render-c)");
    QTest::newRow("soft sticky") << labels
                                 << args({"--place", "render:frame", "--want", "+gpu=a100", "--sticky",
                                          "soft:7e11de00-0000-4000-8000-000000000004"})
                                 << QStringLiteral("place-labels-soft.tsv")
                                 << QStringLiteral("Runs now on render-d (rank 1)");
    QTest::newRow("hard sticky") << labels
                                 << args({"--place", "render:frame", "--want", "+gpu=a100", "--sticky",
                                          "hard:7e11de00-0000-4000-8000-000000000005"})
                                 << QStringLiteral("place-labels-hard.tsv")
                                 << QStringLiteral("Runs now on render-e (rank 0)");
    QTest::newRow("slot type the worker lacks")
        << slots << args({"--place", "etl:load", "--units", "durable=2"})
        << QStringLiteral("place-slots-durable.tsv")
        << QStringLiteral("Can never run: no worker has 2 durable units");
    QTest::newRow("two slot types") << slots
                                    << args({"--place", "etl:load", "--units", "default=1", "--units",
                                             "durable=1"})
                                    << QStringLiteral("place-slots-two-types.tsv")
                                    << QStringLiteral("Runs now on etl-live (rank 0)");
    QTest::newRow("would wait") << slots << args({"--place", "etl:load", "--units", "default=3"})
                                << QStringLiteral("place-slots-would-wait.tsv")
                                << QStringLiteral("Would wait: the 3 workers that could take it are full");
}

void TestPlacementPanel::answersAsTheCommandLine() {
    QFETCH(QString, fixtureName);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedFile);
    QFETCH(QString, summary);
    QVERIFY(openWithTask(fixtureName, taskOf(arguments)));
    views::MainWindow& window = *m_window;
    QCOMPARE(shownVerdicts(window), cliVerdicts(linesOf(expected(expectedFile))));
    QVERIFY(!window.workerTable()->isColumnHidden(WorkerTableModel::VerdictColumn));
    QVERIFY(!window.workerTable()->isColumnHidden(WorkerTableModel::RankColumn));
    QVERIFY(window.placementSummary()->isVisible());
    QVERIFY2(window.placementSummary()->text().startsWith(summary),
             qPrintable(window.placementSummary()->text()));
}

void TestPlacementPanel::detailExplainsCheckByCheck() {
    QVERIFY(openWithTask(QStringLiteral("place-labels.json"),
                         taskOf({QStringLiteral("--place"), QStringLiteral("render:frame"),
                                 QStringLiteral("--want"), QStringLiteral("+gpu=a100"),
                                 QStringLiteral("--want"), QStringLiteral("region=eu-west-1@50")})));
    views::MainWindow& window = *m_window;
    views::WorkerDetail& detail = *window.detail();
    QVERIFY(detail.showsPlacement());
    QCOMPARE(detail.tabs()->currentWidget(), detail.page(views::WorkerDetail::Page::Placement));
    window.workerTable()->selectRow(3); // render-d: a t4
    const views::PlacementChecksView& view = *detail.placementView();
    QCOMPARE(view.verdictLabel()->text(), QStringLiteral("Verdict: excluded (no rank)"));
    QStringList checks;
    for (int row = 0; row < view.checksTable()->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < views::PlacementChecksView::NUM_COLUMNS; ++column)
            cells << view.checksTable()->item(row, column)->text();
        checks << cells.join(QLatin1Char('|'));
    }
    // Every check in words, the passed ones too (the table's placement words only the failed ones).
    QVERIFY(
        testutil::sameLines(checks, testutil::lines({
                                        "1 Live worker|passed|live: ACTIVE, heartbeat 2 s old",
                                        "2 Action|passed|registers render:frame",
                                        "3 Slots|passed|default: available 2 >= 1 unit",
                                        "4 Labels|excluded|label gpu=t4, wants gpu=a100 (required)",
                                        "4 Labels|passed|label region=eu-west-1 meets region=eu-west-1 (+50)",
                                        "4 Labels|passed|rank 50",
                                    })));
    QCOMPARE(detail.tabs()->tabText(int(views::WorkerDetail::Page::Placement)),
             QStringLiteral("Verdict: excluded"));
    window.workerTable()->selectRow(0); // render-a: fits, rank 150
    QCOMPARE(view.verdictLabel()->text(), QStringLiteral("Verdict: fits, rank 150"));
}

void TestPlacementPanel::verdictFilter() {
    views::MainWindow& window = *m_window;
    QVERIFY(openWithTask(QStringLiteral("place-labels.json"),
                         taskOf({QStringLiteral("--place"), QStringLiteral("render:frame"),
                                 QStringLiteral("--want"), QStringLiteral("+gpu=a100")})));
    window.setFilter(QStringLiteral("verdict:excluded"));
    QCOMPARE(window.workerProxy()->rowCount(), 3); // render-d, render-e, render-g
    QCOMPARE(window.filterBar()->hintText(), QString());
    window.setFilter(QStringLiteral("verdict:fits,full -name:render-a"));
    QCOMPARE(window.workerProxy()->rowCount(), 3);
    window.setFilter(QStringLiteral("verdict:maybe"));
    QVERIFY2(window.filterBar()->errorText().contains(
                 QStringLiteral("unknown verdict 'maybe'; known: fits, full, too-small, excluded")),
             qPrintable(window.filterBar()->errorText()));
    // Without the panel's answer the term matches nothing, and the bar says why.
    window.setFilter(QStringLiteral("verdict:excluded"));
    window.canItRunAction()->trigger(); // closes the panel
    QTRY_VERIFY(window.placement() == nullptr);
    QCOMPARE(window.workerProxy()->rowCount(), 0);
    QVERIFY2(window.filterBar()->hintText().contains(QStringLiteral("verdict: needs the Can it run? panel")),
             qPrintable(window.filterBar()->hintText()));
}

// Typed as a user would: the action with completion, a label row, a comparator; problems inline.
void TestPlacementPanel::typedInputsAndProblems() {
    views::MainWindow& window = *m_window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(fixture(QStringLiteral("place-labels.json")));
    QVERIFY(shown.wait(10000));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setMeasureAgainst(views::MainWindow::MeasureAgainst::OtherTime, models::parseInstant(CurrentNow));
    window.canItRunAction()->trigger();
    views::PlacementPanel& panel = *window.placementPanel();
    QVERIFY(window.placementDock()->isVisible());
    QCOMPARE(window.placement(), nullptr); // no action yet
    QVERIFY(window.workerTable()->isColumnHidden(WorkerTableModel::VerdictColumn));
    QCOMPARE(panel.actionEdit()->completer()->model()->rowCount(), 1);
    QCOMPARE(panel.actionEdit()->completer()->model()->index(0, 0).data().toString(),
             QStringLiteral("render:frame"));
    QTest::keyClicks(panel.actionEdit(), QStringLiteral("render:frame"));
    QTRY_VERIFY(window.placement() != nullptr);
    QVERIFY(window.placementSummary()->text().startsWith(QStringLiteral("Runs now on one of 6 workers")));

    views::DesiredLabelsEditor& labels = *panel.labelsEditor();
    labels.addLabel();
    QTableWidget& table = *labels.table();
    auto* key = qobject_cast<QLineEdit*>(table.cellWidget(0, views::DesiredLabelsEditor::KeyColumn));
    auto* comparator =
        qobject_cast<QComboBox*>(table.cellWidget(0, views::DesiredLabelsEditor::ComparatorColumn));
    auto* value = qobject_cast<QLineEdit*>(table.cellWidget(0, views::DesiredLabelsEditor::ValueColumn));
    QVERIFY(key && comparator && value);
    QCOMPARE(key->completer()->model()->rowCount(), 4); // gpu, memory_gb, region, tier
    QTest::keyClicks(key, QStringLiteral("memory_gb"));
    comparator->setCurrentText(QStringLiteral(">="));
    QTest::keyClicks(value, QStringLiteral("lots"));
    QVERIFY(panel.problemsLabel()->isVisible());
    QCOMPARE(panel.problemsLabel()->text(),
             QStringLiteral("label 1: memory_gb>= compares integers, not 'lots'"));
    QVERIFY(!panel.copyCommandButton()->isEnabled());
    QVERIFY(window.placement() != nullptr); // the last complete task stays answered
    value->clear();
    QTest::keyClicks(value, QStringLiteral("100"));
    QTRY_VERIFY(!panel.problemsLabel()->isVisible());
    QTRY_VERIFY(window.placementSummary()->text().contains(QStringLiteral("(rank 100")));
    QVERIFY(panel.copyCommandButton()->isEnabled());

    // Sticky without a worker chosen is a problem; choosing one answers.
    labels.clear();
    panel.setSticky(analysis::Sticky::Hard, QStringLiteral("no-such-worker"));
    QVERIFY(panel.problemsLabel()->text().contains(QStringLiteral("sticky: choose the desired worker")));
    panel.setSticky(analysis::Sticky::Hard, QStringLiteral("7e11de00-0000-4000-8000-000000000002"));
    QTRY_VERIFY(window.placementSummary()->text().startsWith(QStringLiteral("Runs now on render-b")));

    // Spaces after the comparator are skipped as --want skips them; trailing ones are part of the value.
    labels.addLabel({QStringLiteral("region"), analysis::Comparator::Equal, QStringLiteral("  eu-west-1 ")});
    QCOMPARE(labels.labels().size(), size_t(1));
    QCOMPARE(labels.labels().front().value, QStringLiteral("eu-west-1 "));
}

void TestPlacementPanel::readableAtLaptopWidths_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1024x700") << QSize(1024, 700);
}

// What a user saw in the first screenshot: the comparator box squeezed to an empty arrow, "&Sticky:" with a
// literal '&', and detail tabs elided to "O…w" once the Verdict tab joined them.
void TestPlacementPanel::readableAtLaptopWidths() {
    QFETCH(QSize, size);
    m_window->resize(size);
    QVERIFY(openWithTask(QStringLiteral("place-labels.json"),
                         taskOf({QStringLiteral("--place"), QStringLiteral("render:frame"),
                                 QStringLiteral("--want"), QStringLiteral("+gpu=a100"),
                                 QStringLiteral("--want"), QStringLiteral("region=eu-west-1@-12345")})));
    // With the dock open the window still fits the screen (no page, placeholder or picture row forces it
    // wider).
    QVERIFY2(m_window->minimumSizeHint().width() <= size.width() && m_window->width() <= size.width(),
             qPrintable(QStringLiteral("window %1 px, at least %2 px")
                            .arg(m_window->width())
                            .arg(m_window->minimumSizeHint().width())));
    views::PlacementPanel& panel = *m_window->placementPanel();
    QTableWidget& table = *panel.labelsEditor()->table();
    for (int row = 0; row < table.rowCount(); ++row) {
        QWidget* comparator = table.cellWidget(row, views::DesiredLabelsEditor::ComparatorColumn);
        QVERIFY2(comparator->width() >= comparator->sizeHint().width(),
                 qPrintable(QStringLiteral("row %1: comparator %2 px of %3")
                                .arg(row)
                                .arg(comparator->width())
                                .arg(comparator->sizeHint().width())));
        auto* weight =
            qobject_cast<QSpinBox*>(table.cellWidget(row, views::DesiredLabelsEditor::WeightColumn));
        const QLineEdit& weightText = *weight->findChild<QLineEdit*>();
        QVERIFY2(weightText.width() >= weightText.fontMetrics().horizontalAdvance(weight->text()),
                 qPrintable(QStringLiteral("row %1: weight %2 in %3 px")
                                .arg(row)
                                .arg(weight->text())
                                .arg(weightText.width())));
    }
    QCOMPARE(qobject_cast<QComboBox*>(table.cellWidget(1, views::DesiredLabelsEditor::ComparatorColumn))
                 ->currentText(),
             QStringLiteral("="));

    // Every label of the panel with a mnemonic has a buddy, so no '&' is painted.
    for (const QLabel* label : panel.findChildren<QLabel*>()) {
        if (label->text().contains(QLatin1Char('&')))
            QVERIFY2(label->buddy() != nullptr, qPrintable(label->text()));
    }

    // The detail tabs keep their whole titles (the bar scrolls), and the Verdict tab is in view.
    const QTabBar& bar = *m_window->detail()->tabs()->tabBar();
    QCOMPARE(bar.elideMode(), Qt::ElideNone);
    for (int i = 0; i < bar.count(); ++i) {
        if (bar.isTabVisible(i))
            QVERIFY2(bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(bar.tabText(i)),
                     qPrintable(bar.tabText(i)));
    }
    const QRect verdictTab = bar.tabRect(int(views::WorkerDetail::Page::Placement));
    QVERIFY2(bar.rect().contains(verdictTab.center()),
             qPrintable(QStringLiteral("%1 px wide bar, tab at %2").arg(bar.width()).arg(verdictTab.x())));
}

void TestPlacementPanel::followsReferenceTimeAndRefresh() {
    views::MainWindow& window = *m_window;
    QVERIFY(openWithTask(QStringLiteral("place-slots.json"),
                         taskOf({QStringLiteral("--place"), QStringLiteral("etl:load")})));
    QVERIFY(window.placementSummary()->text().startsWith(QStringLiteral("Runs now on etl-live")));
    // An hour later every heartbeat is old: nobody is live.
    window.setMeasureAgainst(views::MainWindow::MeasureAgainst::OtherTime,
                             models::parseInstant(QStringLiteral("2026-11-29T14:00:05Z")));
    QVERIFY2(window.placementSummary()->text().startsWith(
                 QStringLiteral("Can never run: no live worker registers etl:load")),
             qPrintable(window.placementSummary()->text()));
    const auto before = window.placement();
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.reload();
    QVERIFY(shown.wait(10000));
    QVERIFY(window.placement() != before); // answered again for the refreshed snapshot
    QVERIFY(window.placement() != nullptr);
}

void TestPlacementPanel::copyAsCommand_data() {
    QTest::addColumn<QString>("fixtureName");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("atCaptureTime");
    const auto args = [](std::initializer_list<const char*> list) {
        QStringList out;
        for (const char* argument : list)
            out << QString::fromUtf8(argument);
        return out;
    };
    QTest::newRow("labels") << QStringLiteral("place-labels.json")
                            << args({"--place", "render:frame", "--want", "+gpu=a100", "--want",
                                     "region=eu-west-1@50", "--want", "memory_gb>=64@-20"})
                            << false;
    QTest::newRow("quotes, spaces and @ in values")
        << QStringLiteral("place-labels.json")
        << args({"--place", "render:frame", "--want", "region!=it's eu@-5", "--want", "owner=a@b.c@100"})
        << false;
    QTest::newRow("soft sticky") << QStringLiteral("place-labels.json")
                                 << args({"--place", "render:frame", "--want", "+gpu=a100", "--sticky",
                                          "soft:7e11de00-0000-4000-8000-000000000004"})
                                 << false;
    QTest::newRow("units") << QStringLiteral("place-slots.json")
                           << args({"--place", "etl:load", "--units", "default=1", "--units", "durable=1"})
                           << false;
    QTest::newRow("at the capture time")
        << QStringLiteral("place-slots.json") << args({"--place", "etl:load"}) << true;
}

// The copied line, run by a POSIX shell, prints the verdicts the window shows.
void TestPlacementPanel::copyAsCommand() {
    QFETCH(QString, fixtureName);
    QFETCH(QStringList, arguments);
    QFETCH(bool, atCaptureTime);
    QVERIFY(openWithTask(fixtureName, taskOf(arguments)));
    views::MainWindow& window = *m_window;
    if (atCaptureTime)
        window.setMeasureAgainst(views::MainWindow::MeasureAgainst::CaptureTime);
    QVERIFY(window.placementPanel()->copyCommandButton()->isEnabled());
    QTest::mouseClick(window.placementPanel()->copyCommandButton(), Qt::LeftButton);
    const QString command = QGuiApplication::clipboard()->text();
    QVERIFY2(command.startsWith(QStringLiteral("hatchet-inspector --place render:frame ")) ||
                 command.startsWith(QStringLiteral("hatchet-inspector --place etl:load")),
             qPrintable(command));
    QCOMPARE(command.contains(QStringLiteral(" --at ")), !atCaptureTime);
    QCOMPARE(command, window.placementCommand());

    QProcess shell;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("HWI_INSPECTOR"), QStringLiteral(HWI_INSPECTOR));
    shell.setProcessEnvironment(environment);
    // The first word becomes the built binary; the rest is read by the shell as copied.
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("\"$HWI_INSPECTOR\"") +
                                           command.mid(QStringLiteral("hatchet-inspector").size())});
    QVERIFY(shell.waitForFinished(60000));
    const QByteArray out = shell.readAllStandardOutput();
    QVERIFY2(shell.exitCode() == 0 || shell.exitCode() == 1 || shell.exitCode() == 3,
             shell.readAllStandardError().constData());
    QCOMPARE(shownVerdicts(window), cliVerdicts(linesOf(out)));
}

void TestPlacementPanel::shellQuoting() {
    QCOMPARE(views::shellQuoted(QStringLiteral("+gpu=a100@50")), QStringLiteral("+gpu=a100@50"));
    QCOMPARE(views::shellQuoted(QStringLiteral("memory_gb>=64")), QStringLiteral("'memory_gb>=64'"));
    QCOMPARE(views::shellQuoted(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
    QCOMPARE(views::shellQuoted(QString()), QStringLiteral("''"));
    QCOMPARE(views::shellQuoted(QStringLiteral("$HOME `x` a b")), QStringLiteral("'$HOME `x` a b'"));
}

void TestPlacementPanel::fleetOpensThePanel() {
    views::MainWindow& window = *m_window;
    QSignalSpy shown(&window, &views::MainWindow::snapshotShown);
    window.open(fixture(QStringLiteral("place-slots.json")));
    QVERIFY(shown.wait(10000));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    views::FleetView& fleet = *window.fleetView();
    QSignalSpy built(&fleet, &views::FleetView::built);
    window.pages()->setCurrentWidget(&fleet);
    QVERIFY(built.wait(5000));
    fleet.setPivotKey(analysis::PivotKey::Action);
    QVERIFY(fleet.canItRunButton()->isVisible());
    const QAbstractItemModel& pivot = *fleet.pivotTable()->model();
    int etlLoad = -1;
    for (int row = 0; row < pivot.rowCount(); ++row) {
        if (pivot.index(row, models::PivotModel::KeyColumn).data().toString() == QLatin1String("etl:load"))
            etlLoad = row;
    }
    QVERIFY(etlLoad >= 0);
    fleet.pivotTable()->setCurrentIndex(pivot.index(etlLoad, models::PivotModel::KeyColumn));
    QVERIFY(fleet.canItRunButton()->isEnabled());
    QTest::mouseClick(fleet.canItRunButton(), Qt::LeftButton);
    QVERIFY(window.placementDock()->isVisible());
    QCOMPARE(window.pages()->currentIndex(), 0);
    QCOMPARE(window.placementPanel()->action(), QStringLiteral("etl:load"));
    QVERIFY(window.placement() != nullptr);
    QVERIFY(!window.workerTable()->isColumnHidden(WorkerTableModel::VerdictColumn));
    fleet.setPivotKey(analysis::PivotKey::Label);
    QVERIFY(fleet.canItRunButton()->isHidden()); // actions only
}

void TestPlacementPanel::closingHidesEverything() {
    views::MainWindow& window = *m_window;
    QVERIFY(openWithTask(QStringLiteral("place-slots.json"),
                         taskOf({QStringLiteral("--place"), QStringLiteral("etl:load")})));
    window.canItRunAction()->trigger();
    QVERIFY(!window.placementDock()->isVisible());
    QCOMPARE(window.placement(), nullptr);
    QVERIFY(window.workerTable()->isColumnHidden(WorkerTableModel::VerdictColumn));
    QVERIFY(window.workerTable()->isColumnHidden(WorkerTableModel::RankColumn));
    QVERIFY(!window.placementSummary()->isVisible());
    QVERIFY(!window.detail()->showsPlacement());
    window.canItRunAction()->trigger(); // open again: the same task answers
    QVERIFY(window.placement() != nullptr);
}

QTEST_MAIN(TestPlacementPanel)
#include "tst_placementpanel.moc"
