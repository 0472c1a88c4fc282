/* SPDX-License-Identifier: GPL-2.0 */
/* The association state machine (RFC 9260 s4) and its entry points. */
#ifndef _XSCTP_SM_H
#define _XSCTP_SM_H

#include <net/xsctp/addr.h>
#include <net/xsctp/chunk.h>

struct xsctp_assoc;
struct xsctp_path;
struct xsctp_timer;

/* One received packet, as the chunk handlers see it. */
struct xsctp_rcv {
	struct net *net;
	struct sk_buff *skb;
	struct sk_buff *carrier;	/* holds pkt in its linear data */
	const u8 *pkt;			/* common header */
	u32 len;
	u32 vtag;
	union xsctp_addr src;		/* the peer */
	union xsctp_addr dst;		/* us */
	struct sock *sk;		/* endpoint, when no association */
	struct xsctp_assoc *asoc;	/* held reference, or NULL */
	struct xsctp_path *path;	/* the path it came in on */
	struct xsctp_chunk_iter it;
	struct xsctp_chunk c;		/* current chunk */
	bool more;			/* it and c are valid */
	bool from_cookie;		/* asoc was just made from a cookie */
	bool data_seen;
	/* a packet of a GSO skb (gso.c) before its last: the SACK and what
	 * may be sent wait for that last one, as for one packet
	 */
	bool gso_more;
	u32 *gso_data;			/* packets with DATA, so far */
	bool stop;			/* discard the rest of the packet */
};

void xsctp_sm_rcv(struct xsctp_rcv *r);
void xsctp_sm_timeout(struct xsctp_assoc *asoc, struct xsctp_timer *t);
int xsctp_sm_connect(struct xsctp_assoc *asoc);
void xsctp_sm_shutdown(struct xsctp_assoc *asoc);
void xsctp_sm_abort(struct xsctp_assoc *asoc, u16 cause, int err);
void xsctp_sm_check_shutdown(struct xsctp_assoc *asoc);
int xsctp_sm_send_ctrl(struct xsctp_assoc *asoc, struct xsctp_path *path,
		       u8 type, u8 flags, const void *body, u32 len);

/* sm.c, for handshake.c */
void xsctp_sm_fail(struct xsctp_assoc *asoc, u16 sac_state, int err);
void xsctp_sm_fail_info(struct xsctp_assoc *asoc, u16 sac_state, int err,
			u16 error, const u8 *info, u32 ilen);
void xsctp_sm_established(struct xsctp_assoc *asoc);
void *xsctp_sm_put_cause(struct sk_buff *skb, u16 cause, u32 len);
void xsctp_sm_reply_abort(struct xsctp_rcv *r, u32 vtag, bool tbit, u16 cause);

/* handshake.c: chunk handlers and T1 */
void xsctp_hs_init(struct xsctp_rcv *r, const struct xsctp_chunk *c);
void xsctp_hs_init_endpoint(struct xsctp_rcv *r, const struct xsctp_chunk *c);
void xsctp_hs_init_ack(struct xsctp_rcv *r, const struct xsctp_chunk *c);
void xsctp_hs_cookie_echo(struct xsctp_rcv *r, const struct xsctp_chunk *c);
void xsctp_hs_cookie_echo_endpoint(struct xsctp_rcv *r,
				   const struct xsctp_chunk *c);
void xsctp_hs_cookie_ack(struct xsctp_rcv *r, const struct xsctp_chunk *c);
void xsctp_hs_cookie_established(struct xsctp_rcv *r);
void xsctp_hs_stale_cookie(struct xsctp_assoc *asoc,
			   const struct xsctp_tlv *t);
void xsctp_hs_t1_expired(struct xsctp_assoc *asoc);

/* RFC 9260 s6.3.3 E2: RTO = RTO * 2, at most RTO.Max */
static inline void xsctp_rto_backoff(struct xsctp_assoc *asoc,
				     struct xsctp_path *path)
{
	path->rto = min(path->rto * 2, asoc->rto_max);
	xsctp_assoc_note_rto(asoc, path);
}

/* inq.c */
/* a SACK we send: its fixed part and up to 128 gap and duplicate reports */
#define XSCTP_SACK_MAX_LEN	(XSCTP_SACK_FIXED_LEN + 4 * 128)
void xsctp_inq_data(struct xsctp_rcv *r, const struct xsctp_chunk *c);
void xsctp_inq_sack_decide(struct xsctp_assoc *asoc, u32 data_pkts);
void xsctp_inq_send_sack(struct xsctp_assoc *asoc);
void xsctp_inq_bundle_sack(struct xsctp_assoc *asoc, struct sk_buff *pkt,
			   u32 room);
