/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The association (RFC 9260 s1.3 "TCB") and its paths.
 *
 * Locking: each association has its own spinlock, asoc->lock, taken with
 * BH disabled from process context and plainly in softirq.  It covers all
 * protocol state of the association and of its paths.  The socket lock
 * covers socket-wide state only, so that the associations of one
 * one-to-many socket run in parallel on different CPUs.  Lock order:
 * socket lock -> asoc->lock -> timer wheel lock.
 *
 * Lifetime: the owning socket's list holds one reference, every lookup
 * through the per-netns path table takes one (refcount_inc_not_zero()
 * under RCU).  Freeing waits for an RCU grace period, so a lookup or a
 * timer batch that saw the association under rcu_read_lock() can still
 * look at its refcount safely.
 */
#ifndef _XSCTP_ASSOC_H
#define _XSCTP_ASSOC_H

#include <linux/rhashtable-types.h>
#include <linux/skbuff.h>
#include <linux/sctp.h>
#include <net/xsctp/addr.h>
#include <net/xsctp/stream.h>
#include <net/xsctp/timer.h>
#include <net/xsctp/tsnmap.h>

struct xsctp_assoc;

/* An inbound stream (RFC 9260 s6.5); its entry exists once it has had DATA. */
struct xsctp_instream {
	u32 wait;			/* its messages on asoc->ordered, inq.c */
	u16 ssn;			/* next expected SSN */
};

/* Receive window in TSNs kept by the SACK map (RFC 9260 s6.2). */
#define XSCTP_TSNMAP_BITS	4096

/* RFC 9260 s6.3.1 and Linux's defaults, in milliseconds. */
enum {
	XSCTP_RTO_INITIAL_MS	= 3000,
	XSCTP_RTO_MIN_MS	= 1000,
	XSCTP_RTO_MAX_MS	= 60000,
	XSCTP_VALID_COOKIE_LIFE_MS = 60000,
	XSCTP_SACK_TIMEOUT_MS	= 200,
	XSCTP_HB_INTERVAL_MS	= 30000,
	XSCTP_MAX_BURST		= 4,
	XSCTP_PATH_MAX_RETRANS	= 5,
	XSCTP_ASSOC_MAX_RETRANS	= 10,
	XSCTP_MAX_INIT_RETRANS	= 8,
	XSCTP_DEFAULT_OSTREAMS	= 10,
	XSCTP_DEFAULT_ISTREAMS	= 65535,
	XSCTP_PF_RETRANS	= 0,	/* RFC 7829 PFMR; Linux: 0 */
	XSCTP_MAX_PATHS		= 8,	/* peer addresses kept per association */
};

/* One peer transport address (RFC 9260 s1.3 "transport address"). */
struct xsctp_path {
	struct rhlist_head node;	/* netns path table, by key */
	struct xsctp_key key;
	struct list_head list;		/* asoc->paths */
	struct xsctp_assoc *asoc;
	union xsctp_addr addr;		/* peer address and port */
	union xsctp_addr saddr;		/* our source address on this path */
	struct dst_entry *dst;		/* cached route, checked before use */
	u32 pmtu;
	/* RFC 9260 s7.2 congestion state, bytes */
	u32 cwnd;
	u32 ssthresh;
	u32 pba;			/* partial_bytes_acked */
	u32 flight;			/* bytes outstanding on this path */
	u32 flight_before;		/* during one SACK: flight before it */
	u32 acked;			/* during one SACK: bytes it acked here */
	/* RFC 9260 s6.3.1 RTO state, jiffies; srtt == 0 before a sample */
	u32 srtt;
	u32 rttvar;
	u32 rto;
	u32 rtt_tsn;			/* TSN being timed, if rtt_pending */
	unsigned long rtt_sent;
	bool rtt_pending;
	u8 errors;			/* RFC 9260 s8.2 error counter */
	u8 state;			/* enum sctp_spinfo_state */
	u16 max_retrans;		/* Path.Max.Retrans */
	u16 pf_retrans;			/* RFC 7829 PotentiallyFailed threshold */
	u16 ps_retrans;			/* RFC 7829 s5 Primary.Switchover.Max.Retrans */
	struct xsctp_timer t3;		/* T3-rtx, RFC 9260 s6.3.2 */
	struct xsctp_timer hb;		/* heartbeat, RFC 9260 s8.3 */
	u64 hb_nonce;			/* of the heartbeat in flight */
	unsigned long last_send;	/* jiffies of the last DATA sent */
	bool hb_pending;		/* a heartbeat awaits its ACK */
	bool given;			/* sctp_connectx()'s, not yet seen in the INIT ACK */
	bool retired;			/* left the association; freed after RCU */
	struct rcu_head rcu;
};

