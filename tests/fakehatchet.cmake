# The fake Hatchet server (a library for the tests, and the fake-hatchet program behind scripts/fake-hatchet)
# and the live-source tests against it. fakehatchet/selfsigned.crt and .key are a throwaway self-signed
# certificate for 127.0.0.1, used only to prove that an untrusted certificate fails with a TLS error.
find_package(Qt6 REQUIRED COMPONENTS HttpServer)

add_library(hwi_fakehatchet STATIC fakehatchet/fakehatchet.h fakehatchet/fakehatchet.cpp)
target_include_directories(hwi_fakehatchet PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/fakehatchet)
target_link_libraries(hwi_fakehatchet PUBLIC hwi_models Qt6::HttpServer Qt6::Network)

add_executable(fake-hatchet fakehatchet/main.cpp)
target_compile_definitions(fake-hatchet PRIVATE HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json")
target_link_libraries(fake-hatchet PRIVATE hwi_fakehatchet)

add_executable(tst_live tst_live.cpp)
target_link_libraries(tst_live PRIVATE hwi_fakehatchet Qt6::Test)
target_compile_definitions(tst_live PRIVATE HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json"
                           HWI_FAKE_DIR="${CMAKE_CURRENT_SOURCE_DIR}/fakehatchet")
add_test(NAME live COMMAND tst_live)

add_executable(tst_livecli tst_livecli.cpp)
target_link_libraries(tst_livecli PRIVATE hwi_fakehatchet Qt6::Test)
target_compile_definitions(tst_livecli PRIVATE HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json"
                           HWI_INSPECTOR="$<TARGET_FILE:hatchet-inspector>")
add_dependencies(tst_livecli hatchet-inspector)
add_test(NAME livecli COMMAND tst_livecli)

add_executable(tst_livewindow tst_livewindow.cpp)
target_link_libraries(tst_livewindow PRIVATE hwi_fakehatchet hwi_views Qt6::Test)
target_compile_definitions(tst_livewindow PRIVATE HWI_SAMPLE="${CMAKE_SOURCE_DIR}/resources/sample-workers.json")
add_test(NAME livewindow COMMAND tst_livewindow)
set_tests_properties(livewindow PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
