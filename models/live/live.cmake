# The live source: Hatchet API tokens, connections and URLs, and merging a tenant's list pages
# (included from models/CMakeLists.txt).
target_sources(hwi_models PRIVATE
    live/token.h live/token.cpp
    live/connection.h live/connection.cpp
    live/workerlistpages.h live/workerlistpages.cpp
    live/httperrors.h live/httperrors.cpp
)
