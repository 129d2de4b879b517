#!/usr/bin/env bash
# check_ci_packages.sh SOURCE_DIR - CI installs exactly what the README tells a
# new user to install: the README's package line (the apt-get line of its
# quick start) appears verbatim in .ci/run, so a package CI needs cannot be
# missing from the README, nor the other way round.
set -euo pipefail
cd "${1:?usage: check_ci_packages.sh SOURCE_DIR}"
Readme=$(awk '/^```sh/ { In = 1; next } /^```/ { In = 0 } In && /^apt-get / { print; exit }' README.md)
if [ -z "$Readme" ]; then
    echo "ci_packages: README.md has no apt-get line in a sh block"
    exit 1
fi
if ! sed -e 's/^[[:space:]]*//' .ci/run | grep -q -x -F -- "$Readme"; then
    echo "ci_packages: .ci/run does not run the README's package line verbatim:"
    echo "  README.md: $Readme"
    echo "  .ci/run:   $(grep -E '^[[:space:]]*apt-get .*install' .ci/run | head -1 | sed -e 's/^[[:space:]]*//')"
    exit 1
fi
echo "ci_packages: .ci/run runs the README's package line: $Readme"
