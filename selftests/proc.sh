#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# /proc/net/sctp/{eps,assocs,remaddr}: sctp.ko's header lines and columns,
# per namespace.  Columns are read by position, as tools parse them:
#   eps      ENDPT SOCK STY SST HBKT LPORT UID INODE LADDRS...
#   assocs   ASSOC SOCK STY SST ST HBKT ASSOC-ID TX_QUEUE RX_QUEUE UID INODE
#            LPORT RPORT LADDRS... <-> RADDRS... then 11 numbers
#   remaddr  ADDR ASSOC_ID HB_ACT RTO MAX_PATH_RTX REM_ADDR_RTX START STATE
# Associations are held up by sctp_darn (lksctp-tools) reading stdin from a
# FIFO this script keeps open.  Runs against sctp.ko too (XSCTP_REFERENCE=1).
. "$(dirname "$0")/lib.sh"

A4=10.0.1.1
B4=10.0.1.2
A6=fd00::1
B6=fd00::2
# how sctp.ko prints them (%pI6: not compressed)
A6_LONG=fd00:0000:0000:0000:0000:0000:0000:0001
B6_LONG=fd00:0000:0000:0000:0000:0000:0000:0002
PORT=5000
TMP=${TMPDIR:-/tmp}/proc.$$
EPS_HDR=' ENDPT     SOCK   STY SST HBKT LPORT   UID INODE LADDRS'
ASSOCS_HDR=' ASSOC     SOCK   STY SST ST HBKT ASSOC-ID TX_QUEUE RX_QUEUE UID INODE LPORT RPORT LADDRS <-> RADDRS HBINT INS OUTS MAXRT T1X T2X RTXC wmema wmemq sndbuf rcvbuf'
REMADDR_HDR='ADDR ASSOC_ID HB_ACT RTO MAX_PATH_RTX REM_ADDR_RTX START STATE'
# sctp.ko's numbers: STY (enum sctp_socket_type), SST (TCP_*), ST
# (enum sctp_state), STATE (SCTP_ACTIVE)
STY_MANY=0
STY_ONE=2
SST_ESTABLISHED=1
SST_CLOSED=7
SST_LISTEN=10
ST_ESTABLISHED=3
PATH_ACTIVE=2

pids=()

topo() {
	trap 'stop_all; ns_cleanup; rm -rf "$TMP"' EXIT
	mkdir -p "$TMP"
	mod_load &&
		ns_create a && ns_create b && ns_create c &&
		ns_link a va b vb &&
		ns_addr a va $A4/24 && ns_addr b vb $B4/24 &&
		ns_addr a va $A6/64 && ns_addr b vb $B6/64
}

stop_all() {
	local p
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	for p in "${pids[@]}"; do
		wait "$p" 2>/dev/null || true
	done
	pids=()
}

# rows NS FILE: the file's lines after the header, checked to be sctp.ko's.
rows() {
	local want out
	case $2 in
	eps) want=$EPS_HDR ;;
	assocs) want=$ASSOCS_HDR ;;
	remaddr) want=$REMADDR_HDR ;;
	esac
	out=$(n "$1" cat "/proc/net/sctp/$2") || return 1
	if [ "${out%%$'\n'*}" != "$want" ]; then
		fail "$1 $2 header: '${out%%$'\n'*}'"
		return 1
	fi
	printf '%s\n' "$out" | tail -n +2
}

nrows() {
	local r
	r=$(rows "$1" "$2") || return 1
	[ -z "$r" ] && echo 0 && return 0
	printf '%s\n' "$r" | wc -l
}

# eps rows as: STY SST LPORT UID INODE LADDRS
eps() {
	rows "$1" eps | awk '{ l = $9; for (i = 10; i <= NF; i++) l = l "," $i
		print $3, $4, $6, $7, $8, l }'
}

