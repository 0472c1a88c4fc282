// SPDX-License-Identifier: GPL-2.0
/*
 * Endpoints' local addresses (RFC 9260 s1.3 "SCTP endpoint"): bind() and
 * sctp_bindx() (RFC 6458 s9.1), the per-netns table of bound sockets by
 * port, and the questions the rest asks about them: may a packet to this
 * address reach this socket, do two sockets share an address, which
 * source address does a path use.
 *
 * A socket has the address bind() gave it (inet_rcv_saddr /
 * sk_v6_rcv_saddr, possibly the wildcard) and, once sctp_bindx() added
 * more, a list of all of them under RCU: packets look at it in softirq
 * while bindx replaces it whole.
 */
#include <net/addrconf.h>
#include <net/ip.h>
#include <net/transp_v6.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/sock.h>

/*
 * Bound sockets by port (inet_num, host order).  Several share a port
 * (other local addresses, SO_REUSEPORT), hence a list table; and it
 * grows with the count: in a fixed 256-bucket table, bind(), each port
 * connect() tried and every INIT walked a chain of n/256 sockets, 400
 * with 100k client sockets in a namespace.
 */
static const struct rhashtable_params bind_params = {
	.head_offset = offsetof(struct xsctp_sock, bind_node),
	.key_offset = offsetof(struct xsctp_sock, inet.inet_num),
	.key_len = sizeof_field(struct inet_sock, inet_num),
	.automatic_shrinking = true,
};

/* Under RCU: the sockets bound to @port, NULL if none. */
static struct rhlist_head *port_socks(struct xsctp_net *xn, u16 port)
{
	return rhltable_lookup(&xn->binds, &port, bind_params);
}

int xsctp_bind_net_init(struct xsctp_net *xn)
{
	spin_lock_init(&xn->bind_lock);
	return rhltable_init(&xn->binds, &bind_params);
}

/* Every socket of the namespace is gone: the table is empty. */
void xsctp_bind_net_exit(struct xsctp_net *xn)
{
	rhltable_destroy(&xn->binds);
}

/* The socket's own bound address, as a transport address. */
static void sk_local(const struct sock *sk, union xsctp_addr *a)
{
	if (sk->sk_family == AF_INET6)
		xsctp_addr_v6(a, &sk->sk_v6_rcv_saddr, inet_sk(sk)->inet_sport,
			      sk->sk_bound_dev_if);
	else
		xsctp_addr_v4(a, inet_sk(sk)->inet_rcv_saddr,
			      inet_sk(sk)->inet_sport);
}

/* bind()'s address with port 0, a v4-mapped one as IPv4. */
static void sk_ip(const struct sock *sk, union xsctp_addr *a)
{
	sk_local(sk, a);
	if (a->sa.sa_family == AF_INET6 && ipv6_addr_v4mapped(&a->v6.sin6_addr))
		xsctp_addr_v4(a, a->v6.sin6_addr.s6_addr32[3], 0);
	xsctp_addr_set_port(a, 0);
}

/*
 * The address @sk is bound to, as a source for packets to @peer's family
 * (a v4-mapped one as IPv4); AF_UNSPEC when bound to the wildcard or to
 * the other family, and routing picks the source.
 */
void xsctp_sk_source(const struct sock *sk, const union xsctp_addr *peer,
		     union xsctp_addr *src)
{
	union xsctp_addr a;

	sk_ip(sk, &a);
	src->sa.sa_family = AF_UNSPEC;
	/* several addresses: routing picks, output.c keeps it in the set */
	if (xsctp_addr_any(&a) || rcu_access_pointer(xsctp_sk(sk)->bound))
		return;
	if (a.sa.sa_family == peer->sa.sa_family)
		*src = a;
}

bool xsctp_sk_wildcard(const struct sock *sk)
{
	union xsctp_addr a;

	sk_local(sk, &a);
	return xsctp_addr_any(&a);
}

/*
 * The socket's specific addresses where they are, ports 0: its list, or
 * bind()'s address put in @own; *@n is 0 for the wildcard.  Called under
 * RCU or the socket lock.
 */
static const union xsctp_addr *bound_view(const struct sock *sk,
					  union xsctp_addr *own, int *n)
{
	const struct xsctp_bound *b;

	b = rcu_dereference_check(xsctp_sk(sk)->bound,
				  lockdep_sock_is_held(sk));
	if (b) {
		*n = b->n;
		return b->a;
	}
	sk_ip(sk, own);
	*n = !xsctp_addr_any(own);
	return own;
}

