#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# net.sctp.* sysctls (Documentation/sysctl.rst): every entry exists in each
# namespace with its value, writes in range stick, out-of-range ones and
# features xsctp does not have are EINVAL, namespaces do not share values,
# and the module unloads while namespaces (and open files) are alive.
# What sockets make of the values: sysctl_test.
. "$(dirname "$0")/lib.sh"
D=/proc/sys/net/sctp

# name value: Linux's defaults; settable
LIVE="rto_initial 3000 rto_min 1000 rto_max 60000 hb_interval 30000
sack_timeout 200 valid_cookie_life 60000 path_max_retrans 5
association_max_retrans 10 max_init_retransmits 8 pf_retrans 0 pf_enable 1
cookie_preserve_enable 1 sndbuf_policy 0 rcvbuf_policy 0 max_burst 4
ps_retrans 65535"
# name value: what xsctp does; any other value is EINVAL
FIXED="rto_alpha_exp_divisor 3 rto_beta_exp_divisor 2
addip_enable 0 addip_noauth_enable 0 default_auto_asconf 0
prsctp_enable 0 reconf_enable 0 auth_enable 0 intl_enable 0 ecn_enable 0
udp_port 0 encap_port 0 plpmtud_probe_interval 0"

# wr NS NAME VALUE: writes in namespace NS; prints the error, if any
wr() {
	n "$1" bash -c "echo $3 > $D/$2" 2>&1 | sed 's/.*: //'
}

rd() { n "$1" cat "$D/$2"; }

# check_values NS "name value ...": each entry reads back its value
check_values() {
	local ns=$1 name val
	set -- $2
	while [ $# -gt 0 ]; do
		name=$1 val=$2
		shift 2
		[ "$(rd "$ns" "$name")" = "$val" ] ||
			fail "$ns $name: $(rd "$ns" "$name" 2>&1), want $val"
	done
}

t_all_exist() {
	local want got
	mod_load
	ns_create a
	check_values a "$LIVE"
	check_values a "$FIXED"
	# nothing else: each entry is documented
	want=$(echo $LIVE $FIXED | tr ' ' '\n' | sed -n 'p;n' | sort)
	got=$(n a ls $D | sort)
	[ "$want" = "$got" ] || fail "entries: $(echo $got)"
	# each entry is 0644 like sctp.ko's
	[ -z "$(n a find $D -type f ! -perm 0644)" ] || fail "modes"
}

t_writes_stick() {
	ns_create a
	# one value in range for each, bounds included
	local vals="rto_initial 1 rto_max 86400000 rto_min 86400000
hb_interval 86400000 sack_timeout 500 valid_cookie_life 1
path_max_retrans 2147483647 association_max_retrans 1 max_init_retransmits 3
pf_retrans 65535 pf_enable 0 cookie_preserve_enable 0 sndbuf_policy 1
rcvbuf_policy 1" name val
	set -- $vals
	while [ $# -gt 0 ]; do
		[ -z "$(wr a "$1" "$2")" ] || fail "$1 = $2: $(wr a "$1" "$2")"
		shift 2
	done
	check_values a "$vals"
}

t_out_of_range_einval() {
	local name val bad
	ns_create a
	for bad in "rto_initial 0" "rto_min 60001" "rto_max 999" \
		   "sack_timeout 501" "sack_timeout 0" "hb_interval 86400001" \
		   "path_max_retrans 0" "pf_retrans 65536" "rto_min abc"; do
		set -- $bad
		[ "$(wr a "$1" "$2")" = "Invalid argument" ] || fail "$bad"
	done
	check_values a "$LIVE"
}

# pf_retrans <= ps_retrans (RFC 7829 s5), each bounding the other, as
# sctp.ko does.
t_pf_ps_bounds() {
	ns_create a
	[ -z "$(wr a ps_retrans 3)" ] || fail "ps_retrans 3 refused"
	[ "$(wr a pf_retrans 4)" = "Invalid argument" ] || fail "pf 4 > ps 3"
	[ -z "$(wr a pf_retrans 3)" ] || fail "pf_retrans 3 refused"
	[ "$(wr a ps_retrans 2)" = "Invalid argument" ] || fail "ps 2 < pf 3"
	[ "$(wr a ps_retrans 65536)" = "Invalid argument" ] ||
		fail "ps_retrans 65536"
	check_values a "pf_retrans 3 ps_retrans 3"
}

# The features xsctp does not have refuse to be turned on, but a script
# writing what xsctp does (often Linux's default) succeeds.
t_fixed_refuse_other_values() {
	local name val
	ns_create a
	set -- $FIXED
	while [ $# -gt 0 ]; do
		name=$1 val=$2
		shift 2
		[ -z "$(wr a "$name" "$val")" ] || fail "$name = $val refused"
		[ "$(wr a "$name" $((val + 1)))" = "Invalid argument" ] ||
			fail "$name = $((val + 1)) accepted"
		[ "$(rd a "$name")" = "$val" ] || fail "$name changed"
	done
}

t_namespaces_apart() {
	local init
	ns_create a
	ns_create b
	init=$(cat $D/hb_interval)
	[ -z "$(wr a hb_interval 1000)" ]
	[ -z "$(wr b hb_interval 2000)" ]
	[ "$(rd a hb_interval)" = 1000 ] || fail "a: $(rd a hb_interval)"
	[ "$(rd b hb_interval)" = 2000 ] || fail "b: $(rd b hb_interval)"
	[ "$(cat $D/hb_interval)" = "$init" ] || fail "init_net changed"
	# a new namespace starts from the defaults, not from init_net
	echo 4000 >$D/rto_initial
	ns_create c
	[ "$(rd c rto_initial)" = 3000 ] || fail "c: $(rd c rto_initial)"
	echo 3000 >$D/rto_initial
}

# Unload with namespaces alive and a file open in one of them: their
# tables go (module.sh checks that nothing is left), a reload gives every
# namespace the defaults back.
t_unload_with_namespaces() {
	ns_create a
	ns_create b
	[ -z "$(wr a rto_min 500)" ]
	exec 3<"/proc/sys/net/sctp/rto_min"
	mod_unload
	expect_fail mod_loaded
	[ ! -e $D ] || fail "init_net's $D left"
	n a test ! -e $D || fail "a's $D left"
	expect_fail cat <&3 2>/dev/null
	exec 3<&-
	mod_load
	check_values a "$LIVE"
	check_values b "$LIVE"
}

ktap_case all_exist t_all_exist
ktap_case writes_stick t_writes_stick
ktap_case out_of_range_einval t_out_of_range_einval
ktap_case pf_ps_bounds t_pf_ps_bounds
ktap_case fixed_refuse_other_values t_fixed_refuse_other_values
ktap_case namespaces_apart t_namespaces_apart
ktap_case unload_with_namespaces t_unload_with_namespaces
ktap_finish
