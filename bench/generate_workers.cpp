// generate_workers COUNT [OUTFILE]
//
// Writes a Hatchet WorkerList of COUNT synthetic workers, formatted exactly like Go's
// json.MarshalIndent(v, "", "  ") of the generated API structs (members in alphabetical order,
// 2-space indent, <, >, & escaped as \u003c, \u003e, \u0026, one trailing newline).
// Output goes to stdout when OUTFILE is missing or "-".
//
// The output is deterministic: a fixed-seed splitmix64 stream drives every choice and all times are
// relative to a fixed capture time (2026-11-29T13:00:05Z), so the same COUNT gives byte-identical
// output. 10,000 workers are about 107 MB (107,216,025 bytes).
//
// Plain C++20, standard library only.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform-enough integer in [lo, hi] (modulo bias is irrelevant here).
    std::int64_t range(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }

    bool percent(int p) { return static_cast<int>(next() % 100) < p; }

    template <typename T, std::size_t N> const T& pick(const std::array<T, N>& items) {
        return items[next() % N];
    }

private:
    std::uint64_t m_state;
};

// ---------------------------------------------------------------------------------------------------------------
// Time: nanoseconds since the Unix epoch, formatted as Go's RFC3339Nano in UTC.

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

// Howard Hinnant's days_from_civil / civil_from_days.
constexpr std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

constexpr Civil civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

// 2026-11-29T13:00:05Z
constexpr std::int64_t kCaptureNs = (daysFromCivil(2026, 11, 29) * 86400 + 13 * 3600 + 5) * kNanosPerSecond;

constexpr std::int64_t seconds(std::int64_t s) {
    return s * kNanosPerSecond;
}

// ---------------------------------------------------------------------------------------------------------------
// Output buffer with Go-MarshalIndent-shaped helpers. The caller writes members in alphabetical order.

class Writer {
public:
    explicit Writer(std::FILE* out)
        : m_out(out) {
        m_buf.reserve(kFlushAt + (1 << 20));
    }

    void raw(std::string_view s) { m_buf.append(s); }
    void raw(char c) { m_buf.push_back(c); }

    void newline(int depth) {
        m_buf.push_back('\n');
        m_buf.append(static_cast<std::size_t>(depth) * 2, ' ');
    }

    // A JSON string with Go's escaping (HTML-safe: <, >, & become \u00XX).
    void str(std::string_view s) {
        static constexpr char kHex[] = "0123456789abcdef";
        m_buf.push_back('"');
        for (const char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            switch (c) {
            case '"':
                m_buf.append("\\\"");
                break;
            case '\\':
                m_buf.append("\\\\");
                break;
            case '\n':
                m_buf.append("\\n");
                break;
            case '\r':
                m_buf.append("\\r");
                break;
            case '\t':
                m_buf.append("\\t");
                break;
            default:
                if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                    m_buf.append("\\u00");
                    m_buf.push_back(kHex[c >> 4]);
                    m_buf.push_back(kHex[c & 0xF]);
                } else {
                    m_buf.push_back(ch);
                }
            }
        }
        m_buf.push_back('"');
    }

    void integer(std::int64_t v) {
        char tmp[24];
        const auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
        m_buf.append(tmp, res.ptr);
    }

    // RFC3339 with up to 9 fractional digits, trailing zeros trimmed, always UTC ("Z").
    // Values that come from Postgres have microsecond precision: `resolutionNs` truncates to it.
    void time(std::int64_t ns, std::int64_t resolutionNs = 1000) {
        ns -= ((ns % resolutionNs) + resolutionNs) % resolutionNs;
        std::int64_t secs = ns / kNanosPerSecond;
        std::int64_t frac = ns % kNanosPerSecond;
        if (frac < 0) {
            frac += kNanosPerSecond;
            --secs;
        }
        std::int64_t days = secs / 86400;
        std::int64_t sod = secs % 86400;
        if (sod < 0) {
            sod += 86400;
            --days;
        }
        const Civil c = civilFromDays(days);
        char tmp[40];
        int n = std::snprintf(tmp, sizeof tmp, "\"%04lld-%02u-%02uT%02d:%02d:%02d",
                              static_cast<long long>(c.year), c.month, c.day, static_cast<int>(sod / 3600),
                              static_cast<int>(sod / 60 % 60), static_cast<int>(sod % 60));
        m_buf.append(tmp, static_cast<std::size_t>(n));
        if (frac != 0) {
            char digits[10];
            std::snprintf(digits, sizeof digits, "%09lld", static_cast<long long>(frac));
            int len = 9;
            while (digits[len - 1] == '0')
                --len;
            m_buf.push_back('.');
            m_buf.append(digits, static_cast<std::size_t>(len));
        }
        m_buf.append("Z\"");
    }

    // Starts a member: newline + indent + "key": . `first` decides whether a comma precedes it.
    void key(int depth, std::string_view k, bool first = false) {
        if (!first)
            m_buf.push_back(',');
        newline(depth);
        m_buf.push_back('"');
        m_buf.append(k);
        m_buf.append("\": ");
    }

    // Starts an array element.
    void element(int depth, bool first) {
        if (!first)
            m_buf.push_back(',');
        newline(depth);
    }

    void maybeFlush() {
        if (m_buf.size() >= kFlushAt)
            flush();
    }

    bool flush() {
        const bool ok = m_buf.empty() || std::fwrite(m_buf.data(), 1, m_buf.size(), m_out) == m_buf.size();
        m_buf.clear();
        m_ok = m_ok && ok;
        return m_ok;
    }

