add_executable(tst_views tst_views.cpp)
target_link_libraries(tst_views PRIVATE hwi_views Qt6::Test)
add_test(NAME views COMMAND tst_views)
set_tests_properties(views PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)
