// SPDX-License-Identifier: GPL-2.0
/*
 * Path management (RFC 9260 s8.2, s8.3, s5.4, RFC 7829): the state of each
 * peer address, heartbeats, and which path data takes.
 *
 * A path is UNCONFIRMED until a heartbeat with our random nonce comes
 * back from it (an address the peer listed but we never heard from may
 * be anyone's); ACTIVE while it answers; PF ("potentially failed") once
 * its error count passes pf_retrans, when new data avoids it and it is
 * probed every RTO; INACTIVE past Path.Max.Retrans.  Acked data or a
 * heartbeat ACK makes it ACTIVE again.  Every change is reported with
 * SCTP_PEER_ADDR_CHANGE.  Idle paths get a HEARTBEAT every HB.interval +
 * RTO (jittered by +/- 50 % of RTO); an unanswered one counts as an error
 * of the path and, once confirmed, of the association (s8.1).
 * Path MTU decreases reported by ICMP (s7.3) land here too.
 */
#include <linux/random.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/wire.h>

static bool usable(const struct xsctp_path *p)
{
	return p->state == SCTP_ACTIVE || p->state == SCTP_PF;
}

/*
 * RFC 9260 s6.4: new data goes to the primary path while it is active;
 * otherwise to an active alternate, the one with the fewest errors; a
 * PF path only when nothing is active (RFC 7829 s4.4), and when nothing
 * is usable at all, the primary: some path must keep probing.
 */
struct xsctp_path *xsctp_path_for_data(struct xsctp_assoc *asoc)
{
	struct xsctp_path *p, *best = NULL;

	if (asoc->primary->state == SCTP_ACTIVE)
		return asoc->primary;
	list_for_each_entry(p, &asoc->paths, list) {
		if (!usable(p))
			continue;
		if (!best || (p->state == SCTP_ACTIVE &&
			      best->state != SCTP_ACTIVE) ||
		    (p->state == best->state && p->errors < best->errors))
			best = p;
	}
	return best ?: asoc->primary;
}

/* RFC 9260 s6.4.1: a retransmission goes to an active path other than @p. */
struct xsctp_path *xsctp_path_alternate(struct xsctp_assoc *asoc,
					struct xsctp_path *p)
{
	struct xsctp_path *q, *best = NULL;

	list_for_each_entry(q, &asoc->paths, list) {
		if (q == p || !usable(q))
			continue;
		if (!best || (q->state == SCTP_ACTIVE &&
			      best->state != SCTP_ACTIVE) ||
		    (q->state == best->state && q->errors < best->errors))
			best = q;
	}
	return best ?: xsctp_path_for_data(asoc);
}

static void set_state(struct xsctp_assoc *asoc, struct xsctp_path *p,
		      u8 state, int event)
{
	if (p->state == state)
		return;
	p->state = state;
	xsctp_ulp_peer_addr_change(asoc, p, event, 0);
	if (state == SCTP_PF)
		xsctp_path_hb_arm(p);	/* RFC 7829 s4.3: probe every RTO */
}

/*
 * Called under asoc->lock: @p becomes the primary path (SCTP_PRIMARY_ADDR,
 * or a switchover), and the user is told so with SCTP_ADDR_MADE_PRIM.
 */
void xsctp_path_make_primary(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	if (p == asoc->primary)
		return;
	asoc->primary = p;
	xsctp_ulp_peer_addr_change(asoc, p, SCTP_ADDR_MADE_PRIM, 0);
}

/*
 * RFC 7829 s5: once the primary's error count passes
 * Primary.Switchover.Max.Retrans, the path data moved to becomes the
 * primary and keeps it when the old one comes back.
 */
static void switchover(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	if (p == asoc->primary && p->errors > p->ps_retrans)
		xsctp_path_make_primary(asoc, xsctp_path_for_data(asoc));
}

/*
 * A chunk or heartbeat sent on @p went unanswered (under asoc->lock).
 * RFC 9260 s8.2: past Path.Max.Retrans the path is INACTIVE; RFC 7829
 * s4: past pf_retrans it is PF first.  Returns false when the whole
 * association failed (s8.1) and is gone.
 */
bool xsctp_path_error(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	if (p->state == SCTP_UNCONFIRMED) {
		/* s5.4: an address never confirmed is not the association's
		 * failure; it is just probed less often
		 */
		p->errors = min_t(u32, p->errors + 1, U8_MAX);
		return true;
	}
	if (++asoc->errors > asoc->max_retrans) {
		xsctp_sm_abort(asoc, XSCTP_CAUSE_USER_ABORT, ETIMEDOUT);
		return false;
	}
	p->errors = min_t(u32, p->errors + 1, U8_MAX);
	if (p->errors > p->max_retrans)
		set_state(asoc, p, SCTP_INACTIVE, SCTP_ADDR_UNREACHABLE);
	else if (p->errors > p->pf_retrans && p->state == SCTP_ACTIVE &&
		 asoc->npaths > 1)
		set_state(asoc, p, SCTP_PF, SCTP_ADDR_POTENTIALLY_FAILED);
	switchover(asoc, p);
	return true;
}

/* @p answered: acked data or a heartbeat ACK (under asoc->lock). */
void xsctp_path_alive(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	p->errors = 0;
	asoc->errors = 0;
	if (p->state == SCTP_UNCONFIRMED)
		set_state(asoc, p, SCTP_ACTIVE, SCTP_ADDR_CONFIRMED);
	else
		set_state(asoc, p, SCTP_ACTIVE, SCTP_ADDR_AVAILABLE);
}

