# Helpers the demo scripts share. Presenting by hand: `source assets/examples/demo/lib.sh` once.

# True when the engine runs on this machine, false when it runs in a VM (Docker Desktop, Colima,
# a remote DOCKER_HOST): then this machine has none of the containers' processes or mounts.
engine_on_this_host() {
  [ "$(uname -s)" = Linux ] && [ "$(docker info --format '{{.Name}}' 2>/dev/null)" = "$(hostname)" ]
}

# Runs a step that looks at this machine's own processes or mounts. Where the engine runs in a
# VM, the step says so on stderr and is skipped instead of stopping the demo.
host_only() {
  if engine_on_this_host; then
    "$@"
  else
    echo "(skipped on this machine: the engine runs in a VM, so its processes and mounts are not here)" >&2
  fi
}

# Waits until a container's log shows a line, e.g. "listening": a request or a `docker stop`
# sent right after `docker run -d` can otherwise reach the server before it is up.
wait_for_log() {
  local container=$1 text=$2 tries=100
  until docker logs "$container" 2>&1 | grep -q -- "$text"; do
    tries=$((tries - 1))
    if [ "$tries" -le 0 ]; then
      echo "$container never logged \"$text\"" >&2
      return 1
    fi
    sleep 0.1
  done
}
