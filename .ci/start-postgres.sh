#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages if missing, starts a throwaway cluster on
# 127.0.0.1 (PGPORT, or a free port) and prints the admin URL for TEST_DATABASE_URL on stdout.
# With PG_DIR_FILE set, writes the cluster's directory there, for .ci/stop-postgres.sh.
set -euo pipefail
port="${PGPORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d /tmp/tltd-pg.XXXXXX)

# PostgreSQL refuses to run as root: use the postgres account then.
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_pg "'$bin/initdb' -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >&2
as_pg "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=on\" start" >&2
[ -n "${PG_DIR_FILE:-}" ] && echo "$dir" > "$PG_DIR_FILE"
echo "postgres://postgres@127.0.0.1:$port/postgres"
