# Item models and proxies over a Snapshot (included from models/CMakeLists.txt; paths relative to models/).
target_sources(hwi_models PRIVATE
    itemmodels/roles.h
    itemmodels/timeformat.h itemmodels/timeformat.cpp
    itemmodels/workertablemodel.h itemmodels/workertablemodel.cpp
    itemmodels/workersortproxy.h itemmodels/workersortproxy.cpp
    itemmodels/metadatamodel.h itemmodels/metadatamodel.cpp
    itemmodels/workflowsmodel.h itemmodels/workflowsmodel.cpp
    itemmodels/actionsmodel.h itemmodels/actionsmodel.cpp
    itemmodels/slotsmodel.h itemmodels/slotsmodel.cpp
    itemmodels/slotconfigmodel.h itemmodels/slotconfigmodel.cpp
    itemmodels/labelsmodel.h itemmodels/labelsmodel.cpp
    itemmodels/steprunsmodel.h itemmodels/steprunsmodel.cpp
    itemmodels/runtimeinfomodel.h itemmodels/runtimeinfomodel.cpp
    itemmodels/jsontreemodel.h itemmodels/jsontreemodel.cpp
    itemmodels/jsontreefilterproxy.h itemmodels/jsontreefilterproxy.cpp
    itemmodels/problemsmodel.h itemmodels/problemsmodel.cpp
)
