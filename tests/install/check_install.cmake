# Installs the build into a scratch prefix and checks what a desktop user gets (both programs, the
# desktop entry naming the installed program and icon, the icon) and what a library user gets (a
# program outside this tree builds against the installed Sentry::Core and runs). Run by ctest as
#   cmake -DBUILD_DIR=… -DPREFIX=… -DGENERATOR=… [-DSANITIZE=… -DCXX_COMPILER=…] -P check_install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
include(GNUInstallDirs)
foreach(path
        "${CMAKE_INSTALL_BINDIR}/sentry-harness"
        "${CMAKE_INSTALL_BINDIR}/sentry-harness-cli"
        "${CMAKE_INSTALL_DATADIR}/applications/sentry-harness.desktop"
        "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps/sentry-harness.svg")
    if(NOT EXISTS "${PREFIX}/${path}")
        message(FATAL_ERROR "not installed: ${path}")
    endif()
endforeach()
file(STRINGS "${PREFIX}/${CMAKE_INSTALL_DATADIR}/applications/sentry-harness.desktop" entry)
foreach(line "Exec=sentry-harness %f" "Icon=sentry-harness" "Type=Application")
    list(FIND entry "${line}" found)
    if(found EQUAL -1)
        message(FATAL_ERROR "the desktop entry lacks \"${line}\"")
    endif()
endforeach()
execute_process(COMMAND "${PREFIX}/${CMAKE_INSTALL_BINDIR}/sentry-harness-cli" --version
                RESULT_VARIABLE result OUTPUT_VARIABLE version)
if(NOT result EQUAL 0 OR NOT version MATCHES "^sentry-harness-cli [0-9]")
    message(FATAL_ERROR "the installed CLI does not run: ${result} ${version}")
endif()
# The core as a package: a program outside this tree finds it, builds against it and runs.
set(consumer "${PREFIX}-consumer")
file(REMOVE_RECURSE "${consumer}")
# A core built with sanitizers (SENTRY_SANITIZE) needs their runtimes in the program that links it:
# the consumer is then built with the same compiler and -fsanitize list, as such a user would.
set(sanitize_args "")
if(SANITIZE)
    set(sanitize_args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_CXX_FLAGS=-fsanitize=${SANITIZE}"
                      "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=${SANITIZE}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${CMAKE_CURRENT_LIST_DIR}/consumer" -B "${consumer}"
                        -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${PREFIX}" ${sanitize_args}
                RESULT_VARIABLE result OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "find_package(SentryHarness) failed:\n${log}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${consumer}"
                RESULT_VARIABLE result OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "a program using Sentry::Core does not build:\n${log}")
endif()
execute_process(COMMAND "${consumer}/consumer" RESULT_VARIABLE result OUTPUT_VARIABLE log)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the program using Sentry::Core failed (${result}): ${log}")
endif()
message(STATUS "installed and checked under ${PREFIX}; ${log}")
