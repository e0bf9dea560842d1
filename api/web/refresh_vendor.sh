#!/usr/bin/env bash
# Refreshes the vendored bpmn-js viewer (api/web/static/vendor/bpmn-js/) from npm.
# The files are committed, so `kanta-onboarding serve` needs no Node.js; only this script does.
#
#   bash api/web/refresh_vendor.sh            # the pinned version below
#   bash api/web/refresh_vendor.sh 18.32.0    # another version: then update PINNED and commit
set -euo pipefail

PINNED=18.31.1
version=${1:-$PINNED}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
target=$here/static/vendor/bpmn-js

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# npm pack fetches the published tarball (checked against the registry's integrity hash) without
# installing anything or running any package script.
(cd "$work" && npm pack --silent "bpmn-js@$version" >/dev/null)
tar -xzf "$work"/bpmn-js-"$version".tgz -C "$work"
package=$work/package

rm -rf "$target"
mkdir -p "$target"
# The navigated viewer (view, pan, zoom; no modelling) with its stylesheets. Its licence travels with
# it: the bpmn.io watermark it draws must stay visible.
cp "$package/dist/bpmn-navigated-viewer.production.min.js" "$target/"
cp "$package/dist/assets/bpmn-js.css" "$package/dist/assets/diagram-js.css" "$target/"
cp "$package/LICENSE" "$target/LICENSE"
echo "$version" >"$target/VERSION"
echo "bpmn-js $version -> ${target#"$PWD"/}"
ls -l "$target"
