# Export: faithful JSON of documents and worker selections, table export (JSON, CSV), atomic writes.
add_executable(tst_export tst_export.cpp)
target_link_libraries(tst_export PRIVATE hwi_models Qt6::Test Qt6::Gui)
target_compile_definitions(tst_export PRIVATE HWI_FIXTURES="${CMAKE_SOURCE_DIR}/tests/fixtures"
                           HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json")
add_test(NAME export COMMAND tst_export)
set_tests_properties(export PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)
