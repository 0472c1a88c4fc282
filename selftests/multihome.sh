#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Multihoming and failover (RFC 9260 s5.4, s6.4, s8.2, s8.3; RFC 7829):
# namespaces a (server) and b (client) joined by two veth pairs, one
# subnet each.  sctp_mh sends a message every 5 ms from b and checks every
# byte and the order per stream in a; both print every notification with
# its time.  Links are cut with netem loss 100% or `ip link set down` on
# b's side while data flows; the failover time is from the cut to the
# arrival of the first message sent after it.  The connectx cases give
# the client's sctp_connectx() both server addresses, or a dead one first.
# Runs against xsctp, or against Linux's sctp.ko (loaded by the caller)
# with XSCTP_REFERENCE=1.  MH_CASES="a b" runs only those cases.
. "$(dirname "$0")/lib.sh"

MH=$(cd "$(dirname "$0")" && pwd)/sctp_mh
PORT=6100
OUT=${TMPDIR:-/tmp}/mh.$$
# RTO initial,min,max; heartbeat interval; Path.Max.Retrans.  An RTO.Min
# of 100 ms is below the server's default SACK delay (200 ms): a lone
# packet (the client stalled for a moment) would time out spuriously and
# mark its path PF, so with these the server acks within 10 ms.
TUNED="--rto 200,100,1000 --hb 1000 --pathmaxrxt 2"
SRV_TUNED="--sack-delay 10"
SPID=
CPID=

# A case's namespaces and programs die with its subshell (see data.sh).
# Neighbours are static: netem would drop ARP and ND too.
topo() {
	local fam=$1 l

	T0=$EPOCHREALTIME
	trap 'stop_all; ns_cleanup; rm -f "$OUT".*; log "case took $(ms_between "$T0" "$EPOCHREALTIME") ms"' EXIT
	ns_create a && ns_create b || return 1
	if [ "$fam" = -6 ]; then
		S1=fd01::1 S2=fd02::1 C1=fd01::2 C2=fd02::2
		SA1="\[$S1\]:$PORT" SA2="\[$S2\]:$PORT"
		# link down must not take b's addresses with it
		n b sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1 || return 1
		n b sysctl -qw net.ipv6.conf.default.keep_addr_on_down=1 || return 1
	else
		S1=10.1.1.1 S2=10.1.2.1 C1=10.1.1.2 C2=10.1.2.2
		SA1="$S1:$PORT" SA2="$S2:$PORT"
	fi
	for l in 1 2; do
		ns_link a va$l b vb$l &&
			n a ip link set va$l address 02:00:00:00:1$l:01 &&
			n b ip link set vb$l address 02:00:00:00:1$l:02 || return 1
	done
	ns_addr a va1 $S1/"$(plen "$fam")" && ns_addr a va2 $S2/"$(plen "$fam")" &&
		ns_addr b vb1 $C1/"$(plen "$fam")" &&
		ns_addr b vb2 $C2/"$(plen "$fam")" &&
		neighs 1 && neighs 2 || return 1
	# sctp.ko reports ADDR_POTENTIALLY_FAILED only when asked to
	if [ -n "$XSCTP_REFERENCE" ]; then
		n b sysctl -qw net.sctp.pf_expose=1 || return 1
	fi
}

plen() { [ "$1" = -6 ] && echo 64 || echo 24; }

# neighs L: static neighbours on link L, both ways (again after a link
# went down: that flushes them).
neighs() {
	local s c

	if [ "$1" = 1 ]; then s=$S1 c=$C1; else s=$S2 c=$C2; fi
	n a ip neigh replace "$c" lladdr 02:00:00:00:1"$1":02 dev va"$1" \
		nud permanent &&
		n b ip neigh replace "$s" lladdr 02:00:00:00:1"$1":01 \
			dev vb"$1" nud permanent
}

stop_all() {
	[ -z "$CPID" ] || kill "$CPID" 2>/dev/null || true
	[ -z "$SPID" ] || kill "$SPID" 2>/dev/null || true
}


