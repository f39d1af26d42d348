#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, only when missing.
#   chromium        prints the PDF and runs the browser tests
#   poppler-utils   pdftotext / pdffonts / pdftoppm for the PDF checks
#   fonts-noto-cjk  kanji and kana in the PDF (Chromium shows boxes without it)
#   fonts-dejavu-core  a Latin/Cyrillic font with known metrics for stable output
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "==> installing system packages: ${need[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "==> system packages installed"
