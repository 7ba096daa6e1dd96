#!/usr/bin/env bash
# Installs what is missing from Debian's packages: the .NET SDK is expected; PostgreSQL, Azurite's npm, kci-dev's
# Python modules and Chromium for the tests.
set -euo pipefail
need=()
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)" >&2; exit 1; }
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
# Storage unpacks .tar.xz and .tar.zst archives with these tools.
command -v xz >/dev/null || need+=(xz-utils)
command -v zstd >/dev/null || need+=(zstd)
# The pipeline's demo and tests: git for the trees, a kernel toolchain, Debian's kernel source,
# busybox for the QEMU lab's initramfs and QEMU itself.
command -v git >/dev/null || need+=(git)
# ccache makes the shell runtime's builds of nearby commits (a bisection's steps) take seconds (docs/pipeline.md);
# rsync syncs a checkout's source into its persistent build tree by content (Pipeline:Kbuild:IncrementalTrees).
for tool in gcc:gcc make:make flex:flex bison:bison bc:bc cpio:cpio perl:perl ccache:ccache rsync:rsync \
            busybox:busybox-static qemu-system-x86_64:qemu-system-x86; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
done
[ -e /usr/include/libelf.h ] || need+=(libelf-dev)
[ -e /usr/include/openssl/ssl.h ] || need+=(libssl-dev)
[ -e /usr/src/linux-source-6.1.tar.xz ] || need+=(linux-source-6.1)
if [ "${1:-}" = "--tests" ]; then
  command -v pg_ctlcluster >/dev/null || need+=(postgresql)
  command -v npm >/dev/null || need+=(npm)   # Azurite, the Azure Blob emulator for the storage tests
  # Upstream's kci-dev (../shared/vendor/kci-dev.sh), run by KernelCI.EndToEnd.Tests/KciDev on Debian's python3.
  # Debian's Chromium, which KernelCI.Dashboard.Web.Tests drive with Playwright (its own browsers cannot be downloaded).
  command -v chromium >/dev/null || need+=(chromium)
  # Our kci-dev's completion scripts are run by the shells they are for (KernelCI.KciDev.Tests/Completion).
  command -v fish >/dev/null || need+=(fish)
  command -v zsh >/dev/null || need+=(zsh)
  # LAVA's own job schema (lava_common.schemas), which checks every LAVA job definition the pipeline generates.
  # Patchwork 3.1.3 (../shared/vendor/patchwork.sh), which KernelCI.Pipeline.Tests/Services/Patchwork post checks to.
  for pkg in python3 python3-click python3-requests python3-git python3-yaml python3-tabulate lava-common \
             python3-django python3-djangorestframework python3-django-filters; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
  done
fi
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ "${1:-}" = "--tests" ]; then
  # The real LAVA 2023.01 lab of the LAVA tests (docs/labs.md); the tests start its daemons through the same script.
  if [ "$(id -u)" = 0 ]; then bash "$(dirname "$0")/lava.sh" install; else sudo bash "$(dirname "$0")/lava.sh" install; fi
fi