# start FAMILY CLIENT-ARGS...: a server in a (options: $SRV_ARGS), a
# client in b sending to S1 until $OUT.stop exists; returns once both
# paths are confirmed and the first message arrived.
start() {
	local fam=$1

	shift
	rm -f "$OUT".*
	ip netns exec "$NS_PREFIX-a" "$MH" server "$fam" -p $PORT \
		--cut-file "$OUT.cut" --timeout 80 $SRV_ARGS >"$OUT.server" 2>&1 &
	SPID=$!
	wait_until 10 grep -q LISTENING "$OUT.server" || return 1
	ip netns exec "$NS_PREFIX-b" "$MH" client "$fam" ${TO:--c $S1} -p $PORT \
		--paths 2 --stop-file "$OUT.stop" --timeout 80 "$@" \
		>"$OUT.client" 2>&1 &
	CPID=$!
	wait_until 20 grep -qE '^(READY|FAIL)' "$OUT.client" &&
		grep -q '^READY' "$OUT.client" &&
		wait_until 10 grep -qE '^(RECEIVING|FAIL)' "$OUT.server" &&
		grep -q '^RECEIVING' "$OUT.server" || { show "$OUT".*; return 1; }
}

# finish: the client stops, shuts down gracefully, and the server has
# every message it sent, checked.
finish() {
	local rc=0 sent got

	touch "$OUT.stop"
	wait "$CPID" || rc=1
	wait "$SPID" || rc=1
	CPID= SPID=
	show "$OUT.client" "$OUT.server"
	sent=$(sed -n 's/^OK sent=//p' "$OUT.client")
	got=$(sed -n 's/^OK msgs=//p' "$OUT.server")
	[ $rc = 0 ] && [ -n "$sent" ] && [ "$sent" = "$got" ] ||
		fail "client sent ${sent:-?}, server checked ${got:-?}"
}

# cut_now: records the time a cut took effect, for the server too.
cut_now() {
	CUT=$EPOCHREALTIME
	echo "$CUT" >"$OUT.cut.tmp" && mv "$OUT.cut.tmp" "$OUT.cut"
}

# when FILE ERE: the t= time of the first line matching ERE.
when() { grep -m1 -E "$2" "$1" | sed -n 's/.* t=\([0-9.]*\).*/\1/p'; }

# ms_between T0 T1
ms_between() { awk "BEGIN { printf \"%d\", ($2 - $1) * 1000 }"; }

# paddr STATE ADDR-ERE: the ERE of a client line for that peer address.
paddr() { echo "^PEER_ADDR_CHANGE addr=$2 state=$1 "; }

# client_confirmed: the client confirmed the server's second address and
# its primary is the address it connected to.
client_confirmed() {
	grep -qE "$(paddr ADDR_CONFIRMED "$SA2")" "$OUT.client" ||
		fail "client: no ADDR_CONFIRMED for $S2" || return 1
	! grep -q '^PRIMARY start' "$OUT.client" ||
		grep -qE "^PRIMARY start addr=$SA1\$" "$OUT.client" ||
		fail "primary is not $S1"
}

# server_confirmed: the server confirmed the client's second address (its
# first probe goes out after RTO.Initial, 3 s by default).
server_confirmed() {
	local c2=$C2

	[ "$C2" = "${C2#*:}" ] || c2="\[$C2\]"
	wait_until 10 grep -qE "$(paddr ADDR_CONFIRMED "$c2:[0-9]+")" \
		"$OUT.server" || fail "server: no ADDR_CONFIRMED for $C2"
}

# before_stop FILE: its lines up to the client's STOPPING.  Past that
# point the last DATA waits for the peer's delayed SACK (200 ms), longer
# than a tuned RTO.Min (100 ms): a spurious T3 may then mark a path PF.
before_stop() { sed '/^STOPPING/q' "$1"; }

# Both paths confirmed, seen from both ends, default timers.
confirm() {
	topo "$1" && start "$1" || return 1
	client_confirmed && server_confirmed || { show "$OUT".*; return 1; }
	finish || return 1
	! grep -qE 'ADDR_(POTENTIALLY_FAILED|UNREACHABLE)' "$OUT".* ||
		fail "a path failed on clean links"
}

# cut_link HOW L / mend_link HOW L: netem loss 100% on b's side of link L,
# or b's veth down (its routes go).
cut_link() {
	case $1 in
	netem) n b tc qdisc replace dev vb"$2" root netem loss 100% ;;
	down) n b ip link set vb"$2" down ;;
	esac
}

mend_link() {
	case $1 in
	netem) n b tc qdisc del dev vb"$2" root ;;
	down) n b ip link set vb"$2" up && neighs "$2" ;;
	esac
}

