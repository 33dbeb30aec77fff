#include "filterbar.h"

#include "palette.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace hwi::views {

namespace {

constexpr int DebounceMsecs = 150;
constexpr int RecentQueries = 20;

// The query's `status:` term, e.g. "status:ACTIVE,PAUSED", as a pattern over the text.
const QRegularExpression& statusTerm() {
    static const QRegularExpression term(QStringLiteral("(^|\\s)status:([A-Za-z_,]+)"));
    return term;
}

} // namespace

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_counts(new QLabel(this))
    , m_error(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_labels(new QComboBox(this))
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
    m_labels->setToolTip(tr("Add a label key=value filter from the loaded workers"));
    m_labels->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto* row = new QHBoxLayout;
    row->addWidget(m_edit, 1);
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
    m_debounce.setInterval(DebounceMsecs);
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
        const QString chip = m_labels->itemText(index);
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
    syncStatusButtons();
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

void FilterBar::setLabelChoices(const QStringList& keyValues) {
    m_labels->clear();
    m_labels->addItem(tr("Label…"));
    m_labels->addItems(keyValues);
    m_labels->setEnabled(!keyValues.isEmpty());
}

void FilterBar::toggleStatus(const QString& status, bool on) {
    // Rewrite the one status: term from the set of checked buttons.
    QStringList checked;
    for (const auto& [name, button] : m_statusButtons) {
        if (name == status ? on : button->isChecked())
            checked << name;
    }
    QString text = query();
    text.remove(statusTerm());
    text = text.simplified();
    if (!checked.isEmpty())
        text = QString(text + QStringLiteral(" status:") + checked.join(QLatin1Char(','))).trimmed();
    if (text != query())
        setQuery(text);
}

void FilterBar::syncStatusButtons() {
    const QRegularExpressionMatch match = statusTerm().match(query());
    const QStringList values =
        match.hasMatch() ? match.captured(2).toUpper().split(QLatin1Char(',')) : QStringList();
    for (const auto& [name, button] : m_statusButtons) {
        const QSignalBlocker blocker(button);
        button->setChecked(values.contains(name));
    }
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
