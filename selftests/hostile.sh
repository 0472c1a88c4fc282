#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Hostile packets: bad input never crashes, leaks or wedges anything.
# sctp_inject sends hand-built SCTP packets (correct CRC32c unless told
# otherwise) from namespace a to an xsctp listener in namespace b; every
# malformed packet must be dropped and counted with its reason in b's
# /proc/net/sctp/snmp, and afterwards a real sctp_io transfer must work.
# Kernel WARN/BUG/oops fail the run in tools/vm/run.
#
# HOSTILE_SEED=N fixes the mutate seed (default: random, always logged);
# HOSTILE_CASES="a b" runs only those cases.
. "$(dirname "$0")/lib.sh"

DIR=$(cd "$(dirname "$0")" && pwd)
IO=$DIR/sctp_io
INJ=$DIR/sctp_inject
A4=10.0.1.1
B4=10.0.1.2
MAC_A=02:00:00:00:01:01
MAC_B=02:00:00:00:01:02
PORT=7001
CLOSED_PORT=7999
OUT=${TMPDIR:-/tmp}/hostile.$$
SEED=${HOSTILE_SEED:-$(( (RANDOM << 15 | RANDOM) + 1 ))}
SPID=

topo() {
	trap 'stop_server; ns_cleanup; rm -f "$OUT".*' EXIT
	ns_create a && ns_create b &&
		ns_link a va b vb &&
		n a ip link set va address $MAC_A &&
		n b ip link set vb address $MAC_B &&
		ns_addr a va $A4/24 && ns_addr b vb $B4/24 &&
		n a ip neigh replace $B4 lladdr $MAC_B dev va nud permanent &&
		n b ip neigh replace $A4 lladdr $MAC_A dev vb nud permanent
}

# snmp NAME: one counter of b's /proc/net/sctp/snmp (0 if absent)
snmp() {
	n b awk -v k="$1" '$1 == k { v = $2 } END { print v + 0 }' \
		/proc/net/sctp/snmp
}

# snap FILE: b's whole snmp table
snap() { n b cat /proc/net/sctp/snmp >"$1"; }

# deltas BEFORE AFTER: the counters that moved, "Name +N" each
deltas() {
	awk 'NR == FNR { b[$1] = $2; next }
	     $2 != b[$1] { printf "%s +%d ", $1, $2 - b[$1] }' "$1" "$2"
}

inj() { n a "$INJ" -s $A4 -d $B4 "$@"; }

# server N: an sctp_io echo server for N messages in b, in the background
server() {
	PORT=$((PORT + 1))
	rm -f "$OUT.server"
	timeout 100 ip netns exec "$NS_PREFIX-b" "$IO" server -4 -l $B4 \
		-p $PORT -n "$1" --echo --nodelay --timeout 90 \
		>"$OUT.server" 2>&1 &
	SPID=$!
	wait_until 10 grep -qE 'listening|FAIL' "$OUT.server" &&
		grep -q listening "$OUT.server"
}

stop_server() {
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null
	SPID=
	return 0
}

# client N: the matching client in a; both ends must report OK
client() {
	local rc=0 t0=$EPOCHREALTIME
	timeout 60 ip netns exec "$NS_PREFIX-a" "$IO" client -4 -c $B4 \
		-p $PORT -n "$1" --echo --nodelay --timeout 45 \
		>"$OUT.client" 2>&1 || rc=1
	wait "$SPID" || rc=1
	SPID=
	sed 's/^/#   /' "$OUT.server" "$OUT.client"
	log "transfer took $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $t0 }") s"
	grep -q '^sctp_io: OK' "$OUT.server" || rc=1
	grep -q '^sctp_io: OK' "$OUT.client" || rc=1
	[ $rc = 0 ] || fail "transfer after the attack failed"
}

# slab: active objects of every cache named like sctp, after a shrink
slab_sctp() {
	echo 3 >/proc/sys/vm/drop_caches
	awk 'tolower($1) ~ /sctp/ { s += $2 } END { print s + 0 }' /proc/slabinfo
}

slab_kb() {
	echo 3 >/proc/sys/vm/drop_caches
	awk '$1 == "Slab:" { print $2 }' /proc/meminfo
}

