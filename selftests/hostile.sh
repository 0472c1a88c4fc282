#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Hostile packets: bad input never crashes, leaks or wedges anything.
# sctp_inject sends hand-built SCTP packets (correct CRC32c unless told
# otherwise) from namespace a to an xsctp listener in namespace b; every
# malformed packet must be dropped and counted with its reason in b's
# /proc/net/sctp/snmp, and afterwards a real sctp_io transfer must work.
# Kernel WARN/BUG/oops fail the run in tools/vm/run.
#
# The live_* cases attack an established association instead (see (6)).
#
# HOSTILE_SEED=N fixes the mutate and live seeds (default: random, always
# logged); HOSTILE_CASES="a b" runs only those cases; HOSTILE_LIVE_MSGS,
# HOSTILE_LIVE_PKTS, HOSTILE_LIVE_RATE and HOSTILE_LIVE_OPTS tune the
# live attack.
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
SEED=${HOSTILE_SEED:-${XSCTP_HOSTILE_SEED:-$(( (RANDOM << 15 | RANDOM) + 1 ))}}
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
# (SLUB counts the free objects of per-CPU slabs as active until the
# cache is shrunk: a burst of associations would read as a leak)
slab_sctp() {
	local f
	echo 3 >/proc/sys/vm/drop_caches
	for f in /sys/kernel/slab/*sctp*/shrink; do
		[ -e "$f" ] && echo 1 >"$f"
	done
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
# dropped (InSCTPPacks = InPktSoftirq + InPktBacklog + InPktDiscards),
# and every discard has a reason (the XsctpDrop* counters add up to
# InPktDiscards).
accounted() {
	awk 'NR == FNR { b[$1] = $2; next } { d[$1] = $2 - b[$1] }
	     /^XsctpDrop/ { r += $2 - b[$1] }
	     END {
		h = d["SctpInPktSoftirq"] + d["SctpInPktBacklog"]
		printf "# in %d = handled %d + discarded %d; reasons %d\n",
			d["SctpInSCTPPacks"], h, d["SctpInPktDiscards"], r
		exit !(d["SctpInSCTPPacks"] == h + d["SctpInPktDiscards"] && \
		       r == d["SctpInPktDiscards"])
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

# ---- (6) a live association under attack ----
#
# Two pairs of sctp_io processes, clients in a and servers in b: the first
# association is attacked, the second is not.  sctp_inject (mode live)
# starts in a before the clients: it learns the first association's
# ports, tags and TSNs from the server's packets and sends, as the client
# and with the right tag, chunks that must not change what is delivered
# (duplicate and far-off DATA, SACKs, heartbeats, errors, INIT and cookie
# copies, wrong-T ABORTs, unknown chunks, bundles).  Short timers bound
# any stall the attack causes to a few seconds.
LIVE_IO=(-4 --echo --nodelay --streams 10 --max 400 --rto 100:50:400 --max-retrans 4)
LIVE_MSGS=${HOSTILE_LIVE_MSGS:-20000}
LIVE_PKTS=${HOSTILE_LIVE_PKTS:-20000}
LIVE_RATE=${HOSTILE_LIVE_RATE:-1500}
# extra sctp_inject options, e.g. --in-window to explore (the data checks
# then fail by design)
read -ra LIVE_OPTS <<<"${HOSTILE_LIVE_OPTS:-}"
# what an application may be told when the attack ends its association
# (an ABORT just after setup reaches a non-blocking connect() via SO_ERROR)
LIVE_ERRORS='COMM_LOST|CANT_STR_ASSOC|connect: Connection reset by peer|peer closed the association|recvmsg: |sendmsg |shutdown: |messages received, want|missing below|end of stream'

# outcome FILE: "ok", "error" (the association ended and the application
# was told why) or "bad" (a hang, wrong data, or no report at all)
outcome() {
	if grep -q '^sctp_io: OK' "$1"; then
		echo ok
	elif grep -Eq "^sctp_io: FAIL .*($LIVE_ERRORS)" "$1" &&
		! grep -q '^sctp_io: FAIL timeout' "$1"; then
		echo error
	else
		echo bad
	fi
}

# io ROLE NS PORT FILE MSGS: one sctp_io in the background
io() {
	local addr=(-c $B4)
	[ "$1" = server ] && addr=(-l $B4)
	timeout 60 ip netns exec "$NS_PREFIX-$2" "$IO" "$1" "${addr[@]}" \
		-p "$3" -n "$5" --timeout 45 "${LIVE_IO[@]}" \
		>"$4" 2>&1 &
}

# live_attack SEED MSGS [INJECT OPTIONS...]: the attacked pair must end
# "ok" or "error" on both sides, the untouched pair "ok"; the injector
# must have reached the association.
live_attack() {
	local seed=$1 msgs=$2 t0=$EPOCHREALTIME o1 o2 f rc=0 p1 p2
	shift 2
	PORT=$((PORT + 2)) p1=$((PORT - 1)) p2=$PORT
	log "seed $seed"
	snap "$OUT.s0"
	io server b $p1 "$OUT.srv1" "$msgs"
	io server b $p2 "$OUT.srv2" "$msgs"
	wait_until 10 grep -q listening "$OUT.srv1" &&
		wait_until 10 grep -q listening "$OUT.srv2" || return 1
	timeout 60 ip netns exec "$NS_PREFIX-a" "$INJ" -s $A4 -d $B4 -p $p1 \
		--rate "$LIVE_RATE" --wait 20000 "$@" live "$seed" "$LIVE_PKTS" \
		>"$OUT.inj" 2>&1 &
	wait_until 10 grep -q 'waiting for an INIT ACK' "$OUT.inj" || return 1
	io client a $p1 "$OUT.cli1" "$msgs"
	io client a $p2 "$OUT.cli2" "$msgs"
	wait || true
	for f in inj srv1 cli1 srv2 cli2; do
		sed "s/^/#   $f: /" "$OUT.$f"
	done
	log "took $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $t0 }") s"
	snap "$OUT.s1"
	log "moved: $(deltas "$OUT.s0" "$OUT.s1")"
	grep -q '^sctp_inject: live: ports' "$OUT.inj" ||
		{ fail "the injector never saw the association"; rc=1; }
	o1=$(outcome "$OUT.srv1") o2=$(outcome "$OUT.cli1")
	log "attacked association: server $o1, client $o2"
	[ "$o1" != bad ] && [ "$o2" != bad ] ||
		{ fail "the attacked association hung, lost or spoilt data"; rc=1; }
	[ "$(outcome "$OUT.srv2")" = ok ] && [ "$(outcome "$OUT.cli2")" = ok ] ||
		{ fail "the untouched association failed"; rc=1; }
	[ -n "$XSCTP_REFERENCE" ] || accounted "$OUT.s0" "$OUT.s1" || rc=1
	return $rc
}

# live_case ROUNDS MSGS [INJECT OPTIONS...]: live_attack with seeds SEED,
# SEED+1, ...; then no process is left behind
live_case() {
	local rounds=$1 msgs=$2 i rc=0
	shift 2
	topo
	log "HOSTILE_SEED=$SEED to repeat"
	for ((i = 0; i < rounds; i++)); do
		live_attack $((SEED + i)) "$msgs" "$@" || rc=1
		kill $(jobs -p) 2>/dev/null || true
		wait
	done
	return $rc
}

t_live_assoc() { live_case 1 "$LIVE_MSGS" "${LIVE_OPTS[@]}"; }

# (7) The same with SHUTDOWN, DATA without user data and SACKs for TSNs
# never sent, three times: the association usually ends within a few
# packets, and each side must be told so, with no hang.
t_live_assoc_shutdown() { live_case 3 2000 --destructive "${LIVE_OPTS[@]}"; }

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
hostile_case live_assoc
hostile_case live_assoc_shutdown
ktap_finish
