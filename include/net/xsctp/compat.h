/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place that knows kernel versions: every difference between the
 * supported kernels (Debian's 6.1 and 6.12) becomes a named XSCTP_HAVE_*
 * switch or a small wrapper here, so protocol code never tests versions.
 */
#ifndef _XSCTP_COMPAT_H
#define _XSCTP_COMPAT_H

#include <linux/version.h>
#include <linux/net.h>
#include <net/net_namespace.h>

/* 6.5 added struct proto::ipv6_pinfo_offset; before it inet6_create()
 * found ipv6_pinfo at the end of the object (obj_size - sizeof()).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#define XSCTP_HAVE_IPV6_PINFO_OFFSET 1
#endif

/* 6.10 replaced accept()'s (flags, kern) with struct proto_accept_arg. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
#define XSCTP_HAVE_ACCEPT_ARG 1
#endif

/* 6.6 moved ipv6_fl_list from struct ipv6_pinfo to struct inet_sock. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 6, 0)
#define XSCTP_PINFO_HAS_FL_LIST 1
#endif

/* 6.6 added register_net_sysctl_sz(), which is told the table's size
 * (6.12's register_net_sysctl() is a macro over it that needs an array);
 * before, the table ended at a zeroed entry.  Callers pass @n entries
 * followed by a zeroed one, which suits both.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
#define XSCTP_HAVE_NET_SYSCTL_SZ 1
#endif

static inline struct ctl_table_header *
xsctp_register_net_sysctl(struct net *net, const char *path,
			  struct ctl_table *table, size_t n)
{
#ifdef XSCTP_HAVE_NET_SYSCTL_SZ
	return register_net_sysctl_sz(net, path, table, n);
#else
	return register_net_sysctl(net, path, table);
#endif
}

#endif /* _XSCTP_COMPAT_H */