# assocs rows as: STY SST ST ASSOC-ID LPORT RPORT LADDRS RADDRS INS OUTS
# MAXRT INODE, address lists joined by commas
assocs() {
	rows "$1" assocs | awk '{
		for (k = 14; k <= NF && $k != "<->"; k++)
			;
		l = $14; for (i = 15; i < k; i++) l = l "," $i
		r = $(k + 1); for (i = k + 2; i <= NF - 11; i++) r = r "," $i
		print $3, $4, $5, $7, $12, $13, l, r, $(NF - 9), $(NF - 8),
		      $(NF - 7), $11 }'
}

# remaddr rows as: ADDR ASSOC_ID HB_ACT MAX_PATH_RTX STATE RTO
remaddr() {
	rows "$1" remaddr | awk '{ print $1, $2, $3, $5, $8, $4 }'
}

# count_is N NS FILE
count_is() { [ "$(nrows "$2" "$3")" = "$1" ]; }

# sock_inode PID: the inode of PID's socket (sctp_darn has one)
sock_inode() {
	local f l

	for f in /proc/"$1"/fd/*; do
		l=$(readlink "$f") || continue
		case $l in
		socket:*) l=${l#socket:?}; echo "${l%?}"; return 0 ;;
		esac
	done
	fail "no socket open in process $1" >&2
}

# server NS ADDR PORT [-t]: an sctp_darn endpoint listening; sets $spid
server() {
	ip netns exec "$NS_PREFIX-$1" sctp_darn -H "$2" -P "$3" -l $4 \
		>"$TMP/server.$3" 2>&1 &
	spid=$!
	pids+=("$spid")
}

# client NS LADDR LPORT PEERARG... : sctp_darn -s with stdin held open on
# a FIFO, sends one line so the association comes up; sets $cpid
client() {
	local ns=$1 la=$2 lp=$3 fd
	shift 3
	mkfifo "$TMP/in.$lp"
	exec {fd}<>"$TMP/in.$lp"
	ip netns exec "$NS_PREFIX-$ns" sctp_darn -H "$la" -P "$lp" "$@" -s \
		<"$TMP/in.$lp" >"$TMP/client.$lp" 2>&1 &
	cpid=$!
	pids+=("$cpid")
	echo hello >&$fd
}

# expect WHAT GOT WANT
expect() {
	[ "$2" = "$3" ] && return 0
	fail "$1: got '$2', want '$3'"
}

# ---- cases ----

fresh_namespace() {
	topo || return 1
	# a namespace of its own: only the headers (rows checks them)
	expect "eps rows" "$(nrows c eps)" 0 &&
		expect "assocs rows" "$(nrows c assocs)" 0 &&
		expect "remaddr rows" "$(nrows c remaddr)" 0
}

# Two one-to-many clients in b, one one-to-many listener in a, IPv4; a
# second listener and one client bound to the wildcard address.
one_to_many() {
	local ino ino2 r ids ids2 c1
	topo || return 1
	server a $A4 $PORT
	wait_until 10 count_is 1 a eps || return 1
	ino=$(sock_inode "$spid") || return 1
	server a 0.0.0.0 $((PORT + 1))
	wait_until 10 count_is 2 a eps || return 1
	ino2=$(sock_inode "$spid") || return 1
	expect "a eps" "$(eps a | sort -k3)" \
"$STY_MANY $SST_LISTEN $PORT 0 $ino $A4
$STY_MANY $SST_LISTEN $((PORT + 1)) 0 $ino2 0.0.0.0" || return 1
	# clients do not listen: not endpoints (as in sctp.ko); a wildcard
	# bound one shows the address it uses (sctp.ko: those in scope)
	client b $B4 6001 -h $A4 -p $PORT
	c1=$cpid
	client b 0.0.0.0 6002 -h $A4 -p $PORT
	wait_until 10 count_is 2 a assocs || return 1
	wait_until 10 count_is 2 b assocs || return 1
	expect "b eps rows" "$(nrows b eps)" 0 || return 1

	r=$(assocs a | awk '{ $4 = "ID"; print }' | sort)
	expect "a assocs" "$r" \
"$STY_MANY $SST_LISTEN $ST_ESTABLISHED ID $PORT 6001 $A4 *$B4 10 10 10 $ino
$STY_MANY $SST_LISTEN $ST_ESTABLISHED ID $PORT 6002 $A4 *$B4 10 10 10 $ino" ||
		return 1
	r=$(assocs b | awk '{ $4 = "ID"; $12 = "INO"; print }' | sort)
	expect "b assocs" "$r" \
"$STY_MANY $SST_CLOSED $ST_ESTABLISHED ID 6001 $PORT $B4 *$A4 10 10 10 INO
$STY_MANY $SST_CLOSED $ST_ESTABLISHED ID 6002 $PORT $B4 *$A4 10 10 10 INO" ||
		return 1

	# one remaddr row per peer address, ids as in assocs
	ids=$(assocs a | awk '{ print $4 }' | sort)
	ids2=$(remaddr a | awk '{ print $2 }' | sort)
	expect "a remaddr ids" "$ids2" "$ids" || return 1
	[ "$(echo "$ids" | sort -u | wc -l)" = 2 ] ||
		fail "assoc ids not distinct: $ids" || return 1
	r=$(remaddr a | awk '{ $2 = "ID"; $6 = ($6 > 0) ? "RTO" : $6; print }')
	expect "a remaddr" "$r" \
"$B4 ID 1 5 $PATH_ACTIVE RTO
$B4 ID 1 5 $PATH_ACTIVE RTO" || return 1
	r=$(remaddr b | awk '{ $2 = "ID"; $6 = ($6 > 0) ? "RTO" : $6; print }')
	expect "b remaddr" "$r" \
"$A4 ID 1 5 $PATH_ACTIVE RTO
$A4 ID 1 5 $PATH_ACTIVE RTO" || return 1

	# the other namespace sees none of it
	expect "c eps rows" "$(nrows c eps)" 0 &&
		expect "c assocs rows" "$(nrows c assocs)" 0 &&
		expect "c remaddr rows" "$(nrows c remaddr)" 0 || return 1

	# an association that ends leaves the files
	kill "$c1"
	wait_until 20 count_is 1 a assocs || return 1
	wait_until 20 count_is 1 a remaddr || return 1
	expect "a assocs left" "$(assocs a | awk '{ print $6 }')" 6002
}

# One-to-one over IPv6: the accept()ed association belongs to a socket that
# is not the listener, and is listed all the same.
one_to_one_v6() {
	local ino r
	topo || return 1
	server a $A6 $PORT -t
	wait_until 10 count_is 1 a eps || return 1
	ino=$(sock_inode "$spid") || return 1
	expect "a eps" "$(eps a)" "$STY_ONE $SST_LISTEN $PORT 0 $ino $A6_LONG" ||
		return 1
	client b $B6 6003 -c $A6 -p $PORT -t
	wait_until 10 count_is 1 a assocs || return 1
	wait_until 10 count_is 1 b assocs || return 1
	r=$(assocs a | awk '{ $4 = "ID"; $12 = "INO"; print }')
	expect "a assocs" "$r" \
"$STY_ONE $SST_ESTABLISHED $ST_ESTABLISHED ID $PORT 6003 $A6_LONG *$B6_LONG 10 10 10 INO" ||
		return 1
	r=$(assocs b | awk '{ $4 = "ID"; print }')
	expect "b assocs" "$r" \
"$STY_ONE $SST_ESTABLISHED $ST_ESTABLISHED ID 6003 $PORT $B6_LONG *$A6_LONG 10 10 10 $(sock_inode "$cpid")" ||
		return 1
	r=$(remaddr a | awk '{ print $1, $3, $4, $5 }')
	expect "a remaddr" "$r" "$B6_LONG 1 5 $PATH_ACTIVE" || return 1
	r=$(remaddr b | awk '{ print $1, $3, $4, $5 }')
	expect "b remaddr" "$r" "$A6_LONG 1 5 $PATH_ACTIVE"
}

# stable FILE: its lines with the columns that may move on their own (queue
# and memory counters; RTO and HB_ACT when a heartbeat runs) blanked.
stable() {
	case $1 in
	*assocs*) awk '{ $8 = $9 = $(NF - 3) = $(NF - 2) = "-"; print }' "$1" ;;
	*) awk '{ $3 = $4 = "-"; print }' "$1" ;;
	esac
}

# More associations than fit in one page of output: reads of any size,
# and after a seek, give what one large read gives, each association once.
many_reads() {
	local i bs nc=50 f skip
	topo || return 1
	server a $A4 $PORT
	wait_until 10 count_is 1 a eps || return 1
	for ((i = 0; i < nc; i++)); do
		client b $B4 $((7000 + i)) -h $A4 -p $PORT
	done
	wait_until 60 count_is $nc a assocs || return 1
	expect "rports" "$(assocs a | awk '{ print $6 }' | sort -n)" \
		"$(seq 7000 $((7000 + nc - 1)))" || return 1
	for f in assocs remaddr; do
		n a cat /proc/net/sctp/$f >"$TMP/$f.cat"
		stable "$TMP/$f.cat" >"$TMP/$f.want"
		for bs in 1 97 4096 65536; do
			n a dd if=/proc/net/sctp/$f of="$TMP/$f.$bs" bs=$bs 2>/dev/null
			stable "$TMP/$f.$bs" | cmp -s "$TMP/$f.want" - ||
				fail "$f read with bs=$bs differs" || return 1
		done
		# a seek to the middle (dd skips with lseek); the first line
		# there is partial, so compare from the next one
		skip=$(($(wc -c <"$TMP/$f.cat") / 200))
		n a dd if=/proc/net/sctp/$f of="$TMP/$f.seek" bs=100 \
			skip=$skip 2>/dev/null
		tail -c +$((skip * 100 + 1)) "$TMP/$f.cat" | tail -n +2 \
			>"$TMP/$f.tail"
		tail -n +2 "$TMP/$f.seek" >"$TMP/$f.seek2"
		[ -s "$TMP/$f.tail" ] || fail "$f: too short for the seek test" ||
			return 1
		stable "$TMP/$f.tail" | cmp -s - <(stable "$TMP/$f.seek2") ||
			fail "$f read after a seek differs" || return 1
	done
	[ "$(wc -c <"$TMP/assocs.cat")" -gt 8192 ] ||
		fail "assocs: want more than two pages of output"
}

mod_idle() { [ "$(cat /sys/module/xsctp/refcnt)" = 0 ]; }

# Unloading the module closes the files still open, walk and all.
unload_while_open() {
	local fd line
	if [ -n "$XSCTP_REFERENCE" ]; then
		log "sctp.ko cannot be unloaded: skipped"
		return 0
	fi
	topo || return 1
	server a $A4 $PORT
	wait_until 10 count_is 1 a eps || return 1
	client b $B4 6001 -h $A4 -p $PORT
	wait_until 10 count_is 1 a assocs || return 1
	# a's files, through a process in a; the walk has begun
	exec {fd}<"/proc/$spid/net/sctp/assocs"
	read -r -u $fd line || fail "no header" || return 1
	stop_all
	wait_until 20 mod_idle || return 1
	rmmod xsctp || fail "rmmod with a /proc file open" || return 1
	read -r -u $fd line 2>/dev/null &&
		fail "read after unload gave: $line"
	exec {fd}<&-
	mod_load || fail "reload" || return 1
}

ktap_case fresh_namespace fresh_namespace
ktap_case one_to_many one_to_many
ktap_case one_to_one_v6 one_to_one_v6
ktap_case many_reads many_reads
ktap_case unload_while_open unload_while_open
ktap_finish
