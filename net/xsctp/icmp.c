// SPDX-License-Identifier: GPL-2.0
/*
 * ICMP and ICMPv6 errors about packets we sent (RFC 9260 appendix C):
 * "fragmentation needed" and "packet too big" lower the path MTU (s7.3,
 * RFC 1191, RFC 8201); other errors are counted and ignored, as the
 * retransmission timers already cover an unreachable peer.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <net/ip6_route.h>
#include <net/route.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/sm.h>
#include <net/xsctp/wire.h>

/*
 * Appendix C, ICMP5: the quoted packet must carry the peer's tag, or be
 * our INIT (tag 0) whose Initiate Tag is ours.  Called under the lock.
 */
static bool quoted_tag_ok(struct xsctp_assoc *asoc, struct sk_buff *skb,
			  int off)
{
	const struct xsctp_hdr *sh = (void *)(skb->data + off);
	const struct xsctp_init_chunk *init;

	if (ntohl(sh->vtag) == asoc->peer_vtag && sh->vtag)
		return true;
	if (sh->vtag || !pskb_may_pull(skb, off + sizeof(*sh) + 8))
		return false;
	init = (void *)(skb->data + off + sizeof(*sh));
	return init->hdr.type == XSCTP_CID_INIT &&
	       ntohl(init->init_tag) == asoc->my_vtag;
}

/* The route learns the new MTU first; the path re-routes and reads it. */
static void route_update(struct net *net, struct sk_buff *skb,
			 struct sock *sk, int family, u32 mtu)
{
	if (family == AF_INET)
		ipv4_update_pmtu(skb, net, mtu, sk->sk_bound_dev_if,
				 IPPROTO_SCTP);
	else
		ip6_update_pmtu(skb, net, htonl(mtu), sk->sk_bound_dev_if,
				sk->sk_mark, sock_net_uid(net, sk));
}

/*
 * A router says the packet quoted at @off in @skb, sent from @local to
 * @peer, needs a path MTU of @mtu.  Returns whether it was one of ours.
 */
static bool pmtu_report(struct net *net, struct sk_buff *skb, int off,
			const union xsctp_addr *local,
			const union xsctp_addr *peer, u32 mtu)
{
	struct xsctp_assoc *asoc;
	struct xsctp_path *path;
	bool ours;

	asoc = xsctp_assoc_lookup(net, peer, local, &path);
	if (!asoc)
		return false;
	spin_lock(&asoc->lock);
	ours = !asoc->dead && quoted_tag_ok(asoc, skb, off);
	if (ours) {
		route_update(net, skb, asoc->sk, peer->sa.sa_family, mtu);
		if (!path->retired)	/* see xsctp_assoc_rm_path() */
			xsctp_path_pmtu_update(asoc, path, mtu);
	}
	spin_unlock(&asoc->lock);
	xsctp_assoc_put(asoc);
	return ours;
}

static int counted(struct net *net, bool ours)
{
	xsctp_inc_stats(net, ours ? XSCTP_MIB_ICMP_PMTU : XSCTP_MIB_ICMP_IGNORED);
	return 0;
}

int xsctp_v4_err(struct sk_buff *skb, u32 info)
{
	struct net *net = dev_net(skb->dev);
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	int off = iph->ihl * 4, type = icmp_hdr(skb)->type;
	union xsctp_addr local, peer;
	const struct xsctp_hdr *sh;

	if (type != ICMP_DEST_UNREACH ||
	    icmp_hdr(skb)->code != ICMP_FRAG_NEEDED ||
	    !pskb_may_pull(skb, off + sizeof(*sh)))
		return counted(net, false);
	iph = (const struct iphdr *)skb->data;
	sh = (const void *)(skb->data + off);
	xsctp_addr_v4(&local, iph->saddr, sh->source);
	xsctp_addr_v4(&peer, iph->daddr, sh->dest);
	return counted(net, pmtu_report(net, skb, off, &local, &peer, info));
}

int xsctp_v6_err(struct sk_buff *skb, struct inet6_skb_parm *opt,
		 u8 type, u8 code, int offset, __be32 info)
{
	struct net *net = dev_net(skb->dev);
	const struct ipv6hdr *ip6h;
	union xsctp_addr local, peer;
	const struct xsctp_hdr *sh;

	if (type != ICMPV6_PKT_TOOBIG ||
	    !pskb_may_pull(skb, offset + sizeof(*sh)))
		return counted(net, false);
	ip6h = (const struct ipv6hdr *)skb->data;
	sh = (const void *)(skb->data + offset);
	xsctp_addr_v6(&local, &ip6h->saddr, sh->source, skb->dev->ifindex);
	xsctp_addr_v6(&peer, &ip6h->daddr, sh->dest, skb->dev->ifindex);
	return counted(net, pmtu_report(net, skb, offset, &local, &peer,
					ntohl(info)));
}
