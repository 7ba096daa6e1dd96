#!/usr/bin/env bash
# Builds the benchmarks and the server in Release, then runs one scenario: ./bench.sh NAME [options].
# ./bench.sh alone lists the scenarios; ./bench.sh NAME --help lists a scenario's options.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build bench/KernelCI.Bench/KernelCI.Bench.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec artifacts/bin/KernelCI.Bench/release/kernelci-bench "$@"
