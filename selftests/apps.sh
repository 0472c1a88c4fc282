#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Existing SCTP applications, unmodified, between two namespaces joined by
# veth: Debian's lksctp-tools (checksctp, sctp_test in both socket styles
# with many streams over IPv4 and IPv6, an interactive sctp_darn exchange,
# withsctp turning a TCP program into an SCTP one) and iperf3 --sctp with
# the bytes it carried compared by hash.  Runs against xsctp, or against
# Linux's sctp.ko (loaded by the caller) with XSCTP_REFERENCE=1.
. "$(dirname "$0")/lib.sh"

A4=10.0.2.1
B4=10.0.2.2
A6=fd00:2::1
B6=fd00:2::2
OUT=${TMPDIR:-/tmp}/apps.$$

# ktap_finish runs each case in a subshell used as an `if` condition, so
# errexit is off there: every step that can fail is checked.
topo() {
	trap 'stop_all; ns_cleanup; rm -rf "$OUT"' EXIT
	mkdir -p "$OUT" &&
		ns_create a && ns_create b && ns_link a va b vb &&
		ns_addr a va $A4/24 && ns_addr b vb $B4/24 &&
		ns_addr a va $A6/64 && ns_addr b vb $B6/64
}

# Background programs of the case, stopped when it ends.
_pids=()
spawn() {
	"$@" &
	_pids+=("$!")
}

stop_all() {
	local p ns
	for p in "${_pids[@]}"; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	_pids=()
	# and whatever they left running (iperf3 -D, children of timeout):
	# their sockets would outlive the case and hold the module
	for ns in "$NS_PREFIX-a" "$NS_PREFIX-b"; do
		ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null
	done
	wait 2>/dev/null || true
}

# nx NS SEC CMD...: CMD inside namespace NS, killed after SEC seconds.
nx() {
	local ns=$NS_PREFIX-$1 sec=$2
	shift 2
	timeout "$sec" ip netns exec "$ns" "$@"
}

# sctp_listening NS PORT: an SCTP endpoint listens on PORT in NS.
sctp_listening() {
	# shellcheck disable=SC2016 # awk's own variables
	ip netns exec "$NS_PREFIX-$1" awk -v p="$2" \
		'NR > 1 && $6 == p { f = 1 } END { exit !f }' \
		/proc/net/sctp/eps
}

# listening NS PORT: sctp_listening, or what there is after 10 s.
listening() {
	wait_until 10 sctp_listening "$1" "$2" && return 0
	ip netns exec "$NS_PREFIX-$1" cat /proc/net/sctp/eps | sed 's/^/# eps: /'
	return 1
}

# tcp_listening NS PORT
tcp_listening() {
	[ -n "$(ip netns exec "$NS_PREFIX-$1" ss -Hltn "sport = :$2")" ]
}


t_checksctp() {
	topo || return 1
	nx a 10 checksctp >"$OUT/check" 2>&1 || { show "$OUT/check"; return 1; }
	grep -qx 'SCTP supported' "$OUT/check" ||
		{ show "$OUT/check"; fail "checksctp: no 'SCTP supported'"; }
}

# ended FILE: sctp_test's server saw its association end: the
# SHUTDOWN_COMP notification or, one-to-one, end of file (the peer's
# SHUTDOWN ends reading, on sctp.ko too, and recvmsg() may return 0 before
# SHUTDOWN COMPLETE comes).
ended() {
	grep -Eq 'SHUTDOWN_COMPLETE|No association is present' "$1"
}

# total FILE PATTERN: the sum of the sizes FILE lists (sed PATTERN picks
# them).
total() {
	sed -nE "s/$2/\\1/p" "$1" | awk '{ n += $1 } END { print n + 0 }'
}

