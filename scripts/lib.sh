# Shared by scripts/run, scripts/test, scripts/fuzz: install what is missing, configure once, build.
# shellcheck shell=bash

HWI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian 12 packages the project builds, tests and runs with.
HWI_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libgl-dev
    qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
    libsimdjson-dev
    clang libclang-rt-14-dev
    xvfb xauth desktop-file-utils
    clang-format ccache lld
)

hwi_install_packages() {
    local missing=()
    local pkg
    for pkg in "${HWI_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing Debian packages: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# hwi_build DIR [cmake -D options...]: configure DIR once, then build it incrementally.
hwi_build() {
    local dir="$1"
    shift
    # Configured every time (quick when nothing changed), so options added later reach an existing build.
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    # Without these ccache declines every file built with a precompiled header (HWI_PCH).
    export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"

    cmake -S "$HWI_ROOT" -B "$dir" -G Ninja "${launcher[@]}" "$@" >/dev/null
    cmake --build "$dir" --parallel "$(nproc)"
}

# The second build: clang with AddressSanitizer + UndefinedBehaviorSanitizer (every report fatal) and the
# libFuzzer target, with the standard library's bounds checks on (_GLIBCXX_ASSERTIONS). -O1 keeps the sanitized tests quick; line tables are enough for symbolized reports.
# The parser reads 64-byte chunks here, so every test and fuzz input crosses its chunk boundaries.
HWI_SANITIZE_DIR="$HWI_ROOT/build-sanitize"
hwi_build_sanitize() {
    hwi_build "$HWI_SANITIZE_DIR" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
        -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" -DHWI_SANITIZE=ON -DHWI_FUZZ=ON \
        -DHWI_PARSER_CHUNK_BYTES=64 -DHWI_BENCHMARKS=OFF
}

# Every C++ file in the tree is formatted as .clang-format says; lists the ones that are not.
hwi_check_format() {
    (cd "$HWI_ROOT" && git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run -Werror)
}

# Sanitizer settings for everything run from the sanitized build: fail on the first report, leaks included.
hwi_sanitizer_env() {
    export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
    export LSAN_OPTIONS="suppressions=$HWI_ROOT/scripts/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
}

# hwi_fuzz SECONDS: runs the fuzzer from the seed corpus (fixtures, the sample, fuzz/seeds) and the corpus
# it grew in earlier runs. A crash, sanitizer report, hang (10 s) or failed check is saved to
# build-sanitize/fuzz-findings/ and fails.
hwi_fuzz() {
    local seconds="$1"
    local corpus="$HWI_SANITIZE_DIR/fuzz-corpus"
    local findings="$HWI_SANITIZE_DIR/fuzz-findings"
    local seeds="$HWI_SANITIZE_DIR/fuzz-seeds"
    rm -rf "$seeds"
    mkdir -p "$corpus" "$findings" "$seeds"
    cp "$HWI_ROOT"/tests/fixtures/*.json "$HWI_ROOT"/tests/badinput/* "$HWI_ROOT"/fuzz/seeds/* \
        "$HWI_ROOT/resources/sample-workers.json" "$seeds/"
    (
        hwi_sanitizer_env
        "$HWI_SANITIZE_DIR/fuzz/hwi_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -dict="$HWI_ROOT/fuzz/json.dict" -artifact_prefix="$findings/" -print_final_stats=1 \
            "$corpus" "$seeds"
    )
}
