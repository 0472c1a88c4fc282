#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Data integrity between two namespaces joined by veth: sctp_io checks every
# byte, stream, PPID and the per-stream order of what arrives, on clean
# links and under netem loss, reordering, duplication and corruption.
# Runs against xsctp, or against Linux's sctp.ko (loaded by the caller)
# with XSCTP_REFERENCE=1.  TSN wrap cannot be driven from userspace.
. "$(dirname "$0")/lib.sh"

IO=$(cd "$(dirname "$0")" && pwd)/sctp_io
PORT=5001
A4=10.0.1.1
B4=10.0.1.2
A6=fd00::1
B6=fd00::2
MAC_A=02:00:00:00:01:01
MAC_B=02:00:00:00:01:02
OUT=${TMPDIR:-/tmp}/data.$$

# ktap_finish runs each case in a subshell used as an `if` condition, so
# errexit is off (every step that can fail is checked here) and the
# namespaces the case records are not seen by the parent's cleanup: the
# case's own subshell removes them when it exits.
#
# Neighbours are static: netem would drop ARP and ND too, and a failed
# resolution turns into EHOSTUNREACH on the socket (seen at 25% loss).
topo() {
	trap 'ns_cleanup; rm -f "$OUT".*' EXIT
	ns_create a && ns_create b &&
		ns_link a va b vb &&
		n a ip link set va address $MAC_A &&
		n b ip link set vb address $MAC_B &&
		ns_addr a va $A4/24 && ns_addr b vb $B4/24 &&
		ns_addr a va $A6/64 && ns_addr b vb $B6/64 &&
		neigh a va $B4 $MAC_B && neigh a va $B6 $MAC_B &&
		neigh b vb $A4 $MAC_A && neigh b vb $A6 $MAC_A
}

neigh() {
	n "$1" ip neigh replace "$3" lladdr "$4" dev "$2" nud permanent
}

# netem ARGS...: the same impairment in both directions.
netem() {
	ns_netem a va "$@" && ns_netem b vb "$@"
}


# run_pair SEC -4|-6 ARGS...: an sctp_io server in a and a client in b, both
# given ARGS and bounded by SEC seconds; their output is left in
# $OUT.server and $OUT.client.  Fails if either fails.
run_pair() {
	local sec=$1 fam=$2 addr=$A4 spid rc=0
	shift 2
	[ "$fam" = -6 ] && addr=$A6
	PORT=$((PORT + 1))
	rm -f "$OUT.server" "$OUT.client"
	timeout $((sec + 10)) ip netns exec "$NS_PREFIX-a" "$IO" server "$fam" \
		-l "$addr" -p $PORT --timeout "$sec" "$@" >"$OUT.server" 2>&1 &
	spid=$!
	if ! wait_until 10 grep -qE 'listening|FAIL' "$OUT.server" ||
		! grep -q listening "$OUT.server"; then
		kill "$spid" 2>/dev/null
		return 1
	fi
	timeout $((sec + 10)) ip netns exec "$NS_PREFIX-b" "$IO" client "$fam" \
		-c "$addr" -p $PORT --timeout "$sec" "$@" >"$OUT.client" 2>&1 ||
		rc=1
	[ $rc = 0 ] || stop_later "$spid"
	wait "$spid" || rc=1
	return $rc
}

# stop_later PID: a few seconds to report its own view of a failure, then
# SIGTERM.
stop_later() {
	local i
	for ((i = 0; i < 50; i++)); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.1
	done
	kill "$1" 2>/dev/null
}

# netem_stats: what netem did, as evidence the impairment happened.
netem_stats() {
	log "a/va: $(n a tc -s qdisc show dev va | grep -o 'Sent.*')"
	log "b/vb: $(n b tc -s qdisc show dev vb | grep -o 'Sent.*')"
}

# xfer SEC -4|-6 ARGS...: run_pair; both sides must report OK.
xfer() {
	local rc=0 t0=$EPOCHREALTIME
	run_pair "$@" || rc=1
	show "$OUT.server" "$OUT.client"
	log "took $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $t0 }") s"
	grep -q '^sctp_io: OK' "$OUT.server" || rc=1
	grep -q '^sctp_io: OK' "$OUT.client" || rc=1
	return $rc
}

# caught KIND WANT ARGS...: the client spoils one message (--fault KIND);
# the server must fail, naming the problem (WANT, an ERE).
caught() {
	local kind=$1 want=$2
	shift 2
	if run_pair 30 -4 -n 40 --max 600 --streams 10 --nodelay \
		--fault "$kind" "$@"; then
		show "$OUT.server" "$OUT.client"
		fail "--fault $kind went unnoticed"
		return 1
	fi
	if ! grep -Eq "^sctp_io: FAIL .*$want" "$OUT.server"; then
		show "$OUT.server" "$OUT.client"
		fail "--fault $kind: server did not report /$want/"
		return 1
	fi
	log "$kind: $(grep '^sctp_io: FAIL' "$OUT.server")"
}

