/* SPDX-License-Identifier: GPL-2.0 */
/* Module-wide declarations of xsctp: socket, per-netns state, counters. */
#ifndef _XSCTP_XSCTP_H
#define _XSCTP_XSCTP_H

#include <linux/percpu.h>
#include <linux/rhashtable.h>
#include <linux/sctp.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/netns/generic.h>
#include <net/xsctp/compat.h>
#include <net/xsctp/cookie.h>
#include <net/xsctp/mib.h>

struct xsctp_assoc;

/* What the socket options set; a child of accept() copies it whole. */
struct xsctp_sock_opts {
	struct sctp_initmsg initmsg;
	u32 rto_initial;		/* ms, SCTP_RTOINFO */
	u32 rto_min;
	u32 rto_max;
	u32 sack_delay;			/* ms */
	u16 max_retrans;		/* Association.Max.Retrans */
	u16 path_max_retrans;
	u32 autoclose;			/* seconds */
	u32 cookie_life;		/* ms, Valid.Cookie.Life */
	u32 hb_interval;		/* ms, HB.interval */
	bool hb_off;			/* SPP_HB_DISABLE */
	u32 events;			/* bit (type - SCTP_SN_TYPE_BASE) */
	u32 adaptation_ind;		/* SCTP_ADAPTATION_LAYER, 0: none */
	u32 default_ppid;
	u16 default_stream;
	u16 default_flags;
	u32 default_context;
	u32 default_ttl;
	u32 pd_point;			/* SCTP_PARTIAL_DELIVERY_POINT, bytes */
	u8 nodelay:1,
	   v4mapped:1,
	   disable_frags:1,
	   recvrcvinfo:1,
	   recvnxtinfo:1,
	   frag_interleave:1;		/* SCTP_FRAGMENT_INTERLEAVE */
	u32 rcv_context;		/* SCTP_CONTEXT */
	u32 max_burst;			/* SCTP_MAX_BURST, packets; 0: none */
	u32 user_frag;			/* SCTP_MAXSEG, bytes; 0: path MTU */
	u32 sack_freq;			/* SCTP_DELAYED_SACK, packets */
	u8 sack_off:1,			/* sack_freq 1: no delayed SACK */
	   reuse:1;			/* SCTP_REUSE_PORT */
};

/* An endpoint's addresses once sctp_bindx() added more (bind.c). */
#define XSCTP_MAX_BOUND		8

struct xsctp_bound {
	struct rcu_head rcu;
	u8 n;
	union xsctp_addr a[XSCTP_MAX_BOUND];	/* ports 0 */
};

