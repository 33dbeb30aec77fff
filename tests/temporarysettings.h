#pragma once

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

// Points QSettings at a fresh temporary folder for the life of this object, so a test never reads or
// writes the user's real settings and always starts from none. Create it before any window.
class TemporarySettings {
public:
    TemporarySettings() {
        QStandardPaths::setTestModeEnabled(true);
        for (auto format : {QSettings::NativeFormat, QSettings::IniFormat})
            QSettings::setPath(format, QSettings::UserScope, m_dir.path());
    }
    QString path() const { return m_dir.path(); }
    // Forget everything written so far (between test functions).
    void clear() { QSettings().clear(); }

private:
    QTemporaryDir m_dir;
};
