#!/usr/bin/env bash
# Makes sure the C library the toolkit links (FFTW 3) is installed; installs it with apt-get when
# it is missing and we may, otherwise prints the exact command and fails.
set -euo pipefail

have_fftw() {
    [ -f /usr/include/fftw3.h ] && ldconfig -p 2>/dev/null | grep -q 'libfftw3\.so'
}

if have_fftw; then
    exit 0
fi

install_cmd="apt-get update && apt-get install -y libfftw3-dev"
if [ "$(id -u)" -eq 0 ]; then
    echo "Installing FFTW 3 (libfftw3-dev)..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libfftw3-dev >&2
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Installing FFTW 3 (libfftw3-dev) with sudo..." >&2
    sudo apt-get update -qq >&2
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libfftw3-dev >&2
else
    echo "FFTW 3 is missing and this user cannot install packages. Run:" >&2
    echo "    sudo sh -c '$install_cmd'" >&2
    exit 1
fi
have_fftw || { echo "libfftw3-dev was installed but fftw3.h or libfftw3.so is still missing" >&2; exit 1; }
