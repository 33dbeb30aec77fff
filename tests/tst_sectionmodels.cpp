#include "itemmodels/actionsmodel.h"
#include "itemmodels/labelsmodel.h"
#include "itemmodels/metadatamodel.h"
#include "itemmodels/runtimeinfomodel.h"
#include "itemmodels/slotconfigmodel.h"
#include "itemmodels/slotsmodel.h"
#include "itemmodels/steprunsmodel.h"
#include "itemmodels/workersortproxy.h"
#include "itemmodels/workflowsmodel.h"
#include "itemmodeltestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using hwi::hatchet::WorkerView;
using hwi::models::HealthLevel;
using Tester = QAbstractItemModelTester;
namespace models = hwi::models;

namespace {

// One section model behind a uniform interface, so the tests can loop over all of them.
struct Section {
    std::unique_ptr<QAbstractItemModel> model;
    std::function<void(const std::optional<WorkerView>&)> setWorker;
    std::function<void(const QDateTime&)> setReferenceTime; // empty for models without times
};

template <typename Model> Section section() {
    auto model = std::make_unique<Model>();
    Model* m = model.get();
    Section out{std::move(model), [m](const std::optional<WorkerView>& w) { m->setWorker(w); }, {}};
    if constexpr (requires { m->setReferenceTime(QDateTime()); })
        out.setReferenceTime = [m](const QDateTime& t) { m->setReferenceTime(t); };
    return out;
}

const QStringList SectionNames = {QStringLiteral("metadata"),   QStringLiteral("workflows"),
                                  QStringLiteral("actions"),    QStringLiteral("slots"),
                                  QStringLiteral("slotConfig"), QStringLiteral("labels"),
                                  QStringLiteral("stepRuns"),   QStringLiteral("runtimeInfo")};

Section makeSection(const QString& name) {
    switch (SectionNames.indexOf(name)) {
    case 0:
        return section<models::MetadataModel>();
    case 1:
        return section<models::WorkflowsModel>();
    case 2:
        return section<models::ActionsModel>();
    case 3:
        return section<models::SlotsModel>();
    case 4:
        return section<models::SlotConfigModel>();
    case 5:
        return section<models::LabelsModel>();
    case 6:
        return section<models::StepRunsModel>();
    case 7:
        return section<models::RuntimeInfoModel>();
    }
    qFatal("unknown section %s", qPrintable(name));
}

QStringList lines(std::initializer_list<const char*> utf8) {
    QStringList out;
    for (const char* line : utf8)
        out << QString::fromUtf8(line);
    return out;
}

// A current-era worker with recent step runs in every state and odd labels/actions.
const char* const RunsWorker = R"({
  "actions": ["plain-action", "wf:step:with:colons", 7],
  "labels": [{"key": "a"}, {"key": "b", "value": null}, {"key": "c", "value": ""}],
  "metadata": {"createdAt": "2026-11-29T12:00:00Z", "id": "w-1", "updatedAt": "not a time"},
  "name": "runs",
  "recentStepRuns": [
    {"actionId": "wf:a", "metadata": {"id": "r-1"}, "startedAt": "2026-11-29T12:59:00Z", "status": "RUNNING",
     "workflowRunId": "wr-1"},
    {"actionId": "wf:b", "finishedAt": "2026-11-29T12:58:00.850Z", "metadata": {"id": "r-2"},
     "startedAt": "2026-11-29T12:58:00Z", "status": "SUCCEEDED", "workflowRunId": "wr-2"},
    {"actionId": "wf:c", "cancelledAt": "2026-11-29T12:50:00Z", "metadata": {"id": "r-3"},
     "startedAt": "2026-11-29T12:45:55Z", "status": "CANCELLED", "workflowRunId": "wr-3"},
    {"actionId": "wf:d", "metadata": {"id": "r-4"}, "status": "PENDING", "workflowRunId": "wr-4"}
  ],
  "slotConfig": {"default": {"limit": 5}, "durable": {"available": 2, "limit": 2}},
  "status": "ACTIVE"
})";

} // namespace

class TestSectionModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dump_data();
    void dump();
    void legacySlots_data();
    void legacySlots();
    void roles();
    void referenceTime_data();
    void referenceTime();
    void clearAndReload_data();
    void clearAndReload();
    void sortEveryColumn_data();
    void sortEveryColumn();
};

