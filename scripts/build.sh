#!/usr/bin/env bash
# Builds the site: the browser bundle (wasm) into target/site/pkg, CSS and static files into
# target/site, and the server binary.
#
#   scripts/build.sh release   what `make run` serves: size-optimised bundle, release server
#   scripts/build.sh debug     faster to build
#
# Plain cargo + wasm-bindgen + wasm-opt, no cargo-leptos (whose install costs ~23 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-release}
site=target/site
toolchain=$(cat .data/setup/wasm-toolchain 2>/dev/null || echo rustup)
export LEPTOS_OUTPUT_NAME=mandate-tracker

case "$mode" in
  release) wasm_profile=wasm-release; server_flags=(--release); server_dir=release ;;
  debug) wasm_profile=dev; server_flags=(); server_dir=debug ;;
  *) echo "usage: $0 release|debug" >&2; exit 2 ;;
esac
wasm_dir=$([ "$wasm_profile" = dev ] && echo debug || echo "$wasm_profile")

say() { printf 'build: %s\n' "$*" >&2; }

# --- 1. the browser bundle ---
front_args=(build -p app --lib --target wasm32-unknown-unknown --no-default-features
  --features hydrate --profile "$wasm_profile" --target-dir target/front)
say "browser bundle ($mode, $toolchain toolchain)"
if [ "$toolchain" = debian ]; then
  # Debian's rustc 1.96 with std built from source; never shares a target dir with rustup's.
  PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 cargo "${front_args[@]}" -Zbuild-std=std,panic_abort
else
  cargo "${front_args[@]}"
fi
wasm=target/front/wasm32-unknown-unknown/$wasm_dir/app.wasm
stamp=target/front/$mode.bindgen-stamp
mkdir -p "$site/pkg"
if [ ! -f "$stamp" ] || [ "$wasm" -nt "$stamp" ] || [ ! -f "$site/pkg/$LEPTOS_OUTPUT_NAME.wasm" ]; then
  say "wasm-bindgen"
  wasm-bindgen --target web --no-typescript --out-dir "$site/pkg" --out-name "$LEPTOS_OUTPUT_NAME" "$wasm"
  mv "$site/pkg/${LEPTOS_OUTPUT_NAME}_bg.wasm" "$site/pkg/$LEPTOS_OUTPUT_NAME.wasm"
  sed -i "s/${LEPTOS_OUTPUT_NAME}_bg\.wasm/${LEPTOS_OUTPUT_NAME}.wasm/g" "$site/pkg/$LEPTOS_OUTPUT_NAME.js"
  if [ "$mode" = release ]; then
    say "wasm-opt -Oz"
    node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      "$site/pkg/$LEPTOS_OUTPUT_NAME.wasm" -o "$site/pkg/$LEPTOS_OUTPUT_NAME.wasm"
  fi
  touch "$stamp"
fi

# --- 2. styles and static files ---
cp style/main.css "$site/main.css"
cp -r public/. "$site/"

# --- 3. the server ---
say "server ($mode)"
cargo build -p server --bin mandate-tracker "${server_flags[@]}"
ln -sf "$server_dir/mandate-tracker" target/mandate-tracker
