# The filter language and the worker table's filter proxy (included from models/CMakeLists.txt; paths
# relative to models/).
target_sources(hwi_models PRIVATE
    filter/workerindex.h filter/workerindex.cpp
    filter/query.h filter/query.cpp filter/queryparser.cpp
    filter/workerfilterproxy.h filter/workerfilterproxy.cpp
)