# The checker itself: each kind of damage is reported, and a run that
# cannot finish ends at --timeout.
t_checker_catches_faults() {
	local t0
	topo || return 1
	caught byte 'payload differs' &&
		caught hash 'hash mismatch' &&
		caught ppid 'ppid' &&
		caught stream 'received on stream' &&
		caught flag 'rcv_flags' &&
		caught trunc 'bytes received' &&
		caught dup 'ssn|again' --unordered 0 &&
		caught dup 'twice' --unordered 100 &&
		caught skip 'ssn|before' --unordered 0 &&
		caught skip 'missing' --unordered 100 || return 1
	t0=$SECONDS
	if n a "$IO" server -p 6000 --timeout 1 >"$OUT.server" 2>&1; then
		fail "server without a client did not time out"
		return 1
	fi
	grep -q '^sctp_io: FAIL timeout' "$OUT.server" && [ $((SECONDS - t0)) -le 3 ]
}

# impaired "NETEM ARGS" XFER ARGS...: xfer with netem on both veths.
impaired() {
	local impairment=$1 rc=0
	shift
	topo || return 1
	# shellcheck disable=SC2086 # the netem arguments are split on purpose
	netem $impairment || return 1
	xfer "$@" || rc=1
	netem_stats
	return $rc
}

t_ipv4_stream_small() {
	topo || return 1
	xfer 60 -4 --style stream -n 1000 --min 1 --max 1000 --streams 10
}

t_ipv6_seqpacket_mixed() {
	topo || return 1
	xfer 120 -6 --style seqpacket -n 1000 --min 1 --max 65536 --streams 64 \
		--unordered 30
}

# big_buffers CMD...: CMD with socket buffers of up to 4 MiB allowed (the
# sysctl caps are global, so raised here and put back).
big_buffers() {
	local w r rc=0
	w=$(cat /proc/sys/net/core/wmem_max)
	r=$(cat /proc/sys/net/core/rmem_max)
	echo 4194304 >/proc/sys/net/core/wmem_max
	echo 4194304 >/proc/sys/net/core/rmem_max
	"$@" || rc=1
	echo "$w" >/proc/sys/net/core/wmem_max
	echo "$r" >/proc/sys/net/core/rmem_max
	return $rc
}

# Up to 256 KiB per message: many fragments each.
t_fragmented_256k() {
	topo || return 1
	big_buffers xfer 120 -4 --style stream -n 300 --min 1 --max 262144 \
		--streams 4 --unordered 20 --sndbuf 2097152 --rcvbuf 2097152
}

# Messages of 6 to 45 fragments, reordered and duplicated, reassembled
# whole as a rule (2 MiB buffers): where a message starts (inq.c find_b())
# is found again around every hole.
t_reorder_fragments() {
	big_buffers impaired "delay 5ms reorder 25% 50% duplicate 2%" 120 -4 \
		--style seqpacket -n 300 --min 8000 --max 65536 --streams 4 \
		--unordered 25 --sndbuf 2097152 --rcvbuf 2097152
}

t_echo() {
	topo || return 1
	xfer 90 -4 --style stream --echo -n 1000 --min 1 --max 8192 \
		--streams 16 --unordered 20 --nodelay
}

t_loss_1pct() {
	impaired "loss 1%" 120 -4 --style stream -n 2000 --min 1 --max 4000 \
		--streams 10 --unordered 10 --nodelay
}

t_loss_5pct() {
	impaired "loss 5%" 150 -6 --style seqpacket -n 800 --min 1 --max 4000 \
		--streams 10 --unordered 10 --nodelay
}

# A loss in each direction costs a timeout now and then: with Linux's
# RTO.Max of 60 s and Max.Retrans of 10 the run time has a long tail (100 s
# seen with 40 messages) and a rare abort, so both are set through the
# socket API (SCTP_RTOINFO, SCTP_ASSOCINFO, SCTP_INITMSG).
t_loss_25pct() {
	impaired "loss 25%" 180 -4 --style stream -n 100 --min 1 --max 1000 \
		--streams 4 --unordered 25 --nodelay --rto 1000:200:2000 \
		--max-retrans 40
}