# failover FAMILY HOW default|tuned: the primary link fails while the
# client sends; the data moves to the second path, the client reports
# the primary address failed, then available again once the link is back.
failover() {
	local fam=$1 how=$2 timers=$3 args= bound=4000 fo t_pf t_un t_back
	local t_mend ms line rc=0

	[ "$timers" = tuned ] && args=$TUNED && SRV_ARGS=$SRV_TUNED && bound=1500
	topo "$fam" && start "$fam" $args || return 1
	cut_link "$how" 1 && cut_now || return 1
	if ! wait_until 15 grep -q '^FAILOVER' "$OUT.server"; then
		show "$OUT".*
		return 1
	fi
	# sctp.ko does not report PF, and Path.Max.Retrans 5 at RTO.Min 1 s
	# takes a minute: with its default timers the failover is all we see
	if [ -n "$XSCTP_REFERENCE" ] && [ "$timers" = default ]; then
		log "sctp.ko, default timers: no path state expected"
		t_mend=$EPOCHREALTIME
		mend_link "$how" 1 && finish || return 1
		log "failover $fam $how $timers: $(grep '^FAILOVER' "$OUT.server")"
		return 0
	fi
	if ! wait_until 15 grep -qE "$(paddr 'ADDR_(POTENTIALLY_FAILED|UNREACHABLE)' "$SA1")" "$OUT.client"; then
		show "$OUT".*
		return 1
	fi
	# with Path.Max.Retrans 2 the primary goes on to UNREACHABLE quickly
	if [ "$timers" = tuned ] &&
		! wait_until 5 grep -qE "$(paddr ADDR_UNREACHABLE "$SA1")" "$OUT.client"; then
		fail "$S1 not UNREACHABLE after Path.Max.Retrans" || rc=1
	fi
	t_mend=$EPOCHREALTIME
	mend_link "$how" 1 || return 1
	if ! wait_until 30 grep -qE "$(paddr ADDR_AVAILABLE "$SA1")" "$OUT.client"; then
		show "$OUT".*
		return 1
	fi
	finish || return 1
	client_confirmed || return 1
	# no switchover by default (RFC 7829 s5, ps_retrans 65535): the
	# data went back to the first address, still the primary
	grep -qE "^PRIMARY end addr=$SA1\$" "$OUT.client" ||
		fail "primary is not $S1 at the end" || rc=1
	! grep -q 'state=ADDR_MADE_PRIM' "$OUT.client" ||
		fail "the primary changed" || rc=1
	fo=$(sed -n 's/^FAILOVER .* ms=\([0-9]*\).*/\1/p' "$OUT.server")
	t_pf=$(when "$OUT.client" "$(paddr ADDR_POTENTIALLY_FAILED "$SA1")")
	t_un=$(when "$OUT.client" "$(paddr ADDR_UNREACHABLE "$SA1")")
	t_back=$(when "$OUT.client" "$(paddr ADDR_AVAILABLE "$SA1")")
	line="failover $fam $how $timers: ${fo} ms"
	[ -z "$t_pf" ] || line+=", PF after $(ms_between "$CUT" "$t_pf") ms"
	[ -z "$t_un" ] || line+=", UNREACHABLE after $(ms_between "$CUT" "$t_un") ms"
	line+=", AVAILABLE $(ms_between "$t_mend" "$t_back") ms after the repair"
	line+=", $(grep '^MAXLAT' "$OUT.server")"
	log "$line"
	[ "$fo" -le $bound ] || fail "failover took $fo ms (> $bound)" ||
		rc=1
	ms=$(ms_between "$t_mend" "$t_back")
	[ "$ms" -gt 0 ] || fail "ADDR_AVAILABLE before the link was mended" ||
		rc=1
	# the second path carried the data: it must never have failed.  One
	# spurious T3 (a TCG guest stalls for 100 ms and more at times) may
	# mark it PF for a moment; it is shown, not counted.
	before_stop "$OUT.client" | grep -E "^PEER_ADDR_CHANGE addr=$SA2 state=ADDR_POTENTIALLY_FAILED" |
		sed 's/^/# note: /'
	! before_stop "$OUT.client" |
		grep -qE "^PEER_ADDR_CHANGE addr=$SA2 state=ADDR_UNREACHABLE" ||
		fail "$S2 failed too" || rc=1
	return $rc
}

