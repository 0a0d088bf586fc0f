{{/* The chart name, or nameOverride. */}}
{{- define "report-remove.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The full resource name: <release>-<name>, or <release> when it already holds the name. */}}
{{- define "report-remove.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* chart name and version for the helm.sh/chart label. */}}
{{- define "report-remove.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Kubernetes recommended labels, on every object. */}}
{{- define "report-remove.labels" -}}
helm.sh/chart: {{ include "report-remove.chart" . }}
app.kubernetes.io/name: {{ include "report-remove.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: report-remove
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selects the service's pods (never the database's). */}}
{{- define "report-remove.selectorLabels" -}}
app.kubernetes.io/name: {{ include "report-remove.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{- define "report-remove.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "report-remove.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "report-remove.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The bundled CloudNativePG cluster's name; the operator names its Secrets and Services after it. */}}
{{- define "report-remove.cnpgCluster" -}}
{{- printf "%s-db" (include "report-remove.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Where secret files are mounted: one read-only directory per Secret under this root. */}}
{{- define "report-remove.secretsRoot" -}}/run/secrets/report-remove{{- end }}

{{/* The data directory (an emptyDir: the root file system is read-only). */}}
{{- define "report-remove.dataDir" -}}/var/lib/report-remove{{- end }}

{{/* The environment variable MicroProfile Config reads for a key: upper case, other characters as _. */}}
{{- define "report-remove.envName" -}}
{{- regexReplaceAll "[^A-Za-z0-9]" . "_" | upper }}
{{- end }}

{{/* The JDBC URL of the database, external or bundled. */}}
{{- define "report-remove.datasourceUrl" -}}
{{- $db := .Values.database }}
{{- if $db.cnpg.enabled }}
{{- $host := printf "%s-rw.%s.svc" (include "report-remove.cnpgCluster" .) .Release.Namespace }}
{{- if eq $db.cnpg.sslmode "verify-full" }}
{{- printf "jdbc:postgresql://%s:5432/%s?sslmode=verify-full&sslrootcert=%s/database-ca/ca.crt" $host $db.name (include "report-remove.secretsRoot" .) }}
{{- else }}
{{- printf "jdbc:postgresql://%s:5432/%s?sslmode=%s" $host $db.name $db.cnpg.sslmode }}
{{- end }}
{{- else }}
{{- $url := printf "jdbc:postgresql://%s:%d/%s?sslmode=%s" $db.external.host (int $db.external.port) $db.name $db.external.sslmode }}
{{- if $db.external.caSecret.existingSecret }}
{{- $url = printf "%s&sslrootcert=%s/database-ca/ca.crt" $url (include "report-remove.secretsRoot" .) }}
{{- end }}
{{- $url }}
{{- end }}
{{- end }}

{{/*
The second guard behind values.schema.json: refuse any development-only setting, and anything the schema
cannot express, with a message naming the value to change.
*/}}
{{- define "report-remove.validate" -}}
{{- $v := .Values }}
{{- if ne (toString $v.mode) "production" }}
{{- fail "mode must be production: the chart deploys nothing else (development mode runs from the jar)" }}
{{- end }}
{{- if $v.ageCheck.provider.development }}
{{- fail "ageCheck.provider.development must be false: the development age provider signs attestations for any age" }}
{{- end }}
{{- if regexMatch "(?i)-D\\s*(reportremove|mp)\\.|jdbc:h2" $v.jvm.extraOptions }}
{{- fail "jvm.extraOptions must not set service settings (-Dreportremove.*, -Dmp.*): use the chart's values" }}
{{- end }}
{{- if not $v.database.cnpg.enabled }}
{{- if not $v.database.external.host }}
{{- fail "database.external.host is required (or set database.cnpg.enabled=true)" }}
{{- end }}
{{- if not $v.database.external.existingSecret }}
{{- fail "database.external.existingSecret is required: a Secret with the database user and password" }}
{{- end }}
{{- if and (hasPrefix "verify-" $v.database.external.sslmode) (not $v.database.external.caSecret.existingSecret) }}
{{- fail "database.external.caSecret.existingSecret is required for sslmode verify-ca and verify-full" }}
{{- end }}
{{- end }}
{{- range $name, $ref := dict "tokens.signingKeys" $v.tokens.signingKeys "encryption.keyset" $v.encryption.keyset "analysts.bundles.signingKey" $v.analysts.bundles.signingKey }}
{{- if not $ref.existingSecret }}
{{- fail (printf "%s.existingSecret is required: production refuses generated keys" $name) }}
{{- end }}
{{- end }}
{{- $p := $v.ageCheck.provider }}
{{- if or (not $p.name) (not $p.issuer) (not $p.startUrl) }}
{{- fail "ageCheck.provider.name, issuer and startUrl are required: the real age provider's settings" }}
{{- end }}
{{- if eq (empty $p.jwksUrl) (empty $p.jwks.existingSecret) }}
{{- fail "set exactly one of ageCheck.provider.jwksUrl and ageCheck.provider.jwks.existingSecret" }}
{{- end }}
{{- $ids := dict }}
{{- range $v.clients }}
{{- $env := include "report-remove.envName" .id }}
{{- if hasKey $ids $env }}
{{- fail (printf "clients: the id %s is used twice" .id) }}
{{- end }}
{{- $_ := set $ids $env true }}
{{- end }}
{{- $ids = dict }}
{{- range $v.webhooks }}
{{- $env := include "report-remove.envName" .id }}
{{- if hasKey $ids $env }}
{{- fail (printf "webhooks: the id %s is used twice" .id) }}
{{- end }}
{{- $_ := set $ids $env true }}
{{- end }}
{{- if and $v.ingress.enabled (or (not $v.ingress.host) (not $v.ingress.tls.secretName)) }}
{{- fail "ingress.host and ingress.tls.secretName are required when the Ingress is enabled" }}
{{- end }}
{{- end }}

{{/* The ids of a list of clients or webhooks, comma separated. */}}
{{- define "report-remove.ids" -}}
{{- $ids := list }}
{{- range . }}{{ $ids = append $ids .id }}{{ end }}
{{- join "," $ids }}
{{- end }}

{{/*
A read-only volume holding one entry of an existing Secret as a file.
Arguments: volume name, Secret name, the Secret's key, the file name in the mount.
*/}}
{{- define "report-remove.secretVolume" -}}
- name: {{ index . 0 }}
  secret:
    secretName: {{ index . 1 }}
    defaultMode: 0440
    items:
      - key: {{ index . 2 }}
        path: {{ index . 3 }}
{{- end }}
