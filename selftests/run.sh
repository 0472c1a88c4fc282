#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Guest side of `make check`: runs one suite of selftests and prints each
# program's KTAP.  Usage: run.sh SUITE (main | coexist | reference |
# interop).
# A program that dies without reporting its cases is reported as one
# failed case, so a crash can never read as a pass.
cd "$(dirname "$0")" || exit 1
export XSCTP_KO=${XSCTP_KO:-/x/xsctp.ko}
suite=${1:-main}

run() {
	local out rc t0=$SECONDS
	echo "# run: $*"
	out=$("$@" 2>&1)
	rc=$?
	echo "$out"
	echo "# run: $1 took $((SECONDS - t0)) s"
	if [ $rc != 0 ] && ! echo "$out" | grep -q '^not ok '; then
		echo "not ok 1 $1 # exited with status $rc"
	fi
	return $rc
}

# released NAME: every socket of the program NAME is gone within 20 s
# (associations still shutting down hold theirs until they end); each one
# holds a reference on the module, so its count must come back to 0.
released() {
	local i ref=/sys/module/xsctp/refcnt
	[ -e $ref ] || return 0
	for ((i = 0; i < 200; i++)); do
		[ "$(cat $ref)" = 0 ] && return 0
		sleep 0.1
	done
	echo "not ok 1 $1 # left $(cat $ref) sockets behind"
	return 1
}

status=0
case $suite in
main)
	run ./module.sh || status=1
	insmod "$XSCTP_KO" 2>/dev/null
	for t in ./*_test ./data.sh ./wrap.sh ./hostile.sh ./proc.sh \
		./multihome.sh ./sysctl.sh ./apps.sh; do
		run "$t" || status=1
		released "$t" || status=1
	done
	rmmod xsctp || status=1
	;;
coexist)
	run ./coexist.sh || status=1
	;;
interop)
	# xsctp here, Linux's sctp.ko in the peer guest (interop.sh peer)
	insmod "$XSCTP_KO" 2>/dev/null
	run ./interop.sh || status=1
	;;
reference)
	# the data tests and the applications against Linux's sctp.ko, the
	# behaviour to match
	modprobe sctp || status=1
	# the C tests use the standard API only (socket_test also reads
	# xsctp's own /proc entries)
	for t in ./*_test; do
		[ "$t" = ./socket_test ] || run "$t" || status=1
	done
	XSCTP_REFERENCE=1 run ./data.sh || status=1
	XSCTP_REFERENCE=1 run ./apps.sh || status=1
	;;
*)
	echo "unknown suite $suite" >&2
	exit 2
	;;
esac
exit $status
