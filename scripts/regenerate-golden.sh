#!/bin/sh
# Rewrites the golden outputs of Tests/Fixtures/cli/ from the current build (see the README
# there). Review `git diff Tests/Fixtures/cli` before committing: every change is one users see.
set -eu
cd "$(dirname "$0")/.."
swift build --build-tests
LDF_REGENERATE_GOLDEN=1 swift test --skip-build --filter GoldenOutputTests
git status --short Tests/Fixtures/cli
