#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests (Debian's postgresql package).
#   eval "$(bash scripts/postgres.sh start)"    # exports LAWCLOUD_TEST_PG_URL and LAWCLOUD_TEST_PG_DIR
#   bash scripts/postgres.sh stop "$LAWCLOUD_TEST_PG_DIR"
# initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
set -euo pipefail
cmd=${1:-start}

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    BIN=$(bindir) || { echo "postgres.sh: initdb not found (apt-get install -y postgresql)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/lawcloud-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$BIN/initdb" -D "$dir/data" -U lawcloud --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export LAWCLOUD_TEST_PG_URL=postgresql+psycopg://lawcloud@127.0.0.1:$port/postgres"
    echo "export LAWCLOUD_TEST_PG_DIR=$dir"
    ;;
  stop)
    dir=${2:?usage: postgres.sh stop DIR}
    BIN=$(bindir)
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
