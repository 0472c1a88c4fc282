// SPDX-License-Identifier: GPL-2.0
/*
 * The addresses of a multi-homed association (RFC 9260 s5.1.2, s3.3.2.1):
 * the local ones we list in INIT and INIT ACK, and the peer's, taken from
 * the IPv4/IPv6 Address parameters it listed.
 *
 * A socket bound to the wildcard uses every address of its namespace.
 * They are enumerated when an INIT or INIT ACK is built rather than
 * mirrored in a list kept current by address notifiers: the answer is
 * always today's, and nothing is kept per socket.
 */
#include <linux/inetdevice.h>
#include <net/addrconf.h>
#include <net/if_inet6.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/chunk.h>
#include <net/xsctp/laddr.h>
#include <net/xsctp/output.h>
#include <net/xsctp/wire.h>

static bool v4_listable(__be32 a, bool loopback_peer)
{
	if (ipv4_is_zeronet(a) || ipv4_is_multicast(a) || ipv4_is_lbcast(a))
		return false;
	/* s5.1.2: a loopback address means nothing to a remote peer */
	return loopback_peer || !ipv4_is_loopback(a);
}

static bool v6_listable(const struct in6_addr *a, bool loopback_peer)
{
	int type = ipv6_addr_type(a);

	if (type & (IPV6_ADDR_ANY | IPV6_ADDR_MULTICAST | IPV6_ADDR_MAPPED))
		return false;
	/* a link-local address is only meaningful with its link: the peer
	 * reaches us there through the packet's own source address
	 */
	if (type & IPV6_ADDR_LINKLOCAL)
		return false;
	return loopback_peer || !(type & IPV6_ADDR_LOOPBACK);
}

struct collect {
	union xsctp_addr *a;
	int n, max;
	bool lo;		/* loopback addresses too */
};

static bool add(struct collect *c, const union xsctp_addr *a)
{
	if (c->n >= c->max)
		return false;
	c->a[c->n++] = *a;
	return true;
}

static void list_v4(struct net_device *dev, struct collect *c)
{
	struct in_device *in_dev = __in_dev_get_rcu(dev);
	const struct in_ifaddr *ifa;
	union xsctp_addr a;

	if (!in_dev)
		return;
	in_dev_for_each_ifa_rcu(ifa, in_dev) {
		if (!v4_listable(ifa->ifa_local, c->lo))
			continue;
		xsctp_addr_v4(&a, ifa->ifa_local, 0);
		if (!add(c, &a))
			return;
	}
}

static void list_v6(struct net_device *dev, struct collect *c)
{
	struct inet6_dev *idev = __in6_dev_get(dev);
	struct inet6_ifaddr *ifp;
	union xsctp_addr a;

	if (!idev)
		return;
	read_lock_bh(&idev->lock);
	list_for_each_entry(ifp, &idev->addr_list, if_list) {
		if ((ifp->flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED)) ||
		    !v6_listable(&ifp->addr, c->lo))
			continue;
		xsctp_addr_v6(&a, &ifp->addr, 0, 0);
		if (!add(c, &a))
			break;
	}
	read_unlock_bh(&idev->lock);
}

/*
 * Up to @max addresses of @sk's namespace into @out, IPv4 ones if @v4,
 * IPv6 ones if @v6, loopback ones if @lo; returns how many.
 */
int xsctp_laddr_all(struct sock *sk, bool v4, bool v6, bool lo,
		    union xsctp_addr *out, int max)
{
	struct collect c = { .a = out, .max = max, .lo = lo };
	struct net_device *dev;

	rcu_read_lock();
	for_each_netdev_rcu(sock_net(sk), dev) {
		if (v4)
			list_v4(dev, &c);
		if (v6)
			list_v6(dev, &c);
	}
	rcu_read_unlock();
	return c.n;
}

