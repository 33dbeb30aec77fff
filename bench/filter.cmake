# Filter benchmark: index build and per-query filter time over a generated worker list.
add_executable(filter_benchmark filter_benchmark.cpp)
target_link_libraries(filter_benchmark PRIVATE hwi_models Qt6::Core)
