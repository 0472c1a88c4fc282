/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of SOL_SCTP socket options share (sockopt*.c). */
#ifndef _XSCTP_SOCKOPT_H
#define _XSCTP_SOCKOPT_H

#include <linux/sockptr.h>
#include <linux/uaccess.h>
#include <net/sock.h>

struct xsctp_assoc;

/* Copies out at most @len of the @size-byte value, and that length. */
static inline int xsctp_put_opt(char __user *optval, int __user *optlen,
				int len, const void *v, int size)
{
	len = min(len, size);
	if (put_user(len, optlen) || copy_to_user(optval, v, len))
		return -EFAULT;
	return 0;
}

int xsctp_opt_assoc_of(struct sock *sk, sctp_assoc_t id, bool any,
		       struct xsctp_assoc **asoc);
void xsctp_opt_each_assoc(struct sock *sk,
			  void (*fn)(struct xsctp_assoc *asoc, const void *arg),
			  const void *arg);

/* sockopt_scoped.c */
int xsctp_scoped_setsockopt(struct sock *sk, int optname, sockptr_t val,
			    unsigned int len);
int xsctp_scoped_getsockopt(struct sock *sk, int optname, char __user *optval,
			    int __user *optlen, int len);

#endif /* _XSCTP_SOCKOPT_H */
