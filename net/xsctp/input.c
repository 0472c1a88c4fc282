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

static int xsctp_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	enum xsctp_drop_reason why;
	struct xsctp_rcv r = {};

	if (unlikely(!READ_ONCE(xsctp_ready)))
		goto discard;	/* loading or unloading */
	xsctp_inc_stats(net, XSCTP_MIB_INSCTPPACKS);
	if (skb->pkt_type != PACKET_HOST || skb_linearize(skb))
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
	why = xsctp_pkt_validate(skb->data, skb->len);
	if (why != XSCTP_DROP_NONE) {
		drop_reason(net, why);
		goto discard;
	}
	xsctp_inc_stats(net, XSCTP_MIB_IN_PKT_SOFTIRQ);
	r.net = net;
	r.skb = skb;
	r.pkt = skb->data;
	r.len = skb->len;
	r.vtag = ntohl(((struct xsctp_hdr *)skb->data)->vtag);
	xsctp_addr_from_skb(&r.src, &r.dst, skb);
	r.asoc = xsctp_assoc_lookup(net, &r.src, &r.dst, &r.path);
	if (!r.asoc)
		r.sk = xsctp_lookup_listener(net, &r.dst,
					     xsctp_addr_port(&r.dst));
	xsctp_sm_rcv(&r);
	if (r.asoc)
		xsctp_assoc_put(r.asoc);
	if (r.sk)
		sock_put(r.sk);
	consume_skb(skb);
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
