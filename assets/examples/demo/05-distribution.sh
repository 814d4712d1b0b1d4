#!/usr/bin/env bash
# Slides 20-21: push and pull through a registry, and pin what you run by digest.
set -euo pipefail

# A local registry to push to.
docker run -d --name registry -p 5000:5000 registry:2
docker tag hello-layers localhost:5000/hello-layers:1.0

# Push: blobs first, manifest last. Push again: every layer "already exists".
docker push localhost:5000/hello-layers:1.0
docker push localhost:5000/hello-layers:1.0
docker image inspect localhost:5000/hello-layers:1.0 --format '{{index .RepoDigests 0}}'

# Pull: only the layers that are missing. The node:22-alpine base is still here.
docker rm -f web-1 web-2 web-3
docker image rm hello-layers:patched hello-layers localhost:5000/hello-layers:1.0
docker pull localhost:5000/hello-layers:1.0
