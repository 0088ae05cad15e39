#!/usr/bin/env bash
# Installs the named PyPI packages (module=package pairs) that python3 cannot import yet.
set -euo pipefail
missing=()
for pair in "$@"; do
  module=${pair%%=*}; package=${pair#*=}
  python3 -c "import $module" 2>/dev/null || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Python packages: ${missing[*]}"
python3 -m pip install --quiet "${missing[@]}" 2>/dev/null || python3 -m pip install --quiet --break-system-packages "${missing[@]}"
