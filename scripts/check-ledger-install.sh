#!/usr/bin/env bash
# The ledger server installs without the till: a fresh venv gets '.[ledger]', serves, and has no Qt.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

# Built from a copy, so setuptools leaves no build/ in the working tree.
mkdir "$work/src"
tar --exclude=./.venv --exclude=./.git --exclude=./build --exclude='*.egg-info' --exclude=./demo-data -cf - . \
    | tar -xf - -C "$work/src"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check "$work/src[ledger]" 2>&1 | grep -v "^WARNING: Location" || true

if "$work/venv/bin/python" -c "import PySide6" 2>/dev/null; then
    echo "FAIL: '.[ledger]' installed PySide6"; exit 1
fi
for module in pyzbar zxingcpp requests; do
    if "$work/venv/bin/python" -c "import $module" 2>/dev/null; then
        echo "FAIL: '.[ledger]' installed $module"; exit 1
    fi
done

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work" && exec "$work/venv/bin/allive-ledger" serve --database "sqlite:///$work/ledger.sqlite3" \
    --port "$port" --admin-token "$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')") \
    > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
    if python3 -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$port/openapi.json', timeout=1)" 2>/dev/null; then
        "$work/venv/bin/allive-admin" --help > /dev/null
        # The office console's templates and stylesheet are installed with the package.
        python3 -c "import urllib.request as u; b = 'http://127.0.0.1:$port/office'; \
assert 'csrf_token' in u.urlopen(b + '/sign-in', timeout=5).read().decode(); \
assert u.urlopen(b + '/static/office.css', timeout=5).status == 200" \
            || { echo "FAIL: the office console's pages are not installed"; exit 1; }
        echo "ledger-install: '.[ledger]' serves the ledger and the office console without PySide6, pyzbar, zxing-cpp or requests"
        exit 0
    fi
    sleep 0.5
done
echo "FAIL: allive-ledger serve did not answer"; cat "$work/serve.log"; exit 1
