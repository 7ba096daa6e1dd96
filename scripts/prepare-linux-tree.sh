#!/usr/bin/env bash
# Makes a bare git repository DEST from Debian's linux-source-6.1: one commit on branch `main`, tagged with the
# kernel's version (v6.1.N) so that the pipeline's describe/version parsing has a real tag. Nothing is done when DEST
# already has the branch. Used by run.sh's demo and the pipeline's end-to-end tests.
set -euo pipefail
dest="${1:?usage: prepare-linux-tree.sh DEST}"
source_tarball=/usr/src/linux-source-6.1.tar.xz
if git -C "$dest" rev-parse --verify -q refs/heads/main >/dev/null 2>&1; then
  exit 0
fi
# Two test processes may ask at once (test.sh's lanes): the second waits for the first, then finds the tree made.
mkdir -p "$(dirname "$dest")"
exec 9>"$dest.lock"
flock 9
if git -C "$dest" rev-parse --verify -q refs/heads/main >/dev/null 2>&1; then
  exit 0
fi
[ -f "$source_tarball" ] || { echo "prepare-linux-tree: $source_tarball is missing (apt-get install linux-source-6.1)" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/kernelci-linux-XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "prepare-linux-tree: extracting $source_tarball (about a minute)" >&2
tar -xJf "$source_tarball" -C "$work"
tree="$work/linux-source-6.1"
version="$(sed -n 's/^VERSION = //p' "$tree/Makefile").$(sed -n 's/^PATCHLEVEL = //p' "$tree/Makefile").$(sed -n 's/^SUBLEVEL = //p' "$tree/Makefile")"
export GIT_AUTHOR_NAME="KernelCI Demo" GIT_AUTHOR_EMAIL="demo@kernelci.local" GIT_COMMITTER_NAME="KernelCI Demo" \
       GIT_COMMITTER_EMAIL="demo@kernelci.local" GIT_AUTHOR_DATE="2025-01-01T00:00:00Z" GIT_COMMITTER_DATE="2025-01-01T00:00:00Z"
# Debian's .gitignore ends by ignoring the whole top level (its packaging repository); the kernel's own rules stay.
sed -i '/^# Debian packaging/,$d' "$tree/.gitignore"
sed -i '${/^#$/d}' "$tree/.gitignore"
git -C "$tree" init -q -b main
git -C "$tree" add -A
git -C "$tree" commit -q -m "Linux $version (Debian linux-source-6.1)"
git -C "$tree" tag -a "v$version" -m "Linux $version"
mkdir -p "$(dirname "$dest")"
rm -rf "$dest.partial"
git clone -q --bare "$tree" "$dest.partial"
mv "$dest.partial" "$dest"
echo "prepare-linux-tree: $dest (branch main, tag v$version)" >&2
