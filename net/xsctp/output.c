// SPDX-License-Identifier: GPL-2.0
/*
 * Packet assembly and transmission.  Chunks are appended to an skb whose
 * headroom later takes the common header and the IP header, which we
 * build ourselves: one path for replies sent without any socket (out of
 * the blue, RFC 9260 s8.4) and for association traffic alike.
 */
#include <linux/crc32.h>
#include <linux/crc32c.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/route.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/output.h>
#include <net/xsctp/wire.h>

struct sk_buff *xsctp_pkt_new(u32 chunk_room, gfp_t gfp)
{
	struct sk_buff *skb = alloc_skb(XSCTP_HEADROOM + chunk_room, gfp);

	if (skb)
		skb_reserve(skb, XSCTP_HEADROOM);
	return skb;
}

/*
 * skb->cb of a packet being built (zeroed by alloc_skb): the control
 * chunks in it, for SCTP_GET_ASSOC_STATS.  DATA chunks are built in
 * message skbs whose cb is the send queue's, so they are never counted.
 */
struct xsctp_pkt_cb {
	u16 ctrl;
	u16 sacks;
};

static struct xsctp_pkt_cb *pkt_cb(struct sk_buff *skb)
{
	return (struct xsctp_pkt_cb *)skb->cb;
}

/*
 * Appends a chunk with a @body-byte body (zeroed, then padded to 4 bytes,
 * RFC 9260 s3.2) and returns its start.  The caller sized the skb, and
 * writes the last @fill bytes of the body itself at once (a DATA chunk's
 * user data): those are not zeroed first, a cost on every byte sent.
 */
void *xsctp_pkt_chunk_fill(struct sk_buff *skb, u8 type, u8 flags, u32 body,
			   u32 fill)
{
	u32 len = sizeof(struct xsctp_chunkhdr) + body;
	struct xsctp_chunkhdr *ch = skb_put(skb, ALIGN(len, 4));

	memset(ch, 0, len - fill);
	memset((u8 *)ch + len, 0, ALIGN(len, 4) - len);
	if (type != XSCTP_CID_DATA) {
		pkt_cb(skb)->ctrl++;
		pkt_cb(skb)->sacks += type == XSCTP_CID_SACK;
	}
	ch->type = type;
	ch->flags = flags;
	ch->length = htons(len);
	return ch;
}

void *xsctp_pkt_chunk(struct sk_buff *skb, u8 type, u8 flags, u32 body)
{
	return xsctp_pkt_chunk_fill(skb, type, flags, body, 0);
}

/*
 * The checksum operations the stack uses to finish a CRC32c that was left
 * to a device (CHECKSUM_PARTIAL, csum_not_inet) when the packet ends up on
 * one that cannot compute it: a route through a device without SCTP CRC
 * offload, a forwarding namespace, tc redirection.  Without sctp.ko the
 * kernel's stub only warns.
 */
static __wsum crc_update(const void *p, int len, __wsum sum)
{
	return (__force __wsum)crc32c((__force u32)sum, p, len);
}

static __wsum crc_combine(__wsum a, __wsum b, int off, int len)
{
	return (__force __wsum)__crc32c_le_combine((__force u32)a,
						   (__force u32)b, len);
}

static const struct skb_checksum_ops xsctp_csum_ops = {
	.update = crc_update,
	.combine = crc_combine,
};

static const struct skb_checksum_ops *saved_csum_stub;

/*
 * RFC 9260 s6.8 / appendix B: CRC32c over the SCTP packet at @off in the
 * skb, with the checksum field 0.
 */
__le32 xsctp_crc_skb(const struct sk_buff *skb, int off)
{
	__wsum c = __skb_checksum(skb, off, skb->len - off,
				  (__force __wsum)~0U, &xsctp_csum_ops);

	return cpu_to_le32(~(__force u32)c);
}

void xsctp_output_init(void)
{
	saved_csum_stub = crc32c_csum_stub;
	crc32c_csum_stub = &xsctp_csum_ops;
	xsctp_gso_init();
}