/* Our Heartbeat Info, opaque to the peer, which echoes it whole. */
struct xsctp_hb_info {
	u64 nonce;			/* RFC 9260 s8.3: random, checked */
	u64 sent;			/* jiffies64 */
	union xsctp_addr addr;		/* the path it went to */
} __packed;

static bool hb_state(const struct xsctp_assoc *asoc)
{
	return !asoc->dead && (asoc->state == SCTP_ESTABLISHED ||
			       asoc->state == SCTP_SHUTDOWN_PENDING ||
			       asoc->state == SCTP_SHUTDOWN_RECEIVED);
}

/*
 * Called under asoc->lock.  RFC 9260 s5.4 and RFC 7829 s4.3: an
 * unconfirmed or PF path is probed every RTO, whether heartbeats are on
 * or not; the others every HB.interval + RTO, jittered.
 */
void xsctp_path_hb_arm(struct xsctp_path *p)
{
	struct xsctp_assoc *asoc = p->asoc;

	if (!hb_state(asoc))
		return;
	if (p->state == SCTP_UNCONFIRMED || p->state == SCTP_PF) {
		xsctp_timer_arm(&p->hb, p->rto);
		return;
	}
	if (!asoc->hb_on)
		return;
	xsctp_timer_arm(&p->hb, asoc->hb_interval + p->rto / 2 +
			get_random_u32_below(p->rto + 1));
}

/* Called under asoc->lock: also for SPP_HB_DEMAND. */
void xsctp_path_hb_send(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	struct {
		struct xsctp_paramhdr ph;
		struct xsctp_hb_info info;
	} __packed hb = {};

	p->hb_nonce = get_random_u64();
	hb.ph.type = htons(XSCTP_PARAM_HEARTBEAT_INFO);
	hb.ph.length = htons(sizeof(hb));
	hb.info.nonce = p->hb_nonce;
	hb.info.sent = get_jiffies_64();
	hb.info.addr = p->addr;
	/* s8.3: a probe that found no route went as unanswered as a lost
	 * one; only one never built (no memory) did not happen
	 */
	if (xsctp_sm_send_ctrl(asoc, p, XSCTP_CID_HEARTBEAT, 0, &hb,
			       sizeof(hb)) != -ENOMEM)
		p->hb_pending = true;
}

/* Called under asoc->lock when a path's heartbeat timer expires. */
void xsctp_path_hb_timeout(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	bool probe = p->state == SCTP_UNCONFIRMED || p->state == SCTP_PF;

	if (!hb_state(asoc))
		return;
	if (p->hb_pending) {
		/* s8.3: no ACK within RTO counts as an error; back off */
		xsctp_rto_backoff(asoc, p);
		if (!xsctp_path_error(asoc, p))
			return;
	}
	/* s8.3: only idle paths need heartbeats; data probes the others */
	if (probe || p->hb_pending ||
	    time_after_eq(jiffies, p->last_send + asoc->hb_interval))
		xsctp_path_hb_send(asoc, p);
	xsctp_path_hb_arm(p);
}

/* RFC 9260 s8.3: HEARTBEAT ACK, under asoc->lock. */
void xsctp_path_hb_ack(struct xsctp_rcv *r, const struct xsctp_chunk *c)
{
	struct xsctp_assoc *asoc = r->asoc;
	struct xsctp_hb_info info;
	struct xsctp_path *p;
	struct xsctp_tlv t;
	bool was_active;

	if (xsctp_heartbeat_info(c->p, c->len, &t) ||
	    t.len != sizeof(struct xsctp_paramhdr) + sizeof(info))
		return;
	memcpy(&info, t.p + sizeof(struct xsctp_paramhdr), sizeof(info));
	p = xsctp_assoc_find_path(asoc, &info.addr);
	if (!p || !p->hb_pending || info.nonce != p->hb_nonce)
		return;
	p->hb_pending = false;
	was_active = p->state == SCTP_ACTIVE;
	xsctp_outq_rtt_sample(asoc, p, (u32)(get_jiffies_64() - info.sent));
	xsctp_path_alive(asoc, p);
	/*
	 * A path that was probed (unconfirmed, PF) or backed off (inactive)
	 * takes the idle schedule now.  An active one keeps the timer its
	 * heartbeat armed: s8.3 spaces heartbeats HB.interval + RTO apart
	 * from send to send, not from the ACK (which added the RTT).
	 */
	if (!was_active)
		xsctp_path_hb_arm(p);
	xsctp_outq_flush(asoc);
}

/*
 * RFC 9260 s7.3: a router reported @mtu for @p (under asoc->lock).  The
 * route already holds it; re-routing reads it back, and the chunks in
 * flight that no longer fit in a packet are sent again, now allowed to
 * be fragmented by IP (RFC 9260 s7.3).  Reports that would raise the MTU,
 * or set it below what IP guarantees, are ignored (RFC 1191, RFC 8201).
 */
void xsctp_path_pmtu_update(struct xsctp_assoc *asoc, struct xsctp_path *p,
			    u32 mtu)
{
	u32 floor = p->addr.sa.sa_family == AF_INET ? 576 : IPV6_MIN_MTU;

	if (mtu >= p->pmtu || mtu < floor)
		return;
	dst_release(p->dst);
	p->dst = NULL;
	if (xsctp_path_route(p) || p->pmtu > mtu)
		p->pmtu = mtu;
	xsctp_outq_pmtu_shrunk(asoc, p);
}
