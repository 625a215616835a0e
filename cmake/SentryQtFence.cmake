# sentry_fence_qt(<target> ALLOW <module>...): the target's own sources may include headers of the
# Qt modules it is allowed only, in every spelling. Qt's include root is on every Qt target's path
# (Qt's headers include <QtCore/qglobal.h>), so <QtWidgets/QWidget> or <QtGui/QColor> would
# otherwise compile in a library that does not link Widgets or Gui. The fence is a directory of
# stand-ins searched before that root: one per header of every other module, each an #error
# naming the header and the layer. Bare names (<QWidget>, <QColor>, <QtWidgets>) are not found
# anyway, as the other modules' folders are not on the path. Private to the target: its users
# (ui/ links Widgets and core) see the real headers.
#
# sentry_add_fence_probe(<name> TARGET <target> SOURCE <file> INCLUDE <header>): a ctest that builds
# <file>, which includes <header>, with the target's include path and libraries, and passes only
# when that fails because the header is fenced or not found (gcc says "No such file or directory",
# clang "file not found": both are accepted).
function(sentry_fence_qt target)
    cmake_parse_arguments(ARG "" "" "ALLOW" ${ARGN})
    get_target_property(qt_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
    set(root "")
    foreach(dir ${qt_includes})
        if(dir MATCHES "^(.*)/QtCore$")
            set(root "${CMAKE_MATCH_1}")
        endif()
    endforeach()
    if(NOT root OR NOT IS_DIRECTORY "${root}")
        message(FATAL_ERROR "sentry_fence_qt: Qt's include root not found in ${qt_includes}")
    endif()
    set(fence "${CMAKE_CURRENT_BINARY_DIR}/${target}_qt_fence")
    list(TRANSFORM ARG_ALLOW PREPEND "Qt" OUTPUT_VARIABLE allowed)
    string(REPLACE ";" " and Qt " allowed_text "${ARG_ALLOW}")
    file(GLOB modules RELATIVE "${root}" LIST_DIRECTORIES true "${root}/Qt*")
    foreach(module ${modules})
        if(NOT IS_DIRECTORY "${root}/${module}" OR module IN_LIST allowed)
            continue()
        endif()
        file(GLOB headers RELATIVE "${root}/${module}" LIST_DIRECTORIES false "${root}/${module}/*")
        foreach(header ${headers})
            set(stand_in "${fence}/${module}/${header}")
            if(NOT EXISTS "${stand_in}")
                file(WRITE "${stand_in}" "#error \"${module}/${header} is fenced off from ${target}: it may use Qt ${allowed_text} only (see README, Architecture)\"\n")
            endif()
        endforeach()
    endforeach()
    target_include_directories(${target} BEFORE PRIVATE "${fence}")
endfunction()

function(sentry_add_fence_probe name)
    cmake_parse_arguments(ARG "" "TARGET;SOURCE;INCLUDE" "" ${ARGN})
    add_library(${name} OBJECT EXCLUDE_FROM_ALL "${ARG_SOURCE}")
    set_target_properties(${name} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
    target_include_directories(${name} PRIVATE $<TARGET_PROPERTY:${ARG_TARGET},INCLUDE_DIRECTORIES>)
    target_link_libraries(${name} PRIVATE $<TARGET_PROPERTY:${ARG_TARGET},LINK_LIBRARIES>)
    add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target ${name})
    string(REGEX REPLACE "([.+])" "\\\\\\1" header "${ARG_INCLUDE}")
    # Probes run the build tool in the build tree: one at a time.
    set_tests_properties(${name} PROPERTIES RESOURCE_LOCK build_tree PASS_REGULAR_EXPRESSION
        "${header}: No such file or directory|'${header}' file not found|${header} is fenced off from ${ARG_TARGET}")
endfunction()
