#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole system on the embedded default (SQLite and a local
# folder under .demo/), with a demo that does real work. Ctrl+C stops it. `./run.sh --demo-only` exits after the demo.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
scripts/install-deps.sh
data="${KERNELCI_DATA_DIR:-$root/.demo}"
port="${KERNELCI_BASE_PORT:-8000}"

echo "Building…"
./kernelci --help >/dev/null

# The pipeline demo's kernel tree: a git repository made once from Debian's linux-source-6.1. Point the pipeline at
# another tree by editing $data/pipeline-config/trees.yaml (see docs/pipeline.md).
tree="${KERNELCI_DEMO_TREE:-$data/linux.git}"
scripts/prepare-linux-tree.sh "$tree"
mkdir -p "$data/pipeline-config"
cp config/pipeline/*.yaml "$data/pipeline-config/"
[ -f "$data/pipeline-config/trees.yaml" ] || cat > "$data/pipeline-config/trees.yaml" <<YAML
trees:
  local:
    url: "file://$tree"

build_configs:
  local-main:
    tree: local
    branch: main
YAML
# Mails (confirmations, regression reports) go to a local SMTP sink that writes each into $data/smtp-sink/ as an .eml
# file and sends nothing further (docs/notifications.md, "A local SMTP sink").
mail_port="${KERNELCI_SMTP_PORT:-$((port + 25))}"
./kernelci smtp-sink --dir "$data/smtp-sink" --port "$mail_port" >"$data/smtp-sink.log" 2>&1 &
sink=$!
Notifications__Smtp__Host=127.0.0.1 Notifications__Smtp__Port="$mail_port" Notifications__Smtp__Security=none \
  ./kernelci serve --data-dir "$data" --base-port "$port" --pipeline-config "$data/pipeline-config" &
server=$!
trap 'kill $server $sink 2>/dev/null; wait $server $sink 2>/dev/null' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$((port + 3))/health" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "the server did not start" >&2; exit 1; }
  sleep 0.2
done

scripts/demo-kcidb.sh "$data" "$port"
scripts/demo-storage.sh "$data" "$port"
scripts/demo-maestro.sh "$data" "$port"
scripts/demo-pipeline.sh "$data" "$port"

demo_page=$(cat "$data/demo-dashboard-url" 2>/dev/null || echo "http://127.0.0.1:$port/tree")
cat <<MSG

KernelCI is running from $data:
  Dashboard   http://127.0.0.1:$port/tree  (the web dashboard: trees, their builds, boots and tests)
              $demo_page  (the demo kernel: its build, boots and tests)
  Dashboard API http://127.0.0.1:$port/api/tree/  (the trees the pipeline built; kci-dev's dashboard_api is http://127.0.0.1:$port/api/)
  Maestro API http://127.0.0.1:$((port + 1))/
  Pipeline    http://127.0.0.1:$((port + 2))/  (developer requests: /api/checkout, /api/patchset, /api/jobretry)
  KCIDB       http://127.0.0.1:$((port + 3))/  (queries under /api/; every listener has /openapi.json, /metrics)
  Storage     http://127.0.0.1:$((port + 4))/demo/  (browse artifacts)
Submit your own results:  ./kernelci kcidb token --data-dir "$data" --origin NAME
Upload artifacts:         ./kernelci storage token EMAIL --data-dir "$data"
Maestro API token:        ./kernelci users add NAME --data-dir "$data"; ./kernelci users token NAME --data-dir "$data"
Mail:                     every mail the demo sends (subscription confirmations, regression reports) is a file in
                          $data/smtp-sink/ (a local SMTP sink on 127.0.0.1:$mail_port; log: $data/smtp-sink.log).
                          Subscribe: curl -X POST http://127.0.0.1:$port/api/subscriptions -H 'Content-Type: application/json' \
                                       -d '{"address": "me@example.org", "tree": "local"}'
New commits on $tree are built and booted as they come (./kernelci pipeline pending lists results not yet in KCIDB).
Press Ctrl+C to stop.
MSG
[ "${1:-}" = "--demo-only" ] && exit 0
wait $server
