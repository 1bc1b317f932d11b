#!/usr/bin/env bash
# Checks the system libraries the till needs and installs them with apt when run as root.
# libzbar0: QR decoding (pyzbar); fonts-nanum: Korean glyphs on screen and in PDFs;
# libpulse0: QtMultimedia (camera); xvfb and the xcb libraries: a real window under a virtual screen;
# faketime: `make test-dates` runs the suite with the clock moved to other days;
# postgresql-client: pg_dump and pg_restore for allive-admin backup and restore; poppler-utils:
# pdftotext, with which the tests read the office's PDFs (card sheets, statements).
set -euo pipefail

missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libzbar.so.0' || missing+=(libzbar0)
have_lib 'libpulse.so.0' || missing+=(libpulse0)
have_lib 'libxcb-cursor.so.0' || missing+=(libxcb-cursor0)
have_lib 'libxcb-icccm.so.4' || missing+=(libxcb-icccm4)
have_lib 'libxcb-keysyms.so.1' || missing+=(libxcb-keysyms1)
have_lib 'libxkbcommon-x11.so.0' || missing+=(libxkbcommon-x11-0)
have_lib 'libEGL.so.1' || missing+=(libegl1)
have_lib 'libGL.so.1' || missing+=(libgl1)
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || missing+=(fonts-nanum)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# chromium: the office console's browser tests (Playwright drives Debian's /usr/bin/chromium).
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    echo "(On Windows the pyzbar wheel bundles zbar; install a Korean font such as NanumGothic.)" >&2
    exit 1
fi
