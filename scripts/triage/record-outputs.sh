#!/usr/bin/env bash
# Re-records the compiler, linker, Kconfig and make outputs under tests/KernelCI.Triage.Tests/Recorded/ from the
# sources in Recorded/src (docs/regressions.md, Log triage). Needs gcc and clang (Debian: apt-get install clang);
# the Kconfig errors need the tests' kernel tree (scripts/pipeline/prepare-test-kernel.sh) to build kconfig's conf.
# The tests themselves read the recordings and need neither compiler.
set -euo pipefail
out="$(cd "$(dirname "$0")/../../tests/KernelCI.Triage.Tests/Recorded" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/drivers/misc"
cp "$out"/src/triage_*.c "$work/drivers/misc/"
cd "$work"
compile() { "$@" >"$tmp" 2>&1 || true; }
tmp="$out/gcc-error-and-warnings.txt"; compile gcc -Wall -c drivers/misc/triage_demo.c -o /dev/null
tmp="$out/gcc-warning.txt"; compile gcc -Wall -c drivers/misc/triage_warn.c -o /dev/null
tmp="$out/gcc-werror.txt"; compile gcc -Wall -Werror -c drivers/misc/triage_warn.c -o /dev/null
tmp="$out/clang-error.txt"; compile clang -Wall -c drivers/misc/triage_demo.c -o /dev/null
tmp="$out/clang-warning.txt"; compile clang -Wall -c drivers/misc/triage_warn.c -o /dev/null
tmp="$out/clang-werror.txt"; compile clang -Wall -Werror -c drivers/misc/triage_warn.c -o /dev/null
tmp="$out/gcc-link-errors.txt"; compile gcc drivers/misc/triage_link.c drivers/misc/triage_twice.c -o "$work/a.out"
tmp="$out/clang-link-errors.txt"; compile clang drivers/misc/triage_link.c drivers/misc/triage_twice.c -o "$work/a.out"
# make around a failing recipe, as Kbuild's recursion prints it (make[1]: *** [...] Error 1, make: *** ... Error 2).
mkdir -p mk/drivers/misc && cp drivers/misc/triage_demo.c mk/drivers/misc/
printf 'all:\n\t$(MAKE) -f sub.mk\n' >mk/Makefile
printf 'drivers/misc/triage_demo.o: drivers/misc/triage_demo.c\n\tgcc -Wall -c $< -o $@\n' >mk/sub.mk
(cd mk && make >"$out/make-gcc-error.txt" 2>&1) || true
# Kconfig: linux's own scripts/kconfig/conf on a Kconfig file with a misspelt keyword.
tree="$(ls -d /tmp/kernelci-test-kernel-*/src 2>/dev/null | head -1 || true)"
if [ -n "$tree" ]; then
  make -s -C "$tree" O="$work/kc" ARCH=x86_64 tinyconfig >/dev/null 2>&1
  mkdir -p k/drivers/misc && cp "$out/src/Kconfig" k/drivers/misc/Kconfig
  printf 'mainmenu "triage"\nsource "drivers/misc/Kconfig"\n' >k/Kconfig
  (cd k && srctree=. "$work/kc/scripts/kconfig/conf" --alldefconfig Kconfig >"$out/kconfig-errors.txt" 2>&1) || true
else
  echo "record-outputs: no prepared kernel tree, kconfig-errors.txt left as it is" >&2
fi
