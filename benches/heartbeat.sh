#!/usr/bin/env bash
# Benchmark of isolated_heartbeat (issue 5). Builds --release, starts its own sshd nodes on
# loopback (127.0.5.x, run as root; Debian's openssh-server), registers them in a throwaway
# SQLite database and times `awxm isolated_heartbeat` for 1, 8 and 32 reachable nodes, each
# time plus 4 unreachable ones (2 refusing connections, 2 accepting TCP but never answering, so
# they run into the connect timeout).
#
#   benches/heartbeat.sh                    # sizes 1 8 32, connect timeout 3 s
#   SIZES="8 64" TIMEOUT=2 benches/heartbeat.sh
#
# Target: parallel, not serial: each run takes about the connect timeout plus the slowest probe.
# Two passes: with a stub ansible-playbook on the nodes (awxm's own cost: SSH handshakes, probe
# script, parallelism), then with the real one. A real probe runs `ansible-playbook --version`
# (about 0.5 s of CPU: Python start-up and imports), and here all "nodes" share this machine's
# cores, so the slowest probe of a large run grows with the load; the figures show it
# separately (slowest probe, and the sum of all probes = what a serial run would take).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1 8 32"}
TIMEOUT=${TIMEOUT:-3}
VENV_BIN=${AWXM_TEST_VENV:-$PWD/.venv}/bin
[ -x "$VENV_BIN/ansible-playbook" ] || { echo "no ansible-playbook in $VENV_BIN (run scripts/venv.sh)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "run as root (sshd)" >&2; exit 1; }

cargo build --release --locked --quiet
BIN=$PWD/target/release/awxm
WORK=$(mktemp -d /tmp/awxm-bench-heartbeat.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export HOME=$WORK XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data AWXM_SECRET_KEY_FILE=$WORK/secret.key
export AWXM_DATABASE_URL=sqlite://$WORK/awxm.db AWXM_KNOWN_HOSTS=$WORK/known_hosts AWXM_NODE_NAME=bench-controller
unset AWXM_CONFIG AWXM_FORMAT AWXM_LOG SSH_AUTH_SOCK

max=0
for n in $SIZES; do [ "$n" -gt "$max" ] && max=$n; done
[ "$max" -le 250 ] || { echo "at most 250 nodes" >&2; exit 1; }

mkdir -p /run/sshd "$WORK/keys"
ssh-keygen -q -t ed25519 -N '' -C bench -f "$WORK/keys/client"
: >"$AWXM_KNOWN_HOSTS"
PORT=2222
echo "starting $max sshd nodes on 127.0.5.1-$max:$PORT ..."
for i in $(seq 1 "$max"); do
  d=$WORK/node$i
  mkdir -p "$d"
  ssh-keygen -q -t ed25519 -N '' -f "$d/host"
  cp "$WORK/keys/client.pub" "$d/authorized_keys"
  cat >"$d/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.5.$i
HostKey $d/host
PidFile $d/sshd.pid
AuthorizedKeysFile $d/authorized_keys
PermitRootLogin yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
MaxStartups 100
Subsystem sftp internal-sftp
EOF
  /usr/sbin/sshd -D -f "$d/sshd_config" 2>"$d/log" &
  PIDS+=($!)
  echo "[127.0.5.$i]:$PORT $(cut -d' ' -f1,2 "$d/host.pub")" >>"$AWXM_KNOWN_HOSTS"
done
# Two hung nodes: TCP accepted, nothing ever said.
python3 - "$WORK" <<'PY' &
import socket, sys, threading, time
held = []
for addr in ("127.0.6.1", "127.0.6.2"):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, 2222)); s.listen(64)
    threading.Thread(target=lambda s=s: [held.append(s.accept()) for _ in iter(int, 1)], daemon=True).start()
open(sys.argv[1] + "/holes.ready", "w").close()
while True: time.sleep(3600)
PY
PIDS+=($!)
for _ in $(seq 100); do
  ok=1
  for i in $(seq 1 "$max"); do [ -s "$WORK/node$i/sshd.pid" ] || ok=0; done
  [ -f "$WORK/holes.ready" ] || ok=0
  [ $ok = 1 ] && break
  sleep 0.1