void TestSectionModels::dump_data() {
    QTest::addColumn<QString>("fixture"); // a file in tests/fixtures, "sample", or "runs" (RunsWorker)
    QTest::addColumn<int>("worker");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char* fixture, int worker, const char* section, const QStringList& expected) {
        QTest::addRow("%s/%d/%s", fixture, worker, section)
            << QString::fromLatin1(fixture) << worker << QString::fromLatin1(section) << expected;
    };
    // clang-format off
    row("list-current.json", 0, "metadata", lines({
        "ID|a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b",
        "Name|order-processor",
        "Type|SELFHOSTED",
        "Status|ACTIVE",
        "Created|1 h ago",
        "Updated|1 s ago",
        "First connected|1 h ago",
        "Last listener established|—",
        "Last heartbeat|1 s ago",
        "Dispatcher ID|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|current (slotConfig)",
    }));
    row("list-current.json", 0, "workflows", {});
    row("list-current.json", 0, "actions", lines({
        "order-flow:validate|order-flow|validate",
        "order-flow:charge|order-flow|charge",
        "order-flow:ship|order-flow|ship",
    }));
    row("list-current.json", 0, "slots", {});
    row("list-current.json", 0, "slotConfig", lines({
        "default|3|2|5",
        "durable|0|1|1",
    }));
    row("list-current.json", 0, "labels", lines({
        "memory_gb|8|00000000-0000-0000-0000-000000000000|1 h ago|1 h ago",
        "region|us-east-1|00000000-0000-0000-0000-000000000000|1 h ago|1 h ago",
    }));
    row("list-current.json", 0, "stepRuns", {});
    row("list-current.json", 0, "runtimeInfo", lines({
        "Language|GOLANG",
        "SDK version|v0.77.4",
        "Language version|go1.25.4",
        "OS|linux/amd64",
        "Extra|—",
    }));
    row("list-current.json", 2, "metadata", lines({
        "ID|a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a5b",
        "Name|mailer",
        "Type|MANAGED",
        "Status|INACTIVE",
        "Created|2 h ago",
        "Updated|2 h ago",
        "First connected|2 h ago",
        "Last listener established|—",
        "Last heartbeat|—",
        "Dispatcher ID|e2b6d1ef-8c4f-4a7b-8d32-6f9a1b5c4d3e",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|current (slotConfig)",
    }));
    row("list-current.json", 2, "workflows", {});
    row("list-current.json", 2, "actions", lines({
        "send-email:deliver|send-email|deliver",
    }));
    row("list-current.json", 2, "slots", {});
    row("list-current.json", 2, "slotConfig", lines({
        "default|0|4|4",
    }));
    row("list-current.json", 2, "labels", {});
    row("list-current.json", 2, "stepRuns", {});
    row("list-current.json", 2, "runtimeInfo", lines({
        "Language|TYPESCRIPT",
        "SDK version|1.10.2",
        "Language version|v22.11.0",
        "OS|linux/arm64",
        "Extra|—",
    }));
    row("list-legacy.json", 0, "metadata", lines({
        "ID|b2c3d4e5-0001-4f60-9b0c-1d2e3f4a5b6c",
        "Name|transcoder-a",
        "Type|SELFHOSTED",
        "Status|ACTIVE",
        "Created|1 h ago",
        "Updated|2 s ago",
        "First connected|1 h ago",
        "Last listener established|—",
        "Last heartbeat|2 s ago",
        "Dispatcher ID|f3c7e2a0-9d5a-4b8c-9e43-7a0b2c6d5e4f",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|before Feb 2026 (maxRuns)",
    }));
    row("list-legacy.json", 0, "workflows", {});
    row("list-legacy.json", 0, "actions", lines({
        "video-transcode:probe|video-transcode|probe",
        "video-transcode:transcode|video-transcode|transcode",
    }));
    row("list-legacy.json", 0, "slots", lines({
        "c3d4e5f6-0001-4a71-8c1d-2e3f4a5b6c7d|video-transcode:transcode|c3d4e5f6-0001-4a71-8c1d-2e3f4a5b6c7d|RUNNING|1 min ago|in 3 min|3 min 55 s",
        "c3d4e5f6-0002-4a71-8c1d-2e3f4a5b6c7d|video-transcode:probe|c3d4e5f6-0002-4a71-8c1d-2e3f4a5b6c7d|RUNNING|4 s ago|in 56 s|56 s",
    }));
    row("list-legacy.json", 0, "slotConfig", lines({
        "default|2|2|4",
    }));
    row("list-legacy.json", 0, "labels", {});
    row("list-legacy.json", 0, "stepRuns", {});
    row("list-legacy.json", 0, "runtimeInfo", lines({
        "Language|GOLANG",
        "SDK version|v0.55.1",
        "Language version|go1.23.2",
        "OS|linux/amd64",
        "Extra|—",
    }));
    row("list-legacy.json", 1, "metadata", lines({
        "ID|b2c3d4e5-0002-4f60-9b0c-1d2e3f4a5b6c",
        "Name|janitor-b",
        "Type|SELFHOSTED",
        "Status|ACTIVE",
        "Created|2 h ago",
        "Updated|2 s ago",
        "First connected|2 h ago",
        "Last listener established|—",
        "Last heartbeat|2 s ago",
        "Dispatcher ID|f3c7e2a0-9d5a-4b8c-9e43-7a0b2c6d5e4f",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|before Feb 2026 (maxRuns)",
    }));
    row("list-legacy.json", 1, "workflows", {});
    row("list-legacy.json", 1, "actions", lines({
        "cleanup:sweep|cleanup|sweep",
    }));
    row("list-legacy.json", 1, "slots", {});
    row("list-legacy.json", 1, "slotConfig", lines({
        "default|0|2|2",
    }));
    row("list-legacy.json", 1, "labels", {});
    row("list-legacy.json", 1, "stepRuns", {});
    row("list-legacy.json", 1, "runtimeInfo", lines({
        "Language|—",
        "SDK version|—",
        "Language version|—",
        "OS|—",
        "Extra|—",
    }));
    row("worker-get.json", 0, "metadata", lines({
        "ID|0b8e90e9-f646-4d5f-9ae8-5d0928398f9f",
        "Name|render-farm-01",
        "Type|SELFHOSTED",
        "Status|ACTIVE",
        "Created|3 h ago",
        "Updated|3 s ago",
        "First connected|3 h ago",
        "Last listener established|1 min ago",
        "Last heartbeat|3 s ago",
        "Dispatcher ID|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|current (slotConfig)",
    }));
    row("worker-get.json", 0, "workflows", lines({
        "5a6b7c8d-0001-4e9f-a0b1-c2d3e4f5a6b7|image-pipeline",
        "5a6b7c8d-0002-4e9f-a0b1-c2d3e4f5a6b7|thumbnail-batch",
    }));
    row("worker-get.json", 0, "actions", lines({
        "image-pipeline:resize|image-pipeline|resize",
        "image-pipeline:watermark|image-pipeline|watermark",
        "thumbnail-batch:generate|thumbnail-batch|generate",
    }));
    row("worker-get.json", 0, "slots", {});
    row("worker-get.json", 0, "slotConfig", lines({
        "default|7|1|8",
        "durable|2|0|2",
    }));
    row("worker-get.json", 0, "labels", lines({
        "gpu|nvidia-a10g|00000000-0000-0000-0000-000000000000|3 h ago|3 h ago",
        "memory_gb|64|00000000-0000-0000-0000-000000000000|3 h ago|3 h ago",
    }));
    row("worker-get.json", 0, "stepRuns", {});
    row("worker-get.json", 0, "runtimeInfo", lines({
        "Language|GOLANG",
        "SDK version|v0.77.4",
        "Language version|go1.25.4",
        "OS|linux/amd64",
        "Extra|—",
    }));
    row("worker-patch.json", 0, "metadata", lines({
        "ID|0b8e90e9-f646-4d5f-9ae8-5d0928398f9f",
        "Name|render-farm-01",
        "Type|SELFHOSTED",
        "Status|PAUSED",
        "Created|3 h ago",
        "Updated|just now",
        "First connected|3 h ago",
        "Last listener established|—",
        "Last heartbeat|just now",
        "Dispatcher ID|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|unknown",
    }));
    row("worker-patch.json", 0, "workflows", {});
    row("worker-patch.json", 0, "actions", {});
    row("worker-patch.json", 0, "slots", {});
    row("worker-patch.json", 0, "slotConfig", {});
    row("worker-patch.json", 0, "labels", {});
    row("worker-patch.json", 0, "stepRuns", {});
    row("worker-patch.json", 0, "runtimeInfo", lines({
        "Language|GOLANG",
        "SDK version|v0.77.4",
        "Language version|go1.25.4",
        "OS|linux/amd64",
        "Extra|—",
    }));
    row("tolerant.json", 0, "metadata", lines({
        "ID|e5f6a7b8-0001-4c93-8e3f-4a5b6c7d8e9f",
        "Name|rusty-worker",
        "Type|SELFHOSTED",
        "Status|DRAINING",
        "Created|44 min ago",
        "Updated|1 s ago",
        "First connected|44 min ago",
        "Last listener established|never",
        "Last heartbeat|1 s ago",
        "Dispatcher ID|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|current (slotConfig)",
    }));
    row("tolerant.json", 0, "workflows", {});
    row("tolerant.json", 0, "actions", lines({
        "rust-jobs:crunch|rust-jobs|crunch",
    }));
    row("tolerant.json", 0, "slots", {});
    row("tolerant.json", 0, "slotConfig", lines({
        "default|3|1|4",
    }));
    row("tolerant.json", 0, "labels", {});
    row("tolerant.json", 0, "stepRuns", {});
    row("tolerant.json", 0, "runtimeInfo", lines({
        "Language|RUST",
        "SDK version|—",
        "Language version|—",
        "OS|—",
        "Extra|—",
    }));
    row("invalid-types.json", 0, "metadata", lines({
        "ID|f6a7b8c9-0001-4da4-9f4a-5b6c7d8e9fa0",
        "Name|—",
        "Type|—",
        "Status|ACTIVE",
        "Created|1 h ago",
        "Updated|2 s ago",
        "First connected|1 h ago",
        "Last listener established|—",
        "Last heartbeat|2 s ago",
        "Dispatcher ID|d1a5c0de-7b3e-4f6a-9c21-5e8f0a4b3c2d",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|unknown",
    }));
    row("invalid-types.json", 0, "workflows", {});
    row("invalid-types.json", 0, "actions", {});
    row("invalid-types.json", 0, "slots", {});
    row("invalid-types.json", 0, "slotConfig", {});
    row("invalid-types.json", 0, "labels", {});
    row("invalid-types.json", 0, "stepRuns", {});
    row("invalid-types.json", 0, "runtimeInfo", lines({
        "Language|—",
        "SDK version|—",
        "Language version|—",
        "OS|—",
        "Extra|—",
    }));
    row("invalid-types.json", 1, "metadata", lines({
        "ID|f6a7b8c9-0002-4da4-9f4a-5b6c7d8e9fa0",
        "Name|indexer",
        "Type|SELFHOSTED",
        "Status|INACTIVE",
        "Created|1 h ago",
        "Updated|4 s ago",
        "First connected|1 h ago",
        "Last listener established|—",
        "Last heartbeat|29/11/2026 13:00:01",
        "Dispatcher ID|not-a-uuid",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|before Feb 2026 (maxRuns)",
    }));
    row("invalid-types.json", 1, "workflows", {});
    row("invalid-types.json", 1, "actions", lines({
        "search:index|search|index",
    }));
    row("invalid-types.json", 1, "slots", lines({
        "|search:index|a7b8c9d0-0001-4eb5-8a5b-6c7d8e9fa0b1|RUNNING|1 min ago|in 3 min|3 min 55 s",
    }));
    row("invalid-types.json", 1, "slotConfig", lines({
        "default|1|1|2",
    }));
    row("invalid-types.json", 1, "labels", {});
    row("invalid-types.json", 1, "stepRuns", {});
    row("invalid-types.json", 1, "runtimeInfo", lines({
        "Language|—",
        "SDK version|—",
        "Language version|—",
        "OS|—",
        "Extra|—",
    }));
    row("sample", 1, "metadata", lines({
        "ID|9b669740-cc3a-4520-b293-56136914ac9c",
        "Name|—",
        "Type|WEBHOOK",
        "Status|ACTIVE",
        "Created|18 min ago",
        "Updated|3 s ago",
        "First connected|18 min ago",
        "Last listener established|—",
        "Last heartbeat|3 s ago",
        "Dispatcher ID|6c3eb14b-a66c-4639-9e88-cc046ea24599",
        "Webhook ID|ea4ed8bb-0191-44cb-aeec-9e6867dacac2",
        "Webhook URL|https://hooks.acme-corp.dev/hatchet/webhook?tenant=acme-prod&env=production&v=2",
        "Schema era|current (slotConfig)",
    }));
    row("sample", 1, "workflows", {});
    row("sample", 1, "actions", lines({
        "order-fulfillment:reserve-stock|order-fulfillment|reserve-stock",
        "order-fulfillment:notify-warehouse|order-fulfillment|notify-warehouse",
    }));
    row("sample", 1, "slots", {});
    row("sample", 1, "slotConfig", lines({
        "default|3|97|100",
    }));
    row("sample", 1, "labels", {});
    row("sample", 1, "stepRuns", {});
    row("sample", 1, "runtimeInfo", lines({
        "Language|—",
        "SDK version|—",
        "Language version|—",
        "OS|—",
        "Extra|—",
    }));
    row("sample", 3, "metadata", lines({
        "ID|0b8e90e9-f646-4d5f-9ae8-5d0928398f9f",
        "Name|render-farm-01",
        "Type|SELFHOSTED",
        "Status|ACTIVE",
        "Created|2 h ago",
        "Updated|3 s ago",
        "First connected|2 h ago",
        "Last listener established|1 min ago",
        "Last heartbeat|3 s ago",
        "Dispatcher ID|4ba71ab7-ac05-44a5-acc6-be1805fdf179",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|current (slotConfig)",
    }));
    row("sample", 3, "workflows", lines({
        "d7821787-6fdc-4385-9088-f20a05dbb51a|image-pipeline",
        "f094cd4b-002b-48c8-806a-ab3ffd83b569|thumbnail-batch",
        "4a8f8e61-8cb2-48dd-a717-f50a7dc5226e|render-scene",
    }));
    row("sample", 3, "actions", lines({
        "image-pipeline:resize|image-pipeline|resize",
        "image-pipeline:watermark|image-pipeline|watermark",
        "image-pipeline:upload-cdn|image-pipeline|upload-cdn",
        "thumbnail-batch:generate|thumbnail-batch|generate",
        "render-scene:prepare-assets|render-scene|prepare-assets",
        "render-scene:render-frames|render-scene|render-frames",
        "render-scene:encode|render-scene|encode",
    }));
    row("sample", 3, "slots", {});
    row("sample", 3, "slotConfig", lines({
        "default|7|1|8",
        "durable|2|0|2",
    }));
    row("sample", 3, "labels", lines({
        "gpu|nvidia-a10g|00000000-0000-0000-0000-000000000000|2 h ago|2 h ago",
        "memory_gb|64|00000000-0000-0000-0000-000000000000|2 h ago|2 h ago",
        "region|us-east-1|00000000-0000-0000-0000-000000000000|2 h ago|2 h ago",
    }));
    row("sample", 3, "stepRuns", lines({
        "a02bff2f-31bf-46af-a8b5-8ab4d47a9a78|render-scene:render-frames|RUNNING|6 min ago|||running for 6 min 52 s|c4e08e67-b822-463b-8e69-80ee651011cb",
        "87a152f4-60ca-46fe-bd3d-b70b0d99ed20|image-pipeline:resize|SUCCEEDED|1 min ago|1 min ago||3.1 s|25318bf2-7b88-4975-9414-f6b506d002db",
        "9d461576-6cd4-4f91-bda5-36a3a434d6f9|image-pipeline:upload-cdn|FAILED|5 min ago|5 min ago||30 s|e7fb3f46-c937-4388-967d-d69a83f614dc",
        "3ddab6b5-edb6-4e2f-8d8e-b596c8965f78|render-scene:encode|CANCELLED|21 min ago||19 min ago|1 min 29 s|9eb22b5a-9059-486a-9d97-fce60131d9b6",
        "0e8a1ab6-642c-4eb6-b450-d4a77def588b|thumbnail-batch:generate|SUCCEEDED|46 min ago|46 min ago||12.9 s|3ce1b347-0187-4c05-b0cc-76289bd7f38b",
    }));
    row("sample", 3, "runtimeInfo", lines({
        "Language|GOLANG",
        "SDK version|v0.77.4",
        "Language version|go1.25.4",
        "OS|linux/amd64",
        "Extra|—",
    }));
    row("sample", 7, "metadata", lines({
        "ID|44eb2f79-20bf-42ee-ace4-bda4d6014eb9",
        "Name|video-transcoder",
        "Type|SELFHOSTED",
        "Status|ACTIVE",
        "Created|11 h ago",
        "Updated|3 s ago",
        "First connected|11 h ago",
        "Last listener established|—",
        "Last heartbeat|3 s ago",
        "Dispatcher ID|ae46e15c-4d95-4a99-91e3-a2a76cbd1d7f",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|before Feb 2026 (maxRuns)",
    }));
    row("sample", 7, "workflows", lines({
        "b9a38201-ae2d-4b44-a9f0-2273a44f6ed1|video-transcode",
    }));
    row("sample", 7, "actions", lines({
        "video-transcode:probe|video-transcode|probe",
        "video-transcode:transcode-h264|video-transcode|transcode-h264",
        "video-transcode:transcode-av1|video-transcode|transcode-av1",
        "video-transcode:package-hls|video-transcode|package-hls",
    }));
    row("sample", 7, "slots", lines({
        "968021b0-ca4b-4652-96d8-9eef7792850b|video-transcode:transcode-h264|968021b0-ca4b-4652-96d8-9eef7792850b|RUNNING|5 min ago|in 54 min|54 min 48 s",
        "48ddeb00-fbf9-490b-81e0-9e0e576922bf|video-transcode:transcode-av1|48ddeb00-fbf9-490b-81e0-9e0e576922bf|RUNNING|1 h ago|2 min ago|overdue by 2 min 29 s",
        "4bca0680-de4b-4980-8ed4-0f3390b89c8c|video-transcode:probe|4bca0680-de4b-4980-8ed4-0f3390b89c8c|ASSIGNED|1 s ago|in 4 min|4 min 58 s",
    }));
    row("sample", 7, "slotConfig", lines({
        "default|3|1|4",
    }));
    row("sample", 7, "labels", lines({
        "gpu|none|00000000-0000-0000-0000-000000000000|11 h ago|11 h ago",
        "region|us-east-1|00000000-0000-0000-0000-000000000000|11 h ago|11 h ago",
    }));
    row("sample", 7, "stepRuns", lines({
        "6377bc09-7a64-4f6e-adce-9d53299655c3|video-transcode:probe|SUCCEEDED|31 min ago|31 min ago||5 s|caf70a7d-6620-4af6-bf73-9763af2f6885",
        "cd392a95-b023-4286-8d95-712bb5233117|video-transcode:transcode-av1|FAILED|1 h ago|30 min ago||59 min 59 s|ba0fcc07-c66d-4d50-a1b9-82261dabe1ee",
        "90b9882b-b728-43b0-8e55-f7e6ed1f7c47|video-transcode:package-hls|SUCCEEDED|11 min ago|11 min ago||17.8 s|63c2074d-a52b-4f4d-83e0-3daacec36d1b",
    }));
    row("sample", 7, "runtimeInfo", lines({
        "Language|GOLANG",
        "SDK version|v0.55.1",
        "Language version|go1.23.2",
        "OS|linux/amd64",
        "Extra|—",
    }));
    row("runs", 0, "metadata", lines({
        "ID|w-1",
        "Name|runs",
        "Type|—",
        "Status|ACTIVE",
        "Created|1 h ago",
        "Updated|not a time",
        "First connected|1 h ago",
        "Last listener established|—",
        "Last heartbeat|—",
        "Dispatcher ID|—",
        "Webhook ID|—",
        "Webhook URL|—",
        "Schema era|current (slotConfig)",
    }));
    row("runs", 0, "workflows", {});
    row("runs", 0, "actions", lines({
        "plain-action||plain-action",
        "wf:step:with:colons|wf|step:with:colons",
    }));
    row("runs", 0, "slots", {});
    row("runs", 0, "slotConfig", lines({
        "default|?|?|5",
        "durable|0|2|2",
    }));
    row("runs", 0, "labels", lines({
        "a||||",
        "b||||",
        "c||||",
    }));
    row("runs", 0, "stepRuns", lines({
        "r-1|wf:a|RUNNING|1 min ago|||running for 1 min 5 s|wr-1",
        "r-2|wf:b|SUCCEEDED|2 min ago|2 min ago||850 ms|wr-2",
        "r-3|wf:c|CANCELLED|14 min ago||10 min ago|4 min 5 s|wr-3",
        "r-4|wf:d|PENDING|||||wr-4",
    }));
    row("runs", 0, "runtimeInfo", lines({
        "Language|—",
        "SDK version|—",
        "Language version|—",
        "OS|—",
        "Extra|—",
    }));
    // clang-format on
}

