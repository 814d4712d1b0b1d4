#!/usr/bin/env bash
# Slides 16-19: a container is a process; the runtime chain; the lifecycle; PID 1 and signals.
# Needs web-1 from 03-containers.sh. Steps marked host-only look at this machine's processes:
# where the engine runs in a VM (Docker Desktop), they are skipped and the demo goes on.
set -euo pipefail
cd "$(dirname "$0")/.."
source demo/lib.sh

# A second run starts clean: remove the containers the last run left.
docker rm -f life sleepy sleepy-init exec-1 >/dev/null 2>&1 || true

# block: process  slide: container-is-a-process
# The same node, seen from inside (PID 1) and from the host (an ordinary PID).
docker exec web-1 ps
docker top web-1
pid=$(docker inspect web-1 --format '{{.State.Pid}}')
host_only ps -o pid,ppid,user,args -p "$pid"

# block: chain  slide: runtime-chain
# The runtime, and the shim that is the parent of the container's PID 1 (host-only).
docker info --format '{{.DefaultRuntime}}'
host_only ps -o pid,args -p "$(ps -o ppid= -p "$pid" | tr -d ' ')"

# block: lifecycle  slide: lifecycle
# The lifecycle, state by state, as docker ps -a shows it.
docker create --name life hello-layers
docker ps -a --filter name=life --format '{{.Names}}: {{.State}}'
docker start life
wait_for_log life listening
docker ps -a --filter name=life --format '{{.Names}}: {{.State}}'
docker pause life
docker ps -a --filter name=life --format '{{.Names}}: {{.State}}'
docker unpause life
docker stop life
docker ps -a --filter name=life --format '{{.Names}}: {{.State}} ({{.Status}})'
docker rm life

# block: signals  slide: pid1-and-signals
# The shell form is stored wrapped in /bin/sh -c; the exec form as written.
# (Some shells exec the last command of `sh -c` themselves, busybox sh among them, so node may
# still end up PID 1; do not count on it: a script, a trap or another shell keeps the shell in front.)
docker build -f Dockerfile.shell-form -t hello-shell .
docker image inspect hello-shell --format '{{json .Config.Entrypoint}}'
# sleep ignores SIGTERM as PID 1, so stop waits 10 s and kills (137).
docker run -d --name sleepy alpine:3.24 sleep 600
time docker stop sleepy
docker inspect sleepy --format '{{.State.ExitCode}}'
# --init puts a tiny init in as PID 1; it passes SIGTERM on (143 = 128 + 15).
docker run -d --init --name sleepy-init alpine:3.24 sleep 600
time docker stop sleepy-init
docker inspect sleepy-init --format '{{.State.ExitCode}}'
# Exec form: node is PID 1 and server.js handles SIGTERM, so it exits at once with 0.
docker build -f Dockerfile.exec-form -t hello-exec .
docker image inspect hello-exec --format '{{json .Config.Entrypoint}}'
docker run -d --name exec-1 hello-exec
wait_for_log exec-1 listening
time docker stop exec-1
docker inspect exec-1 --format '{{.State.ExitCode}}'
# Stopped containers keep their image in use: remove them, so later demos can remove the image.
docker rm sleepy sleepy-init exec-1
