#!/usr/bin/env bash
# Slides 20-21: push and pull through a registry, and pin what you run by digest.
# Needs hello-layers from 01 and web-1..3 from 03. The registry listens on 127.0.0.1:5050:
# port 5000 is taken by the AirPlay Receiver on macOS 12 and later.
set -euo pipefail
cd "$(dirname "$0")/.."
source demo/lib.sh

# A second run starts clean: remove the registry the last run left.
docker rm -f registry >/dev/null 2>&1 || true

# block: push-pull  slide: distribution
# A local registry; push (blobs first, manifest last), push again: every layer "already exists".
# (With the containerd image store, Docker Desktop and Engine 29, one more blob goes up: BuildKit's
# provenance attestation; its second push says "Already exists" for it.)
docker run -d --name registry -p 127.0.0.1:5050:5000 registry:3
wait_for_log registry 'listening on'
docker tag hello-layers localhost:5050/hello-layers:1.0
docker push localhost:5050/hello-layers:1.0
docker push localhost:5050/hello-layers:1.0
# Pull: only the layers that are missing. (overlay2 lists the base's layers as "Already exists";
# the containerd image store may leave them out.)
docker rm -f web-1 web-2 web-3
# Every image that holds the app's layers goes; the node:26-alpine base stays.
docker image rm hello-layers:patched hello-layers hello-shell hello-exec localhost:5050/hello-layers:1.0
# The build cache holds layers too: drop the cache no image uses any more.
docker builder prune -f
docker pull localhost:5050/hello-layers:1.0

# block: pin  slide: trust-and-moving
# Pin by digest: the name may move, this content never does.
# (With the containerd image store the list also holds a local digest: take the registry's.)
digest=$(docker image inspect localhost:5050/hello-layers:1.0 --format '{{range .RepoDigests}}{{println .}}{{end}}' | grep '^localhost:5050/')
echo "$digest"
docker run --rm --entrypoint node "$digest" --version
