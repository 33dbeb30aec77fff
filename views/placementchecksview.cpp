#include "placementchecksview.h"

#include "palette.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hwi::views {

namespace {

using Result = analysis::Check::Result;

models::HealthLevel levelOf(Result result) {
    switch (result) {
    case Result::Passed:
        return models::HealthLevel::Good;
    case Result::Unmet:
    case Result::Ignored:
        return models::HealthLevel::Unknown;
    case Result::Full:
        return models::HealthLevel::Warning;
    case Result::TooSmall:
    case Result::Excluded:
        break;
    }
    return models::HealthLevel::Bad;
}

models::HealthLevel levelOf(analysis::Verdict verdict) {
    return verdict == analysis::Verdict::Fits   ? models::HealthLevel::Good
           : verdict == analysis::Verdict::Full ? models::HealthLevel::Warning
                                                : models::HealthLevel::Bad;
}

} // namespace

PlacementChecksView::PlacementChecksView(QWidget* parent)
    : QWidget(parent)
    , m_verdict(new QLabel(this))
    , m_checks(new QTableWidget(0, NUM_COLUMNS, this))
    , m_warnings(new QLabel(this)) {
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_checks->setHorizontalHeaderLabels({tr("Rule"), tr("Result"), tr("What the scheduler finds")});
    m_checks->verticalHeader()->hide();
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checks->setWordWrap(true);
    m_checks->setAccessibleName(tr("Placement checks"));
    m_checks->horizontalHeader()->setSectionResizeMode(RuleColumn, QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);
    m_checks->horizontalHeader()->setStretchLastSection(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setWordWrap(true);
    QPalette amber = m_warnings->palette();
    amber.setColor(QPalette::WindowText, healthColor(models::HealthLevel::Warning, palette()));
    m_warnings->setPalette(amber);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_verdict);
    layout->addWidget(m_checks, 1);
    layout->addWidget(m_warnings);
    setPlacement(std::nullopt, {});
}

QString PlacementChecksView::ruleName(analysis::Check::Rule rule) {
    switch (rule) {
    case analysis::Check::Rule::Live:
        return tr("1 Live worker");
    case analysis::Check::Rule::Action:
        return tr("2 Action");
    case analysis::Check::Rule::Slots:
        return tr("3 Slots");
    case analysis::Check::Rule::Labels:
        return tr("4 Labels");
    case analysis::Check::Rule::Sticky:
        return tr("5 Sticky");
    }
    return {};
}

QString PlacementChecksView::resultName(Result result) {
    switch (result) {
    case Result::Passed:
        return tr("passed");
    case Result::Unmet:
        return tr("not met (+0)");
    case Result::Ignored:
        return tr("ignored");
    case Result::Full:
        return tr("full now");
    case Result::TooSmall:
        return tr("too small");
    case Result::Excluded:
        return tr("excluded");
    }
    return {};
}

void PlacementChecksView::setPlacement(const std::optional<analysis::WorkerPlacement>& placement,
                                       const QStringList& warnings) {
    m_checks->setRowCount(0);
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
    if (!placement) {
        m_verdict->setText(tr("No worker selected"));
        m_verdict->setPalette(palette());
        return;
    }
    const bool excluded = placement->verdict == analysis::Verdict::Excluded;
    m_verdict->setText(
        excluded
            ? tr("Verdict: excluded (no rank)")
            : tr("Verdict: %1, rank %2").arg(analysis::verdictId(placement->verdict)).arg(placement->rank));
    QPalette coloured = palette();
    coloured.setColor(QPalette::WindowText, healthColor(levelOf(placement->verdict), palette()));
    m_verdict->setPalette(coloured);
    m_checks->setRowCount(int(placement->checks.size()));
    for (int row = 0; row < int(placement->checks.size()); ++row) {
        const analysis::Check& check = placement->checks[std::size_t(row)];
        auto* result = new QTableWidgetItem(resultName(check.result));
        result->setForeground(healthColor(levelOf(check.result), palette()));
        m_checks->setItem(row, RuleColumn, new QTableWidgetItem(ruleName(check.rule)));
        m_checks->setItem(row, ResultColumn, result);
        auto* text = new QTableWidgetItem(check.text);
        text->setToolTip(check.text);
        m_checks->setItem(row, TextColumn, text);
    }
    m_checks->resizeRowsToContents();
}

} // namespace hwi::views
