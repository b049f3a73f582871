#!/usr/bin/env bash
# Imports NewsIntel's Kibana saved objects (data views, saved searches, visualizations, dashboard). Idempotent:
# objects have fixed ids and are overwritten, so running it again after an upgrade updates them.
set -euo pipefail
KIBANA_URL="${KIBANA_URL:-http://localhost:5601}"
FILE="${1:-$(dirname "$0")/saved-objects.ndjson}"

for attempt in $(seq 1 60); do
  if curl -fs "$KIBANA_URL/api/status" | grep -q '"level":"available"'; then break; fi
  echo "Waiting for Kibana at $KIBANA_URL ($attempt)..."
  sleep 5
done

response="$(curl -fsS -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" \
  -H 'kbn-xsrf: newsintel' --form "file=@$FILE")"
echo "$response"
if ! echo "$response" | grep -q '"success":true'; then
  echo "Kibana refused some saved objects (see above)" >&2
  exit 1
fi
echo "NewsIntel saved objects imported: open $KIBANA_URL/app/dashboards"
