#!/usr/bin/env bash
# Installs what the tests need (PostgreSQL from Debian), starts it, builds and runs every test project.
# Ends with one line "N passed, N failed".
#
# Two lanes (docs/testing.md, "Two lanes"): KernelCI.EndToEnd.Tests, which mostly waits on kernel builds, QEMU, LAVA
# and kci-dev's 30-second polls, runs beside the other projects, which run one after the other; its output is printed
# when both lanes are done. KERNELCI_TEST_SERIAL=1 runs every project in one lane.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
scripts/install-deps.sh --tests || exit 1
scripts/start-postgres.sh || exit 1
scripts/start-azurite.sh || exit 1
export KERNELCI_TEST_POSTGRES="${KERNELCI_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres}"

dotnet build KernelCI.slnx -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

# What both lanes use, made once before they start rather than raced for: the test kernel tree and upstream kci-dev.
scripts/prepare-linux-tree.sh "${KERNELCI_TEST_LINUX_TREE:-/tmp/kernelci-linux-6.1.git}" || { echo "0 passed, 1 failed"; exit 1; }
../shared/vendor/kci-dev.sh --help >/dev/null 2>&1 || true

counts=$(mktemp -d)
trap 'rm -rf "$counts"' EXIT

# stamp: each line of standard input with " @S", the seconds since it started reading.
stamp() {
  local t0=$SECONDS line
  while IFS= read -r line; do printf '%s @%d\n' "$line" $((SECONDS - t0)); done
}

# class_ends LOG: when each test class of a stamped detailed log had its last result, in order.
class_ends() {
  grep -E '^(passed|failed|skipped) KernelCI\.' "$1" \
    | sed -E 's/^[a-z]+ (KernelCI\.[A-Za-z0-9.]+)\.[A-Za-z0-9_]+[^@]* @([0-9]+)$/\2 \1/' \
    | awk '{ last[$2] = $1 } END { for (c in last) print last[c], c }' | sort -n \
    | while read -r at class; do echo "   ${at} s: ${class##*.} done"; done
}

# run_project PROJECT: runs one test project, prints its summary and wall time, and records "passed failed".
run_project() {
  local project=$1 name log start t p f
  name=$(basename "$project" .csproj)
  log="$counts/$name.log"
  echo "== $name"
  start=$SECONDS
  if [ "$project" = "$e2e" ]; then
    # Each line stamped with the seconds since the project started, so that CI's output says when each class ended.
    dotnet test --project "$project" --no-build --output detailed 2>&1 | stamp >"$log"
  else
    dotnet test --project "$project" --no-build >"$log" 2>&1
  fi
  grep -vE '^\s*$' "$log" | grep -E '^(failed|  Xunit|    at KernelCI|Test run summary|  total|  failed|  succeeded|  skipped)' || true
  [ "$project" != "$e2e" ] || class_ends "$log"
  t=$(grep -E '^\s+succeeded:' "$log" | tail -1 | grep -oE '[0-9]+' | head -1); p=${t:-0}
  t=$(grep -E '^\s+failed:' "$log" | tail -1 | grep -oE '[0-9]+' | head -1); f=${t:-0}
  if ! grep -qE '^\s+total:' "$log"; then f=$((f + 1)); echo "!! $project did not run"; fi
  echo "$p $f" >"$counts/$name.count"
  echo "   $((SECONDS - start)) s"
}

e2e=tests/KernelCI.EndToEnd.Tests/KernelCI.EndToEnd.Tests.csproj
lane_pid=""
if [ "${KERNELCI_TEST_SERIAL:-}" != 1 ]; then
  # Its own half of the test listeners' port range (tests/KernelCI.Testing/FreePort.cs), so the lanes never race for one.
  KERNELCI_TEST_PORT_LANE=1 run_project "$e2e" >"$counts/lane.out" 2>&1 &
  lane_pid=$!
fi
for project in tests/*.Tests/*.Tests.csproj; do
  [ -n "$lane_pid" ] && [ "$project" = "$e2e" ] && continue
  run_project "$project"
done
if [ -n "$lane_pid" ]; then
  start=$SECONDS
  wait "$lane_pid"
  cat "$counts/lane.out"
  echo "   (the second lane ended $((SECONDS - start)) s after the first)"
fi

passed=0; failed=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  if [ -f "$counts/$name.count" ]; then
    read -r p f <"$counts/$name.count"
  else
    p=0; f=1; echo "!! $name has no result"
  fi
  passed=$((passed + p)); failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