private:
    static constexpr std::size_t kFlushAt = 8u << 20;
    std::FILE* m_out;
    std::string m_buf;
    bool m_ok = true;
};

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

constexpr std::array<std::string_view, 16> kNamePrefixes = {
    "render-farm",      "email-sender",     "payments-worker", "image-pipeline",
    "video-transcoder", "ml-inference-gpu", "search-indexer",  "web-crawler",
    "notifications",    "report-builder",   "etl-sync",        "ledger-reconciler",
    "pdf-renderer",     "order-processor",  "fraud-screening", "data-exporter"};

constexpr std::array<std::string_view, 40> kWorkflows = {
    "resize", "thumbs",    "render",  "transcode", "email",   "digest",    "charge",      "refund",
    "payout", "reconcile", "invoice", "renewal",   "dunning", "fraud",     "fx-rates",    "tax",
    "stripe", "crawl",     "reindex", "index",     "embed",   "classify",  "report",      "export",
    "push",   "sms",       "fulfill", "inventory", "labels",  "onboard",   "gdpr-delete", "archive",
    "backup", "warmup",    "geo",     "leads",     "churn",   "translate", "sitemap",     "etl",
};

constexpr std::array<std::string_view, 32> kSteps = {
    "validate", "fetch",   "transform", "resize",  "upload",  "auth",     "capture", "notify",
    "render",   "deliver", "aggregate", "to-pdf",  "balance", "transfer", "match",   "report",
    "score",    "review",  "rates",     "persist", "links",   "snapshot", "bulk",    "embed",
    "encode",   "package", "reserve",   "ship",    "cleanup", "retry",    "metrics", "step1",
};

constexpr std::array<std::string_view, 6> kRegions = {"us-east-1",    "us-west-2",      "eu-west-1",
                                                      "eu-central-1", "ap-southeast-1", "ap-northeast-1"};
constexpr std::array<std::string_view, 6> kQueues = {"default", "payments", "email",
                                                     "reports", "crawl",    "gpu-batch"};
constexpr std::array<std::string_view, 5> kGpus = {"nvidia-a10g", "nvidia-l4", "nvidia-t4", "nvidia-h100",
                                                   "none"};
constexpr std::array<std::string_view, 6> kMemory = {"4", "8", "16", "32", "64", "128"};
constexpr std::array<std::string_view, 3> kOs = {"linux/amd64", "linux/arm64", "darwin/arm64"};