/*
 * A packet of ours still queued somewhere with its CRC left to a device
 * would now get the kernel's warning stub and a wrong checksum, never a
 * call into freed code.
 */
void xsctp_output_exit(void)
{
	xsctp_gso_exit();
	crc32c_csum_stub = saved_csum_stub;
	synchronize_net();
}

/*
 * Leaves the CRC32c to the device when it computes one (veth, loopback,
 * NICs with SCTP CRC offload), as TCP leaves its checksum: the packet on
 * the wire carries the right value either way (s6.8).  Not for IPsec (the
 * device sees ESP) nor for a packet IP fragments (fragmentation would have
 * to finish it with an Internet checksum).
 */
static void set_crc(struct sk_buff *skb, const struct dst_entry *d)
{
	struct xsctp_hdr *sh = (struct xsctp_hdr *)skb_transport_header(skb);

	sh->checksum = 0;
	if ((d->dev->features & NETIF_F_SCTP_CRC) && !dst_xfrm(d) &&
	    !skb->ignore_df) {
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = skb_transport_header(skb) - skb->head;
		skb->csum_offset = offsetof(struct xsctp_hdr, checksum);
		skb->csum_not_inet = 1;
		return;
	}
	sh->checksum = (__force __be32)xsctp_crc_skb(skb, skb_transport_offset(skb));
	skb->ip_summed = CHECKSUM_NONE;
}

/* Returns 0 when the packet's CRC32c is right (or was checked by the NIC). */
int xsctp_crc_ok(struct sk_buff *skb)
{
	struct xsctp_hdr *sh = (struct xsctp_hdr *)skb->data;
	__le32 got = (__force __le32)sh->checksum, want;

	/* A packet we (or another local stack) sent over veth carries no
	 * CRC yet: it is CHECKSUM_PARTIAL and never left the machine.
	 */
	if (skb->ip_summed == CHECKSUM_UNNECESSARY ||
	    skb->ip_summed == CHECKSUM_PARTIAL)
		return 0;
	sh->checksum = 0;
	want = xsctp_crc_skb(skb, 0);
	sh->checksum = (__force __be32)got;
	return want == got ? 0 : -EBADMSG;
}

static struct dst_entry *route4(struct net *net, const struct sock *sk,
				union xsctp_addr *src,
				const union xsctp_addr *dst)
{
	struct flowi4 fl4 = {
		.daddr = dst->v4.sin_addr.s_addr,
		.saddr = src->sa.sa_family == AF_INET ?
			 src->v4.sin_addr.s_addr : 0,
		.flowi4_proto = IPPROTO_SCTP,
		.flowi4_oif = sk ? sk->sk_bound_dev_if : 0,
		.flowi4_mark = sk ? sk->sk_mark : 0,
	};
	struct rtable *rt = ip_route_output_key(net, &fl4);

	if (IS_ERR(rt))
		return ERR_CAST(rt);
	xsctp_addr_v4(src, fl4.saddr, 0);
	return &rt->dst;
}

static struct dst_entry *route6(struct net *net, const struct sock *sk,
				union xsctp_addr *src,
				const union xsctp_addr *dst)
{
	struct flowi6 fl6 = {
		.daddr = dst->v6.sin6_addr,
		.flowi6_proto = IPPROTO_SCTP,
		.flowi6_oif = dst->v6.sin6_scope_id ?:
			      (sk ? sk->sk_bound_dev_if : 0),
		.flowi6_mark = sk ? sk->sk_mark : 0,
	};
	struct dst_entry *d;

	if (src->sa.sa_family == AF_INET6)
		fl6.saddr = src->v6.sin6_addr;
	d = ip6_dst_lookup_flow(net, sk, &fl6, NULL);
	if (!IS_ERR(d))
		xsctp_addr_v6(src, &fl6.saddr, 0, fl6.flowi6_oif);
	return d;
}

static struct dst_entry *xsctp_route(struct net *net, const struct sock *sk,
				     union xsctp_addr *src,
				     const union xsctp_addr *dst)
{
	if (dst->sa.sa_family == AF_INET)
		return route4(net, sk, src, dst);
	return route6(net, sk, src, dst);
}

