#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Guest side of tools/bench/run: loads one SCTP stack, builds two netns
# joined by a veth pair (MTU 1500), and runs the selected cases, SCTP and
# TCP alternating within each run so that both see the same guest.  Each
# figure is one line on stdout:
#   BENCH case=N stack=S proto=P metric=M unit=U run=R value=V [reason="..."]
# V is a number, FAIL (reason says what broke) or NA (not measurable).
#
# Usage: guest.sh --stack xsctp|sctp [--cases "1 2 3 4 5 6 7"] [--runs N]
#                 [--seconds S] [--scale N] [--smoke] [--protos "sctp tcp"]
#                 [--perf]
# --perf: a system-wide profile of each case (perf record -a -g, from
# ./perf/ when tools/bench/run shipped it), its top symbols on stdout as
# "PERF case=N ..." lines.
set -euo pipefail

stack=
cases="1 2 3 4 5 6 7"
runs=3
secs=10
scale=10000
smoke=0
protos="sctp tcp"
perf=
while [ $# -gt 0 ]; do
	case $1 in
	--stack) stack=$2; shift 2 ;;
	--cases) cases=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	--seconds) secs=$2; shift 2 ;;
	--scale) scale=$2; shift 2 ;;
	--smoke) smoke=1; shift ;;
	--protos) protos=$2; shift 2 ;;
	--perf) perf=$(dirname "$0")/perf/perf; shift ;;
	*) echo "guest.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
for c in $cases; do
	[[ $c =~ ^[1-7]$ ]] || { echo "guest.sh: no case $c (1-7)" >&2; exit 2; }
done

ns_a=bench$$-a	# clients
ns_b=bench$$-b	# servers
addr_a=10.99.0.1
addr_b=10.99.0.2
addr_a2=10.98.0.1	# case 7's second link
addr_b2=10.98.0.2
# past one address's ports, case 5 binds these too (see bench_scale.c)
extra_a="10.99.0.11 10.99.0.12 10.99.0.13 10.99.0.14"
tmp=$(mktemp -d)
bg_pids=()

na() { ip netns exec "$ns_a" "$@"; }
nb() { ip netns exec "$ns_b" "$@"; }

cleanup() {
	local p
	for p in "${bg_pids[@]}"; do
		kill -9 "$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	ip netns del "$ns_a" 2>/dev/null || true
	ip netns del "$ns_b" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

# emit CASE PROTO METRIC UNIT RUN VALUE [REASON]
emit() {
	local line="BENCH case=$1 stack=$stack proto=$2 metric=$3 unit=$4 run=$5 value=$6"
	[ $# -lt 7 ] ||
		line+=" reason=\"$(printf '%s' "$7" | tr '\n"' ' _' | cut -c1-200)\""
	echo "$line"
}

# kv FILE KEY: the last value of KEY=... or KEY="..." in FILE.
kv() {
	awk -v k="$2" '{
		s = " " $0
		i = index(s, " " k "=")
		if (!i)
			next
		s = substr(s, i + length(k) + 2)
		if (substr(s, 1, 1) == "\"") {
			s = substr(s, 2)
			sub(/".*/, "", s)
		} else {
			sub(/ .*/, "", s)
		}
		v = s
	} END { print v }' "$1"
}

# gone PID SECONDS: waits for a background job to exit (a zombie counts).
gone() {
	local i st
	for ((i = 0; i < $2 * 10; i++)); do
		st=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null || true)
		[ -n "$st" ] && [ "$st" != Z ] || return 0
		sleep 0.1
	done
	return 1
}

# why FILE: the tool's own error text, else its last output line.
why() {
	local e
	e=$(kv "$1" error)
	[ -n "$e" ] || e=$(grep -v '^listening=' "$1" | tail -n1)
	echo "${e:-no output}"
}

# serve NAME CMD...: starts a server in ns_b and waits until it listens.
serve() {
	local name=$1 i
	shift
	# not through nb(): a backgrounded function is a subshell, and
	# killing it would leave the server holding its port
	ip netns exec "$ns_b" "$@" >"$tmp/$name.srv" 2>&1 &
	bg_pids+=($!)
	server_pid=$!
	for i in $(seq 100); do
		grep -q '^listening=1\|Server listening' "$tmp/$name.srv" &&
			return 0
		kill -0 "$server_pid" 2>/dev/null || break
		sleep 0.1
	done
	echo "# server $name did not start: $(why "$tmp/$name.srv")"
	return 1
}

unserve() {
	kill -9 "$server_pid" 2>/dev/null || true
	wait "$server_pid" 2>/dev/null || true
}

load_stack() {
	case $stack in
	xsctp)
		modprobe -a libcrc32c udp_tunnel ip6_udp_tunnel
		if grep -q '^sctp ' /proc/modules; then
			echo "# sctp.ko is loaded: cannot measure xsctp" >&2
			return 1
		fi
		insmod /x/xsctp.ko
		;;
	sctp) modprobe sctp ;;
	*) echo "# unknown stack $stack" >&2; return 1 ;;
	esac
}

