# Filter language and filter proxy tests (included from tests/CMakeLists.txt).
add_executable(tst_filter tst_filter.cpp itemmodeltestutil.h)
target_link_libraries(tst_filter PRIVATE hwi_models Qt6::Test)
target_compile_definitions(tst_filter PRIVATE
    HWI_FIXTURES="${CMAKE_SOURCE_DIR}/tests/fixtures"
    HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json")
add_test(NAME filter COMMAND tst_filter)
set_tests_properties(filter PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
