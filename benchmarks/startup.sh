#!/usr/bin/env bash
# Start-up latency of a look-up and of a completion request, against a bare
# interpreter of the same Python (issue 6 targets: lookup within 5x, completion
# within 4x). Needs hyperfine (Debian: apt-get install hyperfine).
#   bash benchmarks/startup.sh [python]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-$(python3 -c 'import sys; print(sys.executable)')}  # the real interpreter, not a pyenv shim
export PYTHONPATH="$PWD" ERRLOOKUP_CACHE_DIR="$(mktemp -d)"
"$PY" -m errlookup 7302 >/dev/null  # build the catalogue cache once, as any first run does
hyperfine -N --warmup 5 --runs 30 --export-markdown benchmarks/out/startup.md \
  -n "python -c pass" "$PY -c pass" \
  -n "errlookup 7302 (to a pipe)" "$PY -m errlookup 7302" \
  -n "completion: errlookup 73<TAB> (bash)" \
     "env COMP_WORDS='errlookup 73' COMP_CWORD=1 _ERRLOOKUP_COMPLETE=complete_bash $PY -m errlookup" \
  -n "errlookup 7302 through Typer" "env ERRLOOKUP_NO_FAST_PATH=1 $PY -m errlookup 7302"