# slab_check OBJS0 KB0: sctp caches may not grow by more than 16 objects,
# all slab by more than 16 MiB (20000 leaked skbs would be ~25 MiB)
slab_check() {
	local objs kb
	objs=$(slab_sctp)
	kb=$(slab_kb)
	log "slab: sctp caches $1 -> $objs objects, all slab $2 -> $kb KiB"
	[ $((objs - $1)) -le 16 ] || { fail "sctp slab grew by $((objs - $1))"; return 1; }
	[ $((kb - $2)) -le 16384 ] || { fail "slab grew by $((kb - $2)) KiB"; return 1; }
}

# accounted BEFORE AFTER: every packet b took in was either handled or
# dropped (InSCTPPacks = InPktSoftirq + InPktDiscards), and every discard
# has a reason (the XsctpDrop* counters add up to InPktDiscards).
accounted() {
	awk 'NR == FNR { b[$1] = $2; next } { d[$1] = $2 - b[$1] }
	     /^XsctpDrop/ { r += $2 - b[$1] }
	     END {
		printf "# in %d = handled %d + discarded %d; reasons %d\n",
			d["SctpInSCTPPacks"], d["SctpInPktSoftirq"],
			d["SctpInPktDiscards"], r
		exit !(d["SctpInSCTPPacks"] == d["SctpInPktSoftirq"] + \
		       d["SctpInPktDiscards"] && r == d["SctpInPktDiscards"])
	     }' "$1" "$2" || fail "packets not accounted for"
}

timed() {
	local t0=$EPOCHREALTIME rc=0
	"$@" >"$OUT.inj" 2>&1 || rc=$?
	sed 's/^/#   /' "$OUT.inj"
	log "$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $t0 }") s: ${*:1:3}"
	return $rc
}

# (1) Wrong CRC32c: each packet raises SctpChecksumErrors and
# XsctpDropBadChecksum exactly once.  Exact equality holds because b's
# namespace is private and nothing else sends to it during the case, and
# a packet built by us crosses veth as CHECKSUM_NONE, so the CRC is
# always really checked.  The bad packets go to a live listener: a valid
# INIT would be answered, these must not be (no packet out).
t_bad_crc() {
	local n=200 c0 d0 o0 c1 d1 o1
	topo
	server 1
	c0=$(snmp SctpChecksumErrors) d0=$(snmp XsctpDropBadChecksum)
	o0=$(snmp SctpOutSCTPPacks)
	timed inj -p $PORT --bad-crc flood $n
	c1=$(snmp SctpChecksumErrors) d1=$(snmp XsctpDropBadChecksum)
	o1=$(snmp SctpOutSCTPPacks)
	log "ChecksumErrors $c0 -> $c1, DropBadChecksum $d0 -> $d1, OutSCTPPacks $o0 -> $o1"
	[ $((c1 - c0)) = $n ] || { fail "SctpChecksumErrors +$((c1 - c0)), want +$n"; return 1; }
	[ $((d1 - d0)) = $n ] || { fail "XsctpDropBadChecksum +$((d1 - d0)), want +$n"; return 1; }
	[ "$o1" = "$o0" ] || { fail "answered packets with a bad CRC"; return 1; }
	# the same INIT with a good CRC is answered (the tool's CRC is right)
	timed inj -p $PORT init
	wait_until 5 test "$(snmp SctpOutSCTPPacks)" -gt "$o1" ||
		{ fail "a valid INIT got no answer"; return 1; }
	stop_server
}

# (2) Each malformed kind raises its own drop counter by exactly the
# number sent (and InPktDiscards with it); packets go to a live listener.
t_malformed() {
	local n=20 kind ctr v0 v1 p0 p1 bad=0
	topo
	server 1
	while read -r kind ctr; do
		v0=$(snmp "$ctr") p0=$(snmp SctpInPktDiscards)
		inj -p $PORT kind "$kind" $n >/dev/null
		v1=$(snmp "$ctr") p1=$(snmp SctpInPktDiscards)
		if [ $((v1 - v0)) = $n ] && [ $((p1 - p0)) = $n ]; then
			log "$kind: $ctr +$n"
		else
			fail "$kind: $ctr +$((v1 - v0)), InPktDiscards +$((p1 - p0)), want +$n"
			n a "$INJ" -s $A4 -d $B4 -p $PORT -v kind "$kind" 1 2>&1 |
				sed 's/^/#   /' || true
			bad=1
		fi
	done < <("$INJ" kinds)
	stop_server
	return $bad
}

