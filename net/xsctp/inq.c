// SPDX-License-Identifier: GPL-2.0
/*
 * Inbound data (RFC 9260 s6.2, s6.5, s6.6, s6.9): TSN bookkeeping for
 * SACKs, reassembly of fragmented messages, per-stream ordering (with no
 * head-of-line blocking across streams), and the SACK itself.
 */
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/ulp.h>
#include <net/xsctp/wire.h>

int xsctp_inq_init(struct xsctp_assoc *asoc, u32 peer_tsn)
{
	asoc->peer_init_tsn = peer_tsn;
	/* the a_rwnd of our INIT or INIT ACK (RFC 9260 s6.2) is the window
	 * the peer knows: reading the first message must not look like an
	 * opening window and cost a SACK before any DATA came
	 */
	WRITE_ONCE(asoc->rwnd_sent, xsctp_inq_rwnd(asoc));
	return xsctp_tsnmap_init(&asoc->tsnmap, asoc->tsnbits,
				 XSCTP_TSNMAP_BITS, peer_tsn);
}

/*
 * Received data not yet on the socket's receive queue (fragments and
 * messages waiting for their SSN) is counted in asoc->held, so that the
 * window needs no walk of those queues per DATA chunk.
 */
static void held_unlink(struct xsctp_assoc *asoc, struct sk_buff *skb,
			struct sk_buff_head *q)
{
	__skb_unlink(skb, q);
	asoc->held -= skb->truesize;
	if (q == &asoc->reasm)
		asoc->reasm_b = NULL;	/* see find_b() */
}

/*
 * Drops what is held: the association ends or restarts.  A message that
 * was being delivered in pieces never ends: the reader is told (RFC 6458
 * s6.1.7), and other associations' messages flow again.
 */
void xsctp_inq_purge(struct xsctp_assoc *asoc)
{
	struct sk_buff *skb;

	if (asoc->pd_on) {
		asoc->pd_on = false;
		/* a stream in pieces has had DATA: its entry exists */
		xsctp_ulp_pd_aborted(asoc, asoc->pd_sid,
				     xsctp_instream(asoc, asoc->pd_sid)->ssn);
		xsctp_ulp_pd_end(asoc);
	}
	__skb_queue_purge(&asoc->reasm);
	asoc->reasm_b = NULL;
	while ((skb = __skb_dequeue(&asoc->ordered))) {
		xsctp_instream(asoc, xsctp_ulp_cb(skb)->sid)->wait--;
		kfree_skb(skb);
	}
	__skb_queue_purge(&asoc->pd_wait);
	asoc->held = 0;
}

/* Called under asoc->lock: received data waits here, not yet readable. */
bool xsctp_inq_holds(const struct xsctp_assoc *asoc)
{
	return asoc->held;
}

/*
 * The associations of a one-to-many socket share its receive buffer, but
 * each is promised a window of its own (RFC 9260 s6.2.1).  Were each
 * promised all the free space, N busy peers could send N times what fits,
 * and the excess would be dropped (s6.2), to come back by fast retransmit
 * or after a T3 timeout.  So the free space is shared out among the
 * associations that received DATA lately, or came up lately (their peer
 * is about to send, promised all the buffer by our INIT or INIT ACK).
 * They are counted per epoch of XSCTP_BUSY_EPOCH (this one and the last),
 * each once per epoch, with no walk of the associations: the count is
 * approximate, and a late or lost count only makes windows larger, as
 * they were before.
 */
#define XSCTP_BUSY_EPOCH	(HZ / 10 ?: 1)

void xsctp_inq_busy(struct xsctp_assoc *asoc)
{
	struct xsctp_sock *xs = xsctp_sk(asoc->sk);
	u32 now = jiffies / XSCTP_BUSY_EPOCH, was;

	if (asoc->busy_epoch == now)
		return;
	asoc->busy_epoch = now;
	was = READ_ONCE(xs->busy_epoch);
	if (was != now && cmpxchg(&xs->busy_epoch, was, now) == was) {
		/* this slot counted the epoch before last */
		atomic_set(&xs->busy[now & 1], 0);
		if (now - was > 1)
			atomic_set(&xs->busy[~now & 1], 0);
	}
	atomic_inc(&xs->busy[now & 1]);
}

