# patrol_add_fixture_test(<id> FIXTURE <folder>
#                         [NAME <test name>] [EXPECTED <file>] [AS_OF <YYYY-MM-DD>]
#                         [CALENDAR <file.json>] [PATROL <patrol executable>])
#
# Adds a CTest that runs `patrol check --plugin <id> --data <folder>` with the plugin built by
# patrol_add_plugin(<id> …) and compares its stdout, byte for byte, with <folder>/expected.jsonl
# (or EXPECTED). The test fails when they differ, naming the first differing line and leaving
# the actual output next to the test's work folder, or when patrol exits with anything but 0.
#
# The patrol it runs: PATROL, else the `patrol` target of the same build, else the variable
# PATROL_EXECUTABLE, else `patrol` found in <prefix>/bin of the installation this SDK came from.
#
# Run as a script (cmake -P) by the test itself; included, it only defines the function.

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  cmake_minimum_required(VERSION 3.20)
  file(MAKE_DIRECTORY "${WORK}")
  file(WRITE "${WORK}/patrol.ini" "[plugins]\nfolders = ${PLUGIN_DIR}\n")
  set(_args --config "${WORK}/patrol.ini" check --plugin "${PLUGIN}" --data "${FIXTURE}")
  if(AS_OF)
    list(APPEND _args --as-of "${AS_OF}")
  endif()
  if(CALENDAR)
    list(APPEND _args --calendar "${CALENDAR}")
  endif()
  execute_process(COMMAND "${PATROL}" ${_args} OUTPUT_VARIABLE _out ERROR_VARIABLE _err RESULT_VARIABLE _rc)
  file(WRITE "${WORK}/actual.jsonl" "${_out}")
  # The explanation goes out as written (NOTICE); FATAL_ERROR would re-wrap the lines.
  if(NOT _rc EQUAL 0)
    message(NOTICE "patrol check 的退出码为 ${_rc}，应为 0。标准错误输出：\n${_err}")
    message(FATAL_ERROR "fixture test failed")
  endif()
  if(NOT EXISTS "${EXPECTED}")
    message(NOTICE "找不到期望输出 ${EXPECTED}。确认实际输出 ${WORK}/actual.jsonl 无误后，可把它复制为该文件。")
    message(FATAL_ERROR "fixture test failed")
  endif()
  file(READ "${EXPECTED}" _expected)
  if(NOT _out STREQUAL _expected)
    # Name the first line that differs: a long JSONL is hard to compare by eye. (Line by line
    # with FIND, not as CMake lists: findings may hold ';' and brackets.)
    set(_rest_got "${_out}")
    set(_rest_want "${_expected}")
    set(_shown 1)
    while(TRUE)
      string(FIND "${_rest_got}" "\n" _g)
      string(FIND "${_rest_want}" "\n" _w)
      string(SUBSTRING "${_rest_got}" 0 ${_g} _got)
      string(SUBSTRING "${_rest_want}" 0 ${_w} _want)
      if(NOT _got STREQUAL _want OR _g EQUAL -1 OR _w EQUAL -1)
        break()
      endif()
      math(EXPR _g "${_g} + 1")
      math(EXPR _w "${_w} + 1")
      string(SUBSTRING "${_rest_got}" ${_g} -1 _rest_got)
      string(SUBSTRING "${_rest_want}" ${_w} -1 _rest_want)
      math(EXPR _shown "${_shown} + 1")
    endwhile()
    if(_got STREQUAL "")
      set(_got "（没有这一行）")
    endif()
    if(_want STREQUAL "")
      set(_want "（没有这一行）")
    endif()
    message(NOTICE "插件 ${PLUGIN} 在 ${FIXTURE} 上的输出与 ${EXPECTED} 不同，第 ${_shown} 行起：\n"
                   "  期望：${_want}\n  实际：${_got}\n"
                   "完整的实际输出在 ${WORK}/actual.jsonl（diff ${EXPECTED} ${WORK}/actual.jsonl）。标准错误输出：\n${_err}")
    message(FATAL_ERROR "fixture test failed")
  endif()
  return()
endif()

function(patrol_add_fixture_test id)
  # This file (run by the test as a script) and, installed, <prefix>/lib/cmake/PatrolSDK/ next
  # to it: taken from where the function is defined, since variables set when this file was
  # included do not reach other directories.
  set(_script "${CMAKE_CURRENT_FUNCTION_LIST_FILE}")
  get_filename_component(_sdk_prefix "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../../.." ABSOLUTE)
  cmake_parse_arguments(ARG "" "FIXTURE;NAME;EXPECTED;AS_OF;CALENDAR;PATROL" "" ${ARGN})
  if(NOT ARG_FIXTURE)
    message(FATAL_ERROR "patrol_add_fixture_test(${id}): FIXTURE <folder> is required")
  endif()
  if(NOT TARGET ${id})
    message(FATAL_ERROR "patrol_add_fixture_test(${id}): no plugin target ${id}; call patrol_add_plugin(${id} …) first")
  endif()
  get_filename_component(_fixture "${ARG_FIXTURE}" ABSOLUTE)
  if(NOT ARG_NAME)
    get_filename_component(_leaf "${_fixture}" NAME)
    set(ARG_NAME "${id}_${_leaf}")
  endif()
  if(ARG_EXPECTED)
    get_filename_component(_expected "${ARG_EXPECTED}" ABSOLUTE)
  else()
    set(_expected "${_fixture}/expected.jsonl")
  endif()
  set(_calendar "")
  if(ARG_CALENDAR)
    get_filename_component(_calendar "${ARG_CALENDAR}" ABSOLUTE)
  endif()
  if(ARG_PATROL)
    set(_patrol "${ARG_PATROL}")
  elseif(TARGET patrol)
    set(_patrol "$<TARGET_FILE:patrol>")
  elseif(PATROL_EXECUTABLE)
    set(_patrol "${PATROL_EXECUTABLE}")
  else()
    find_program(PATROL_EXECUTABLE patrol HINTS "${_sdk_prefix}/bin")
    if(NOT PATROL_EXECUTABLE)
      message(FATAL_ERROR "patrol_add_fixture_test(${id}): patrol not found in ${_sdk_prefix}/bin; pass PATROL <path>")
    endif()
    set(_patrol "${PATROL_EXECUTABLE}")
  endif()
  get_target_property(_plugin_dir ${id} LIBRARY_OUTPUT_DIRECTORY)
  add_test(NAME ${ARG_NAME}
    COMMAND ${CMAKE_COMMAND} "-DPATROL=${_patrol}" "-DPLUGIN=${id}" "-DPLUGIN_DIR=${_plugin_dir}" "-DFIXTURE=${_fixture}"
            "-DEXPECTED=${_expected}" "-DAS_OF=${ARG_AS_OF}" "-DCALENDAR=${_calendar}"
            "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/${ARG_NAME}" -P "${_script}")
endfunction()
