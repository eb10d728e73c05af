#!/usr/bin/env bash
# Installs what building and testing Toteuma needs on Debian 12 (bookworm).
#   scripts/install-deps.sh            compiler, CMake/Ninja and the C++ libraries
#   scripts/install-deps.sh --browser  also LibreOffice, node and npm for the browser and office tests
# Idempotent: when everything is already installed it does not touch apt (and needs no root).
set -euo pipefail

browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) browser=1 ;;
    -h | --help)
      sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "install-deps.sh: unknown argument: $arg" >&2
      exit 2
      ;;
  esac
done

packages=(
  build-essential g++ cmake ninja-build pkg-config
  libsqlite3-dev libfmt-dev nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libmstch-dev
  libboost-dev libgtest-dev libzip-dev libpugixml-dev libicu-dev libxlsxwriter-dev sqlite3 ca-certificates
  librsvg2-dev libcairo2-dev libmd4c-dev
  chromium  # prints documents as tagged PDF (render/pdf)
  libpoppler-cpp-dev poppler-utils fonts-liberation2 fonts-dejavu-core
  libssl-dev time libsodium-dev
  nginx-light wrk  # bench/web: the static-file baseline and the load generator
  libpq-dev postgresql  # the PostgreSQL store; tests run on a throwaway cluster (scripts/pg-cluster.sh)
  libcurl4-openssl-dev libcjose-dev libjansson-dev  # single sign-on (src/sso): HTTP client, JOSE
)
if ((browser)); then
  packages+=(libreoffice-calc-nogui)  # the XLSX output's LibreOffice round trip (ctest -L office)
  packages+=(libreoffice-writer-nogui)  # the DOCX output's LibreOffice round trip (ctest -L office)
  # Debian's nodejs and npm, unless a node >= 18 with npm is already there (another nodejs
  # package may bundle npm and conflict with Debian's npm package).
  node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if ! command -v npm >/dev/null 2>&1 || ((node_major < 18)); then
    packages+=(nodejs npm)
  fi
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=()
if ((EUID != 0)); then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-deps: need root to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