setup_net() {
	ip netns add "$ns_a"
	ip netns add "$ns_b"
	ip link add bva netns "$ns_a" type veth peer name bvb netns "$ns_b"
	na ip link set lo up
	nb ip link set lo up
	na ip link set bva mtu 1500 up
	nb ip link set bvb mtu 1500 up
	na ip addr add "$addr_a/24" dev bva
	nb ip addr add "$addr_b/24" dev bvb
	# case 4 opens tens of thousands of TCP connections, each leaving a
	# client TIME_WAIT: let connect() reuse them as TCP allows
	na sh -c 'echo 1 >/proc/sys/net/ipv4/tcp_tw_reuse'
	# a first packet that waits for ARP would be counted in a measurement
	na ping -c1 -W2 "$addr_b" >/dev/null
}

# ---- case 1: bulk, iperf3 ---------------------------------------------

case_bulk() {
	local r=$1 proto v out=$tmp/iperf.out
	for proto in $protos; do
		local flag=
		[ $proto = tcp ] || flag=--sctp
		if ! na timeout $((secs + 30)) iperf3 -c "$addr_b" -p 5201 \
			-t "$secs" -f m $flag >"$out" 2>&1; then
			emit 1 $proto bulk Mbit/s "$r" FAIL "iperf3: $(tail -n1 "$out")"
			continue
		fi
		v=$(awk '/receiver/ { for (i = 1; i <= NF; i++)
			if ($i == "Mbits/sec") print $(i - 1) }' "$out")
		if [ -n "$v" ]; then
			emit 1 $proto bulk Mbit/s "$r" "$v"
		else
			emit 1 $proto bulk Mbit/s "$r" FAIL "iperf3: no summary"
		fi
	done
}

# ---- cases 2, 3: message rate -----------------------------------------

# msg_rate CASE METRIC PROTO RUN SIZE [--nodelay]
msg_rate() {
	local c=$1 metric=$2 proto=$3 r=$4 size=$5 out=$tmp/msg.cli sent msgs
	shift 5
	if ! serve msg bench_msg recv --proto "$proto" --port 5301 \
		--size "$size" --timeout $((secs + 60)); then
		emit "$c" "$proto" "$metric" msg/s "$r" FAIL \
			"receiver: $(why "$tmp/msg.srv")"
		unserve
		return
	fi
	if ! na timeout $((secs + 30)) bench_msg send --proto "$proto" \
		--addr "$addr_b" --port 5301 --size "$size" --streams 10 \
		--seconds "$secs" "$@" >"$out" 2>&1; then
		emit "$c" "$proto" "$metric" msg/s "$r" FAIL "sender: $(why "$out")"
		unserve
		return
	fi
	# the receiver drains to EOF, which may lag the sender's close
	if ! gone "$server_pid" 60; then
		emit "$c" "$proto" "$metric" msg/s "$r" FAIL \
			"receiver did not see EOF within 60 s"
		unserve
		return
	fi
	wait "$server_pid" || true
	sent=$(kv "$out" sent)
	msgs=$(kv "$tmp/msg.srv" msgs)
	if [ -n "$(kv "$tmp/msg.srv" error)" ] ||
		[ "$(kv "$tmp/msg.srv" bad)" != 0 ]; then
		emit "$c" "$proto" "$metric" msg/s "$r" FAIL \
			"receiver: $(why "$tmp/msg.srv") (bad=$(kv "$tmp/msg.srv" bad))"
	elif [ "$sent" != "$msgs" ]; then
		emit "$c" "$proto" "$metric" msg/s "$r" FAIL \
			"sent $sent messages, received $msgs"
	else
		emit "$c" "$proto" "$metric" msg/s "$r" "$(kv "$tmp/msg.srv" rate)"
	fi
}

