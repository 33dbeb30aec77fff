#pragma once

#include <QWidget>

namespace hwi::views {

// A worker status ("ACTIVE", "PAUSED", "INACTIVE", or whatever a newer server sends) as a coloured pill,
// for the detail header. Same look as StatusPillDelegate.
class StatusPill final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusPill)
    Q_PROPERTY(QString status READ status WRITE setStatus)
public:
    explicit StatusPill(QWidget* parent = nullptr);
    explicit StatusPill(const QString& status, QWidget* parent = nullptr);

    QString status() const { return m_status; }
    void setStatus(const QString& status);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QString shownText() const;

    QString m_status;
};

} // namespace hwi::views
