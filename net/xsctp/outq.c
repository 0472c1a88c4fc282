// SPDX-License-Identifier: GPL-2.0
/*
 * Outbound data: transmission within cwnd and the peer's rwnd (RFC 9260
 * s6.1), SACK processing (s6.2.1), retransmission on T3 (s6.3.3) and on
 * three miss indications (s7.2.4), congestion control per path (s7.2).
 */
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/sock.h>
#include <net/xsctp/wire.h>

bool xsctp_outq_empty(const struct xsctp_assoc *asoc)
{
	return skb_queue_empty(&asoc->sendq) && skb_queue_empty(&asoc->sentq);
}

/* Drops every queued and unacknowledged chunk: the end or a restart. */
void xsctp_outq_purge(struct xsctp_assoc *asoc)
{
	__skb_queue_purge(&asoc->sendq);
	__skb_queue_purge(&asoc->sentq);
	xsctp_sk_charge_wmem(asoc, -(int)asoc->sndbuf_used);
	asoc->outstanding = 0;
	asoc->nrtx = 0;
}

/*
 * Data queued before setup on streams the peer then did not grant
 * (RFC 9260 s5.1.1: we may use no more than its MIS) cannot go: drop it.
 */
void xsctp_outq_trim_streams(struct xsctp_assoc *asoc)
{
	struct sk_buff *skb, *tmp;

	skb_queue_walk_safe(&asoc->sendq, skb, tmp) {
		if (xsctp_out_cb(skb)->sid < asoc->nostreams)
			continue;
		__skb_unlink(skb, &asoc->sendq);
		xsctp_sk_charge_wmem(asoc, -(int)skb->truesize);
		kfree_skb(skb);
	}
}

/*
 * Called under asoc->lock: queues one message's chunks (built by sendmsg),
 * to go to @over if not NULL (SCTP_ADDR_OVER).  Its SSN is taken when it
 * is first sent (see set_ssn()): one that expires unsent leaves no gap.
 */
void xsctp_outq_enqueue(struct xsctp_assoc *asoc, struct sk_buff_head *msg,
			struct xsctp_path *over)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(msg))) {
		xsctp_out_cb(skb)->path = over;
		xsctp_sk_charge_wmem(asoc, skb->truesize);
		__skb_queue_tail(&asoc->sendq, skb);
	}
}

/* Called under asoc->lock: path @p leaves; data named for it goes anywhere. */
void xsctp_outq_forget_path(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	struct sk_buff *skb;

	skb_queue_walk(&asoc->sendq, skb) {
		if (xsctp_out_cb(skb)->path == p)
			xsctp_out_cb(skb)->path = NULL;
	}
}

/*
 * RFC 9260 s6.6: all fragments of a message carry its SSN.  A message's
 * chunks are consecutive on sendq, so a later fragment has the SSN its
 * first one took.
 */
static void set_ssn(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct xsctp_out_cb *cb = xsctp_out_cb(skb);
	struct xsctp_data_chunk *dc = (void *)skb->data;
	u16 *next = xsctp_out_ssn(asoc, cb->sid);

	if (cb->dflags & XSCTP_DATA_U)
		return;			/* the SSN of unordered data is 0 */
	if (cb->dflags & XSCTP_DATA_B)
		(*next)++;
	dc->ssn = htons(*next - 1);
}

/* Does the message starting at the head of sendq, unsent, expire now? */
static bool head_expired(const struct sk_buff *skb)
{
	const struct xsctp_out_cb *cb = xsctp_out_cb(skb);

	/* not B: the message's first chunks have TSNs, it must arrive */
	return (cb->dflags & XSCTP_DATA_B) &&
	       (cb->state & XSCTP_OUT_LIFETIME) &&
	       time_after_eq(jiffies, cb->expires);
}

/* Drops the message at the head of sendq, handing it back to the user. */
static void drop_head_msg(struct xsctp_assoc *asoc)
{
	struct sk_buff *skb;
	bool end;

	do {
		skb = __skb_dequeue(&asoc->sendq);
		if (!skb)
			return;
		end = xsctp_out_cb(skb)->dflags & XSCTP_DATA_E;
		xsctp_ulp_send_expired(asoc, skb);
		xsctp_sk_charge_wmem(asoc, -(int)skb->truesize);
		kfree_skb(skb);
	} while (!end);
}

