// SPDX-License-Identifier: GPL-2.0
/*
 * struct proto and proto_ops of the SCTP socket types.  Socket calls that
 * the protocol core does not serve yet fail with EOPNOTSUPP, and options
 * at level SOL_SCTP with ENOPROTOOPT, as a kernel without them would.
 */
#include <linux/module.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/transp_v6.h>
#include <net/xsctp/xsctp.h>

static int xsctp_init_sock(struct sock *sk)
{
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, 1);
	return 0;
}

static void xsctp_destroy_sock(struct sock *sk)
{
	sock_prot_inuse_add(sock_net(sk), sk->sk_prot, -1);
}

static void xsctp_close(struct sock *sk, long timeout)
{
	sk_common_release(sk);
}

static int xsctp_hash(struct sock *sk)
{
	return 0;
}

static void xsctp_unhash(struct sock *sk)
{
}

static int xsctp_bind(struct sock *sk, struct sockaddr *addr, int len)
{
	return -EOPNOTSUPP;
}

static int xsctp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
	return -EOPNOTSUPP;
}

static int xsctp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len,
			 int flags, int *addr_len)
{
	return -EOPNOTSUPP;
}

static int xsctp_setsockopt(struct sock *sk, int level, int optname,
			    sockptr_t optval, unsigned int optlen)
{
	if (level == SOL_SCTP)
		return -ENOPROTOOPT;
	if (sk->sk_family == AF_INET6)
		return ipv6_setsockopt(sk, level, optname, optval, optlen);
	return ip_setsockopt(sk, level, optname, optval, optlen);
}

static int xsctp_getsockopt(struct sock *sk, int level, int optname,
			    char __user *optval, int __user *optlen)
{
	if (level == SOL_SCTP)
		return -ENOPROTOOPT;
	if (sk->sk_family == AF_INET6)
		return ipv6_getsockopt(sk, level, optname, optval, optlen);
	return ip_getsockopt(sk, level, optname, optval, optlen);
}

#define XSCTP_PROTO_COMMON				\
	.owner		= THIS_MODULE,			\
	.init		= xsctp_init_sock,		\
	.destroy	= xsctp_destroy_sock,		\
	.close		= xsctp_close,			\
	.hash		= xsctp_hash,			\
	.unhash		= xsctp_unhash,			\
	.bind		= xsctp_bind,			\
	.sendmsg	= xsctp_sendmsg,		\
	.recvmsg	= xsctp_recvmsg,		\
	.setsockopt	= xsctp_setsockopt,		\
	.getsockopt	= xsctp_getsockopt

struct proto xsctp_prot = {
	.name		= "SCTP",
	.obj_size	= sizeof(struct xsctp_sock),
	XSCTP_PROTO_COMMON,
};

struct proto xsctpv6_prot = {
	.name		= "SCTPv6",
	.obj_size	= sizeof(struct xsctp6_sock),
#ifdef XSCTP_HAVE_IPV6_PINFO_OFFSET
	.ipv6_pinfo_offset = offsetof(struct xsctp6_sock, inet6),
#endif
	XSCTP_PROTO_COMMON,
};

#define XSCTP_OPS_COMMON				\
	.owner		= THIS_MODULE,			\
	.connect	= sock_no_connect,		\
	.socketpair	= sock_no_socketpair,		\
	.accept		= sock_no_accept,		\
	.poll		= datagram_poll,		\
	.ioctl		= sock_no_ioctl,		\
	.listen		= sock_no_listen,		\
	.shutdown	= sock_no_shutdown,		\
	.setsockopt	= sock_common_setsockopt,	\
	.getsockopt	= sock_common_getsockopt,	\
	.sendmsg	= inet_sendmsg,			\
	.recvmsg	= inet_recvmsg,			\
	.mmap		= sock_no_mmap

#define XSCTP_OPS_V4					\
	.family		= PF_INET,			\
	.release	= inet_release,			\
	.bind		= inet_bind,			\
	.getname	= inet_getname

#define XSCTP_OPS_V6					\
	.family		= PF_INET6,			\
	.release	= inet6_release,		\
	.bind		= inet6_bind,			\
	.getname	= inet6_getname

const struct proto_ops xsctp_stream_ops = { XSCTP_OPS_V4, XSCTP_OPS_COMMON };
const struct proto_ops xsctp_seqpacket_ops = { XSCTP_OPS_V4, XSCTP_OPS_COMMON };
const struct proto_ops xsctp6_stream_ops = { XSCTP_OPS_V6, XSCTP_OPS_COMMON };
const struct proto_ops xsctp6_seqpacket_ops = { XSCTP_OPS_V6, XSCTP_OPS_COMMON };
