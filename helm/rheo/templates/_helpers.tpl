{{/* Names, labels and the values every StatefulSet derives (voters, node counts). */}}

{{- define "rheo.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "rheo.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "rheo.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "rheo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rheo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "rheo.labels" -}}
helm.sh/chart: {{ include "rheo.chart" . }}
{{ include "rheo.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: rheo
{{- end -}}

{{- define "rheo.headless" -}}
{{- printf "%s-headless" (include "rheo.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The DNS domain of the headless Service: pod names are its first label. */}}
{{- define "rheo.peerDomain" -}}
{{- printf "%s.%s.svc.%s" (include "rheo.headless" .) .Release.Namespace .Values.clusterDomain -}}
{{- end -}}

{{- define "rheo.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "rheo.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "rheo.secretName" -}}
{{- default (include "rheo.fullname" .) .Values.cluster.existingSecret -}}
{{- end -}}

{{- define "rheo.secretKey" -}}
{{- if .Values.cluster.existingSecret -}}{{ .Values.cluster.existingSecretKey }}{{- else -}}cluster-secret{{- end -}}
{{- end -}}

{{- define "rheo.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/*
The StatefulSets to render, as a list of dicts: name (suffix), component, replicas,
controllerOrdinals (how many leading pods are controller voters), rolesFirst / rolesRest,
nodeIdOffset, resources, storageSize.
*/}}
{{- define "rheo.groups" -}}
{{- $groups := list -}}
{{- if eq .Values.mode "split" -}}
{{- $groups = append $groups (dict "suffix" "-controller" "component" "controller" "replicas" (int .Values.controller.replicas) "controllerOrdinals" (int .Values.controller.replicas) "rolesFirst" "controller" "rolesRest" "controller" "nodeIdOffset" 0 "resources" .Values.controller.resources "storageSize" .Values.controller.storageSize "broker" false) -}}
{{- $groups = append $groups (dict "suffix" "-broker" "component" "broker" "replicas" (int .Values.broker.replicas) "controllerOrdinals" 0 "rolesFirst" "broker" "rolesRest" "broker" "nodeIdOffset" (int .Values.broker.nodeIdOffset) "resources" .Values.resources "storageSize" .Values.persistence.size "broker" true) -}}
{{- else -}}
{{- $groups = append $groups (dict "suffix" "" "component" "node" "replicas" (int .Values.combined.replicas) "controllerOrdinals" (int .Values.combined.controllerVoters) "rolesFirst" "broker,controller" "rolesRest" "broker" "nodeIdOffset" 0 "resources" .Values.resources "storageSize" .Values.persistence.size "broker" true) -}}
{{- end -}}
{{- toJson (dict "groups" $groups) -}}
{{- end -}}

{{/* controller_voters: id@<pod>.<headless domain>:<grpc port> for each voter pod. */}}
{{- define "rheo.controllerVoters" -}}
{{- $fullname := include "rheo.fullname" . -}}
{{- $domain := include "rheo.peerDomain" . -}}
{{- $voters := list -}}
{{- $pod := $fullname -}}
{{- $count := int .Values.combined.controllerVoters -}}
{{- if eq .Values.mode "split" -}}
{{- $pod = printf "%s-controller" $fullname -}}
{{- $count = int .Values.controller.replicas -}}
{{- end -}}
{{- range $i := until $count -}}
{{- $voters = append $voters (printf "%d@%s-%d.%s:%d" (add1 $i) $pod $i $domain (int $.Values.ports.grpc)) -}}
{{- end -}}
{{- join "," $voters -}}
{{- end -}}

{{/* Broker pods in the cluster (for the default replication factor). */}}
{{- define "rheo.brokerCount" -}}
{{- if eq .Values.mode "split" -}}{{ int .Values.broker.replicas }}{{- else -}}{{ int .Values.combined.replicas }}{{- end -}}
{{- end -}}

{{- define "rheo.replicationFactor" -}}
{{- if .Values.cluster.defaultReplicationFactor -}}
{{- int .Values.cluster.defaultReplicationFactor -}}
{{- else -}}
{{- min 3 (int (include "rheo.brokerCount" .)) -}}
{{- end -}}
{{- end -}}

{{/* The client endpoint (the client Service) for the CLI in NOTES and the helm test. */}}
{{- define "rheo.clientEndpoint" -}}
{{- printf "%s.%s.svc.%s:%d" (include "rheo.fullname" .) .Release.Namespace .Values.clusterDomain (int .Values.ports.grpc) -}}
{{- end -}}

{{/* Checks that fail the render with a clear message instead of a cluster that cannot form. */}}
{{- define "rheo.validate" -}}
{{- if and (eq .Values.mode "combined") (lt (int .Values.combined.replicas) (int .Values.combined.controllerVoters)) -}}
{{- fail (printf "combined.replicas (%d) must be at least combined.controllerVoters (%d): the first pods are the controller voters" (int .Values.combined.replicas) (int .Values.combined.controllerVoters)) -}}
{{- end -}}
{{- if and (eq .Values.mode "split") (lt (int .Values.broker.nodeIdOffset) (int .Values.controller.replicas)) -}}
{{- fail (printf "broker.nodeIdOffset (%d) must be at least controller.replicas (%d): node ids would collide" (int .Values.broker.nodeIdOffset) (int .Values.controller.replicas)) -}}
{{- end -}}
{{- if gt (int (include "rheo.replicationFactor" .)) (int (include "rheo.brokerCount" .)) -}}
{{- fail (printf "cluster.defaultReplicationFactor (%s) is above the broker count (%s)" (include "rheo.replicationFactor" .) (include "rheo.brokerCount" .)) -}}
{{- end -}}
{{- range $key, $_ := .Values.config -}}
{{- if has $key (list "node_id" "roles" "grpc_listen" "metrics_listen" "gateway_listen" "gateway_auth" "gateway_access_keys" "advertised_address" "controller_voters" "rack" "data_dir" "cluster_id" "cluster_secret" "default_replication_factor" "shard_limit" "peers" "streams") -}}
{{- fail (printf "config.%s is set by the chart (see the chart README for the value that sets it)" $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The bind host: an IPv6 address goes in brackets. */}}
{{- define "rheo.listenHost" -}}
{{- if contains ":" .Values.listenAddress -}}[{{ .Values.listenAddress }}]{{- else -}}{{ .Values.listenAddress }}{{- end -}}
{{- end -}}

{{/* The produce-and-read script of the helm test pod (and of NOTES.txt): RHEO_ENDPOINTS set. */}}
{{- define "rheo.produceReadScript" -}}
stream="helm-test-$(date +%s)"
rheo stream create "$stream" --shards 1
rheo put "$stream" test-key "hello from helm test"
read_back="$(rheo tail "$stream" --from TRIM_HORIZON --limit 1)"
echo "read: $read_back"
rheo stream delete "$stream"
case "$read_back" in
  *"hello from helm test"*) echo "ok: the record written was read back" ;;
  *) echo "FAILED: the record written was not read back" >&2; exit 1 ;;
esac
{{- end -}}
