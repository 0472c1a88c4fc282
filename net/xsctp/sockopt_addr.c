// SPDX-License-Identifier: GPL-2.0
/*
 * The address-list options behind libsctp's sctp_bindx(), sctp_connectx(),
 * sctp_getpaddrs() and sctp_getladdrs() (RFC 6458 s9.1, s9.9, s9.3, s9.5).
 * Addresses travel packed: each sockaddr as long as its family says.
 * Until multihoming lands an endpoint has one address and an association
 * one path: asking for more is refused with EOPNOTSUPP.
 */
#include <linux/inetdevice.h>
#include <net/addrconf.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/sock.h>

/* Bounds what one call may pass, as Linux does (a page of addresses). */
#define XSCTP_ADDRS_MAX		PAGE_SIZE

/* Unpacks addresses; returns how many, or an errno. */
static int unpack(struct sock *sk, const u8 *buf, unsigned int len,
		  union xsctp_addr *out, int max)
{
	unsigned int off = 0;
	int n = 0, err;

	while (off < len) {
		const struct sockaddr *sa = (const void *)(buf + off);
		unsigned int size;

		if (len - off < sizeof(sa_family_t))
			return -EINVAL;
		size = sa->sa_family == AF_INET ? sizeof(struct sockaddr_in) :
		       sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6) :
		       0;
		if (!size || len - off < size)
			return -EINVAL;
		if (n == max)
			return -EOPNOTSUPP;
		err = xsctp_addr_from_user(&out[n], sa, size, sk->sk_ipv6only);
		if (err)
			return err;
		if (out[n].sa.sa_family == AF_INET6 &&
		    sk->sk_family == AF_INET)
			return -EINVAL;
		n++;
		off += size;
	}
	return n ? n : -EINVAL;
}

/* Copies the user's packed list in and takes its one address. */
static int read_addr(struct sock *sk, sockptr_t val, unsigned int len,
		     union xsctp_addr *a)
{
	u8 *buf;
	int n;