/* The first of @sk's bound addresses in @peer's family, into @src. */
static bool bound_source(struct sock *sk, const union xsctp_addr *peer,
			 union xsctp_addr *src)
{
	union xsctp_addr set[XSCTP_MAX_BOUND];
	int n = xsctp_sk_local_addrs(sk, set, XSCTP_MAX_BOUND), i;

	for (i = 0; i < n; i++) {
		if (set[i].sa.sa_family == peer->sa.sa_family) {
			*src = set[i];
			return true;
		}
	}
	return false;
}

/* Called under the association's lock: (re)routes @path, updates pmtu. */
int xsctp_path_route(struct xsctp_path *path)
{
	struct xsctp_assoc *asoc = path->asoc;
	struct dst_entry *d;

	if (path->dst && !path->dst->obsolete)
		return 0;
	if (path->dst && dst_check(path->dst, 0))
		return 0;
	dst_release(path->dst);
	path->dst = NULL;
	d = xsctp_route(asoc->net, asoc->sk, &path->saddr, &path->addr);
	if (!IS_ERR(d) && !xsctp_sk_has_laddr(asoc->sk, &path->saddr)) {
		/* routing chose an address the endpoint does not have (it
		 * was bound to several with sctp_bindx()): use one it has
		 */
		dst_release(d);
		d = ERR_PTR(-EADDRNOTAVAIL);
		if (bound_source(asoc->sk, &path->addr, &path->saddr))
			d = xsctp_route(asoc->net, asoc->sk, &path->saddr,
					&path->addr);
	}
	if (IS_ERR(d))
		return PTR_ERR(d);
	path->dst = d;
	path->pmtu = dst_mtu(d);
	return 0;
}

/* Bytes of chunks one packet on @path can carry. */
u32 xsctp_path_room(const struct xsctp_path *path)
{
	u32 mtu = path->pmtu ?: 1280;

	return mtu - XSCTP_IP_OVERHEAD(path->addr.sa.sa_family);
}

/*
 * The largest user data one DATA chunk carries (4-byte aligned): what
 * the smallest path MTU leaves, so that data can move to any path, or
 * less if SCTP_MAXSEG asks.  Called under the socket or association lock.
 */
u32 xsctp_assoc_frag_point(const struct xsctp_assoc *asoc)
{
	const struct xsctp_path *p;
	u32 frag = XSCTP_MAX_CHUNK_LEN - XSCTP_DATA_HDR_LEN;

	list_for_each_entry(p, &asoc->paths, list)
		frag = min(frag, xsctp_path_room(p) - XSCTP_DATA_HDR_LEN);
	if (asoc->user_frag)
		frag = min(frag, asoc->user_frag);
	return frag & ~3U;
}

static void push_sctp(struct sk_buff *skb, __be16 sport, __be16 dport,
		      u32 vtag)
{
	struct xsctp_hdr *sh = skb_push(skb, sizeof(*sh));

	skb_reset_transport_header(skb);
	sh->source = sport;
	sh->dest = dport;
	sh->vtag = htonl(vtag);
}

static int xmit4(struct net *net, struct sock *sk, struct sk_buff *skb,
		 const union xsctp_addr *src, const union xsctp_addr *dst,
		 struct dst_entry *d)
{
	struct iphdr *iph = skb_push(skb, sizeof(*iph));

	skb_reset_network_header(skb);
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = sk ? inet_sk(sk)->tos : 0;
	iph->tot_len = htons(skb->len);
	/* RFC 9260 s7.3: SCTP does its own PMTU discovery, and lets IP
	 * fragment only a chunk cut before the path MTU went down
	 */
	iph->frag_off = htons(IP_DF);
	if (skb->len > dst_mtu(d) && !skb_is_gso(skb)) {
		iph->frag_off = 0;
		skb->ignore_df = 1;
	}
	iph->ttl = ip4_dst_hoplimit(d);
	iph->protocol = IPPROTO_SCTP;
	iph->saddr = src->v4.sin_addr.s_addr;
	iph->daddr = dst->v4.sin_addr.s_addr;
	skb->protocol = htons(ETH_P_IP);
	set_crc(skb, d);
	skb_dst_set(skb, d);
	ip_select_ident_segs(net, skb, NULL, skb_shinfo(skb)->gso_segs ?: 1);
	return ip_local_out(net, sk, skb);
}

