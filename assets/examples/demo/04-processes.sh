#!/usr/bin/env bash
# Slides 16-19: a container is a process; the runtime chain; the lifecycle; PID 1 and signals.
set -euo pipefail
cd "$(dirname "$0")/.."

# A container is a process: the same node, seen from the host and from inside.
docker top web-1
ps -eo pid,ppid,user,args | grep '[s]erver.js'
docker exec web-1 ps

# The runtime chain: the shim is the parent of the container's PID 1.
docker info --format '{{.DefaultRuntime}}'
ps -eo pid,ppid,args | grep -E '[c]ontainerd-shim|[s]erver.js'

# The lifecycle, state by state.
docker create --name life hello-layers
docker ps -a --filter name=life --format '{{.Names}}: {{.State}}'
docker start life
docker pause life
docker ps -a --filter name=life --format '{{.Names}}: {{.State}}'
docker unpause life
docker stop life
docker ps -a --filter name=life --format '{{.Names}}: {{.Status}}'
docker rm life

# PID 1 and signals. The shell form is stored wrapped in /bin/sh -c; the exec form as written.
# (Alpine's busybox sh happens to exec a lone command, so there node still ends up as PID 1;
# bash scripts and command lists keep the shell in front.)
docker build -f Dockerfile.shell-form -t hello-shell .
docker image inspect hello-shell --format '{{json .Config.Entrypoint}}'

# sleep ignores SIGTERM as PID 1, so stop waits 10 s and kills (137).
docker run -d --name sleepy alpine:3.20 sleep 600
time docker stop sleepy
docker inspect sleepy --format '{{.State.ExitCode}}'

# --init puts a tiny init in as PID 1; it passes SIGTERM on (143 = 128 + 15).
docker run -d --init --name sleepy-init alpine:3.20 sleep 600
time docker stop sleepy-init
docker inspect sleepy-init --format '{{.State.ExitCode}}'

# Exec form: node is PID 1 and server.js handles SIGTERM, so it exits at once with 0.
docker build -f Dockerfile.exec-form -t hello-exec .
docker image inspect hello-exec --format '{{json .Config.Entrypoint}}'
docker run -d --name exec-1 hello-exec
time docker stop exec-1
docker inspect exec-1 --format '{{.State.ExitCode}}'
