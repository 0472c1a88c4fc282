// SPDX-License-Identifier: GPL-2.0
/*
 * Delivery to the user: messages and notifications (RFC 6458 s6) go on
 * the socket's receive queue.  Called under asoc->lock, possibly in
 * softirq: the queue has its own lock, and receive memory is charged with
 * atomic counters, so the socket lock is not needed here.
 */
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
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

static bool subscribed(const struct xsctp_assoc *asoc, u16 type)
{
	return xsctp_sk(asoc->sk)->opts.events & (1U << (type - SCTP_SN_TYPE_BASE));
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

/* RFC 6458 s6.1.1: SCTP_ASSOC_CHANGE */
void xsctp_ulp_assoc_change(struct xsctp_assoc *asoc, u16 state, u16 error)
{
	struct sctp_assoc_change *sac;
	struct sk_buff *skb;

	if (!subscribed(asoc, SCTP_ASSOC_CHANGE))
		return;
	skb = notification(sizeof(*sac));
	if (!skb)
		return;
	sac = skb_put_zero(skb, sizeof(*sac));
	sac->sac_type = SCTP_ASSOC_CHANGE;
	sac->sac_length = sizeof(*sac);
	sac->sac_state = state;
	sac->sac_error = error;
	sac->sac_outbound_streams = asoc->nostreams;
	sac->sac_inbound_streams = asoc->nistreams;
	sac->sac_assoc_id = asoc->id;
	xsctp_ulp_deliver(asoc, skb);
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
