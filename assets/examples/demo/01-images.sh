#!/usr/bin/env bash
# Slides 1-7: what an image is made of. Each "block" comment starts what the presenter types on
# one slide; `npm run rehearse` runs the blocks in order and checks what the slides claim.
# Run from anywhere: the build context is assets/examples.
set -euo pipefail
cd "$(dirname "$0")/.."
source demo/lib.sh

# block: hello  slide: title
# What just happened? Pull (if needed), create, start, print, exit; --rm removes it again.
docker run --rm hello-world

# block: index  slide: inside-an-image
# An index with one manifest per platform, and attestation manifests (unknown/unknown) beside
# them (asks the registry itself: needs the network).
docker buildx imagetools inspect node:26-alpine

# block: tags  slide: tags-vs-digests
# The tag is a name, the digest is the content.
docker pull alpine:3.24
docker image ls --digests alpine

# block: build  slide: the-dockerfile
# Build today's Dockerfile.
docker build -t hello-layers .

# block: history  slide: dockerfile-to-layers
# Read from the bottom up: the 0B rows only changed the config.
docker image history hello-layers
docker image inspect hello-layers --format '{{json .RootFS.Layers}}'
docker image inspect hello-layers --format '{{json .Config.Env}} {{json .Config.Cmd}}'

# block: rm-later  slide: deleting-doesnt-shrink
# Same files at the end, about 100 MB apart. The rm row is 0B with overlay2, a few kB (the
# whiteout) with the containerd image store of Docker Desktop and Engine 29.
docker build -f Dockerfile.rm-later -t rm-later .
docker build -f Dockerfile.rm-same-run -t rm-same-run .
docker image ls --filter 'reference=rm-*'
docker image history rm-later
