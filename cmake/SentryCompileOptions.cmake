# SENTRY_SANITIZE: a comma-separated -fsanitize= list ("address,undefined"), applied to every target
# of ours; scripts/test.sh --sanitize builds with it and clang in build-sanitize/.
set(SENTRY_SANITIZE "" CACHE STRING "Sanitizers for every target, e.g. address,undefined (empty: none)")

# sentry_set_compile_options(<target>): the house compile settings, applied per target
# (usage requirements live on targets, never at directory scope).
function(sentry_set_compile_options target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_FROM_BYTEARRAY
        QT_USE_QSTRINGBUILDER
        QT_NO_FOREACH
        QT_DISABLE_DEPRECATED_UP_TO=0x060400)
    # Partial aggregate initialisation of value structs (Finding{sev, where, msg}) is intended.
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        # Qt's qCWarning(category) without arguments trips this pedantic clang warning.
        target_compile_options(${target} PRIVATE -Wno-gnu-zero-variadic-macro-arguments)
    endif()
    if(SENTRY_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(SENTRY_SANITIZE)
        # Every finding stops the run (-fno-sanitize-recover), so a test fails instead of printing.
        target_compile_options(${target} PRIVATE -fsanitize=${SENTRY_SANITIZE}
            -fno-sanitize-recover=all -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=${SENTRY_SANITIZE})
    endif()
endfunction()
