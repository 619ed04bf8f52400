#!/usr/bin/env bash
# Installs everything Gunningswijzer needs on a fresh Debian machine: the system tools the
# tests use (poppler-utils: pdfsig and pdftotext check the signed reports; Debian's chromium
# for the browser tests) and the npm packages from the lockfile. Nothing downloads a browser
# or a prebuilt binary: playwright-core drives /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v pdfsig >/dev/null || missing+=(poppler-utils)
command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
