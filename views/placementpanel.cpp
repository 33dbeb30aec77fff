#include "placementpanel.h"

#include "desiredlabelseditor.h"
#include "palette.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace hwi::views {

namespace {

const QString DefaultSlotType = QStringLiteral("default");

} // namespace

PlacementPanel::PlacementPanel(QWidget* parent)
    : QWidget(parent)
    , m_action(new QLineEdit(this))
    , m_actions(new QStringListModel(this))
    , m_labels(new DesiredLabelsEditor(this))
    , m_unitsForm(new QFormLayout)
    , m_sticky(new QComboBox(this))
    , m_stickyWorker(new QComboBox(this))
    , m_problems(new QLabel(this))
    , m_copy(new QPushButton(tr("&Copy as Command"), this)) {
    m_action->setPlaceholderText(tr("workflow:task, e.g. %1").arg(QStringLiteral("etl:load")));
    m_action->setAccessibleName(tr("Action"));
    m_action->setToolTip(tr("The task's action id, matched exactly (workers store it lower-cased)"));
    m_action->setClearButtonEnabled(true);
    auto* completer = new QCompleter(m_actions, m_action);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_action->setCompleter(completer);

    m_sticky->addItem(tr("None"), int(analysis::Sticky::None));
    m_sticky->addItem(tr("Soft"), int(analysis::Sticky::Soft));
    m_sticky->addItem(tr("Hard"), int(analysis::Sticky::Hard));
    m_sticky->setToolTip(tr("Sticky assignment: SOFT prefers the worker, HARD waits for it. Either way "
                            "Hatchet ignores every desired label (issue #4936)."));
    m_stickyWorker->setAccessibleName(tr("Sticky worker"));
    m_stickyWorker->setEnabled(false);
    m_stickyWorker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_stickyWorker->setMinimumContentsLength(12);
    auto* sticky = new QHBoxLayout;
    sticky->addWidget(m_sticky);
    sticky->addWidget(m_stickyWorker, 1);

    auto* units = new QWidget(this);
    units->setLayout(m_unitsForm);
    m_unitsForm->setContentsMargins(0, 0, 0, 0);
    rebuildUnits({});

    auto* form = new QFormLayout;
    form->addRow(tr("&Action:"), m_action);
    form->addRow(tr("Slot &units:"), units);
    // A row whose field is a layout gets no buddy from QFormLayout: name it, or "&" shows literally.
    auto* stickyLabel = new QLabel(tr("&Sticky:"), this);
    stickyLabel->setBuddy(m_sticky);
    form->addRow(stickyLabel, sticky);
    auto* labelsBox = new QGroupBox(tr("Desired worker labels"), this);
    auto* labelsLayout = new QVBoxLayout(labelsBox);
    labelsLayout->addWidget(m_labels);

    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setAccessibleName(tr("Input problems"));
    QPalette red = m_problems->palette();
    red.setColor(QPalette::WindowText, healthColor(models::HealthLevel::Bad, palette()));
    m_problems->setPalette(red);
    m_problems->hide();
    m_copy->setToolTip(tr("Copy the hatchet-inspector --place command line that gives these verdicts"));
    m_copy->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copy);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(labelsBox, 1);
    layout->addWidget(m_problems);
    layout->addLayout(buttons);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &PlacementPanel::taskChanged);
    connect(m_action, &QLineEdit::textChanged, this, &PlacementPanel::edited);
    connect(m_labels, &DesiredLabelsEditor::changed, this, &PlacementPanel::edited);
    connect(m_sticky, &QComboBox::currentIndexChanged, this, [this] {
        m_stickyWorker->setEnabled(m_sticky->currentData().toInt() != int(analysis::Sticky::None));
        edited();
    });
    connect(m_stickyWorker, &QComboBox::currentIndexChanged, this, &PlacementPanel::edited);
    connect(m_copy, &QPushButton::clicked, this, &PlacementPanel::copyCommandRequested);
}

QSize PlacementPanel::sizeHint() const {
    const QSize laidOut = QWidget::sizeHint();
    return {std::max(laidOut.width(), fontMetrics().averageCharWidth() * 60), laidOut.height()};
}

void PlacementPanel::setChoices(const models::PlacementChoices& choices) {
    m_actions->setStringList(choices.actions);
    m_labels->setKeyChoices(choices.labelKeys);
    rebuildUnits(choices.slotTypes);
    const QString chosen = m_stickyWorker->currentData().toString();
    const QSignalBlocker blocker(m_stickyWorker);
    m_stickyWorker->clear();
    for (const models::PlacementChoices::Worker& worker : choices.workers) {
        m_stickyWorker->addItem(worker.name, worker.id);
        m_stickyWorker->setItemData(m_stickyWorker->count() - 1, worker.id, Qt::ToolTipRole);
    }
    m_stickyWorker->setCurrentIndex(m_stickyWorker->findData(chosen));
    edited();
}