struct Runtime {
    std::string_view language;
    std::string_view sdkVersion;
    std::string_view languageVersion;
    std::string_view runtimeExtra;
};

constexpr std::array<Runtime, 8> kRuntimes = {{
    {"GOLANG", "v0.77.4", "go1.25.4", ""},
    {"GOLANG", "v0.76.0", "go1.24.9", ""},
    {"PYTHON", "1.21.3", "3.12.7", "Linux-6.8.0-1019-aws-x86_64-with-glibc2.36"},
    {"PYTHON", "1.21.1", "3.11.9", "Linux-6.1.0-26-amd64-x86_64-with-glibc2.36"},
    {"PYTHON", "1.20.0", "3.13.0", "Linux-5.15.0-1066-gcp-x86_64-with-glibc2.35"},
    {"TYPESCRIPT", "1.10.2", "v22.11.0", ""},
    {"TYPESCRIPT", "1.9.0", "v20.18.0", ""},
    {"RUBY", "0.3.1", "3.3.6", ""},
}};

constexpr std::string_view kZeroUuid = "00000000-0000-0000-0000-000000000000";

std::string uuid4(SplitMix64& rng) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t hi = rng.next();
    std::uint64_t lo = rng.next();
    hi = (hi & ~0xF000ULL) | 0x4000ULL;                        // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; // RFC 4122 variant
    std::string s(36, '-');
    int pos = 0;
    auto put = [&](std::uint64_t v, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i) {
            if (pos == 8 || pos == 13 || pos == 18 || pos == 23)
                ++pos;
            s[static_cast<std::size_t>(pos++)] = kHex[(v >> (i * 4)) & 0xF];
        }
    };
    put(hi, 16);
    put(lo, 16);
    return s;
}

// ---------------------------------------------------------------------------------------------------------------
// One worker

void writeMeta(Writer& w, int depth, std::int64_t createdNs, const std::string& id, std::int64_t updatedNs) {
    w.raw('{');
    w.key(depth + 1, "createdAt", true);
    w.time(createdNs);
    w.key(depth + 1, "id");
    w.str(id);
    w.key(depth + 1, "updatedAt");
    w.time(updatedNs);
    w.newline(depth);
    w.raw('}');
}

void writeLabel(Writer& w, int depth, std::string_view key, std::string_view value, std::int64_t ts) {
    w.raw('{');
    w.key(depth + 1, "key", true);
    w.str(key);
    w.key(depth + 1, "metadata");
    writeMeta(w, depth + 1, ts, std::string(kZeroUuid), ts);
    w.key(depth + 1, "value");
    w.str(value);
    w.newline(depth);
    w.raw('}');
}

