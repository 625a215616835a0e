# What a desktop user installs, and the Debian package that carries it (scripts/package.sh).
# Runtime component: both programs, the desktop entry and its icon, the AppStream metainfo, the
# man pages (written at build time from the programs' own --help by cmake/manpage.sh), the bash
# completion and /usr/share/doc. Development component: the static core, its headers and its
# CMake package (a separate sentry-harness-dev package). One version everywhere:
# project(VERSION); the date of this build stands for the release date (SOURCE_DATE_EPOCH
# pins it for reproducible packages).

# The AppStream id is reverse-DNS; the desktop entry keeps its short name (the launchable).
set(SENTRY_APPSTREAM_ID "io.github.sentryharness.SentryHarness")
set(SENTRY_PACKAGE_MAINTAINER "Sentry Harness maintainers <maintainers@sentry-harness.invalid>"
    CACHE STRING "The Maintainer field of the Debian package")
string(TIMESTAMP SENTRY_RELEASE_DATE "%Y-%m-%d" UTC)
string(TIMESTAMP SENTRY_RELEASE_TIME "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(SENTRY_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/sentry-harness)
set(SENTRY_PACKAGING_DIR ${CMAKE_CURRENT_BINARY_DIR}/packaging)

configure_file(resources/packaging/sentry-harness.metainfo.xml.in
               ${SENTRY_PACKAGING_DIR}/${SENTRY_APPSTREAM_ID}.metainfo.xml @ONLY)
configure_file(resources/packaging/changelog.in ${SENTRY_PACKAGING_DIR}/changelog @ONLY)

# sentry_add_man_page(<program target> <summary> [--commands] [--see-also PAGE]): <name>.1.gz
function(sentry_add_man_page target summary)
    set(page ${SENTRY_PACKAGING_DIR}/${target}.1)
    add_custom_command(OUTPUT ${page}.gz
        COMMAND bash ${PROJECT_SOURCE_DIR}/cmake/manpage.sh ${ARGN} $<TARGET_FILE:${target}>
                "${summary}" ${SENTRY_RELEASE_DATE} ${page}
        COMMAND gzip -9nf ${page}
        DEPENDS ${target} ${PROJECT_SOURCE_DIR}/cmake/manpage.sh ${PROJECT_SOURCE_DIR}/cmake/helptoman.awk
        COMMENT "Writing the man page of ${target} from its --help"
        VERBATIM)
    set_property(GLOBAL APPEND PROPERTY SENTRY_MAN_PAGES ${page}.gz)
endfunction()
sentry_add_man_page(sentry-harness "compose, validate and send Sentry protocol v4 events"
                    --see-also sentry-harness-cli)
sentry_add_man_page(sentry-harness-cli
                    "check DSNs and auth headers, build, validate and send Sentry protocol v4 events"
                    --commands --see-also sentry-harness)
add_custom_command(OUTPUT ${SENTRY_PACKAGING_DIR}/changelog.gz
    COMMAND gzip -9nc ${SENTRY_PACKAGING_DIR}/changelog > ${SENTRY_PACKAGING_DIR}/changelog.gz
    DEPENDS ${SENTRY_PACKAGING_DIR}/changelog)
get_property(sentry_man_pages GLOBAL PROPERTY SENTRY_MAN_PAGES)
add_custom_target(sentry_docs ALL DEPENDS ${sentry_man_pages} ${SENTRY_PACKAGING_DIR}/changelog.gz)

# The programs load nothing of ours at run time, so they need no $ORIGIN search path (which
# qt_standard_project_setup() adds, and Debian's policy forbids).
set_target_properties(sentry-harness sentry-harness-cli PROPERTIES INSTALL_RPATH "")
install(TARGETS sentry-harness sentry-harness-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
install(FILES resources/sentry-harness.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
        COMPONENT Runtime)
install(FILES resources/icons/sentry-harness.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT Runtime)
install(FILES ${SENTRY_PACKAGING_DIR}/${SENTRY_APPSTREAM_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT Runtime)
install(FILES ${sentry_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT Runtime)
# The sample corpus on disk too, so that File › Open starts among the samples (SampleCatalog::folder).
install(DIRECTORY resources/samples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/sentry-harness/samples
        COMPONENT Runtime FILES_MATCHING PATTERN "*.json")
install(FILES resources/packaging/sentry-harness-cli.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME sentry-harness-cli
        COMPONENT Runtime)
install(FILES README.md resources/packaging/copyright ${SENTRY_PACKAGING_DIR}/changelog.gz
        DESTINATION ${SENTRY_DOCDIR} COMPONENT Runtime)
install(FILES resources/packaging/copyright ${SENTRY_PACKAGING_DIR}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/sentry-harness-dev COMPONENT Development)

# `cpack -G DEB` (scripts/package.sh): sentry-harness_<version>_<arch>.deb and the -dev package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sentry-harness)
set(CPACK_PACKAGE_VENDOR "Sentry Harness")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL Runtime Development)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SENTRY_PACKAGE_MAINTAINER}")
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY (project()'s DESCRIPTION) before each package's
# description unless it is CPack's own default; here the first line of each description is that
# package's synopsis.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME sentry-harness)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION devel)
# Plugins Qt loads at run time, which dpkg-shlibdeps cannot see: the window system and SVG icons.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
if(TARGET Qt6::Sql) # and the SQLite driver of Qt SQL, where a program keeps a history with it
    string(APPEND CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS ", libqt6sql6-sqlite")
endif()
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS bash-completion)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
"test harness and event inspector for the Sentry client protocol v4
Sentry Harness is a workbench for people who debug Sentry clients, DSNs and
servers that speak the client protocol version 4 (the /api/PROJECT/store/
endpoint with an X-Sentry-Auth header). It composes events, validates them as
the protocol document and the v4-era server judged them, shows the exact HTTP
request and a curl command that reproduces it, breaks down DSNs and auth
headers, sends events and explains the server's answer.
.
The package holds the desktop program, sentry-harness, and its command-line
twin for scripts and CI, sentry-harness-cli.")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME sentry-harness-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS "qt6-base-dev (>= 6.4), zlib1g-dev")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION
"Sentry client protocol v4 core of Sentry Harness (static library)
The protocol core of Sentry Harness as a static library with its headers and
a CMake package (find_package(SentryHarness), target Sentry::Core), for Qt
programs that want to send events to a server that speaks the Sentry client
protocol version 4.")
include(CPack)
