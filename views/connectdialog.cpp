#include "connectdialog.h"

#include "live/token.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace hwi::views {

ConnectDialog::ConnectDialog(const live::Connection& initial, QWidget* parent)
    : QDialog(parent)
    , m_server(new QLineEdit(initial.serverUrl.toString(), this))
    , m_tenant(new QLineEdit(initial.tenant, this))
    , m_token(new QLineEdit(QString::fromUtf8(initial.token), this))
    , m_timeout(new QSpinBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_allowInsecure(initial.allowInsecure) {
    setWindowTitle(tr("Connect to Hatchet"));
    m_server->setPlaceholderText(tr("https://hatchet.example.internal"));
    m_tenant->setPlaceholderText(tr("tenant id (the token's sub)"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("API token (HATCHET_CLIENT_TOKEN)"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(std::max(1, initial.timeoutMs / 1000));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    m_problem->setTextFormat(Qt::PlainText); // may quote the token's claims or a server's reply
    m_problem->setWordWrap(true);
    auto* note = new QLabel(tr("The token is kept in memory for this session only: it is never saved to disk "
                               "and never shown in titles, messages or exports."),
                            this);
    note->setWordWrap(true);
    note->setEnabled(false);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Server URL:"), m_server);
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(tr("API t&oken:"), m_token);
    form->addRow(tr("T&imeout:"), m_timeout);
    form->addRow(note);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    setMinimumWidth(520);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_token, &QLineEdit::textEdited, this, &ConnectDialog::tokenEdited);
    for (QLineEdit* edit : {m_server, m_tenant, m_token})
        connect(edit, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    validate();
}

live::Connection ConnectDialog::connection() const {
    live::Connection connection;
    const QString server = m_server->text().trimmed();
    connection.serverUrl =
        QUrl(server.contains(QLatin1String("://")) || server.isEmpty() ? server
                                                                       : QLatin1String("https://") + server,
             QUrl::StrictMode);
    connection.tenant = m_tenant->text().trimmed();
    connection.token = m_token->text().trimmed().toUtf8();
    connection.timeoutMs = m_timeout->value() * 1000;
    connection.allowInsecure = m_allowInsecure;
    return connection;
}

void ConnectDialog::tokenEdited() {
    const live::TokenClaims claims = live::decodeToken(m_token->text().trimmed().toUtf8());
    if (!claims.error.isEmpty())
        return;
    if (m_server->text().trimmed().isEmpty())
        m_server->setText(claims.serverUrl);
    if (m_tenant->text().trimmed().isEmpty())
        m_tenant->setText(claims.tenant);
}

void ConnectDialog::validate() {
    QString problem = connection().problem();
    if (problem.isEmpty() && m_token->text().trimmed().isEmpty())
        problem = tr("no API token: the server will refuse the request");
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(connection().problem().isEmpty());
}

} // namespace hwi::views
