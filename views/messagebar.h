#pragma once

#include <QFrame>

class QLabel;

namespace hwi::views {

// A non-modal, dismissible bar above the content for load errors (the previous document stays shown).
class MessageBar final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    explicit MessageBar(QWidget* parent = nullptr);

    void showError(const QString& text);
    QString text() const;

private:
    QLabel* m_text;
};

} // namespace hwi::views
