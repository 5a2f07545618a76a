#!/bin/sh
# The node container's command (mounted from the chart's scripts ConfigMap). Kubernetes
# gives a StatefulSet pod a stable name ending in its ordinal, and nothing else that
# numbers it; Rheo needs a node id and roles, so they are derived here, then the node is
# exec'ed (it becomes PID 1 and receives SIGTERM itself).
#   node id = ordinal + 1 + NODE_ID_OFFSET  (combined: 1..N; split: controllers 1..C,
#             brokers NODE_ID_OFFSET+1...)
#   roles   = ROLES_FIRST for ordinals below CONTROLLER_ORDINALS (the controller voters the
#             chart lists in RHEO_CONTROLLER_VOTERS), else ROLES_REST.
#   rack    = RHEO_RACK if set, else the zone the rack init container wrote to RACK_FILE.
# If the preStop hook drained this node before its last stop (marker in the data dir), the
# node is undrained once it answers again, so a restart does not leave it DRAINING.
set -eu

ordinal="${POD_NAME##*-}"
case "$ordinal" in
  '' | *[!0-9]*)
    echo "rheo: cannot read a StatefulSet ordinal from the pod name '$POD_NAME'" >&2
    exit 2
    ;;
esac
RHEO_NODE_ID=$((ordinal + 1 + ${NODE_ID_OFFSET:-0}))
if [ "$ordinal" -lt "${CONTROLLER_ORDINALS:-0}" ]; then
  RHEO_ROLES="$ROLES_FIRST"
else
  RHEO_ROLES="$ROLES_REST"
fi
export RHEO_NODE_ID RHEO_ROLES

if [ -z "${RHEO_RACK:-}" ] && [ -n "${RACK_FILE:-}" ] && [ -s "$RACK_FILE" ]; then
  RHEO_RACK="$(cat "$RACK_FILE")"
  export RHEO_RACK
fi

marker="$RHEO_DATA_DIR/.prestop-drained"
if [ -f "$marker" ]; then
  # In the background: the node must start first (it is the endpoint asked). Up to ten minutes.
  (
    tries=0
    while [ "$tries" -lt 300 ]; do
      sleep 2
      if rheo cluster undrain "$RHEO_NODE_ID" --endpoint "$LOCAL_GRPC_ENDPOINT" >/dev/null 2>&1; then
        rm -f "$marker"
        echo "{\"msg\":\"undrained after the preStop drain\",\"node\":$RHEO_NODE_ID}"
        exit 0
      fi
      tries=$((tries + 1))
    done
    echo "{\"msg\":\"could not undrain after the preStop drain; run rheo cluster undrain $RHEO_NODE_ID\",\"node\":$RHEO_NODE_ID}" >&2
  ) &
fi

echo "{\"msg\":\"starting\",\"pod\":\"$POD_NAME\",\"node\":$RHEO_NODE_ID,\"roles\":\"$RHEO_ROLES\",\"rack\":\"${RHEO_RACK:-}\"}"
exec rheo server
