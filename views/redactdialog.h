#pragma once

#include "analysis/redact.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace hwi::views {

// The choices of a redacted export, shown before writing: what is always replaced, the optional categories
// (worker names, label values, action and workflow names) and the key. The categories are remembered
// ("export/redact/names", …); the key is not.
class RedactDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedactDialog)

public:
    explicit RedactDialog(const QString& title, QWidget* parent = nullptr);

    analysis::RedactOptions options() const;
    void setOptions(const analysis::RedactOptions& options);

    void accept() override; // remembers the categories

private:
    QCheckBox* m_names;
    QCheckBox* m_labels;
    QCheckBox* m_actions;
    QLineEdit* m_key;
};

} // namespace hwi::views