void TestSectionModels::dump() {
    QFETCH(QString, fixture);
    QFETCH(int, worker);
    QFETCH(QString, section);
    QFETCH(QStringList, expected);
    const auto snapshot = fixture == QLatin1String("runs")
                              ? testutil::snapshotOf(RunsWorker, testutil::captureTimeFor(fixture))
                              : testutil::loadFixture(fixture);
    Section s = makeSection(section);
    Tester tester(s.model.get(), Tester::FailureReportingMode::QtTest);
    s.setWorker(snapshot->worker(std::size_t(worker)));
    if (s.setReferenceTime)
        s.setReferenceTime(snapshot->captureTime);
    QVERIFY(testutil::sameLines(testutil::dump(*s.model), expected));
}

void TestSectionModels::legacySlots_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("worker");
    QTest::addColumn<int>("busy");
    QTest::addColumn<int>("free");
    QTest::addColumn<QString>("summary");
    QTest::newRow("transcoder-a") << QStringLiteral("list-legacy.json") << 0 << 2 << 2
                                  << QStringLiteral("2 busy \u00b7 2 free");
    QTest::newRow("janitor-b") << QStringLiteral("list-legacy.json") << 1 << 0 << 2
                               << QStringLiteral("0 busy \u00b7 2 free");
    QTest::newRow("video-transcoder")
        << QStringLiteral("sample") << 7 << 3 << 1 << QStringLiteral("3 busy \u00b7 1 free");
    QTest::newRow("current era") << QStringLiteral("list-current.json") << 0 << 0 << 0 << QString();
    QTest::newRow("no stepRunId") << QStringLiteral("invalid-types.json") << 1 << 1 << 1
                                  << QStringLiteral("1 busy \u00b7 1 free");
}

