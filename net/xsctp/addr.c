// SPDX-License-Identifier: GPL-2.0
/* Transport address helpers shared by the socket API and the packet path. */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/xsctp/addr.h>
#include <net/xsctp/wire.h>

bool xsctp_addr_eq(const union xsctp_addr *a, const union xsctp_addr *b)
{
	if (a->sa.sa_family != b->sa.sa_family)
		return false;
	if (a->sa.sa_family == AF_INET)
		return a->v4.sin_addr.s_addr == b->v4.sin_addr.s_addr &&
		       a->v4.sin_port == b->v4.sin_port;
	return ipv6_addr_equal(&a->v6.sin6_addr, &b->v6.sin6_addr) &&
	       a->v6.sin6_port == b->v6.sin6_port;
}

bool xsctp_addr_any(const union xsctp_addr *a)
{
	if (a->sa.sa_family == AF_INET)
		return a->v4.sin_addr.s_addr == htonl(INADDR_ANY);
	return ipv6_addr_any(&a->v6.sin6_addr);
}

void xsctp_addr_v4(union xsctp_addr *a, __be32 ip, __be16 port)
{
	memset(a, 0, sizeof(*a));
	a->v4.sin_family = AF_INET;
	a->v4.sin_addr.s_addr = ip;
	a->v4.sin_port = port;
}

void xsctp_addr_v6(union xsctp_addr *a, const struct in6_addr *ip,
		   __be16 port, int ifindex)
{
	if (ipv6_addr_v4mapped(ip)) {
		xsctp_addr_v4(a, ip->s6_addr32[3], port);
		return;
	}
	memset(a, 0, sizeof(*a));
	a->v6.sin6_family = AF_INET6;
	a->v6.sin6_addr = *ip;
	a->v6.sin6_port = port;
	if (ipv6_addr_type(ip) & IPV6_ADDR_LINKLOCAL)
		a->v6.sin6_scope_id = ifindex;
}

void xsctp_key_make(struct xsctp_key *k, const union xsctp_addr *peer,
		    __be16 lport)
{
	memset(k, 0, sizeof(*k));
	if (peer->sa.sa_family == AF_INET)
		ipv6_addr_set_v4mapped(peer->v4.sin_addr.s_addr, &k->paddr);
	else
		k->paddr = peer->v6.sin6_addr;
	k->lport = lport;
	k->pport = xsctp_addr_port(peer);
}

/*
 * Validates a sockaddr from the user as Linux does: EINVAL for a short
 * length, EAFNOSUPPORT for a family the socket cannot use.
 */
int xsctp_addr_from_user(union xsctp_addr *a, const struct sockaddr *sa,
			 int len, bool v6only)
{
	if (len < (int)sizeof(sa->sa_family))
		return -EINVAL;
	switch (sa->sa_family) {
	case AF_INET:
		if (len < (int)sizeof(struct sockaddr_in))
			return -EINVAL;
		xsctp_addr_v4(a, ((struct sockaddr_in *)sa)->sin_addr.s_addr,
			      ((struct sockaddr_in *)sa)->sin_port);
		return 0;
	case AF_INET6: {
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;

		if (len < SIN6_LEN_RFC2133)
			return -EINVAL;
		if (v6only && ipv6_addr_v4mapped(&s6->sin6_addr))
			return -EINVAL;
		xsctp_addr_v6(a, &s6->sin6_addr, s6->sin6_port,
			      s6->sin6_scope_id);
		return 0;
	}
	default:
		return -EAFNOSUPPORT;
	}
}

/* Fills @out as the user sees @a; v6 sockets see IPv4 v4-mapped. */
int xsctp_addr_to_user(const union xsctp_addr *a, bool v6sock,
		       struct sockaddr *out)
{
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)out;

	if (a->sa.sa_family == AF_INET && !v6sock) {
		memcpy(out, &a->v4, sizeof(a->v4));
		return sizeof(a->v4);
	}
	if (a->sa.sa_family == AF_INET) {
		memset(s6, 0, sizeof(*s6));
		s6->sin6_family = AF_INET6;
		s6->sin6_port = a->v4.sin_port;
		ipv6_addr_set_v4mapped(a->v4.sin_addr.s_addr, &s6->sin6_addr);
		return sizeof(*s6);
	}
	memcpy(out, &a->v6, sizeof(a->v6));
	return sizeof(a->v6);
}

/* The packet's source (the peer) and destination (us), with ports. */
void xsctp_addr_from_skb(union xsctp_addr *src, union xsctp_addr *dst,
			 const struct sk_buff *skb)
{
	const struct xsctp_hdr *sh = (const void *)skb_transport_header(skb);

	if (ip_hdr(skb)->version == 4) {
		xsctp_addr_v4(src, ip_hdr(skb)->saddr, sh->source);
		xsctp_addr_v4(dst, ip_hdr(skb)->daddr, sh->dest);
	} else {
		xsctp_addr_v6(src, &ipv6_hdr(skb)->saddr, sh->source,
			      skb->skb_iif);
		xsctp_addr_v6(dst, &ipv6_hdr(skb)->daddr, sh->dest,
			      skb->skb_iif);
	}
}