/* How many associations of @xs received DATA or came up lately; >= 1 */
static int busy_assocs(const struct xsctp_sock *xs)
{
	u32 now = jiffies / XSCTP_BUSY_EPOCH, e = READ_ONCE(xs->busy_epoch);
	int n = 0;

	if (now == e)
		n = max(atomic_read(&xs->busy[0]), atomic_read(&xs->busy[1]));
	else if (now == e + 1)
		n = atomic_read(&xs->busy[e & 1]);
	return max(n, 1);
}

/* The most an association's window can be: its share of @buf. */
static u32 share(const struct xsctp_assoc *asoc, int buf)
{
	return max(buf, 0) / busy_assocs(xsctp_sk(asoc->sk));
}

#define XSCTP_COST_ONE		256	/* rx_cost: payload = truesize */
#define XSCTP_COST_MIN		8

/*
 * The peer spends a window in bytes of user data (RFC 9260 s6.2.1); the
 * buffer counts what holding them costs (truesize): about 2300 bytes for
 * a 1000-byte chunk, 900 for a 200-byte one.  room_for() takes chunks in
 * sequence up to twice the buffer, so a window of the room itself holds
 * while payload is at least half its cost.  Below that the peer could
 * send more than we take, and the excess was dropped, to come back after
 * a T3 timeout; so the room is scaled by twice the payload per truesize
 * the association's chunks had lately.  Not by the ratio itself: that
 * halves the windows of 1000-byte messages, and 16 peers sharing one
 * buffer then wait on delayed SACKs (Documentation/benchmarks.rst,
 * session 8).  Out-of-sequence chunks may still be dropped (s6.2).
 */
static u32 to_payload(const struct xsctp_assoc *asoc, u32 room)
{
	u32 cost = READ_ONCE(asoc->rx_cost);

	if (!cost || 2 * cost >= XSCTP_COST_ONE)
		return room;
	return (u64)room * 2 * cost / XSCTP_COST_ONE;
}

/* Called under asoc->lock: a DATA chunk of @len bytes costs @truesize. */
static void measure_cost(struct xsctp_assoc *asoc, u32 len, u32 truesize)
{
	int was = asoc->rx_cost ?: XSCTP_COST_ONE / 2;
	int now = clamp_t(u64, (u64)len * XSCTP_COST_ONE / truesize,
			  XSCTP_COST_MIN, XSCTP_COST_ONE);

	/* a moving average over about eight chunks */
	WRITE_ONCE(asoc->rx_cost, was + (now - was) / 8);
}

/*
 * RFC 9260 s6.2.1: the receive window we advertise, our share of the free
 * space less what we hold, in what the peer can send into it.  Also read
 * without asoc->lock, by xsctp_inq_update_due().
 */
u32 xsctp_inq_rwnd(const struct xsctp_assoc *asoc)
{
	int free = READ_ONCE(asoc->sk->sk_rcvbuf) - xsctp_ulp_rmem(asoc);

	return to_payload(asoc, max_t(int, share(asoc, free) -
					   READ_ONCE(asoc->held), 0));
}

/* How far the window must open for an update (xsctp_inq_window_update) */
static u32 update_step(const struct xsctp_assoc *asoc, u32 pmtu)
{
	int buf = READ_ONCE(asoc->sk->sk_rcvbuf);

	return to_payload(asoc, min(max(pmtu, (u32)buf >> 4),
				    share(asoc, buf) / 2));
}

/*
 * An association of a socket with others whose SACK offered less than an
 * update step: its peer may stop, and probe only once per delayed SACK
 * (s6.1 A), since reading the other associations' messages does not tell
 * it of the room that makes.  It waits on the socket's list, and
 * recvmsg() reopens the windows (xsctp_inq_wake_waiters()).
 */
static void wait_for_room(struct xsctp_assoc *asoc)
{
	struct xsctp_sock *xs = xsctp_sk(asoc->sk);

	if (asoc->dead || READ_ONCE(xs->nassocs) < 2 ||
	    asoc->rwnd_sent >= update_step(asoc, asoc->primary->pmtu))
		return;
	spin_lock(&xs->assoc_lock);
	if (list_empty(&asoc->rwnd_node) && !list_empty(&asoc->sock_node))
		list_add_tail(&asoc->rwnd_node, &xs->rwnd_waiters);
	spin_unlock(&xs->assoc_lock);
}

