#!/usr/bin/env bash
# The two Docker Engines the talk is rehearsed on, side by side on one Linux machine, each private
# (own data, sockets, bridge), so nothing else on the machine is touched:
#   20.10  Debian 12's docker.io 20.10.24: the overlay2 graph driver, BuildKit via DOCKER_BUILDKIT=1
#   28.5   Debian sid's docker.io 28.5.2 with containerd 2.1 and the containerd image store,
#          BuildKit via the buildx plugin: what Docker Desktop and fresh Engine 29 installs run
#
#   bash scripts/engines.sh install        apt packages (20.10, busybox-static, docker-registry) and
#                                          sid's 28.5 packages, downloaded and unpacked privately
#   bash scripts/engines.sh start [NAME…]  starts them (default: both); prints the lines to eval
#   bash scripts/engines.sh stop           stops them
#   eval "$(bash scripts/engines.sh start)"   then `npm test` rehearses on both
#
# Each engine's folder holds an `env` file (DOCKER_HOST, DOCKER_CONFIG, PATH_PREFIX) that the
# rehearsal tests read through TALK_ENGINES (the env files, colon-separated). Needs root (dockerd
# does). Sid's packages need glibc 2.34 (Debian 12 has 2.36); sid's runc needs 2.38, so Debian
# 12's runc 1.1.5 (a dependency of docker.io) runs the containers of both engines.
set -euo pipefail

ENGINES_DIR="${TALK_ENGINES_DIR:-/tmp/docker-talk-engines}"
# Downloads survive a reboot of /tmp; they are the same bytes for every checkout.
CACHE_DIR="${TALK_ENGINES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/docker-talk/engine-28.5}"
SID_PACKAGES=(docker.io containerd docker-cli docker-buildx)
SID_VERSION_PREFIX="28.5"
# Each engine gets a bridge of its own: sharing docker0 with the machine's own engine, or with
# another dockerd started and stopped by a test, leaves one of them without it.
declare -A BRIDGES=([20.10]=br20 [28.5]=br28)
declare -A BRIDGE_ADDRESSES=([20.10]=172.30.0.1/24 [28.5]=172.29.0.1/24)

