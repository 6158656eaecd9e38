#!/bin/bash
# The first run on a fresh machine, simulated on this one: a fresh clone of COMMIT, a CARGO_HOME
# with only rustup's proxies, a RUSTUP_HOME with only the stable toolchain (no wasm32 target, no
# nightly), no sccache, an empty target folder; Debian packages and Node stay as they are.
# Prints the wall-clock time until `cargo xtask demo` serves (or `cargo xtask test` ends) and
# the CPU time (user + sys) of everything it ran, which depends much less on the machine's load.
#
# Usage: tests/bench/first-run.sh COMMIT demo|test OUTDIR   (OUTDIR is deleted first)
set -u
commit=$1 what=$2 out=$3
repo=$(git rev-parse --show-toplevel)
stable=$(rustup toolchain list | grep -o '^stable-[^ ]*' | head -1)
source_home=$(rustup show home)
rm -rf "$out" && mkdir -p "$out"
export CARGO_HOME=$out/cargo RUSTUP_HOME=$out/rustup
mkdir -p "$CARGO_HOME/bin" "$RUSTUP_HOME/toolchains" "$RUSTUP_HOME/update-hashes"
cp "$(command -v rustup)" "$CARGO_HOME/bin/rustup"
for proxy in cargo rustc rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver; do
  ln "$CARGO_HOME/bin/rustup" "$CARGO_HOME/bin/$proxy"
done
cp -a "$source_home/toolchains/$stable" "$RUSTUP_HOME/toolchains/"
printf 'default_toolchain = "%s"\nprofile = "default"\nversion = "12"\n\n[overrides]\n' "$stable" > "$RUSTUP_HOME/settings.toml"
export PATH=$CARGO_HOME/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
unset RUSTC_WRAPPER SCCACHE_CACHE_SIZE CARGO_TARGET_DIR
rustup target remove wasm32-unknown-unknown > /dev/null 2>&1
git clone -q "$repo" "$out/clone" && git -C "$out/clone" checkout -q "$commit" || exit 2
cd "$out/clone" || exit 2
uptime > "$out/uptime-before"
start=$(date +%s.%N)
if [ "$what" = demo ]; then
  # Until the server answers: the time a person waits. Then Ctrl-C for the server alone, so
  # that every process is waited for and /usr/bin/time counts the CPU time of all of them.
  /usr/bin/time -f '%e %U %S' -o "$out/time" cargo xtask demo --listen 127.0.0.1:0 > "$out/log" 2>&1 &
  timer=$!
  until grep -q 'Serving .* at http' "$out/log" 2> /dev/null; do
    sleep 1
    kill -0 $timer 2> /dev/null || { echo "the demo stopped" >> "$out/log"; break; }
  done
  end=$(date +%s.%N)
  server=$(pgrep -f "^$out/clone/target/debug/stackway serve")
  [ -n "$server" ] && kill -INT $server
  wait $timer
else
  /usr/bin/time -f '%e %U %S' -o "$out/time" cargo xtask test > "$out/log" 2>&1
  end=$(date +%s.%N)
fi
uptime > "$out/uptime-after"
read -r _ user sys < <(tail -1 "$out/time")
printf 'wall %.0f s, cpu (user+sys) %.0f s, load before: %s, after: %s\n' \
  "$(echo "$end - $start" | bc)" "$(echo "$user + $sys" | bc)" \
  "$(grep -o 'load average.*' "$out/uptime-before")" "$(grep -o 'load average.*' "$out/uptime-after")" | tee "$out/result"
