// SPDX-License-Identifier: GPL-2.0
/*
 * Path management: heartbeats (RFC 9260 s8.3).  An idle path gets a
 * HEARTBEAT every HB.interval + RTO (jittered by +/- 50 % of RTO); an
 * unanswered one counts as an error of the path and of the association
 * (s8.1, s8.2), and its ACK gives an RTT sample and clears both counters.
 * Path MTU decreases reported by ICMP (s7.3) land here too.
 */
#include <linux/random.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/wire.h>

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

/* Called under asoc->lock. */
void xsctp_path_hb_arm(struct xsctp_path *p)
{
	struct xsctp_assoc *asoc = p->asoc;

	if (!asoc->hb_on || !hb_state(asoc))
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
	if (!xsctp_sm_send_ctrl(asoc, p, XSCTP_CID_HEARTBEAT, 0, &hb,
				sizeof(hb)))
		p->hb_pending = true;
}

/* Called under asoc->lock when a path's heartbeat timer expires. */
void xsctp_path_hb_timeout(struct xsctp_assoc *asoc, struct xsctp_path *p)
{
	if (!hb_state(asoc))
		return;
	if (p->hb_pending) {
		/* s8.3: no ACK within RTO counts as an error; back off */
		p->errors++;
		p->rto = min(p->rto * 2, asoc->rto_max);
		if (++asoc->errors > asoc->max_retrans) {
			xsctp_sm_abort(asoc, XSCTP_CAUSE_USER_ABORT, ETIMEDOUT);
			return;
		}
	}
	/* s8.3: only idle paths need heartbeats; data probes the others */
	if (p->hb_pending ||
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

	if (xsctp_heartbeat_info(c->p, c->len, &t) ||
	    t.len != sizeof(struct xsctp_paramhdr) + sizeof(info))
		return;
	memcpy(&info, t.p + sizeof(struct xsctp_paramhdr), sizeof(info));
	p = xsctp_assoc_find_path(asoc, &info.addr);
	if (!p || !p->hb_pending || info.nonce != p->hb_nonce)
		return;
	p->hb_pending = false;
	p->errors = 0;
	asoc->errors = 0;
	xsctp_outq_rtt_sample(asoc, p, (u32)(get_jiffies_64() - info.sent));
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
