#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Shared helpers for xsctp's shell selftests: KTAP output, bounded waits,
# and network namespace topologies.  Source it; then declare cases with
# `ktap_case NAME FUNCTION` and finish with `ktap_finish`.

XSCTP_KO=${XSCTP_KO:-/x/xsctp.ko}
NS_PREFIX="xs$$"
_ktap_names=()
_ktap_funcs=()
_ns_list=()

ktap_case() { _ktap_names+=("$1"); _ktap_funcs+=("$2"); }

log() { echo "# $*"; }

fail() { echo "# FAIL: $*"; return 1; }

# Runs every declared case in a subshell with errexit, in order.
ktap_finish() {
	local i n=${#_ktap_names[@]} bad=0
	echo "KTAP version 1"
	echo "1..$n"
	for ((i = 0; i < n; i++)); do
		# errexit is off inside an `if`: run the case on its own and
		# test its status after; namespaces die with its subshell
		(set -e; trap ns_cleanup EXIT; "${_ktap_funcs[$i]}")
		if [ $? = 0 ]; then
			echo "ok $((i + 1)) ${_ktap_names[$i]}"
		else
			echo "not ok $((i + 1)) ${_ktap_names[$i]}"
			bad=1
		fi
	done
	return $bad
}

# wait_until SECONDS CMD...: polls CMD every 50 ms; fails after SECONDS
# (wall time: a slow CMD does not stretch the bound).
wait_until() {
	local end=$((SECONDS + $1 + 1))
	shift
	while :; do
		"$@" >/dev/null 2>&1 && return 0
		[ "$SECONDS" -lt "$end" ] || break
		sleep 0.05
	done
	fail "timed out waiting for: $*"
}

# show FILE...: the files' lines as KTAP comments, each named.
show() {
	local f
	for f in "$@"; do
		[ -e "$f" ] && sed "s/^/#   $(basename "$f"): /" "$f"
	done
	return 0
}

# expect_fail CMD...: CMD must exit non-zero.
expect_fail() {
	if "$@"; then
		fail "expected failure: $*"
		return 1
	fi
	return 0
}

mod_loaded() { grep -q '^xsctp ' /proc/modules; }

# With XSCTP_REFERENCE set the tests run against Linux's sctp.ko instead.
mod_load() {
	[ -n "$XSCTP_REFERENCE" ] && return 0
	modprobe -a libcrc32c udp_tunnel ip6_udp_tunnel 2>/dev/null || true
	mod_loaded || insmod "$XSCTP_KO"
}

mod_unload() {
	[ -n "$XSCTP_REFERENCE" ] && return 0
	! mod_loaded || rmmod xsctp
}

# ns_create NAME: a namespace named $NS_PREFIX-NAME with lo up.
ns_create() {
	local ns="$NS_PREFIX-$1"
	ip netns add "$ns"
	ip -n "$ns" link set lo up
	_ns_list+=("$ns")
}

# n NAME CMD...: runs CMD inside namespace NAME.
n() {
	local ns="$NS_PREFIX-$1"
	shift
	ip netns exec "$ns" "$@"
}

# ns_link A IFA B IFB: a veth pair between namespaces A and B.
ns_link() {
	ip link add "$2" netns "$NS_PREFIX-$1" type veth \
		peer name "$4" netns "$NS_PREFIX-$3"
	ip -n "$NS_PREFIX-$1" link set "$2" up
	ip -n "$NS_PREFIX-$3" link set "$4" up
}

# ns_addr NAME IF ADDR/LEN: v4 or v6; v6 without DAD so it is usable now.
ns_addr() {
	case $3 in
	*:*) ip -n "$NS_PREFIX-$1" addr add "$3" dev "$2" nodad ;;
	*) ip -n "$NS_PREFIX-$1" addr add "$3" dev "$2" ;;
	esac
}

# ns_netem NAME IF ARGS...: e.g. ns_netem a veth0 loss 5%
ns_netem() {
	local ns="$NS_PREFIX-$1" dev=$2
	shift 2
	ip netns exec "$ns" tc qdisc replace dev "$dev" root netem "$@"
}

# ns_busy: does any of our namespaces still hold an association?
ns_busy() {
	local ns
	for ns in "${_ns_list[@]}"; do
		[ "$(ip netns exec "$ns" cat /proc/net/sctp/assocs 2>/dev/null |
			wc -l)" -gt 1 ] && return 0
	done
	return 1
}

# Associations still shutting down after their programs exited need their
# links to finish: give them up to 10 s before the links go, or they
# retransmit into nothing for minutes (and hold their sockets meanwhile).
ns_cleanup() {
	local ns i
	for ((i = 0; i < 100; i++)); do
		ns_busy || break
		sleep 0.1
	done
	for ns in "${_ns_list[@]}"; do
		ip netns del "$ns" 2>/dev/null || true
	done
	_ns_list=()
}

trap ns_cleanup EXIT
