#!/usr/bin/env bash
# Lists the skipped tests in the .trx files of a results folder, each with its reason, and marks the ones whose reason
# is not on the allow-list (one substring per line; # comments). Exit 1 when any skip is not allowed, or when the
# results files hold fewer skips than the console counted (EXPECTED, optional: a lost results file hides nothing).
# Usage: tests/skipped-tests.sh RESULTS_DIR ALLOW_LIST [EXPECTED]
set -euo pipefail
results="$1" allow_list="$2" expected="${3:-}"
shopt -s nullglob
trx=("$results"/*.trx "$results"/*/*.trx)
if [ "${#trx[@]}" -eq 0 ]; then
  echo "== skipped tests: no test results found =="
  [ "${expected:-0}" -eq 0 ] && exit 0 || exit 1
fi
awk -v allow_list="$allow_list" -v expected="$expected" '
  function unescape(s) {
    gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s)
    return s
  }
  function allowed(reason,   i) {
    for (i = 1; i <= n_allowed; i++) if (index(reason, allowed_reasons[i]) > 0) return 1
    return 0
  }
  function report(   mark) {
    mark = allowed(reason) ? "allowed          " : "NOT ALLOWED IN CI"
    if (!allowed(reason)) bad++
    listing = listing sprintf("  %s %s\n      %s\n", mark, name, reason)
    count++
  }
  BEGIN {
    while ((getline line < allow_list) > 0)
      if (line !~ /^[ \t]*(#|$)/) allowed_reasons[++n_allowed] = line
  }
  /<UnitTestResult / && /outcome="NotExecuted"/ {
    match($0, /testName="[^"]*"/); name = unescape(substr($0, RSTART + 10, RLENGTH - 11))
    in_skip = 1; reason = ""; in_message = 0
  }
  in_skip && /<Message>/ { in_message = 1; sub(/.*<Message>/, "") }
  in_skip && in_message {
    text = $0; done = sub(/<\/Message>.*/, "", text)
    reason = reason (reason == "" ? "" : " ") unescape(text)
    if (done) in_message = 0
  }
  in_skip && /<\/UnitTestResult>/ { report(); in_skip = 0 }
  END {
    printf "== skipped tests: %d (%d not on %s) ==\n%s", count, bad, allow_list, listing
    if (expected != "" && expected + 0 != count) {
      printf "the console counted %d skipped tests but the results files list %d\n", expected, count
      bad++
    }
    exit bad > 0 ? 1 : 0
  }
' "${trx[@]}"