/* Timers of the association itself; the T3 timers live in the paths. */
enum xsctp_timer_kind {
	XSCTP_T1_INIT,
	XSCTP_T1_COOKIE,
	XSCTP_T2_SHUTDOWN,
	XSCTP_T3_RTX,
	XSCTP_T5_GUARD,
	XSCTP_T_SACK,
	XSCTP_T_AUTOCLOSE,
	XSCTP_T_HEARTBEAT,
};

/*
 * What SCTP_GET_ASSOC_STATS reports (Linux's option, after Solaris'; not
 * in RFC 6458), each counted where its event happens.  Under asoc->lock.
 */
struct xsctp_assoc_stats {
	u64 rtxchunks;		/* DATA chunks retransmitted (outq.c) */
	u64 gapcnt;		/* Gap Ack Blocks in SACKs taken (outq.c) */
	u64 outofseqtsns;	/* DATA beyond our TSN window (inq.c) */
	u64 osacks;		/* SACKs sent (output.c) */
	u64 isacks;		/* SACKs received (sm.c) */
	u64 octrlchunks;	/* control chunks sent (output.c) */
	u64 ictrlchunks;	/* control chunks received (sm.c) */
	u64 oodchunks;		/* ordered DATA sent, resends not (outq.c) */
	u64 iodchunks;		/* ordered DATA accepted (inq.c) */
	u64 ouodchunks;		/* unordered, likewise */
	u64 iuodchunks;
	u64 idupchunks;		/* duplicate TSNs reported in SACKs (inq.c) */
	u64 opackets;		/* packets sent (output.c) */
	u64 ipackets;		/* packets that found the association (sm.c) */
	u32 max_rto;		/* jiffies: highest RTO since the last read */
	union xsctp_addr max_rto_addr;	/* the path that had it */
};

