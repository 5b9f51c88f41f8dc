#!/usr/bin/env bash
# The compose file is checked offline by `docker-compose config` (tools/deploy/compose.spec.ts);
# Debian's docker-compose package renders it without a Docker engine. Installs it when missing.
set -euo pipefail

if command -v docker-compose > /dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "docker-compose is missing; install it as root: apt-get update && apt-get install -y docker-compose" >&2
  exit 1
fi
if ! command -v apt-get > /dev/null 2>&1; then
  echo "docker-compose is missing and apt-get is not available; install docker-compose (v1.29+ or v2) by hand" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose > /dev/null
docker-compose version
