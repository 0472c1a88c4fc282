#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Interoperability on the wire between xsctp (main guest) and Linux's
# sctp.ko (peer guest), over the runner's virtio link eth0:
#
#   tools/vm/run --kver K --share build/selftests --share build/K/share \
#       --peer-cmd '/x/interop.sh peer' --peer-share build/selftests \
#       -- ./run.sh interop
#
# Fixed roles and ports, one port per case, so the two guests (booting in
# parallel, with no channel but the link) need no other coordination:
#  - "fwd" cases: the peer runs a long-lived sctp.ko sctp_io server on the
#    case's port from boot; the main guest's xsctp client connects (retrying
#    while the server is not there yet) and, with --echo, checks every byte
#    the peer echoes back; the peer's server checks what it received.
#  - "rev" cases: the main guest runs an xsctp sctp_io server on the case's
#    port, which checks every byte the peer's sctp.ko client sends; the peer
#    retries connecting to that port until it gets through or its time is up.
#  - "fo" and "hb" cases: sctp_mh over both links (eth0 and eth1): the
#    peer runs a sctp.ko sctp_mh server from boot, which checks every byte
#    and then hands its verdict over TCP (port + 1000, busybox nc) to the
#    main guest's xsctp sctp_mh client.  "fo": sctp_connectx() to both of
#    the peer's addresses, link 1 cut in the middle of the stream (netem
#    100% loss on the main side) and mended; the failover time is measured
#    as multihome.sh does (sctp_mh --remote-cut).  "hb": an idle
#    association with HB.interval 1 s and a fixed RTO, whose heartbeats
#    the wire check times.
# So every case is decided in the main guest.  The peer prints its own view
# as "PEER-RESULT case=NAME OK|FAIL ..." lines and its SCTP counters as
# "PEER-SNMP case=NAME ..." on its console (the runner's "[peer] " lines).
#
# INTEROP_CASES="a b": run only those cases (both guests read it from the
# host's XSCTP_INTEROP_CASES).
#
# On the host, after the run, "interop.sh wire PCAP" judges what went over
# the wire: tools/vm/run --dump PCAP has qemu write every frame of the main
# guest's eth0, and tshark dissects each case's packets (by its port).
. "$(dirname "$0")/lib.sh"

IO=$(cd "$(dirname "$0")" && pwd)/sctp_io
MH=$(cd "$(dirname "$0")" && pwd)/sctp_mh
M4=10.0.1.1
P4=10.0.1.2
M6=fd00:1::1
P6=fd00:1::2
M42=10.0.2.1	# link 2 (eth1)
P42=10.0.2.2
OUT=${TMPDIR:-/tmp}/interop.$$
T=${XSCTP_INTEROP_TIMEOUT:-150}	# sctp_io --timeout of one transfer
BIG="--sndbuf 2097152 --rcvbuf 2097152"
HB_INT=1000	# hb cases: HB.interval and RTO (RTO.Min = RTO.Max), ms
HB_RTO=300
# and how late a kernel timer may fire at HB.interval + 1.5 RTO: the
# timer_list wheel rounds such a timeout up by up to 8 jiffies (32 ms at
# the guests' HZ 250), plus 10 ms for the guest's and the capture's clocks
HB_LATE=42
MIX="--min 1 --max 65536 --streams 16 --unordered 20"

# name dir family port sctp_io options (the same on both sides)
CASES=(
	"fwd_stream_v4   fwd -4 7001 --style stream -n 200 $MIX --echo"
	"fwd_seqpacket_v4 fwd -4 7002 --style seqpacket -n 200 $MIX --echo"
	"fwd_stream_v6   fwd -6 7003 --style stream -n 200 $MIX --echo"
	"fwd_seqpacket_v6 fwd -6 7004 --style seqpacket -n 200 $MIX --echo"
	"fwd_256k        fwd -4 7005 --style stream -n 40 --min 1 --max 262144 --streams 16 --unordered 20 $BIG --echo"
	"rev_stream_v4   rev -4 7101 --style stream -n 300 $MIX"
	"rev_seqpacket_v4 rev -4 7102 --style seqpacket -n 300 $MIX"
	"rev_stream_v6   rev -6 7103 --style stream -n 300 $MIX"
	"rev_seqpacket_v6 rev -6 7104 --style seqpacket -n 300 $MIX"
	"rev_256k        rev -6 7105 --style seqpacket -n 60 --min 1 --max 262144 --streams 16 --unordered 20 $BIG"
	"rev_echo        rev -4 7106 --style stream -n 200 $MIX --echo"
	"rev_echo_conns4 rev -4 7107 --style seqpacket --conns 4 -n 100 --min 1 --max 4000 --streams 16 --unordered 20 --echo"
	"fo_fwd          fo -4 7201 --interval 1 --rto 200,100,1000 --hb 1000 --pathmaxrxt 2 --sack-delay 10"
	"hb_idle         hb -4 7202 --rto $HB_RTO,$HB_RTO,$HB_RTO --hb $HB_INT --idle 30000 --count 20"
)

