#!/usr/bin/env bash
# Refreshes the Swagger UI files served at /docs from the npm package swagger-ui-dist (no CDN at run time).
set -euo pipefail
version=${1:-5.35.0}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "swagger-ui-dist@$version" >/dev/null && tar xzf swagger-ui-dist-*.tgz)
for file in swagger-ui-bundle.js swagger-ui-standalone-preset.js swagger-ui.css LICENSE NOTICE; do
    cp "$work/package/$file" "$here/swagger-ui/$file"
done
echo "swagger-ui-dist $version (npm). Refresh: bash api/static/refresh_swagger_ui.sh [VERSION]" >"$here/swagger-ui/VERSION"
