#!/usr/bin/env bash
# Stops a cluster started by .ci/start-postgres.sh and removes its directory (the argument).
set -euo pipefail
dir="${1:?usage: stop-postgres.sh DIR}"
case "$dir" in /tmp/tltd-pg.*) ;; *) echo "not a cluster of start-postgres.sh: $dir" >&2; exit 2 ;; esac
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
as_pg "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >&2 || true
rm -rf "$dir"