bool xsctp_inq_window_update(struct xsctp_assoc *asoc);
bool xsctp_inq_update_due(const struct xsctp_assoc *asoc);
void xsctp_inq_busy(struct xsctp_assoc *asoc);
void xsctp_inq_wake_waiters(struct sock *sk);
u32 xsctp_inq_rwnd(const struct xsctp_assoc *asoc);
bool xsctp_inq_holds(const struct xsctp_assoc *asoc);
void xsctp_inq_purge(struct xsctp_assoc *asoc);
int xsctp_inq_init(struct xsctp_assoc *asoc, u32 peer_tsn);

/* outq.c */
void xsctp_outq_sack(struct xsctp_assoc *asoc, const struct xsctp_chunk *c);
void xsctp_outq_cum_ack(struct xsctp_assoc *asoc, u32 cum_tsn);
void xsctp_outq_flush(struct xsctp_assoc *asoc);
void xsctp_outq_rtt_sample(struct xsctp_assoc *asoc, struct xsctp_path *path,
			   u32 r);

/* path.c */
struct xsctp_path *xsctp_path_for_data(struct xsctp_assoc *asoc);
struct xsctp_path *xsctp_path_alternate(struct xsctp_assoc *asoc,
					struct xsctp_path *p);
bool xsctp_path_error(struct xsctp_assoc *asoc, struct xsctp_path *p);
void xsctp_path_make_primary(struct xsctp_assoc *asoc, struct xsctp_path *p);
void xsctp_path_alive(struct xsctp_assoc *asoc, struct xsctp_path *p);
void xsctp_path_hb_arm(struct xsctp_path *path);
void xsctp_path_hb_send(struct xsctp_assoc *asoc, struct xsctp_path *path);
void xsctp_path_hb_timeout(struct xsctp_assoc *asoc, struct xsctp_path *path);
void xsctp_path_hb_ack(struct xsctp_rcv *r, const struct xsctp_chunk *c);
void xsctp_path_pmtu_update(struct xsctp_assoc *asoc, struct xsctp_path *p,
			    u32 mtu);
void xsctp_outq_t3(struct xsctp_assoc *asoc, struct xsctp_path *path);
bool xsctp_outq_empty(const struct xsctp_assoc *asoc);
void xsctp_outq_purge(struct xsctp_assoc *asoc);
void xsctp_outq_trim_streams(struct xsctp_assoc *asoc);
void xsctp_outq_pmtu_shrunk(struct xsctp_assoc *asoc, struct xsctp_path *p);

/* ulp.c */
void xsctp_ulp_assoc_change(struct xsctp_assoc *asoc, u16 state, u16 error);
void xsctp_ulp_assoc_change_info(struct xsctp_assoc *asoc, u16 state,
				 u16 error, const u8 *info, u32 ilen);
void xsctp_ulp_remote_error(struct xsctp_assoc *asoc,
			    const struct xsctp_tlv *t);
void xsctp_ulp_send_failed(struct xsctp_assoc *asoc, u32 error);
void xsctp_ulp_send_expired(struct xsctp_assoc *asoc,
			    const struct sk_buff *chunk);
void xsctp_ulp_adaptation(struct xsctp_assoc *asoc);
void xsctp_ulp_shutdown_event(struct xsctp_assoc *asoc);
void xsctp_ulp_sender_dry(struct xsctp_assoc *asoc);
void xsctp_outq_dry_check(struct xsctp_assoc *asoc);
void xsctp_ulp_peer_addr_change(struct xsctp_assoc *asoc,
				const struct xsctp_path *p, int state,
				int error);
void xsctp_ulp_deliver(struct xsctp_assoc *asoc, struct sk_buff *skb);
bool xsctp_ulp_pd_begin(struct xsctp_assoc *asoc);
void xsctp_ulp_pd_end(struct xsctp_assoc *asoc);
void xsctp_ulp_pd_aborted(struct xsctp_assoc *asoc, u16 sid, u16 ssn);
int xsctp_ulp_rmem(const struct xsctp_assoc *asoc);

#endif /* _XSCTP_SM_H */
