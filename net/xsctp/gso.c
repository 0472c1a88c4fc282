// SPDX-License-Identifier: GPL-2.0
/*
 * Segmentation offload.  The packets of one burst to one path travel as a
 * single skb (gso_type SKB_GSO_SCTP, gso_size GSO_BY_FRAGS): the head
 * carries the IP and common headers, each skb on its frag_list the chunks
 * of one packet.  A device that takes SKB_GSO_SCTP (veth, loopback) hands
 * it on whole, so a burst crosses IP, netfilter, the qdisc and the peer
 * namespace's receive path once; anywhere else the stack cuts it back
 * into packets with xsctp_gso_segment(), our offload for protocol 132
 * (sctp.ko's is not loaded).  What reaches the wire is the same packets
 * either way (RFC 9260 s6.10 bundling is done before).
 */
#include <linux/skbuff.h>
#include <net/protocol.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/output.h>
#include <net/xsctp/wire.h>

/* IPv4 total length is 16 bits: one burst never needs more. */
#define XSCTP_GSO_MAX_LEN	(65535 - XSCTP_HEADROOM)
#define XSCTP_GSO_MAX_SEGS	64

/*
 * Finishes the CRC32c (RFC 9260 s6.8) of a cut packet that is going to a
 * device which cannot compute it.
 */
static void seg_crc(struct sk_buff *seg)
{
	int off = skb_transport_offset(seg);
	struct xsctp_hdr *sh = (struct xsctp_hdr *)skb_transport_header(seg);

	sh->checksum = 0;
	sh->checksum = (__force __be32)xsctp_crc_skb(seg, off);
	seg->ip_summed = CHECKSUM_NONE;
	seg->csum_not_inet = 0;
}

/* The offload callback: @skb->data is at the common header. */
static struct sk_buff *xsctp_gso_segment(struct sk_buff *skb,
					 netdev_features_t features)
{
	struct sk_buff *segs, *seg;

	if (!(skb_shinfo(skb)->gso_type & SKB_GSO_SCTP) ||
	    skb_shinfo(skb)->gso_size != GSO_BY_FRAGS ||
	    !pskb_may_pull(skb, XSCTP_HDR_LEN))
		return ERR_PTR(-EINVAL);
	__skb_pull(skb, XSCTP_HDR_LEN);
	/* every frag_list skb becomes one packet, headers copied in front */
	segs = skb_segment(skb, (features | NETIF_F_HW_CSUM) & ~NETIF_F_SG);
	if (IS_ERR(segs) || (features & NETIF_F_SCTP_CRC))
		return segs;
	for (seg = segs; seg; seg = seg->next)
		if (seg->ip_summed == CHECKSUM_PARTIAL)
			seg_crc(seg);
	return segs;
}

static const struct net_offload xsctp_offload = {
	.callbacks = { .gso_segment = xsctp_gso_segment },
};

static bool gso_on;

void xsctp_gso_init(void)
{
	/* only fails when another SCTP (sctp.ko) registered one */
	gso_on = !inet_add_offload(&xsctp_offload, IPPROTO_SCTP);
#if IS_ENABLED(CONFIG_IPV6)
	if (gso_on && inet6_add_offload(&xsctp_offload, IPPROTO_SCTP)) {
		inet_del_offload(&xsctp_offload, IPPROTO_SCTP);
		gso_on = false;
	}
#endif
}

void xsctp_gso_exit(void)
{
	if (!gso_on)
		return;
	gso_on = false;
#if IS_ENABLED(CONFIG_IPV6)
	inet6_del_offload(&xsctp_offload, IPPROTO_SCTP);
#endif
	inet_del_offload(&xsctp_offload, IPPROTO_SCTP);
	synchronize_net();
}

/*
 * Bursts go as one skb only to a device that passes them on whole and
 * computes the CRC32c: elsewhere cutting them again costs more than
 * sending packets one by one.  Not through IPsec (as set_crc()).
 */
static bool gso_ok(const struct xsctp_path *path)
{
	netdev_features_t need = NETIF_F_GSO_SCTP | NETIF_F_SCTP_CRC;

	return READ_ONCE(gso_on) && path->dst && !dst_xfrm(path->dst) &&
	       (path->dst->dev->features & need) == need;
}

static void chain(struct sk_buff *head, struct sk_buff *pkt)
{
	head->len += pkt->len;
	head->data_len += pkt->len;
	head->truesize += pkt->truesize;
	skb_shinfo(head)->gso_segs++;
}

/* Makes the GSO head of @g's first packet. */
static bool start(struct xsctp_gso *g)
{
	struct sk_buff *head = xsctp_pkt_new(0, GFP_ATOMIC);

	if (!head)
		return false;
	skb_shinfo(head)->frag_list = g->first;
	skb_shinfo(head)->gso_type = SKB_GSO_SCTP;
	skb_shinfo(head)->gso_size = GSO_BY_FRAGS;
	chain(head, g->first);
	g->head = head;
	g->last = g->first;
	return true;
}

/**
 * xsctp_gso_add - send a packet of a burst, or keep it to send with more
 * @g: the burst, zeroed before its first packet
 * @asoc: the association, locked
 * @path: where the packet goes
 * @pkt: its chunks (consumed)
 *
 * The burst goes when it cannot take @pkt; xsctp_gso_end() sends the rest.
 */
void xsctp_gso_add(struct xsctp_gso *g, struct xsctp_assoc *asoc,
		   struct xsctp_path *path, struct sk_buff *pkt)
{
	const struct net_device *dev;
	/* a packet over the MTU (a chunk cut before the MTU went down) goes
	 * alone: only then may IP fragment it (output.c xmit4())
	 */
	bool alone = pkt->len > xsctp_path_room(path);

	if (g->first && (g->path != path || alone))
		xsctp_gso_end(g, asoc);
	if (!g->first) {
		if (alone || xsctp_path_route(path) || !gso_ok(path)) {
			xsctp_output(asoc, path, pkt);
			return;
		}
		dev = path->dst->dev;
		g->path = path;
		g->first = pkt;
		g->len = pkt->len;
		g->segs = 1;
		g->max_segs = min_t(u32, XSCTP_GSO_MAX_SEGS,
				    READ_ONCE(dev->gso_max_segs));
		g->max_len = min_t(u32, XSCTP_GSO_MAX_LEN,
				   READ_ONCE(dev->gso_max_size));
		return;
	}
	if (g->len + pkt->len > g->max_len || g->segs >= g->max_segs ||
	    (!g->head && !start(g))) {
		xsctp_gso_end(g, asoc);
		xsctp_gso_add(g, asoc, path, pkt);
		return;
	}
	g->last->next = pkt;
	g->last = pkt;
	g->len += pkt->len;
	g->segs++;
	chain(g->head, pkt);
}

/* Sends what @g holds: one packet as it is, several as one GSO skb. */
void xsctp_gso_end(struct xsctp_gso *g, struct xsctp_assoc *asoc)
{
	struct sk_buff *skb = g->head ?: g->first;

	if (skb)
		xsctp_output(asoc, g->path, skb);
	memset(g, 0, sizeof(*g));
}