case_small() {
	local r=$1 proto
	for proto in $protos; do
		msg_rate 2 small_default "$proto" "$r" 100
		msg_rate 2 small_nodelay "$proto" "$r" 100 --nodelay
	done
}

case_large() {
	local r=$1 proto
	for proto in $protos; do
		msg_rate 3 large "$proto" "$r" 16000
	done
}

# ---- case 4: setup rate -----------------------------------------------

case_setup() {
	local r=$1 proto par out=$tmp/setup.cli
	for proto in $protos; do
		if ! serve setup bench_setup server --proto "$proto" --port 5302; then
			emit 4 "$proto" setup_seq conn/s "$r" FAIL \
				"server: $(why "$tmp/setup.srv")"
			emit 4 "$proto" setup_par8 conn/s "$r" FAIL \
				"server: $(why "$tmp/setup.srv")"
			unserve
			continue
		fi
		for par in 1 8; do
			local metric=setup_seq
			[ $par = 1 ] || metric=setup_par$par
			if na timeout $((secs + 60)) bench_setup client \
				--proto "$proto" --addr "$addr_b" --port 5302 \
				--seconds "$secs" --parallel $par >"$out" 2>&1; then
				emit 4 "$proto" $metric conn/s "$r" "$(kv "$out" rate)"
			else
				emit 4 "$proto" $metric conn/s "$r" FAIL "$(why "$out")"
			fi
		done
		unserve
	done
}

# ---- case 5: scale ----------------------------------------------------

