/* SPDX-License-Identifier: GPL-2.0 */
/* Addresses listed in INIT and INIT ACK (laddr.c). */
#ifndef _XSCTP_LADDR_H
#define _XSCTP_LADDR_H

#include <net/xsctp/addr.h>

struct sk_buff;
struct xsctp_init_addr;

/* Local addresses offered to a peer; a bounded sample of the namespace. */
#define XSCTP_MAX_LADDRS	8

struct xsctp_laddrs {
	u8 n;
	union xsctp_addr a[XSCTP_MAX_LADDRS];
};

void xsctp_laddr_collect(struct sock *sk, const union xsctp_addr *peer,
			 bool v4, bool v6, struct xsctp_laddrs *l);
int xsctp_laddr_all(struct sock *sk, bool v4, bool v6, bool lo,
		    union xsctp_addr *out, int max);
u32 xsctp_laddr_len(const struct xsctp_laddrs *l);
void *xsctp_laddr_put(void *to, const struct xsctp_laddrs *l);
bool xsctp_laddr_peer(const struct sock *sk, const struct xsctp_init_addr *ia,
		      const union xsctp_addr *src, union xsctp_addr *out);

#endif /* _XSCTP_LADDR_H */
