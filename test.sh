#!/usr/bin/env bash
# Installs what the tests need (PostgreSQL from Debian), starts it, builds and runs every test project.
# Ends with one line "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
scripts/install-deps.sh --tests || exit 1
scripts/start-postgres.sh || exit 1
scripts/start-azurite.sh || exit 1
export KERNELCI_TEST_POSTGRES="${KERNELCI_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres}"

dotnet build KernelCI.slnx -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0; status=0
log=$(mktemp)
for project in tests/*.Tests/*.Tests.csproj; do
  echo "== $(basename "$project" .csproj)"
  start=$SECONDS
  dotnet test --project "$project" --no-build 2>&1 | tee "$log" | grep -vE '^\s*$' | grep -E '^(failed|  Xunit|    at KernelCI|Test run summary|  total|  failed|  succeeded|  skipped)' || true
  t=$(grep -E '^\s+succeeded:' "$log" | tail -1 | grep -oE '[0-9]+'); p=${t:-0}
  t=$(grep -E '^\s+failed:' "$log" | tail -1 | grep -oE '[0-9]+'); f=${t:-0}
  if ! grep -qE '^\s+total:' "$log"; then f=$((f + 1)); echo "!! $project did not run"; fi
  passed=$((passed + p)); failed=$((failed + f))
  echo "   $((SECONDS - start)) s"
done
rm -f "$log"
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
