// SPDX-License-Identifier: GPL-2.0
/* /proc/net/sctp/: the files sctp.ko has, in its formats. */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <net/xsctp/xsctp.h>

/* sctp.ko's names, in enum xsctp_mib_field order. */
static const char *const xsctp_mib_names[XSCTP_MIB_LINUX_MAX] = {
	"SctpCurrEstab", "SctpActiveEstabs", "SctpPassiveEstabs",
	"SctpAborteds", "SctpShutdowns", "SctpOutOfBlues",
	"SctpChecksumErrors", "SctpOutCtrlChunks", "SctpOutOrderChunks",
	"SctpOutUnorderChunks", "SctpInCtrlChunks", "SctpInOrderChunks",
	"SctpInUnorderChunks", "SctpFragUsrMsgs", "SctpReasmUsrMsgs",
	"SctpOutSCTPPacks", "SctpInSCTPPacks", "SctpT1InitExpireds",
	"SctpT1CookieExpireds", "SctpT2ShutdownExpireds",
	"SctpT3RtxExpireds", "SctpT4RtoExpireds",
	"SctpT5ShutdownGuardExpireds", "SctpDelaySackExpireds",
	"SctpAutocloseExpireds", "SctpT3Retransmits",
	"SctpPmtudRetransmits", "SctpFastRetransmits", "SctpInPktSoftirq",
	"SctpInPktBacklog", "SctpInPktDiscards", "SctpInDataChunkDiscards",
};

/* xsctp's own counters after the drop reasons, from XSCTP_MIB_ICMP_PMTU */
static const char *const xsctp_own_names[] = {
	"XsctpIcmpPmtuUpdates", "XsctpIcmpIgnored",
};

static unsigned long xsctp_mib_sum(struct xsctp_net *xn, int field)
{
	unsigned long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu_ptr(xn->mib, cpu)->v[field];
	return sum;
}

static int xsctp_snmp_show(struct seq_file *seq, void *v)
{
	struct xsctp_net *xn = xsctp_net(seq_file_single_net(seq));
	int i;

	for (i = 0; i < XSCTP_MIB_LINUX_MAX; i++)
		seq_printf(seq, "%-32s\t%lu\n", xsctp_mib_names[i],
			   xsctp_mib_sum(xn, i));
	/* xsctp's own: why packets were dropped (DROP_NONE is not one) */
	for (i = 1; i < XSCTP_DROP__MAX; i++)
		seq_printf(seq, "%-32s\t%lu\n", xsctp_drop_reason_mib(i),
			   xsctp_mib_sum(xn, XSCTP_MIB_DROP_BASE + i));
	BUILD_BUG_ON(XSCTP_MIB_ICMP_PMTU + ARRAY_SIZE(xsctp_own_names) !=
		     XSCTP_MIB_MAX);
	for (i = 0; i < ARRAY_SIZE(xsctp_own_names); i++)
		seq_printf(seq, "%-32s\t%lu\n", xsctp_own_names[i],
			   xsctp_mib_sum(xn, XSCTP_MIB_ICMP_PMTU + i));
	return 0;
}

int xsctp_proc_init_net(struct net *net)
{
	struct xsctp_net *xn = xsctp_net(net);

	xn->proc_dir = proc_net_mkdir(net, "sctp", net->proc_net);
	if (!xn->proc_dir)
		return -ENOMEM;
	if (!proc_create_net_single("snmp", 0444, xn->proc_dir,
				    xsctp_snmp_show, NULL)) {
		remove_proc_subtree("sctp", net->proc_net);
		return -ENOMEM;
	}
	return 0;
}

void xsctp_proc_exit_net(struct net *net)
{
	remove_proc_subtree("sctp", net->proc_net);
}