	if (!len || len > XSCTP_ADDRS_MAX)
		return -EINVAL;
	buf = memdup_sockptr(val, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	n = unpack(sk, buf, len, a, 1);
	kfree(buf);
	return n < 0 ? n : 0;
}

/* Called under the socket lock. */
static int bindx(struct sock *sk, int optname, sockptr_t val,
		 unsigned int len)
{
	union xsctp_addr a, mine;
	int err;

	err = read_addr(sk, val, len, &a);
	if (err)
		return err;
	if (optname == SCTP_SOCKOPT_BINDX_REM)
		/* the endpoint's only address cannot go (Linux: EBUSY) */
		return inet_sk(sk)->inet_num ? -EBUSY : -EINVAL;
	if (!inet_sk(sk)->inet_num)
		return xsctp_bind_addr(sk, &a);
	/* already bound: the same address again is fine, another is not */
	if (sk->sk_family == AF_INET6)
		xsctp_addr_v6(&mine, &sk->sk_v6_rcv_saddr,
			      inet_sk(sk)->inet_sport, 0);
	else
		xsctp_addr_v4(&mine, inet_sk(sk)->inet_rcv_saddr,
			      inet_sk(sk)->inet_sport);
	if (!xsctp_addr_port(&a))
		xsctp_addr_set_port(&a, inet_sk(sk)->inet_sport);
	if (xsctp_addr_port(&a) != inet_sk(sk)->inet_sport)
		return -EINVAL;
	return xsctp_addr_eq(&a, &mine) ? 0 : -EOPNOTSUPP;
}

/* Called under the socket lock; returns the new association's id. */
static int connectx(struct sock *sk, u8 __user *uaddrs,
		    unsigned int len, sctp_assoc_t *id)
{
	union xsctp_addr a;
	int err;

	err = read_addr(sk, USER_SOCKPTR(uaddrs), len, &a);
	if (err)
		return err;
	return xsctp_do_connect(sk, &a, sk->sk_socket->file &&
				(sk->sk_socket->file->f_flags & O_NONBLOCK),
				id);
}

int xsctp_addr_setsockopt(struct sock *sk, int optname, sockptr_t val,
			  unsigned int len)
{
	sctp_assoc_t id = 0;
	int err;

	switch (optname) {
	case SCTP_SOCKOPT_BINDX_ADD:
	case SCTP_SOCKOPT_BINDX_REM:
		return bindx(sk, optname, val, len);
	case SCTP_SOCKOPT_CONNECTX:
	case SCTP_SOCKOPT_CONNECTX_OLD:
		if (sockptr_is_kernel(val))
			return -EINVAL;
		err = connectx(sk, val.user, len, &id);
		/* CONNECTX returns the id; EINPROGRESS still made one */
		if (optname == SCTP_SOCKOPT_CONNECTX &&
		    (!err || err == -EINPROGRESS))
			return err ?: id;
		return err;
	default:
		return -ENOPROTOOPT;
	}
}

/* Appends one address in the user's format; false when out of room. */
static bool put_addr(struct sock *sk, const union xsctp_addr *a,
		     u8 __user **to, int *left, u32 *num)
{
	struct sockaddr_in6 tmp;
	int n = xsctp_addr_to_user(a, sk->sk_family == AF_INET6,
				   (struct sockaddr *)&tmp);

	if (*left < n || copy_to_user(*to, &tmp, n))
		return false;
	*to += n;
	*left -= n;
	(*num)++;
	return true;
}

/* Every address of the namespace, for a wildcard-bound endpoint. */
static int put_all_local(struct sock *sk, u8 __user **to, int *left,
			 u32 *num)
{
	__be16 port = inet_sk(sk)->inet_sport;
	struct net_device *dev;
	union xsctp_addr a;
	int err = 0;

	rcu_read_lock();
	for_each_netdev_rcu(sock_net(sk), dev) {
		struct in_device *in = __in_dev_get_rcu(dev);
		const struct in_ifaddr *ifa;

		if (!in)
			continue;
		in_dev_for_each_ifa_rcu(ifa, in) {
			xsctp_addr_v4(&a, ifa->ifa_local, port);
			if (!put_addr(sk, &a, to, left, num))
				err = -ENOMEM;
		}
	}
	rcu_read_unlock();
	return err;
}

static int get_addrs(struct sock *sk, int optname, char __user *optval,
		     int __user *optlen, int len)
{
	struct sctp_getaddrs ga;
	struct xsctp_assoc *asoc = NULL;
	u8 __user *to = (u8 __user *)optval + sizeof(ga);
	int left = len - (int)sizeof(ga), err = 0;
	union xsctp_addr a;
	u32 num = 0;

	if (len < (int)sizeof(ga))
		return -EINVAL;
	if (copy_from_user(&ga, optval, sizeof(ga)))
		return -EFAULT;
	if (xsctp_style_tcp(sk) || ga.assoc_id)
		asoc = xsctp_style_tcp(sk) ? xsctp_sk_first_assoc(sk) :
			xsctp_assoc_by_id(sk, ga.assoc_id);
	if (optname == SCTP_GET_PEER_ADDRS) {
		if (!asoc)
			return -EINVAL;
		if (!put_addr(sk, &asoc->primary->addr, &to, &left, &num))
			err = -ENOMEM;
	} else if (asoc) {
		a = asoc->primary->saddr;
		xsctp_addr_set_port(&a, inet_sk(sk)->inet_sport);
		if (!put_addr(sk, &a, &to, &left, &num))
			err = -ENOMEM;
	} else if (!inet_sk(sk)->inet_num) {
		err = 0;
	} else if (sk->sk_family == AF_INET &&
		   !inet_sk(sk)->inet_rcv_saddr) {
		err = put_all_local(sk, &to, &left, &num);
	} else {
		if (sk->sk_family == AF_INET6)
			xsctp_addr_v6(&a, &sk->sk_v6_rcv_saddr,
				      inet_sk(sk)->inet_sport, 0);
		else
			xsctp_addr_v4(&a, inet_sk(sk)->inet_rcv_saddr,
				      inet_sk(sk)->inet_sport);
		if (!put_addr(sk, &a, &to, &left, &num))
			err = -ENOMEM;
	}
	if (asoc)
		xsctp_assoc_put(asoc);
	if (err)
		return err;
	ga.addr_num = num;
	if (copy_to_user(optval, &ga, sizeof(ga)) ||
	    put_user(len - left, optlen))
		return -EFAULT;
	return 0;
}

/* RFC 6458 s9.9: sctp_connectx() through getsockopt, returning the id. */
static int connectx3(struct sock *sk, char __user *optval, int len)
{
	struct sctp_getaddrs_old p;
	int err;

	if (len != sizeof(p))
		return -EINVAL;
	if (copy_from_user(&p, optval, sizeof(p)))
		return -EFAULT;
	if (p.addr_num <= 0)
		return -EINVAL;
	err = connectx(sk, (u8 __user *)p.addrs, p.addr_num,
		       &p.assoc_id);
	if (err && err != -EINPROGRESS)
		return err;
	if (copy_to_user(optval, &p, sizeof(p)))
		return -EFAULT;
	return err;
}

int xsctp_addr_getsockopt(struct sock *sk, int optname, char __user *optval,
			  int __user *optlen, int len)
{
	switch (optname) {
	case SCTP_GET_PEER_ADDRS:
	case SCTP_GET_LOCAL_ADDRS:
		return get_addrs(sk, optname, optval, optlen, len);
	case SCTP_SOCKOPT_CONNECTX3:
		return connectx3(sk, optval, len);
	default:
		return -ENOPROTOOPT;
	}
}
