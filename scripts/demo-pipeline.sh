#!/usr/bin/env bash
# Demo: follows the pipeline as it turns the head of the local tree into a checkout, a kernel build and QEMU boots,
# printing each node as it changes, until the boot result is in KCIDB. Then prints the KCIDB view of the checkout.
set -euo pipefail
data="$1"; port="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
api="http://127.0.0.1:$((port + 1))/latest"
kcidb="http://127.0.0.1:$((port + 3))"
budget="${KERNELCI_DEMO_MINUTES:-20}"
echo "Pipeline: the trigger polls $(sed -n 's/^ *url: *//p' "$data/pipeline-config/trees.yaml"); a tinyconfig build takes a few minutes"
rm -f "$data/demo-dashboard-url"
deadline=$(( $(date +%s) + budget * 60 ))
seen=""
checkout=""
while [ "$(date +%s)" -lt "$deadline" ]; do
  if [ -z "$checkout" ]; then
    checkout=$(curl -fsS "$api/nodes/fast?kind=checkout&name=checkout&data.kernel_revision.tree=local&sort=-created&limit=1" 2>/dev/null | jq -r '.[0].id // empty' || true)
  fi
  if [ -n "$checkout" ]; then
    treeid=$(curl -fsS "$api/node/$checkout" | jq -r .treeid)
    now=$(curl -fsS "$api/nodes/fast?treeid=$treeid" | jq -r '.[] | "\(.kind) \(.name) \(.state) \(.result // "-")"' | sort)
    while IFS= read -r line; do
      case "$seen" in *"|$line|"*) ;; *) [ -n "$line" ] && echo "  node: $line"; seen="$seen|$line|";; esac
    done <<< "$now"
    boot=$(curl -fsS "$kcidb/api/query?checkout=maestro:$checkout&children=true" 2>/dev/null \
      | jq -r '[.tests // [] | .[] | select(.path == "boot")] | .[0].status // empty' || true)
    if [ -n "$boot" ]; then
      echo "Pipeline: the boot result is in KCIDB: boot $boot"
      "$root/kernelci" kcidb query --url "$kcidb" --checkout "maestro:$checkout" --children \
        | jq -r '(.checkouts[] | "  checkout \(.id) \(.git_commit_name // .git_commit_hash)"),
                 (.builds[]? | "  build    \(.id) \(.config_name) \(.status)"),
                 (.tests[]? | "  test     \(.path) \(.status)")'
      # The page run.sh ends by pointing at: the commit's builds, boots and tests on the web dashboard.
      hash=$(curl -fsS "$kcidb/api/query?checkout=maestro:$checkout" | jq -r '.checkouts[0].git_commit_hash')
      # A local (file://) tree has no git_repository_url in KCIDB (send-kcidb keeps only http(s) URLs there, and puts
      # others in misc): an empty --giturl then asks for the checkouts without one, as the dashboard API reads it.
      url=$(curl -fsS "$kcidb/api/query?checkout=maestro:$checkout" | jq -r '.checkouts[0].git_repository_url // ""')
      echo "http://127.0.0.1:$port/tree/local/main/$hash" > "$data/demo-dashboard-url"
      # The same commit as a developer sees it from the terminal: our kci-dev through the dashboard API.
      printf 'default_instance = "demo"\n[demo]\ndashboard_api = "http://127.0.0.1:%s/api/"\napi = "http://127.0.0.1:%s/"\npipeline = "http://127.0.0.1:%s/"\n' \
        "$port" "$((port + 1))" "$((port + 2))" > "$data/kci-dev.toml"
      echo "kci-dev: ./kci-dev --settings $data/kci-dev.toml results summary --giturl '$url' --branch main --commit $hash"
      "$root/kci-dev" --settings "$data/kci-dev.toml" results summary --giturl "$url" --branch main --commit "$hash" | sed 's/^/  /'
      "$root/kci-dev" --settings "$data/kci-dev.toml" results boots --giturl "$url" --branch main --commit "$hash" | sed 's/^/  /'
      exit 0
    fi
  fi
  sleep 5
done
echo "Pipeline: no boot result within $budget minutes; see the server's log above" >&2
exit 1
