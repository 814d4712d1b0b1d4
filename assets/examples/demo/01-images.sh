#!/usr/bin/env bash
# Slides 1-7: what an image is made of. Each block is what the presenter types on one slide.
# Run from anywhere: the build context is assets/examples.
set -euo pipefail
cd "$(dirname "$0")/.."

# Title: what just happened?
docker run hello-world

# Inside an image: an index with one manifest per platform.
docker buildx imagetools inspect node:22-alpine

# Tags vs digests: the tag is a name, the digest is the content.
docker pull alpine:3.20
docker image ls --digests alpine

# The Dockerfile, then its layers: 0B rows only changed the config.
docker build -t hello-layers .
docker image history hello-layers
docker image inspect hello-layers --format '{{json .RootFS.Layers}}'
docker image inspect hello-layers --format '{{json .Config.Env}} {{json .Config.Cmd}}'

# Deleting doesn't shrink: same files at the end, about 100 MB apart.
docker build -f Dockerfile.rm-later -t rm-later .
docker build -f Dockerfile.rm-same-run -t rm-same-run .
docker image ls --filter 'reference=rm-*'
docker image history rm-later