// One spin box per slot type of the snapshot; values typed before stay with their type.
void PlacementPanel::rebuildUnits(const QStringList& slotTypes) {
    const QStringList types = slotTypes.isEmpty() ? QStringList{DefaultSlotType} : slotTypes;
    if (std::equal(types.begin(), types.end(), m_units.begin(), m_units.end(),
                   [](const QString& type, const auto& unit) { return type == unit.first; }))
        return; // a refresh with the same types: the boxes (and the focus) stay
    QHash<QString, int> before;
    for (const auto& [type, spin] : m_units)
        before.insert(type, spin->value());
    while (m_unitsForm->rowCount() > 0)
        m_unitsForm->removeRow(0);
    m_units.clear();
    for (const QString& type : types) {
        auto* spin = new QSpinBox;
        spin->setRange(0, std::numeric_limits<int>::max());
        spin->setValue(before.value(type, type == DefaultSlotType ? 1 : 0));
        spin->setAccessibleName(tr("Units of %1").arg(type));
        connect(spin, &QSpinBox::valueChanged, this, &PlacementPanel::edited);
        m_unitsForm->addRow(type + QLatin1Char(':'), spin);
        m_units.emplace_back(type, spin);
    }
    // Alt+U ("Slot units") lands in the first box, not on their container.
    m_unitsForm->parentWidget()->setFocusProxy(m_units.front().second);
}

void PlacementPanel::setAction(const QString& action) {
    m_action->setText(action);
}

QString PlacementPanel::action() const {
    return m_action->text().trimmed();
}

void PlacementPanel::setUnits(const QString& slotType, int units) {
    for (const auto& [type, spin] : m_units) {
        if (type == slotType)
            spin->setValue(units);
    }
}

void PlacementPanel::setSticky(analysis::Sticky sticky, const QString& workerId) {
    m_sticky->setCurrentIndex(m_sticky->findData(int(sticky)));
    if (sticky != analysis::Sticky::None)
        m_stickyWorker->setCurrentIndex(m_stickyWorker->findData(workerId));
}

void PlacementPanel::setTask(const analysis::Task& task) {
    setAction(task.action);
    m_labels->clear();
    for (const analysis::DesiredLabel& label : task.labels)
        m_labels->addLabel(label);
    const std::vector<analysis::SlotUnits> requested = task.requestedUnits();
    for (const auto& entry : m_units) {
        // Not a structured binding: clang 14 cannot capture one in a lambda.
        const QString& type = entry.first;
        const auto found =
            std::find_if(requested.begin(), requested.end(),
                         [&type](const analysis::SlotUnits& units) { return units.slotType == type; });
        entry.second->setValue(found == requested.end() ? 0 : int(found->units));
    }
    setSticky(task.sticky, task.stickyWorkerId);
}

std::optional<analysis::Task> PlacementPanel::task() const {
    if (action().isEmpty() || !problems().isEmpty())
        return std::nullopt;
    analysis::Task task;
    task.action = action();
    task.labels = m_labels->labels();
    for (const auto& [type, spin] : m_units) {
        if (spin->value() > 0)
            task.units.push_back({type, spin->value()});
    }
    // {default: 1} is what the engine requests when none is given: the command line can leave it out.
    if (task.units.size() == 1 && task.units.front().slotType == DefaultSlotType &&
        task.units.front().units == 1)
        task.units.clear();
    task.sticky = analysis::Sticky(m_sticky->currentData().toInt());
    if (task.sticky != analysis::Sticky::None)
        task.stickyWorkerId = m_stickyWorker->currentData().toString();
    return task;
}

QStringList PlacementPanel::problems() const {
    QStringList problems;
    problems << m_labels->problems();
    if (m_sticky->currentData().toInt() != int(analysis::Sticky::None) && m_stickyWorker->currentIndex() < 0)
        problems << tr("sticky: choose the desired worker");
    return problems;
}

void PlacementPanel::edited() {
    updateProblems();
    m_debounce.start();
}

void PlacementPanel::updateProblems() {
    const QStringList problems = this->problems();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    m_copy->setEnabled(!action().isEmpty() && problems.isEmpty());
}

} // namespace hwi::views
