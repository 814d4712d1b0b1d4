#!/usr/bin/env bash
# Slides 11-15: from an image to containers, and where their data lives.
set -euo pipefail
cd "$(dirname "$0")/.."

# Union filesystem: one container, and its overlay mount on a Linux host.
docker run -d --name web-1 -p 8081:3000 hello-layers
mount -t overlay

# Copy-on-write: the first write copies server.js up into web-1's layer.
docker exec -u root web-1 sh -c 'echo "// patched" >> /app/src/server.js'

# One image, many containers: each has its own thin writable layer.
docker run -d --name web-2 -p 8082:3000 hello-layers
docker run -d --name web-3 -p 8083:3000 hello-layers
curl -s localhost:8081 localhost:8082 localhost:8083
docker ps -s

# docker diff and docker commit (output: demo/docker-diff.txt).
docker exec web-1 sh -c 'echo hi > /tmp/note.txt'
docker exec -u root web-1 rm /app/package-lock.json
docker diff web-1
docker commit web-1 hello-layers:patched
docker image history hello-layers:patched

# Where data lives: the writable layer survives stop and start, and goes with rm.
docker run -d --init --name keeper alpine:3.20 sleep 600
docker exec keeper sh -c 'echo kept > /note.txt'
docker stop keeper
docker start keeper
docker exec keeper cat /note.txt
docker rm -f keeper

# A named volume outlives every container that used it.
docker volume create data
docker run --rm -v data:/data alpine:3.20 sh -c 'date > /data/created.txt'
docker run --rm -v data:/data alpine:3.20 cat /data/created.txt
docker run --rm --tmpfs /scratch alpine:3.20 df -h /scratch