say() { echo "engines: $*" >&2; }
die() {
  echo "engines: $*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# daemon LOG COMMAND…: runs a daemon in the background with no file descriptor of ours but its
# log: a daemon that inherits a descriptor holding a lock (`flock … engines.sh start`) or a pipe
# (a test's output) would hold it for as long as it runs.
daemon() {
  local log=$1
  shift
  (
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec </dev/null >"$log" 2>&1
    as_root "$@"
  ) &
}

# --- install --------------------------------------------------------------------------------------

install_debian_packages() {
  local missing=()
  [ -x /usr/sbin/dockerd ] || missing+=(docker.io)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  [ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
  [ "${#missing[@]}" -eq 0 ] && return
  say "installing from Debian 12: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# apt-get download from sid with a sources list, lists and cache of our own: the machine's own
# sources are never changed, and nothing is installed into the system.
install_engine_28() {
  local bin="$CACHE_DIR/bin"
  if [ -x "$bin/dockerd" ] && [ -x "$CACHE_DIR/cli-plugins/docker-buildx" ]; then return; fi
  local scratch
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/docker-talk-sid.XXXXXX")"
  # shellcheck disable=SC2064 # expand now: the folder is this call's
  trap "rm -rf '$scratch'" RETURN
  mkdir -p "$scratch/lists/partial" "$scratch/cache/archives/partial" "$scratch/debs" "$scratch/root"
  local mirror
  mirror="$(grep -hoE '^URIs: *\S+/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1 | awk '{print $2}')"
  mirror="${mirror:-http://deb.debian.org/debian}"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror sid main" >"$scratch/sources.list"
  local apt=(apt-get -qq -o "Dir::Etc::sourcelist=$scratch/sources.list" -o Dir::Etc::sourceparts=/dev/null
    -o "Dir::State::Lists=$scratch/lists" -o "Dir::Cache=$scratch/cache" -o APT::Sandbox::User=root)
  say "downloading ${SID_PACKAGES[*]} from Debian sid ($mirror), once, into $CACHE_DIR"
  "${apt[@]}" update
  (cd "$scratch/debs" && "${apt[@]}" download "${SID_PACKAGES[@]}")
  for deb in "$scratch"/debs/*.deb; do dpkg-deb -x "$deb" "$scratch/root"; done
  local version
  version="$("$scratch/root/usr/sbin/dockerd" --version | awk '{print $3}')"
  case "$version" in
    "$SID_VERSION_PREFIX"*) ;;
    *) die "sid now ships dockerd $version, not $SID_VERSION_PREFIX: check the recipe in DESIGN.md, then change SID_VERSION_PREFIX" ;;
  esac
  mkdir -p "$CACHE_DIR.new/bin" "$CACHE_DIR.new/cli-plugins"
  for file in usr/bin/containerd usr/bin/containerd-shim-runc-v2 usr/bin/ctr usr/sbin/dockerd \
    usr/sbin/docker-proxy usr/bin/docker; do
    [ -e "$scratch/root/$file" ] || die "sid's packages no longer ship /$file"
    cp "$scratch/root/$file" "$CACHE_DIR.new/bin/"
  done
  cp "$scratch/root/usr/libexec/docker/cli-plugins/docker-buildx" "$CACHE_DIR.new/cli-plugins/"
  rm -rf "$CACHE_DIR" && mv "$CACHE_DIR.new" "$CACHE_DIR"
  say "Engine $version unpacked into $CACHE_DIR"
}

# The registry mirror the offline rehearsal serves its stand-ins from (Debian's docker-registry on
# this port, started by `npm run rehearse -- --offline`): `docker pull alpine:3.24` then pulls.
MIRROR="http://127.0.0.1:5098"

# --- start and stop -------------------------------------------------------------------------------

# wait_for DIR CLIENT LABEL: until the engine answers, or its log and a failure.
wait_for() {
  local dir=$1 client=$2 label=$3 version=""
  for _ in $(seq 1 120); do
    version="$(DOCKER_HOST="unix://$dir/docker.sock" DOCKER_CONFIG="$dir/config" \
      "$client" version --format '{{.Server.Version}}' 2>/dev/null)" && break
    sleep 0.5
  done
  if [ -z "$version" ]; then
    say "$label did not start; the end of its log ($dir/*.log):"
    tail -n 30 "$dir"/*.log >&2
    exit 1
  fi
  say "Docker Engine $version ($label) at unix://$dir/docker.sock"
}

write_env() {
  local dir=$1 path_prefix=$2
  {
    echo "DOCKER_HOST=unix://$dir/docker.sock"
    echo "DOCKER_CONFIG=$dir/config"
    echo "PATH_PREFIX=$path_prefix"
  } >"$dir/env"
}

# ensure_bridge NAME: the engine's own bridge, with its address; without one, builds and runs
# fail with "network bridge not found". No iptables rules: ports are published by docker-proxy.
ensure_bridge() {
  local bridge=${BRIDGES[$1]}
  ip link show "$bridge" >/dev/null 2>&1 && return
  as_root ip link add "$bridge" type bridge
  as_root ip addr add "${BRIDGE_ADDRESSES[$1]}" dev "$bridge"
  as_root ip link set "$bridge" up
}

running() { [ -f "$1/pid" ] && kill -0 "$(cat "$1/pid")" 2>/dev/null; }

start_engine_20() {
  local dir="$ENGINES_DIR/20.10"
  mkdir -p "$dir/config"
  cat >"$dir/daemon.json" <<EOF
{ "registry-mirrors": ["$MIRROR"] }
EOF
  ensure_bridge 20.10
  if ! running "$dir"; then
    daemon "$dir/dockerd.log" /usr/sbin/dockerd --config-file "$dir/daemon.json" \
      --data-root "$dir/root" --exec-root "$dir/exec" \
      -H "unix://$dir/docker.sock" --pidfile "$dir/pid" \
      --bridge "${BRIDGES[20.10]}" --iptables=false --ip6tables=false
  fi
  # Debian's own client 20.10 builds with BuildKit through DOCKER_BUILDKIT=1.
  mkdir -p "$dir/bin" && ln -sf /usr/bin/docker "$dir/bin/docker"
  wait_for "$dir" /usr/bin/docker "overlay2 graph driver"
  write_env "$dir" "$dir/bin"
}

start_engine_28() {
  local dir="$ENGINES_DIR/28.5" bin="$CACHE_DIR/bin"
  [ -x "$bin/dockerd" ] || die "Engine 28.5 is not installed: bash scripts/engines.sh install"
  mkdir -p "$dir/containerd" "$dir/config/cli-plugins"
  ln -sf "$CACHE_DIR/cli-plugins/docker-buildx" "$dir/config/cli-plugins/docker-buildx"
  cat >"$dir/containerd.toml" <<EOF
version = 3
root = "$dir/containerd/root"
state = "$dir/containerd/state"
[grpc]
  address = "$dir/containerd/containerd.sock"
EOF
  cat >"$dir/daemon.json" <<EOF
{ "features": { "containerd-snapshotter": true }, "registry-mirrors": ["$MIRROR"] }
EOF
  ensure_bridge 28.5
  # Its own bin folder first on PATH: containerd finds its shim there, dockerd its proxy.
  local path="$bin:/usr/sbin:/usr/bin:/sbin:/bin"
  if ! pgrep -f "containerd --config $dir/containerd.toml" >/dev/null; then
    daemon "$dir/containerd.log" env PATH="$path" "$bin/containerd" --config "$dir/containerd.toml"
    for _ in $(seq 1 60); do [ -S "$dir/containerd/containerd.sock" ] && break; sleep 0.25; done
  fi
  if ! running "$dir"; then
    daemon "$dir/dockerd.log" env PATH="$path" "$bin/dockerd" --config-file "$dir/daemon.json" \
      --containerd "$dir/containerd/containerd.sock" --data-root "$dir/root" --exec-root "$dir/exec" \
      -H "unix://$dir/docker.sock" --pidfile "$dir/pid" \
      --bridge "${BRIDGES[28.5]}" --iptables=false --ip6tables=false
  fi
  wait_for "$dir" "$bin/docker" "containerd image store"
  write_env "$dir" "$bin"
}

stop_engines() {
  local dir
  for dir in "$ENGINES_DIR/28.5" "$ENGINES_DIR/20.10"; do
    if running "$dir"; then
      as_root kill "$(cat "$dir/pid")" 2>/dev/null || true
      for _ in $(seq 1 80); do running "$dir" || break; sleep 0.25; done
      say "stopped the engine in $dir"
    fi
  done
  # containerd last, once dockerd no longer needs it; it keeps no pid file.
  if as_root pkill -f "containerd --config $ENGINES_DIR/28.5/containerd.toml"; then
    say "stopped containerd of $ENGINES_DIR/28.5"
  fi
}

main() {
  local command="${1:-}"
  shift || true
  case "$command" in
    install)
      install_debian_packages
      install_engine_28
      ;;
    start)
      local names=("$@") envs=()
      [ "${#names[@]}" -gt 0 ] || names=(20.10 28.5)
      mkdir -p "$ENGINES_DIR"
      for name in "${names[@]}"; do
        case "$name" in
          20.10) start_engine_20 ;;
          28.5) start_engine_28 ;;
          *) die "unknown engine \"$name\": 20.10 or 28.5" ;;
        esac
        envs+=("$ENGINES_DIR/$name/env")
      done
      # What to eval: the rehearsal tests' list, and the newest engine for `npm run rehearse`.
      local IFS=:
      echo "export TALK_ENGINES=${envs[*]}"
      echo "export DOCKER_HOST=unix://$ENGINES_DIR/${names[-1]}/docker.sock"
      ;;
    stop) stop_engines ;;
    *) die "usage: bash scripts/engines.sh install | start [20.10] [28.5] | stop" ;;
  esac
}

main "$@"
