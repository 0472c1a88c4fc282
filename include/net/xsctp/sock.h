/* SPDX-License-Identifier: GPL-2.0 */
/* Socket-level helpers shared by sock.c, io.c and sockopt.c. */
#ifndef _XSCTP_SOCK_H
#define _XSCTP_SOCK_H

#include <net/xsctp/xsctp.h>

struct xsctp_assoc;

int xsctp_autobind(struct sock *sk);
int xsctp_bind_addr(struct sock *sk, const union xsctp_addr *a);
int xsctp_bind_add(struct sock *sk, const union xsctp_addr *a);
int xsctp_bind_rem(struct sock *sk, const union xsctp_addr *a);
int xsctp_bind_inherit(struct sock *nsk, const struct sock *sk);
void xsctp_unbind(struct sock *sk);
int xsctp_peeloff(struct sock *sk, sctp_assoc_t id, struct socket **res);
int xsctp_do_connect(struct sock *sk, const union xsctp_addr *peers, int n,
		     bool nonblock, sctp_assoc_t *id);
int xsctp_addr_setsockopt(struct sock *sk, int optname, sockptr_t val,
			  unsigned int len);
int xsctp_addr_getsockopt(struct sock *sk, int optname, char __user *optval,
			  int __user *optlen, int len);
struct xsctp_assoc *xsctp_connect_new(struct sock *sk,
				      const union xsctp_addr *peers, int n,
				      int *err);
int xsctp_connect_start(struct sock *sk, struct xsctp_assoc *asoc,
			bool explicit, bool named);
int xsctp_sk_wait_on(struct sock *sk, long *timeo,
		     int (*check)(struct sock *sk, void *arg), void *arg,
		     struct wait_queue_entry *wait);
int xsctp_sk_wait(struct sock *sk, long *timeo,
		  int (*check)(struct sock *sk, void *arg), void *arg);
int xsctp_wait_established(struct sock *sk, struct xsctp_assoc *asoc,
			   long *timeo);
struct xsctp_assoc *xsctp_sk_first_assoc(struct sock *sk);
void xsctp_sk_charge_wmem(struct xsctp_assoc *asoc, int delta);
int xsctp_sendmsg(struct sock *sk, struct msghdr *msg, size_t len);
int xsctp_recvmsg(struct sock *sk, struct msghdr *msg, size_t len,
		  int flags, int *addr_len);
int xsctp_setsockopt(struct sock *sk, int level, int optname,
		     sockptr_t optval, unsigned int optlen);
int xsctp_getsockopt(struct sock *sk, int level, int optname,
		     char __user *optval, int __user *optlen);
void xsctp_sock_defaults(struct xsctp_sock *xs);

#endif /* _XSCTP_SOCK_H */