static int xmit6(struct net *net, struct sock *sk, struct sk_buff *skb,
		 const union xsctp_addr *src, const union xsctp_addr *dst,
		 struct dst_entry *d)
{
	struct ipv6hdr *ip6h = skb_push(skb, sizeof(*ip6h));

	skb_reset_network_header(skb);
	ip6_flow_hdr(ip6h, sk ? inet6_sk(sk) ? inet6_sk(sk)->tclass : 0 : 0,
		     0);
	ip6h->nexthdr = IPPROTO_SCTP;
	ip6h->hop_limit = ip6_dst_hoplimit(d);
	ip6h->saddr = src->v6.sin6_addr;
	ip6h->daddr = dst->v6.sin6_addr;
	skb->protocol = htons(ETH_P_IPV6);
	/* as in xmit4 */
	skb->ignore_df = skb->len > dst_mtu(d) && !skb_is_gso(skb);
	set_crc(skb, d);
	skb_dst_set(skb, d);
	return ip6_local_out(net, sk, skb);
}

static int xsctp_xmit(struct net *net, struct sock *sk, struct sk_buff *skb,
		      const union xsctp_addr *src,
		      const union xsctp_addr *dst, struct dst_entry *d)
{
	if (sk) {
		skb->mark = sk->sk_mark;
		skb->priority = sk->sk_priority;
	}
	xsctp_add_stats(net, XSCTP_MIB_OUTSCTPPACKS,
			skb_shinfo(skb)->gso_segs ?: 1);
	if (dst->sa.sa_family == AF_INET)
		return xmit4(net, sk, skb, src, dst, d);
	return xmit6(net, sk, skb, src, dst, d);
}

/* SCTP_GET_ASSOC_STATS: the packet, and the control chunks in it. */
static void count_one(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct xsctp_assoc_stats *st = &asoc->stats;

	st->opackets++;
	st->octrlchunks += pkt_cb(skb)->ctrl;
	st->osacks += pkt_cb(skb)->sacks;
}

/* ... or every packet of a GSO skb (gso.c) */
static void count_out(struct xsctp_assoc *asoc, struct sk_buff *skb)
{
	struct sk_buff *p;

	if (!skb_is_gso(skb)) {
		count_one(asoc, skb);
		return;
	}
	skb_walk_frags(skb, p)
		count_one(asoc, p);
}

/* Called under the association's lock.  Consumes @skb. */
int xsctp_output(struct xsctp_assoc *asoc, struct xsctp_path *path,
		 struct sk_buff *skb)
{
	int err = xsctp_path_route(path);

	if (err) {
		kfree_skb(skb);
		return err;
	}
	count_out(asoc, skb);
	push_sctp(skb, inet_sk(asoc->sk)->inet_sport,
		  xsctp_addr_port(&path->addr), asoc->peer_vtag);
	return xsctp_xmit(asoc->net, asoc->sk, skb, &path->saddr, &path->addr,
			  dst_clone(path->dst));
}

/*
 * Answers packet @in from the address it was sent to, with @vtag; used
 * where no association exists (RFC 9260 s8.4, s5.1).  Consumes @skb.
 */
int xsctp_output_reply(struct net *net, struct sock *sk,
		       const struct sk_buff *in, u32 vtag,
		       struct sk_buff *skb)
{
	const struct xsctp_hdr *ih = (const void *)skb_transport_header(in);
	union xsctp_addr peer, local;
	struct dst_entry *d;

	xsctp_addr_from_skb(&peer, &local, in);
	d = xsctp_route(net, sk, &local, &peer);
	if (IS_ERR(d)) {
		kfree_skb(skb);
		return PTR_ERR(d);
	}
	push_sctp(skb, ih->dest, ih->source, vtag);
	return xsctp_xmit(net, sk, skb, &local, &peer, d);
}
