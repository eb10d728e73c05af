# embed_text_file(OUT_CPP SYMBOL FILE): writes a .cpp defining
#   extern const std::string_view SYMBOL;  holding FILE's bytes.
# Used for the default chart, so the binary carries its defaults.
function(embed_text_file out_cpp symbol file)
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out_cpp} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFileScript.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/EmbedFileScript.cmake
    VERBATIM)
endfunction()
