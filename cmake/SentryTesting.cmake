# sentry_add_test(<name> SOURCES ... LIBRARIES ... [WIDGETS])
# One executable per test file, registered with ctest. Tests link the library targets and never
# recompile production sources. WIDGETS tests run on the offscreen platform.
function(sentry_add_test name)
    cmake_parse_arguments(ARG "WIDGETS" "" "SOURCES;LIBRARIES" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
    sentry_set_compile_options(${name})
    target_compile_definitions(${name} PRIVATE
        SENTRY_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        SENTRY_SAMPLES_DIR="${PROJECT_SOURCE_DIR}/resources/samples")
    add_test(NAME ${name} COMMAND ${name})
    set(env "QT_LOGGING_RULES=*.debug=false")
    if(ARG_WIDGETS)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    # Under ASan+UBSan in a debug build (SENTRY_SANITIZE) the code runs several times slower: the
    # property tests of the validator take over 300 s there on a shared 2-core machine.
    set(timeout 300)
    if(SENTRY_SANITIZE)
        set(timeout 900)
        # OpenSSL's per-thread state at exit; why, in the file.
        list(APPEND env "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp")
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${timeout})
endfunction()
