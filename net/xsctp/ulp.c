// SPDX-License-Identifier: GPL-2.0
/*
 * Delivery to the user: messages and notifications (RFC 6458 s6) go on
 * the socket's receive queue.  Called under asoc->lock, possibly in
 * softirq: the queue has its own lock, and receive memory is charged with
 * atomic counters, so the socket lock is not needed here.
 */
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/ulp.h>

/* RFC 6458 s8.1.20: does a partial delivery hold @asoc's deliveries back? */
static bool held_back(const struct xsctp_sock *xs,
		      const struct xsctp_assoc *asoc)
{
	return xs->pd_owner && xs->pd_owner != asoc->id;
}

void xsctp_ulp_deliver(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct sock *sk = asoc->sk;
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct sk_buff_head *q = &sk->sk_receive_queue;

	xsctp_ulp_cb(skb)->assoc_id = asoc->id;
	xsctp_ulp_cb(skb)->cum_tsn = xsctp_tsnmap_cum_tsn(&asoc->tsnmap);
	spin_lock(&q->lock);
	if (sock_flag(sk, SOCK_DEAD)) {
		/* closed while shutting down: nobody will read it */
		spin_unlock(&q->lock);
		kfree_skb(skb);
		return;
	}
	skb_set_owner_r(skb, sk);
	if (held_back(xs, asoc)) {
		__skb_queue_tail(&xs->pd_lobby, skb);
		xs->pd_lobby_bytes += skb->truesize;
		spin_unlock(&q->lock);
		return;
	}
	__skb_queue_tail(q, skb);
	spin_unlock(&q->lock);
	sk->sk_data_ready(sk);
}

/*
 * @asoc starts delivering a message in pieces.  At interleave level 0 a
 * one-to-many socket then takes nothing from other associations until
 * the message ends; if another's message is in pieces already, wait.
 */
bool xsctp_ulp_pd_begin(struct xsctp_assoc *asoc)
{
	struct sock *sk = asoc->sk;
	struct xsctp_sock *xs = xsctp_sk(sk);
	bool ok = true;

	if (xsctp_style_tcp(sk) || xs->opts.frag_interleave)
		return true;
	spin_lock(&sk->sk_receive_queue.lock);
	if (held_back(xs, asoc))
		ok = false;
	else
		xs->pd_owner = asoc->id;
	spin_unlock(&sk->sk_receive_queue.lock);
	return ok;
}

/* The message in pieces ended, or its association did: let the rest in. */
void xsctp_ulp_pd_end(struct xsctp_assoc *asoc)
{
	struct sock *sk = asoc->sk;
	struct xsctp_sock *xs = xsctp_sk(sk);
	bool more;

	spin_lock(&sk->sk_receive_queue.lock);
	if (xs->pd_owner != asoc->id) {
		spin_unlock(&sk->sk_receive_queue.lock);
		return;
	}
	xs->pd_owner = 0;
	more = !skb_queue_empty(&xs->pd_lobby);
	skb_queue_splice_tail_init(&xs->pd_lobby, &sk->sk_receive_queue);
	xs->pd_lobby_bytes = 0;
	spin_unlock(&sk->sk_receive_queue.lock);
	if (more)
		sk->sk_data_ready(sk);
}

/* Receive memory the association may count on: the lobby is not its. */
int xsctp_ulp_rmem(const struct xsctp_assoc *asoc)
{
	const struct xsctp_sock *xs = xsctp_sk(asoc->sk);
	int used = atomic_read(&asoc->sk->sk_rmem_alloc);

	if (READ_ONCE(xs->pd_owner) == asoc->id)
		used -= READ_ONCE(xs->pd_lobby_bytes);
	return max(used, 0);
}

/* RFC 6458 s6.2.2: subscriptions are the association's, as on Linux. */
static bool subscribed(const struct xsctp_assoc *asoc, u16 type)
{
	return asoc->events & (1U << (type - SCTP_SN_TYPE_BASE));
}

/*
 * The association id a notification gives.  Linux names an association
 * only once the peer's INIT ACK is in, or when sctp_connectx() asks for
 * the id (asoc->named), so one that ends in COOKIE-WAIT otherwise is
 * reported as 0.
 */
static sctp_assoc_t notify_id(const struct xsctp_assoc *asoc)
{
	return asoc->state == SCTP_COOKIE_WAIT && !asoc->named ? 0 : asoc->id;
}

static struct sk_buff *notification(u32 len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_ATOMIC);

	if (skb) {
		memset(skb->cb, 0, sizeof(skb->cb));
		xsctp_ulp_cb(skb)->notification = 1;
		xsctp_ulp_cb(skb)->dflags = 0x3;	/* whole: MSG_EOR */
	}
	return skb;
}

