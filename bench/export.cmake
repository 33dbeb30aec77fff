# Export throughput against QJsonDocument::toJson on the same data.
add_executable(export_benchmark export_benchmark.cpp)
target_link_libraries(export_benchmark PRIVATE hwi_models Qt6::Core)