selected() {
	local c=${XSCTP_INTEROP_CASES:-$INTEROP_CASES}
	[ -z "$c" ] || [[ " $c " == *" $1 "* ]]
}

# wait_secs SEC CMD...: CMD until it succeeds, for at most SEC seconds of
# wall time (wait_until counts polls, which is wrong for a slow CMD).
wait_secs() {
	local end=$((SECONDS + $1))
	shift
	while [ $SECONDS -lt $end ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	fail "timed out after ${end}s waiting for: $*"
}

ping_any() {
	case $1 in
	*:*) ping -6 -c 1 -W 1 "$1" || ping6 -c 1 -W 1 "$1" ;;
	*) ping -c 1 -W 1 "$1" ;;
	esac
}

# net_up ADDR4 ADDR6: eth0 with both addresses (v6 usable at once);
# buffers big enough for the 256 KiB cases.
net_up() {
	ip link set eth0 up &&
		ip addr replace "$1/24" dev eth0 &&
		ip addr replace "$2/64" dev eth0 nodad || return 1
	echo 4194304 >/proc/sys/net/core/wmem_max
	echo 4194304 >/proc/sys/net/core/rmem_max
}

# net2_up ADDR4: eth1 (link 2), for the cases over two links.
net2_up() {
	ip link set eth1 up && ip addr replace "$1/24" dev eth1
}

# snmp: the non-zero SCTP counters on one line.
snmp() {
	awk '$2 != 0 { printf "%s=%s ", $1, $2 }' /proc/net/sctp/snmp 2>/dev/null
}

# A connect that failed because nobody listens (yet): try again.
refused() {
	grep -Eq '^sctp_io: FAIL (connect:|.*CANT_STR_ASSOC)' "$1"
}

took() {
	awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $1 }"
}

# ---- the peer guest (sctp.ko) ----

# peer_server NAME FAM PORT OPTS...: one association, then the verdict.
peer_server() {
	local name=$1 fam=$2 port=$3 addr=$P4 out=$OUT.$1 rc=0
	shift 3
	[ "$fam" = -6 ] && addr=$P6
	timeout 1000 "$IO" server "$fam" -l "$addr" -p "$port" --timeout 990 \
		"$@" >"$out" 2>&1 || rc=1
	peer_report "$name" $rc "$out"
}

# peer_client NAME FAM PORT OPTS...: retries while the main guest's server
# is not listening yet; gives up at the peer's deadline.
peer_client() {
	local name=$1 fam=$2 port=$3 addr=$M4 out=$OUT.$1 rc=1 tries=0
	shift 3
	[ "$fam" = -6 ] && addr=$M6
	while [ $SECONDS -lt $PEER_END ]; do
		if ! ping_any "$addr" >/dev/null 2>&1; then
			sleep 1
			continue
		fi
		tries=$((tries + 1))
		rc=0
		timeout $((T + 10)) "$IO" client "$fam" -c "$addr" -p "$port" \
			--timeout "$T" "$@" >"$out" 2>&1 || rc=1
		[ $rc = 0 ] && break
		refused "$out" || break
		sleep 1
	done
	echo "PEER-INFO case=$name connect attempts=$tries"
	peer_report "$name" $rc "$out"
}

