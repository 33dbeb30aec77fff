#pragma once

#include <QIcon>
#include <QString>

class QWidget;

namespace hwi::views {

// The Hatchet API spec the validation follows (Hatchet's bundled OpenAPI spec, info.version, and the
// hatchet-dev/hatchet commit it was taken from), and the older Worker schema also read.
struct SupportedSchema {
    static constexpr const char* ApiVersion = "1.0.0";
    static constexpr const char* Commit = "89d130f3";
    static constexpr const char* CommitDate = "2026-08-22";
    static constexpr const char* LegacyUntil = "2026-02-17"; // maxRuns/availableRuns before slotConfig
};

// The application icon (an SVG, crisp at every scale).
QIcon applicationIcon();
// Help > About as rich text: version, the Qt version running (qVersion()) and the schema supported.
QString aboutText();
void showAboutDialog(QWidget* parent);

} // namespace hwi::views
