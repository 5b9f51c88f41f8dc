#!/usr/bin/env bash
# Walks one file from the union's desk to a main operation permit over HTTP with curl,
# against a running system (`npm start` or `npm run stack`). Prints each office's view.
set -euo pipefail
U=${UNION_URL:-http://127.0.0.1:3001}; S=${SECRETARIAT_URL:-http://127.0.0.1:3002}; I=${ISSUANCE_URL:-http://127.0.0.1:3003}
# Tokens signed with the development key the services made on their first start (see npm run token), one per actor.
token() { # person role [national id]
  npm run -s token -- --person "$1" --role "$2" ${3:+--national-id "$3"} 2>/dev/null || { echo "npm run token failed for $1 as $2" >&2; return 1; }
}
CLERK=$(token clerk-1 union-clerk)
UNION_HEAD=$(token head-1 union-head)
OWNER=$(token owner-1 owner 0013542419)
OFFICER=$(token officer-1 secretariat-officer)
INSPECTOR=$(token insp-1 inspector)
REGISTRAR=$(token registrar-1 registrar)
post() { # url token [json]
  curl -s --fail-with-body -H 'content-type: application/json' -H "authorization: Bearer $2" -X POST "$1" -d "${3:-{\}}"
}
get() { # url token
  curl -s --fail-with-body -H "authorization: Bearer $2" "$1"
}
field() { node -pe "JSON.parse(require('fs').readFileSync(0, 'utf8'))$1"; }
RUN=$(date +%s | tail -c 7)
serial() { printf 'KR%s%02d' "$RUN" "$1"; }  # 2–4 letters, then 6–10 digits

echo '1. the owner opens a file at the union (Persian digits and Arabic ي are fine)'
FILE=$(post "$U/files" "$CLERK" '{
  "owner": {"kind": "person", "nationalId": "۰۰۱۳۵۴۲۴۱۹", "firstName": "زهرا", "lastName": "احمدي", "mobile": "۰۹۱۵۱۲۳۴۵۶۷"},
  "premises": {"kind": "shared-building", "address": "مشهد، بلوار وکیل‌آباد، کوچه ۱۲", "postalCode": "9177948974", "residential": true, "residentialUnits": 12},
  "system": {"cameras": [{"location": "لابی", "fieldOfView": "در ورودی"}], "recorder": {"model": "NVR-8", "retentionDays": 30}},
  "installer": {"name": "فنی الکترونیک توس", "guildLicenceNumber": "12345"}}')
ID=$(echo "$FILE" | field .fileId); echo "   file $(echo "$FILE" | field .fileNumber) ($ID)"

echo '2. documents handed in and accepted; 3. the union approves'
for kind in $(echo "$FILE" | field ".documents.map(d => d.kind).join(' ')"); do
  post "$U/files/$ID/documents/$kind" "$OWNER" "{\"reference\": \"scan/$kind.pdf\"}" > /dev/null
  post "$U/files/$ID/documents/$kind/accept" "$CLERK" > /dev/null
done
post "$U/files/$ID/approve" "$UNION_HEAD" | field .status

echo '4. the secretariat signs it with a hologram (once the approval reaches its queue)'
for _ in $(seq 50); do get "$S/signing-queue" "$OFFICER" | grep -q "$ID" && break; sleep 0.2; done
post "$S/files/$ID/installation-permit/sign" "$OFFICER" "{\"hologramSerial\": \"$(serial 1)\"}" | field .status

echo '5. the owner asks for the operation permit; 6. an inspection is scheduled'
post "$S/files/$ID/operation-requests" "$OWNER" '{"letterNumber": "۱۴۰۵/۱۲", "siteAddress": "مشهد، بلوار وکیل‌آباد، کوچه ۱۲", "contactMobile": "09151234567"}' | field .status
TOMORROW=$(node -pe 'new Date(Date.now() + 864e5).toISOString()')
checklist() { # items failing with a note, as item=note
  node -e '
    const failing = Object.fromEntries(process.argv.slice(1).map((a) => a.split("=")));
    const items = ["cameras-visible", "no-view-into-private-spaces", "cctv-sign-posted", "recording-retention", "recorder-secured", "power-backup", "equipment-matches-plan", "residents-consent"];
    console.log(JSON.stringify({ findings: items.map((item) => failing[item] ? { item, passed: false, note: failing[item] } : { item, passed: true }) }));' "$@"
}
inspect() { # findings json
  local inspection; inspection=$(post "$S/files/$ID/inspections" "$OFFICER" "{\"scheduledFor\": \"$TOMORROW\", \"inspectorIds\": [\"insp-1\"]}" | field .inspectionId)
  post "$S/files/$ID/inspections/$inspection/findings" "$INSPECTOR" "$1" | field .status
}

echo '7. the inspector finds two deficiencies; 8. a temporary permit for six months'
inspect "$(checklist 'cctv-sign-posted=تابلو نصب نشده' 'power-backup=برق اضطراری ندارد')"
post "$S/files/$ID/operation-permit" "$OFFICER" "{\"hologramSerial\": \"$(serial 2)\"}" \
  | node -pe 'const r = JSON.parse(require("fs").readFileSync(0, "utf8")); `${r.kind}, valid through ${r.validThroughJalali}, deficiencies: ${r.deficiencies.map((d) => d.item).join(", ")}`'

echo '9. remedied, re-inspected, the main permit supersedes the temporary one'
post "$S/files/$ID/remediation" "$OWNER" '{"note": "تابلو و برق اضطراری نصب شد"}' | field .status
inspect "$(checklist)"
post "$S/files/$ID/operation-permit" "$OFFICER" "{\"hologramSerial\": \"$(serial 3)\"}" | field .kind

echo '10. the register, and the public verification of the main permit'
for _ in $(seq 50); do get "$I/permits?fileId=$ID&kind=main" "$REGISTRAR" | grep -q permitNumber && break; sleep 0.2; done
get "$I/permits?fileId=$ID" "$REGISTRAR" | node -e 'for (const p of JSON.parse(require("fs").readFileSync(0, "utf8")).permits) console.log(`   ${p.permitNumber}  ${p.kind.padEnd(12)} ${p.status.padEnd(10)} ${p.issuedOnJalali} → ${p.validThroughJalali}`)'
NUMBER=$(get "$I/permits?fileId=$ID&kind=main" "$REGISTRAR" | field '.permits[0].permitNumber')
echo "   by its number alone (the hologram's serial is not shown):"
curl -sf "$I/verify?permitNumber=$NUMBER" | field .messageFa | sed 's/^/   /'
echo "   with the serial on its hologram, $(serial 3):"
curl -sf "$I/verify?permitNumber=$NUMBER&hologramSerial=$(serial 3)" | field .messageFa | sed 's/^/   /'
echo "   the union's timeline: $U/files/$ID (with a token: npm run -s token -- --role union-clerk --person clerk-1)"
