#!/usr/bin/env bash
# Demo: submits example results (a v5.3 document and a v4.3 one that is upgraded), waits until they are ingested,
# and reads them back through the query endpoints.
set -euo pipefail
data="$1"; port="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
url="http://127.0.0.1:$((port + 3))"
token=$("$root/kernelci" kcidb token --data-dir "$data" --origin demo --days 1)
for file in "$root"/examples/kcidb/demo-v5.3.json "$root"/examples/kcidb/demo-v4.3.json; do
  echo "KCIDB: submitting $(basename "$file")"
  "$root/kernelci" kcidb submit "$file" --url "$url" --token "$token" --wait
done
echo "KCIDB: checkout demo:c1 with its children:"
"$root/kernelci" kcidb query --url "$url" --checkout demo:c1 --children | head -c 1500; echo " …"
echo "KCIDB: status summary of demo:c1:"
curl -fsS "$url/api/checkouts/demo:c1/summary"; echo
echo "KCIDB: the v4.3 build with valid=false, upgraded to v5.3:"
"$root/kernelci" kcidb query --url "$url" --build demo:b0 --children
