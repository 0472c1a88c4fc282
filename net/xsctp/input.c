// SPDX-License-Identifier: GPL-2.0
/*
 * Receive path: every packet for IP protocol 132 is checked (CRC32c,
 * then the parser's structural rules), counted with the reason when
 * dropped, matched to an association or an endpoint, and handed to the
 * state machine.
 */
#include <linux/skbuff.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/chunk.h>
#include <net/xsctp/output.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/wire.h>

static void drop_reason(struct net *net, enum xsctp_drop_reason why)
{
	xsctp_inc_stats(net, XSCTP_MIB_DROP_BASE + why);
	xsctp_inc_stats(net, XSCTP_MIB_IN_PKT_DISCARDS);
}

/*
 * What the first packet of a GSO skb found, for the others: they share
 * their addresses and common header, so one lookup serves them all.
 * xsctp_rcv() fills it in before the socket backlog decision.
 */
struct rcv_burst {
	union xsctp_addr src, dst;
	struct xsctp_assoc *asoc;	/* held reference, or NULL */
	struct xsctp_path *path;
	bool looked;			/* asoc is xsctp_rcv()'s lookup, even NULL */
	bool backlog;			/* run from the socket's backlog */
};

/*
 * One SCTP packet, in the linear data of @carrier; @skb (the same or a
 * GSO skb holding it) has the IP header.
 */
static void rcv_pkt(struct net *net, struct sk_buff *skb,
		    struct sk_buff *carrier, struct xsctp_rcv *r,
		    struct rcv_burst *burst)
{
	const u8 *pkt = carrier->data;
	u32 len = carrier->len;
	enum xsctp_drop_reason why;

	why = xsctp_pkt_validate(pkt, len);
	if (why != XSCTP_DROP_NONE) {
		drop_reason(net, why);
		return;
	}
	xsctp_inc_stats(net, burst->backlog ? XSCTP_MIB_IN_PKT_BACKLOG :
					      XSCTP_MIB_IN_PKT_SOFTIRQ);
	r->net = net;
	r->skb = skb;
	r->carrier = carrier;
	r->pkt = pkt;
	r->len = len;
	r->vtag = ntohl(((struct xsctp_hdr *)pkt)->vtag);
	if (burst->asoc || burst->looked) {
		r->src = burst->src;
		r->dst = burst->dst;
		r->path = burst->path;
		r->asoc = burst->asoc;
		if (r->asoc)
			xsctp_assoc_hold(r->asoc);
		/* a miss holds for this packet only: it may make one */
		burst->looked = false;
	} else {
		xsctp_addr_from_skb(&r->src, &r->dst, skb);
		r->asoc = xsctp_assoc_lookup(net, &r->src, &r->dst, &r->path);
		if (r->asoc) {
			burst->src = r->src;
			burst->dst = r->dst;
			burst->path = r->path;
			burst->asoc = r->asoc;
			xsctp_assoc_hold(r->asoc);
		}
	}
	if (!r->asoc)
		r->sk = xsctp_lookup_listener(net, &r->dst,
					      xsctp_addr_port(&r->dst));
	xsctp_sm_rcv(r);
	if (r->asoc)
		xsctp_assoc_put(r->asoc);
	if (r->sk)
		sock_put(r->sk);
}

/*
 * A GSO skb from a local sender of ours (gso.c), handed on whole by veth
 * or loopback: the head holds the common header, each frag_list skb the
 * chunks of one packet.  Each is run as the packet it stands for, with
 * the header put back in front; the SACK decision waits for the last.
 * All run under rcu_read_lock, so the path the burst keeps stays valid;
 * assoc_packet() checks that it is still the association's.
 */
static void rcv_gso(struct net *net, struct sk_buff *skb,
		    struct rcv_burst *burst)
{
	bool crc_done = skb->ip_summed == CHECKSUM_PARTIAL ||
			skb->ip_summed == CHECKSUM_UNNECESSARY;
	struct xsctp_hdr hdr;
	struct sk_buff *seg;
	u32 data = 0;

	memcpy(&hdr, skb->data, sizeof(hdr));
	skb_walk_frags(skb, seg) {
		struct xsctp_rcv r = { .gso_data = &data, .gso_more = seg->next };

		if (skb_cow_head(seg, XSCTP_HDR_LEN) || skb_linearize(seg)) {
			xsctp_inc_stats(net, XSCTP_MIB_IN_PKT_DISCARDS);
			continue;
		}
		memcpy(skb_push(seg, XSCTP_HDR_LEN), &hdr, XSCTP_HDR_LEN);
		if (!crc_done && xsctp_crc_ok(seg)) {
			xsctp_inc_stats(net, XSCTP_MIB_CHECKSUMERRORS);
			drop_reason(net, XSCTP_DROP_BAD_CHECKSUM);
		} else {
			rcv_pkt(net, skb, seg, &r, burst);
		}
		__skb_pull(seg, XSCTP_HDR_LEN);
	}
}

