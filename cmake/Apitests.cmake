# isms_add_apitests(DIR): one CTest test per scenario file under DIR (STYLE §5), named
# api/<path relative to DIR without extension>, labelled `api` plus the file's `# group:` values;
# *.apitest_slow files are labelled `slow` too. Each file is registered a second time as
# api-pg/<name>, labelled `postgres` too, which runs it on a fresh PostgreSQL database of the
# server ISMS_TEST_POSTGRES names (scripts/with-postgres.sh starts one for `make test`). The
# runner exits 77 for a skipped file (`require postgres` on SQLite, or api-pg/ without
# ISMS_TEST_POSTGRES), which CTest reports as skipped.
function(isms_add_apitests dir)
  file(GLOB_RECURSE _files CONFIGURE_DEPENDS "${dir}/*.apitest" "${dir}/*.apitest_slow")
  list(SORT _files)
  foreach(_file IN LISTS _files)
    file(RELATIVE_PATH _relative "${dir}" "${_file}")
    string(REGEX REPLACE "\\.apitest(_slow)?$" "" _name "${_relative}")
    set(_labels api)
    if(_file MATCHES "\\.apitest_slow$")
      list(APPEND _labels slow)
    endif()
    # `# group: [risk] [iam]` -> labels risk;iam
    file(STRINGS "${_file}" _group_lines REGEX "^# group:")
    foreach(_line IN LISTS _group_lines)
      string(REGEX REPLACE "^# group:" "" _groups "${_line}")
      string(REGEX REPLACE "[][,]" " " _groups "${_groups}")
      separate_arguments(_groups UNIX_COMMAND "${_groups}")
      list(APPEND _labels ${_groups})
    endforeach()
    list(REMOVE_DUPLICATES _labels)
    file(RELATIVE_PATH _shown "${PROJECT_SOURCE_DIR}" "${_file}")
    add_test(NAME api/${_name} COMMAND $<TARGET_FILE:apitest> ${_shown}
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(api/${_name} PROPERTIES LABELS "${_labels}" SKIP_RETURN_CODE 77)
    add_test(NAME api-pg/${_name} COMMAND $<TARGET_FILE:apitest> --postgres ${_shown}
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(api-pg/${_name} PROPERTIES LABELS "${_labels};postgres"
                         SKIP_RETURN_CODE 77)
  endforeach()
endfunction()
