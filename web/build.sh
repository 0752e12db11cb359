#!/bin/sh
# build.sh installs the pinned front-end packages (package-lock.json) and writes the files the
# CEAS binary embeds into internal/platform/web/static/vendor. The output is committed, so
# `go build` needs no Node; run this only when a version in package.json changes, then commit
# the vendor folder and update static/vendor/LICENSES.md.
set -eu
cd "$(dirname "$0")"
OUT=../internal/platform/web/static/vendor
ECL=node_modules/@ecl/preset-eu/dist

# --ignore-scripts: none of the packages needs an install script, and none should run one.
npm ci --ignore-scripts --no-audit --no-fund

rm -rf "$OUT/htmx" "$OUT/echarts" "$OUT/ecl" "$OUT/licenses" "$OUT/europe.geo.json"
mkdir -p "$OUT/htmx" "$OUT/echarts" "$OUT/ecl" "$OUT/licenses"

cp node_modules/htmx.org/dist/htmx.min.js "$OUT/htmx/htmx.min.js"
# The source map is not shipped, so drop the comment that points at it.
sed '/^\/\/# sourceMappingURL=/d' node_modules/echarts/dist/echarts.min.js > "$OUT/echarts/echarts.min.js"

# The Europa Component Library: styles and the generic icon sprite only. The EU logos and the
# emblem (dist/images/logo, icons-flag) are not ours to use and are not copied.
for f in ecl-eu.css ecl-eu-print.css optional/ecl-reset.css optional/ecl-eu-utilities.css; do
  sed '/sourceMappingURL=/d' "$ECL/styles/$f" > "$OUT/ecl/$(basename "$f")"
done
cp "$ECL/images/icons/sprites/icons.svg" "$OUT/ecl/icons.svg"

node build-geo.mjs > "$OUT/europe.geo.json"

cp node_modules/htmx.org/LICENSE "$OUT/licenses/htmx.org.txt"
cp node_modules/echarts/LICENSE "$OUT/licenses/echarts.txt"
cp node_modules/echarts/NOTICE "$OUT/licenses/echarts-NOTICE.txt"
cp node_modules/@ecl/preset-eu/LICENSE "$OUT/licenses/ecl-preset-eu.txt"
cp node_modules/world-atlas/LICENSE "$OUT/licenses/world-atlas.txt"
cp node_modules/topojson-client/LICENSE "$OUT/licenses/topojson-client.txt"

du -sh "$OUT"