# switchover FAMILY: with Primary.Switchover.Max.Retrans 0 (RFC 7829 s5,
# SCTP_PEER_ADDR_THLDS_V2) the path the data moved to becomes the primary
# when the first fails, and stays so once the link is back.
switchover() {
	SRV_ARGS=$SRV_TUNED
	topo "$1" && start "$1" $TUNED --pf 0 --ps 0 || return 1
	client_confirmed || return 1
	cut_link netem 1 && cut_now || return 1
	if ! wait_until 15 grep -qE "$(paddr ADDR_MADE_PRIM "$SA2")" \
		"$OUT.client"; then
		show "$OUT".*
		return 1
	fi
	mend_link netem 1 || return 1
	if ! wait_until 30 grep -qE "$(paddr ADDR_AVAILABLE "$SA1")" \
		"$OUT.client"; then
		show "$OUT".*
		return 1
	fi
	finish || return 1
	grep -qE "^PRIMARY end addr=$SA2\$" "$OUT.client" ||
		fail "primary is not $S2 at the end"
}

# secondary FAMILY: the second link fails; the primary carries on
# undisturbed (no notification about it, no stalled message).
secondary() {
	local fam=$1 t_un t_mend t_back fo lat

	SRV_ARGS=$SRV_TUNED
	topo "$fam" && start "$fam" $TUNED || return 1
	cut_link netem 2 && cut_now || return 1
	if ! wait_until 15 grep -qE "$(paddr ADDR_UNREACHABLE "$SA2")" "$OUT.client"; then
		show "$OUT".*
		return 1
	fi
	t_mend=$EPOCHREALTIME
	mend_link netem 2 || return 1
	if ! wait_until 15 grep -qE "$(paddr ADDR_AVAILABLE "$SA2")" "$OUT.client"; then
		show "$OUT".*
		return 1
	fi
	finish || return 1
	t_un=$(when "$OUT.client" "$(paddr ADDR_UNREACHABLE "$SA2")")
	t_back=$(when "$OUT.client" "$(paddr ADDR_AVAILABLE "$SA2")")
	fo=$(sed -n 's/^FAILOVER .* ms=\([0-9]*\).*/\1/p' "$OUT.server")
	lat=$(sed -n 's/^MAXLAT .* ms=\([0-9]*\).*/\1/p' "$OUT.server")
	log "secondary $fam: UNREACHABLE after $(ms_between "$CUT" "$t_un") ms, AVAILABLE $(ms_between "$t_mend" "$t_back") ms after the repair; first message after the cut took $fo ms, slowest $lat ms"
	before_stop "$OUT.client" | grep "^PEER_ADDR_CHANGE addr=$SA1 " |
		sed 's/^/# note: /'
	! before_stop "$OUT.client" |
		grep -q "^PEER_ADDR_CHANGE addr=$SA1 state=ADDR_UNREACHABLE" ||
		fail "the primary was declared unreachable" || return 1
	# the data never left the primary: the first message sent after the
	# cut took no retransmission timeout (RTO.Min 100 ms, plus the
	# guest's own stalls) to arrive
	[ "$fo" -lt 200 ] || fail "the first message after the cut took $fo ms"
}

# all_down FAMILY: both links fail for good; after Association.Max.Retrans
# (4) errors the client is told COMM_LOST.  Each error costs at most
# RTO.Max (400 ms): 5 of them plus a heartbeat interval (500 ms).
all_down() {
	local fam=$1 t_lost ms bound=2500
	# the server's end fails as fast: it cannot be told either, and an
	# association left probing dead links holds its socket for minutes
	local SRV_ARGS="--rto 100,100,400 --hb 500 --pathmaxrxt 2 --asocmaxrxt 4"

	topo "$fam" && start "$fam" --rto 100,100,400 --hb 500 \
		--pathmaxrxt 2 --asocmaxrxt 4 || return 1
	# both at once: one tc for the two links
	printf 'qdisc replace dev vb%s root netem loss 100%%\n' 1 2 |
		n b tc -batch - && cut_now || return 1
	wait "$CPID" || true
	CPID=
	show "$OUT.client"
	grep -q '^FAIL association ended: COMM_LOST' "$OUT.client" ||
		fail "client not told COMM_LOST" || return 1
	t_lost=$(when "$OUT.client" '^ASSOC_CHANGE state=COMM_LOST')
	ms=$(ms_between "$CUT" "$t_lost")
	log "all_down $fam: COMM_LOST after $ms ms (bound $bound)"
	# the server checked everything it got
	! grep -q '^FAIL' "$OUT.server" || { show "$OUT.server"; return 1; }
	[ "$ms" -ge 200 ] && [ "$ms" -le $bound ] ||
		fail "COMM_LOST after $ms ms, expected 200..$bound"
}