void writeWorker(Writer& w, SplitMix64& rng, std::int64_t index,
                 const std::vector<std::string>& dispatchers) {
    constexpr int d = 3; // worker object members sit at depth 3 (rows -> [ -> { -> member)

    // Status and heartbeat age.
    const int roll = static_cast<int>(rng.next() % 100);
    std::string_view status;
    std::int64_t hbAgeNs;
    if (roll < 70) {
        status = "ACTIVE";
        hbAgeNs = rng.range(seconds(1) / 2, seconds(4) + seconds(1) / 2);
    } else if (roll < 85) {
        status = "PAUSED";
        hbAgeNs = rng.range(seconds(1) / 2, seconds(4) + seconds(1) / 2);
    } else {
        status = "INACTIVE";
        hbAgeNs = rng.percent(50) ? rng.range(seconds(6), seconds(120))
                                  : rng.range(seconds(120), seconds(23 * 3600));
    }
    const std::int64_t hbNs = kCaptureNs - hbAgeNs;
    const std::int64_t createdNs = hbNs - rng.range(seconds(60), seconds(7 * 86400));

    const int typeRoll = static_cast<int>(rng.next() % 100);
    const std::string_view type = typeRoll < 2 ? "WEBHOOK" : typeRoll < 12 ? "MANAGED" : "SELFHOSTED";

    // Five distinct workflows, four steps each -> 20 actions.
    std::array<std::size_t, 5> wf{};
    for (std::size_t i = 0; i < wf.size(); ++i) {
        bool dup;
        do {
            wf[i] = static_cast<std::size_t>(rng.next() % kWorkflows.size());
            dup = false;
            for (std::size_t j = 0; j < i; ++j)
                dup = dup || wf[j] == wf[i];
        } while (dup);
    }
    std::vector<std::string> actions;
    actions.reserve(20);
    for (const std::size_t f : wf) {
        const std::size_t first = static_cast<std::size_t>(rng.next() % kSteps.size());
        for (std::size_t s = 0; s < 4; ++s) {
            std::string a(kWorkflows[f]);
            a.push_back(':');
            a.append(kSteps[(first + s * 7) % kSteps.size()]);
            actions.push_back(std::move(a));
        }
    }

    // Ten busy slots (all default-type). About one in eight is already past its timeout at capture time.
    struct Slot {
        std::size_t action;
        std::int64_t startedNs;
        bool running;
        std::string stepRunId;
        std::int64_t timeoutNs;
        std::string workflowRunId;
    };
    std::array<Slot, 10> slots;
    for (Slot& slot : slots) {
        slot.action = static_cast<std::size_t>(rng.next() % actions.size());
        slot.startedNs = kCaptureNs - rng.range(seconds(1), seconds(3600));
        slot.running = rng.percent(85);
        slot.stepRunId = uuid4(rng);
        slot.timeoutNs = rng.percent(12) ? std::max(kCaptureNs - rng.range(seconds(1), seconds(600)),
                                                    slot.startedNs + seconds(1))
                                         : slot.startedNs + seconds(3600) + rng.range(0, seconds(1800));
        slot.workflowRunId = uuid4(rng);
    }

    // Ten recent step runs, newest first: the two newest running slots plus eight finished runs of the last
    // 24 h.
    struct Run {
        std::size_t action;
        std::int64_t createdNs;
        std::int64_t startedNs; // 0: never started (cancelled while queued)
        std::int64_t endNs;     // 0: still running
        std::string_view status;
        std::string id;
        std::string workflowRunId;
    };
    std::array<Run, 10> runs;
    {
        std::array<const Slot*, 10> bySlotStart{};
        for (std::size_t i = 0; i < slots.size(); ++i)
            bySlotStart[i] = &slots[i];
        std::sort(bySlotStart.begin(), bySlotStart.end(),
                  [](const Slot* a, const Slot* b) { return a->startedNs > b->startedNs; });
        for (std::size_t i = 0; i < 2; ++i) {
            const Slot& slot = *bySlotStart[i];
            runs[i] = {slot.action,       slot.startedNs - rng.range(seconds(1) / 100, seconds(2)),
                       slot.startedNs,    0,
                       "RUNNING",         slot.stepRunId,
                       slot.workflowRunId};
        }
        for (std::size_t i = 2; i < runs.size(); ++i) {
            Run& run = runs[i];
            const int sr = static_cast<int>(rng.next() % 100);
            run.status = sr < 75 ? "SUCCEEDED" : sr < 90 ? "FAILED" : "CANCELLED";
            run.action = static_cast<std::size_t>(rng.next() % actions.size());
            run.startedNs = kCaptureNs - rng.range(seconds(3600), seconds(86400));
            run.createdNs = run.startedNs - rng.range(seconds(1) / 100, seconds(3));
            run.endNs = run.startedNs + rng.range(seconds(1) / 10, seconds(240));
            if (run.status == "CANCELLED" && rng.percent(50))
                run.startedNs = 0;
            run.id = uuid4(rng);
            run.workflowRunId = uuid4(rng);
        }
        std::sort(runs.begin(), runs.end(),
                  [](const Run& a, const Run& b) { return a.createdNs > b.createdNs; });
    }

    w.raw('{');

    // actions
    w.key(d, "actions", true);
    w.raw('[');
    for (std::size_t i = 0; i < actions.size(); ++i) {
        w.element(d + 1, i == 0);
        w.str(actions[i]);
    }
    w.newline(d);
    w.raw(']');

    // dispatcherId
    w.key(d, "dispatcherId");
    w.str(dispatchers[rng.next() % dispatchers.size()]);

    // labels (alphabetical by key as the server returns them)
    const std::int64_t labelNs = createdNs + rng.range(0, seconds(1));
    const bool gpu = rng.percent(30);
    w.key(d, "labels");
    w.raw('[');
    w.element(d + 1, true);
    if (gpu)
        writeLabel(w, d + 1, "gpu", rng.pick(kGpus), labelNs);
    else
        writeLabel(w, d + 1, "memory_gb", rng.pick(kMemory), labelNs);
    w.element(d + 1, false);
    writeLabel(w, d + 1, "queue", rng.pick(kQueues), labelNs);
    w.element(d + 1, false);
    writeLabel(w, d + 1, "region", rng.pick(kRegions), labelNs);
    w.newline(d);
    w.raw(']');

    // lastHeartbeatAt
    w.key(d, "lastHeartbeatAt");
    w.time(hbNs, 1); // nanoseconds

    // metadata
    w.key(d, "metadata");
    writeMeta(w, d, createdNs, uuid4(rng), hbNs);

    // name (every 50th worker carries an & to exercise escaping)
    std::string name(kNamePrefixes[static_cast<std::size_t>(index) % kNamePrefixes.size()]);
    if (index % 50 == 49)
        name += " & backfill";
    char num[24];
    std::snprintf(num, sizeof num, "-%05lld", static_cast<long long>(index + 1));
    name += num;
    w.key(d, "name");
    w.str(name);

    // recentStepRuns
    w.key(d, "recentStepRuns");
    w.raw('[');
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const int dd = d + 2;
        const Run& run = runs[i];
        w.element(d + 1, i == 0);
        w.raw('{');
        w.key(dd, "actionId", true);
        w.str(actions[run.action]);
        if (run.endNs != 0) {
            w.key(dd, run.status == "CANCELLED" ? "cancelledAt" : "finishedAt");
            w.time(run.endNs);
        }
        w.key(dd, "metadata");
        writeMeta(w, dd, run.createdNs, run.id, run.endNs != 0 ? run.endNs : run.startedNs);
        if (run.startedNs != 0) {
            w.key(dd, "startedAt");
            w.time(run.startedNs);
        }
        w.key(dd, "status");
        w.str(run.status);
        w.key(dd, "workflowRunId");
        w.str(run.workflowRunId);
        w.newline(d + 1);
        w.raw('}');
    }
    w.newline(d);
    w.raw(']');

    // registeredWorkflows
    w.key(d, "registeredWorkflows");
    w.raw('[');
    for (std::size_t i = 0; i < wf.size(); ++i) {
        w.element(d + 1, i == 0);
        w.raw('{');
        w.key(d + 2, "id", true);
        w.str(uuid4(rng));
        w.key(d + 2, "name");
        w.str(kWorkflows[wf[i]]);
        w.newline(d + 1);
        w.raw('}');
    }
    w.newline(d);
    w.raw(']');

    // runtimeInfo
    const Runtime& rt = kRuntimes[rng.next() % kRuntimes.size()];
    w.key(d, "runtimeInfo");
    w.raw('{');
    w.key(d + 1, "language", true);
    w.str(rt.language);
    w.key(d + 1, "languageVersion");
    w.str(rt.languageVersion);
    w.key(d + 1, "os");
    w.str(rng.pick(kOs));
    w.key(d + 1, "runtimeExtra");
    w.str(rt.runtimeExtra);
    w.key(d + 1, "sdkVersion");
    w.str(rt.sdkVersion);
    w.newline(d);
    w.raw('}');

    // slotConfig: the 10 busy slots below are default-type slots.
    const std::int64_t defaultLimit = 10 + rng.range(0, 40);
    const std::int64_t durableLimit = rng.range(1, 5);
    w.key(d, "slotConfig");
    w.raw('{');
    w.key(d + 1, "default", true);
    w.raw('{');
    w.key(d + 2, "available", true);
    w.integer(defaultLimit - 10);
    w.key(d + 2, "limit");
    w.integer(defaultLimit);
    w.newline(d + 1);
    w.raw('}');
    w.key(d + 1, "durable");
    w.raw('{');
    w.key(d + 2, "available", true);
    w.integer(rng.range(0, durableLimit));
    w.key(d + 2, "limit");
    w.integer(durableLimit);
    w.newline(d + 1);
    w.raw('}');
    w.newline(d);
    w.raw('}');

    // slots
    w.key(d, "slots");
    w.raw('[');
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const int dd = d + 2;
        const Slot& slot = slots[i];
        w.element(d + 1, i == 0);
        w.raw('{');
        w.key(dd, "actionId", true);
        w.str(actions[slot.action]);
        w.key(dd, "startedAt");
        w.time(slot.startedNs);
        w.key(dd, "status");
        w.str(slot.running ? "RUNNING" : "ASSIGNED");
        w.key(dd, "stepRunId");
        w.str(slot.stepRunId);
        w.key(dd, "timeoutAt");
        w.time(slot.timeoutNs);
        w.key(dd, "workflowRunId");
        w.str(slot.workflowRunId);
        w.newline(d + 1);
        w.raw('}');
    }
    w.newline(d);
    w.raw(']');

    // status, type, and webhook fields
    w.key(d, "status");
    w.str(status);
    w.key(d, "type");
    w.str(type);
    if (type == "WEBHOOK") {
        w.key(d, "webhookId");
        w.str(uuid4(rng));
        char url[160];
        std::snprintf(url, sizeof url,
                      "https://hooks.example-%03lld.dev/hatchet/webhook?tenant=acme-prod&worker=%lld",
                      static_cast<long long>(index % 1000), static_cast<long long>(index + 1));
        w.key(d, "webhookUrl");
        w.str(url);
    }

    w.newline(d - 1);
    w.raw('}');
}

