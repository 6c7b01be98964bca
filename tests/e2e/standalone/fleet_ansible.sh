#!/bin/sh
# The roll-out playbook (deploy/ansible/site.yml) against this machine:
# connection local, every path of the kiosk under a temporary root, the
# staff PIN from an Ansible Vault file. Checks that good content is swapped
# in through the `current` symlink, that new content makes a new release
# and a new link, that content which fails `openday --check` is refused with
# the old content left on show, and that openday.conf says what the
# inventory says. Then ansible-lint, when it is installed.
# Run by `make test-ansible` (which installs Ansible); not part of make test.
# Usage: sh tests/e2e/standalone/fleet_ansible.sh BUILD_DIR
B=${1:-build}
APP=$(cd "$(dirname "$B/openday")" && pwd)/openday
TOP=$(pwd)
root=$(mktemp -d "${TMPDIR:-/tmp}/openday-fleet-XXXXXX")
kiosk=""
trap '[ -n "$kiosk" ] && kill $kiosk 2>/dev/null; rm -rf "$root"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; }

command -v ansible-playbook >/dev/null || { echo "ansible-playbook is not installed"; exit 1; }

# The inventory: this machine, no SSH.
cat >"$root/inventory.yml" <<EOI
kiosks:
  hosts:
    localhost:
      ansible_connection: local
      ansible_python_interpreter: /usr/bin/python3
      openday_stand: Test stand
      openday_display_on: "08:30, sun none"
      openday_display_off: "18:00"
      openday_rotate: 90
EOI
# The PIN in a Vault file, as on a real site.
printf 'not-a-real-secret\n' >"$root/vault-pass"
printf 'vault_openday_admin_pin: "4817"\n' >"$root/vault.yml"
ansible-vault encrypt --vault-password-file "$root/vault-pass" "$root/vault.yml" >/dev/null 2>&1 &&
    grep -q '^\$ANSIBLE_VAULT' "$root/vault.yml" && ok "the PIN is kept in an encrypted Vault file" ||
    bad "ansible-vault encrypt"

# run NAME CONTENT_DIR: one play, its output in $root/NAME.log; returns its status.
run() {
    ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_LOCAL_TEMP="$root/.ansible-tmp" \
    ANSIBLE_REMOTE_TEMP="$root/.ansible-tmp" \
    ansible-playbook -i "$root/inventory.yml" "$TOP/deploy/ansible/site.yml" \
        --vault-password-file "$root/vault-pass" -e "@$root/vault.yml" \
        -e "{\"openday_root\": \"$root/kiosk\", \"openday_bin\": \"$APP\",
             \"openday_manage_service\": false, \"openday_become\": false,
             \"openday_conf_group\": \"$(id -gn)\",
             \"openday_state_dir\": \"$root/kiosk/var/lib/openday\",
             \"openday_content_src\": \"$2\"}" >"$root/$1.log" 2>&1
}
summary() { grep -E '^localhost +: ok=' "$root/$1.log" | sed 's/  */ /g'; }
cur() { readlink "$root/kiosk/srv/openday/current"; }

# 1. First roll-out: the shipped content goes on show.
if run first "$TOP/content"; then
    ok "first roll-out: $(summary first)"
else
    bad "first roll-out failed"; cat "$root/first.log"
fi
first=$(cur)
case $first in releases/?*) ok "current -> $first" ;; *) bad "no current link ($first)" ;; esac
"$APP" --check "$root/kiosk/srv/openday/current" >/dev/null 2>&1 &&
    ok "the content on show is valid" || bad "the content on show is not valid"
conf=$root/kiosk/etc/openday/openday.conf
grep -qx "admin-pin = 4817" "$conf" && grep -qx "display-on = 08:30, sun none" "$conf" &&
    grep -qx "rotate = 90" "$conf" && grep -qx "content = $root/kiosk/srv/openday/current" "$conf" &&
    ok "openday.conf from the inventory and the Vault" || { bad "openday.conf"; cat "$conf"; }
# The configuration the play wrote is one the kiosk accepts.
"$APP" --config "$conf" --check >/dev/null 2>&1 && ok "the kiosk reads that openday.conf" ||
    bad "the kiosk refuses that openday.conf"

# 2. The same content again: no new release, the same link.
run again "$TOP/content" && [ "$(cur)" = "$first" ] && ok "the same content again keeps $first" ||
    bad "the same content again moved the link to $(cur)"

# A kiosk showing the content through the link, as on a real stand.
SDL_VIDEODRIVER=dummy "$APP" --kiosk --content "$root/kiosk/srv/openday/current" \
    --state-dir "$root/kiosk/var/lib/openday" >/dev/null 2>"$root/kiosk.log" &
kiosk=$!
sleep 2

# 3. New content: a new release and the link swapped to it.
if run second "$TOP/tests/three" && [ "$(cur)" != "$first" ] && [ -d "$root/kiosk/srv/openday/$first" ]; then
    ok "new content swapped in: current -> $(cur); $(summary second)"
else
    bad "new content was not swapped in (current -> $(cur))"; cat "$root/second.log"
fi
second=$(cur)
i=0
while [ $i -lt 50 ] && ! grep -q "new content on screen" "$root/kiosk.log"; do sleep 0.1; i=$((i + 1)); done
grep -q "new content on screen" "$root/kiosk.log" &&
    ok "the running kiosk showed the swapped content: $(grep -m1 'new content on screen' "$root/kiosk.log")" ||
    { bad "the running kiosk did not notice the swap"; cat "$root/kiosk.log"; }

# 4. Broken content: refused, the old content stays on show.
cp -r "$TOP/content" "$root/broken"
printf '{ "degrees": [ ' >"$root/broken/degrees.json"
if run broken "$root/broken"; then
    bad "the play accepted broken content"
else
    grep -q "refused the new content" "$root/broken.log" && [ "$(cur)" = "$second" ] &&
        ok "broken content refused, current still -> $second; $(summary broken)" ||
        { bad "broken content"; cat "$root/broken.log"; }
fi
grep -q "degrees.json" "$root/broken.log" && ok "the refusal names the broken file" ||
    bad "the refusal does not name degrees.json"

kill $kiosk 2>/dev/null; wait $kiosk 2>/dev/null; kiosk=""
grep -q "not valid\|refused\|problem" "$root/kiosk.log" &&
    { bad "the kiosk saw the broken content"; cat "$root/kiosk.log"; } ||
    ok "the kiosk never saw the refused content"

# 5. ansible-lint, where it is installed.
if command -v ansible-lint >/dev/null; then
    (cd "$TOP/deploy/ansible" && ansible-lint site.yml) >"$root/lint.log" 2>&1 &&
        ok "ansible-lint" || { bad "ansible-lint"; cat "$root/lint.log"; }
else
    echo "ansible-lint is not installed: not run"
fi

echo "fleet_ansible: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