# (2b) A valid INIT carrying 3 unrecognised parameters of each action
# class (RFC 9260 s3.2.1) is not dropped: it gets an INIT ACK.
t_init_unrecognised_params() {
	local s0 s1 o0
	topo
	server 1
	snap "$OUT.s0"
	o0=$(snmp SctpOutSCTPPacks)
	timed inj -p $PORT init 3
	wait_until 5 test "$(snmp SctpOutSCTPPacks)" -gt "$o0" ||
		{ fail "no INIT ACK"; return 1; }
	snap "$OUT.s1"
	log "moved: $(deltas "$OUT.s0" "$OUT.s1")"
	s0=$(awk '/^XsctpDrop/ { s += $2 } END { print s + 0 }' "$OUT.s0")
	s1=$(awk '/^XsctpDrop/ { s += $2 } END { print s + 0 }' "$OUT.s1")
	[ "$s0" = "$s1" ] || { fail "the INIT was dropped"; return 1; }
	stop_server
}

# (3) 20000 randomly mutated packets at the listener: nothing is
# established, no slab grows, and a real transfer works afterwards.
t_mutate() {
	local objs kb
	topo
	log "seed $SEED (HOSTILE_SEED=$SEED to repeat)"
	objs=$(slab_sctp) kb=$(slab_kb)
	server 200
	snap "$OUT.s0"
	timed inj -p $PORT --rate 10000 mutate "$SEED" 20000
	sleep 1
	snap "$OUT.s1"
	log "moved: $(deltas "$OUT.s0" "$OUT.s1")"
	accounted "$OUT.s0" "$OUT.s1"
	[ "$(snmp SctpCurrEstab)" = 0 ] || { fail "mutated packets made an association"; return 1; }
	client 200
	slab_check "$objs" "$kb"
}

# (4) 20000 valid INITs from random ports: each is answered with an INIT
# ACK carrying a cookie and nothing is kept (RFC 9260 s5.1.3): no
# association, no slab growth; a real transfer works afterwards.
t_init_flood() {
	local objs kb e0 p0
	topo
	objs=$(slab_sctp) kb=$(slab_kb)
	server 200
	snap "$OUT.s0"
	e0=$(snmp SctpCurrEstab) p0=$(snmp SctpPassiveEstabs)
	timed inj -p $PORT --rate 10000 flood 20000
	sleep 1
	snap "$OUT.s1"
	log "moved: $(deltas "$OUT.s0" "$OUT.s1")"
	accounted "$OUT.s0" "$OUT.s1"
	# each INIT is answered by one INIT ACK and nothing else
	[ $(($(snmp SctpOutSCTPPacks) - $(awk '$1 == "SctpOutSCTPPacks" { print $2 }' "$OUT.s0"))) -ge 20000 ] ||
		{ fail "not every INIT was answered"; return 1; }
	[ "$(snmp SctpCurrEstab)" = "$e0" ] && [ "$(snmp SctpPassiveEstabs)" = "$p0" ] ||
		{ fail "INITs made association state"; return 1; }
	client 200
	slab_check "$objs" "$kb"
}

# (5) RFC 9260 s8.4: to a port with no association or listener, a
# SHUTDOWN ACK is answered by a SHUTDOWN COMPLETE with the T bit (5) and
# an unknown chunk (action 01) by an ABORT with the T bit (8), each
# reflecting our tag; both count as out of the blue.  The replies are
# captured with a raw socket in a.
t_ootb() {
	local o0 o1
	topo
	o0=$(snmp SctpOutOfBlues)
	timed inj -p $CLOSED_PORT --wait 3000 ootb-shutdown-ack
	timed inj -p $CLOSED_PORT --wait 3000 ootb-unknown
	o1=$(snmp SctpOutOfBlues)
	log "SctpOutOfBlues $o0 -> $o1"
	[ $((o1 - o0)) = 2 ] || { fail "SctpOutOfBlues +$((o1 - o0)), want +2"; return 1; }
}

hostile_case() {
	[ -z "$HOSTILE_CASES" ] || [[ " $HOSTILE_CASES " == *" $1 "* ]] || return 0
	ktap_case "$1" "t_$1"
}

mod_load
hostile_case bad_crc
hostile_case malformed
hostile_case init_unrecognised_params
hostile_case mutate
hostile_case init_flood
hostile_case ootb
ktap_finish
