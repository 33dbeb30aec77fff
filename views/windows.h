#pragma once

#include <QList>
#include <QString>

namespace hwi::views {

class MainWindow;

// One window per document: a new MainWindow that deletes itself when closed, shown with the remembered
// geometry (moved down and right while another window sits at the same place), opening source unless it is
// empty.
MainWindow* openWindow(const QString& source = {});

// The application's other inspector windows that show a document, in no particular order.
QList<MainWindow*> otherWindowsWithDocuments(const MainWindow& window);

} // namespace hwi::views