peer_report() {
	local verdict=OK
	[ "$2" = 0 ] || verdict=FAIL
	echo "PEER-RESULT case=$1 $verdict: $(grep '^sctp_io:' "$3" | grep -v listening | tail -n 1)"
	echo "PEER-SNMP case=$1 $(snmp)"
}

# peer_mh NAME FAM PORT OPTS...: a sctp_mh server for one association;
# its verdict then goes to the main guest over TCP, port + 1000.
peer_mh() {
	local name=$1 fam=$2 port=$3 out=$OUT.$1 rc=0
	shift 3
	timeout 1000 "$MH" server "$fam" -p "$port" --remote-cut \
		--timeout 990 "$@" >"$out" 2>&1 || rc=1
	echo "PEER-RESULT case=$name $( [ $rc = 0 ] && echo OK || echo FAIL): $(grep -E '^(OK|FAIL)' "$out" | tail -n 1)"
	{ grep -E '^(FAILOVER|MAXLAT|OK|FAIL)' "$out"; echo "EXIT $rc"; } |
		timeout 300 busybox nc -l -p $((port + 1000))
}

peer_main() {
	local c name dir fam port opts
	# the peer's work ends well before the runner's 900 s limit
	PEER_END=$((SECONDS + ${XSCTP_INTEROP_PEER_SECS:-800}))
	net_up $P4 $P6 || echo "PEER-RESULT case=setup FAIL: eth0"
	net2_up $P42 || echo "PEER-RESULT case=setup FAIL: eth1"
	modprobe sctp || echo "PEER-RESULT case=setup FAIL: modprobe sctp"
	echo "PEER-INFO sctp.ko $(grep -c '^sctp ' /proc/modules) eth0: $(ip -br addr show eth0)"
	for c in "${CASES[@]}"; do
		read -r name dir fam port opts <<<"$c"
		selected "$name" || continue
		# shellcheck disable=SC2086 # options are split on purpose
		if [ "$dir" = fwd ]; then
			peer_server "$name" "$fam" "$port" $opts &
		elif [ "$dir" = fo ] || [ "$dir" = hb ]; then
			peer_mh "$name" "$fam" "$port" $opts &
		else
			peer_client "$name" "$fam" "$port" $opts &
		fi
	done
	wait
	echo "PEER-INFO all done after ${SECONDS}s"
}

# ---- the main guest (xsctp) ----

# show_as FILE NAME: FILE's lines as KTAP comments named NAME.
show_as() {
	[ -e "$1" ] && sed "s/^/#   $2: /" "$1"
	return 0
}

case_end() {
	log "took $(took "$1") s"
	log "snmp xsctp: $(snmp)"
}

t_setup() {
	net_up $M4 $M6 || return 1
	log "eth0: $(ip -br addr show eth0)"
	wait_secs 180 ping_any $P4 || return 1
	wait_secs 30 ping_any $P6 || return 1
	net2_up $M42 && wait_secs 30 ping_any $P42 || return 1
	log "peer reachable after ${SECONDS}s"
	touch "$OUT.up"
}

# Without a link to the peer every case fails at once, not after its waits.
link_up() {
	[ -e "$OUT.up" ] || fail "no link to the peer (see setup)"
}

# fwd NAME FAM PORT OPTS...: xsctp client -> sctp.ko server, echoed.
fwd() {
	local name=$1 fam=$2 port=$3 addr=$P4 out=$OUT.$1 rc=0 tries=0
	local t0=$EPOCHREALTIME end=$((SECONDS + 60))
	shift 3
	[ "$fam" = -6 ] && addr=$P6
	link_up || return 1
	while :; do
		tries=$((tries + 1))
		rc=0
		timeout $((T + 10)) "$IO" client "$fam" -c "$addr" -p "$port" \
			--timeout "$T" "$@" >"$out" 2>&1 || rc=1
		[ $rc = 0 ] && break
		refused "$out" && [ $SECONDS -lt $end ] || break
		sleep 1
	done
	log "client attempts: $tries"
	show_as "$out" client
	case_end "$t0"
	return $rc
}