# path_line WHEN ADDR: the client's PATH line for that peer address.
path_line() { grep -E "^PATH $1 addr=$2 " "$OUT.client"; }

# connectx_dead FAMILY: sctp_connectx() to an address nobody has, then
# the server's second one.  T1-init (RTO.Initial 200 ms) expires and the
# INIT goes to the second address (RFC 9260 s6.4); the INIT ACK lists the
# server's two addresses, which become the paths; the dead one is gone.
connectx_dead() {
	local fam=$1 ms dead=10.1.1.9 dead_re=10.1.1.9:$PORT

	[ "$fam" = -6 ] && dead=fd01::9 && dead_re="\[$dead\]:$PORT"
	topo "$fam" || return 1
	TO="-c $dead -c $S2" start "$fam" $TUNED --count 100 || return 1
	finish || return 1
	ms=$(sed -n 's/^CONNECTED .* ms=\([0-9]*\).*/\1/p' "$OUT.client")
	log "connectx_dead $fam: up after $ms ms (T1-init 200 ms)"
	[ "$ms" -ge 190 ] && [ "$ms" -le 3000 ] ||
		fail "association up after ${ms} ms, expected 190..3000" || return 1
	grep -q '^PADDRS start n=2$' "$OUT.client" && path_line start "$SA1" >/dev/null &&
		path_line start "$SA2" >/dev/null || fail "paths are not $S1 and $S2" || return 1
	! grep -qE "addr=$dead_re" "$OUT.client" || fail "$dead still a path" || return 1
	# the address the INIT ACK came from carries the data
	grep -qE "^PRIMARY start addr=$SA2\$" "$OUT.client" || fail "primary is not $S2"
}

# connectx_both FAMILY: sctp_connectx() to both server addresses: both
# are paths from the start and confirmed by being given (RFC 9260 s5.4):
# ACTIVE at once, no ADDR_CONFIRMED for either, the first the primary.
connectx_both() {
	local fam=$1

	topo "$fam" || return 1
	TO="-c $S1 -c $S2" start "$fam" --paths 2 --count 100 || return 1
	finish || return 1
	grep -q '^PADDRS start n=2$' "$OUT.client" &&
		path_line start "$SA1" | grep -q ' state=2 ' &&
		path_line start "$SA2" | grep -q ' state=2 ' ||
		fail "both paths not ACTIVE from the start" || return 1
	! grep -q 'state=ADDR_CONFIRMED' "$OUT.client" ||
		fail "a given address was confirmed again" || return 1
	grep -qE "^PRIMARY start addr=$SA1\$" "$OUT.client" || fail "primary is not $S1"
}

t_confirm_v4() { confirm -4; }
t_confirm_v6() { confirm -6; }
t_failover_netem_default_v4() { failover -4 netem default; }
t_failover_netem_tuned_v4() { failover -4 netem tuned; }
t_failover_netem_tuned_v6() { failover -6 netem tuned; }
t_failover_link_down_v4() { failover -4 down tuned; }
t_failover_link_down_v6() { failover -6 down tuned; }
t_switchover_v4() { switchover -4; }
t_switchover_v6() { switchover -6; }
t_secondary_fails_v4() { secondary -4; }
t_secondary_fails_v6() { secondary -6; }
t_all_down_v4() { all_down -4; }
t_all_down_v6() { all_down -6; }
t_connectx_dead_v4() { connectx_dead -4; }
t_connectx_dead_v6() { connectx_dead -6; }
t_connectx_both_v4() { connectx_both -4; }

mh_case() {
	[ -z "$MH_CASES" ] || [[ " $MH_CASES " == *" $1 "* ]] || return 0
	ktap_case "$1" "t_$1"
}

mod_load
modprobe sch_netem 2>/dev/null
mh_case confirm_v4
mh_case confirm_v6
mh_case failover_netem_default_v4
mh_case failover_netem_tuned_v4
mh_case failover_netem_tuned_v6
mh_case failover_link_down_v4
mh_case failover_link_down_v6
mh_case switchover_v4
mh_case switchover_v6
mh_case secondary_fails_v4
mh_case secondary_fails_v6
mh_case all_down_v4
mh_case all_down_v6
mh_case connectx_dead_v4
mh_case connectx_dead_v6
mh_case connectx_both_v4
ktap_finish
