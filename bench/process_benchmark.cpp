// Whole commands as a user runs them: each hatchet-inspector command as a whole process against the peer
// process (json_peer: read the same file(s), QJsonDocument::fromJson, exit), interleaved, median wall time
// of the rounds and the peak RSS of each (wait4's ru_maxrss).
//   process_benchmark INSPECTOR PEER FILE
// A second file for --diff is made beside FILE: every 7th ACTIVE worker PAUSED, so the diff has work to do.
#include <QByteArray>
#include <QFile>
#include <QStringList>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

extern char** environ;

namespace {

// On this project's shared VM the median of 9 rounds moved by a tenth from one run to the next.
constexpr int Rounds = 15;
constexpr double ListRssTarget = 1.5; // peak RSS of --list against the file's size

struct Run {
    double ms = 0;
    long peakKb = 0;
    int status = -1;
};

// Runs argv with stdout and stderr to /dev/null; wall time and peak RSS.
Run run(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    Run result;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        std::perror(argv[0]);
        std::exit(2);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    result.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    result.peakKb = usage.ru_maxrss;
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&actions);
    return result;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Command {
    const char* name;
    std::vector<std::string> inspectorArgs;
    std::vector<std::string> peerFiles;
    double target; // the ratio it must reach
};

std::string makeChangedCopy(const std::string& path) {
    QFile in(QString::fromStdString(path));
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        std::exit(2);
    }
    QByteArray bytes = in.readAll();
    const QByteArray active = "\"status\": \"ACTIVE\"";
    int seen = 0;
    for (qsizetype at = bytes.indexOf(active); at >= 0; at = bytes.indexOf(active, at + 1)) {
        if (++seen % 7 == 0)
            bytes.replace(at, active.size(), "\"status\": \"PAUSED\"");
    }
    const std::string changed = path + ".changed.json";
    QFile out(QString::fromStdString(changed));
    if (out.open(QIODevice::ReadOnly) && out.size() == bytes.size()) {
        // Compared a slice at a time: this process's own peak RSS becomes each spawned child's starting
        // ru_maxrss (exec keeps the larger), so it must stay below theirs.
        qsizetype at = 0;
        for (QByteArray slice; at < bytes.size() && !(slice = out.read(1 << 20)).isEmpty();
             at += slice.size()) {
            if (QByteArrayView(bytes).sliced(at, slice.size()) != slice)
                break;
        }
        if (at == bytes.size())
            return changed; // as made before: rewriting it would leave 100 MB to write back while measuring
    }
    out.close();
    // Written back before the first round: the kernel writing it back meanwhile slowed the first command
    // (--list) by up to half.
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.flush() ||
        ::fsync(out.handle()) != 0) {
        std::fprintf(stderr, "cannot write %s\n", changed.c_str());
        std::exit(2);
    }
    return changed;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: process_benchmark INSPECTOR PEER FILE\n");
        return 2;
    }
    const std::string inspector = argv[1];
    const std::string peer = argv[2];
    const std::string file = argv[3];
    const std::string changed = makeChangedCopy(file);
    const long fileKb = long(QFile(QString::fromStdString(file)).size() / 1024);
    const std::vector<Command> commands = {
        {"--list", {"--list", file}, {file}, 5},
        {"--check", {"--check", file}, {file}, 5},
        {"--export - --compact", {"--export", "-", "--compact", file}, {file}, 5},
        {"--by action", {"--by", "action", file}, {file}, 5},
        {"--place", {"--place", "image-pipeline:resize", "--want", "gpu=nvidia-a10g", file}, {file}, 5},
        {"--diff (2 files)", {"--diff", file, changed}, {file, changed}, 3},
    };
    std::printf("%-22s %10s %10s %8s %7s %-8s %13s %13s %9s\n", "command", "inspector", "peer", "ratio",
                "target", "speed", "peak RSS", "peer RSS", "RSS/file");
    for (const Command& command : commands) {
        std::vector<double> ours, theirs;
        long ourPeak = 0, theirPeak = 0;
        std::vector<std::string> mine = {inspector};
        mine.insert(mine.end(), command.inspectorArgs.begin(), command.inspectorArgs.end());
        std::vector<std::string> peerArgs = {peer};
        peerArgs.insert(peerArgs.end(), command.peerFiles.begin(), command.peerFiles.end());
        for (int round = 0; round < Rounds; ++round) { // interleaved: both see the same machine
            // Either first in turn: neither always follows the other's page cache and memory.
            const bool oursFirst = round % 2 == 0;
            const Run first = run(oursFirst ? mine : peerArgs);
            const Run second = run(oursFirst ? peerArgs : mine);
            const Run& a = oursFirst ? first : second;
            const Run& b = oursFirst ? second : first;
            if (b.status != 0) {
                std::fprintf(stderr, "%s: the peer failed\n", command.name);
                return 1;
            }
            ours.push_back(a.ms);
            theirs.push_back(b.ms);
            ourPeak = std::max(ourPeak, a.peakKb);
            theirPeak = std::max(theirPeak, b.peakKb);
        }
        const double ratio = median(theirs) / median(ours);
        const double rssRatio = double(ourPeak) / double(fileKb);
        const bool list = std::string_view(command.name) == "--list"; // the one with an RSS target
        std::printf("%-22s %8.1f ms %7.1f ms %7.2fx %6.0fx %-8s %9.1f MiB %9.1f MiB %8.2fx%s\n", command.name,
                    median(ours), median(theirs), ratio, command.target,
                    ratio >= command.target ? "met" : "NOT met", ourPeak / 1024.0, theirPeak / 1024.0,
                    rssRatio,
                    !list                       ? ""
                    : rssRatio <= ListRssTarget ? " (target 1.5x: met)"
                                                : " (target 1.5x: NOT met)");
    }
    std::printf("file: %s, %.1f MiB; %d interleaved rounds, medians\n", file.c_str(), fileKb / 1024.0,
                Rounds);
    return 0;
}
