# Shared compile settings for every target of the project, as one INTERFACE target.
add_library(hlc_settings INTERFACE)
target_compile_features(hlc_settings INTERFACE cxx_std_20)
target_compile_options(hlc_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wno-missing-field-initializers
    $<$<BOOL:${HLC_WERROR}>:-Werror>)
target_compile_definitions(hlc_settings INTERFACE
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    HLC_VERSION="${PROJECT_VERSION}")
# HLC_SANITIZE=address,undefined (scripts/test --sanitize): AddressSanitizer and UndefinedBehaviorSanitizer on every
# target of the project; any UB report is fatal (no recovery), so a test that trips one fails.
set(HLC_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined (empty: none)")
if(HLC_SANITIZE)
    target_compile_options(hlc_settings INTERFACE -fsanitize=${HLC_SANITIZE} -fno-omit-frame-pointer
        -fno-sanitize-recover=all)
    target_link_options(hlc_settings INTERFACE -fsanitize=${HLC_SANITIZE})
endif()
# HLC_FUZZ=ON (scripts/fuzz, in build-fuzz/): every target instrumented for libFuzzer's coverage and built with
# AddressSanitizer + UndefinedBehaviorSanitizer; the fuzz executables of tests/fuzz add libFuzzer's main.
if(HLC_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "HLC_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
    endif()
    if(HLC_SANITIZE)
        message(FATAL_ERROR "HLC_FUZZ already builds with address,undefined: leave HLC_SANITIZE empty")
    endif()
    # -O1 and line tables only (after the build type's -O2 -g, so they win): libFuzzer's advice, and about 40 % less
    # compile time than -O2 -g for this build, which CI makes from scratch; reports still name file and line.
    target_compile_options(hlc_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=all -O1 -gline-tables-only)
    target_link_options(hlc_settings INTERFACE -fsanitize=address,undefined)
endif()
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

# Qt string hygiene for the product's code (clients/, app/, widgets/, sim/): every conversion between bytes and text
# is explicit (QStringLiteral, QLatin1String, fromUtf8, toUtf8). Tests are exempt: their literals are fixtures.
add_library(hlc_strict_strings INTERFACE)
target_compile_definitions(hlc_strict_strings INTERFACE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII)
