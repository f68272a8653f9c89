#!/usr/bin/env bash
# Installs what the project needs and is missing; quiet and quick when everything is there.
#
#   scripts/setup.sh run    what `make run` needs: PostgreSQL, the wasm toolchain, wasm-bindgen,
#                           wasm-opt (npm binaryen)
#   scripts/setup.sh test   the above plus Chromium and playwright-core for browser tests, and
#                           aiosmtpd (Debian's python3-aiosmtpd) as the mail tests' SMTP server
#
# Nothing here downloads a binary outside the package registries (Debian, crates.io, npm).
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-run}
state=.data/setup
mkdir -p "$state"

say() { printf 'setup: %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

apt_updated=""
apt_install() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  if [ -z "$apt_updated" ]; then
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- PostgreSQL server binaries (the cluster itself is project-local: scripts/db.sh) ---
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_install postgresql
fi

# --- The wasm32 toolchain: rustup's target where it can be had, else Debian's route ---
# The choice is remembered in .data/setup/wasm-toolchain and read by scripts/build.sh.
# MT_WASM_TOOLCHAIN=debian forces the fallback (to test it on a machine that has both).
choose_wasm_toolchain() {
  if [ "${MT_WASM_TOOLCHAIN:-}" != debian ]; then
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
      echo rustup
      return
    fi
    if rustup target add wasm32-unknown-unknown >/dev/null 2>&1 &&
      rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
      echo rustup
      return
    fi
    say "rustup has no wasm32-unknown-unknown std here; using Debian's rustc-web with -Zbuild-std"
  fi
  apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
  echo debian
}
toolchain=$(choose_wasm_toolchain)
echo "$toolchain" >"$state/wasm-toolchain"

# --- wasm-bindgen CLI: exactly the version of the wasm-bindgen crate in Cargo.lock ---
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  say "cannot read the wasm-bindgen version from Cargo.lock"
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen_version"; then
  say "installing wasm-bindgen-cli $bindgen_version (about 2 minutes, once)"
  cargo install -q wasm-bindgen-cli --version "$bindgen_version" --force
fi

# --- npm tools: wasm-opt (binaryen; Debian's version breaks hydration) and playwright-core ---
if ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen, playwright-core, axe-core)"
  npm ci --silent --no-audit --no-fund >/dev/null
fi

# --- Browser for the end-to-end tests ---
if [ "$want" = test ] && ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium
fi
# --- A real SMTP server for the mail tests (aiosmtpd, run by server/tests/common/smtp.rs) ---
if [ "$want" = test ]; then
  apt_install python3-aiosmtpd
fi
exit 0