static u32 pkts_in(const struct sk_buff *skb)
{
	return skb_is_gso(skb) ? skb_shinfo(skb)->gso_segs : 1;
}

static bool is_burst(struct sk_buff *skb)
{
	return skb_is_gso(skb) && skb_is_gso_sctp(skb);
}

/* Runs a checked skb, one packet or a GSO burst, and frees it. */
static void rcv_skb(struct net *net, struct sk_buff *skb,
		    struct rcv_burst *burst)
{
	if (is_burst(skb))
		rcv_gso(net, skb, burst);
	else
		rcv_pkt(net, skb, skb, &(struct xsctp_rcv){}, burst);
	if (burst->asoc)
		xsctp_assoc_put(burst->asoc);
	consume_skb(skb);
}

/*
 * As TCP does, a packet for a one-to-one socket whose user is inside a
 * system call (recvmsg() copying out, sendmsg() queueing) waits on the
 * socket's backlog, and release_sock() runs it in the user's context:
 * the receive work of a busy reader then moves to the reader's CPU, off
 * the sender's, where veth and loopback run every softirq.  Nothing
 * needs it for correctness: the association's lock covers its state
 * either way.  A one-to-many socket never queues: its associations run
 * in parallel, each under its own lock.  The backlog takes up to twice
 * the receive buffer, which is what room_for() lets in, and the send
 * buffer's worth of SACKs.
 */
static bool to_backlog(struct net *net, struct sk_buff *skb,
		       const struct xsctp_assoc *asoc)
{
	struct sock *sk = READ_ONCE(asoc->sk);
	bool queued = false;

	if (!xsctp_style_tcp(sk) || sk->sk_state != TCP_ESTABLISHED)
		return false;
	bh_lock_sock(sk);
	if (sock_owned_by_user(sk)) {
		queued = true;
		if (sk_add_backlog(sk, skb, 2 * READ_ONCE(sk->sk_rcvbuf) +
				   READ_ONCE(sk->sk_sndbuf))) {
			xsctp_add_stats(net, XSCTP_MIB_DROP_BASE +
					XSCTP_DROP_BACKLOG_FULL, pkts_in(skb));
			xsctp_add_stats(net, XSCTP_MIB_IN_PKT_DISCARDS,
					pkts_in(skb));
			kfree_skb(skb);
		}
	}
	bh_unlock_sock(sk);
	return queued;
}

/* proto.backlog_rcv: called by release_sock(), in process context. */
int xsctp_backlog_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct rcv_burst burst = { .backlog = true };

	/* the receive path takes its locks as a softirq would */
	local_bh_disable();
	rcu_read_lock();
	rcv_skb(sock_net(sk), skb, &burst);
	rcu_read_unlock();
	local_bh_enable();
	return 0;
}

static int xsctp_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	struct rcv_burst burst = {};

	if (unlikely(!READ_ONCE(xsctp_ready)))
		goto discard;	/* loading or unloading */
	xsctp_add_stats(net, XSCTP_MIB_INSCTPPACKS, pkts_in(skb));
	if (skb->pkt_type != PACKET_HOST)
		goto discard;
	if (is_burst(skb)) {
		if (skb_headlen(skb) != XSCTP_HDR_LEN) {
			drop_reason(net, XSCTP_DROP_TOO_SHORT);
			goto discard;
		}
	} else {
		if (skb_linearize(skb))
			goto discard;
		if (skb->len < XSCTP_HDR_LEN) {
			drop_reason(net, XSCTP_DROP_TOO_SHORT);
			goto discard;
		}
		/* RFC 9260 s6.8: a packet with a bad checksum is discarded */
		if (xsctp_crc_ok(skb)) {
			xsctp_inc_stats(net, XSCTP_MIB_CHECKSUMERRORS);
			drop_reason(net, XSCTP_DROP_BAD_CHECKSUM);
			goto discard;
		}
	}
	xsctp_addr_from_skb(&burst.src, &burst.dst, skb);
	burst.asoc = xsctp_assoc_lookup(net, &burst.src, &burst.dst,
					&burst.path);
	burst.looked = true;
	if (burst.asoc && to_backlog(net, skb, burst.asoc)) {
		xsctp_assoc_put(burst.asoc);
		return 0;
	}
	rcv_skb(net, skb, &burst);
	return 0;
discard:
	kfree_skb(skb);
	return 0;
}

int xsctp_v4_rcv(struct sk_buff *skb)
{
	return xsctp_rcv(skb);
}

int xsctp_v6_rcv(struct sk_buff *skb)
{
	return xsctp_rcv(skb);
}
