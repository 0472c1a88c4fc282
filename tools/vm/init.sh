#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# /init of an xsctp test-bed guest: set the system up, run the
# command tools/vm/run put in /etc/xsctp-vm/cmd, report, power off.
# Lines starting "XSCTP-VM-" are markers the runner parses.

conf=/etc/xsctp-vm

# A cache whose active objects grew by at least this many bytes is listed
# under --slab; caches named *sctp* are listed on any growth.
slab_report_bytes=65536

export PATH=/x/bin:/x:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root TMPDIR=/tmp LANG=C TERM=dumb

mount_filesystems() {
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys
	mount -t devtmpfs devtmpfs /dev
	mkdir -p /dev/pts /dev/shm
	mount -t devpts devpts /dev/pts
	mount -t tmpfs tmpfs /dev/shm
	mount -t tmpfs tmpfs /tmp
	mount -t tmpfs tmpfs /run
	mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
	mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
	ln -sf /proc/self/fd /dev/fd
}

# The kernel boots with loglevel=4 (errors reach the console, chatter does
# not); from here on everything but debug goes to the console so that a
# test's kernel messages interleave with its output.
setup_kernel() {
	dmesg -n 7
	# Catch a task stuck in D state well inside the default --timeout.
	sysctl -qw kernel.hung_task_timeout_secs=60 2>/dev/null
	sysctl -qw kernel.panic_on_oops=1
	echo /usr/sbin/modprobe >/proc/sys/kernel/modprobe
	hostname "xsctp-$VM_ROLE"
}

# NICs exist only in two-guest mode, so only then are their drivers loaded
# (virtio_pci is a module on 6.1, built in on 6.12). They probe synchronously:
# after modprobe the names are final, eth0 and eth1 in PCI slot order. The
# NICs stay down and unaddressed for the test to configure.
setup_network() {
	local n=$((XSCTP_VM_NICS - 1))
	ip link set lo up
	[ "$n" -ge 0 ] || return 0
	modprobe -a virtio_pci virtio_net
	for _ in $(seq 50); do
		[ -e "/sys/class/net/eth$n" ] && return 0
		sleep 0.1
	done
	echo "XSCTP-VM-INIT: eth$n did not appear"
}

# Active-object count and object size of every cache, after asking SLUB to
# empty per-cpu slabs so that freed objects are not counted as active.
slab_snapshot() {
	echo 3 >/proc/sys/vm/drop_caches
	for f in /sys/kernel/slab/*/shrink; do
		echo 1 >"$f"
	done 2>/dev/null
	awk 'NR > 2 { print $1, $2, $4 }' /proc/slabinfo >"$1"
}

# Print caches that grew between the two snapshots and the total growth.
slab_report() {
	awk -v min="$slab_report_bytes" '
		FNR == NR { before[$1] = $2; next }
		{
			d = $2 - before[$1]
			bytes = d * $3
			total += bytes
			if (d > 0 && (bytes >= min || tolower($1) ~ /sctp/))
				printf "# slab-growth: %s +%d objs +%d KiB (%d -> %d)\n",
					$1, d, bytes / 1024, before[$1], $2
		}
		END { printf "# slab-total: %d KiB\n", total / 1024 }
	' "$1" "$2"
}

# Repeat the kernel log lines that look like problems, so the runner sees
# them even if a test lowered the console log level.
kmsg_scan() {
	local re
	re=$(grep -v '^#' "$conf/problems.ere" | paste -sd '|')
	dmesg | grep -E "\[ *[0-9]+\.[0-9]+\] .*($re)" |
		sed 's/^/# kmsg: /'
}

run_cmd() {
	local shell=sh
	command -v bash >/dev/null && shell=bash
	cd /x || cd /
	echo "XSCTP-VM-START: $VM_ROLE $(cut -d' ' -f1 /proc/uptime)"
	"$shell" "$conf/cmd" </dev/null
	rc=$?
}

main() {
	mount_filesystems
	set -a
	# shellcheck source=/dev/null # written per run by tools/vm/run
	. "$conf/env"
	set +a
	echo "XSCTP-VM-INIT: $VM_ROLE $KVER"
	setup_network
	setup_kernel
	[ "$XSCTP_VM_SLAB" = 1 ] && slab_snapshot /run/slab.before
	run_cmd
	if [ "$XSCTP_VM_SLAB" = 1 ]; then
		# Let RCU callbacks and deferred frees of the unloaded module finish.
		sleep 1
		slab_snapshot /run/slab.after
		slab_report /run/slab.before /run/slab.after
	fi
	kmsg_scan
	echo "XSCTP-VM-EXIT: $rc"
	# The peer serves until the runner stops it: its CMD may just start
	# daemons (iperf3 -s -D) and return.
	if [ "$VM_ROLE" = peer ]; then
		while :; do sleep 3600; done
	fi
	poweroff -f
	echo o >/proc/sysrq-trigger
	sleep 10
}

main
