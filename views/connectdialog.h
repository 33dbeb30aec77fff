#pragma once

#include "live/connection.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace hwi::views {

// File > Connect to Hatchet…: server URL, tenant and API token (masked), prefilled from the environment
// Hatchet's SDKs use; pasting a token fills an empty server URL and tenant from its claims. The token stays
// in memory only.
class ConnectDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    explicit ConnectDialog(const live::Connection& initial, QWidget* parent = nullptr);

    live::Connection connection() const;
    QLineEdit* serverEdit() const { return m_server; }
    QLineEdit* tenantEdit() const { return m_tenant; }
    QLineEdit* tokenEdit() const { return m_token; }

private:
    void tokenEdited();
    void validate();

    QLineEdit* m_server;
    QLineEdit* m_tenant;
    QLineEdit* m_token;
    QSpinBox* m_timeout;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    bool m_allowInsecure;
};

} // namespace hwi::views
