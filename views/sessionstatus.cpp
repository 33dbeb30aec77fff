#include "sessionstatus.h"

#include "background.h"
#include "elidedlabel.h"
#include "itemmodels/timeformat.h"
#include "session/session.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

#include <map>

namespace hwi::views {

SessionStatus::SessionStatus(session::Session* session, QStatusBar* bar)
    : QObject(bar)
    , m_session(session)
    , m_bar(bar)
    , m_comparison(new QLabel(bar))
    , m_source(new ElidedLabel(bar))
    , m_capture(new QLabel(bar))
    , m_counts(new QLabel(bar))
    , m_timing(new QLabel(bar))
    , m_updated(new QLabel(bar))
    , m_progress(new QProgressBar(bar))
    , m_cancel(new QPushButton(tr("&Cancel"), bar)) {
    // The source (a path or URL) elides in the middle where room is short; the other labels keep their text.
    for (QLabel* label :
         {m_comparison, static_cast<QLabel*>(m_source), m_capture, m_counts, m_timing, m_updated}) {
        label->setTextFormat(Qt::PlainText); // sources and statuses come from outside
        bar->addPermanentWidget(label);
    }
    // Where room is short the capture label keeps its time and cuts the rest (the tooltip has it all),
    // rather than widen the window.
    m_capture->setMinimumWidth(
        m_capture->fontMetrics().horizontalAdvance(QStringLiteral("Captured ≈ 2026-11-29T13:00:03.650Z")));
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    m_progress->setMaximumWidth(220);
    setLoading(false);
    setUpAccessibleNames();

    connect(m_cancel, &QPushButton::clicked, session, &session::Session::cancel);
    connect(session, &session::Session::loadStarted, this, [this] {
        m_progress->setFormat(tr("Reading… %p%"));
        setLoading(true);
    });
    connect(session, &session::Session::progress, this, [this](qint64 received, qint64 total) {
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_progress->setValue(int(received * 1000 / total));
    });
    connect(session, &session::Session::pageLoaded, this, [this](int page, qint64 pages, qint64 workers) {
        m_progress->setRange(0, pages > 0 ? int(pages) : 0);
        m_progress->setValue(page);
        m_progress->setFormat(pages > 0 ? tr("Page %1 of %2 (%3 workers)…").arg(page).arg(pages).arg(workers)
                                        : tr("Page %1 (%2 workers)…").arg(page).arg(workers));
    });
    connect(session, &session::Session::parsing, this, [this] {
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("Parsing…"));
    });
    connect(session, &session::Session::comparisonChanged, this, &SessionStatus::updateComparison);
    updateComparison();
    connect(session, &session::Session::shown, this, &SessionStatus::updateLabels);
    connect(session, &session::Session::refreshed, this, &SessionStatus::updateLabels);
    connect(session, &session::Session::failed, this, [this](const load::LoadError& error) {
        setLoading(false);
        updateLastUpdated();
        if (!m_session->snapshot()) { // nothing on screen: say what failed
            m_source->setText(error.source);
            m_counts->setText(tr("not loaded"));
        }
    });
    connect(session, &session::Session::cancelled, this, [this] {
        setLoading(false);
        m_bar->showMessage(tr("Load cancelled; still showing the previous document"), 5000);
    });
}

QString SessionStatus::text() const {
    QStringList texts{m_source->text(), m_capture->text(), m_counts->text(), m_timing->text(),
                      m_updated->text()};
    if (!m_comparison->text().isEmpty())
        texts.prepend(m_comparison->text());
    return texts.join(QStringLiteral(" | "));
}

void SessionStatus::updateComparison() {
    const auto& comparison = m_session->comparison();
    m_comparison->setVisible(comparison.has_value());
    if (!comparison || !comparison->diff) {
        m_comparison->clear();
        return;
    }
    // A local file by its name (the tooltip has the path): the status bar has little room.
    const QFileInfo file(comparison->olderSource);
    const QString older = file.isAbsolute() && file.exists() ? file.fileName() : comparison->olderSource;
    m_comparison->setText(tr("%1 against %2").arg(comparison->diff->summary(), older));
    m_comparison->setToolTip(tr("Compared with %1 (older) — the table's Change column and the detail's "
                                "Changes tab say what changed")
                                 .arg(comparison->olderSource));
}

void SessionStatus::setLoading(bool loading) {
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    if (loading)
        m_progress->setRange(0, 0);
}

