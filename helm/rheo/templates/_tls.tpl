{{/*
TLS in flight (values tls.*, docs/security.md): one Secret with tls.crt, tls.key and ca.crt
(the operator's tls.existingSecret, or the one cert-manager fills for certificate.yaml),
mounted read-only at /etc/rheo/tls in every node pod and the helm test pod. The node serves
gRPC and the gateway with it and dials its peers with it; the rheo CLI in the hooks and the
helm test reads RHEO_TLS_CA (and RHEO_TLS_CERT/RHEO_TLS_KEY with tls.clientAuth).
*/}}

{{- define "rheo.tlsDir" -}}/etc/rheo/tls{{- end -}}

{{/* The Secret holding the certificate. */}}
{{- define "rheo.tlsSecretName" -}}
{{- if .Values.tls.certManager.enabled -}}
{{- printf "%s-tls" (include "rheo.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- .Values.tls.existingSecret -}}
{{- end -}}
{{- end -}}

{{/* Fails the render on TLS values that cannot work. */}}
{{- define "rheo.tlsValidate" -}}
{{- if .Values.tls.enabled -}}
{{- if and .Values.tls.certManager.enabled .Values.tls.existingSecret -}}
{{- fail "tls: set tls.existingSecret or tls.certManager.enabled, not both" -}}
{{- end -}}
{{- if not (or .Values.tls.certManager.enabled .Values.tls.existingSecret) -}}
{{- fail "tls.enabled needs tls.existingSecret (a Secret with tls.crt, tls.key and ca.crt) or tls.certManager.enabled" -}}
{{- end -}}
{{- if and .Values.tls.certManager.enabled (not .Values.tls.certManager.issuerRef.name) -}}
{{- fail "tls.certManager.enabled needs tls.certManager.issuerRef.name (an Issuer or ClusterIssuer that sets ca.crt)" -}}
{{- end -}}
{{- end -}}
{{- range $key, $_ := .Values.config -}}
{{- if hasPrefix "tls_" $key -}}
{{- fail (printf "config.%s is set by the chart (use the tls.* values)" $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* How the hooks reach this pod's own node: its DNS name with TLS (the certificate names it), else loopback. */}}
{{- define "rheo.localGrpcEndpoint" -}}
{{- if .Values.tls.enabled -}}
{{- printf "$(POD_NAME).%s:%d" (include "rheo.peerDomain" .) (int .Values.ports.grpc) -}}
{{- else -}}
{{- printf "%s:%d" (ternary "[::1]" "127.0.0.1" (contains ":" .Values.listenAddress)) (int .Values.ports.grpc) -}}
{{- end -}}
{{- end -}}

{{/* The rheo CLI's TLS variables (hooks, helm test). */}}
{{- define "rheo.tlsClientEnv" -}}
{{- if .Values.tls.enabled }}
- name: RHEO_TLS_CA
  value: {{ printf "%s/ca.crt" (include "rheo.tlsDir" .) | quote }}
{{- if .Values.tls.clientAuth }}
- name: RHEO_TLS_CERT
  value: {{ printf "%s/tls.crt" (include "rheo.tlsDir" .) | quote }}
- name: RHEO_TLS_KEY
  value: {{ printf "%s/tls.key" (include "rheo.tlsDir" .) | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The node's tls_* keys, and the CLI's variables for the hooks. */}}
{{- define "rheo.tlsEnv" -}}
{{- if .Values.tls.enabled }}
- name: RHEO_TLS_CERT_FILE
  value: {{ printf "%s/tls.crt" (include "rheo.tlsDir" .) | quote }}
- name: RHEO_TLS_KEY_FILE
  value: {{ printf "%s/tls.key" (include "rheo.tlsDir" .) | quote }}
- name: RHEO_TLS_CA_FILE
  value: {{ printf "%s/ca.crt" (include "rheo.tlsDir" .) | quote }}
- name: RHEO_TLS_CLIENT_AUTH
  value: {{ .Values.tls.clientAuth | toString | quote }}
{{- include "rheo.tlsClientEnv" . }}
{{- end }}
{{- end -}}

{{- define "rheo.tlsVolumeMount" -}}
{{- if .Values.tls.enabled }}
- { name: tls, mountPath: {{ include "rheo.tlsDir" . }}, readOnly: true }
{{- end }}
{{- end -}}

{{/* Mode 0440, written in decimal (YAML 1.1 and 1.2 read 0440 differently): group-readable for the pods' fsGroup, the node runs as a non-root user. */}}
{{- define "rheo.tlsVolume" -}}
{{- if .Values.tls.enabled }}
- name: tls
  secret:
    secretName: {{ include "rheo.tlsSecretName" . }}
    defaultMode: 288
{{- end }}
{{- end -}}

{{/*
The names the certificate must hold: every pod at its stable DNS name (what peers dial, the
advertised address), the headless Service, and the client Service (what clients and the
helm test dial), short and qualified. Scaling out renders more names; cert-manager then
reissues the certificate (the nodes read it at start-up: restart them to pick it up).
*/}}
{{- define "rheo.tlsDnsNames" -}}
{{- $fullname := include "rheo.fullname" . -}}
{{- $domain := include "rheo.peerDomain" . -}}
{{- $names := list -}}
{{- range $group := (include "rheo.groups" . | fromJson).groups -}}
{{- range $i := until (int $group.replicas) -}}
{{- $names = append $names (printf "%s%s-%d.%s" $fullname $group.suffix $i $domain) -}}
{{- end -}}
{{- end -}}
{{- $names = append $names $domain -}}
{{- $names = append $names $fullname -}}
{{- $names = append $names (printf "%s.%s" $fullname .Release.Namespace) -}}
{{- $names = append $names (printf "%s.%s.svc" $fullname .Release.Namespace) -}}
{{- $names = append $names (printf "%s.%s.svc.%s" $fullname .Release.Namespace .Values.clusterDomain) -}}
{{- toJson $names -}}
{{- end -}}

{{/* The endpoint NOTES.txt's `kubectl exec` commands give the CLI in the first pod: loopback, or with TLS its DNS name. */}}
{{- define "rheo.notesExecEndpoint" -}}
{{- if .Values.tls.enabled -}}
{{- printf "%s%s-0.%s:%d" (include "rheo.fullname" .) (ternary "-broker" "" (eq .Values.mode "split")) (include "rheo.peerDomain" .) (int .Values.ports.grpc) -}}
{{- else -}}
{{- printf "127.0.0.1:%d" (int .Values.ports.grpc) -}}
{{- end -}}
{{- end -}}
