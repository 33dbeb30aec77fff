#pragma once
// Runs the built hatchet-inspector (HWI_INSPECTOR) as a command-line user does, for the tests of its
// command-line modes.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace testutil {

struct InspectorRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false; // started and exited normally within the minute
};

// The command-line modes must work where there is no display (a CI job, an SSH session): the child runs
// without DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM.
inline QProcessEnvironment headless() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

// `input` goes to standard input, which is then closed.
inline InspectorRun runInspector(const QStringList& arguments, const QByteArray& input = {}) {
    QProcess process;
    process.setProcessEnvironment(headless());
    process.start(QStringLiteral(HWI_INSPECTOR), arguments);
    InspectorRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    run.finished = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace testutil
