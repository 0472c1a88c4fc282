#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Module lifetime: load, per-netns state, refusal to unload while a socket
# is open, clean unload.
. "$(dirname "$0")/lib.sh"
BIN=$(dirname "$0")

t_load() {
	mod_load
	mod_loaded
	grep -q '^SCTP .* xsctp ' /proc/net/protocols
	grep -q '^SCTPv6 .* xsctp ' /proc/net/protocols
	[ -r /proc/net/sctp/snmp ]
}

t_netns_state() {
	ns_create a
	n a grep -q '^SctpInSCTPPacks' /proc/net/sctp/snmp
	ns_cleanup
	# the namespace is gone: its state went with it, ours is intact
	grep -q '^SctpInSCTPPacks' /proc/net/sctp/snmp
}

# hold_socket FAMILY TYPE: starts sockhold, waits for its "ready".
hold_socket() {
	local out=/tmp/sockhold.$$
	: >"$out"
	"$BIN/sockhold" "$1" "$2" >"$out" &
	HOLD_PID=$!
	wait_until 10 grep -q ready "$out"
}

t_unload_refused_while_open() {
	local fam type
	for fam in 4 6; do
		for type in stream seqpacket; do
			hold_socket $fam $type
			expect_fail rmmod xsctp 2>/dev/null
			mod_loaded
			kill "$HOLD_PID"
			wait "$HOLD_PID" 2>/dev/null || true
		done
	done
}

t_unload_clean() {
	mod_unload
	expect_fail mod_loaded
	[ ! -e /proc/net/sctp ]
	expect_fail grep -q '^SCTP' /proc/net/protocols
	# proto_unregister() destroyed the socket caches
	expect_fail grep -qE '^SCTP(v6)? ' /proc/slabinfo
}

t_reload() {
	mod_load
	hold_socket 6 stream
	kill "$HOLD_PID"
	wait "$HOLD_PID" 2>/dev/null || true
	mod_unload
	mod_load
	mod_loaded
}

ktap_case load t_load
ktap_case netns_state t_netns_state
ktap_case unload_refused_while_open t_unload_refused_while_open
ktap_case unload_clean t_unload_clean
ktap_case reload t_reload
ktap_finish
