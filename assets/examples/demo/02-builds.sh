#!/usr/bin/env bash
# Slides 8-10: the build cache, instruction order, multi-stage builds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build cache: change one line of the source, build again, read the CACHED lines.
docker build -t hello-layers .
sed -i.bak 's/hello from container/hi from container/' app/src/server.js
docker build --progress=plain -t hello-layers .
mv app/src/server.js.bak app/src/server.js

# Order for the cache: with the source copied first, the same edit reruns npm ci.
docker build -f Dockerfile.bad-order -t hello-bad-order .
sed -i.bak 's/hello from container/hi from container/' app/src/server.js
docker build --progress=plain -f Dockerfile.bad-order -t hello-bad-order .
mv app/src/server.js.bak app/src/server.js

# Multi-stage: build with npm, ship only node and the app.
docker build -f Dockerfile.multistage -t hello-small .
docker image ls --filter 'reference=hello-*'
docker build -f Dockerfile.multistage --target build -t hello-build .
