#!/usr/bin/env bash
# Prepares what the runtime tests need from Debian's linux-source-6.1, cached in DEST (default
# /tmp/kernelci-test-kernel-<hash of the source tarball and FRAGMENT>), so reruns take seconds:
#   DEST/src         the extracted tree (left clean: the kernel is built out of tree)
#   DEST/bzImage     tinyconfig + FRAGMENT (CONFIG_ lines, one a line), bootable under QEMU on ttyS0
#   DEST/broken.tar.zst  the tree with kernel/bounds.c broken (a real compile error early in the build)
# Prints DEST. Usage: prepare-test-kernel.sh FRAGMENT [DEST]
set -euo pipefail
fragment="${1:?usage: prepare-test-kernel.sh FRAGMENT [DEST]}"
source_tarball=/usr/src/linux-source-6.1.tar.xz
[ -f "$source_tarball" ] || { echo "prepare-test-kernel: $source_tarball is missing (apt-get install linux-source-6.1)" >&2; exit 1; }
hash="$( (stat -c '%s %Y' "$source_tarball"; cat "$fragment") | sha256sum | cut -c1-16)"
dest="${2:-/tmp/kernelci-test-kernel-$hash}"
mkdir -p "$dest"
exec 9>"$dest/.lock"
flock 9
if [ ! -f "$dest/src/.extracted" ]; then
  rm -rf "$dest/src"
  mkdir -p "$dest/src"
  echo "prepare-test-kernel: extracting $source_tarball" >&2
  tar -xJf "$source_tarball" -C "$dest/src" --strip-components=1
  touch "$dest/src/.extracted"
fi
if [ ! -f "$dest/bzImage" ]; then
  build="$dest/build"
  rm -rf "$build"
  mkdir -p "$build"
  echo "prepare-test-kernel: building tinyconfig bzImage (a few minutes)" >&2
  make -C "$dest/src" O="$build" ARCH=x86_64 tinyconfig >"$dest/build.log" 2>&1
  (cd "$dest/src" && scripts/kconfig/merge_config.sh -m -O "$build" "$build/.config" "$fragment") >>"$dest/build.log" 2>&1
  make -C "$dest/src" O="$build" ARCH=x86_64 olddefconfig >>"$dest/build.log" 2>&1
  make -C "$dest/src" O="$build" ARCH=x86_64 -j"$(nproc)" bzImage >>"$dest/build.log" 2>&1
  cp "$build/arch/x86/boot/bzImage" "$dest/bzImage.part"
  mv "$dest/bzImage.part" "$dest/bzImage"
  rm -rf "$build"
fi
if [ ! -f "$dest/broken.tar.zst" ]; then
  work="$(mktemp -d "$dest/broken-XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  cp "$dest/src/kernel/bounds.c" "$work/bounds.c"
  echo '#error "kernelci test: this tree is broken on purpose"' >>"$work/bounds.c"
  # The original file and the broken one differ in one member only: transform on the way in.
  tar -C "$dest/src" --exclude=./.extracted --exclude=./kernel/bounds.c --transform 's,^\.,linux,' -cf "$work/broken.tar" .
  tar -C "$work" --transform 's,^bounds.c,linux/kernel/bounds.c,' -rf "$work/broken.tar" bounds.c
  zstd -q -1 -T0 --rm "$work/broken.tar" -o "$dest/broken.tar.zst.part"
  mv "$dest/broken.tar.zst.part" "$dest/broken.tar.zst"
fi
echo "$dest"
