/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The State Cookie (RFC 9260 s5.1.3): everything needed to build the TCB,
 * so that no state is kept for an INIT.  It is opaque to the peer; its MAC
 * (HMAC-SHA256 over a per-netns secret that rotates) makes it ours.
 */
#ifndef _XSCTP_COOKIE_H
#define _XSCTP_COOKIE_H

#include <crypto/sha2.h>
#include <linux/seqlock.h>
#include <net/xsctp/addr.h>
#include <net/xsctp/chunk.h>

/* Peer addresses an INIT may list that the cookie carries (s5.1.2). */
#define XSCTP_COOKIE_ADDRS	7

/* What the cookie says; host byte order, never parsed by anyone else. */
struct xsctp_cookie_tcb {
	u32 my_vtag;
	u32 peer_vtag;
	u32 my_tsn;			/* our initial TSN */
	u32 peer_tsn;			/* the peer's initial TSN */
	u32 peer_rwnd;
	u32 tie_my;			/* RFC 9260 s5.2.2 tie-tags, or 0 */
	u32 tie_peer;
	u16 nostreams;			/* negotiated outbound */
	u16 nistreams;			/* negotiated inbound */
	u32 adaptation;
	u8 peer_has_adaptation;
	u8 pad[3];
	union xsctp_addr peer;		/* address the INIT came from */
	union xsctp_addr local;		/* address it was sent to */
	u8 npeers;			/* the other addresses it listed */
	struct xsctp_init_addr peers[XSCTP_COOKIE_ADDRS];
};

struct xsctp_cookie_keys {
	seqlock_t lock;
	u32 gen;			/* generation of keys[gen & 1] */
	u64 born;			/* when it became current, ns */
	u8 keys[2][32];
};

/* Room a cookie takes on the wire for @tcb (fixed size). */
#define XSCTP_COOKIE_LEN	(32 + 4 + 8 + 4 + sizeof(struct xsctp_cookie_tcb))

enum xsctp_cookie_verdict {
	XSCTP_COOKIE_OK,
	XSCTP_COOKIE_BAD,		/* wrong MAC or length: discard */
	XSCTP_COOKIE_STALE,		/* MAC ok, lifetime over */
};

void xsctp_cookie_keys_init(struct xsctp_cookie_keys *k);
void xsctp_cookie_make(struct xsctp_cookie_keys *k,
		       const struct xsctp_cookie_tcb *tcb, u32 life_ms,
		       u8 *out);
enum xsctp_cookie_verdict xsctp_cookie_open(struct xsctp_cookie_keys *k,
					    const u8 *in, u32 len,
					    struct xsctp_cookie_tcb *tcb,
					    u32 *stale_us);

#endif /* _XSCTP_COOKIE_H */
