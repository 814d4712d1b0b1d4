#!/usr/bin/env bash
# Slides 11-15: from an image to containers, and where their data lives.
# Needs the hello-layers image from 01-images.sh. Ports are published on 127.0.0.1 only: from
# Engine 28.0 on, nothing else reaches them; older engines let hosts on the same network segment
# reach them anyway (moby issue 45610), so on those avoid an untrusted venue network.
set -euo pipefail
cd "$(dirname "$0")/.."
source demo/lib.sh

# A second run starts clean: remove the containers the last run left.
docker rm -f web-1 web-2 web-3 keeper >/dev/null 2>&1 || true

# block: union  slide: union-filesystem
# One container, and its root as the kernel mounted it: an overlay of the image's layers and an
# init layer (lowerdir, read-only) under the container's own layer (upperdir). Read from inside,
# so it works on Docker Desktop too. The driver is overlay2 (graph driver) or overlayfs (the
# containerd image store's snapshotter: Docker Desktop, Engine 29); their paths differ.
docker run -d --name web-1 -p 127.0.0.1:8081:3000 hello-layers
wait_for_log web-1 listening
docker info --format '{{.Driver}}'
docker exec web-1 grep '^overlay / ' /proc/mounts | tr ',:' '\n\n'

# block: copy-up  slide: copy-on-write
# The first write copies server.js up into web-1's layer; the image's copy is not touched.
docker exec -u root web-1 sh -c 'echo "// patched" >> /app/src/server.js'
docker exec web-1 tail -n 1 /app/src/server.js

# block: many  slide: shared-layers
# One image, many containers: each has its own thin writable layer.
docker run -d --name web-2 -p 127.0.0.1:8082:3000 hello-layers
docker run -d --name web-3 -p 127.0.0.1:8083:3000 hello-layers
wait_for_log web-2 listening && wait_for_log web-3 listening
curl -s localhost:8081 localhost:8082 localhost:8083
docker exec web-2 tail -n 1 /app/src/server.js
docker ps -s --filter name=web-

# block: diff  slide: diff-and-commit
# What changed in web-1's layer (the slide quotes the recorded output), then freeze it as a layer.
docker exec web-1 sh -c 'echo hi > /tmp/note.txt'
docker exec -u root web-1 rm /app/package-lock.json
docker diff web-1
docker commit web-1 hello-layers:patched
docker image history hello-layers:patched

# block: data  slide: where-data-lives
# The writable layer survives stop and start, and goes with rm.
docker run -d --init --name keeper alpine:3.24 sleep 600
docker exec keeper sh -c 'echo kept > /note.txt'
docker stop keeper
docker start keeper
docker exec keeper cat /note.txt
docker rm -f keeper
docker run --rm alpine:3.24 cat /note.txt || echo "no /note.txt: it went with keeper's layer"
# A named volume outlives every container that used it; a tmpfs lives in memory.
docker volume create data
docker run --rm -v data:/data alpine:3.24 sh -c 'date > /data/created.txt'
docker run --rm -v data:/data alpine:3.24 cat /data/created.txt
docker run --rm --tmpfs /scratch alpine:3.24 df -h /scratch
