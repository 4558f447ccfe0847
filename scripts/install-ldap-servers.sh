#!/usr/bin/env bash
# Installs slapd, ldap-utils and Samba (AD DC) from Debian's packages when missing; with
# --slapd-only (the demo) just slapd and ldap-utils.
# Debian's slapd would configure and start a system daemon on :389 (which blocks Samba's
# LDAP port), so it is preseeded to stay unconfigured; tests run their own slapd.
set -euo pipefail
with_samba=true
[[ "${1:-}" == "--slapd-only" ]] && with_samba=false
need=()
command -v slapd >/dev/null 2>&1 || [[ -x /usr/sbin/slapd ]] || need+=(slapd)
command -v ldapsearch >/dev/null 2>&1 || need+=(ldap-utils)
if $with_samba; then
  command -v samba-tool >/dev/null 2>&1 || need+=(samba)
  [[ -x /usr/sbin/samba ]] || need+=(samba)
  # samba-tool domain provision needs the AD schema files, which Debian ships separately.
  [[ -d /usr/share/samba/setup/ad-schema ]] || need+=(samba-ad-provision)
fi
if [[ ${#need[@]} -eq 0 ]]; then exit 0; fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-ldap-servers: missing ${need[*]}; run as root or install them with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
apt-get update -qq
packages=(slapd ldap-utils)
$with_samba && packages+=(samba samba-ad-provision samba-dsdb-modules samba-vfs-modules winbind krb5-user)
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
# Stop any daemon the packages started: tests run private servers on free ports.
pkill -x slapd 2>/dev/null || true
pkill -x samba 2>/dev/null || true
pkill -x smbd 2>/dev/null || true
pkill -x nmbd 2>/dev/null || true
