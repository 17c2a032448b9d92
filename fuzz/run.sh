#!/usr/bin/env bash
# Fuzzes the normaliser, matcher, conversation, secret guard, phone parser and YAML loader with
# libFuzzer and AddressSanitizer, in a release build (Sources/alipay-help-fuzz).
#
#   fuzz/run.sh                 build, then run 10,000,000 executions
#   fuzz/run.sh 200000          build, then run that many
#   fuzz/run.sh seeded [N]      no libFuzzer: replay fuzz/corpus and N seeded mutations (CI)
#
# New inputs libFuzzer finds go to fuzz/work/ (not committed); a crash is written to
# fuzz/crashes/ and the script exits non-zero. Add a crash's input to fuzz/corpus/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "seeded" ]; then
    swift build -c release --product alipay-help-fuzz >/dev/null
    exec "$(swift build -c release --show-bin-path)/alipay-help-fuzz" --runs "${2:-100000}" --seed 12 fuzz/corpus
fi

runs="${1:-10000000}"
shift || true
# (gold fails to link the sanitizer runtime; lld does.)
build=.build/fuzz
swift build -c release --product alipay-help-fuzz --build-path "$build" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address \
    -Xswiftc -use-ld=lld
mkdir -p fuzz/work fuzz/crashes
# Run from fuzz/, so the logs of -jobs (fuzz-N.log) land there, out of git.
cd fuzz
ALIPAY_HELP_KB="$PWD/../intents" "../$build/release/alipay-help-fuzz" \
    -runs="$runs" -max_len="${FUZZ_MAX_LEN:-256}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=crashes/ "$@" work corpus
