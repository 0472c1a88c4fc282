#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Serial-number arithmetic (RFC 9260 s1.6): TSNs start just below 2^32
# (module parameter test_initial_tsn) and 70000 messages on one stream
# carry the TSN across the wrap and the 16-bit SSN past 65535, with every
# message, its order and its SSN checked by sctp_io.
. "$(dirname "$0")/lib.sh"
IO=$(dirname "$0")/sctp_io
PARAM=/sys/module/xsctp/parameters/test_initial_tsn

topo() {
	ns_create a
	ns_create b
	ns_link a va b vb
	ns_addr a va 10.0.9.1/24
	ns_addr b vb 10.0.9.2/24
}

t_tsn_and_ssn_wrap() {
	local out=/tmp/wrap.$$ spid
	topo
	echo $((0xFFFFFFFF - 1000)) >"$PARAM"
	n a "$IO" server -4 -l 10.0.9.1 -p 7000 -n 70000 --streams 1 \
		--min 1 --max 8 --unordered 0 --timeout 200 >"$out.s" 2>&1 &
	spid=$!
	wait_until 10 grep -q listening "$out.s"
	n b "$IO" client -4 -c 10.0.9.1 -p 7000 -n 70000 --streams 1 \
		--min 1 --max 8 --unordered 0 --timeout 200 >"$out.c" 2>&1 ||
		{ cat "$out.c" "$out.s"; echo 0 >"$PARAM"; return 1; }
	wait "$spid"
	echo 0 >"$PARAM"
	log "$(cat "$out.s")"
	grep -q '^sctp_io: OK msgs=70000' "$out.s"
}

mod_load
[ -w "$PARAM" ] || { echo "1..0 # SKIP no $PARAM"; exit 0; }
ktap_case tsn_and_ssn_wrap t_tsn_and_ssn_wrap
ktap_finish
