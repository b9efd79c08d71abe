#!/usr/bin/env bash
# Builds and runs every test on a fresh Debian machine: installs what is missing (JDK 17 and Maven; redis-server,
# which the Redis tests start privately on a free loopback port; chromium and chromium-driver, in which the example
# service's page is tested headless), then runs `mvn -B verify` with any arguments given.
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v mvn >/dev/null || missing+=(maven openjdk-17-jdk-headless)
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}"
fi
exec mvn -B verify "$@"