# rev NAME FAM PORT OPTS...: sctp.ko client -> xsctp server.
rev() {
	local name=$1 fam=$2 port=$3 addr=$M4 out=$OUT.$1 rc=0 pid
	local t0=$EPOCHREALTIME
	shift 3
	[ "$fam" = -6 ] && addr=$M6
	link_up || return 1
	timeout $((T + 10)) "$IO" server "$fam" -l "$addr" -p "$port" \
		--timeout "$T" "$@" >"$out" 2>&1 &
	pid=$!
	wait "$pid" || rc=1
	show_as "$out" server
	case_end "$t0"
	return $rc
}

# mh_client NAME PORT OPTS...: the xsctp sctp_mh client, again while the
# peer's server is not listening yet, until READY; $MHPID is the client.
mh_client() {
	local name=$1 port=$2 out=$OUT.$1 end=$((SECONDS + 60)) tries=0
	shift 2
	while :; do
		tries=$((tries + 1))
		"$MH" client -4 -p "$port" --stop-file "$OUT.$name.stop" \
			--timeout 120 "$@" >"$out" 2>&1 &
		MHPID=$!
		wait_secs 30 grep -qE '^(READY|FAIL)' "$out"
		grep -q '^READY' "$out" && break
		wait "$MHPID"
		grep -Eq '^FAIL (sctp_connectx|connect):|CANT_STR_ASSOC' "$out" &&
			[ $SECONDS -lt $end ] || { show_as "$out" client; return 1; }
		sleep 1
	done
	log "client attempts: $tries"
}

# verdict NAME PORT: the peer server's lines (it listens once it is done).
verdict() {
	local f=$OUT.$1.peer

	wait_secs 60 bash -c "exec 3<>/dev/tcp/$P4/$(($2 + 1000)) && cat <&3 >$f && grep -q '^EXIT' $f" ||
		return 1
	show_as "$f" peer
	grep -q '^EXIT 0$' "$f" || fail "the sctp.ko server failed"
}

# mh_done NAME PORT: the client ends; the server checked all it sent.
mh_done() {
	local name=$1 out=$OUT.$1 sent got rc=0

	touch "$OUT.$name.stop"
	wait "$MHPID" || rc=1
	show_as "$out" client
	verdict "$name" "$2" || return 1
	sent=$(sed -n 's/^OK sent=//p' "$out")
	got=$(sed -n 's/^OK msgs=//p' "$OUT.$name.peer")
	[ $rc = 0 ] && [ -n "$sent" ] && [ "$sent" = "$got" ] ||
		fail "xsctp sent ${sent:-?}, sctp.ko checked ${got:-?}"
}

# paddr STATE ADDR: the ERE of the client's line for that peer address.
paddr() { echo "^PEER_ADDR_CHANGE addr=$2:$PORT state=$1 "; }

# fo NAME FAM PORT OPTS...: xsctp streams to sctp.ko over two links;
# link 1 fails (netem 100% loss on our side) in the middle and comes back.
fo() {
	local name=$1 fam=$2 PORT=$3 out=$OUT.$1 t0=$EPOCHREALTIME cut
	local t_un t_back fo
	shift 3
	link_up || return 1
	mh_client "$name" "$PORT" -c $P4 -c $P42 --paths 2 \
		--cut-file "$OUT.$name.cut" "$@" || return 1
	# a second of traffic on link 1: the server learns the clock offset
	sleep 1
	tc qdisc replace dev eth0 root netem loss 100% || return 1
	cut=$EPOCHREALTIME
	echo "$cut" >"$OUT.$name.cut.tmp" && mv "$OUT.$name.cut.tmp" "$OUT.$name.cut"
	wait_secs 15 grep -qE "$(paddr ADDR_UNREACHABLE $P4)" "$out" ||
		{ tc qdisc del dev eth0 root; show_as "$out" client; return 1; }
	tc qdisc del dev eth0 root || return 1
	wait_secs 30 grep -qE "$(paddr ADDR_AVAILABLE $P4)" "$out" ||
		{ show_as "$out" client; return 1; }
	mh_done "$name" "$PORT" || return 1
	fo=$(sed -n 's/^FAILOVER .* ms=\([0-9.]*\).*/\1/p' "$OUT.$name.peer")
	t_un=$(grep -m1 -E "$(paddr ADDR_UNREACHABLE $P4)" "$out" | sed -n 's/.* t=\([0-9.]*\).*/\1/p')
	log "failover xsctp -> sctp.ko: ${fo:-?} ms to the first message sent after the cut, $P4 UNREACHABLE after $(awk "BEGIN { printf \"%d\", ($t_un - $cut) * 1000 }") ms, $(grep '^MAXLAT' "$OUT.$name.peer")"
	[ -n "$fo" ] || fail "no FAILOVER from the server" || return 1
	# one spurious T3 (TCG stalls) may mark link 2 PF for a moment: shown
	grep -E "$(paddr ADDR_POTENTIALLY_FAILED $P42)" "$out" | sed 's/^/# note: /'
	! grep -qE "$(paddr ADDR_UNREACHABLE $P42)" "$out" ||
		fail "link 2 failed too" || return 1
	case_end "$t0"
}