/* The same, copied: at most @max of them. */
static int bound_set(const struct sock *sk, union xsctp_addr *out, int max)
{
	const union xsctp_addr *a;
	union xsctp_addr own;
	int n;

	a = bound_view(sk, &own, &n);
	n = min(n, max);
	memcpy(out, a, n * sizeof(*out));
	return n;
}

/* Can a packet for local address @a reach socket @sk? */
bool xsctp_sk_has_laddr(const struct sock *sk, const union xsctp_addr *a)
{
	const union xsctp_addr *set;
	union xsctp_addr ip = *a, own;
	bool found;
	int n, i;

	if (a->sa.sa_family == AF_INET6 && sk->sk_family == AF_INET)
		return false;
	if (a->sa.sa_family == AF_INET && sk->sk_family == AF_INET6 &&
	    sk->sk_ipv6only)
		return false;
	xsctp_addr_set_port(&ip, 0);
	/* on every packet's lookup: the list is read in place, not copied */
	rcu_read_lock();
	set = bound_view(sk, &own, &n);
	found = !n;
	for (i = 0; i < n && !found; i++)
		found = xsctp_addr_eq(&set[i], &ip);
	rcu_read_unlock();
	return found;
}

/* Could one local transport address belong to both sockets? */
bool xsctp_sk_addrs_overlap(const struct sock *a, const struct sock *b)
{
	union xsctp_addr set[XSCTP_MAX_BOUND];
	int n, i;

	rcu_read_lock();
	n = bound_set(a, set, XSCTP_MAX_BOUND);
	rcu_read_unlock();
	if (!n || xsctp_sk_wildcard(b))
		return true;
	for (i = 0; i < n; i++)
		if (xsctp_sk_has_laddr(b, &set[i]))
			return true;
	return false;
}

/*
 * The bound addresses of @sk, for listing to a peer or to the user; 0
 * when bound to the wildcard.
 */
int xsctp_sk_local_addrs(const struct sock *sk, union xsctp_addr *out,
			 int max)
{
	int n;

	rcu_read_lock();
	n = bound_set(sk, out, max);
	rcu_read_unlock();
	return n;
}

static bool accepts_init(const struct sock *sk)
{
	if (xsctp_style_tcp(sk))
		return sk->sk_state == TCP_LISTEN;
	return READ_ONCE(xsctp_sk(sk)->listening);
}

/* An endpoint for a packet to @laddr:@port; returned with a reference. */
struct sock *xsctp_lookup_listener(struct net *net, const void *laddr,
				   __be16 port)
{
	struct xsctp_net *xn = xsctp_net(net);
	struct sock *found = NULL;
	struct rhlist_head *pos;
	struct xsctp_sock *xs;

	rcu_read_lock();
	rhl_for_each_entry_rcu(xs, pos, port_socks(xn, ntohs(port)), bind_node) {
		struct sock *sk = &xs->inet.sk;

		if (!accepts_init(sk) || !xsctp_sk_has_laddr(sk, laddr))
			continue;
		if (refcount_inc_not_zero(&sk->sk_refcnt))
			found = sk;
		break;
	}
	rcu_read_unlock();
	return found;
}

/* Called under bind_lock: would @sk on @port clash with a bound socket? */
static bool port_taken(struct xsctp_net *xn, struct sock *sk, u16 port,
		       const union xsctp_addr *a)
{
	bool reuse = sk->sk_reuse || xsctp_sk(sk)->opts.reuse;
	struct rhlist_head *pos;
	struct xsctp_sock *xs;
	bool taken = false;

	rcu_read_lock();
	rhl_for_each_entry_rcu(xs, pos, port_socks(xn, port), bind_node) {
		struct sock *o = &xs->inet.sk;
		union xsctp_addr theirs;

		if (o == sk)
			continue;
		if (sk->sk_reuseport && o->sk_reuseport)
			continue;
		/* SCTP_REUSE_PORT (RFC 6458 s8.1.27) acts as SO_REUSEADDR */
		if (reuse && (o->sk_reuse || xs->opts.reuse) &&
		    !accepts_init(o))
			continue;
		sk_local(o, &theirs);
		taken = xsctp_addr_any(&theirs) || xsctp_addr_any(a) ||
			xsctp_sk_has_laddr(o, a);
		if (taken)
			break;
	}
	rcu_read_unlock();
	return taken;
}

