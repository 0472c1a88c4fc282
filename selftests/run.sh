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
	local out rc
	echo "# run: $*"
	out=$("$@" 2>&1)
	rc=$?
	echo "$out"
	if [ $rc != 0 ] && ! echo "$out" | grep -q '^not ok '; then
		echo "not ok 1 $1 # exited with status $rc"
	fi
	return $rc
}

status=0
case $suite in
main)
	run ./module.sh || status=1
	insmod "$XSCTP_KO" 2>/dev/null
	for t in ./*_test; do
		run "$t" || status=1
	done
	run ./data.sh || status=1
	run ./wrap.sh || status=1
	run ./hostile.sh || status=1
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
	# the data tests against Linux's sctp.ko, the behaviour to match
	modprobe sctp || status=1
	XSCTP_REFERENCE=1 run ./data.sh || status=1
	;;
*)
	echo "unknown suite $suite" >&2
	exit 2
	;;
esac
exit $status
