# Faithful JSON export, table export and atomic writes (included from models/CMakeLists.txt).
target_sources(hwi_models PRIVATE
    export/jsonwriter.h export/jsonwriter.cpp
    export/workerexport.h export/workerexport.cpp
    export/tableexport.h export/tableexport.cpp
    export/atomicwrite.h export/atomicwrite.cpp
)
