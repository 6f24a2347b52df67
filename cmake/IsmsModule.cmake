# isms_add_module(name SOURCES ... DEPS ...): one folder = one module = one static library
# isms::name. Include paths are rooted at src/. scripts/check-layers.sh guards the layer order.
function(isms_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(isms_${name} STATIC ${ARG_SOURCES})
  add_library(isms::${name} ALIAS isms_${name})
  target_include_directories(isms_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(isms_${name} PRIVATE ${ISMS_WARNINGS})
  target_link_libraries(isms_${name} PUBLIC ${ARG_DEPS})
endfunction()

# isms_add_unit_test(name SOURCES ... DEPS ... [LABELS ...]): a GoogleTest binary registered
# with CTest, labelled `unit` plus LABELS (`concurrency`: also built and run under
# ThreadSanitizer by `make tsan`).
function(isms_add_unit_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${ISMS_WARNINGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest_main)
  gtest_discover_tests(${name} PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)
  if(ARG_LABELS)
    # Discovery passes properties through command lines that split lists, so the extra labels
    # are set by a CTest include file that runs after the discovered tests' file.
    list(JOIN ARG_LABELS ";" _labels)
    set(_file "${CMAKE_CURRENT_BINARY_DIR}/${name}_labels.cmake")
    file(WRITE "${_file}"
         "if(DEFINED ${name}_TESTS)\n"
         "  set_tests_properties(\${${name}_TESTS} PROPERTIES LABELS \"unit;${_labels}\")\n"
         "endif()\n")
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${_file}")
  endif()
endfunction()