# hb NAME FAM PORT OPTS...: an idle association; the wire check times
# its heartbeats.
hb() {
	local name=$1 fam=$2 port=$3 t0=$EPOCHREALTIME
	shift 3
	link_up || return 1
	mh_client "$name" "$port" -c $P4 "$@" || return 1
	wait_secs 60 grep -q '^IDLE done' "$OUT.$name" || return 1
	mh_done "$name" "$port" || return 1
	case_end "$t0"
}

# ---- the wire check (host) ----

# wire PCAP: every SCTP packet of the capture the runner's --dump wrote
# (main guest's eth0, both directions, as qemu saw the frames), dissected
# by tshark with CRC32c verification on; one KTAP case per interop case,
# judged on the packets of its port.
wire_main() {
	local pcap=$1 c name dir fam port opts ports=() rc
	if [ ! -s "$pcap" ] || ! command -v tshark >/dev/null; then
		printf 'KTAP version 1\n1..1\nnot ok 1 wire # %s\n' \
			"no capture $pcap, or no tshark"
		return 1
	fi
	for c in "${CASES[@]}"; do
		read -r name dir fam port opts <<<"$c"
		selected "$name" && ports+=("$port=$name=$dir")
	done
	echo "KTAP version 1"
	echo "1..${#ports[@]}"
	# -o sctp.checksum:crc-32c: a misspelt value is ignored silently,
	# hence the count of checksums verified good below.  Payloads are
	# random bytes, shown as data: on an ephemeral port that is some
	# protocol's (36443 is M2AP's) tshark decoded them as that protocol
	# and reported its errors as the association's (one CI run in ~70).
	tshark -n -r "$pcap" -o sctp.checksum:crc-32c -o sctp.reassembly:FALSE \
		-d sctp.port==1-65535,data \
		-T fields -E separator=/t -E aggregator=';' \
		-e frame.number -e sctp.srcport -e sctp.dstport \
		-e sctp.checksum.status -e sctp.chunk_type -e _ws.malformed \
		-e _ws.expert.severity -e _ws.expert.message \
		-e frame.time_relative 2>"$OUT.tshark" |
		awk -F '\t' -v cases="${ports[*]}" -v hb_int=$HB_INT \
			-v hb_rto=$HB_RTO -v hb_late=$HB_LATE "$WIRE_AWK"
	rc=$?
	if grep -v 'Running as user' "$OUT.tshark" | grep -q .; then
		sed 's/^/# tshark: /' "$OUT.tshark"
		rc=1
	fi
	rm -f "$OUT.tshark"
	return $rc
}

