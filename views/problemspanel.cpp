#include "problemspanel.h"

#include "itemmodels/problemsmodel.h"
#include "palette.h"
#include "sectionview.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>

#include <algorithm>

namespace hwi::views {

using hatchet::Severity;
using models::ProblemsModel;

namespace {

constexpr Severity Severities[] = {Severity::Error, Severity::Warning, Severity::Info};

QString counted(std::size_t count, const QString& one, const QString& many) {
    return QString::number(count) + QLatin1Char(' ') + (count == 1 ? one : many);
}

// The severity word in its colour: errors red and bold, warnings amber, info grey.
class SeverityDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        const models::HealthLevel level = models::severityOf(index.data(models::SeverityRole));
        const QColor color = healthColor(level, option->palette);
        option->palette.setColor(QPalette::Text, color);
        option->palette.setColor(QPalette::HighlightedText,
                                 contrastingTextColor(option->palette.color(QPalette::Highlight)));
        option->font.setBold(level == models::HealthLevel::Bad);
    }
};

} // namespace

ProblemsPanel::ProblemsPanel(QWidget* parent)
    : QDockWidget(parent)
    , m_model(new ProblemsModel(this))
    , m_severities(new models::ProblemSeverityFilter(this))
    , m_section(nullptr) {
    setObjectName(QStringLiteral("problemsDock")); // for QMainWindow::saveState
    setFeatures(DockWidgetClosable | DockWidgetMovable | DockWidgetFloatable);
    m_severities->setSourceModel(m_model);
    m_notChecked = tr("No document is loaded.");
    m_section = new SectionView(m_severities, m_notChecked, this);
    m_section->setNoMatchText(tr("No problems match '%1'"));
    m_section->table()->setAccessibleName(tr("Problems"));
    // SectionView names its parts after the empty-state text ("No problems: …"): name them here.
    m_section->filterEdit()->setAccessibleName(tr("Filter problems"));
    m_section->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    // Small enough to fold to a line when there are no problems (see preferredHeight()).
    m_section->table()->setMinimumHeight(fontMetrics().height() * 2);
    m_section->table()->setItemDelegateForColumn(ProblemsModel::SeverityColumn, new SeverityDelegate(this));
    for (const Severity severity : Severities) {
        auto* toggle = new QToolButton(m_section);
        toggle->setCheckable(true);
        toggle->setChecked(true);
        toggle->setAutoRaise(true);
        toggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(toggle, &QToolButton::toggled, this,
                [this, severity](bool shown) { m_severities->setSeverityShown(severity, shown); });
        m_section->addToFilterRow(toggle);
        m_toggles[static_cast<int>(severity)] = toggle;
    }
    connect(m_section->table(), &QAbstractItemView::activated, this, &ProblemsPanel::activate);
    setWidget(m_section);
    updateTexts();
}

ProblemsPanel::~ProblemsPanel() = default;

void ProblemsPanel::setSnapshot(std::shared_ptr<const hatchet::Snapshot> snapshot) {
    m_notChecked = snapshot ? QString() : tr("No document is loaded.");
    m_model->setSnapshot(std::move(snapshot));
    QTableView* view = table();
    view->resizeColumnToContents(ProblemsModel::SeverityColumn);
    view->resizeColumnToContents(ProblemsModel::LocationColumn);
    view->setColumnWidth(ProblemsModel::WorkerColumn, 170);
    view->setColumnWidth(ProblemsModel::PointerColumn, 260);
    updateTexts();
}

void ProblemsPanel::showLoadFailed(const QString& source) {
    m_model->setSnapshot(nullptr);
    m_notChecked = tr("Not checked: %1 could not be read.").arg(source);
    updateTexts();
}

int ProblemsPanel::preferredHeight() const {
    constexpr int MostRows = 8; // beyond that the table scrolls; the workers come first
    const QTableView* view = table();
    const int line = fontMetrics().height();
    const int title = line + 8;
    const int filterRow = m_section->filterEdit()->sizeHint().height() + 6;
    const int rows = std::min(m_severities->rowCount(), MostRows);
    if (rows == 0)
        return title + filterRow + line * 2; // the counts and one line saying there is nothing
    return title + filterRow + view->horizontalHeader()->sizeHint().height() +
           rows * view->verticalHeader()->defaultSectionSize() + 2 * view->frameWidth() + 4;
}

QTableView* ProblemsPanel::table() const {
    return m_section->table();
}

QToolButton* ProblemsPanel::severityToggle(Severity severity) const {
    return m_toggles[static_cast<int>(severity)];
}

void ProblemsPanel::activate(const QModelIndex& tableIndex) {
    if (!tableIndex.isValid())
        return;
    const QVariant node = tableIndex.data(models::NodeRole);
    if (!node.isValid())
        return;
    Q_EMIT problemActivated(tableIndex.data(ProblemsModel::WorkerIndexRole).toInt(),
                            static_cast<json::NodeId>(node.toUInt()));
}

void ProblemsPanel::updateTexts() {
    const std::size_t errors = m_model->count(Severity::Error);
    const std::size_t warnings = m_model->count(Severity::Warning);
    const std::size_t infos = m_model->count(Severity::Info);
    // Without a document nothing was checked: no counts, no "no problems".
    const bool checked = m_notChecked.isEmpty();
    m_section->setEmptyText(checked ? tr("No problems: the document matches the Hatchet schema")
                                    : m_notChecked);
    severityToggle(Severity::Error)
        ->setText(checked ? counted(errors, tr("error"), tr("errors")) : tr("errors"));
    severityToggle(Severity::Warning)
        ->setText(checked ? counted(warnings, tr("warning"), tr("warnings")) : tr("warnings"));
    severityToggle(Severity::Info)->setText(checked ? counted(infos, tr("info"), tr("info")) : tr("info"));
    for (const Severity severity : Severities)
        severityToggle(severity)->setEnabled(checked);
    for (const Severity severity : Severities)
        severityToggle(severity)->setToolTip(
            tr("Show or hide the %1 rows").arg(hatchet::severityName(severity)));
    QStringList parts;
    if (errors)
        parts << counted(errors, tr("error"), tr("errors"));
    if (warnings)
        parts << counted(warnings, tr("warning"), tr("warnings"));
    if (infos)
        parts << counted(infos, tr("info"), tr("info"));
    setWindowTitle(parts.isEmpty() ? tr("Problems")
                                   : tr("Problems — %1").arg(parts.join(QStringLiteral(", "))));
}

} // namespace hwi::views
