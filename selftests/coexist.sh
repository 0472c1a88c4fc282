#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# xsctp and sctp.ko cannot both own IP protocol 132: with sctp.ko loaded,
# loading xsctp fails with EEXIST, says why, and leaves nothing behind.
# Runs in a guest where sctp.ko is available (tools/vm/run --with-sctp).
# sctp.ko cannot be unloaded once loaded (its per-netns control sockets
# pin it), so "xsctp loads once sctp.ko is gone" is the main suite's job.
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

ktap_case eexist_when_sctp_loaded t_eexist_when_sctp_loaded
ktap_finish
