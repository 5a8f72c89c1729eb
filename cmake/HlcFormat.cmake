# `format` rewrites every C++ file with clang-format; `format-check` fails on any unformatted file.
find_program(HLC_CLANG_FORMAT NAMES clang-format clang-format-14)
file(GLOB_RECURSE HLC_FORMAT_FILES CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
    ${PROJECT_SOURCE_DIR}/clients/*.cpp ${PROJECT_SOURCE_DIR}/clients/*.h
    ${PROJECT_SOURCE_DIR}/widgets/*.cpp ${PROJECT_SOURCE_DIR}/widgets/*.h
    ${PROJECT_SOURCE_DIR}/sim/*.cpp ${PROJECT_SOURCE_DIR}/sim/*.h
    ${PROJECT_SOURCE_DIR}/tests/*.cpp ${PROJECT_SOURCE_DIR}/tests/*.h)
if(HLC_CLANG_FORMAT)
    add_custom_target(format COMMAND ${HLC_CLANG_FORMAT} -i ${HLC_FORMAT_FILES}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} COMMENT "clang-format -i")
    add_custom_target(format-check COMMAND ${HLC_CLANG_FORMAT} --dry-run --Werror ${HLC_FORMAT_FILES}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} COMMENT "clang-format --dry-run --Werror")
endif()
