#include "filterbar.h"

#include "filter/query.h"
#include "palette.h"
#include "plaintooltips.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <utility>

namespace hwi::views {

namespace {

constexpr int FilterDebounceMsecs = 150;
constexpr int RecentQueries = 20;

// The parsed query, or nothing while the text does not parse (toggles and chips then stay as they were).
std::optional<filter::Query> parsed(const QString& text) {
    auto result = filter::Query::parse(text);
    if (auto* query = std::get_if<filter::Query>(&result))
        return std::move(*query);
    return std::nullopt;
}

// The first non-negated status: term, whose values the toggles show and rewrite.
const filter::Query::Term* statusTerm(const filter::Query& query) {
    for (const filter::Query::Term& term : query.terms()) {
        if (term.fieldName == QLatin1String("status") && !term.negated)
            return &term;
    }
    return nullptr;
}

// The label terms in the order they stand in the text.
std::vector<const filter::Query::Term*> labelTerms(const filter::Query& query) {
    std::vector<const filter::Query::Term*> terms;
    for (const filter::Query::Term& term : query.terms()) {
        if (term.fieldName == QLatin1String("label"))
            terms.push_back(&term);
    }
    std::sort(terms.begin(), terms.end(), [](const auto* a, const auto* b) { return a->start < b->start; });
    return terms;
}

// The text without the span [start, start + length), spaces tidied.
QString without(const QString& text, int start, int length) {
    return QString(text).remove(start, length).simplified();
}

} // namespace

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_counts(new QLabel(this))
    , m_error(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_labels(new QComboBox(this))
    , m_chipRow(new QWidget(this))
    , m_recent(new QStringListModel(this)) {
    m_edit->setPlaceholderText(tr("Filter: words, status:active,paused  label:gpu=a100  heartbeat:>30s  "
                                  "slots:free  -type:webhook"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(tr("Worker filter"));
    auto* completer = new QCompleter(m_recent, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_edit->setCompleter(completer);
    m_error->setTextFormat(Qt::PlainText); // quotes the query, which may hold label values from data
    m_error->setWordWrap(true);
    m_error->hide();
    m_hint->setTextFormat(Qt::PlainText); // quotes typed values
    m_hint->setWordWrap(true);
    m_hint->setAccessibleName(tr("Filter hint"));
    m_hint->hide();
    m_labels->setAccessibleName(tr("Add a label filter"));
    m_labels->setToolTip(
        tr("Add a label filter (a key with any value, or key=value) from the loaded workers"));
    // Compact in the row (long label choices would squeeze the box); the list itself is as wide as needed.
    m_labels->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_labels->setMinimumContentsLength(6);
    m_edit->setMinimumWidth(m_edit->fontMetrics().averageCharWidth() * 18); // usable on a 1024-px screen

    auto* row = new QHBoxLayout;
    row->addWidget(m_edit, 1);
    auto* chips = new QHBoxLayout(m_chipRow);
    chips->setContentsMargins(0, 0, 0, 0);
    chips->setSpacing(2);
    m_chipRow->setAccessibleName(tr("Label filters"));
    m_chipRow->hide();
    row->addWidget(m_chipRow);
    for (const char* status : {"ACTIVE", "PAUSED", "INACTIVE"}) {
        auto* button = new QToolButton(this);
        const QString name = QString::fromLatin1(status);
        button->setText(name.left(1) + name.mid(1).toLower());
        button->setCheckable(true);
        button->setAccessibleName(tr("Only %1 workers").arg(name.toLower()));
        connect(button, &QToolButton::toggled, this, [this, name](bool on) { toggleStatus(name, on); });
        row->addWidget(button);
        m_statusButtons.emplace_back(name, button);
    }
    row->addWidget(m_labels);
    row->addWidget(m_counts);
    // Tab in the order shown: the box, the status toggles, the label picker.
    QWidget* previous = m_edit;
    for (const auto& [status, button] : m_statusButtons)
        setTabOrder(std::exchange(previous, button), button);
    setTabOrder(previous, m_labels);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addWidget(m_hint);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(FilterDebounceMsecs);
    connect(m_edit, &QLineEdit::textEdited, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        emitQuery();
        if (!m_error->isVisible())
            remember(query().trimmed()); // what the user settled on, not every keystroke
    });
    connect(&m_debounce, &QTimer::timeout, this, &FilterBar::emitQuery);
    connect(m_labels, &QComboBox::activated, this, [this](int index) {
        if (index <= 0)
            return;
        const QString chip = m_labels->itemData(index).toString();
        m_labels->setCurrentIndex(0);
        const QString term =
            QStringLiteral("label:") +
            (chip.contains(QLatin1Char(' ')) ? QLatin1Char('"') + chip + QLatin1Char('"') : chip);
        setQuery(QString(query().trimmed() + QLatin1Char(' ') + term).trimmed());
    });
    setLabelChoices({});
}

QString FilterBar::query() const {
    return m_edit->text();
}

void FilterBar::setQuery(const QString& query) {
    m_edit->setText(query);
    emitQuery();
}

void FilterBar::focusQuery() {
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FilterBar::emitQuery() {
    m_debounce.stop();
    syncWithQuery();
    Q_EMIT queryChanged(query());
}

void FilterBar::setError(const QString& error) {
    QPalette p = m_edit->palette();
    if (error.isEmpty()) {
        m_edit->setPalette(QPalette());
        m_error->hide();
        return;
    }
    p.setColor(QPalette::Base,
               healthColor(models::HealthLevel::Bad, palette()).lighter(isDarkPalette(palette()) ? 60 : 185));
    m_edit->setPalette(p);
    m_error->setText(error);
    m_error->show();
}

QString FilterBar::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

void FilterBar::setHint(const QString& hint) {
    m_hint->setText(hint);
    m_edit->setToolTip(hint);
    if (hint.isEmpty()) {
        m_hint->hide();
        return;
    }
    // Amber, not the error's red: the query applies, it only may not mean what was typed.
    QPalette p = m_hint->palette();
    p.setColor(QPalette::WindowText, healthColor(models::HealthLevel::Warning, palette()));
    m_hint->setPalette(p);
    m_hint->show();
}

QString FilterBar::hintText() const {
    return m_hint->isHidden() ? QString() : m_hint->text();
}

void FilterBar::setCounts(int shown, int total) {
    m_counts->setText(tr("%1 of %2 workers").arg(shown).arg(total));
}

QString FilterBar::countsText() const {
    return m_counts->text();
}

void FilterBar::setLabelChoices(const QStringList& choices) {
    m_labels->clear();
    m_labels->addItem(tr("Label…"));
    for (const QString& choice : choices)
        m_labels->addItem(choice.contains(QLatin1Char('=')) ? choice : tr("%1 (any value)").arg(choice),
                          choice);
    m_labels->setEnabled(!choices.isEmpty());
    m_labels->view()->setMinimumWidth(m_labels->view()->sizeHintForColumn(0) + 24);
}

QStringList FilterBar::chipTexts() const {
    QStringList texts;
    for (const QToolButton* chip : m_chips)
        texts << chip->property("term").toString();
    return texts;
}

void FilterBar::removeChip(int index) {
    const auto query = parsed(this->query());
    if (!query)
        return;
    const auto terms = labelTerms(*query);
    if (index < 0 || std::size_t(index) >= terms.size())
        return;
    setQuery(without(this->query(), terms[std::size_t(index)]->start, terms[std::size_t(index)]->length));
}

void FilterBar::toggleStatus(const QString& status, bool on) {
    // Rewrite the status: term from the set of checked buttons.
    QStringList checked;
    for (const auto& [name, button] : m_statusButtons) {
        if (name == status ? on : button->isChecked())
            checked << name;
    }
    QString text = query().simplified();
    if (const auto query = parsed(text)) {
        if (const filter::Query::Term* term = statusTerm(*query))
            text = without(text, term->start, term->length);
    }
    if (!checked.isEmpty())
        text = QString(text + QStringLiteral(" status:") + checked.join(QLatin1Char(','))).trimmed();
    if (text != query())
        setQuery(text);
}

void FilterBar::syncWithQuery() {
    const auto query = parsed(this->query());
    if (!query)
        return; // a malformed query: the toggles and chips keep showing the last valid one
    QStringList values;
    if (const filter::Query::Term* term = statusTerm(*query)) {
        for (const auto& alternative : term->alternatives)
            values << alternative.typed.toUpper();
    }
    for (const auto& [name, button] : m_statusButtons) {
        const QSignalBlocker blocker(button);
        button->setChecked(values.contains(name));
    }
    QStringList chips;
    for (const filter::Query::Term* term : labelTerms(*query))
        chips << this->query().mid(term->start, term->length);
    rebuildChips(chips);
}

void FilterBar::rebuildChips(const QStringList& terms) {
    if (terms == chipTexts())
        return;
    for (QToolButton* chip : m_chips)
        chip->deleteLater();
    m_chips.clear();
    for (int i = 0; i < terms.size(); ++i) {
        // "gpu=a100 ×", "not gpu ×": the term without its field name, and a button that removes it.
        QString shown = terms.at(i);
        const bool negated = shown.startsWith(QLatin1Char('-'));
        shown = shown.mid(shown.indexOf(QLatin1Char(':')) + 1);
        auto* chip = new QToolButton(m_chipRow);
        chip->setText((negated ? tr("not %1").arg(shown) : shown) + QStringLiteral(" \u00d7"));
        chip->setProperty("term", terms.at(i));
        chip->setToolTip(plainToolTip(tr("Remove the filter %1").arg(terms.at(i))));
        chip->setAccessibleName(tr("Remove label filter %1").arg(shown));
        chip->setAutoRaise(false);
        connect(chip, &QToolButton::clicked, this, [this, i] { removeChip(i); });
        m_chipRow->layout()->addWidget(chip);
        m_chips.push_back(chip);
    }
    m_chipRow->setVisible(!m_chips.empty());
}

void FilterBar::remember(const QString& query) {
    if (query.isEmpty())
        return;
    QStringList recent = m_recent->stringList();
    recent.removeAll(query);
    recent.prepend(query);
    m_recent->setStringList(recent.mid(0, RecentQueries));
}

} // namespace hwi::views