struct xsctp_assoc {
	spinlock_t lock;		/* everything below, see above */
	refcount_t ref;
	struct rcu_head rcu;
	struct net *net;
	struct sock *sk;		/* owner: both locks to change */
	struct list_head sock_node;	/* xsctp_sock->assocs */
	sctp_assoc_t id;
	u8 state;			/* enum sctp_sstat_state */
	bool dead;			/* unhashed, timers stopped */
	bool accepted;			/* one-to-one child already accept()ed */
	bool parked;			/* ended before accept(): still listed */
	bool named;			/* sctp_connectx() gave its id out (ulp.c) */
	int err;			/* reported to a one-to-one socket */
	u32 events;			/* RFC 6458 s6.2: subscriptions, bit
					 * (type - SCTP_SN_TYPE_BASE); written
					 * under both locks
					 */
	u32 peer_adaptation;		/* RFC 5061 s4.2.5, 0: none given */
	/* RFC 9260 s5: tags and the peer's view */
	u32 my_vtag;
	u32 peer_vtag;
	u32 peer_rwnd;			/* RFC 9260 s6.2.1 */
	u32 rwnd_at_peer_init;
	u16 nostreams;			/* outbound streams, negotiated */
	u16 nistreams;			/* inbound streams, negotiated */
	struct xsctp_streams out;	/* u16: next SSN, every entry there */
	struct xsctp_streams in;	/* struct xsctp_instream, lazy */
	/* outbound (outq.c) */
	u32 next_tsn;
	u32 last_cum_ack;		/* highest Cumulative TSN Ack seen */
	u32 outstanding;		/* bytes of DATA in flight, all paths */
	struct sk_buff_head sendq;	/* DATA chunks not sent yet */
	struct sk_buff_head sentq;	/* sent, not cumulatively acked; TSN order */
	u32 sndbuf_used;		/* bytes queued in sendq + sentq */
	u32 nrtx;			/* chunks on sentq marked for resend */
	u8 errors;			/* RFC 9260 s8.1 association error count */
	bool fast_recovery;		/* RFC 9260 s7.2.4 */
	u32 recover_tsn;
	/* inbound (inq.c) */
	struct xsctp_tsnmap tsnmap;
	struct sk_buff_head reasm;	/* fragments, TSN order */
	struct sk_buff *reasm_b;	/* a B on reasm, with all up to ... */
	u32 reasm_next;			/* ... this TSN after it (inq.c) */
	struct sk_buff_head ordered;	/* complete messages waiting for their SSN */
	u32 held;			/* truesize on reasm + ordered + pd_wait */
	/* partial delivery of one message (RFC 6458 s8.1.21), inq.c */
	bool pd_on;
	u16 pd_sid;
	u32 pd_next_tsn;		/* its next fragment */
	struct sk_buff_head pd_wait;	/* our other messages, meanwhile */
	u32 rwnd_sent;			/* a_rwnd of the last SACK, less DATA since */
	u32 busy_epoch;			/* the last it counted in, inq.c */
	u16 rx_cost;			/* payload per truesize, 256ths, inq.c */
	struct list_head rwnd_node;	/* xsctp_sock->rwnd_waiters */
	u8 data_pkts_unacked;		/* RFC 9260 s6.2: SACK every 2nd packet */
	bool sack_now;
	/* paths (path.c) */
	struct list_head paths;
	struct xsctp_path *primary;	/* the user's choice (s6.4) */
	struct xsctp_path *sack_path;	/* where the last DATA came from */
	struct xsctp_path *init_path;	/* where INIT or COOKIE ECHO went last */
	u8 npaths;
	/* handshake and shutdown */
	u8 init_retries;
	u8 shutdown_retries;
	u16 cookie_len;
	u8 *cookie;			/* the peer's cookie, for COOKIE ECHO */
	u32 cookie_inc;			/* ms, Cookie Preservative to ask for */
	struct xsctp_timer t1;		/* T1-init or T1-cookie */
	struct xsctp_timer t2;		/* T2-shutdown */
	struct xsctp_timer t5;		/* T5-shutdown-guard */
	struct xsctp_timer sack;	/* delayed SACK, RFC 9260 s6.2 */
	struct xsctp_timer autoclose;	/* RFC 6458 s8.1.8 */
	unsigned long last_data;	/* jiffies of the last DATA sent or received */
	u32 init_tsn;			/* our initial TSN, for INIT resends */
	u32 peer_init_tsn;
	/* tunables copied from the socket at creation */
	u32 rto_initial;		/* jiffies */
	u32 rto_min;
	u32 rto_max;
	u16 max_init_retrans;
	u16 max_retrans;
	u16 path_max_retrans;
	u16 pf_retrans;			/* RFC 7829, for new paths */
	u16 ps_retrans;			/* RFC 7829 s5, for new paths */
	u32 sack_delay;			/* jiffies */
	u32 hb_interval;		/* jiffies, RFC 9260 s8.3 HB.interval */
	bool hb_on;			/* heartbeats enabled */
	/* set by socket options (sockopt.c) */
	u16 default_stream;		/* SCTP_DEFAULT_SNDINFO */
	u16 default_flags;
	u32 default_ppid;		/* network order, as the user gives it */
	u32 default_context;
	u32 default_ttl;		/* SCTP_DEFAULT_SEND_PARAM, ms */
	u32 rcv_context;		/* SCTP_CONTEXT */
	u32 max_burst;			/* SCTP_MAX_BURST, packets; 0: none */
	u32 user_frag;			/* SCTP_MAXSEG, bytes; 0: path MTU */
	u32 sack_freq;			/* SCTP_DELAYED_SACK, packets */
	u8 sack_every;			/* SACK every Nth packet, 1 when off */
	bool sack_off;			/* delayed SACK off (sack_freq 1) */
	struct xsctp_assoc_stats stats;	/* SCTP_GET_ASSOC_STATS */
	unsigned long tsnbits[];	/* tsnmap's bitmap */
};

