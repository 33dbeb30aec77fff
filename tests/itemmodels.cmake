# Item model tests (included from tests/CMakeLists.txt).
foreach(name workertablemodel sectionmodels jsontreemodel)
  add_executable(tst_${name} tst_${name}.cpp itemmodeltestutil.h)
  target_link_libraries(tst_${name} PRIVATE hwi_models Qt6::Test)
  target_compile_definitions(tst_${name} PRIVATE
      HWI_FIXTURES="${CMAKE_SOURCE_DIR}/tests/fixtures"
      HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json")
  add_test(NAME ${name} COMMAND tst_${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endforeach()

# The large-load test generates its input with the benchmark generator when it is built.
if(TARGET generate_workers)
  target_compile_definitions(tst_workertablemodel PRIVATE HWI_GENERATOR="$<TARGET_FILE:generate_workers>")
  add_dependencies(tst_workertablemodel generate_workers)
endif()
