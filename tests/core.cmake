# Core tests: the document layer, validation, the command line (the built binary) and the loader.
foreach(name document validation commandline loader)
  add_executable(tst_${name} tst_${name}.cpp)
  target_link_libraries(tst_${name} PRIVATE hwi_models Qt6::Test)
  target_compile_definitions(tst_${name} PRIVATE HWI_FIXTURES="${CMAKE_SOURCE_DIR}/tests/fixtures"
                             HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json")
  add_test(NAME ${name} COMMAND tst_${name})
endforeach()

target_compile_definitions(tst_commandline PRIVATE HWI_INSPECTOR="$<TARGET_FILE:hatchet-inspector>")
add_dependencies(tst_commandline hatchet-inspector)

qt_add_resources(tst_loader "fixtures" PREFIX "/" BASE ${CMAKE_SOURCE_DIR}/resources
                 FILES ${CMAKE_SOURCE_DIR}/resources/sample-workers.json)
