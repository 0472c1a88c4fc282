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

#endif /* _XSCTP_COMPAT_H */