#define XSCTP_WAKE_BATCH	4	/* updates per read, at most */
#define XSCTP_WAKE_SCAN		16	/* waiters looked at per read */

/*
 * Called by recvmsg() after a read: window updates for the first few
 * waiting associations whose update is due, in the order they came.
 * One that still gets none (an MTU more than the floor was needed) waits
 * again, at the end.
 */
void xsctp_inq_wake_waiters(struct sock *sk)
{
	struct xsctp_assoc *due[XSCTP_WAKE_BATCH], *asoc, *tmp;
	struct xsctp_sock *xs = xsctp_sk(sk);
	int n = 0, scan = XSCTP_WAKE_SCAN, i;

	if (list_empty(&xs->rwnd_waiters))
		return;
	spin_lock_bh(&xs->assoc_lock);
	list_for_each_entry_safe(asoc, tmp, &xs->rwnd_waiters, rwnd_node) {
		if (!scan--)
			break;
		if (!xsctp_inq_update_due(asoc) ||
		    !refcount_inc_not_zero(&asoc->ref))
			continue;
		list_del_init(&asoc->rwnd_node);
		due[n++] = asoc;
		if (n == XSCTP_WAKE_BATCH)
			break;
	}
	spin_unlock_bh(&xs->assoc_lock);
	for (i = 0; i < n; i++) {
		spin_lock_bh(&due[i]->lock);
		if (!xsctp_inq_window_update(due[i]))
			wait_for_room(due[i]);
		spin_unlock_bh(&due[i]->lock);
		xsctp_assoc_put(due[i]);
	}
}

/* Appends a SACK (RFC 9260 s3.3.4) that fits in @room bytes to @skb. */
static void put_sack(struct xsctp_assoc *asoc, struct sk_buff *skb, u32 room)
{
	struct xsctp_gap_block gaps[64];
	struct xsctp_sack_chunk *sack;
	unsigned int ng, nd, i, maxb;
	const u32 *dups;
	__be32 *p;

	maxb = (room - sizeof(*sack)) / 4;
	ng = xsctp_tsnmap_gaps(&asoc->tsnmap, gaps,
			       min_t(unsigned int, ARRAY_SIZE(gaps), maxb));
	dups = xsctp_tsnmap_dups(&asoc->tsnmap, &nd);
	nd = min(nd, maxb - ng);
	sack = xsctp_pkt_chunk(skb, XSCTP_CID_SACK, 0,
			       sizeof(*sack) - 4 + 4 * (ng + nd));
	sack->cum_tsn = htonl(xsctp_tsnmap_cum_tsn(&asoc->tsnmap));
	WRITE_ONCE(asoc->rwnd_sent, xsctp_inq_rwnd(asoc));
	wait_for_room(asoc);
	sack->a_rwnd = htonl(asoc->rwnd_sent);
	sack->num_gaps = htons(ng);
	sack->num_dups = htons(nd);
	p = (__be32 *)(sack + 1);
	for (i = 0; i < ng; i++)
		*p++ = htonl((u32)gaps[i].start << 16 | gaps[i].end);
	for (i = 0; i < nd; i++)
		*p++ = htonl(dups[i]);
	xsctp_tsnmap_sack_sent(&asoc->tsnmap);
	asoc->stats.idupchunks += nd;
	asoc->data_pkts_unacked = 0;
	asoc->sack_now = false;
	xsctp_timer_stop(&asoc->sack);
}

/* Called under asoc->lock: a SACK of at most @room bytes goes in @pkt. */
void xsctp_inq_bundle_sack(struct xsctp_assoc *asoc, struct sk_buff *pkt,
			   u32 room)
{
	put_sack(asoc, pkt, min_t(u32, room, XSCTP_SACK_MAX_LEN));
	xsctp_inc_stats(asoc->net, XSCTP_MIB_OUTCTRLCHUNKS);
}

/* Called under asoc->lock: sends a SACK now. */
void xsctp_inq_send_sack(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p = asoc->sack_path ?: xsctp_path_for_data(asoc);
	u32 room = min_t(u32, xsctp_path_room(p), XSCTP_SACK_MAX_LEN);
	struct sk_buff *skb = xsctp_pkt_new(room, GFP_ATOMIC);

	if (!skb)
		return;
	put_sack(asoc, skb, room);
	xsctp_inc_stats(asoc->net, XSCTP_MIB_OUTCTRLCHUNKS);
	xsctp_output(asoc, p, skb);
}

