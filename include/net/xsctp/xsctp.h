/* SPDX-License-Identifier: GPL-2.0 */
/* Module-wide declarations of xsctp: socket, per-netns state, counters. */
#ifndef _XSCTP_XSCTP_H
#define _XSCTP_XSCTP_H

#include <linux/percpu.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/netns/generic.h>
#include <net/xsctp/compat.h>
#include <net/xsctp/mib.h>

/* One per socket.  Fields are protected by the socket lock. */
struct xsctp_sock {
	struct inet_sock inet;		/* must be first: inet_sk() */
};

/* AF_INET6 sockets: ipv6_pinfo follows, as inet6_create() expects. */
struct xsctp6_sock {
	struct xsctp_sock xs;
	struct ipv6_pinfo inet6;
};

static inline struct xsctp_sock *xsctp_sk(const struct sock *sk)
{
	return (struct xsctp_sock *)sk;
}

/* Per network namespace state, reached with xsctp_net(). */
struct xsctp_net {
	struct xsctp_mib __percpu *mib;
	struct proc_dir_entry *proc_dir;	/* /proc/net/sctp */
};

extern unsigned int xsctp_net_id;

static inline struct xsctp_net *xsctp_net(const struct net *net)
{
	return net_generic(net, xsctp_net_id);
}

static inline void xsctp_inc_stats(const struct net *net, enum xsctp_mib_field f)
{
	this_cpu_inc(xsctp_net(net)->mib->v[f]);
}

/* sock.c */
extern struct proto xsctp_prot;
extern struct proto xsctpv6_prot;
extern const struct proto_ops xsctp_stream_ops;
extern const struct proto_ops xsctp_seqpacket_ops;
extern const struct proto_ops xsctp6_stream_ops;
extern const struct proto_ops xsctp6_seqpacket_ops;

/* input.c */
int xsctp_v4_rcv(struct sk_buff *skb);
int xsctp_v4_err(struct sk_buff *skb, u32 info);
int xsctp_v6_rcv(struct sk_buff *skb);
int xsctp_v6_err(struct sk_buff *skb, struct inet6_skb_parm *opt,
		 u8 type, u8 code, int offset, __be32 info);

/* proc.c */
int xsctp_proc_init_net(struct net *net);
void xsctp_proc_exit_net(struct net *net);

#endif /* _XSCTP_XSCTP_H */