done

python3 - "$WORK/keys/client" >"$WORK/cred.json" <<'PY'
import json, sys
print(json.dumps({"credentials": [{"name": "bench-key", "kind": "machine", "inputs": {"username": "root", "ssh_key_data": open(sys.argv[1]).read()}}]}))
PY
"$BIN" apply -f "$WORK/cred.json" >/dev/null
reg() { "$BIN" instance register "$1" --node-type isolated --ssh-host "$2" --ssh-port "$PORT" --credential bench-key \
          --work-dir "$WORK/remote-work/$1" --enabled "$3" >/dev/null; }
for i in $(seq 1 "$max"); do reg "node$i" "127.0.5.$i" false; done
reg refused1 127.0.7.1 true; reg refused2 127.0.7.2 true
reg hung1 127.0.6.1 true; reg hung2 127.0.6.2 true

# "wall_seconds max_rss_kib cpu_seconds" of a /usr/bin/time -v log (cpu = awxm's own user+sys).
time_figures() {
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; w=s}
              /User time/ {c+=$2} /System time/ {c+=$2}
              /Maximum resident set size/ {m=$2} END {printf "%.2f %d %.2f", w, m, c}' "$1"
}

# A stub ansible-playbook isolates awxm's own cost (SSH, probe script, parallelism) from the
# CPU the simulated nodes' Python burns on this one machine.
mkdir -p "$WORK/stub-bin"
printf '#!/bin/sh\necho "ansible-playbook [core 2.19.14]"\n' >"$WORK/stub-bin/ansible-playbook"
chmod +x "$WORK/stub-bin/ansible-playbook"

for mode in stub real; do
  bindir=$VENV_BIN
  [ $mode = stub ] && bindir=$WORK/stub-bin
  for i in $(seq 1 "$max"); do "$BIN" instance register "node$i" --node-type isolated --enabled false --ansible-bin-dir "$bindir" >/dev/null; done
  if [ $mode = stub ]; then echo; echo "== stub ansible-playbook on the nodes (awxm's own cost)"; else echo; echo "== real ansible-playbook --version on every node (all on this machine)"; fi
printf '%-9s %-6s %-7s %-7s %-13s %-13s %-9s %-8s %s\n' reachable failed wall timeout slowest_probe sum_of_probes awxm_cpu peak_rss target
for n in $SIZES; do
  for i in $(seq 1 "$n"); do "$BIN" instance register "node$i" --node-type isolated --enabled true >/dev/null; done
  set +e
  /usr/bin/time -v "$BIN" --format json isolated_heartbeat --timeout "$TIMEOUT" --parallel 64 >"$WORK/run$n.json" 2>"$WORK/run$n.time"
  rc=$?
  set -e
  [ $rc = 1 ] || { echo "unexpected exit $rc"; cat "$WORK/run$n.time"; exit 1; }
  read -r wall rss cpu <<<"$(time_figures "$WORK/run$n.time")"
  read -r ok failed slowest sum <<<"$(python3 - "$WORK/run$n.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ok = [i for i in d["instances"] if not i["errors"]]
print(len(ok), d["failed"], max(i["elapsed"] for i in ok), sum(i["elapsed"] for i in ok))
PY
)"
  [ "$ok" = "$n" ] || { echo "only $ok of $n nodes answered"; exit 1; }
  verdict=$(python3 -c "print('ok' if $wall <= $TIMEOUT + $slowest + 1.0 else 'SLOW')")
  printf '%-9s %-6s %-7s %-7s %-13s %-13s %-9s %-8s %s\n' "$n" "$failed" "${wall}s" "${TIMEOUT}s" "${slowest}s" \
    "$(printf '%.1f' "$sum")s" "${cpu}s" "$((rss / 1024)) MiB" "$verdict (<= timeout + slowest + 1s)"
done
done
echo
echo "(machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); all nodes run on this machine)"
