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
# Every build (bundle, server, tests) has `--cfg erase_components` from .cargo/config.toml: Leptos
# then builds each component's view as a type-erased `AnyView`, which cuts the bundle by 13 %
# (docs/benchmarks.md). Server and bundle must agree on it, or hydration fails, so it is set in one
# place for both; a RUSTFLAGS of your own replaces it (for both, so they still agree).
front_dir=target/front
wasm_out=$front_dir/wasm32-unknown-unknown/$wasm_dir
# Two wasm modules come from the app crate, with different features: the islands bundle
# (`hydrate`) and the import page's live preview (`preview`, the extractor alone). Cargo writes a
# path crate's cdylib to one file whatever its features (no hash in the name), so each build's
# output is kept under its own name and put back before the next build of the same kind: cargo
# then finds it fresh (mtimes kept by `cp -p`) or rebuilds it, and never hands out the other one.
kept=$front_dir/$mode-kept
mkdir -p "$kept"
build_wasm() {
  local name=$1 features=$2
  local args=(build -p app --lib --target wasm32-unknown-unknown --no-default-features
    --features "$features" --profile "$wasm_profile" --target-dir "$front_dir")
  if [ -f "$kept/$name.wasm" ] && [ -f "$wasm_out/deps/app.wasm" ]; then
    cp -p "$kept/$name.wasm" "$wasm_out/deps/app.wasm"
    cp -p "$kept/$name.wasm" "$wasm_out/app.wasm"
  fi
  if [ "$toolchain" = debian ]; then
    # Debian's rustc 1.96 with std built from source; never shares a target dir with rustup's.
    PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 cargo "${args[@]}" -Zbuild-std=std,panic_abort
  else
    cargo "${args[@]}"
  fi
  cp -p "$wasm_out/deps/app.wasm" "$kept/$name.wasm"
}
say "browser bundle ($mode, $toolchain toolchain)"
build_wasm bundle hydrate
wasm=$kept/bundle.wasm
# wasm-bindgen's output stays here; the site gets copies under content-hashed names.
stage=$front_dir/$mode-pkg
stamp=$front_dir/$mode.bindgen-stamp
mkdir -p "$stage"
if [ ! -f "$stamp" ] || [ "$wasm" -nt "$stamp" ] || [ ! -f "$stage/$LEPTOS_OUTPUT_NAME.wasm" ]; then
  say "wasm-bindgen"
  wasm-bindgen --target web --no-typescript --out-dir "$stage" --out-name "$LEPTOS_OUTPUT_NAME" "$wasm"
  mv "$stage/${LEPTOS_OUTPUT_NAME}_bg.wasm" "$stage/$LEPTOS_OUTPUT_NAME.wasm"
  if [ "$mode" = release ]; then
    say "wasm-opt -Oz"
    node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      "$stage/$LEPTOS_OUTPUT_NAME.wasm" -o "$stage/$LEPTOS_OUTPUT_NAME.wasm"
  fi
  touch "$stamp"
fi

# The live preview's module: loaded only by the import draft page (public/import-preview.js),
# served at a fixed name and revalidated, like the style sheet.
say "import preview module ($mode)"
build_wasm preview preview
preview_stage=$front_dir/$mode-preview
preview_stamp=$front_dir/$mode.preview-stamp
mkdir -p "$preview_stage"
if [ ! -f "$preview_stamp" ] || [ "$kept/preview.wasm" -nt "$preview_stamp" ] \
  || [ ! -f "$preview_stage/mandate-preview.wasm" ]; then
  wasm-bindgen --target web --no-typescript --out-dir "$preview_stage" --out-name mandate-preview \
    "$kept/preview.wasm"
  mv "$preview_stage/mandate-preview_bg.wasm" "$preview_stage/mandate-preview.wasm"
  sed -i "s/mandate-preview_bg\.wasm/mandate-preview.wasm/g" "$preview_stage/mandate-preview.js"
  if [ "$mode" = release ]; then
    node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      "$preview_stage/mandate-preview.wasm" -o "$preview_stage/mandate-preview.wasm"
  fi
  touch "$preview_stamp"
fi

# The bundle is served as pkg/NAME.HASH.{js,wasm}, HASH from both files' contents, so browsers
# may keep it for good (Cache-Control: immutable, server/src/routes/assets.rs): a new build is a
# new name. site/bundle.txt names the stem for the server, which reads it at start.
hash=$(cat "$stage/$LEPTOS_OUTPUT_NAME.js" "$stage/$LEPTOS_OUTPUT_NAME.wasm" | sha256sum | cut -c1-16)
stem=$LEPTOS_OUTPUT_NAME.$hash
if [ "$(cat "$site/bundle.txt" 2>/dev/null)" != "$stem" ] || [ ! -f "$site/pkg/$stem.wasm" ]; then
  say "bundle $stem"
  rm -rf "$site/pkg"
  mkdir -p "$site/pkg"
  cp "$stage/$LEPTOS_OUTPUT_NAME.wasm" "$site/pkg/$stem.wasm"
  # The script's default wasm path (unused: the hydration script passes the path) names it too.
  sed "s/${LEPTOS_OUTPUT_NAME}_bg\.wasm/$stem.wasm/g" "$stage/$LEPTOS_OUTPUT_NAME.js" >"$site/pkg/$stem.js"
  # Brotli and gzip copies next to each file (quality 11 takes a few seconds; not for debug).
  if [ "$mode" = release ]; then node scripts/compress.mjs "$site/pkg/$stem".*; fi
  echo "$stem" >"$site/bundle.txt"
fi

# --- 2. styles and static files ---
cp style/main.css "$site/main.css"
cp -r public/. "$site/"
mkdir -p "$site/preview"
cp "$preview_stage/mandate-preview.js" "$preview_stage/mandate-preview.wasm" "$site/preview/"
if [ "$mode" = release ]; then
  node scripts/compress.mjs "$site/main.css" "$site/favicon.svg" "$site/robots.txt" \
    "$site/import-preview.js" "$site/preview/mandate-preview.js" "$site/preview/mandate-preview.wasm"
else
  rm -f "$site"/*.br "$site"/*.gz "$site"/preview/*.br "$site"/preview/*.gz
fi

# --- 3. the server ---
say "server ($mode)"
cargo build -p server --bin mandate-tracker "${server_flags[@]}"
ln -sf "$server_dir/mandate-tracker" target/mandate-tracker
