// SPDX-License-Identifier: GPL-2.0
/* Receive path: packets and ICMP errors for IP protocol 132. */
#include <linux/skbuff.h>
#include <net/xsctp/xsctp.h>

/* Until the protocol core exists no endpoint can match, so every packet is
 * out of the blue (RFC 9260 s8.4) and is counted and dropped.
 */
static int xsctp_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);

	xsctp_inc_stats(net, XSCTP_MIB_INSCTPPACKS);
	xsctp_inc_stats(net, XSCTP_MIB_OUTOFBLUES);
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

int xsctp_v4_err(struct sk_buff *skb, u32 info)
{
	return 0;
}

int xsctp_v6_err(struct sk_buff *skb, struct inet6_skb_parm *opt,
		 u8 type, u8 code, int offset, __be32 info)
{
	return 0;
}