case_scale() {
	local r=$1 out=$tmp/scale.cli block=$((scale / 10)) locals a v m
	local rr=3 cpu=5 pw=
	[ "$smoke" = 0 ] || { rr=1; cpu=1; }
	# One client address has ~28k ephemeral ports.  The extra addresses
	# exist only then: a client socket that binds no address would list
	# them all and make every association multihomed.
	if [ "$scale" -gt 25000 ]; then
		for a in $extra_a; do
			na ip addr replace "$a/24" dev bva
		done
		locals="$addr_a,${extra_a// /,}"
	else
		locals=$addr_a
	fi
	if ! serve scale bench_setup server --proto sctp --port 5303 --nodelay; then
		emit 5 sctp assocs count "$r" FAIL "server: $(why "$tmp/scale.srv")"
		unserve
		return
	fi
	if [ -n "$perf" ]; then
		perf_window 5 "$out" $cpu >"$tmp/perf.top" &
		pw=$!
	fi
	na timeout 280 bench_scale --addr "$addr_b" --port 5303 \
		--count "$scale" --block "$block" --local "$locals" \
		--rr-seconds $rr --cpu-seconds $cpu --hb-ms 1000 >"$out" 2>&1 ||
		true
	if [ -n "$pw" ]; then
		grep -q '^phase=start' "$out" || kill "$pw" 2>/dev/null
		wait "$pw" || true
		cat "$tmp/perf.top"
	fi
	unserve
	sed 's/^/# scale: /' "$out"
	v=$(kv "$out" assocs)
	if [ -z "$v" ]; then
		emit 5 sctp assocs count "$r" FAIL "$(why "$out")"
		return
	fi
	if [ "$v" != "$scale" ]; then
		emit 5 sctp assocs count "$r" FAIL "$(why "$out")"
	else
		emit 5 sctp assocs count "$r" "$v"
	fi
	emit 5 sctp setup_first assoc/s "$r" \
		"$(sed -n 's/^block_at=[0-9]* rate=//p' "$out" | head -n1)"
	emit 5 sctp setup_last assoc/s "$r" \
		"$(sed -n 's/^block_at=[0-9]* rate=//p' "$out" | tail -n1)"
	emit 5 sctp slab_per_assoc B "$r" "$(kv "$out" slab_per_assoc)"
	emit 5 sctp mem_per_assoc B "$r" "$(kv "$out" used_per_assoc)"
	for m in rr_base rr_held; do
		v=$(kv "$out" $m)
		if [ -n "$v" ]; then
			emit 5 sctp $m rr/s "$r" "$v"
		else
			emit 5 sctp $m rr/s "$r" FAIL "$(why "$out")"
		fi
	done
	if [ -n "$(kv "$out" hb_error)" ]; then
		emit 5 sctp hb_idle_cpu %cpu "$r" NA "$(kv "$out" hb_error)"
		emit 5 sctp hb_chunks chunk/s "$r" NA "$(kv "$out" hb_error)"
		emit 5 sctp hb_packets pkt/s "$r" NA "$(kv "$out" hb_error)"
	elif [ -n "$(kv "$out" hb_cpu_pct)" ]; then
		emit 5 sctp hb_idle_cpu %cpu "$r" "$(kv "$out" hb_cpu_pct)"
		v=$(kv "$out" hb_chunks_per_s)
		if [ -n "$v" ]; then
			emit 5 sctp hb_chunks chunk/s "$r" "$v"
		else
			emit 5 sctp hb_chunks chunk/s "$r" NA \
				"no SctpOutCtrlChunks in /proc/net/sctp/snmp"
		fi
		# both directions on the client's veth: heartbeats and their acks
		v=$(kv "$out" hb_packets_per_s)
		[ -z "$v" ] || emit 5 sctp hb_packets pkt/s "$r" "$v"
		v=$(kv "$out" hb_cpu_per_kpkt)
		[ -z "$v" ] || emit 5 sctp hb_cpu_kpkt %cpu "$r" "$v"
	else
		emit 5 sctp hb_idle_cpu %cpu "$r" FAIL "$(why "$out")"
	fi
}

# ---- case 6: many associations on one socket, per CPU count -----------

case_cores() {
	local r=$1 proto ncpu out=$tmp/many.cli metric
	ncpu=$(grep -c ^processor /proc/cpuinfo)
	metric=many_${ncpu}cpu
	for proto in $protos; do
		if ! serve many bench_msg recv --proto "$proto" --port 5304 \
			--many --window "$secs" --size 1000 --timeout 60; then
			emit 6 "$proto" "$metric" msg/s "$r" FAIL \
				"receiver: $(why "$tmp/many.srv")"
			unserve
			continue
		fi
		if ! na timeout $((secs + 60)) bench_msg send --proto "$proto" \
			--addr "$addr_b" --port 5304 --size 1000 --clients 16 \
			--seconds $((secs + 2)) >"$out" 2>&1; then
			emit 6 "$proto" "$metric" msg/s "$r" FAIL "sender: $(why "$out")"
			unserve
			continue
		fi
		gone "$server_pid" 30 || true
		unserve
		if [ -n "$(kv "$tmp/many.srv" error)" ] ||
			[ "$(kv "$tmp/many.srv" bad)" != 0 ]; then
			emit 6 "$proto" "$metric" msg/s "$r" FAIL \
				"receiver: $(why "$tmp/many.srv") (bad=$(kv "$tmp/many.srv" bad))"
		else
			emit 6 "$proto" "$metric" msg/s "$r" "$(kv "$tmp/many.srv" rate)"
		fi
	done
}