/*
 * RFC 6458 s5.3.2: a message not sent to the peer within its lifetime
 * expires.  Without PR-SCTP (RFC 3758) a message with a TSN cannot be
 * given up, so only one none of whose chunks has been sent can; checked
 * where messages are taken for transmission, at the head of sendq, not
 * with a timer per message.  Returns the head of sendq after.
 */
static struct sk_buff *next_unsent(struct xsctp_assoc *asoc)
{
	struct sk_buff *skb;
	bool dropped = false;

	while ((skb = skb_peek(&asoc->sendq)) && head_expired(skb)) {
		drop_head_msg(asoc);
		dropped = true;
	}
	if (dropped)
		asoc->sk->sk_write_space(asoc->sk);
	return skb;
}

/*
 * RFC 6458 s5.3.4 SCTP_ADDR_OVER: new data goes to the address the user
 * named while that path is active (as sctp.ko, not when unconfirmed, PF
 * or inactive), else where data goes (RFC 9260 s6.4).
 */
static struct xsctp_path *new_data_path(const struct sk_buff *skb,
					struct xsctp_path *dflt)
{
	struct xsctp_path *p = xsctp_out_cb(skb)->path;

	return p && p->state == SCTP_ACTIVE ? p : dflt;
}

static void flight_add(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct xsctp_out_cb *cb = xsctp_out_cb(skb);

	cb->state |= XSCTP_OUT_INFLIGHT;
	cb->path->flight += cb->len;
	asoc->outstanding += cb->len;
}

static void flight_del(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct xsctp_out_cb *cb = xsctp_out_cb(skb);

	if (!(cb->state & XSCTP_OUT_INFLIGHT))
		return;
	cb->state &= ~XSCTP_OUT_INFLIGHT;
	cb->path->flight -= min_t(u32, cb->path->flight, cb->len);
	asoc->outstanding -= min_t(u32, asoc->outstanding, cb->len);
}

/*
 * Chunks marked for retransmission are counted in asoc->nrtx, so the
 * flush loop knows without a walk of sentq whether any are waiting.
 */
static void rtx_mark(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct xsctp_out_cb *cb = xsctp_out_cb(skb);

	if (cb->state & XSCTP_OUT_RTX)
		return;
	cb->state |= XSCTP_OUT_RTX;
	asoc->nrtx++;
	flight_del(asoc, skb);
}

static void rtx_clear(struct xsctp_assoc *asoc, struct xsctp_out_cb *cb)
{
	if (!(cb->state & XSCTP_OUT_RTX))
		return;
	cb->state &= ~XSCTP_OUT_RTX;
	asoc->nrtx--;
}

/*
 * Puts one chunk in @pkt (NULL: it is its own packet, solo_packet()),
 * taking it as sent on @path now.
 */
static void put_chunk(struct xsctp_assoc *asoc, struct xsctp_path *path,
		      struct sk_buff *pkt, struct sk_buff *skb)
{
	struct xsctp_out_cb *cb = xsctp_out_cb(skb);

	if (pkt)
		skb_put_data(pkt, skb->data, skb->len);
	cb->path = path;
	cb->sent_at = jiffies;
	path->last_send = jiffies;
	asoc->last_data = jiffies;
	flight_add(asoc, skb);
	asoc->peer_rwnd -= min_t(u32, asoc->peer_rwnd, cb->len);
	/* RFC 9260 s6.3.1 C4: time one chunk per RTT, never a resend */
	if (!path->rtt_pending && !(cb->state & XSCTP_OUT_RETRANSMITTED)) {
		path->rtt_pending = true;
		path->rtt_tsn = cb->tsn;
		path->rtt_sent = jiffies;
	}
	/* s6.3.2 R1: start T3 if it is not running */
	if (!xsctp_timer_pending(&path->t3))
		xsctp_timer_arm(&path->t3, path->rto);
}

/*
 * A packet for DATA to @path whose first chunk takes @first bytes, of
 * the @need its chunks take in all.  RFC 9260 s6.2: a pending SACK goes
 * now, not after the data; s6.10 and s6.4: bundled ahead of the DATA
 * when it fits and the DATA goes back where the data it acknowledges
 * came from, else in a packet before.  The buffer is sized to the
 * chunks, not to the MTU: a 100-byte message in a packet sized for
 * loopback's 64 KiB would cost the receiver 128 KiB of its buffer.
 */
