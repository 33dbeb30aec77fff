#include "redactdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace hwi::views {

namespace {

const QString NamesKey = QStringLiteral("export/redact/names");
const QString LabelsKey = QStringLiteral("export/redact/labels");
const QString ActionsKey = QStringLiteral("export/redact/actions");

} // namespace

RedactDialog::RedactDialog(const QString& title, QWidget* parent)
    : QDialog(parent)
    , m_names(new QCheckBox(tr("Worker &names (worker-1, worker-2, …)"), this))
    , m_labels(new QCheckBox(tr("&Label values (value-1, …; keys are kept)"), this))
    , m_actions(new QCheckBox(tr("&Actions and workflow names (workflow-1:task-1, …)"), this))
    , m_key(new QLineEdit(this)) {
    setWindowTitle(title);
    auto* always = new QLabel(tr("Always replaced: every id (by a pseudonym UUID, the same for the same id), "
                                 "webhook URLs, and the runtime's OS and extra information. Statuses, times, "
                                 "slots, SDKs, types and the file's structure are kept."),
                              this);
    always->setWordWrap(true);
    m_key->setPlaceholderText(tr("random for this export"));
    m_key->setToolTip(tr("Exports with the same key give the same ids the same pseudonyms"));
    m_key->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    QSettings settings;
    m_names->setChecked(settings.value(NamesKey, false).toBool());
    m_labels->setChecked(settings.value(LabelsKey, false).toBool());
    m_actions->setChecked(settings.value(ActionsKey, false).toBool());

    auto* form = new QFormLayout;
    form->addRow(tr("Pseudonym &key:"), m_key);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose File…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(always);
    layout->addWidget(new QLabel(tr("Also replace:"), this));
    layout->addWidget(m_names);
    layout->addWidget(m_labels);
    layout->addWidget(m_actions);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

analysis::RedactOptions RedactDialog::options() const {
    return {m_names->isChecked(), m_labels->isChecked(), m_actions->isChecked(), m_key->text().toUtf8()};
}

void RedactDialog::setOptions(const analysis::RedactOptions& options) {
    m_names->setChecked(options.names);
    m_labels->setChecked(options.labels);
    m_actions->setChecked(options.actions);
    m_key->setText(QString::fromUtf8(options.key));
}

void RedactDialog::accept() {
    QSettings settings;
    settings.setValue(NamesKey, m_names->isChecked());
    settings.setValue(LabelsKey, m_labels->isChecked());
    settings.setValue(ActionsKey, m_actions->isChecked());
    QDialog::accept();
}

} // namespace hwi::views