/* Picks a free ephemeral port, as inet_csk_get_port() would. */
static u16 pick_port(struct xsctp_net *xn, struct net *net, struct sock *sk,
		     const union xsctp_addr *a)
{
	int low, high;
	u32 i, n, start;

	inet_get_local_port_range(net, &low, &high);
	n = high - low + 1;
	start = get_random_u32_below(n);
	for (i = 0; i < n; i++) {
		u16 port = low + (start + i) % n;

		if (!inet_is_local_reserved_port(net, port) &&
		    !port_taken(xn, sk, port, a))
			return port;
	}
	return 0;
}

static int check_local(struct sock *sk, const union xsctp_addr *a)
{
	struct net *net = sock_net(sk);

	if (xsctp_addr_any(a))
		return 0;
	if (a->sa.sa_family == AF_INET) {
		if (inet_addr_type(net, a->v4.sin_addr.s_addr) != RTN_LOCAL &&
		    !inet_can_nonlocal_bind(net, inet_sk(sk)))
			return -EADDRNOTAVAIL;
		return 0;
	}
	if (!ipv6_chk_addr(net, &a->v6.sin6_addr, NULL, 0))
		return -EADDRNOTAVAIL;
	return 0;
}

static void set_local(struct sock *sk, const union xsctp_addr *a, u16 port)
{
	struct inet_sock *inet = inet_sk(sk);

	inet->inet_num = port;
	inet->inet_sport = htons(port);
	if (a->sa.sa_family == AF_INET) {
		inet->inet_rcv_saddr = a->v4.sin_addr.s_addr;
		inet->inet_saddr = a->v4.sin_addr.s_addr;
		if (sk->sk_family == AF_INET6) {
			if (xsctp_addr_any(a))
				sk->sk_v6_rcv_saddr = in6addr_any;
			else
				ipv6_addr_set_v4mapped(a->v4.sin_addr.s_addr,
						       &sk->sk_v6_rcv_saddr);
		}
	} else {
		sk->sk_v6_rcv_saddr = a->v6.sin6_addr;
		inet->inet_rcv_saddr = LOOPBACK4_IPV6;
		if (xsctp_addr_any(a))
			inet->inet_rcv_saddr = 0;
	}
}

/* Called under the socket lock. */
int xsctp_bind_addr(struct sock *sk, const union xsctp_addr *a)
{
	struct xsctp_net *xn = xsctp_net(sock_net(sk));
	u16 port = ntohs(xsctp_addr_port(a));
	int err;

	if (inet_sk(sk)->inet_num)
		return -EINVAL;
	err = check_local(sk, a);
	if (err)
		return err;
	if (port && inet_port_requires_bind_service(sock_net(sk), port) &&
	    !ns_capable(sock_net(sk)->user_ns, CAP_NET_BIND_SERVICE))
		return -EACCES;
	spin_lock_bh(&xn->bind_lock);
	if (!port)
		port = pick_port(xn, sock_net(sk), sk, a);
	if (!port || port_taken(xn, sk, port, a)) {
		spin_unlock_bh(&xn->bind_lock);
		return port ? -EADDRINUSE : -EAGAIN;
	}
	set_local(sk, a, port);
	err = rhltable_insert(&xn->binds, &xsctp_sk(sk)->bind_node,
			      bind_params);
	if (err) {
		union xsctp_addr none;

		xsctp_addr_v4(&none, htonl(INADDR_ANY), 0);
		set_local(sk, &none, 0);
	}
	xsctp_sk(sk)->hashed = !err;
	spin_unlock_bh(&xn->bind_lock);
	return err;
}

/* Binds to the wildcard address and an ephemeral port if not bound. */
int xsctp_autobind(struct sock *sk)
{
	union xsctp_addr any;

	if (inet_sk(sk)->inet_num)
		return 0;
	if (sk->sk_family == AF_INET6)
		xsctp_addr_v6(&any, &in6addr_any, 0, 0);
	else
		xsctp_addr_v4(&any, htonl(INADDR_ANY), 0);
	return xsctp_bind_addr(sk, &any);
}

/* Called when the socket goes: out of the table, its list freed. */
void xsctp_unbind(struct sock *sk)
{
	struct xsctp_net *xn = xsctp_net(sock_net(sk));
	struct xsctp_sock *xs = xsctp_sk(sk);
	struct xsctp_bound *b;

	spin_lock_bh(&xn->bind_lock);
	if (xs->hashed)
		rhltable_remove(&xn->binds, &xs->bind_node, bind_params);
	xs->hashed = false;
	b = rcu_replace_pointer(xs->bound, NULL, true);
	spin_unlock_bh(&xn->bind_lock);
	if (b)
		kfree_rcu(b, rcu);
}