static struct sk_buff *new_packet(struct xsctp_assoc *asoc,
				  struct xsctp_path *path, u32 first, u32 need)
{
	u32 room = xsctp_path_room(path);
	u32 spare = room > first ? room - first : 0;
	bool sack = xsctp_timer_pending(&asoc->sack);
	struct sk_buff *pkt;
	u32 size = need;

	if (sack && (spare < XSCTP_SACK_FIXED_LEN ||
		     (asoc->sack_path && asoc->sack_path != path))) {
		xsctp_inq_send_sack(asoc);
		sack = false;
	}
	if (sack)
		size += min_t(u32, spare, XSCTP_SACK_MAX_LEN);
	pkt = xsctp_pkt_new(min(size, max(room, first)), GFP_ATOMIC);
	if (pkt && sack)
		xsctp_inq_bundle_sack(asoc, pkt, spare);
	return pkt;
}

/*
 * May new chunk @skb go in the packet to @path that holds @used bytes
 * (0: none yet, and a first chunk cut for a larger MTU goes alone)?
 */
static bool joins(const struct sk_buff *skb, struct xsctp_path *dflt,
		  struct xsctp_path *path, u32 used, u32 room)
{
	return new_data_path(skb, dflt) == path &&
	       (!used || used + skb->len <= room);
}

/*
 * A new chunk that fills its packet alone (bulk data) goes as a clone of
 * itself, the headers pushed into the headroom make_chunks() gave it,
 * instead of being copied into a packet.  Not with a SACK to bundle
 * (new_packet()).  NULL when it does not qualify.
 */
static struct sk_buff *solo_packet(struct xsctp_assoc *asoc,
				   struct sk_buff *skb, struct xsctp_path *dflt,
				   struct xsctp_path *path, u32 room)
{
	struct sk_buff *next = skb_peek_next(skb, &asoc->sendq), *pkt;

	if (skb_headroom(skb) < XSCTP_HEADROOM ||
	    xsctp_timer_pending(&asoc->sack) ||
	    (next && joins(next, dflt, path, skb->len, room)))
		return NULL;
	pkt = skb_clone(skb, GFP_ATOMIC);
	if (pkt)
		memset(pkt->cb, 0, sizeof(pkt->cb));	/* xsctp_pkt_cb */
	return pkt;
}

/* Bytes the chunks marked for retransmission from @skb on take in one
 * packet of @room (send_rtx())
 */
static u32 rtx_need(struct xsctp_assoc *asoc, struct sk_buff *skb, u32 room)
{
	u32 used = 0;

	for (; skb; skb = skb_peek_next(skb, &asoc->sentq)) {
		if (!(xsctp_out_cb(skb)->state & XSCTP_OUT_RTX))
			continue;
		if (used && used + skb->len > room)
			break;
		used += skb->len;
	}
	return used;
}

/* Sends one packet of chunks marked for retransmission.  */
static bool send_rtx(struct xsctp_assoc *asoc, struct xsctp_path *path,
		     struct xsctp_gso *g)
{
	u32 room = xsctp_path_room(path);
	struct sk_buff *skb, *pkt = NULL;

	skb_queue_walk(&asoc->sentq, skb) {
		struct xsctp_out_cb *cb = xsctp_out_cb(skb);

		if (!asoc->nrtx)
			break;
		if (!(cb->state & XSCTP_OUT_RTX))
			continue;
		if (pkt && pkt->len + skb->len > room)
			break;
		if (!pkt) {
			pkt = new_packet(asoc, path, skb->len,
					 rtx_need(asoc, skb, room));
			if (!pkt)
				return false;
		}
		rtx_clear(asoc, cb);
		cb->state |= XSCTP_OUT_RETRANSMITTED;
		cb->miss = 0;
		put_chunk(asoc, path, pkt, skb);
		asoc->stats.rtxchunks++;
	}
	if (!pkt)
		return false;
	xsctp_gso_add(g, asoc, path, pkt);
	return true;
}

/* One packet of retransmissions, now (fast retransmit, T3-rtx). */
static void send_rtx_now(struct xsctp_assoc *asoc, struct xsctp_path *path)
{
	struct xsctp_gso g = {};

	send_rtx(asoc, path, &g);
	xsctp_gso_end(&g, asoc);
}

static bool has_rtx(const struct xsctp_assoc *asoc)
{
	return asoc->nrtx;
}

