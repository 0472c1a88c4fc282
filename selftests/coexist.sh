#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# xsctp and sctp.ko cannot both own IP protocol 132: with sctp.ko loaded,
# loading xsctp fails with EEXIST, says why, and leaves nothing behind.
# Runs in a guest where sctp.ko is available (tools/vm/run --with-sctp).
. "$(dirname "$0")/lib.sh"

t_eexist_when_sctp_loaded() {
	local err
	modprobe sctp
	expect_fail mod_loaded
	err=$(insmod "$XSCTP_KO" 2>&1) && fail "insmod succeeded"
	log "insmod said: $err"
	echo "$err" | grep -q 'File exists'
	dmesg | grep -q 'xsctp: IP protocol 132 is already registered'
	expect_fail mod_loaded
	# nothing of ours is left registered
	expect_fail grep -q ' xsctp ' /proc/net/protocols
	grep -q '^SCTP .* sctp ' /proc/net/protocols
}

t_load_after_sctp_unloaded() {
	rmmod sctp_diag 2>/dev/null || true
	rmmod sctp
	mod_load
	grep -q '^SCTP .* xsctp ' /proc/net/protocols
	mod_unload
}

ktap_case eexist_when_sctp_loaded t_eexist_when_sctp_loaded
ktap_case load_after_sctp_unloaded t_load_after_sctp_unloaded
ktap_finish
