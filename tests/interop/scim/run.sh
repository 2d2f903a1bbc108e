#!/usr/bin/env bash
# Runs the SCIM client's interop tests against SCIMMY (an independent SCIM 2.0 implementation) on loopback:
# installs the pinned packages, starts the server with a random token, runs the tests, stops the server.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
port="${PORT:-8880}"
token="interop-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"

cd "$here"
npm ci --no-audit --no-fund >/dev/null
SCIM_TOKEN="$token" PORT="$port" LOG_REQUESTS="${LOG_REQUESTS:-0}" node server.mjs &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/scim/v2/ServiceProviderConfig" >/dev/null 2>&1 && break
  sleep 0.2
done

cd "$root"
LMSSYNC_SCIM_INTEROP_URL="http://127.0.0.1:$port/scim/v2" LMSSYNC_SCIM_INTEROP_TOKEN="$token" \
  dotnet test tests/LmsSync.Core.Tests --filter "FullyQualifiedName~ScimInterop"