/*
 * Might xsctp_inq_window_update() send now?  Without asoc->lock, so that
 * reading a message costs no lock on the association the other dozen
 * times in a step: an update needs the window open by buf/16 at least.
 * A stale answer only delays an update to the next read, or takes the
 * lock in vain.
 */
bool xsctp_inq_update_due(const struct xsctp_assoc *asoc)
{
	u32 sent = READ_ONCE(asoc->rwnd_sent);

	return sent < to_payload(asoc, share(asoc,
					     READ_ONCE(asoc->sk->sk_rcvbuf)) / 2) &&
	       xsctp_inq_rwnd(asoc) >= sent + update_step(asoc, 0);
}

/*
 * Called after the user read data.  RFC 9260 s6.2 (receiver SWS avoidance,
 * RFC 813): tell the peer when the window it has left (the last a_rwnd
 * less what it sent since) has opened by a sixteenth of the buffer or an
 * MTU, whichever is more (sctp.ko's default rwnd_update_shift), but never
 * by more than half the most it can be (the buffer, or our share of it);
 * else it would only learn of it by probing.  Not for every message read:
 * on a one-to-many socket whose buffer all its associations fill, each
 * update makes a sender send, and the reader's CPU then runs that data's
 * receive path too.
 *
 * Only while the peer may still send DATA: after its SHUTDOWN it has none
 * outstanding (s9.2).  Past our SHUTDOWN ACK it may already be gone, and
 * a SACK would make it ABORT (s8.4) an association that was ending
 * cleanly, should that ABORT overtake or outlive its SHUTDOWN COMPLETE.
 * Returns whether it sent the update.
 */
bool xsctp_inq_window_update(struct xsctp_assoc *asoc)
{
	u32 rwnd = xsctp_inq_rwnd(asoc);

	if (asoc->dead ||
	    rwnd < asoc->rwnd_sent + update_step(asoc, asoc->primary->pmtu))
		return false;
	if (asoc->state != SCTP_ESTABLISHED &&
	    asoc->state != SCTP_SHUTDOWN_PENDING &&
	    asoc->state != SCTP_SHUTDOWN_SENT)
		return false;
	xsctp_inq_send_sack(asoc);
	return true;
}

/*
 * RFC 9260 s6.2: SACK at least every second packet with DATA (or every
 * Nth, SCTP_DELAYED_SACK), at once on a gap or a duplicate, otherwise
 * within the delayed-SACK time.
 */
void xsctp_inq_sack_decide(struct xsctp_assoc *asoc, u32 data_pkts)
{
	if (!data_pkts)
		return;
	asoc->data_pkts_unacked += data_pkts;
	if (asoc->sack_now || asoc->data_pkts_unacked >= asoc->sack_every ||
	    asoc->state >= SCTP_SHUTDOWN_PENDING) {
		xsctp_inq_send_sack(asoc);
		return;
	}
	if (!xsctp_timer_pending(&asoc->sack))
		xsctp_timer_arm(&asoc->sack, asoc->sack_delay);
}

/*
 * To the socket, unless a message of ours is being delivered in pieces:
 * then ours wait, so that the pieces reach the reader unmixed.
 */
static void hand_over(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	if (!asoc->pd_on) {
		xsctp_ulp_deliver(asoc, skb);
		return;
	}
	__skb_queue_tail(&asoc->pd_wait, skb);
	asoc->held += skb->truesize;
}

/*
 * A message waits on asoc->ordered for its SSN: its stream's wait counts
 * them, so that a stream with none skips the walk of the queue.  While
 * one stream waits for a lost message, the others' packets would
 * otherwise each walk all that it holds.
 */
static void wait_ordered(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	xsctp_instream(asoc, xsctp_ulp_cb(skb)->sid)->wait++;
	__skb_queue_tail(&asoc->ordered, skb);
	asoc->held += skb->truesize;
}

