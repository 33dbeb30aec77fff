# Installs BUILD_DIR into DESTDIR (prefix /usr) and checks that the files a desktop needs are there.
file(REMOVE_RECURSE "${DESTDIR}")
set(ENV{DESTDIR} "${DESTDIR}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix /usr
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result}):\n${output}")
endif()
foreach(installed bin/hatchet-inspector libexec/hatchet-inspector-window share/applications/hatchet-inspector.desktop
                  share/icons/hicolor/scalable/apps/hatchet-inspector.svg)
  if(NOT EXISTS "${DESTDIR}/usr/${installed}")
    message(FATAL_ERROR "not installed: /usr/${installed}\n${output}")
  endif()
endforeach()
# The window hatchet-inspector execs (tst_executables checks that the front finds it there) runs.
execute_process(COMMAND "${DESTDIR}/usr/libexec/hatchet-inspector-window" --version
                RESULT_VARIABLE result OUTPUT_VARIABLE version ERROR_VARIABLE version)
if(NOT result EQUAL 0 OR NOT version MATCHES "^hatchet-inspector ")
  message(FATAL_ERROR "the installed window does not run (${result}): ${version}")
endif()
file(READ "${DESTDIR}/usr/share/applications/hatchet-inspector.desktop" entry)
foreach(line "Exec=hatchet-inspector %U" "Icon=hatchet-inspector" "MimeType=application/json;")
  string(FIND "${entry}" "${line}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the .desktop file lacks '${line}'")
  endif()
endforeach()
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
  execute_process(COMMAND ${DESKTOP_FILE_VALIDATE} "${DESTDIR}/usr/share/applications/hatchet-inspector.desktop"
                  RESULT_VARIABLE valid OUTPUT_VARIABLE problems ERROR_VARIABLE problems)
  if(NOT valid EQUAL 0)
    message(FATAL_ERROR "desktop-file-validate: ${problems}")
  endif()
endif()
# Neither executable, built or installed, looks for libraries in the directory it is run from: the dynamic
# loader reads an empty RPATH or RUNPATH entry (CMake's padding of an empty build RPATH) or "." as that.
foreach(executable "${BUILD_DIR}/app/hatchet-inspector" "${BUILD_DIR}/app/hatchet-inspector-window"
                   "${DESTDIR}/usr/bin/hatchet-inspector" "${DESTDIR}/usr/libexec/hatchet-inspector-window")
  file(READ_ELF "${executable}" RPATH rpath RUNPATH runpath CAPTURE_ERROR elf_error)
  if(elf_error)
    message(FATAL_ERROR "cannot read ${executable}: ${elf_error}")
  endif()
  # Each entry between colons; an empty one shows as ";;" or a leading or trailing ";" in the list.
  string(REPLACE ":" ";" entries "${rpath}:${runpath}")
  foreach(entry IN LISTS entries)
    if(entry STREQUAL "." OR entry MATCHES "^\\./")
      message(FATAL_ERROR "${executable} looks for libraries under the current directory: '${entry}'")
    endif()
  endforeach()
  if((rpath AND rpath MATCHES "(^|;|:)(;|:|$)") OR (runpath AND runpath MATCHES "(^|;|:)(;|:|$)"))
    message(FATAL_ERROR "${executable} has an empty RPATH/RUNPATH entry (the current directory): "
                        "RPATH '${rpath}', RUNPATH '${runpath}'")
  endif()
endforeach()
message(STATUS "installed both executables, .desktop file and icon under ${DESTDIR}/usr")
