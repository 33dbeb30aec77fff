add_executable(tst_jsondiagnoser tst_jsondiagnoser.cpp)
target_link_libraries(tst_jsondiagnoser PRIVATE hwi_models Qt6::Test)
add_test(NAME jsondiagnoser COMMAND tst_jsondiagnoser)