# sctp_test_pair -4|-6 [-T]: sctp_test's server in a and client in b,
# 30 messages of 1 to 32768 bytes (case 4: fragmented on a 1500-byte
# link) over 16 streams, ordered and unordered at random.  The client must
# send all 30; the server must print the association's start and end and
# receive every byte on all 16 streams (it prints each piece a partial
# delivery hands it as a message of its own).
sctp_test_pair() {
	local la=$A4 lb=$B4 port=6100 style=$2 srv cli n sent got streams
	[ "$1" = -6 ] && la=$A6 lb=$B6
	[ -n "$style" ] && port=6200
	srv=$OUT/server cli=$OUT/client
	topo || return 1
	spawn nx a 120 sctp_test -H $la -P $port -l -M 16 ${style:+"$style"} >"$srv" 2>&1
	listening a $port || { show "$srv"; return 1; }
	if ! nx b 120 sctp_test -H $lb -P $((port + 1)) -h $la -p $port -s \
		-c 4 -x 3 -M 16 -o 3 ${style:+"$style"} >"$cli" 2>&1; then
		show "$cli"
		fail "sctp_test client failed"
		return 1
	fi
	if ! wait_until 30 ended "$srv"; then
		show "$srv" "$cli"
		return 1
	fi
	stop_all
	n=$(grep -c 'sendmsg(sk=' "$cli")
	sent=$(total "$cli" '.*sendmsg\(.*\) +([0-9]+) bytes.*')
	got=$(total "$srv" '.*Data ([0-9]+) bytes.*')
	streams=$(sed -nE 's/.*SNDRCV\(stream=([0-9]+) .*/\1/p' "$srv" |
		sort -u | wc -l)
	log "client: $n messages, $sent bytes; server: $got bytes on $streams streams"
	if ! grep -q 'COMMUNICATION_UP' "$srv" || [ "$n" != 30 ] ||
		[ "$sent" != 341307 ] || [ "$got" != "$sent" ] ||
		[ "$streams" != 16 ]; then
		show "$srv" "$cli"
		fail "sctp_test: the server did not get what the client sent"
		return 1
	fi
}

t_sctp_test_v4_one_to_many() { sctp_test_pair -4; }
t_sctp_test_v4_one_to_one() { sctp_test_pair -4 -T; }
t_sctp_test_v6_one_to_many() { sctp_test_pair -6; }
t_sctp_test_v6_one_to_one() { sctp_test_pair -6 -T; }

# sctp_darn in interactive mode on both ends: the sender's snd=N commands
# send N bytes of its pattern ('!' to '~' over and over, on from where the
# last message stopped), nodelay=1 and nodelay set and read SCTP_NODELAY;
# each rcv command of the listener reads one message or notification and
# prints it ("DATA(N):  " and the text but its last byte).  The listener
# exits after its five (COMM_UP, three messages, SHUTDOWN_COMP).
# sctp_darn exits with the return value of its last sendmsg() or
# recvmsg(): the sender's last message is 512 bytes (status 0); the
# listener's status only tells whether timeout had to kill it.  Its
# endpoint does not show in /proc/net/sctp/eps before an association (on
# sctp.ko either): its own line says when it listens.
t_sctp_darn_interactive() {
	local srv=$OUT/server cli=$OUT/client pid rc=0
	topo || return 1
	nx a 60 sctp_darn -H $A4 -P 6300 -l -I >"$srv" 2>&1 \
		< <(printf 'rcv\n%.0s' 1 2 3 4 5) &
	pid=$!
	_pids+=("$pid")
	wait_until 10 grep -q 'listening' "$srv" || { show "$srv"; return 1; }
	if ! nx b 60 sctp_darn -H $B4 -P 6301 -h $A4 -p 6300 -s -I \
		>"$cli" 2>&1 <<-EOF; then
		snd=10
		nodelay=1
		nodelay
		snd=3000
		snd=512
		EOF
		show "$cli"
		fail "sctp_darn sender failed"
		return 1
	fi
	wait "$pid" || rc=$?
	show "$srv" "$cli"
	[ $rc -lt 124 ] || fail "sctp_darn listener did not finish" || return 1
	# shellcheck disable=SC2015 # fail runs only when a check failed
	grep -q 'COMM_UP' "$cli" && grep -q 'nodelay is 1' "$cli" ||
		fail "sctp_darn sender: no COMM_UP or nodelay" || return 1
	# 10 bytes from '!', 3000 from '+', 512 from '#'
	# shellcheck disable=SC2015 # as above
	grep -qF 'DATA(10):  !"#$%&'"'"'()' "$srv" &&
		grep -qF 'DATA(3000):  +,-./0123' "$srv" &&
		grep -qF 'DATA(512):  #$%&' "$srv" ||
		fail "sctp_darn listener: not the messages sent"
}

