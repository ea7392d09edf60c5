#!/usr/bin/env bash
# Rebuilds theme/static/js/verify.js, the verify page's script, from src/ and the locked npm packages:
#   npm ci && ./build.sh
# Deterministic (pinned versions, no timestamps, no absolute paths): a test rebuilds it and compares byte for byte.
set -euo pipefail
cd "$(dirname "$0")"
out=${1:-../../theme/static/js/verify.js}
node_modules/.bin/esbuild src/verify-page.js --bundle --format=iife --platform=browser --target=chrome120,firefox128,safari17 \
  --minify --legal-comments=eof --charset=utf8 --loader:.jsonld=json --define:process.env.NODE_ENV='"production"' \
  --banner:js='/* CredentialSite verify page: built by tools/verify-bundle/build.sh from its src/ and npm packages (see package-lock.json); do not edit. */' \
  --log-level=warning --outfile="$out"