/*
 * RFC 6458 s6.1.1: SCTP_ASSOC_CHANGE.  As on Linux, only COMM_UP and
 * RESTART report stream counts, and a COMM_LOST caused by an ABORT
 * carries the ABORT's causes in sac_info (@info, @ilen bytes).
 */
void xsctp_ulp_assoc_change_info(struct xsctp_assoc *asoc, u16 state,
				 u16 error, const u8 *info, u32 ilen)
{
	struct sctp_assoc_change *sac;
	struct sk_buff *skb;

	if (!subscribed(asoc, SCTP_ASSOC_CHANGE))
		return;
	skb = notification(sizeof(*sac) + ilen);
	if (!skb)
		return;
	sac = skb_put_zero(skb, sizeof(*sac));
	sac->sac_type = SCTP_ASSOC_CHANGE;
	sac->sac_length = sizeof(*sac) + ilen;
	sac->sac_state = state;
	sac->sac_error = error;
	if (state == SCTP_COMM_UP || state == SCTP_RESTART) {
		sac->sac_outbound_streams = asoc->nostreams;
		sac->sac_inbound_streams = asoc->nistreams;
	}
	sac->sac_assoc_id = notify_id(asoc);
	if (ilen)
		skb_put_data(skb, info, ilen);
	xsctp_ulp_deliver(asoc, skb);
}

void xsctp_ulp_assoc_change(struct xsctp_assoc *asoc, u16 state, u16 error)
{
	xsctp_ulp_assoc_change_info(asoc, state, error, NULL, 0);
}

/* RFC 6458 s6.1.5: SCTP_SHUTDOWN_EVENT */
void xsctp_ulp_shutdown_event(struct xsctp_assoc *asoc)
{
	struct sctp_shutdown_event *se;
	struct sk_buff *skb;

	if (!subscribed(asoc, SCTP_SHUTDOWN_EVENT))
		return;
	skb = notification(sizeof(*se));
	if (!skb)
		return;
	se = skb_put_zero(skb, sizeof(*se));
	se->sse_type = SCTP_SHUTDOWN_EVENT;
	se->sse_length = sizeof(*se);
	se->sse_assoc_id = asoc->id;
	xsctp_ulp_deliver(asoc, skb);
}

/* RFC 6458 s6.1.7: SCTP_PARTIAL_DELIVERY_EVENT, the message will not end */
void xsctp_ulp_pd_aborted(struct xsctp_assoc *asoc, u16 sid, u16 ssn)
{
	struct sctp_pdapi_event *pd;
	struct sk_buff *skb;

	if (!subscribed(asoc, SCTP_PARTIAL_DELIVERY_EVENT))
		return;
	skb = notification(sizeof(*pd));
	if (!skb)
		return;
	pd = skb_put_zero(skb, sizeof(*pd));
	pd->pdapi_type = SCTP_PARTIAL_DELIVERY_EVENT;
	pd->pdapi_length = sizeof(*pd);
	pd->pdapi_indication = SCTP_PARTIAL_DELIVERY_ABORTED;
	pd->pdapi_assoc_id = asoc->id;
	pd->pdapi_stream = sid;
	pd->pdapi_seq = ssn;
	xsctp_ulp_deliver(asoc, skb);
}

/* RFC 6458 s6.1.2: SCTP_PEER_ADDR_CHANGE */
void xsctp_ulp_peer_addr_change(struct xsctp_assoc *asoc,
				const struct xsctp_path *p, int state,
				int error)
{
	struct sock *sk = asoc->sk;
	struct sctp_paddr_change *pc;
	struct sk_buff *skb;

	if (!subscribed(asoc, SCTP_PEER_ADDR_CHANGE))
		return;
	skb = notification(sizeof(*pc));
	if (!skb)
		return;
	pc = skb_put_zero(skb, sizeof(*pc));
	pc->spc_type = SCTP_PEER_ADDR_CHANGE;
	pc->spc_length = sizeof(*pc);
	xsctp_addr_to_user(&p->addr, sk->sk_family == AF_INET6,
			   (struct sockaddr *)&pc->spc_aaddr);
	pc->spc_state = state;
	pc->spc_error = error;
	pc->spc_assoc_id = asoc->id;
	xsctp_ulp_deliver(asoc, skb);
}

/* RFC 6458 s6.1.9: SCTP_SENDER_DRY_EVENT, nothing left to send or resend */
void xsctp_ulp_sender_dry(struct xsctp_assoc *asoc)
{
	struct sctp_sender_dry_event *sd;
	struct sk_buff *skb;

	if (!subscribed(asoc, SCTP_SENDER_DRY_EVENT))
		return;
	skb = notification(sizeof(*sd));
	if (!skb)
		return;
	sd = skb_put_zero(skb, sizeof(*sd));
	sd->sender_dry_type = SCTP_SENDER_DRY_EVENT;
	sd->sender_dry_length = sizeof(*sd);
	sd->sender_dry_assoc_id = asoc->id;
	xsctp_ulp_deliver(asoc, skb);
}