/* Delivers the messages of stream @sid that waited for its next SSN. */
static void release_stream(struct xsctp_assoc *asoc, u16 sid)
{
	struct xsctp_instream *is = xsctp_instream(asoc, sid);
	struct sk_buff *o, *tmp;
	struct xsctp_ulp_cb *cb;
	bool again = true;

	while (again && is->wait) {
		again = false;
		skb_queue_walk_safe(&asoc->ordered, o, tmp) {
			cb = xsctp_ulp_cb(o);
			if (cb->sid != sid || cb->ssn != is->ssn)
				continue;
			held_unlink(asoc, o, &asoc->ordered);
			hand_over(asoc, o);
			is->ssn++;
			is->wait--;
			again = true;
		}
	}
}

/* Delivers @skb (a whole message) and any ordered ones it unblocks. */
static void deliver_ordered(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct xsctp_ulp_cb *cb = xsctp_ulp_cb(skb);
	struct xsctp_instream *is;

	if (cb->dflags & XSCTP_DATA_U) {
		hand_over(asoc, skb);
		return;
	}
	/* RFC 9260 s6.5: hold it until its SSN is the next of its stream */
	is = xsctp_instream(asoc, cb->sid);
	if (cb->ssn != is->ssn) {
		wait_ordered(asoc, skb);
		return;
	}
	hand_over(asoc, skb);
	is->ssn++;
	release_stream(asoc, cb->sid);
}

/*
 * join() links fragments through @first's shared info, which a clone
 * (data_skb()) shares with its packet: such a first gets its own copy.
 * False when that fails; the fragments then wait in reasm.
 */
static bool joinable(struct xsctp_assoc *asoc, struct sk_buff *first)
{
	u32 before = first->truesize;

	if (!skb_cloned(first))
		return true;
	if (pskb_expand_head(first, 0, 0, GFP_ATOMIC))
		return false;
	asoc->held += first->truesize - before;
	return true;
}

/* Links the fragments first..last (consecutive in reasm) into one skb. */
static struct sk_buff *join(struct xsctp_assoc *asoc, struct sk_buff *first,
			    struct sk_buff *last)
{
	struct sk_buff *skb = first->next, *next, **tail;

	held_unlink(asoc, first, &asoc->reasm);
	tail = &skb_shinfo(first)->frag_list;
	while (true) {
		next = skb->next;
		held_unlink(asoc, skb, &asoc->reasm);
		first->len += skb->len;
		first->data_len += skb->len;
		first->truesize += skb->truesize;
		*tail = skb;
		tail = &skb->next;
		*tail = NULL;
		if (skb == last)
			break;
		skb = next;
	}
	xsctp_ulp_cb(first)->dflags |= xsctp_ulp_cb(last)->dflags & XSCTP_DATA_E;
	return first;
}

/*
 * The B that @skb's message starts with: the nearest one before it on
 * reasm with no TSN missing in between, or NULL.  A message arrives in
 * TSN order as a rule, so the B found is kept with the TSN after @skb
 * (asoc->reasm_b, reasm_next): the next fragment finds it at once rather
 * than walking back over all the message's fragments, which made a
 * message of n fragments cost n^2 / 2 steps.  Taking any fragment off
 * reasm forgets it (held_unlink()); nothing goes in between, as the TSNs
 * from the B to reasm_next - 1 are all there.
 */
static struct sk_buff *find_b(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct sk_buff_head *q = &asoc->reasm;
	u32 tsn = xsctp_ulp_cb(skb)->tsn;
	struct sk_buff *first = skb, *p;

	if (asoc->reasm_b && tsn == asoc->reasm_next &&
	    !(xsctp_ulp_cb(skb)->dflags & XSCTP_DATA_B)) {
		first = asoc->reasm_b;
		goto found;
	}
	while (!(xsctp_ulp_cb(first)->dflags & XSCTP_DATA_B)) {
		p = first->prev;
		if (p == (struct sk_buff *)q ||
		    xsctp_ulp_cb(p)->tsn != xsctp_ulp_cb(first)->tsn - 1)
			return NULL;
		first = p;
	}
found:
	asoc->reasm_b = first;
	asoc->reasm_next = tsn + 1;
	return first;
}

/*
 * RFC 9260 s6.9: a message is the fragments from a B to an E with
 * consecutive TSNs.  Looks for one complete message around @skb.
 */
static struct sk_buff *reassemble(struct xsctp_assoc *asoc,
				  struct sk_buff *skb)
{
	struct sk_buff_head *q = &asoc->reasm;
	struct sk_buff *first, *last = skb, *p;

