#!/usr/bin/env bash
# Make sure the Debian packages rvdbt needs to build and test are installed:
# the host compiler and libraries, the riscv64 cross toolchain that builds the
# guest test programs, and qemu-riscv64, the oracle the tests compare against.
# Installs what is missing when run as root; otherwise names the packages and
# the command, and fails. Silent when everything is there.
#
# `deps.sh fuzz` (make fuzz-elf) adds clang and its libFuzzer and sanitizer
# runtimes, which nothing else needs.
set -euo pipefail

PACKAGES=(
    gcc make
    libcapstone-dev libelf-dev
    gcc-riscv64-linux-gnu binutils-riscv64-linux-gnu libc6-dev-riscv64-cross
    qemu-user
    qemu-system-misc
    chromium                # headless: tests/profile_html.sh renders the --profile-html page
)
case ${1:-} in
    "") ;;
    fuzz) PACKAGES+=(clang libclang-rt-14-dev) ;;
    *) echo "usage: scripts/deps.sh [fuzz]" >&2; exit 2 ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
    if [[ $(dpkg-query -W -f='${Status}' "$p" 2> /dev/null) != "install ok installed" ]]; then
        missing+=("$p")
    fi
done
(( ${#missing[@]} == 0 )) && exit 0

if (( EUID != 0 )); then
    echo "rvdbt needs these Debian packages, which are not installed: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