void SessionStatus::updateLabels() {
    setLoading(false);
    updateLastUpdated();
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    m_source->setText(snapshot->source);
    updateCapture();
    const auto total = snapshot->workers.size();
    const QString workers = total == 1 ? tr("1 worker") : tr("%1 workers").arg(total);
    m_counts->setText(workers);
    const load::LoadTimings timings = m_session->timings();
    m_timing->setText(tr("loaded in %1 ms").arg(timings.readMs + timings.parseMs));
    // Reading every worker's status takes ~45 ms on 100,000 workers: counted off the GUI thread, the
    // breakdown follows the total a moment later.
    const auto countStatuses = [snapshot] {
        std::map<QString, int> byStatus;
        for (std::size_t i = 0; i < snapshot->workers.size(); ++i)
            ++byStatus[snapshot->worker(i).status()];
        return byStatus;
    };
    runInBackground(this, countStatuses, [this, snapshot, workers](const std::map<QString, int>& byStatus) {
        if (m_session->snapshot() != snapshot)
            return; // a newer snapshot counts its own
        QStringList counts;
        for (const auto& [status, count] : byStatus)
            counts << QStringLiteral("%1 %2").arg(count).arg(status.isEmpty() ? tr("no status")
                                                                              : status.toLower());
        m_counts->setText(workers + QStringLiteral(": ") + counts.join(QStringLiteral(", ")));
    });
}

void SessionStatus::setReference(hatchet::TimeSource source, const QDateTime& time) {
    if (source != hatchet::TimeSource::Now && source != hatchet::TimeSource::UserSet)
        source = hatchet::TimeSource::Unknown;
    if (source == m_reference && time == m_referenceTime)
        return;
    m_reference = source;
    m_referenceTime = time;
    updateCapture();
}

// "Captured 2026-11-29T13:00:03Z (HTTP Date)", "Captured ≈ … (estimated from …)", "Measuring against now",
// "Measuring against 2026-11-29T13:00:05Z (set by you)"; the tooltip tells the capture time's story.
void SessionStatus::updateCapture() {
    using hatchet::TimeSource;
    const auto snapshot = m_session->snapshot();
    QString captured;
    QStringList tip;
    if (snapshot) {
        const hatchet::CaptureTime& capture = snapshot->capture;
        const QString time = models::instantText(capture.time);
        const QString approximately = capture.isEstimated() ? QStringLiteral("≈ ") : QString();
        captured = capture.time.isValid() ? tr("Captured %1%2 (%3)").arg(approximately, time, capture.summary)
                                          : tr("Capture time unknown");
        if (capture.time.isValid())
            tip << tr("Captured %1%2 (%3)").arg(approximately, time, capture.note);
        if (capture.hint.kind != hatchet::CaptureHint::None)
            tip << tr("%1: %2").arg(hatchet::captureHintLabel(capture.hint.kind),
                                    models::instantText(capture.hint.time));
        const hatchet::CaptureBounds& bounds = capture.bounds;
        if ((bounds.earliest || bounds.latest) && !bounds.isContradictory())
            tip << tr("The workers' statuses and heartbeats put it %1")
                       .arg(!bounds.latest ? tr("at or after %1").arg(models::instantText(*bounds.earliest))
                            : !bounds.earliest
                                ? tr("at or before %1").arg(models::instantText(*bounds.latest))
                                : tr("between %1 and %2")
                                      .arg(models::instantText(*bounds.earliest),
                                           models::instantText(*bounds.latest)));
    }
    switch (m_reference) {
    case TimeSource::Now:
        m_capture->setText(tr("Measuring against now"));
        break;
    case TimeSource::UserSet:
        m_capture->setText(tr("Measuring against %1 (set by you)").arg(models::instantText(m_referenceTime)));
        break;
    default:
        m_capture->setText(captured);
        break;
    }
    m_capture->setToolTip(tip.join(QLatin1Char('\n')));
}

void SessionStatus::updateLastUpdated() {
    const QDateTime updated = m_session->lastUpdated();
    if (!updated.isValid()) {
        m_updated->clear();
        return;
    }
    const bool stale = m_session->isStale();
    const QString time = QLocale::c().toString(updated.toLocalTime(), QStringLiteral("HH:mm:ss"));
    m_updated->setText(stale ? tr("Stale: last updated %1 (refresh failed)").arg(time)
                             : tr("Last updated %1").arg(time));
    m_updated->setStyleSheet(stale ? QStringLiteral("color: #c0392b; font-weight: bold") : QString());
}

void SessionStatus::setUpAccessibleNames() {
    m_comparison->setAccessibleName(tr("Comparison"));
    m_source->setAccessibleName(tr("Source"));
    m_capture->setAccessibleName(tr("Capture time"));
    m_counts->setAccessibleName(tr("Workers by status"));
    m_timing->setAccessibleName(tr("Load time"));
    m_updated->setAccessibleName(tr("Last update"));
    m_progress->setAccessibleName(tr("Load progress"));
    m_cancel->setAccessibleDescription(tr("Stop reading; the previous document stays"));
}

} // namespace hwi::views
