#!/usr/bin/env bash
# A real LAVA 2023.01 lab on Debian 12 with one QEMU device, for the tests and the benchmark (docs/labs.md,
# "A LAVA lab on Debian 12"). Run as root. Idempotent: every step checks before it acts.
#
#   scripts/lava.sh [up]     install if needed, start the daemons, create user/tokens/device, write the lab file
#   scripts/lava.sh install  only install Debian's packages and build the busybox initramfs
#   scripts/lava.sh start    start the daemons (installs first if needed) and write the lab file
#   scripts/lava.sh stop     stop the daemons this script started
#   scripts/lava.sh status   exit 0 and print the lab file when the REST API answers, else exit 1
#
# Environment: LAVA_LAB_DIR (/var/lib/lava-lab: pids, logs, worker dir, initramfs, lab.json) and LAVA_LAB_PORT (18000,
# away from the host's own default listeners 8000-8004 that ./run.sh uses:
# gunicorn on 127.0.0.1:PORT, the event publisher's websocket on PORT+1 and its zmq socket on PORT+2). The lab file LAVA_LAB_DIR/lab.json (mode 600) holds the URL, user, device type and the two
# token secrets: `kernelci-callback` (named by job callbacks) and `kernelci-runtime` (for submitting jobs).
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "scripts/lava.sh must run as root (LAVA's daemons and apt need it)" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"
dir="${LAVA_LAB_DIR:-/var/lib/lava-lab}"
port="${LAVA_LAB_PORT:-18000}"
url="http://127.0.0.1:$port"
worker_name=lab-worker
mkdir -p "$dir/run" "$dir/log"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

ensure_postgres() {
  # lava-server's postinst creates its database and migrates it, so the cluster must be up before the install.
  local version; version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1 || true)
  if [ -z "$version" ] || ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    # Without fd 9: the server would inherit this script's lock and hold it for as long as it runs.
    bash "$here/start-postgres.sh" 9>&-
  fi
}

install() {
  ensure_postgres
  local need=()
  for pkg in lava-server lava-dispatcher qemu-system-x86 busybox-static cpio; do installed "$pkg" || need+=("$pkg"); done
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing ${need[*]} (about 250 packages on a bare Debian 12)..."
    # Docker images' /etc/apt/apt.conf.d/docker-clean deletes the .debs between dpkg passes, which breaks this
    # install; a private archive folder dodges it. Recommends would pull apache2 and more that the lab never uses.
    mkdir -p "$dir/debs/partial"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o Dir::Cache::Archives="$dir/debs" install -y -qq \
      --no-install-recommends "${need[@]}" >"$dir/log/apt.log" 9>&-
    rm -rf "$dir/debs"
  fi
  initramfs
}

# A busybox initramfs that boots to a `/ # ` shell on the serial console; LAVA adds its test overlay into it
# (ramdisk `overlays: lava`), so no libguestfs drive is needed.
initramfs() {
  local out="$dir/rootfs.cpio.gz"
  [ -s "$out" ] && return 0
  local root; root=$(mktemp -d)
  mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,etc,root,usr/bin,usr/sbin}
  cp /bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  cat >"$root/init" <<'EOF'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts 2>/dev/null
mount -t tmpfs tmpfs /tmp
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root PS1='/ # '
echo "lava-lab initramfs ready"
exec setsid cttyhack /bin/sh
EOF
  chmod +x "$root/init"
  (cd "$root" && find . | cpio -o -H newc --quiet | gzip -9) >"$out.tmp"
  mv "$out.tmp" "$out"
  rm -rf "$root"
}

running() { [ -s "$dir/run/$1.pid" ] && kill -0 "$(cat "$dir/run/$1.pid")" 2>/dev/null; }

spawn() { # name command... : started in its own session, so `stop` ends it with its children
  local name=$1; shift
  running "$name" && return 0
  setsid "$@" >>"$dir/log/$name.out" 2>&1 </dev/null 9>&- &
  echo $! >"$dir/run/$name.pid"
}

gone() { ! kill -0 -- "-$1" 2>/dev/null; }

api_up() { curl -sf -o /dev/null --max-time 5 "$url/api/v0.2/system/version/"; }

wait_for() { # seconds description command...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" && return 0; sleep 0.25; done
  echo "LAVA lab: $what did not happen within ${seconds}s; logs in $dir/log" >&2
  return 1
}

start() {
  installed lava-server && installed lava-dispatcher && [ -s "$dir/rootfs.cpio.gz" ] || install
  ensure_postgres
  settings
  # The Debian units would run these under systemd, which this machine does not have (docs/labs.md).
  spawn gunicorn gunicorn3 lava_server.wsgi --log-level INFO --log-file "$dir/log/gunicorn.log" \
    -u lavaserver -g lavaserver --worker-class eventlet --workers 2 --bind "127.0.0.1:$port"
  wait_for 60 "gunicorn answering on $url" api_up
  # With events on, the publisher wakes the scheduler as soon as a job is submitted instead of on its 20 s loop.
  spawn publisher lava-server manage lava-publisher --level INFO --log-file "$dir/log/lava-publisher.log" \
    --host 127.0.0.1 --port "$((port + 1))"
  spawn scheduler lava-server manage lava-scheduler --level INFO --log-file "$dir/log/lava-scheduler.log" \
    --event-url "tcp://127.0.0.1:$((port + 2))"
  mkdir -p "$dir/worker"
  # The worker asks gunicorn directly (the unit's default http://localhost/ expects apache2, a Recommends left out).
  # A 5 s ping instead of 20 s: the server dispatches a scheduled job to its worker on the worker's ping.
  spawn worker lava-worker --level INFO --url "$url/" --name "$worker_name" --worker-dir "$dir/worker" \
    --log-file "$dir/log/lava-worker.log" --ping-interval 5
  # The worker registers itself from localhost and keeps its token here; the device needs the worker to exist.
  wait_for 60 "the worker registering" test -s "$dir/worker/token"
  setup
}

