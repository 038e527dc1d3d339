#!/bin/sh
# Installs what Tests/Fixtures/scipy/make_fixtures.py needs (numpy, scipy) on a fresh machine.
set -eu
if python3 -c "import numpy, scipy.signal" 2>/dev/null; then
    echo "numpy and scipy already installed"
    exit 0
fi
python3 -m pip install --user numpy scipy