static inline void xsctp_assoc_hold(struct xsctp_assoc *asoc)
{
	refcount_inc(&asoc->ref);
}

void xsctp_assoc_put(struct xsctp_assoc *asoc);
int xsctp_assoc_cache_init(void);
void xsctp_assoc_cache_exit(void);
struct xsctp_assoc *xsctp_assoc_new(struct sock *sk, gfp_t gfp);
struct xsctp_path *xsctp_assoc_add_path(struct xsctp_assoc *asoc,
					const union xsctp_addr *peer,
					gfp_t gfp);
struct xsctp_path *xsctp_assoc_find_path(struct xsctp_assoc *asoc,
					 const union xsctp_addr *peer);
int xsctp_assoc_hash(struct xsctp_assoc *asoc);
int xsctp_assoc_attach(struct xsctp_assoc *asoc);
void xsctp_assoc_kill(struct xsctp_assoc *asoc);
void xsctp_assoc_unlist(struct xsctp_assoc *asoc);
struct xsctp_assoc *xsctp_assoc_lookup(struct net *net,
				       const union xsctp_addr *peer,
				       const union xsctp_addr *local,
				       struct xsctp_path **path);
struct xsctp_assoc *xsctp_assoc_lookup_sk(struct sock *sk,
					  const union xsctp_addr *peer,
					  struct xsctp_path **path);
struct xsctp_path *xsctp_assoc_add_peer(struct xsctp_assoc *asoc,
					const union xsctp_addr *peer);
void xsctp_assoc_rm_path(struct xsctp_assoc *asoc, struct xsctp_path *p);
struct xsctp_assoc *xsctp_assoc_by_id(struct sock *sk, sctp_assoc_t id);
int xsctp_assoc_want_streams(struct xsctp_assoc *asoc, u16 os, gfp_t gfp);
int xsctp_assoc_init_streams(struct xsctp_assoc *asoc, u16 os, u16 is,
			     gfp_t gfp);
void xsctp_assoc_free_streams(struct xsctp_assoc *asoc);
int xsctp_assoc_net_init(struct net *net);
void xsctp_assoc_net_exit(struct net *net);

/* Inbound stream @sid, or NULL while it has had no DATA (inq.c). */
static inline struct xsctp_instream *
xsctp_instream(const struct xsctp_assoc *asoc, u16 sid)
{
	return xsctp_streams_at(&asoc->in, sid);
}

/* The next SSN of outbound stream @sid: every entry exists. */
static inline u16 *xsctp_out_ssn(const struct xsctp_assoc *asoc, u16 sid)
{
	return xsctp_streams_at(&asoc->out, sid);
}

/*
 * Called under asoc->lock whenever @p's RTO is set: SCTP_GET_ASSOC_STATS
 * reports the highest since it was last read, and on which path.
 */
static inline void xsctp_assoc_note_rto(struct xsctp_assoc *asoc,
					const struct xsctp_path *p)
{
	if (p->rto > asoc->stats.max_rto) {
		asoc->stats.max_rto = p->rto;
		asoc->stats.max_rto_addr = p->addr;
	}
}

static inline bool xsctp_assoc_established(const struct xsctp_assoc *asoc)
{
	return asoc->state >= SCTP_ESTABLISHED;
}

#endif /* _XSCTP_ASSOC_H */
