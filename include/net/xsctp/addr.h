/* SPDX-License-Identifier: GPL-2.0 */
/* Transport addresses: one form for IPv4 and IPv6, and the lookup key. */
#ifndef _XSCTP_ADDR_H
#define _XSCTP_ADDR_H

#include <linux/in.h>
#include <linux/in6.h>
#include <net/ipv6.h>

/* IPv4 is kept as AF_INET even when a v6 socket saw it v4-mapped. */
union xsctp_addr {
	struct sockaddr sa;
	struct sockaddr_in v4;
	struct sockaddr_in6 v6;
};

/* Path table key: a peer address is unique per port pair. */
struct xsctp_key {
	struct in6_addr paddr;		/* IPv4 as v4-mapped */
	__be16 lport;
	__be16 pport;
};

static inline __be16 xsctp_addr_port(const union xsctp_addr *a)
{
	return a->sa.sa_family == AF_INET ? a->v4.sin_port : a->v6.sin6_port;
}

static inline void xsctp_addr_set_port(union xsctp_addr *a, __be16 port)
{
	if (a->sa.sa_family == AF_INET)
		a->v4.sin_port = port;
	else
		a->v6.sin6_port = port;
}

bool xsctp_addr_eq(const union xsctp_addr *a, const union xsctp_addr *b);
bool xsctp_addr_any(const union xsctp_addr *a);
void xsctp_addr_v4(union xsctp_addr *a, __be32 ip, __be16 port);
void xsctp_addr_v6(union xsctp_addr *a, const struct in6_addr *ip,
		   __be16 port, int ifindex);
void xsctp_key_make(struct xsctp_key *k, const union xsctp_addr *peer,
		    __be16 lport);
int xsctp_addr_from_user(union xsctp_addr *a, const struct sockaddr *sa,
			 int len, bool v6only);
int xsctp_addr_to_user(const union xsctp_addr *a, bool v6sock,
		       struct sockaddr *out);
void xsctp_sk_source(const struct sock *sk, const union xsctp_addr *peer,
		     union xsctp_addr *src);
bool xsctp_sk_wildcard(const struct sock *sk);
int xsctp_sk_local_addrs(const struct sock *sk, union xsctp_addr *out,
			 int max);
bool xsctp_sk_has_laddr(const struct sock *sk, const union xsctp_addr *a);
bool xsctp_sk_addrs_overlap(const struct sock *a, const struct sock *b);
void xsctp_addr_from_skb(union xsctp_addr *src, union xsctp_addr *dst,
			 const struct sk_buff *skb);

#endif /* _XSCTP_ADDR_H */