# Loopback-only event sockets, and events on (lava-server reads settings.d at start).
settings() {
  local file=/etc/lava-server/settings.d/50-lava-lab.yaml
  local want="EVENT_NOTIFICATION: true
EVENT_SOCKET: \"tcp://127.0.0.1:$((port + 2))\"
INTERNAL_EVENT_SOCKET: \"ipc://$dir/events/lava.events\""
  # gunicorn and the publisher run as lavaserver, which must be able to create the socket.
  mkdir -p "$dir/events" && chown lavaserver:lavaserver "$dir/events"
  [ "$(cat "$file" 2>/dev/null)" = "$want" ] || printf '%s\n' "$want" >"$file"
}

# User, tokens, device type and device, created only when missing, in one Django process (each `lava-server manage`
# costs seconds), then the lab file the tests read.
setup() {
  mkdir -p /etc/lava-server/dispatcher-config/devices
  # TCG, not KVM: /dev/kvm here may be kvm-pvm, which QEMU cannot use (docs/labs.md).
  printf "{%% extends 'qemu.jinja2' %%}\n{%% set mac_addr = '52:54:00:12:34:59' %%}\n{%% set memory = 512 %%}\n{%% set no_kvm = True %%}\n" \
    >/etc/lava-server/dispatcher-config/devices/qemu01.jinja2
  local json
  json=$(LAB_URL="$url" LAB_WORKER="$worker_name" LAB_ROOTFS="$dir/rootfs.cpio.gz" lava-server manage shell 2>>"$dir/log/setup.log" <<'EOF'
import json, os
from django.contrib.auth.models import User
from linaro_django_xmlrpc.models import AuthToken
from lava_scheduler_app.models import Device, DeviceType, Worker
user = User.objects.filter(username="admin").first()
if user is None:
    user = User.objects.create_superuser("admin", "admin@example.com", None)
def token(description):
    t = AuthToken.objects.filter(user=user, description=description).first()
    return (t or AuthToken.objects.create(user=user, description=description)).secret
dt, _ = DeviceType.objects.get_or_create(name="qemu")
worker = Worker.objects.get(hostname=os.environ["LAB_WORKER"])
device = Device.objects.filter(hostname="qemu01").first()
if device is None:
    Device.objects.create(hostname="qemu01", device_type=dt, worker_host=worker, health=Device.HEALTH_GOOD)
print(json.dumps({"url": os.environ["LAB_URL"] + "/", "user": "admin", "device_type": "qemu", "device": "qemu01",
                  "callback_token_description": "kernelci-callback", "callback_token": token("kernelci-callback"),
                  "runtime_token_description": "kernelci-runtime", "runtime_token": token("kernelci-runtime"),
                  "rootfs": os.environ["LAB_ROOTFS"]}))
EOF
  )
  umask 077
  printf '%s\n' "$(printf '%s\n' "$json" | tail -1)" >"$dir/lab.json.tmp"
  mv "$dir/lab.json.tmp" "$dir/lab.json"
  echo "LAVA lab up at $url/ (lab file $dir/lab.json)"
}

stop() {
  for name in worker scheduler publisher gunicorn; do
    if running "$name"; then
      local pid; pid=$(cat "$dir/run/$name.pid")
      kill -- "-$pid" 2>/dev/null || true
      # A gunicorn still shutting down would keep the port from the next start.
      wait_for 30 "$name stopping" gone "$pid"
    fi
    rm -f "$dir/run/$name.pid"
  done
}

status() {
  for name in gunicorn publisher scheduler worker; do
    if running "$name"; then echo "$name: running (pid $(cat "$dir/run/$name.pid"))"; else echo "$name: stopped"; fi
  done
  # The lab file holds token secrets: its path is printed, not its contents.
  api_up && running scheduler && running worker && [ -s "$dir/lab.json" ] && echo "lab file: $dir/lab.json"
}

# Test projects may bring the lab up concurrently: one caller at a time past this point. Every daemon this script
# starts is started without fd 9, or it would hold the lock for as long as it runs.
exec 9>"$dir/run/lock"
flock -w 300 9 || { echo "LAVA lab: $dir/run/lock is still held after 300 s (another scripts/lava.sh, or a process that inherited its lock)" >&2; exit 1; }
case "${1:-up}" in
  up) start ;;
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 [up|install|start|stop|status]" >&2; exit 2 ;;
esac