# ---- case 7: failover -------------------------------------------------

# A second veth pair, its own subnet: two paths per association.
setup_link2() {
	[ -z "${link2:-}" ] || return 0
	ip link add bva2 netns "$ns_a" type veth peer name bvb2 netns "$ns_b"
	na ip link set bva2 mtu 1500 up
	nb ip link set bvb2 mtu 1500 up
	na ip addr add "$addr_a2/24" dev bva2
	nb ip addr add "$addr_b2/24" dev bvb2
	na ping -c1 -W2 "$addr_b2" >/dev/null
	link2=1
}

# waitfor SECONDS FILE ERE: until a line of FILE matches.
waitfor() {
	local i
	for ((i = 0; i < $1 * 10; i++)); do
		grep -qE "$3" "$2" && return 0
		sleep 0.1
	done
	return 1
}

# failover METRIC RUN CLIENT-ARGS...: sctp_mh (selftests) streams a
# message every 2 ms from a to b over two paths (sctp_connectx() to both
# of b's addresses); link 1 is cut on a's side (netem 100% loss).  The
# figure is the time from the cut to the arrival of the first message
# sent after it (the server's FAILOVER line); the link then comes back
# and every message is checked at a graceful end.
failover() {
	local metric=$1 r=$2 srv=$tmp/fo.srv cli=$tmp/fo.cli cpid ms sent got
	shift 2
	rm -f "$tmp/fo.cut" "$tmp/fo.stop"
	ip netns exec "$ns_b" sctp_mh server -4 -p 5305 --cut-file "$tmp/fo.cut" \
		--timeout 60 >"$srv" 2>&1 &
	bg_pids+=($!)
	server_pid=$!
	# the client retries nothing: the server must listen first
	if ! waitfor 10 "$srv" '^LISTENING'; then
		emit 7 sctp "$metric" ms "$r" FAIL "server: $(tail -n1 "$srv")"
		unserve
		return
	fi
	ip netns exec "$ns_a" sctp_mh client -4 -c "$addr_b" -c "$addr_b2" \
		-p 5305 --paths 2 --interval 2 --stop-file "$tmp/fo.stop" \
		--timeout 60 "$@" >"$cli" 2>&1 &
	bg_pids+=($!)
	cpid=$!
	if ! waitfor 20 "$srv" '^(RECEIVING|FAIL)' ||
		! grep -q '^RECEIVING' "$srv"; then
		emit 7 sctp "$metric" ms "$r" FAIL "no traffic: $(tail -n1 "$cli") / $(tail -n1 "$srv")"
		kill -9 "$cpid" 2>/dev/null || true
		unserve
		return
	fi
	na tc qdisc replace dev bva root netem loss 100%
	echo "$EPOCHREALTIME" >"$tmp/fo.cut.tmp" && mv "$tmp/fo.cut.tmp" "$tmp/fo.cut"
	waitfor 30 "$srv" '^(FAILOVER|FAIL)' || true
	na tc qdisc del dev bva root
	touch "$tmp/fo.stop"
	gone "$cpid" 30 || kill -9 "$cpid" 2>/dev/null || true
	gone "$server_pid" 30 || true
	unserve
	ms=$(sed -n 's/^FAILOVER .* ms=\([0-9.]*\).*/\1/p' "$srv")
	sent=$(kv "$cli" sent)
	got=$(kv "$srv" msgs)
	if [ -z "$ms" ]; then
		emit 7 sctp "$metric" ms "$r" FAIL "no failover within 30 s: $(tail -n1 "$srv")"
	elif [ -z "$sent" ] || [ "$sent" != "$got" ]; then
		emit 7 sctp "$metric" ms "$r" FAIL "sent ${sent:-?} messages, ${got:-?} checked: $(tail -n1 "$cli") / $(tail -n1 "$srv")"
	else
		emit 7 sctp "$metric" ms "$r" "$ms"
	fi
}