static bool listable(const union xsctp_addr *a, bool v4, bool v6, bool lo)
{
	if (a->sa.sa_family == AF_INET)
		return v4 && v4_listable(a->v4.sin_addr.s_addr, lo);
	return v6 && v6_listable(&a->v6.sin6_addr, lo);
}

/*
 * The local addresses @sk offers a peer at @peer (RFC 9260 s5.1.2): the
 * ones sctp_bindx() gave it, or for the wildcard every usable address of
 * the namespace; IPv4 ones if @v4, IPv6 ones if @v6.  Fewer than two
 * means there is nothing to list: the packet's source address says it.
 */
void xsctp_laddr_collect(struct sock *sk, const union xsctp_addr *peer,
			 bool v4, bool v6, struct xsctp_laddrs *l)
{
	bool lo = peer->sa.sa_family == AF_INET ?
		  ipv4_is_loopback(peer->v4.sin_addr.s_addr) :
		  ipv6_addr_loopback(&peer->v6.sin6_addr);
	union xsctp_addr set[XSCTP_MAX_BOUND];
	int n, i;

	l->n = 0;
	n = xsctp_sk_local_addrs(sk, set, XSCTP_MAX_BOUND);
	if (!n)
		l->n = xsctp_laddr_all(sk, v4, v6, lo, l->a, ARRAY_SIZE(l->a));
	for (i = 0; i < n && l->n < ARRAY_SIZE(l->a); i++)
		if (listable(&set[i], v4, v6, lo))
			l->a[l->n++] = set[i];
	if (l->n < 2)
		l->n = 0;
}

/* Bytes the Address parameters for @l take. */
u32 xsctp_laddr_len(const struct xsctp_laddrs *l)
{
	u32 i, len = 0;

	for (i = 0; i < l->n; i++)
		len += l->a[i].sa.sa_family == AF_INET ? 8 : 20;
	return len;
}

/*
 * Writes one IPv4 or IPv6 Address parameter per address (s3.3.2.1) at
 * @to, which has xsctp_laddr_len() bytes; returns where they end.
 */
void *xsctp_laddr_put(void *to, const struct xsctp_laddrs *l)
{
	struct xsctp_paramhdr *ph = to;
	u32 i;

	for (i = 0; i < l->n; i++) {
		const union xsctp_addr *a = &l->a[i];
		bool v4 = a->sa.sa_family == AF_INET;

		ph->type = htons(v4 ? XSCTP_PARAM_IPV4 : XSCTP_PARAM_IPV6);
		ph->length = htons(v4 ? 8 : 20);
		if (v4)
			memcpy(ph + 1, &a->v4.sin_addr, 4);
		else
			memcpy(ph + 1, &a->v6.sin6_addr, 16);
		ph = (void *)ph + (v4 ? 8 : 20);
	}
	return ph;
}

/*
 * A peer address listed in INIT or INIT ACK, as a transport address on
 * @src's port, if this socket may use it.  The packet came from @src:
 * loopback addresses only count from a loopback peer, IPv6 ones only on
 * an IPv6 socket, IPv4 ones unless it is IPv6-only.
 */
bool xsctp_laddr_peer(const struct sock *sk, const struct xsctp_init_addr *ia,
		      const union xsctp_addr *src, union xsctp_addr *out)
{
	bool lo = src->sa.sa_family == AF_INET ?
		  ipv4_is_loopback(src->v4.sin_addr.s_addr) :
		  ipv6_addr_loopback(&src->v6.sin6_addr);
	__be16 port = xsctp_addr_port(src);

	if (ia->type == XSCTP_PARAM_IPV4) {
		__be32 a;

		memcpy(&a, ia->addr, 4);
		if (sk->sk_ipv6only || !v4_listable(a, lo))
			return false;
		xsctp_addr_v4(out, a, port);
		return true;
	}
	if (sk->sk_family != AF_INET6 ||
	    !v6_listable((const struct in6_addr *)ia->addr, lo))
		return false;
	xsctp_addr_v6(out, (const struct in6_addr *)ia->addr, port, 0);
	return true;
}
