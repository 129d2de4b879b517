# Writes the scenario script INPUT into OUTPUT as a C string (NAME and
# NAME_Length), so the installed mmsim carries its tour without the source
# tree:  cmake -DINPUT=tour.mms -DOUTPUT=tour_script.c -DNAME=TourScript -P embed.cmake
file(READ ${INPUT} Text)
string(LENGTH "${Text}" Length)
string(REPLACE "\\" "\\\\" Text "${Text}")
string(REPLACE "\"" "\\\"" Text "${Text}")
string(REPLACE "\n" "\\n\"\n    \"" Text "${Text}")
get_filename_component(Source ${INPUT} NAME)
file(WRITE ${OUTPUT}.tmp
  "/* Generated from ${Source} by embed.cmake: do not edit. */\n"
  "#include <stddef.h>\n"
  "extern const char ${NAME}[];\n"
  "extern const size_t ${NAME}Length;\n"
  "const char ${NAME}[] =\n    \"${Text}\";\n"
  "const size_t ${NAME}Length = ${Length};\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