	first = find_b(asoc, skb);
	if (!first)
		return NULL;
	while (!(xsctp_ulp_cb(last)->dflags & XSCTP_DATA_E)) {
		p = last->next;
		if (p == (struct sk_buff *)q ||
		    xsctp_ulp_cb(p)->tsn != xsctp_ulp_cb(last)->tsn + 1 ||
		    (xsctp_ulp_cb(p)->dflags & XSCTP_DATA_B))
			return NULL;
		last = p;
	}
	if (first == last) {
		held_unlink(asoc, first, q);
		return first;
	}
	if (!joinable(asoc, first))
		return NULL;
	return join(asoc, first, last);
}

/*
 * Inserts a fragment into the reassembly queue in TSN order.  The walk
 * starts at the tail, where a fragment in sequence goes.
 */
static void reasm_insert(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct sk_buff_head *q = &asoc->reasm;
	u32 tsn = xsctp_ulp_cb(skb)->tsn;
	struct sk_buff *p;

	asoc->held += skb->truesize;
	skb_queue_reverse_walk(q, p) {
		if (xsctp_tsn_lt(xsctp_ulp_cb(p)->tsn, tsn)) {
			__skb_queue_after(q, p, skb);
			return;
		}
	}
	__skb_queue_head(q, skb);
}

/*
 * Partial delivery (RFC 6458 s8.1.21, RFC 9260 s6.9): the head of a
 * message goes to the reader before its end has arrived, when the user
 * asked for it past SCTP_PARTIAL_DELIVERY_POINT bytes, or when fragments
 * fill half the receive buffer, so that a message larger than the buffer
 * still gets through.  Then its further fragments follow as they come
 * in sequence, and the association's other messages wait in pd_wait.
 */
static bool pd_wanted(const struct xsctp_assoc *asoc, u32 bytes)
{
	const struct sock *sk = asoc->sk;
	u32 point = xsctp_sk(sk)->opts.pd_point;

	return (point && bytes >= point) || asoc->held >= (u32)sk->sk_rcvbuf / 2;
}

/* The fragments following @first in TSN sequence, up to an E; the last. */
static struct sk_buff *run_end(struct sk_buff_head *q, struct sk_buff *first,
			       u32 *bytes)
{
	struct sk_buff *last = first, *n;

	*bytes = first->len;
	while (!(xsctp_ulp_cb(last)->dflags & XSCTP_DATA_E)) {
		n = last->next;
		if (n == (struct sk_buff *)q ||
		    xsctp_ulp_cb(n)->tsn != xsctp_ulp_cb(last)->tsn + 1 ||
		    (xsctp_ulp_cb(n)->dflags & XSCTP_DATA_B))
			break;
		*bytes += n->len;
		last = n;
	}
	return last;
}

/* Hands the reader the fragments first..last of the message in pieces. */
static void pd_hand(struct xsctp_assoc *asoc, struct sk_buff *first,
		    struct sk_buff *last)
{
	bool ordered = !(xsctp_ulp_cb(first)->dflags & XSCTP_DATA_U);
	struct sk_buff *skb;
	u32 next;
	bool end;

	if (first != last && !joinable(asoc, first))
		last = first;	/* one piece for now */
	next = xsctp_ulp_cb(last)->tsn + 1;
	end = xsctp_ulp_cb(last)->dflags & XSCTP_DATA_E;
	if (first == last) {
		held_unlink(asoc, first, &asoc->reasm);
		skb = first;
	} else {
		skb = join(asoc, first, last);
	}
	xsctp_ulp_deliver(asoc, skb);
	asoc->pd_next_tsn = next;
	if (!end)
		return;
	/* the whole message is out: what waited for it goes now */
	asoc->pd_on = false;
	xsctp_ulp_pd_end(asoc);
	while ((skb = __skb_dequeue(&asoc->pd_wait))) {
		asoc->held -= skb->truesize;
		hand_over(asoc, skb);
	}
	if (ordered) {
		xsctp_instream(asoc, asoc->pd_sid)->ssn++;
		release_stream(asoc, asoc->pd_sid);
	}
}

