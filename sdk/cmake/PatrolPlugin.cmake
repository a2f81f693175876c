# patrol_add_plugin(<id> SOURCES <files...> METADATA <plugin.json>)
#
# Builds a check plugin: a shared library named <id>.so with hidden visibility (only the
# entry point is exported), and copies its metadata next to it as <id>.json so the host can
# read it without running plugin code. Used both inside the Patrol tree and by out-of-tree
# projects after find_package(PatrolSDK).
function(patrol_add_plugin id)
  cmake_parse_arguments(ARG "" "METADATA;OUTPUT_DIRECTORY" "SOURCES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "patrol_add_plugin(${id}): SOURCES is required")
  endif()
  if(NOT ARG_METADATA)
    message(FATAL_ERROR "patrol_add_plugin(${id}): METADATA <plugin.json> is required")
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    if(DEFINED PATROL_PLUGIN_OUTPUT_DIR)
      set(ARG_OUTPUT_DIRECTORY ${PATROL_PLUGIN_OUTPUT_DIR})
    else()
      set(ARG_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/plugins)
    endif()
  endif()
  add_library(${id} MODULE ${ARG_SOURCES})
  target_link_libraries(${id} PRIVATE PatrolSDK::sdk)
  target_compile_features(${id} PRIVATE cxx_std_20)
  set_target_properties(${id} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${id}
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  get_filename_component(_meta ${ARG_METADATA} ABSOLUTE)
  add_custom_command(TARGET ${id} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${_meta} ${ARG_OUTPUT_DIRECTORY}/${id}.json
    VERBATIM)
  # An edit of the metadata alone relinks the plugin, so the copy above follows it.
  set_property(TARGET ${id} APPEND PROPERTY LINK_DEPENDS ${_meta})
  set_property(TARGET ${id} PROPERTY PATROL_METADATA ${_meta})
endfunction()

# Installs a plugin built by patrol_add_plugin with its metadata into <prefix>/<destination>.
function(patrol_install_plugin id destination)
  get_property(_meta TARGET ${id} PROPERTY PATROL_METADATA)
  install(TARGETS ${id} LIBRARY DESTINATION ${destination})
  install(FILES ${_meta} DESTINATION ${destination} RENAME ${id}.json)
endfunction()

# patrol_add_fixture_test(): a CTest comparing a fixture folder's output with its expected.jsonl.
include(${CMAKE_CURRENT_LIST_DIR}/PatrolFixtureTest.cmake)
