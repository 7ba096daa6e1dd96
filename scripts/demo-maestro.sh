#!/usr/bin/env bash
# Demo: creates a service user, subscribes to node events with a durable subscriber id, writes a checkout node and
# reads the event back, as the pipeline's services do.
set -euo pipefail
data="$1"; port="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
url="http://127.0.0.1:$((port + 1))"
"$root/kernelci" users add demo --admin --data-dir "$data" >/dev/null 2>&1 || true
token=$("$root/kernelci" users token demo --data-dir "$data")
auth=(-H "Authorization: Bearer $token")
sub=$(curl -fsS "${auth[@]}" -X POST "$url/latest/subscribe/node?subscriber_id=demo-$$" | sed -E 's/.*"id":([0-9]+).*/\1/')
echo "Maestro: subscribed ($sub); creating a checkout node"
curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -X POST "$url/latest/node" -d '{
  "kind": "checkout", "name": "checkout", "path": ["checkout"], "group": "demo", "state": "done", "result": "pass",
  "data": {"kernel_revision": {"tree": "mainline", "branch": "master", "url": "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git",
           "commit": "0123456789abcdef0123456789abcdef01234567"}}}'; echo
echo "Maestro: the event it published:"
curl -fsS "${auth[@]}" "$url/latest/listen/$sub"; echo
echo "Maestro: checkouts of mainline:"
curl -fsS "$url/latest/nodes?kind=checkout&data.kernel_revision.tree=mainline"; echo