# withsctp preloads libwithsctp, which turns the TCP sockets a program
# makes (SOCK_STREAM in AF_INET/AF_INET6) into SCTP one-to-one ones: bash's
# /dev/tcp client talks to an SCTP-only server (sctp_test -T), which
# prints what it got; without withsctp the same client is refused.
t_withsctp_bash() {
	local srv=$OUT/server msg=hello-from-bash-over-sctp
	topo || return 1
	spawn nx a 60 sctp_test -H $A4 -P 6400 -l -T >"$srv" 2>&1
	listening a 6400 || { show "$srv"; return 1; }
	if nx b 10 bash -c "exec 3<>/dev/tcp/$A4/6400" 2>/dev/null; then
		fail "a TCP connect reached the SCTP server"
		return 1
	fi
	if ! nx b 10 withsctp bash -c \
		"exec 3<>/dev/tcp/$A4/6400 && printf %s $msg >&3"; then
		fail "withsctp bash failed"
		return 1
	fi
	wait_until 20 ended "$srv" || { show "$srv"; return 1; }
	grep -q "Data ${#msg} bytes. First 10 bytes: ${msg:0:9}" "$srv" ||
		{ show "$srv"; fail "the server did not get the message"; }
}

# iperf3 in TCP mode made SCTP by withsctp on both ends (control and data
# connections): 4 MiB from a file, written by the server to a file of its
# own, which must be the start of the sent one (the server stops reading
# at the end of the test: the last blocks may be missing).
t_withsctp_iperf3() {
	local f1=$OUT/sent f2=$OUT/received
	topo || return 1
	head -c $((4 << 20)) /dev/urandom >"$f1" || return 1
	spawn nx a 60 withsctp iperf3 -s -p 5301 -1 -F "$f2" >"$OUT/server" 2>&1
	listening a 5301 || { show "$OUT/server"; return 1; }
	if ! nx b 60 withsctp iperf3 -c $A4 -p 5301 -l 131072 -F "$f1" \
		>"$OUT/client" 2>&1; then
		show "$OUT/client"
		fail "iperf3 client failed"
		return 1
	fi
	wait_until 20 grep -q receiver "$OUT/server" || { show "$OUT/server"; return 1; }
	same_prefix "$f1" "$f2" $((2 << 20)) || { show "$OUT/server" "$OUT/client"; return 1; }
}

# same_prefix SENT RECEIVED MIN: RECEIVED holds at least MIN bytes and is
# the start of SENT, byte for byte (by SHA-256).
same_prefix() {
	local n h1 h2
	n=$(stat -c %s "$2") || return 1
	h1=$(head -c "$n" "$1" | sha256sum | cut -d' ' -f1)
	h2=$(sha256sum <"$2" | cut -d' ' -f1)
	log "received $n bytes, sha256 $h2"
	[ "$n" -ge "$3" ] || fail "only $n bytes received" || return 1
	[ "$h1" = "$h2" ] || fail "received bytes differ from those sent"
}

# iperf3 --sctp for 10 s at 16 Mbit/s (the control connection is TCP, the
# data SCTP): the client sends a file (-F; its size a multiple of the
# 64 KiB block: iperf3 3.12's SCTP sender runs past the end of a file
# otherwise), the server writes what it gets (-F): it must be the start of
# the file, byte for byte, at least 8 MiB, and iperf3 must count it.
t_iperf3_sctp() {
	local f1=$OUT/sent f2=$OUT/received
	topo || return 1
	head -c $((32 << 20)) /dev/urandom >"$f1" || return 1
	spawn nx a 60 iperf3 -s -p 5302 -1 -F "$f2" >"$OUT/server" 2>&1
	wait_until 10 tcp_listening a 5302 || { show "$OUT/server"; return 1; }
	if ! nx b 60 iperf3 --sctp -c $A4 -p 5302 -t 10 -b 16M -l 65536 \
		-F "$f1" >"$OUT/client" 2>&1; then
		show "$OUT/client"
		fail "iperf3 client failed"
		return 1
	fi
	wait_until 20 grep -q receiver "$OUT/server" || { show "$OUT/server"; return 1; }
	show "$OUT/client"
	grep -Eq ' [1-9][0-9.]* MBytes .* receiver' "$OUT/client" ||
		fail "iperf3 reports no transfer" || return 1
	same_prefix "$f1" "$f2" $((8 << 20))
}

mod_load
for c in checksctp sctp_test_v4_one_to_many sctp_test_v4_one_to_one \
	sctp_test_v6_one_to_many sctp_test_v6_one_to_one sctp_darn_interactive \
	withsctp_bash withsctp_iperf3 iperf3_sctp; do
	[ -z "$APPS_CASES" ] || [[ " $APPS_CASES " == *" $c "* ]] ||
		continue
	ktap_case "$c" "t_$c"
done
ktap_finish
