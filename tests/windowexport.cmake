# The window's filters (worker query, detail tables, raw JSON trees), File > Export, copy actions.
add_executable(tst_windowexport tst_windowexport.cpp)
target_link_libraries(tst_windowexport PRIVATE hwi_views Qt6::Test)
target_compile_definitions(tst_windowexport PRIVATE HWI_FIXTURES="${CMAKE_SOURCE_DIR}/tests/fixtures")
add_test(NAME windowexport COMMAND tst_windowexport)
set_tests_properties(windowexport PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)

# jq paths of JSON nodes (models/json/paths.h).
add_executable(tst_jsonpaths tst_jsonpaths.cpp)
target_link_libraries(tst_jsonpaths PRIVATE hwi_models Qt6::Test)
add_test(NAME jsonpaths COMMAND tst_jsonpaths)