/*
 * RFC 6458 s6.1.3: SCTP_REMOTE_ERROR, one per cause of an ERROR chunk
 * (RFC 9260 s3.3.10).  As on Linux, sre_error is the cause code in
 * network order and sre_data the cause's value, padded to 4 bytes.
 */
void xsctp_ulp_remote_error(struct xsctp_assoc *asoc,
			    const struct xsctp_tlv *t)
{
	u32 dlen = ALIGN(t->len, 4) - XSCTP_PARAMHDR_LEN;
	struct sctp_remote_error *sre;
	struct sk_buff *skb;

	if (!subscribed(asoc, SCTP_REMOTE_ERROR))
		return;
	skb = notification(sizeof(*sre) + dlen);
	if (!skb)
		return;
	sre = skb_put_zero(skb, sizeof(*sre) + dlen);
	sre->sre_type = SCTP_REMOTE_ERROR;
	sre->sre_length = sizeof(*sre) + dlen;
	sre->sre_error = htons(t->type);
	sre->sre_assoc_id = asoc->id;
	/* the pad bytes stay zero, as RFC 9260 s3.2 has them */
	memcpy(sre->sre_data, t->p + XSCTP_PARAMHDR_LEN,
	       t->len - XSCTP_PARAMHDR_LEN);
	xsctp_ulp_deliver(asoc, skb);
}

/* The fields both forms of SEND_FAILED start with (RFC 6458 s6.1.4, 6.1.11). */
struct send_failed_head {
	u16 type;
	u16 flags;
	u32 length;
	u32 error;
};

/*
 * A SEND_FAILED notification of @size bytes plus one DATA chunk's data:
 * its leading fields filled, the rest (at skb->data) left to the caller.
 */
static struct sk_buff *send_failed_skb(const struct sk_buff *chunk, u16 type,
				       u32 size, u16 flags, u32 error)
{
	const struct xsctp_data_chunk *dc = (const void *)chunk->data;
	u32 len = xsctp_out_cb(chunk)->len;
	struct send_failed_head *h;
	struct sk_buff *skb;

	BUILD_BUG_ON(offsetof(struct sctp_send_failed, ssf_error) !=
		     offsetof(struct send_failed_head, error));
	BUILD_BUG_ON(offsetof(struct sctp_send_failed_event, ssf_error) !=
		     offsetof(struct send_failed_head, error));
	skb = notification(size + len);
	if (!skb)
		return NULL;
	h = skb_put_zero(skb, size);
	h->type = type;
	h->flags = flags;
	h->length = size + len;
	h->error = error;
	skb_put_data(skb, dc + 1, len);
	return skb;
}

/*
 * The info's association id: what the send's SCTP_SNDINFO / SCTP_SNDRCV
 * named (a one-to-one socket's 0, say), else the association's.
 */
static sctp_assoc_t sender_id(struct xsctp_assoc *asoc,
			      const struct xsctp_out_cb *cb)
{
	if (cb->state & XSCTP_OUT_SENDER_ID)
		return cb->sender_id;
	return notify_id(asoc);
}

/* RFC 6458 s6.1.4: the deprecated SCTP_SEND_FAILED for one DATA chunk */
static struct sk_buff *send_failed_old(struct xsctp_assoc *asoc,
				       const struct sk_buff *chunk,
				       u16 flags, u32 error)
{
	const struct xsctp_data_chunk *dc = (const void *)chunk->data;
	const struct xsctp_out_cb *cb = xsctp_out_cb(chunk);
	struct sctp_send_failed *ssf;
	struct sk_buff *skb;

	skb = send_failed_skb(chunk, SCTP_SEND_FAILED, sizeof(*ssf), flags,
			      error);
	if (!skb)
		return NULL;
	ssf = (void *)skb->data;
	ssf->ssf_info.sinfo_stream = cb->sid;
	ssf->ssf_info.sinfo_flags = cb->dflags;	/* Linux: the DATA flags */
	ssf->ssf_info.sinfo_ppid = (__force u32)dc->ppid;
	ssf->ssf_info.sinfo_context = cb->context;
	ssf->ssf_info.sinfo_assoc_id = sender_id(asoc, cb);
	ssf->ssf_assoc_id = notify_id(asoc);
	return skb;
}