/* Bytes the new chunks from @skb on take in one packet to @path */
static u32 new_need(struct xsctp_assoc *asoc, struct sk_buff *skb,
		    struct xsctp_path *dflt, struct xsctp_path *path, u32 room)
{
	u32 used = 0;

	for (; skb && joins(skb, dflt, path, used, room);
	     skb = skb_peek_next(skb, &asoc->sendq))
		used += skb->len;
	return used;
}

/* May @skb go now?  RFC 9260 s6.1 A, B and Nagle (s6.1 note) */
static bool may_send(struct xsctp_assoc *asoc, struct xsctp_path *path,
		     struct sk_buff *skb, u32 room, u32 in_pkt)
{
	u32 len = xsctp_out_cb(skb)->len;

	if (!asoc->outstanding && !in_pkt)
		return true;	/* A: one chunk may always probe */
	if (path->flight >= path->cwnd)
		return false;	/* B */
	if (len > asoc->peer_rwnd)
		return false;	/* A */
	return true;
}

/*
 * Nagle: hold back a small packet while data is unacknowledged.  Not the
 * fragments of a message cut in pieces (as sctp.ko): the last, small one
 * would wait for the SACK of the others, a delayed SACK's time per message.
 */
static bool nagle_holds(struct xsctp_assoc *asoc, u32 room)
{
	const u8 whole = XSCTP_DATA_B | XSCTP_DATA_E;
	struct sk_buff *skb = skb_peek(&asoc->sendq);
	u32 queued = 0;

	if (xsctp_sk(asoc->sk)->opts.nodelay || !asoc->outstanding || !skb ||
	    (xsctp_out_cb(skb)->dflags & whole) != whole)
		return false;
	skb_queue_walk(&asoc->sendq, skb) {
		queued += skb->len;
		if (queued >= room - 16)
			return false;
	}
	return true;
}

/*
 * Sends one packet of new chunks, to @dflt or to the path the first one
 * names (the packet ends before a chunk for another); false when nothing
 * may go.
 */
static bool send_new(struct xsctp_assoc *asoc, struct xsctp_path *dflt,
		     struct xsctp_gso *g)
{
	struct sk_buff *skb, *pkt = NULL, *solo = NULL;
	struct xsctp_path *path;
	u32 room;

	skb = next_unsent(asoc);
	if (!skb)
		return false;
	path = new_data_path(skb, dflt);
	room = xsctp_path_room(path);
	if (nagle_holds(asoc, room))
		return false;
	for (; skb; skb = next_unsent(asoc)) {
		struct xsctp_out_cb *cb = xsctp_out_cb(skb);
		struct xsctp_data_chunk *dc = (void *)skb->data;

		if (!joins(skb, dflt, path, pkt ? pkt->len : 0, room) ||
		    !may_send(asoc, path, skb, room, pkt ? pkt->len : 0))
			break;
		if (!pkt) {
			solo = solo_packet(asoc, skb, dflt, path, room);
			pkt = solo ?: new_packet(asoc, path, skb->len,
						 new_need(asoc, skb, dflt, path,
							  room));
			if (!pkt)
				return false;
		}
		cb->tsn = asoc->next_tsn++;
		dc->tsn = htonl(cb->tsn);
		set_ssn(asoc, skb);
		__skb_unlink(skb, &asoc->sendq);
		__skb_queue_tail(&asoc->sentq, skb);
		put_chunk(asoc, path, solo ? NULL : pkt, skb);
		xsctp_inc_stats(asoc->net, cb->dflags & XSCTP_DATA_U ?
				XSCTP_MIB_OUTUNORDERCHUNKS :
				XSCTP_MIB_OUTORDERCHUNKS);
		if (cb->dflags & XSCTP_DATA_U)
			asoc->stats.ouodchunks++;
		else
			asoc->stats.oodchunks++;
		if (solo)
			break;
	}
	if (!pkt)
		return false;
	xsctp_gso_add(g, asoc, path, pkt);
	return true;
}

