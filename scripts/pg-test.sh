#!/usr/bin/env bash
# Throwaway PostgreSQL for tests.
#   source: eval "$(pg-test.sh start [DIR] [PORT])"   -> exports PGHOST PGPORT PGUSER PGDATABASE DATABASE_URL PGTEST_DIR
#   stop:   pg-test.sh stop DIR
# Runs as root by dropping to the 'postgres' OS user (initdb/postgres refuse to run as root).
set -euo pipefail
# Debian keeps the server binaries out of PATH.
if ! command -v initdb >/dev/null 2>&1; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do PATH="$d:$PATH"; break; done
fi

cmd=${1:-start}
case "$cmd" in
start)
  dir=${2:-$(mktemp -d /tmp/pgtest.XXXXXX)}
  chmod 755 "$dir"
  # default: a free port picked by the kernel (55432 is often taken by another PG on shared machines)
  port=${3:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
  mkdir -p "$dir"
  run=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" initdb -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
  "${run[@]}" pg_ctl -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  "${run[@]}" createdb -h "$dir" -p "$port" -U postgres testdb
  cat <<EOF
export PGTEST_DIR=$dir
export PGHOST=127.0.0.1
export PGPORT=$port
export PGUSER=postgres
export PGDATABASE=testdb
export DATABASE_URL=postgres://postgres@127.0.0.1:$port/testdb
EOF
  ;;
stop)
  dir=${2:?usage: pg-test.sh stop DIR}
  run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" pg_ctl -D "$dir/data" -m fast -w stop >/dev/null
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start [DIR] [PORT] | stop DIR" >&2; exit 2 ;;
esac
