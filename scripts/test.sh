#!/usr/bin/env bash
# The project's test command (see README): installs what the tests need on a fresh
# Debian machine, then runs the formatter check, clippy with warnings denied, and every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: a virtual X display and Mesa's software renderers for the window
# tests, GDAL's ogrinfo for the GeoJSON export tests. Installed only when missing.
need=()
for pkg in xvfb xauth x11-apps mesa-vulkan-drivers libgl1-mesa-dri libegl1 libgl1 libxkbcommon-x11-0 gdal-bin; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "warning: missing ${need[*]} and not root; window tests may be skipped" >&2
  fi
fi

rustup component add rustfmt clippy >/dev/null 2>&1 || true

cargo fmt --all -- --check
# Clippy on all targets type-checks the benches; their release build (`cargo bench
# --no-run`, about 11 minutes cold) catches nothing more, so it is left out.
cargo clippy --all-targets --locked -- -D warnings
# The fuzz harnesses (scripts/fuzz.sh) build with --locked: their lock file must follow
# the app's dependencies (it drifted twice). Resolving it costs no build.
(cd fuzz && cargo metadata --locked --format-version 1 >/dev/null)
cargo test --locked --no-fail-fast 2>&1