/* Called under asoc->lock: sends what cwnd, rwnd and Max.Burst allow. */
void xsctp_outq_flush(struct xsctp_assoc *asoc)
{
	struct xsctp_path *path;
	u32 limit = asoc->max_burst ?: U32_MAX;	/* SCTP_MAX_BURST 0: none */
	struct xsctp_gso g = {};
	u32 burst = 0;

	if (asoc->dead || (asoc->state != SCTP_ESTABLISHED &&
			   asoc->state != SCTP_SHUTDOWN_PENDING &&
			   asoc->state != SCTP_SHUTDOWN_RECEIVED))
		return;
	/* idle: a heartbeat ACK, a window update finds nothing to send */
	if (!has_rtx(asoc) && skb_queue_empty(&asoc->sendq))
		return;
	path = xsctp_path_for_data(asoc);
	next_unsent(asoc);	/* expired messages go even if nothing can */
	/* RFC 9260 s6.1 C: retransmissions before new data */
	while (burst < limit && has_rtx(asoc) &&
	       path->flight < path->cwnd && send_rtx(asoc, path, &g))
		burst++;
	while (burst < limit && !has_rtx(asoc) &&
	       send_new(asoc, path, &g))
		burst++;
	xsctp_gso_end(&g, asoc);
}

/* RFC 9260 s6.3.1: an RTT sample updates SRTT, RTTVAR and RTO. */
void xsctp_outq_rtt_sample(struct xsctp_assoc *asoc, struct xsctp_path *path,
			   u32 r)
{
	r = max(r, 1U);
	if (!path->srtt) {		/* C2 */
		path->srtt = r;
		path->rttvar = r / 2;
	} else {			/* C3, alpha 1/8, beta 1/4 */
		u32 diff = path->srtt > r ? path->srtt - r : r - path->srtt;

		path->rttvar = (3 * path->rttvar + diff) / 4;
		path->srtt = (7 * path->srtt + r) / 8;
	}
	path->rto = clamp(path->srtt + 4 * max(path->rttvar, 1U),
			  asoc->rto_min, asoc->rto_max);
	xsctp_assoc_note_rto(asoc, path);
}

/* RFC 9260 s7.2.1, s7.2.2: cwnd growth for @acked new bytes on @path. */
static void cwnd_grow(struct xsctp_path *path, u32 acked, u32 flight_before)
{
	u32 mtu = path->pmtu;

	if (path->cwnd <= path->ssthresh) {
		if (flight_before >= path->cwnd)
			path->cwnd += min(acked, mtu);
		return;
	}
	path->pba += acked;
	if (path->pba >= path->cwnd && flight_before >= path->cwnd) {
		path->pba -= path->cwnd;
		path->cwnd += mtu;
	}
}

/*
 * RFC 9260 s8.2, s8.3, RFC 7829 s4.5: an acknowledged TSN clears the
 * error counters of the path it was last sent on, and brings a PF or
 * INACTIVE path back.
 */
static void acked_on(struct xsctp_assoc *asoc, struct xsctp_path *p,
		     const struct xsctp_out_cb *cb)
{
	/* an ack for a retransmitted chunk may be for the first copy, sent
	 * elsewhere (Karn's ambiguity): it proves nothing about @p
	 */
	if (cb->state & XSCTP_OUT_RETRANSMITTED)
		return;
	if (p->errors || asoc->errors || p->state != SCTP_ACTIVE)
		xsctp_path_alive(asoc, p);
}

/* Frees everything up to @cum; returns the bytes newly acked. */
static u32 cum_ack(struct xsctp_assoc *asoc, u32 cum)
{
	struct sk_buff *skb;
	u32 acked = 0;

	while ((skb = skb_peek(&asoc->sentq))) {
		struct xsctp_out_cb *cb = xsctp_out_cb(skb);
		struct xsctp_path *p = cb->path;

		if (xsctp_tsn_gt(cb->tsn, cum))
			break;
		if (p->rtt_pending && p->rtt_tsn == cb->tsn) {
			p->rtt_pending = false;
			if (!(cb->state & XSCTP_OUT_RETRANSMITTED))
				xsctp_outq_rtt_sample(asoc, p,
						      jiffies - p->rtt_sent);
		}
		if (!(cb->state & XSCTP_OUT_GAPACKED)) {
			acked += cb->len;
			p->acked += cb->len;
		}
		acked_on(asoc, p, cb);
		rtx_clear(asoc, cb);
		flight_del(asoc, skb);
		__skb_unlink(skb, &asoc->sentq);
		xsctp_sk_charge_wmem(asoc, -(int)skb->truesize);
		consume_skb(skb);
	}
	return acked;
}