void TestSectionModels::legacySlots() {
    QFETCH(QString, fixture);
    QFETCH(int, worker);
    QFETCH(int, busy);
    QFETCH(int, free);
    QFETCH(QString, summary);
    models::SlotsModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    const auto snapshot = testutil::loadFixture(fixture);
    model.setWorker(snapshot->worker(std::size_t(worker)));
    QCOMPARE(model.rowCount(), busy);
    QCOMPARE(model.freePaddingCount(), free);
    QCOMPARE(model.summaryText(), summary);
    for (int row = 0; row < model.rowCount(); ++row) // padded entries are not rows
        QVERIFY(!model.index(row, models::SlotsModel::ActionColumn).data().toString().isEmpty());
}

void TestSectionModels::roles() {
    const auto sample = testutil::loadFixture(QStringLiteral("sample"));
    const hwi::json::Document& doc = *sample->document;
    const auto pointerOf = [&](const QModelIndex& index) {
        const QVariant node = index.data(models::NodeRole);
        return node.isValid() ? doc.pointer(node.toUInt()) : QStringLiteral("(none)");
    };

    // video-transcoder: slot 1 timed out at 12:57:35.372825, 2 min 29.6 s before 13:00:05.
    models::SlotsModel slots;
    Tester slotsTester(&slots, Tester::FailureReportingMode::QtTest);
    slots.setWorker(sample->worker(7));
    slots.setReferenceTime(sample->captureTime);
    const QModelIndex overdue = slots.index(1, models::SlotsModel::TimeLeftColumn);
    QCOMPARE(overdue.data().toString(), QStringLiteral("overdue by 2 min 29 s"));
    QCOMPARE(overdue.data(models::RawValueRole).toLongLong(), -149'628);
    QCOMPARE(overdue.data(models::SeverityRole).toInt(), int(HealthLevel::Bad));
    QCOMPARE(slots.index(0, models::SlotsModel::TimeLeftColumn).data(models::SeverityRole).toInt(),
             int(HealthLevel::Good));
    QCOMPARE(pointerOf(slots.index(2, 0)), QStringLiteral("/rows/7/slots/2"));
    QCOMPARE(slots.index(0, models::SlotsModel::StartedColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2026-11-29T12:54:53.704Z"));

    // Metadata: the node of each field, severity of status and heartbeat.
    models::MetadataModel metadata;
    Tester metadataTester(&metadata, Tester::FailureReportingMode::QtTest);
    metadata.setWorker(sample->worker(4)); // search-indexer: INACTIVE, heartbeat 12:59:17.537944Z
    metadata.setReferenceTime(sample->captureTime);
    const auto value = [&](int row) { return metadata.index(row, models::MetadataModel::ValueColumn); };
    QCOMPARE(pointerOf(value(models::MetadataModel::IdRow)), QStringLiteral("/rows/4/metadata/id"));
    QCOMPARE(pointerOf(value(models::MetadataModel::LastHeartbeatRow)),
             QStringLiteral("/rows/4/lastHeartbeatAt"));
    QCOMPARE(pointerOf(value(models::MetadataModel::SchemaEraRow)), QStringLiteral("(none)"));
    QCOMPARE(value(models::MetadataModel::StatusRow).data(models::SeverityRole).toInt(),
             int(HealthLevel::Bad));
    QCOMPARE(value(models::MetadataModel::LastHeartbeatRow).data(models::SeverityRole).toInt(),
             int(HealthLevel::Bad));
    QCOMPARE(value(models::MetadataModel::LastHeartbeatRow).data(models::AgeMsecsRole).toLongLong(), 47'463);

    // Slot config: bar roles on every cell, "?" for an unknown count.
    models::SlotConfigModel config;
    Tester configTester(&config, Tester::FailureReportingMode::QtTest);
    config.setWorker(sample->worker(9)); // payments-worker: durable has no "available"
    QCOMPARE(config.rowCount(), 2);
    QCOMPARE(config.index(0, 0).data(models::SlotConfigModel::UsedRole).toLongLong(), 7);
    QCOMPARE(config.index(0, 3).data(models::SlotConfigModel::LimitRole).toLongLong(), 10);
    QVERIFY(!config.index(1, 0).data(models::SlotConfigModel::UsedRole).isValid());
    QCOMPARE(config.index(1, models::SlotConfigModel::UsedColumn).data().toString(), QStringLiteral("?"));
    QCOMPARE(pointerOf(config.index(1, 0)), QStringLiteral("/rows/9/slotConfig/durable"));
    config.setWorker(sample->worker(6)); // ml-inference-gpu: legacy maxRuns
    QCOMPARE(pointerOf(config.index(0, 0)), QStringLiteral("/rows/6/maxRuns"));

    // Runtime info and actions point at their JSON values.
    models::RuntimeInfoModel runtime;
    Tester runtimeTester(&runtime, Tester::FailureReportingMode::QtTest);
    runtime.setWorker(sample->worker(1)); // the webhook worker has no "language"
    QCOMPARE(pointerOf(runtime.index(models::RuntimeInfoModel::LanguageRow, 1)), QStringLiteral("(none)"));
    QCOMPARE(pointerOf(runtime.index(models::RuntimeInfoModel::OsRow, 1)),
             QStringLiteral("/rows/1/runtimeInfo/os"));
    models::ActionsModel actions;
    Tester actionsTester(&actions, Tester::FailureReportingMode::QtTest);
    actions.setWorker(sample->worker(3));
    QCOMPARE(pointerOf(actions.index(6, 2)), QStringLiteral("/rows/3/actions/6"));
}

void TestSectionModels::referenceTime_data() {
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("worker");
    QTest::addColumn<int>("firstColumn");
    QTest::addColumn<int>("lastColumn");
    QTest::newRow("metadata") << QStringLiteral("metadata") << QStringLiteral("sample") << 3
                              << int(models::MetadataModel::ValueColumn)
                              << int(models::MetadataModel::ValueColumn);
    QTest::newRow("slots") << QStringLiteral("slots") << QStringLiteral("sample") << 7
                           << int(models::SlotsModel::StartedColumn)
                           << int(models::SlotsModel::TimeLeftColumn);
    QTest::newRow("labels") << QStringLiteral("labels") << QStringLiteral("sample") << 3
                            << int(models::LabelsModel::CreatedColumn)
                            << int(models::LabelsModel::UpdatedColumn);
    QTest::newRow("stepRuns") << QStringLiteral("stepRuns") << QStringLiteral("sample") << 3
                              << int(models::StepRunsModel::StartedColumn)
                              << int(models::StepRunsModel::DurationColumn);
}

void TestSectionModels::referenceTime() {
    QFETCH(QString, section);
    QFETCH(QString, fixture);
    QFETCH(int, worker);
    QFETCH(int, firstColumn);
    QFETCH(int, lastColumn);
    const auto snapshot = testutil::loadFixture(fixture);
    Section s = makeSection(section);
    Tester tester(s.model.get(), Tester::FailureReportingMode::QtTest);
    s.setWorker(snapshot->worker(std::size_t(worker)));
    s.setReferenceTime(snapshot->captureTime);
    const QStringList before = testutil::dump(*s.model);
    QSignalSpy resetSpy(s.model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changedSpy(s.model.get(), &QAbstractItemModel::dataChanged);
    s.setReferenceTime(snapshot->captureTime.addSecs(3600));
    QCOMPARE(resetSpy.size(), 0);
    QCOMPARE(changedSpy.size(), 1);
    const auto topLeft = changedSpy.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changedSpy.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.column(), firstColumn);
    QCOMPARE(bottomRight.column(), lastColumn);
    // Every text that changed lies inside the announced range, and something did change.
    const QStringList after = testutil::dump(*s.model);
    QCOMPARE(after.size(), before.size());
    QVERIFY(after != before);
    for (int row = 0; row < s.model->rowCount(); ++row) {
        for (int column = 0; column < s.model->columnCount(); ++column) {
            const QModelIndex index = s.model->index(row, column);
            if (row >= topLeft.row() && row <= bottomRight.row() && column >= firstColumn &&
                column <= lastColumn)
                continue;
            QCOMPARE(index.data().toString(), before.at(row).split(QLatin1Char('|')).at(column));
        }
    }
}

void TestSectionModels::clearAndReload_data() {
    QTest::addColumn<QString>("section");
    for (const QString& name : SectionNames)
        QTest::newRow(qPrintable(name)) << name;
}

void TestSectionModels::clearAndReload() {
    QFETCH(QString, section);
    const auto snapshot = testutil::loadFixture(QStringLiteral("sample"));
    Section s = makeSection(section);
    Tester tester(s.model.get(), Tester::FailureReportingMode::QtTest);
    QCOMPARE(s.model->rowCount(), 0);
    for (std::size_t i = 0; i < snapshot->workers.size(); ++i)
        s.setWorker(snapshot->worker(i));
    s.setWorker(std::nullopt);
    QCOMPARE(s.model->rowCount(), 0);
    if (s.setReferenceTime)
        s.setReferenceTime(QDateTime::currentDateTimeUtc()); // no rows: nothing to announce, no crash
    QVERIFY(!s.model->headerData(0, Qt::Horizontal).toString().isEmpty());
}

void TestSectionModels::sortEveryColumn_data() {
    clearAndReload_data();
}

void TestSectionModels::sortEveryColumn() {
    QFETCH(QString, section);
    const auto snapshot = testutil::loadFixture(QStringLiteral("sample"));
    const auto runs = testutil::snapshotOf(RunsWorker, snapshot->captureTime);
    Section s = makeSection(section);
    models::WorkerSortProxy proxy;
    proxy.setSourceModel(s.model.get());
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    for (std::size_t i = 0; i <= snapshot->workers.size(); ++i) {
        s.setWorker(i < snapshot->workers.size() ? snapshot->worker(i) : runs->worker(0));
        if (s.setReferenceTime)
            s.setReferenceTime(snapshot->captureTime);
        for (int column = 0; column < s.model->columnCount(); ++column) {
            proxy.sort(column);
            for (int row = 0; row + 1 < proxy.rowCount(); ++row) {
                const QModelIndex a = proxy.mapToSource(proxy.index(row, column));
                const QModelIndex b = proxy.mapToSource(proxy.index(row + 1, column));
                QVERIFY(proxy.lessThan(a, b) && !proxy.lessThan(b, a));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestSectionModels)
#include "tst_sectionmodels.moc"