/* RFC 6458 s6.1.11: SCTP_SEND_FAILED_EVENT for one DATA chunk */
static struct sk_buff *send_failed_new(struct xsctp_assoc *asoc,
				       const struct sk_buff *chunk,
				       u16 flags, u32 error)
{
	const struct xsctp_data_chunk *dc = (const void *)chunk->data;
	const struct xsctp_out_cb *cb = xsctp_out_cb(chunk);
	struct sctp_send_failed_event *ssf;
	struct sk_buff *skb;

	skb = send_failed_skb(chunk, SCTP_SEND_FAILED_EVENT, sizeof(*ssf),
			      flags, error);
	if (!skb)
		return NULL;
	ssf = (void *)skb->data;
	ssf->ssfe_info.snd_sid = cb->sid;
	ssf->ssfe_info.snd_flags = cb->dflags;
	ssf->ssfe_info.snd_ppid = (__force u32)dc->ppid;
	ssf->ssfe_info.snd_context = cb->context;
	ssf->ssfe_info.snd_assoc_id = sender_id(asoc, cb);
	ssf->ssf_assoc_id = notify_id(asoc);
	return skb;
}

/*
 * The data handed back is the user's, charged to the receive buffer
 * like any notification; a socket already holding a receive buffer and
 * a send buffer's worth takes no more (the rest is dropped unreported).
 */
static bool failed_room(const struct sock *sk)
{
	return atomic_read(&sk->sk_rmem_alloc) <
	       READ_ONCE(sk->sk_rcvbuf) + READ_ONCE(sk->sk_sndbuf);
}

/* The notifications subscribed to for one DATA chunk; false: no room. */
static bool send_failed_one(struct xsctp_assoc *asoc,
			    const struct sk_buff *chunk, u16 flags, u32 error)
{
	struct sk_buff *skb;

	if (!failed_room(asoc->sk))
		return false;
	skb = subscribed(asoc, SCTP_SEND_FAILED) ?
	      send_failed_old(asoc, chunk, flags, error) : NULL;
	if (skb)
		xsctp_ulp_deliver(asoc, skb);
	skb = subscribed(asoc, SCTP_SEND_FAILED_EVENT) ?
	      send_failed_new(asoc, chunk, flags, error) : NULL;
	if (skb)
		xsctp_ulp_deliver(asoc, skb);
	return true;
}

static void send_failed_queue(struct xsctp_assoc *asoc,
			      struct sk_buff_head *q, u16 flags, u32 error)
{
	struct sk_buff *chunk;

	skb_queue_walk(q, chunk) {
		if (!send_failed_one(asoc, chunk, flags, error))
			return;
	}
}

/*
 * RFC 6458 s6.1.4, s6.1.11: the association ended with user data not
 * acknowledged.  As on Linux: after the ASSOC_CHANGE, one notification
 * per DATA chunk (not per message), those sent first in TSN order with
 * SCTP_DATA_SENT, then those never sent with SCTP_DATA_UNSENT; @error is
 * the ASSOC_CHANGE's sac_error.  Called under asoc->lock, before the
 * queues are purged.
 */
void xsctp_ulp_send_failed(struct xsctp_assoc *asoc, u32 error)
{
	if (!subscribed(asoc, SCTP_SEND_FAILED) &&
	    !subscribed(asoc, SCTP_SEND_FAILED_EVENT))
		return;
	send_failed_queue(asoc, &asoc->sentq, SCTP_DATA_SENT, error);
	send_failed_queue(asoc, &asoc->sendq, SCTP_DATA_UNSENT, error);
}

/*
 * RFC 6458 s5.3.2, s6.1.11: DATA chunk @chunk of a message whose lifetime
 * ended before it was sent goes back to the user, SCTP_DATA_UNSENT with
 * no error (as sctp.ko reports a message PR-SCTP abandoned unsent).
 * Called under asoc->lock.
 */
void xsctp_ulp_send_expired(struct xsctp_assoc *asoc,
			    const struct sk_buff *chunk)
{
	send_failed_one(asoc, chunk, SCTP_DATA_UNSENT, 0);
}

/* RFC 6458 s6.1.6: SCTP_ADAPTATION_INDICATION, after COMM_UP */
void xsctp_ulp_adaptation(struct xsctp_assoc *asoc)
{
	struct sctp_adaptation_event *sai;
	struct sk_buff *skb;

	if (!asoc->peer_adaptation ||
	    !subscribed(asoc, SCTP_ADAPTATION_INDICATION))
		return;
	skb = notification(sizeof(*sai));
	if (!skb)
		return;
	sai = skb_put_zero(skb, sizeof(*sai));
	sai->sai_type = SCTP_ADAPTATION_INDICATION;
	sai->sai_length = sizeof(*sai);
	sai->sai_adaptation_ind = asoc->peer_adaptation;
	sai->sai_assoc_id = asoc->id;
	xsctp_ulp_deliver(asoc, skb);
}