# 1024 streams: xsctp's inbound table is in leaves (stream.h), and the
# ordered messages that wait behind a reordered one are counted per
# stream in them (inq.c wait_ordered()).
t_reorder_1024_streams() {
	impaired "delay 5ms reorder 25% 50%" 120 -4 --style seqpacket -n 4000 \
		--min 1 --max 2000 --streams 1024 --unordered 10 --nodelay
}

t_reorder() {
	impaired "delay 10ms reorder 25% 50%" 120 -6 --style stream -n 2000 \
		--min 1 --max 6000 --streams 10 --unordered 20 --nodelay
}

t_duplicate() {
	impaired "duplicate 5%" 120 -4 --style seqpacket -n 3000 --min 1 \
		--max 4000 --streams 10 --unordered 20 --nodelay
}

# Corrupted packets must die on the CRC32c check, never reach the reader.
t_corrupt() {
	impaired "corrupt 0.1%" 120 -4 --style stream -n 4000 --min 1 \
		--max 8000 --streams 10 --unordered 10 --nodelay || return 1
	log "a: $(n a grep ChecksumErrors /proc/net/sctp/snmp)"
	log "b: $(n b grep ChecksumErrors /proc/net/sctp/snmp)"
}

# One one-to-many server socket serving eight client associations, each
# message echoed back to the association it came from.  Messages fit in
# one packet: with fragments, sctp.ko can deadlock here when the server
# lags (partial delivery of one association parks the others' data in the
# pd_lobby, which fills the shared receive buffer, so the next fragment of
# the first is dropped forever; seen with --max 2000 --echo, 2 runs in 3).
t_many_conns() {
	topo || return 1
	xfer 120 -4 --style seqpacket --conns 8 -n 300 --min 1 --max 1200 \
		--streams 10 --unordered 20 --nodelay --echo
}

# One one-to-many socket whose buffer 16 busy associations share, 5 ms
# away: each is promised its share of the free space (inq.c), so together
# they never send more than fits, and no DATA is dropped to come back by
# retransmission.  (sctp.ko promises each all of it, and drops.)
t_shared_rcvbuf() {
	local drops
	topo && netem delay 5ms || return 1
	xfer 120 -4 --style seqpacket --conns 16 -n 400 --min 1000 --max 1000 \
		--streams 4 --rcvbuf 32768 || return 1
	drops=$(n a awk '$1 == "SctpInDataChunkDiscards" { print $2 }' \
		/proc/net/sctp/snmp)
	log "server: ${drops:-?} DATA chunks dropped"
	[ -n "$XSCTP_REFERENCE" ] && return 0
	[ "$drops" = 0 ] || fail "DATA dropped for want of room: ${drops:-?}"
}

# topo_routed: the server side a sits behind a router r on a 1280-byte
# link; the client side b has 1500.  The client's full-size packets die
# at r, which answers with ICMP "fragmentation needed" / ICMPv6 "packet
# too big".
topo_routed() {
	local mtu=${1:-1280}

	trap 'ns_cleanup; rm -f "$OUT".*' EXIT
	ns_create a && ns_create r && ns_create b &&
		ns_link a va r ra && ns_link b vb r rb &&
		n a ip link set va mtu $mtu && n r ip link set ra mtu $mtu &&
		n r sysctl -qw net.ipv4.ip_forward=1 &&
		n r sysctl -qw net.ipv6.conf.all.forwarding=1 &&
		ns_addr a va $A4/24 && ns_addr r ra 10.0.1.254/24 &&
		ns_addr r rb 10.0.2.254/24 && ns_addr b vb 10.0.2.2/24 &&
		ns_addr a va $A6/64 && ns_addr r ra fd00::fe/64 &&
		ns_addr r rb fd02::fe/64 && ns_addr b vb fd02::2/64 &&
		n a ip route add default via 10.0.1.254 &&
		n b ip route add default via 10.0.2.254 &&
		n a ip -6 route add default via fd00::fe &&
		n b ip -6 route add default via fd02::fe
}

# pmtu FAMILY: messages cut for 1500 bytes must still arrive whole, so the
# sender has to learn the 1280 of the path from the router's ICMP (RFC 9260
# s7.3); xsctp counts each update.
pmtu() {
	local rc=0 before after fails
	topo_routed || return 1
	before=$(n b awk '/XsctpIcmpPmtuUpdates/ { print $2 }' /proc/net/sctp/snmp)
	xfer 60 "$1" --style stream -n 300 --min 1 --max 9000 --streams 4 		--nodelay || rc=1
	log "r: $(n r ip -s link show rb | grep -A1 TX: | tail -1)"
	[ -n "$XSCTP_REFERENCE" ] && return $rc
	after=$(n b awk '/XsctpIcmpPmtuUpdates/ { print $2 }' /proc/net/sctp/snmp)
	log "b: XsctpIcmpPmtuUpdates $before -> $after"
	[ "$after" -gt "$before" ] || fail "no PMTU update counted" || rc=1
	# chunks cut for 1500 go alone, IP fragmenting them; never in a GSO
	# skb, whose DF packets IP would drop (FragFails) instead
	fails=$(frag_fails "$1")
	log "b: IP FragFails $fails"
	[ "$fails" = 0 ] || fail "packets over the path MTU were dropped" ||
		rc=1
	return $rc
}