static void pd_start(struct xsctp_assoc *asoc)
{
	struct sk_buff *first = skb_peek(&asoc->reasm), *last;
	struct xsctp_ulp_cb *cb;
	u32 bytes;

	/* a run holds no more than all that is held: mostly it is too
	 * little, and the run need not be walked (run_end())
	 */
	if (!first || !pd_wanted(asoc, asoc->held))
		return;
	cb = xsctp_ulp_cb(first);
	/* the oldest fragment starts a message that may be read next */
	if (!(cb->dflags & XSCTP_DATA_B) ||
	    (!(cb->dflags & XSCTP_DATA_U) &&
	     cb->ssn != xsctp_instream(asoc, cb->sid)->ssn))
		return;
	last = run_end(&asoc->reasm, first, &bytes);
	if (!pd_wanted(asoc, bytes) || !xsctp_ulp_pd_begin(asoc))
		return;
	asoc->pd_on = true;
	asoc->pd_sid = cb->sid;
	pd_hand(asoc, first, last);
}

/* The message in pieces: hand over what is now in sequence. */
static void pd_continue(struct xsctp_assoc *asoc)
{
	struct sk_buff *first, *last;
	u32 bytes;

	skb_queue_walk(&asoc->reasm, first) {
		if (xsctp_tsn_gte(xsctp_ulp_cb(first)->tsn, asoc->pd_next_tsn))
			break;
	}
	if (first == (struct sk_buff *)&asoc->reasm ||
	    xsctp_ulp_cb(first)->tsn != asoc->pd_next_tsn)
		return;
	last = run_end(&asoc->reasm, first, &bytes);
	pd_hand(asoc, first, last);
}

/*
 * The TSN after the last piece handed over can only be the next fragment
 * of that message (RFC 9260 s6.9); anything else would leave the reader
 * in a message that never ends.
 */
static bool pd_breaks(const struct xsctp_assoc *asoc,
		      const struct xsctp_data_info *d)
{
	return asoc->pd_on && d->tsn == asoc->pd_next_tsn &&
	       ((d->flags & XSCTP_DATA_B) || d->sid != asoc->pd_sid);
}

static void invalid_stream(struct xsctp_rcv *r, u16 sid)
{
	__be16 body[4] = { htons(XSCTP_CAUSE_INVALID_STREAM), htons(8),
			   htons(sid), 0 };

	/* RFC 9260 s6.5: ERROR with Invalid Stream Identifier */
	xsctp_sm_send_ctrl(r->asoc, r->path, XSCTP_CID_ERROR, 0, body, 8);
}

static bool room_for(struct xsctp_assoc *asoc, u32 tsn)
{
	struct sock *sk = asoc->sk;
	int used = xsctp_ulp_rmem(asoc) + asoc->held;

	/* RFC 9260 s6.2: an open window takes the chunk, whatever its size
	 * (over loopback one chunk may be larger than the whole buffer), so
	 * the buffer overshoots by one chunk at most.
	 */
	if (used < sk->sk_rcvbuf)
		return true;
	/* Closed, the next TSN in sequence is still taken, up to a hard
	 * bound, so the message it belongs to can complete or be partially
	 * delivered; the advertised window stays 0 meanwhile (s6.2.1).
	 * A window holds at most twice its share of the buffer (to_payload())
	 * and, once a second association of a one-to-many socket becomes
	 * busy, the window granted to the first while it was alone is still
	 * the whole buffer's: until its SACKs catch up it may fill twice the
	 * buffer by itself, and the newcomer must still find room for its
	 * share, or it is starved into T3 timeouts.
	 */
	return tsn == xsctp_tsnmap_cum_tsn(&asoc->tsnmap) + 1 &&
	       used <= (busy_assocs(xsctp_sk(sk)) > 1 ? 3 : 2) *
		       sk->sk_rcvbuf;
}

/*
 * The user data of a DATA chunk as an skb of its own.  A chunk that fills
 * most of its packet shares the packet's buffer (a clone cut to the
 * data), saving a copy; smaller ones, bundled with others, are copied so
 * that none holds a whole packet's memory against the receive buffer.
 */
static struct sk_buff *data_skb(struct xsctp_rcv *r,
				const struct xsctp_data_info *d)
{
	struct sk_buff *c = r->carrier, *skb;

	if (c && 2 * d->payload_len >= c->truesize) {
		skb = skb_clone(c, GFP_ATOMIC);
		if (skb) {
			skb_dst_drop(skb);
			nf_reset_ct(skb);
			__skb_pull(skb, d->payload - c->data);
			__skb_trim(skb, d->payload_len);
			return skb;
		}
	}
	skb = alloc_skb(d->payload_len, GFP_ATOMIC);
	if (skb)
		skb_put_data(skb, d->payload, d->payload_len);
	return skb;
}

