#!/usr/bin/env bash
# Demo: uploads an artifact to storage, lists its folder and downloads part of it back, as a lab and a developer would.
set -euo pipefail
data="$1"; port="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
url="http://127.0.0.1:$((port + 4))"
token=$("$root/kernelci" storage token demo@example.org --data-dir "$data" --days 1)
echo "Storage: uploading demo/artifacts/demo-v5.3.json"
curl -fsS -H "Authorization: Bearer $token" -F path=demo/artifacts -F "file0=@$root/examples/kcidb/demo-v5.3.json" "$url/v1/file"
echo "Storage: listing demo/:"
curl -fsS "$url/v1/list?prefix=demo/"
echo "Storage: the first 60 bytes, by range request:"
curl -fsS -r 0-59 "$url/demo/artifacts/demo-v5.3.json"; echo
