#!/usr/bin/env bash
# After the talk: remove what the demos made. Missing ones are fine; the pulled bases stay.
set -uo pipefail

docker rm -f web-1 web-2 web-3 life sleepy sleepy-init exec-1 keeper registry >/dev/null 2>&1
docker image rm hello-layers:patched hello-layers:edited hello-layers hello-bad-order:edited \
  hello-bad-order hello-small hello-build hello-exec hello-shell rm-later rm-same-run \
  localhost:5050/hello-layers:1.0 >/dev/null 2>&1
docker volume rm data >/dev/null 2>&1
exit 0
