#!/usr/bin/env bash
# Builds the benchmarks and the server in Release, then runs one scenario: ./bench.sh NAME [options].
# ./bench.sh alone lists the scenarios; ./bench.sh NAME --help lists a scenario's options.
set -euo pipefail
cd "$(dirname "$0")"
if ! build=$(dotnet build bench/KernelCI.Bench/KernelCI.Bench.csproj -c Release -nologo -v quiet 2>&1); then
  printf '%s\n' "$build" >&2
  exit 2
fi
exec artifacts/bin/KernelCI.Bench/release/kernelci-bench "$@"
