#pragma once

#include "hatchet/capturetime.h"

#include <QDateTime>
#include <QObject>
#include <QString>

class QLabel;
class QProgressBar;
class QPushButton;
class QStatusBar;

namespace hwi::session {
class Session;
}

namespace hwi::views {

class ElidedLabel;

// The status bar of a session: the source, the capture time, workers by status, the load time and the
// live "last updated" (red when stale), and while loading a progress bar (bytes, pages, parsing) with
// Cancel. In a comparison, what changed and against what ("2 appeared, 3 gone, 1 replaced, 1 changed
// against old.json"). Follows the session's signals; keeps no state of its own.
class SessionStatus final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionStatus)

public:
    SessionStatus(session::Session* session, QStatusBar* bar);

    // The labels' texts joined by " | " (for tests and accessibility checks).
    QString text() const;
    // What times are measured against, for the capture label: the capture time (any other source: the
    // snapshot's, and where it came from), TimeSource::Now, or TimeSource::UserSet with the time set.
    void setReference(hatchet::TimeSource source, const QDateTime& time = {});

private:
    void setLoading(bool loading);
    void updateLabels();
    void updateLastUpdated();
    void updateCapture();
    void updateComparison();
    void setUpAccessibleNames();

    session::Session* m_session;
    QStatusBar* m_bar;
    QLabel* m_comparison;
    ElidedLabel* m_source;
    QLabel* m_capture;
    QLabel* m_counts;
    QLabel* m_timing;
    QLabel* m_updated;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    hatchet::TimeSource m_reference = hatchet::TimeSource::Unknown; // Unknown: the capture time
    QDateTime m_referenceTime;
};

} // namespace hwi::views
