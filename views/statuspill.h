#pragma once

#include "itemmodels/roles.h"

#include <QWidget>

namespace hwi::views {

// A worker status ("ACTIVE", "PAUSED", "INACTIVE", or whatever a newer server sends) as a pill coloured by
// its health level, for the detail header. Same look as StatusPillDelegate. The level comes from the one
// status rule (hatchet::statusHealth), never from reading the text here.
class StatusPill final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusPill)
    Q_PROPERTY(QString status READ status)
public:
    explicit StatusPill(QWidget* parent = nullptr);
    StatusPill(const QString& status, models::HealthLevel level, QWidget* parent = nullptr);
    // The level from hatchet::statusHealth(status).
    explicit StatusPill(const QString& status, QWidget* parent = nullptr);

    QString status() const { return m_status; }
    models::HealthLevel level() const { return m_level; }
    void setStatus(const QString& status, models::HealthLevel level);
    void setStatus(const QString& status); // the level from hatchet::statusHealth(status)

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QString shownText() const;

    QString m_status;
    models::HealthLevel m_level = models::HealthLevel::Unknown;
};

} // namespace hwi::views
