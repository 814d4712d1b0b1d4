#!/usr/bin/env bash
# After the talk: remove what the demos made. Missing ones are fine.
set -uo pipefail

docker rm -f web-1 web-2 web-3 life sleepy sleepy-init exec-1 keeper registry 2>/dev/null
docker image rm hello-layers:patched hello-layers hello-bad-order hello-small hello-build \
  hello-exec hello-shell rm-later rm-same-run localhost:5000/hello-layers:1.0 2>/dev/null
docker volume rm data 2>/dev/null
exit 0