/* One per socket.  Unless noted, fields are under the socket lock. */
struct xsctp_sock {
	struct inet_sock inet;		/* must be first: inet_sk() */
	struct rhlist_head bind_node;	/* xsctp_net->binds; bind_lock */
	/* replaced whole under the socket lock and bind_lock; RCU readers */
	struct xsctp_bound __rcu *bound;
	/* assocs and nassocs also change in softirq (a new association
	 * from COOKIE ECHO): assoc_lock, a BH spinlock, covers them.
	 */
	spinlock_t assoc_lock;
	struct list_head assocs;
	u32 nassocs;
	bool closed;			/* close() began: no new association */
	bool hashed;			/* in binds; under bind_lock */
	u32 backlog;			/* listen() backlog, one-to-one */
	struct xarray ids;		/* sctp_assoc_t -> assoc, own lock */
	u32 next_id;
	bool listening;			/* one-to-many: listen() was called */
	/* RFC 6458 s8.1.20 level 0: while one association's message is
	 * partially delivered, the others' wait in the lobby.  Under
	 * sk_receive_queue.lock.
	 */
	sctp_assoc_t pd_owner;
	struct sk_buff_head pd_lobby;
	u32 pd_lobby_bytes;
	atomic_t wmem_queued;		/* its associations' sndbuf_used */
	u32 busy_epoch;			/* receiving associations, inq.c */
	atomic_t busy[2];		/* ... in this epoch and the last */
	struct list_head rwnd_waiters;	/* under assoc_lock, inq.c */
	struct xsctp_sock_opts opts;	/* inherited by accept()ed sockets */
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

static inline bool xsctp_style_tcp(const struct sock *sk)
{
	return sk->sk_type == SOCK_STREAM;
}

/* net.sctp.* (sysctl.c): any time by sysctl, READ_ONCE() by readers */
struct xsctp_sysctl {
	int rto_initial;		/* ms */
	int rto_min;			/* ms, <= rto_max */
	int rto_max;			/* ms */
	int hb_interval;		/* ms */
	int sack_timeout;		/* ms */
	int valid_cookie_life;		/* ms */
	int path_max_retrans;
	int assoc_max_retrans;
	int max_init_retrans;
	int pf_retrans;			/* <= ps_retrans */
	int ps_retrans;			/* >= pf_retrans */
	int pf_enable;
	int cookie_preserve_enable;
	int sndbuf_policy;		/* accepted, not used */
	int rcvbuf_policy;		/* accepted, not used */
	int max_burst;			/* RFC 9260 Max.Burst, new sockets */
};

/* Per network namespace state, reached with xsctp_net(). */
struct xsctp_net {
	struct xsctp_mib __percpu *mib;
	struct proc_dir_entry *proc_dir;	/* /proc/net/sctp */
	struct rhltable paths;		/* xsctp_path by xsctp_key */
	spinlock_t paths_lock;		/* serialises inserts: clash check */
	spinlock_t bind_lock;		/* writers of binds */
	struct rhltable binds;		/* bound xsctp_socks by port */
	struct xsctp_cookie_keys cookie_keys;
	/* net.sctp.* (sysctl.c) */
	struct ctl_table_header *sysctl_hdr;
	struct xsctp_sysctl sysctl;
	int sysctl_fixed[16];		/* what fixed entries read back */
};

extern unsigned int xsctp_net_id;
extern bool xsctp_ready;

static inline struct xsctp_net *xsctp_net(const struct net *net)
{
	return net_generic(net, xsctp_net_id);
}

static inline void xsctp_inc_stats(const struct net *net,
				   enum xsctp_mib_field f)
{
	this_cpu_inc(xsctp_net(net)->mib->v[f]);
}

static inline void xsctp_add_stats(const struct net *net,
				   enum xsctp_mib_field f, u32 n)
{
	this_cpu_add(xsctp_net(net)->mib->v[f], n);
}

static inline void xsctp_dec_stats(const struct net *net,
				   enum xsctp_mib_field f)
{
	this_cpu_dec(xsctp_net(net)->mib->v[f]);
}

/* sock.c */
extern struct proto xsctp_prot;
extern struct proto xsctpv6_prot;
extern const struct proto_ops xsctp_stream_ops;
extern const struct proto_ops xsctp_seqpacket_ops;
extern const struct proto_ops xsctp6_stream_ops;
extern const struct proto_ops xsctp6_seqpacket_ops;
struct sock *xsctp_lookup_listener(struct net *net, const void *laddr,
				   __be16 port);
int xsctp_bind_net_init(struct xsctp_net *xn);
void xsctp_bind_net_exit(struct xsctp_net *xn);

/* input.c */
int xsctp_v4_rcv(struct sk_buff *skb);
int xsctp_backlog_rcv(struct sock *sk, struct sk_buff *skb);
int xsctp_v4_err(struct sk_buff *skb, u32 info);
int xsctp_v6_rcv(struct sk_buff *skb);
int xsctp_v6_err(struct sk_buff *skb, struct inet6_skb_parm *opt,
		 u8 type, u8 code, int offset, __be32 info);

/* proc.c */
int xsctp_proc_init_net(struct net *net);
void xsctp_proc_exit_net(struct net *net);

/* sysctl.c */
int xsctp_sysctl_init_net(struct net *net);
void xsctp_sysctl_exit_net(struct net *net);
void xsctp_sysctl_sock_defaults(const struct net *net,
				struct xsctp_sock_opts *o);
u16 xsctp_sysctl_pf_retrans(const struct net *net);
u16 xsctp_sysctl_ps_retrans(const struct net *net);
u32 xsctp_sysctl_cookie_inc_max(const struct net *net);

#endif /* _XSCTP_XSCTP_H */
