# Reliability: the Problems panel, bad input end to end, limits, and writes (issue 6).
add_executable(tst_problems tst_problems.cpp itemmodeltestutil.h)
target_link_libraries(tst_problems PRIVATE hwi_views hwi_cli Qt6::Test)
target_compile_definitions(tst_problems PRIVATE HWI_FIXTURES="${CMAKE_SOURCE_DIR}/tests/fixtures"
                           HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json")
add_test(NAME problems COMMAND tst_problems)
set_tests_properties(problems PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)

add_executable(tst_badinput tst_badinput.cpp)
target_link_libraries(tst_badinput PRIVATE hwi_models Qt6::Test)
target_compile_definitions(tst_badinput PRIVATE HWI_BADINPUT="${CMAKE_SOURCE_DIR}/tests/badinput"
                           HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json"
                           HWI_INSPECTOR="$<TARGET_FILE:hatchet-inspector>")
add_dependencies(tst_badinput hatchet-inspector)
add_test(NAME badinput COMMAND tst_badinput)

add_executable(tst_writes tst_writes.cpp)
target_link_libraries(tst_writes PRIVATE hwi_models Qt6::Test)
target_compile_definitions(tst_writes PRIVATE HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json"
                           HWI_INSPECTOR="$<TARGET_FILE:hatchet-inspector>")
add_dependencies(tst_writes hatchet-inspector)
add_test(NAME writes COMMAND tst_writes)