case_failover() {
	local r=$1
	setup_link2
	# default timers: RTO.Min 1 s, HB.interval 30 s; the smoke run skips
	# them (a second or two more)
	[ "$smoke" = 1 ] || failover failover_default "$r"
	# tuned: PF threshold 0, HB.interval 1 s, RTO.Max 1 s
	failover failover_tuned "$r" --pf 0 --hb 1000 --rto 1000,1000,1000
}

# perf_run CASE CMD...: CMD, profiled when --perf asked for it.  Case 5
# profiles only its idle heartbeat phase (perf_window, from case_scale).
perf_run() {
	local c=$1 pid
	shift
	if [ -z "$perf" ] || [ "$c" = 5 ]; then
		"$@"
		return
	fi
	perf_setup
	LD_LIBRARY_PATH=$(dirname "$perf")/lib "$perf" record -a -g -F 999 \
		-o "$tmp/perf.data" >"$tmp/perf.log" 2>&1 &
	pid=$!
	"$@"
	kill -INT "$pid"
	wait "$pid" || true
	perf_report "$c"
}

perf_setup() {
	echo -1 >/proc/sys/kernel/perf_event_paranoid
	echo 0 >/proc/sys/kernel/kptr_restrict
}

# who ran (tasks, idle, softirq), then where; then, for the busiest task
# (the one that bounds a stream), the share of each call subtree
perf_report() {
	local lib top
	lib=$(dirname "$perf")/lib
	perf_top "$1" "$lib" comm,cpu 0.5 30
	perf_top "$1" "$lib" sym 0.3 100
	perf_top "$1" "$lib" pid 0.3 10 | tee "$tmp/perf.pids"
	top=$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[1-9][0-9]*:/) {
		sub(":.*", "", $i); print $i; exit } }' "$tmp/perf.pids")
	[ -z "$top" ] ||
		perf_rep "$lib" --children -g none --sort sym --pid "$top" \
			--percent-limit 1.5 | head -n 80 |
			sed "s/^/PERF case=$1 pid=$top inclusive /" || true
}

# perf_window CASE FILE SECONDS: once FILE has a line phase=start, a
# profile of SECONDS (in the background: the caller waits for it)
perf_window() {
	local c=$1 f=$2 s=$3 i
	[ -n "$perf" ] || return 0
	for ((i = 0; i < 3000; i++)); do
		grep -q '^phase=start' "$f" 2>/dev/null && break
		sleep 0.1
	done
	perf_setup
	LD_LIBRARY_PATH=$(dirname "$perf")/lib "$perf" record -a -g -F 999 \
		-o "$tmp/perf.data" -- sleep "$s" >"$tmp/perf.log" 2>&1
	perf_report "$c"
}

# perf_rep LIBDIR OPTION...: perf report's rows
perf_rep() {
	LD_LIBRARY_PATH=$1 "$perf" report -i "$tmp/perf.data" --stdio \
		"${@:2}" 2>/dev/null | grep -v -e '^#' -e '^$' || true
}

# perf_top CASE LIBDIR SORT MIN_PERCENT LINES
perf_top() {
	perf_rep "$2" --no-children -g none --sort "$3" --percent-limit "$4" |
		head -n "$5" | sed "s/^/PERF case=$1 $3 /" || true
}

main() {
	local r c fn=(- case_bulk case_small case_large case_setup case_scale
		case_cores case_failover)
	echo "# bench: stack=$stack kernel=$(uname -r) cpus=$(grep -c ^processor /proc/cpuinfo) cases=$cases runs=$runs seconds=$secs"
	if ! load_stack; then
		echo "BENCH_ERROR stack=$stack reason=\"loading the stack failed\""
		exit 1
	fi
	setup_net
	if [[ " $cases " == *" 1 "* ]]; then
		serve iperf iperf3 -s -p 5201 --forceflush ||
			echo "# iperf3 server did not start"
	fi
	for ((r = 1; r <= runs; r++)); do
		for c in $cases; do
			perf_run "$c" "${fn[$c]}" "$r"
		done
	done
	echo "# bench: done"
}

main