# frag_fails -4|-6: b's IP FragFails (packets too big to send, DF set).
frag_fails() {
	if [ "$1" = -6 ]; then
		n b awk '$1 == "Ip6FragFails" { print $2 }' /proc/net/snmp6
		return
	fi
	n b awk '/^Ip: / { if (!h) { for (i = 2; i <= NF; i++) c[$i] = i
				     h = 1 } else print $c["FragFails"] }' \
		/proc/net/snmp
}

t_pmtu_icmp_v4() { pmtu -4; }
t_pmtu_icmp_v6() { pmtu -6; }

# ---- segmentation offload (GSO) ----
# Over veth the packets of a burst leave as one GSO skb; the receiver must
# take each packet of it, and a device that cannot pass it on must get the
# packets, CRC32c done, from xsctp's own offload.

# avg_frame NS DEV tx|rx: the average frame size counted on DEV (a GSO skb
# counts as one frame).
avg_frame() {
	n "$1" awk -v d="$2" -v w="$3" '
		$1 == d ":" { b = w == "rx" ? $2 : $10; p = w == "rx" ? $3 : $11
			      print p ? int(b / p) : 0 }' /proc/net/dev
}

gso_xfer() {
	xfer 90 -4 --style stream -n 200 --min 20000 --max 60000 --streams 4 \
		--sndbuf 1048576 --rcvbuf 1048576
}

need_ethtool() {
	command -v ethtool >/dev/null || fail "ethtool is missing in the guest"
}

# The client in b sends: vb's frames are larger than the MTU on average.
t_gso_batches() {
	local avg
	topo && gso_xfer || return 1
	avg=$(avg_frame b vb tx)
	log "b/vb: $avg bytes per frame sent"
	[ -n "$XSCTP_REFERENCE" ] && return 0
	[ "$avg" -gt 1514 ] || fail "no GSO skb left b"
}

# Without segmentation offload on vb, every frame fits the MTU.
t_gso_off() {
	local avg
	need_ethtool && topo && n b ethtool -K vb tx-sctp-segmentation off &&
		gso_xfer || return 1
	avg=$(avg_frame b vb tx)
	log "b/vb: $avg bytes per frame sent"
	[ "$avg" -le 1514 ] || fail "frames above the MTU without GSO"
}

# b -> r -> a: r forwards b's GSO skbs out of ra, which can do neither
# segmentation nor the CRC32c, so xsctp's offload cuts them and computes
# each packet's CRC; a (rx checksum off) checks every one.
t_gso_software() {
	local in out
	need_ethtool && topo_routed 1500 &&
		n r ethtool -K ra tx-sctp-segmentation off \
			tx-checksum-sctp off &&
		n a ethtool -K va rx off || return 1
	A4=10.0.1.1 gso_xfer || return 1
	in=$(avg_frame r rb rx)
	out=$(avg_frame r ra tx)
	log "r: $in bytes per frame in on rb, $out out on ra"
	log "a: $(n a grep ChecksumErrors /proc/net/sctp/snmp)"
	[ -n "$XSCTP_REFERENCE" ] && return 0
	[ "$in" -gt 1514 ] || fail "no GSO skb reached r" || return 1
	[ "$out" -le 1514 ] || fail "r sent frames above the MTU"
}

# DATA_CASES="a b": run only those cases (for development).
data_case() {
	[ -z "$DATA_CASES" ] || [[ " $DATA_CASES " == *" $1 "* ]] || return 0
	ktap_case "$1" "t_$1"
}

mod_load
data_case checker_catches_faults
data_case ipv4_stream_small
data_case ipv6_seqpacket_mixed
data_case fragmented_256k
data_case echo
data_case loss_1pct
data_case loss_5pct
data_case loss_25pct
data_case reorder
data_case reorder_1024_streams
data_case duplicate
data_case reorder_fragments
data_case corrupt
data_case many_conns
data_case shared_rcvbuf
data_case pmtu_icmp_v4
data_case pmtu_icmp_v6
data_case gso_batches
data_case gso_off
data_case gso_software
ktap_finish
