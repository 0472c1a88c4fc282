// SPDX-License-Identifier: GPL-2.0
/*
 * The private options behind libsctp's sctp_bindx(), sctp_connectx(),
 * sctp_getpaddrs(), sctp_getladdrs() and sctp_peeloff() (RFC 6458 s9.1,
 * s9.9, s9.3, s9.5, s9.2).
 * Addresses travel packed: each sockaddr as long as its family says.
 * Also the options about one peer address: SCTP_PRIMARY_ADDR (RFC 6458
 * s8.1.6), SCTP_GET_PEER_ADDR_INFO (s8.2.2), and RFC 7829's thresholds.
 */
#include <linux/file.h>
#include <linux/inetdevice.h>
#include <net/addrconf.h>
#include <net/xsctp/xsctp.h>
#include <net/xsctp/assoc.h>
#include <net/xsctp/laddr.h>
#include <net/xsctp/sm.h>
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

/* Copies the user's packed list in: up to @max addresses into @a. */
static int read_addrs(struct sock *sk, sockptr_t val, unsigned int len,
		      union xsctp_addr *a, int max)
{
	u8 *buf;
	int n;

	if (!len || len > XSCTP_ADDRS_MAX)
		return -EINVAL;
	buf = memdup_sockptr(val, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	n = unpack(sk, buf, len, a, max);
	kfree(buf);
	return n;
}

/*
 * Called under the socket lock.  All or nothing, as on Linux: addresses
 * added before a failing one are taken back.
 */
static int bindx(struct sock *sk, int optname, sockptr_t val,
		 unsigned int len)
{
	union xsctp_addr a[XSCTP_MAX_BOUND];
	int n, i, err = 0;

	n = read_addrs(sk, val, len, a, XSCTP_MAX_BOUND);
	if (n < 0)
		return n == -EOPNOTSUPP ? -ENOSPC : n;
	for (i = 0; i < n && !err; i++)
		err = optname == SCTP_SOCKOPT_BINDX_ADD ?
		      xsctp_bind_add(sk, &a[i]) : xsctp_bind_rem(sk, &a[i]);
	if (err && optname == SCTP_SOCKOPT_BINDX_ADD)
		for (i -= 2; i > 0; i--)
			xsctp_bind_rem(sk, &a[i]);
	return err;
}

/*
 * Called under the socket lock; returns the new association's id.  RFC
 * 6458 s9.9: every address is the peer's from the start; they must share
 * one port (EINVAL, as on Linux).  Linux refuses an address given twice
 * with EADDRNOTAVAIL (it finds the association the list is making).
 */
static int connectx(struct sock *sk, u8 __user *uaddrs,
		    unsigned int len, sctp_assoc_t *id)
{
	union xsctp_addr a[XSCTP_MAX_PATHS];
	int n, i, j;

	n = read_addrs(sk, USER_SOCKPTR(uaddrs), len, a, XSCTP_MAX_PATHS);
	if (n < 0)
		return n == -EOPNOTSUPP ? -EINVAL : n;
	for (i = 1; i < n; i++) {
		if (xsctp_addr_port(&a[i]) != xsctp_addr_port(&a[0]))
			return -EINVAL;
		for (j = 0; j < i; j++)
			if (xsctp_addr_eq(&a[i], &a[j]))
				return -EADDRNOTAVAIL;
	}
	return xsctp_do_connect(sk, a, n, sk->sk_socket->file &&
				(sk->sk_socket->file->f_flags & O_NONBLOCK),
				id);
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
	const int max = 64;
	union xsctp_addr *a = kmalloc_array(max, sizeof(*a), GFP_KERNEL);
	int n, i, err = 0;

	if (!a)
		return -ENOMEM;
	/* collected first: copying to the user may fault, not under RCU */
	n = xsctp_laddr_all(sk, !sk->sk_ipv6only, sk->sk_family == AF_INET6,
			    true, a, max);
	for (i = 0; i < n && !err; i++) {
		xsctp_addr_set_port(&a[i], inet_sk(sk)->inet_sport);
		if (!put_addr(sk, &a[i], to, left, num))
			err = -ENOMEM;
	}
	kfree(a);
	return err;
}

/* Every path's address; copied out of the lock, then to the user. */
static int put_peers(struct sock *sk, struct xsctp_assoc *asoc,
		     u8 __user **to, int *left, u32 *num)
{
	union xsctp_addr a[XSCTP_MAX_PATHS];
	struct xsctp_path *p;
	int n = 0, i;

	spin_lock_bh(&asoc->lock);
	list_for_each_entry(p, &asoc->paths, list)
		if (n < XSCTP_MAX_PATHS)
			a[n++] = p->addr;
	spin_unlock_bh(&asoc->lock);
	for (i = 0; i < n; i++)
		if (!put_addr(sk, &a[i], to, left, num))
			return -ENOMEM;
	return 0;
}

/* The endpoint's addresses, on its port; all of them for the wildcard. */
static int put_locals(struct sock *sk, u8 __user **to, int *left, u32 *num)
{
	union xsctp_addr a[XSCTP_MAX_BOUND];
	int n = xsctp_sk_local_addrs(sk, a, XSCTP_MAX_BOUND), i;

	if (!n)
		return put_all_local(sk, to, left, num);
	for (i = 0; i < n; i++) {
		xsctp_addr_set_port(&a[i], inet_sk(sk)->inet_sport);
		if (!put_addr(sk, &a[i], to, left, num))
			return -ENOMEM;
	}
	return 0;
}

static int get_addrs(struct sock *sk, int optname, char __user *optval,
		     int __user *optlen, int len)
{
	struct sctp_getaddrs ga;
	struct xsctp_assoc *asoc = NULL;
	u8 __user *to = (u8 __user *)optval + sizeof(ga);
	int left = len - (int)sizeof(ga), err = 0;
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
		err = put_peers(sk, asoc, &to, &left, &num);
	} else if (inet_sk(sk)->inet_num) {
		err = put_locals(sk, &to, &left, &num);
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

/* ---- options about one peer address ---- */

/*
 * The association @id names (one-to-one: the socket's), with a reference,
 * and the user's address @ss; -EINVAL as on Linux when either is wrong.
 */
static struct xsctp_assoc *assoc_and_addr(struct sock *sk, sctp_assoc_t id,
					  const struct sockaddr_storage *ss,
					  union xsctp_addr *a)
{
	struct xsctp_assoc *asoc;

	/* an all-zero address is the wildcard, as on sctp.ko */
	if (ss->ss_family == AF_UNSPEC)
		xsctp_addr_v4(a, htonl(INADDR_ANY), 0);
	else if (xsctp_addr_from_user(a, (const struct sockaddr *)ss,
				      sizeof(*ss), sk->sk_ipv6only))
		return NULL;
	asoc = xsctp_style_tcp(sk) ? xsctp_sk_first_assoc(sk) :
	       xsctp_assoc_by_id(sk, id);
	return asoc;
}

/* RFC 6458 s8.1.6: SCTP_PRIMARY_ADDR, the path new data takes. */
static int set_primary(struct sock *sk, sockptr_t val, unsigned int len)
{
	struct xsctp_assoc *asoc;
	struct sctp_prim prim;
	struct xsctp_path *p;
	union xsctp_addr a;

	if (len != sizeof(prim))
		return -EINVAL;
	if (copy_from_sockptr(&prim, val, sizeof(prim)))
		return -EFAULT;
	asoc = assoc_and_addr(sk, prim.ssp_assoc_id, &prim.ssp_addr, &a);
	if (!asoc)
		return -EINVAL;
	spin_lock_bh(&asoc->lock);
	p = xsctp_assoc_find_path(asoc, &a);
	if (p && p != asoc->primary) {
		xsctp_path_make_primary(asoc, p);
		xsctp_outq_flush(asoc);
	}
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
	return p ? 0 : -EINVAL;
}

static int get_primary(struct sock *sk, char __user *optval,
		       int __user *optlen, int len)
{
	struct xsctp_assoc *asoc;
	struct sctp_prim prim;
	union xsctp_addr a;

	if (len < (int)sizeof(prim))
		return -EINVAL;
	if (copy_from_user(&prim, optval, sizeof(prim)))
		return -EFAULT;
	asoc = xsctp_style_tcp(sk) ? xsctp_sk_first_assoc(sk) :
	       xsctp_assoc_by_id(sk, prim.ssp_assoc_id);
	if (!asoc)
		return -EINVAL;
	spin_lock_bh(&asoc->lock);
	a = asoc->primary->addr;
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
	memset(&prim.ssp_addr, 0, sizeof(prim.ssp_addr));
	xsctp_addr_to_user(&a, sk->sk_family == AF_INET6,
			   (struct sockaddr *)&prim.ssp_addr);
	len = sizeof(prim);
	if (put_user(len, optlen) || copy_to_user(optval, &prim, len))
		return -EFAULT;
	return 0;
}

/* RFC 6458 s8.2.2: SCTP_GET_PEER_ADDR_INFO, one path's state. */
static int get_paddr_info(struct sock *sk, char __user *optval,
			  int __user *optlen, int len)
{
	struct xsctp_assoc *asoc;
	struct sctp_paddrinfo pi;
	struct xsctp_path *p;
	union xsctp_addr a;

	if (len < (int)sizeof(pi))
		return -EINVAL;
	if (copy_from_user(&pi, optval, sizeof(pi)))
		return -EFAULT;
	asoc = assoc_and_addr(sk, pi.spinfo_assoc_id, &pi.spinfo_address, &a);
	if (!asoc)
		return -EINVAL;
	spin_lock_bh(&asoc->lock);
	p = xsctp_assoc_find_path(asoc, &a);
	if (p) {
		pi.spinfo_assoc_id = asoc->id;
		pi.spinfo_state = p->state;
		pi.spinfo_cwnd = p->cwnd;
		pi.spinfo_srtt = jiffies_to_msecs(p->srtt);
		pi.spinfo_rto = jiffies_to_msecs(p->rto);
		pi.spinfo_mtu = p->pmtu;
	}
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
	if (!p)
		return -EINVAL;
	len = sizeof(pi);
	if (put_user(len, optlen) || copy_to_user(optval, &pi, len))
		return -EFAULT;
	return 0;
}

/*
 * Path.Max.Retrans (0 keeps it), the PF threshold (RFC 7829 s4) and, with
 * SCTP_PEER_ADDR_THLDS_V2, the primary switchover one (s5) of one path.
 */
static void path_thlds(struct xsctp_path *p,
		       const struct sctp_paddrthlds_v2 *t, bool v2)
{
	if (t->spt_pathmaxrxt)
		p->max_retrans = t->spt_pathmaxrxt;
	p->pf_retrans = t->spt_pathpfthld;
	if (v2)
		p->ps_retrans = t->spt_pathcpthld;
}

/*
 * SCTP_PEER_ADDR_THLDS(_V2): the thresholds of one path, or of every path
 * and the association's new ones when the address is the wildcard.
 */

static int set_thlds(struct sock *sk, int optname, sockptr_t val,
		     unsigned int len)
{
	bool v2 = optname == SCTP_PEER_ADDR_THLDS_V2;
	struct sctp_paddrthlds_v2 t = {};
	unsigned int want = v2 ? sizeof(t) : sizeof(struct sctp_paddrthlds);
	struct xsctp_assoc *asoc;
	struct xsctp_path *p;
	union xsctp_addr a;
	int err = 0;

	if (len < want)
		return -EINVAL;
	if (copy_from_sockptr(&t, val, want))
		return -EFAULT;
	/* a PF threshold past Path.Max.Retrans is taken, as by sctp.ko:
	 * the path then goes INACTIVE without being PF first
	 */
	/* as sctp.ko: a path is PF before its primary role switches over */
	if (v2 && t.spt_pathpfthld > t.spt_pathcpthld)
		return -EINVAL;
	asoc = assoc_and_addr(sk, t.spt_assoc_id, &t.spt_address, &a);
	if (!asoc)
		return -EINVAL;
	spin_lock_bh(&asoc->lock);
	if (xsctp_addr_any(&a)) {
		list_for_each_entry(p, &asoc->paths, list)
			path_thlds(p, &t, v2);
		if (t.spt_pathmaxrxt)
			asoc->path_max_retrans = t.spt_pathmaxrxt;
		asoc->pf_retrans = t.spt_pathpfthld;
		if (v2)
			asoc->ps_retrans = t.spt_pathcpthld;
	} else {
		p = xsctp_assoc_find_path(asoc, &a);
		if (p)
			path_thlds(p, &t, v2);
		else
			err = -ENOENT;
	}
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
	return err;
}

static int get_thlds(struct sock *sk, int optname, char __user *optval,
		     int __user *optlen, int len)
{
	struct sctp_paddrthlds_v2 t = {};
	int want = optname == SCTP_PEER_ADDR_THLDS_V2 ?
		   sizeof(t) : sizeof(struct sctp_paddrthlds);
	struct xsctp_assoc *asoc;
	struct xsctp_path *p;
	union xsctp_addr a;
	int err = 0;

	if (len < want)
		return -EINVAL;
	if (copy_from_user(&t, optval, want))
		return -EFAULT;
	asoc = assoc_and_addr(sk, t.spt_assoc_id, &t.spt_address, &a);
	if (!asoc)
		return -EINVAL;
	spin_lock_bh(&asoc->lock);
	t.spt_pathmaxrxt = asoc->path_max_retrans;
	t.spt_pathpfthld = asoc->pf_retrans;
	t.spt_pathcpthld = asoc->ps_retrans;
	if (!xsctp_addr_any(&a)) {
		p = xsctp_assoc_find_path(asoc, &a);
		if (p) {
			t.spt_pathmaxrxt = p->max_retrans;
			t.spt_pathpfthld = p->pf_retrans;
			t.spt_pathcpthld = p->ps_retrans;
		} else {
			err = -ENOENT;
		}
	}
	spin_unlock_bh(&asoc->lock);
	xsctp_assoc_put(asoc);
	if (err)
		return err;
	if (put_user(want, optlen) || copy_to_user(optval, &t, want))
		return -EFAULT;
	return 0;
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
		/* as sctp.ko, only CONNECTX asks for the id (sock.c) */
		err = connectx(sk, val.user, len,
			       optname == SCTP_SOCKOPT_CONNECTX ? &id : NULL);
		/* CONNECTX returns the id; EINPROGRESS still made one */
		if (optname == SCTP_SOCKOPT_CONNECTX &&
		    (!err || err == -EINPROGRESS))
			return err ?: id;
		return err;
	case SCTP_PRIMARY_ADDR:
		return set_primary(sk, val, len);
	case SCTP_SET_PEER_PRIMARY_ADDR:
		/* asks the peer by ASCONF (RFC 5061), which xsctp does not
		 * do: EPERM, as sctp.ko with net.sctp.addip_enable = 0
		 */
		return -EPERM;
	case SCTP_PEER_ADDR_THLDS:
	case SCTP_PEER_ADDR_THLDS_V2:
		return set_thlds(sk, optname, val, len);
	default:
		return -ENOPROTOOPT;
	}
}

/* RFC 6458 s9.2: sctp_peeloff(), the new socket's descriptor returned. */
static int peeloff(struct sock *sk, int optname, char __user *optval,
		   int __user *optlen, int len)
{
	sctp_peeloff_flags_arg_t a = {};
	int want = optname == SCTP_SOCKOPT_PEELOFF_FLAGS ?
		   sizeof(a) : sizeof(a.p_arg);
	struct socket *sock;
	struct file *file;
	int fd, err;

	if (len < want)
		return -EINVAL;
	if (copy_from_user(&a, optval, want))
		return -EFAULT;
	if (a.flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	err = xsctp_peeloff(sk, a.p_arg.associd, &sock);
	if (err)
		return err;
	fd = get_unused_fd_flags(a.flags & SOCK_CLOEXEC);
	if (fd < 0) {
		sock_release(sock);
		return fd;
	}
	file = sock_alloc_file(sock, a.flags & SOCK_NONBLOCK, NULL);
	if (IS_ERR(file)) {		/* it released @sock */
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	a.p_arg.sd = fd;
	if (put_user(want, optlen) || copy_to_user(optval, &a, want)) {
		fput(file);
		put_unused_fd(fd);
		return -EFAULT;
	}
	fd_install(fd, file);
	return fd;		/* as sctp.ko: the call returns it too */
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
	case SCTP_PRIMARY_ADDR:
		return get_primary(sk, optval, optlen, len);
	case SCTP_SOCKOPT_PEELOFF:
	case SCTP_SOCKOPT_PEELOFF_FLAGS:
		return peeloff(sk, optname, optval, optlen, len);
	case SCTP_GET_PEER_ADDR_INFO:
		return get_paddr_info(sk, optval, optlen, len);
	case SCTP_PEER_ADDR_THLDS:
	case SCTP_PEER_ADDR_THLDS_V2:
		return get_thlds(sk, optname, optval, optlen, len);
	default:
		return -ENOPROTOOPT;
	}
}
