#!/bin/sh
# The preStop hook of broker pods. Kubernetes runs it before sending SIGTERM, within the
# pod's terminationGracePeriodSeconds. It drains this node and waits until the node leads
# no shard, so no shard loses its leader when the process stops (clients and followers
# see a hand-over, not an election timeout). It leaves a marker in the data dir; the next
# start undrains the node (node-start.sh). It does nothing when the node is already
# DRAINING or DRAINED (an operator's drain, e.g. before scaling in, is left alone), and it
# never fails the stop: whatever happens, Kubernetes stops the pod after it.
set -u

ordinal="${POD_NAME##*-}"
id=$((ordinal + 1 + ${NODE_ID_OFFSET:-0}))
endpoint="$LOCAL_GRPC_ENDPOINT"
marker="$RHEO_DATA_DIR/.prestop-drained"

state="$(rheo cluster status --json --endpoint "$endpoint" 2>/dev/null |
  node -e 'let s="";process.stdin.on("data",(c)=>{s+=c}).on("end",()=>{try{const n=JSON.parse(s).nodes.find((x)=>x.nodeId===Number(process.argv[1]));process.stdout.write(n?n.state:"UNKNOWN")}catch{process.stdout.write("UNKNOWN")}})' "$id")"
case "$state" in
  DRAINING | DRAINED)
    echo "preStop: node $id is already $state (an operator's drain); leaving it so"
    exit 0
    ;;
  UNKNOWN | '')
    echo "preStop: node $id's state is unknown (cluster not answering); stopping without a drain"
    exit 0
    ;;
esac

touch "$marker"
echo "preStop: draining node $id (leaders first), up to ${DRAIN_TIMEOUT_S}s"
rheo cluster drain "$id" --wait leaders --wait-timeout "$DRAIN_TIMEOUT_S" --endpoint "$endpoint" || true
exit 0