/* Called under asoc->lock for each DATA chunk (RFC 9260 s6.2). */
void xsctp_inq_data(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_assoc *asoc = r->asoc;
	struct xsctp_data_info d;
	struct xsctp_ulp_cb *cb;
	struct sk_buff *skb;
	int seen;

	if (xsctp_data_parse(c->p, c->len, &d)) {
		/* s6.2: DATA without user data: ABORT, No User Data */
		xsctp_sm_abort(asoc, XSCTP_CAUSE_NO_USER_DATA, EPROTO);
		r->stop = true;
		return;
	}
	/* RFC 9260 s6.2: the sender set the I bit, so do not delay the SACK */
	if (d.flags & XSCTP_DATA_I)
		asoc->sack_now = true;
	seen = xsctp_tsnmap_check(&asoc->tsnmap, d.tsn);
	if (seen == 1) {
		xsctp_tsnmap_add_dup(&asoc->tsnmap, d.tsn);
		asoc->sack_now = true;
		return;
	}
	if (pd_breaks(asoc, &d)) {
		xsctp_sm_abort(asoc, XSCTP_CAUSE_PROTO_VIOLATION, EPROTO);
		r->stop = true;
		return;
	}
	if (seen < 0 || !room_for(asoc, d.tsn)) {
		asoc->stats.outofseqtsns += seen < 0;
		xsctp_inc_stats(r->net, XSCTP_MIB_IN_DATA_CHUNK_DISCARDS);
		asoc->sack_now = true;
		return;
	}
	if (d.sid >= asoc->nistreams) {
		xsctp_tsnmap_mark(&asoc->tsnmap, d.tsn);
		invalid_stream(r, d.sid);
		return;
	}
	/* a stream's entry is made by its first DATA (stream.h) */
	if (!xsctp_streams_get(&asoc->in, d.sid, GFP_ATOMIC))
		return;		/* not marked: the peer retransmits it */
	skb = data_skb(r, &d);
	if (!skb)
		return;		/* not marked: the peer retransmits it */
	measure_cost(asoc, d.payload_len, skb->truesize);
	/* the window the peer sees shrinks by what it sends (s6.2.1 B):
	 * an update is due when ours opens past that, not past the last
	 * a_rwnd, or data read but not yet acked keeps the peer's window
	 * shut until the delayed SACK
	 */
	WRITE_ONCE(asoc->rwnd_sent,
		   asoc->rwnd_sent - min(asoc->rwnd_sent, d.payload_len));
	cb = xsctp_ulp_cb(skb);
	memset(cb, 0, sizeof(*cb));
	cb->tsn = d.tsn;
	cb->sid = d.sid;
	cb->ssn = d.ssn;
	cb->ppid = (__force u32)htonl(d.ppid);	/* as on the wire */
	cb->dflags = d.flags;
	if (d.flags & XSCTP_DATA_U)
		cb->sflags = SCTP_UNORDERED;
	xsctp_tsnmap_mark(&asoc->tsnmap, d.tsn);
	asoc->last_data = jiffies;
	xsctp_inq_busy(asoc);
	if (xsctp_tsnmap_has_gaps(&asoc->tsnmap))
		asoc->sack_now = true;	/* s6.7: report gaps at once */
	xsctp_inc_stats(r->net, d.flags & XSCTP_DATA_U ?
			XSCTP_MIB_INUNORDERCHUNKS : XSCTP_MIB_INORDERCHUNKS);
	if (d.flags & XSCTP_DATA_U)
		asoc->stats.iuodchunks++;
	else
		asoc->stats.iodchunks++;
	if ((d.flags & XSCTP_DATA_UNFRAG) != XSCTP_DATA_UNFRAG) {
		reasm_insert(asoc, skb);
		skb = reassemble(asoc, skb);
		if (skb)
			xsctp_inc_stats(r->net, XSCTP_MIB_REASMUSRMSGS);
	}
	if (skb)
		deliver_ordered(asoc, skb);
	if (asoc->pd_on)
		pd_continue(asoc);
	else if (!skb)
		pd_start(asoc);
}
