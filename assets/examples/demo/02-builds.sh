#!/usr/bin/env bash
# Slides 8-10: the build cache, instruction order, multi-stage builds.
set -euo pipefail
cd "$(dirname "$0")/.."
source demo/lib.sh

# The edits below change app/src/server.js; it is put back on exit, also when a build fails.
# The copy is kept outside the build context, so it never ends up in an image.
original=$(mktemp)
cp app/src/server.js "$original"
trap 'cp "$original" app/src/server.js; rm -f "$original"' EXIT

# block: cache  slide: build-cache
# Edit one line of the source, build again, read the CACHED lines. The edited build gets its own
# tag, so hello-layers stays the image the next demos run. (The date makes every edit new, so the
# cache cannot already hold it from a rehearsal.)
docker build -t hello-layers .
echo "// edited $(date +%s)" >> app/src/server.js
docker build --progress=plain -t hello-layers:edited .
cp "$original" app/src/server.js
docker image rm hello-layers:edited

# block: order  slide: cache-order
# With the source copied first, the same kind of edit reruns npm ci.
docker build -f Dockerfile.bad-order -t hello-bad-order .
echo "// edited $(date +%s)" >> app/src/server.js
docker build --progress=plain -f Dockerfile.bad-order -t hello-bad-order:edited .
cp "$original" app/src/server.js
docker image rm hello-bad-order:edited

# block: multi-stage  slide: multi-stage
# Build with npm, ship only node and the app.
docker build -f Dockerfile.multistage -t hello-small .
docker build -f Dockerfile.multistage --target build -t hello-build .
docker image ls --filter 'reference=hello-small' --filter 'reference=hello-build'
