#!/usr/bin/env bash
# Installs Debian packages for the .ci scripts, quietly, without letting their maintainer scripts start the
# stock services (docker.io, docker-registry and postgresql each start one with its packaged configuration,
# which would take ports and, for docker.io, rewrite the firewall). The .ci scripts start their own instances.
#   bash .ci/apt-install.sh WHO [--no-install-recommends] PACKAGE...   WHO names the calling script in messages
# Exits non-zero, saying why, when not root or when apt-get fails.
set -euo pipefail

who=$1; shift
options=()
if [ "${1:-}" = --no-install-recommends ]; then options+=("$1"); shift; fi
say() { echo "$who: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "not root: install $* yourself (apt-get install $*)"
  exit 1
fi
say "installing $*"
# invoke-rc.d consults policy-rc.d; exit 101 means "do not start". Keep an existing policy untouched.
own_policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  own_policy=1
fi
status=0
{ DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${options[@]}" "$@"; } >&2 || status=$?
[ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
exit "$status"
