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

void xsctp_ulp_deliver(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct sock *sk = asoc->sk;

	xsctp_ulp_cb(skb)->assoc_id = asoc->id;
	xsctp_ulp_cb(skb)->cum_tsn = xsctp_tsnmap_cum_tsn(&asoc->tsnmap);
	skb_set_owner_r(skb, sk);
	skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
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