/* Called under asoc->lock: a Cumulative TSN Ack (from SHUTDOWN too). */
void xsctp_outq_cum_ack(struct xsctp_assoc *asoc, u32 cum)
{
	if (xsctp_tsn_lt(cum, asoc->last_cum_ack) ||
	    xsctp_tsn_gte(cum, asoc->next_tsn))
		return;
	asoc->last_cum_ack = cum;
	if (cum_ack(asoc, cum))
		asoc->sk->sk_write_space(asoc->sk);
}

/* RFC 9260 s7.2.4: enter Fast Recovery, resend what was reported lost. */
static void fast_retransmit(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	xsctp_inc_stats(asoc->net, XSCTP_MIB_FAST_RETRANSMITS);
	if (!asoc->fast_recovery) {
		p->ssthresh = max(p->cwnd / 2, 4 * p->pmtu);
		p->cwnd = p->ssthresh;
		p->pba = 0;
		asoc->fast_recovery = true;
		asoc->recover_tsn = asoc->next_tsn - 1;
	}
	/* step 3: one packet of them now, whatever cwnd says */
	send_rtx_now(asoc, p);
}

/*
 * Marks the chunks of gap block @i gap-acked, walking on from *@from (the
 * blocks come in ascending order, so one pass over sentq serves them
 * all; a block out of order starts again from the head).  Returns the
 * highest TSN newly acked, or @highest.
 */
static u32 gap_block(struct xsctp_assoc *asoc, u32 lo, u32 hi,
		     struct sk_buff **from, u32 highest)
{
	struct sk_buff *end = (struct sk_buff *)&asoc->sentq;
	struct sk_buff *skb = *from;

	if (skb->prev != end && !xsctp_tsn_lt(xsctp_out_cb(skb->prev)->tsn, lo))
		skb = end->next;
	for (; skb != end; skb = skb->next) {
		struct xsctp_out_cb *cb = xsctp_out_cb(skb);

		if (xsctp_tsn_gt(cb->tsn, hi))
			break;
		if (xsctp_tsn_lt(cb->tsn, lo) ||
		    (cb->state & XSCTP_OUT_GAPACKED))
			continue;
		cb->state |= XSCTP_OUT_GAPACKED;
		cb->path->acked += cb->len;
		acked_on(asoc, cb->path, cb);
		rtx_clear(asoc, cb);
		flight_del(asoc, skb);
		if (xsctp_tsn_gt(cb->tsn, highest))
			highest = cb->tsn;
	}
	*from = skb;
	return highest;
}

/* Marks gap-acked chunks and counts miss indications (HTNA). */
static bool gap_ack(struct xsctp_assoc *asoc,
		    const struct xsctp_sack_info *s)
{
	struct sk_buff *skb, *from = asoc->sentq.next;
	u32 highest = s->cum_tsn;
	u16 i, start, end;
	bool lost = false;

	for (i = 0; xsctp_sack_gap(s, i, &start, &end); i++)
		highest = gap_block(asoc, s->cum_tsn + start,
				    s->cum_tsn + end, &from, highest);
	skb_queue_walk(&asoc->sentq, skb) {
		struct xsctp_out_cb *cb = xsctp_out_cb(skb);

		if (!xsctp_tsn_lt(cb->tsn, highest))
			break;
		if (cb->state & (XSCTP_OUT_GAPACKED | XSCTP_OUT_RTX))
			continue;
		if (++cb->miss >= 3) {
			rtx_mark(asoc, skb);
			lost = true;
		}
	}
	return lost;
}

