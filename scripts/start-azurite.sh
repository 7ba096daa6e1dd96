#!/usr/bin/env bash
# Starts Azurite's blob service on 127.0.0.1:10000 for the Azure backend tests; installs it from npm into .tools/ once.
# Does nothing if something already listens there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${AZURITE_PORT:-10000}"
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }
listening && exit 0
command -v npm >/dev/null || { echo "npm is required for Azurite (apt-get install npm)" >&2; exit 1; }
tools="$root/.tools"
if [ ! -x "$tools/node_modules/.bin/azurite-blob" ]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" azurite@3 >/dev/null
fi
location="$tools/azurite-data"
mkdir -p "$location"
nohup "$tools/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" --location "$location" \
  --skipApiVersionCheck --loose --silent >"$tools/azurite.log" 2>&1 &
for _ in $(seq 1 60); do
  listening && exit 0
  sleep 0.5
done
echo "Azurite did not start; see $tools/azurite.log" >&2
exit 1
