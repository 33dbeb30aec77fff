# Desktop conventions: remembered layout, recent files, drops, windows, keyboard, names, colours, icon.
add_executable(tst_desktop tst_desktop.cpp temporarysettings.h)
target_link_libraries(tst_desktop PRIVATE hwi_views Qt6::Test)
target_compile_definitions(tst_desktop PRIVATE HWI_FIXTURES="${CMAKE_SOURCE_DIR}/tests/fixtures")
add_test(NAME desktop COMMAND tst_desktop)
set_tests_properties(desktop PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)

# Reload on change: the file watcher, and the window keeping its state when the file is rewritten.
add_executable(tst_desktopreload tst_desktopreload.cpp temporarysettings.h)
target_link_libraries(tst_desktopreload PRIVATE hwi_views Qt6::Test)
target_compile_definitions(tst_desktopreload PRIVATE HWI_FIXTURES="${CMAKE_SOURCE_DIR}/tests/fixtures")
add_test(NAME desktopreload COMMAND tst_desktopreload)
set_tests_properties(desktopreload PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)

# cmake --install puts the binary, the .desktop file and the icon where desktops look for them.
add_test(NAME install COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR}
                              -DDESTDIR=${CMAKE_CURRENT_BINARY_DIR}/install-root
                              -P ${CMAKE_CURRENT_SOURCE_DIR}/install_check.cmake)