/* Installs @n addresses as @sk's list (or none, n == 0), under bind_lock. */
static int set_list(struct sock *sk, const union xsctp_addr *a, int n)
{
	struct xsctp_bound *b = NULL, *old;

	if (n) {
		b = kzalloc(sizeof(*b), GFP_ATOMIC);
		if (!b)
			return -ENOMEM;
		b->n = n;
		memcpy(b->a, a, n * sizeof(*a));
	}
	old = rcu_replace_pointer(xsctp_sk(sk)->bound, b, true);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

/*
 * RFC 6458 s9.1: sctp_bindx(SCTP_BINDX_ADD_ADDR) on a bound socket adds
 * @a to its addresses, on its port.  Called under the socket lock.  New
 * associations use it; existing ones would need ASCONF (RFC 5061).
 */
int xsctp_bind_add(struct sock *sk, const union xsctp_addr *a)
{
	struct xsctp_net *xn = xsctp_net(sock_net(sk));
	u16 port = inet_sk(sk)->inet_num;
	union xsctp_addr set[XSCTP_MAX_BOUND], ip = *a;
	int n, err;

	if (!port)
		return xsctp_bind_addr(sk, a);
	if (xsctp_addr_port(a) && ntohs(xsctp_addr_port(a)) != port)
		return -EINVAL;
	if (xsctp_sk_wildcard(sk) || xsctp_addr_any(a))
		return -EINVAL;	/* the wildcard has every address already */
	xsctp_addr_set_port(&ip, htons(port));
	if (xsctp_sk_has_laddr(sk, &ip))
		return 0;
	err = check_local(sk, a);
	if (err)
		return err;
	n = bound_set(sk, set, XSCTP_MAX_BOUND);
	if (n == XSCTP_MAX_BOUND)
		return -ENOSPC;
	xsctp_addr_set_port(&ip, 0);
	set[n++] = ip;
	spin_lock_bh(&xn->bind_lock);
	xsctp_addr_set_port(&ip, htons(port));
	err = port_taken(xn, sk, port, &ip) ? -EADDRINUSE :
	      set_list(sk, set, n);
	spin_unlock_bh(&xn->bind_lock);
	return err;
}

/*
 * sctp_bindx(SCTP_BINDX_REM_ADDR): the last address cannot go (EBUSY);
 * one not bound is EINVAL.  bind()'s address, if removed, is replaced by
 * the next so that getsockname() stays true.  Under the socket lock.
 */
int xsctp_bind_rem(struct sock *sk, const union xsctp_addr *a)
{
	struct xsctp_net *xn = xsctp_net(sock_net(sk));
	union xsctp_addr set[XSCTP_MAX_BOUND], ip = *a, first;
	bool was_first;
	int n, i, err;

	if (!inet_sk(sk)->inet_num)
		return -EINVAL;
	sk_ip(sk, &first);
	n = bound_set(sk, set, XSCTP_MAX_BOUND);
	if (n <= 1)
		return n ? -EBUSY : -EINVAL;
	xsctp_addr_set_port(&ip, 0);
	for (i = 0; i < n && !xsctp_addr_eq(&set[i], &ip); i++)
		;
	if (i == n)
		return -EINVAL;
	was_first = xsctp_addr_eq(&set[i], &first);
	set[i] = set[--n];
	spin_lock_bh(&xn->bind_lock);
	err = set_list(sk, set, n > 1 ? n : 0);
	if (!err && (n == 1 || was_first))
		set_local(sk, &set[0], inet_sk(sk)->inet_num);
	spin_unlock_bh(&xn->bind_lock);
	return err;
}

/* An accepted socket has its listener's addresses. */
int xsctp_bind_inherit(struct sock *nsk, const struct sock *sk)
{
	union xsctp_addr set[XSCTP_MAX_BOUND];
	const struct xsctp_bound *b;
	int n = 0;

	rcu_read_lock();
	b = rcu_dereference(xsctp_sk(sk)->bound);
	if (b)
		n = bound_set(sk, set, XSCTP_MAX_BOUND);
	rcu_read_unlock();
	RCU_INIT_POINTER(xsctp_sk(nsk)->bound, NULL);
	return n ? set_list(nsk, set, n) : 0;
}
