#!/usr/bin/env bash
# The Debian system packages the project needs, installed when missing (apt-get as root, sudo
# otherwise). The one installer: `make run` (scripts/run.sh) runs it for serving, `make test`
# (scripts/test.sh, and so .ci/run) for the tests.
#   bash scripts/system-deps.sh serve    # a Python 3 that can create the .venv
#   bash scripts/system-deps.sh test     # serve's, plus what the tests drive: Chromium and its driver
#                                        # (browser tests), PostgreSQL (store tests), a CJK font
#                                        # (screenshots show Chinese), Node.js (tests/js)
#   bash scripts/system-deps.sh test --check   # only list what is missing (exit 1 if anything is)
# Nothing is printed when nothing is missing. When something is missing and neither root nor sudo
# is available, one line says what to install and the script exits 1.
set -euo pipefail
what=${1:-test}
check_only=${2:-}
PY=${PYTHON:-python3}

have() { command -v "$1" >/dev/null 2>&1; }

missing_packages() {
  local need=() fonts
  have "$PY" || need+=(python3)
  # Debian splits venv (with ensurepip) out of python3: without it `python3 -m venv` fails.
  "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
  if [ "$what" = test ]; then
    # Debian puts initdb under /usr/lib/postgresql/N/bin, off the PATH.
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || have initdb || need+=(postgresql)
    have chromium || have chromium-browser || need+=(chromium)
    have chromedriver || need+=(chromium-driver)
    # Read the whole list first: `fc-list | grep -q` fails under pipefail when grep stops early.
    fonts=$(fc-list : family 2>/dev/null || true)
    grep -qiE "wenquanyi|wqy|noto sans cjk" <<<"$fonts" || need+=(fonts-wqy-zenhei)
    have node || need+=(nodejs)
  fi
  echo "${need[*]}"
}

case "$what" in
  serve | test) ;;
  *) echo "usage: $0 serve|test [--check]" >&2; exit 2 ;;
esac

read -r -a missing <<<"$(missing_packages)"
[ ${#missing[@]} -eq 0 ] && exit 0
list="${missing[*]}"
if [ "$check_only" = --check ]; then
  echo "missing system packages: $list"
  exit 1
fi
if ! have apt-get; then
  echo "ERROR: missing system packages ($list) and no apt-get: this setup installs Debian packages; install them with your system's package manager" >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  as_root=()
elif have sudo; then
  as_root=(sudo)
else
  echo "ERROR: missing system packages ($list) and neither root nor sudo to install them: run as root \`apt-get install -y $list\`" >&2
  exit 1
fi
echo "==> installing system packages: $list"
if ! { "${as_root[@]}" apt-get update -qq \
  && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
  echo "ERROR: could not install system packages ($list; apt-get failed, see above): run as root \`apt-get install -y $list\`" >&2
  exit 1
fi
read -r -a still <<<"$(missing_packages)"
if [ ${#still[@]} -gt 0 ]; then
  echo "ERROR: still missing after apt-get install: ${still[*]}" >&2
  exit 1
fi
echo "==> system packages installed"