/* Called under asoc->lock for each SACK (RFC 9260 s6.2.1 D). */
void xsctp_outq_sack(struct xsctp_assoc *asoc, const struct xsctp_chunk *c)
{
	struct xsctp_sack_info s;
	struct xsctp_path *p;
	bool acked;

	if (xsctp_sack_parse(c->p, c->len, &s))
		return;
	/* D i: an older Cumulative TSN Ack is out of order: drop it */
	if (xsctp_tsn_lt(s.cum_tsn, asoc->last_cum_ack) ||
	    xsctp_tsn_gte(s.cum_tsn, asoc->next_tsn))
		return;
	asoc->stats.gapcnt += s.num_gaps;
	list_for_each_entry(p, &asoc->paths, list) {
		p->flight_before = p->flight;
		p->acked = 0;
	}
	if (xsctp_tsn_gt(s.cum_tsn, asoc->last_cum_ack)) {
		asoc->last_cum_ack = s.cum_tsn;
		cum_ack(asoc, s.cum_tsn);
	}
	if (gap_ack(asoc, &s))
		fast_retransmit(asoc, xsctp_path_for_data(asoc));
	if (asoc->fast_recovery &&
	    xsctp_tsn_gte(s.cum_tsn, asoc->recover_tsn))
		asoc->fast_recovery = false;
	/* D iv: rwnd is what the peer has, less what is still in flight */
	asoc->peer_rwnd = s.a_rwnd > asoc->outstanding ?
			  s.a_rwnd - asoc->outstanding : 0;
	acked = false;
	list_for_each_entry(p, &asoc->paths, list) {
		/* s7.2.1, s7.2.2: each path's cwnd grows by what it carried */
		if (p->acked && !asoc->fast_recovery)
			cwnd_grow(p, p->acked, p->flight_before);
		/* s6.3.2 R2, R3 */
		if (!p->flight)
			xsctp_timer_stop(&p->t3);
		else if (p->acked)
			xsctp_timer_arm(&p->t3, p->rto);
		acked |= p->acked;
	}
	if (acked) {
		asoc->sk->sk_write_space(asoc->sk);
		xsctp_outq_dry_check(asoc);
	}
}

/*
 * RFC 6458 s6.1.9: tell a subscribed user when everything it sent is
 * acknowledged; also when it subscribes while that is already so.
 * Called under asoc->lock.
 */
void xsctp_outq_dry_check(struct xsctp_assoc *asoc)
{
	if (!asoc->dead && asoc->state == SCTP_ESTABLISHED &&
	    xsctp_outq_empty(asoc))
		xsctp_ulp_sender_dry(asoc);
}

/*
 * RFC 9260 s7.3: @path's MTU went down.  What is in flight there and no
 * longer fits in one packet is presumed dropped by the router: resend
 * it now, without the congestion penalty of a loss.
 */
void xsctp_outq_pmtu_shrunk(struct xsctp_assoc *asoc, struct xsctp_path *path)
{
	u32 room = xsctp_path_room(path);
	struct sk_buff *skb;

	skb_queue_walk(&asoc->sentq, skb) {
		struct xsctp_out_cb *cb = xsctp_out_cb(skb);

		if (cb->path != path || skb->len <= room ||
		    (cb->state & (XSCTP_OUT_GAPACKED | XSCTP_OUT_RTX)))
			continue;
		rtx_mark(asoc, skb);
		xsctp_inc_stats(asoc->net, XSCTP_MIB_PMTUD_RETRANSMITS);
	}
	xsctp_outq_flush(asoc);
}

/* RFC 9260 s6.3.3: T3-rtx expired on @path. */
void xsctp_outq_t3(struct xsctp_assoc *asoc, struct xsctp_path *path)
{
	struct xsctp_path *alt;
	struct sk_buff *skb;
	bool mine = false;

	skb_queue_walk(&asoc->sentq, skb) {
		struct xsctp_out_cb *cb = xsctp_out_cb(skb);

		if (cb->path == path && !(cb->state & XSCTP_OUT_GAPACKED)) {
			mine = true;
			break;
		}
	}
	if (!mine)
		return;		/* what it timed went elsewhere since */
	/* s8.1, s8.2: count the error; past the limits the path or the
	 * whole association is gone
	 */
	if (!xsctp_path_error(asoc, path))
		return;
	/* E1: ssthresh = max(cwnd/2, 4*MTU), cwnd = 1 MTU; E2: back off */
	path->ssthresh = max(path->cwnd / 2, 4 * path->pmtu);
	path->cwnd = path->pmtu;
	path->pba = 0;
	xsctp_rto_backoff(asoc, path);
	path->rtt_pending = false;
	asoc->fast_recovery = false;
	skb_queue_walk(&asoc->sentq, skb) {
		struct xsctp_out_cb *cb = xsctp_out_cb(skb);

		if (cb->path != path || (cb->state & XSCTP_OUT_GAPACKED))
			continue;
		rtx_mark(asoc, skb);
		xsctp_inc_stats(asoc->net, XSCTP_MIB_T3_RETRANSMITS);
	}
	/* E3: as many as fit in one packet, to another active path if
	 * there is one (s6.4.1), and T3 runs there
	 */
	alt = xsctp_path_alternate(asoc, path);
	send_rtx_now(asoc, alt);
	if (!xsctp_timer_pending(&alt->t3))
		xsctp_timer_arm(&alt->t3, alt->rto);
}
