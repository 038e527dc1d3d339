#!/usr/bin/env bash
# Makes sure the C libraries the toolkit links (FFTW 3; zlib, for compressed MATLAB, AcqKnowledge
# and Excel data) are installed; installs them with apt-get when missing and we may, otherwise
# prints the exact command and fails.
set -euo pipefail

# The library cache is read whole into a variable: `ldconfig -p | grep -q` under pipefail fails
# at random when grep exits first and ldconfig dies of SIGPIPE, which read as "missing".
have_libs() {
    local cache
    cache="$(ldconfig -p 2>/dev/null || true)"
    [ -f /usr/include/fftw3.h ] && [[ "$cache" == *libfftw3.so* ]] \
        && [ -f /usr/include/zlib.h ] && [[ "$cache" == *libz.so* ]]
}

if have_libs; then
    exit 0
fi

packages="libfftw3-dev zlib1g-dev"
install_cmd="apt-get update && apt-get install -y $packages"
if [ "$(id -u)" -eq 0 ]; then
    echo "Installing $packages..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >&2
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Installing $packages with sudo..." >&2
    sudo apt-get update -qq >&2
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >&2
else
    echo "FFTW 3 or zlib is missing and this user cannot install packages. Run:" >&2
    echo "    sudo sh -c '$install_cmd'" >&2
    exit 1
fi
have_libs || { echo "$packages were installed but a header or library is still missing" >&2; exit 1; }
