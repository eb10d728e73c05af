#!/usr/bin/env bash
# The demo's users, one per role, all with the password "toteuma-demo" (README, docs/USERS.md).
# Usage: scripts/demo-users.sh TOTEUMA_BIN DB
set -euo pipefail
bin=$1
db=$2
add() {  # add ID "Display name" ROLE...
  local id=$1 name=$2
  shift 2
  local roles=()
  for r in "$@"; do roles+=(--role "$r"); done
  echo "toteuma-demo" | "$bin" user add "$id" --db "$db" --name "$name" "${roles[@]}" --password-stdin
}
add paakayttaja "Pia Pääkäyttäjä" admin
add talous "Tero Talous" finance
add kanslia "Kaisa Kanslia" editor:kanslia
add ict "Ilkka ICT" editor:ict
add kaantaja "Stina Översättare" translator:sv
add hyvaksyja "Hannu Hyväksyjä" approver
add lukija "Liisa Lukija" viewer
add valtuutettu "Veera Valtuutettu" council-group:kuntalaiset