int usage(const char* argv0) {
    std::fprintf(stderr,
                 "usage: %s COUNT [OUTFILE]\n  writes a Hatchet WorkerList of COUNT workers (stdout if "
                 "OUTFILE is missing or -)\n",
                 argv0);
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3)
        return usage(argv[0]);

    std::int64_t count = 0;
    const std::string_view countArg = argv[1];
    const auto parsed = std::from_chars(countArg.data(), countArg.data() + countArg.size(), count);
    if (parsed.ec != std::errc() || parsed.ptr != countArg.data() + countArg.size() || count < 0)
        return usage(argv[0]);

    std::FILE* out = stdout;
    const bool toFile = argc == 3 && std::strcmp(argv[2], "-") != 0;
    if (toFile) {
        out = std::fopen(argv[2], "wb");
        if (!out) {
            std::perror(argv[2]);
            return 1;
        }
    }

    SplitMix64 rng(0x4861746368657421ULL); // "Hatchet!"
    std::vector<std::string> dispatchers;
    for (int i = 0; i < 8; ++i)
        dispatchers.push_back(uuid4(rng));

    Writer w(out);
    w.raw("{");
    w.key(1, "pagination", true);
    w.raw('{');
    w.key(2, "current_page", true);
    w.integer(1);
    w.key(2, "num_pages");
    w.integer(1);
    w.newline(1);
    w.raw('}');
    w.key(1, "rows");
    if (count == 0) {
        w.raw("[]");
    } else {
        w.raw('[');
        for (std::int64_t i = 0; i < count; ++i) {
            w.element(2, i == 0);
            writeWorker(w, rng, i, dispatchers);
            w.maybeFlush();
        }
        w.newline(1);
        w.raw(']');
    }
    w.newline(0);
    w.raw("}\n");

    bool ok = w.flush();
    ok = std::fflush(out) == 0 && ok;
    if (toFile)
        ok = std::fclose(out) == 0 && ok;
    if (!ok) {
        std::fprintf(stderr, "%s: write error\n", argv[0]);
        return 1;
    }
    return 0;
}