# Fields: 1 frame, 2 sport, 3 dport, 4 checksum status (0 bad, 1 good,
# 2 unverified), 5 chunk types, 6 malformed, 7 expert severities (0x200000
# chat, 0x400000 note, 0x600000 warning, 0x800000 error), 8 messages.
# Only SCTP packets are judged (the link also carries ARP, ND, pings).  A
# case fails on a packet of its port that is malformed, whose CRC32c is
# not verified good, or that has an expert info of severity warning or
# error, except three warnings legitimate here: "More than 100 TSNs were
# gap-acknowledged in this SACK" (a heuristic; 2 MiB windows with 256 KiB
# messages do that after a loss), "This TSN was retransmitted more than 2
# times" (the emulated link drops bursts of frames under TCG load) and
# "This TSN was acked prior to this retransmission" (the capture sees a SACK
# that is still on its way to the sender when its T3 fires; every byte is
# verified end to end by the case itself).  Notes ("Retransmitted TSN": the link
# drops frames under TCG load; "Zero Advertised Receiver Window Credit")
# are counted only.  A case also fails unless its port saw an
# association: INIT, INIT ACK, COOKIE ECHO, COOKIE ACK, DATA, SACK, and
# at least one of SHUTDOWN, SHUTDOWN ACK, SHUTDOWN COMPLETE.  Only link 1
# is captured, and both ends have an address on link 2 too: after losses
# a reply may take that path (a CI run saw xsctp's SHUTDOWN and SHUTDOWN
# COMPLETE here, the SHUTDOWN ACK between them on link 2).  Each case
# checks its graceful end itself.  ABORTs are expected where a client
# retried before the server listened.
# For "hb" cases the HEARTBEATs each side sent (9 time) are timed: the
# gaps between xsctp's (to the server port) must lie within HB.interval +
# RTO * [0.5, 1.5] (RFC 9260 s8.3), 10 ms of timer granularity allowed,
# with a mean within RTO/4 of HB.interval + RTO; sctp.ko's are shown.
WIRE_AWK='
BEGIN {
	split("DATA INIT INIT_ACK SACK HEARTBEAT HEARTBEAT_ACK ABORT SHUTDOWN" \
	      " SHUTDOWN_ACK ERROR COOKIE_ECHO COOKIE_ACK ECNE CWR" \
	      " SHUTDOWN_COMPLETE", nm, " ")
	for (i = 1; i in nm; i++)
		cname[i - 1] = nm[i]
	nord = split("INIT INIT_ACK COOKIE_ECHO COOKIE_ACK DATA SACK" \
		     " HEARTBEAT HEARTBEAT_ACK SHUTDOWN SHUTDOWN_ACK" \
		     " SHUTDOWN_COMPLETE ABORT ERROR", order, " ")
	nmust = split("INIT INIT_ACK COOKIE_ECHO COOKIE_ACK DATA SACK", must, " ")
	ncase = split(cases, cs, " ")
	for (i = 1; i <= ncase; i++) {
		split(cs[i], kv, "=")
		port[i] = kv[1]
		name[i] = kv[2]
		kind[i] = kv[3]
		idx[kv[1]] = i
	}
}
function finding(c, what) {
	bad[c]++
	if (bad[c] <= 10)
		out[c] = out[c] sprintf("# FAIL: %s%s\n", where, what)
}
$2 == "" {
	other++
	next
}
{
	where = "frame " $1 ": "
	c = ($2 in idx) ? idx[$2] : ($3 in idx) ? idx[$3] : 0
	pkts[c]++
	if ($4 == 1)
		good[c]++
	else
		finding(c, "checksum " ($4 == 0 ? "bad" : "not verified"))
	if ($6 != "")
		finding(c, "malformed")
	ns = split($7, sev, ";")
	split($8, msg, ";")
	for (i = 1; i <= ns; i++) {
		if (sev[i] + 0 < 6291456)
			notes[c, msg[i]]++
		else if (msg[i] ~ /^More than 100 TSNs were gap-acknowledged/ ||
			 msg[i] ~ /^This TSN was retransmitted more than 2 times/ ||
			 msg[i] ~ /^This TSN was acked prior to this retransmission/)
			allowed[c, msg[i]]++
		else
			finding(c, "expert info: " msg[i])
	}
	n = split($5, ct, ";")
	for (i = 1; i <= n; i++) {
		cnt[c, (ct[i] in cname) ? cname[ct[i]] : "type" ct[i]]++
		if (ct[i] == 4 && kind[c] == "hb") {
			side = ($3 == port[c]) ? "xsctp" : "sctp.ko"
			hbt[c, side, ++nhb[c, side]] = $9
		}
	}
}
# hb_gaps(c, side, check): prints the gaps between the HEARTBEATs; with
# check, judges them.
function hb_gaps(c, side, check,    k, g, sum, lo, hi, mean, list) {
	lo = hb_int + hb_rto * 0.5 - 10
	hi = hb_int + hb_rto * 1.5 + hb_late
	for (k = 2; k <= nhb[c, side]; k++) {
		g = (hbt[c, side, k] - hbt[c, side, k - 1]) * 1000
		sum += g
		list = list sprintf(" %d", g)
		if (check && (g < lo || g > hi))
			finding(c, sprintf("%s heartbeat gap %d ms outside %d..%d", side, g, lo, hi))
	}
	k = nhb[c, side] - 1
	mean = k > 0 ? sum / k : 0
	printf "# %s: %s heartbeats every (ms):%s; mean %d, expected %d (HB.interval %d + RTO %d, +/- RTO/2)\n",
	       name[c], side, list, mean, hb_int + hb_rto, hb_int, hb_rto
	if (!check)
		return
	# The jitter is uniform over one RTO: the mean of k gaps strays by
	# RTO / sqrt(12 k), 18 ms for the 22 gaps of 30 s, so RTO / 4 is
	# over 4 of those; timers fire hb_late / 2 late on average.
	if (k < 15)
		finding(c, sprintf("%d %s heartbeat gaps, want 15 or more", k, side))
	else if (mean < hb_int + hb_rto * 0.75 || mean > hb_int + hb_rto * 1.25 + hb_late / 2)
		finding(c, sprintf("mean %s heartbeat gap %d ms, want %d - %d .. + %d", side, mean, hb_int + hb_rto, hb_rto / 4, hb_rto / 4 + hb_late / 2))
}
END {
	where = ""
	printf "# wire: %d SCTP packets, %d on no case'"'"'s port, %d others\n",
	       NR - other, pkts[0], other
	if (bad[0])
		printf "%s", out[0]
	for (c = 1; c <= ncase; c++) {
		line = ""
		for (i = 1; i <= nord; i++)
			line = line " " order[i] "=" cnt[c, order[i]] + 0
		printf "# %s: %d packets, %d crc32c good;%s\n", name[c],
		       pkts[c], good[c], line
		for (k in notes) {
			split(k, kk, SUBSEP)
			if (kk[1] == c)
				printf "#   note: %d x %s\n", notes[k], kk[2]
		}
		for (k in allowed) {
			split(k, kk, SUBSEP)
			if (kk[1] == c)
				printf "#   allowed: %d x %s\n", allowed[k], kk[2]
		}
		if (!pkts[c])
			finding(c, "no packets on port " port[c])
		if (kind[c] == "hb") {
			hb_gaps(c, "xsctp", 1)
			hb_gaps(c, "sctp.ko", 0)
		}
		for (i = 1; i <= nmust; i++)
			if (!cnt[c, must[i]])
				finding(c, "no " must[i] " at all")
		# the end, possibly in part on the other link
		if (!cnt[c, "SHUTDOWN"] && !cnt[c, "SHUTDOWN_ACK"] &&
		    !cnt[c, "SHUTDOWN_COMPLETE"])
			finding(c, "no SHUTDOWN, SHUTDOWN_ACK or SHUTDOWN_COMPLETE")
		printf "%s", out[c]
		if (bad[c] > 10)
			printf "# FAIL: %d findings in all\n", bad[c]
		if (bad[c])
			summary = summary sprintf("# %s failed:\n%s", name[c], out[c])
		ok = !bad[c] && !bad[0]
		printf "%sok %d wire_%s\n", ok ? "" : "not ", c, name[c]
		fails += !ok
	}
	# again at the end, where a truncated log still shows it
	printf "%s", summary
	exit fails != 0
}'

if [ "$1" = wire ]; then
	wire_main "$2"
	exit
fi
if [ "$1" = peer ]; then
	peer_main
	exit 0
fi

# XSCTP_REFERENCE=1 (with tools/vm/run --with-sctp): sctp.ko on both
# sides, the baseline for the counters.
if [ -n "$XSCTP_REFERENCE" ]; then
	modprobe sctp || exit 1
fi
mod_load
ktap_case setup t_setup
for c in "${CASES[@]}"; do
	read -r name dir fam port opts <<<"$c"
	selected "$name" || continue
	eval "t_$name() { $dir $name $fam $port $opts; }"
	ktap_case "$name" "t_$name"
done
ktap_finish
status=$?
rm -f "$OUT".*
exit $status
