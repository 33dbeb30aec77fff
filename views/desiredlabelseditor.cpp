#include "desiredlabelseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace hwi::views {

namespace {

// The characters --want accepts in a key (app/placecommand.cpp): what the engine's keys are made of.
bool isKeyText(const QString& key) {
    return std::all_of(key.begin(), key.end(),
                       [](QChar c) { return c.isLetterOrNumber() || QStringLiteral("_-./:").contains(c); });
}

// The checkbox centred in its cell.
QWidget* centred(QCheckBox* box) {
    auto* cell = new QWidget;
    auto* layout = new QHBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box, 0, Qt::AlignCenter);
    return cell;
}

} // namespace

DesiredLabelsEditor::DesiredLabelsEditor(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, NUM_COLUMNS, this))
    , m_keys(new QStringListModel(this)) {
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Op"), tr("Value"), tr("Req."), tr("Weight")});
    m_table->horizontalHeaderItem(RequiredColumn)
        ->setToolTip(tr("Required: a worker without the label is excluded"));
    m_table->horizontalHeaderItem(WeightColumn)
        ->setToolTip(tr("Added to the worker's rank when it has the label (negative weights allowed)"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAccessibleName(tr("Desired labels"));
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    // ResizeToContents would size these by their header text alone (cell widgets do not count), and
    // squeeze the comparator box to an empty arrow: size them by the widgets they hold.
    QComboBox comparator;
    comparator.addItems(analysis::comparatorSymbols());
    QSpinBox weight;
    weight.setRange(-9999, 9999); // wider weights scroll within the box
    const QCheckBox required;
    const int margin = 2 * m_table->frameWidth() + 2;
    for (const auto& [column, widget] : {std::pair<int, const QWidget*>{ComparatorColumn, &comparator},
                                         {RequiredColumn, &required},
                                         {WeightColumn, &weight}}) {
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        header->resizeSection(column,
                              std::max(widget->sizeHint().width() + margin, header->sectionSizeHint(column)));
    }
    m_table->setMinimumHeight(m_table->fontMetrics().height() * 6);

    auto* add = new QPushButton(tr("&Add Label"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setToolTip(tr("Remove the selected label"));
    connect(add, &QPushButton::clicked, this, [this] {
        addLabel();
        m_table->setCurrentCell(rowCount() - 1, KeyColumn);
        if (QWidget* key = m_table->cellWidget(rowCount() - 1, KeyColumn))
            key->setFocus();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            removeRow(m_table->currentRow());
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

void DesiredLabelsEditor::setKeyChoices(const QStringList& keys) {
    m_keys->setStringList(keys);
}

void DesiredLabelsEditor::addLabel(const analysis::DesiredLabel& label) {
    const int row = rowCount();
    m_table->insertRow(row);
    auto* key = new QLineEdit(label.key);
    key->setPlaceholderText(tr("key"));
    auto* completer = new QCompleter(m_keys, key);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    key->setCompleter(completer);
    auto* comparator = new QComboBox;
    comparator->addItems(analysis::comparatorSymbols());
    comparator->setCurrentText(analysis::comparatorSymbol(label.comparator));
    comparator->setToolTip(tr("> >= < <= compare integers: worker value OP this value"));
    auto* value = new QLineEdit(label.value);
    value->setPlaceholderText(tr("value"));
    auto* required = new QCheckBox;
    required->setChecked(label.required);
    auto* weight = new QSpinBox;
    weight->setRange(std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    weight->setValue(label.weight);
    m_table->setCellWidget(row, KeyColumn, key);
    m_table->setCellWidget(row, ComparatorColumn, comparator);
    m_table->setCellWidget(row, ValueColumn, value);
    m_table->setCellWidget(row, RequiredColumn, centred(required));
    m_table->setCellWidget(row, WeightColumn, weight);
    connect(key, &QLineEdit::textChanged, this, &DesiredLabelsEditor::changed);
    connect(comparator, &QComboBox::currentIndexChanged, this, &DesiredLabelsEditor::changed);
    connect(value, &QLineEdit::textChanged, this, &DesiredLabelsEditor::changed);
    connect(required, &QCheckBox::toggled, this, &DesiredLabelsEditor::changed);
    connect(weight, &QSpinBox::valueChanged, this, &DesiredLabelsEditor::changed);
    Q_EMIT changed();
}

void DesiredLabelsEditor::removeRow(int row) {
    if (row < 0 || row >= rowCount())
        return;
    m_table->removeRow(row);
    Q_EMIT changed();
}

void DesiredLabelsEditor::clear() {
    m_table->setRowCount(0);
    Q_EMIT changed();
}

int DesiredLabelsEditor::rowCount() const {
    return m_table->rowCount();
}

std::optional<analysis::DesiredLabel> DesiredLabelsEditor::labelAt(int row, QString* problem) const {
    analysis::DesiredLabel label;
    label.key = qobject_cast<QLineEdit*>(m_table->cellWidget(row, KeyColumn))->text().trimmed();
    label.comparator =
        analysis::comparatorFromSymbol(
            qobject_cast<QComboBox*>(m_table->cellWidget(row, ComparatorColumn))->currentText())
            .value_or(analysis::Comparator::Equal);
    // Spaces after the comparator are skipped, as --want skips them; trailing ones belong to the value.
    const QString value = qobject_cast<QLineEdit*>(m_table->cellWidget(row, ValueColumn))->text();
    const auto start = std::find_if(value.begin(), value.end(), [](QChar c) { return !c.isSpace(); });
    label.value = value.mid(start - value.begin());
    label.required = m_table->cellWidget(row, RequiredColumn)->findChild<QCheckBox*>()->isChecked();
    label.weight = qobject_cast<QSpinBox*>(m_table->cellWidget(row, WeightColumn))->value();
    const QString where = tr("label %1: ").arg(row + 1);
    if (label.key.isEmpty() && label.value.isEmpty())
        return std::nullopt; // a blank row, not yet filled in
    if (label.key.isEmpty())
        *problem = where + tr("a key is needed");
    else if (!isKeyText(label.key))
        *problem = where + tr("a key is letters, digits and _ - . / : only, not '%1'").arg(label.key);
    else if (label.value.isEmpty())
        *problem =
            where + tr("%1 needs a value").arg(label.key + analysis::comparatorSymbol(label.comparator));
    else if (analysis::needsIntegers(label.comparator) && !analysis::labelInteger(label.value))
        *problem = where + tr("%1 compares integers, not '%2'")
                               .arg(label.key + analysis::comparatorSymbol(label.comparator), label.value);
    else
        return label;
    return std::nullopt;
}

std::vector<analysis::DesiredLabel> DesiredLabelsEditor::labels() const {
    std::vector<analysis::DesiredLabel> labels;
    QString problem;
    for (int row = 0; row < rowCount(); ++row) {
        if (auto label = labelAt(row, &problem))
            labels.push_back(std::move(*label));
    }
    return labels;
}

QStringList DesiredLabelsEditor::problems() const {
    QStringList problems;
    for (int row = 0; row < rowCount(); ++row) {
        QString problem;
        if (!labelAt(row, &problem) && !problem.isEmpty())
            problems << problem;
    }
    return problems;
}

} // namespace hwi::views
