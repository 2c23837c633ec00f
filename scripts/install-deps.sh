#!/usr/bin/env bash
# Installs what Cairn needs to build, run and test on Debian 12. Idempotent:
# installs only what is missing. Needs root for apt-get (CI and our machines run as root).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config ccache clang-format
  libboost-dev libxapian-dev libsqlite3-dev libpq-dev libmd4c-dev libmd4c-html0-dev
  nlohmann-json3-dev libyaml-cpp-dev libsodium-dev libhowardhinnant-date-dev zlib1g-dev
  libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium
  postgresql
  wrk nginx-light curl tzdata
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js: Debian's nodejs and npm, unless a Node.js with npm is already there.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: need root to install Debian packages: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Front-end packages (nhsuk-frontend, playwright-core, axe-core) from the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
