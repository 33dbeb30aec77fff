#include "aboutdialog.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace hwi::views {

QIcon applicationIcon() {
    return QIcon(QStringLiteral(":/icons/hatchet-inspector.svg"));
}

QString aboutText() {
    const QString version = QCoreApplication::applicationVersion();
    return QCoreApplication::translate(
               "hwi::views::About",
               "<h3>Hatchet Worker Inspector %1</h3>"
               "<p>Built with Qt %2, running on Qt %3.</p>"
               "<p>Reads and validates Hatchet Worker JSON against the Hatchet API spec %4 "
               "(hatchet-dev/hatchet %5, %6), and the older Worker schema with "
               "<code>maxRuns</code>/<code>availableRuns</code> used until %7.</p>"
               "<p>The spec is MIT-licensed by Hatchet Technologies Inc.</p>")
        .arg(version.isEmpty() ? QStringLiteral("(development build)") : version,
             QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
             QLatin1String(SupportedSchema::ApiVersion), QLatin1String(SupportedSchema::Commit),
             QLatin1String(SupportedSchema::CommitDate), QLatin1String(SupportedSchema::LegacyUntil));
}

void showAboutDialog(QWidget* parent) {
    QMessageBox box(parent);
    box.setWindowTitle(QCoreApplication::translate("hwi::views::About", "About Hatchet Worker Inspector"));
    box.setIconPixmap(applicationIcon().pixmap(64));
    box.setTextFormat(Qt::RichText);
    box.setText(aboutText());
    box.exec();
}

} // namespace hwi::views
