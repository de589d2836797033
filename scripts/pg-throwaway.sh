#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and benchmarks: its own cluster in DIR, run by a non-root user, on a free
# port of 127.0.0.1, trust authentication for the role "waihu". Nothing outside DIR is touched.
#
#   scripts/pg-throwaway.sh start DIR [--durable]  prints the server's URL (postgresql://waihu@127.0.0.1:PORT/postgres)
#   scripts/pg-throwaway.sh stop DIR [fast|immediate]
#   scripts/pg-throwaway.sh restart DIR            same port, same data (a test that kills the server uses it)
#
# Without --durable the server skips fsync (tests only care about what a crash of the server, not of the machine,
# leaves behind); benchmarks pass --durable.
set -euo pipefail
cmd="${1:?usage: pg-throwaway.sh start|stop|restart DIR}"
dir="${2:?usage: pg-throwaway.sh start|stop|restart DIR}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

# The server refuses to run as root: run it as Debian's "postgres" user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_server() {
  local port="$1"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir/run' $(cat "$dir/options")" \
    start >/dev/null
}

case "$cmd" in
start)
  mkdir -p "$dir/run"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U waihu -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
  options="-c max_connections=200 -c shared_buffers=256MB"
  if [ "${3:-}" != "--durable" ]; then options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
  echo "$options" >"$dir/options"
  # A free port: ask the kernel for one, then retry if another process takes it first.
  for _ in 1 2 3 4 5; do
    port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
    if start_server "$port" 2>>"$dir/start.err"; then
      echo "$port" >"$dir/port"
      echo "postgresql://waihu@127.0.0.1:$port/postgres"
      exit 0
    fi
  done
  echo "could not start PostgreSQL; see $dir/server.log" >&2
  exit 1
  ;;
stop)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m "${3:-fast}" -w stop >/dev/null
  ;;
restart)
  start_server "$(cat "$dir/port")"
  ;;
*)
  echo "unknown command $cmd" >&2
  exit 2
  ;;
esac
