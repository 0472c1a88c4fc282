// SPDX-License-Identifier: GPL-2.0
/*
 * State Cookie creation and verification (RFC 9260 s5.1.3, s5.1.5).
 *
 * Layout: MAC (32) | key generation (4) | created, boottime ns (8) |
 * lifetime ms (4) | struct xsctp_cookie_tcb.  The MAC is HMAC-SHA256
 * (RFC 2104) over everything after it.  Two keys live at a time: the
 * current one signs, and a cookie signed with the previous one still
 * verifies, so rotating every Valid.Cookie.Life never fails a cookie that
 * is within its lifetime.
 */
#include <crypto/algapi.h>
#include <linux/random.h>
#include <linux/timekeeping.h>
#include <net/xsctp/cookie.h>

#define XSCTP_MAC_LEN		SHA256_DIGEST_SIZE
#define XSCTP_KEY_ROTATE_NS	(60ULL * NSEC_PER_SEC)

struct xsctp_cookie_hdr {
	u8 mac[XSCTP_MAC_LEN];
	u32 gen;
	u64 created;
	u32 life_ms;
	struct xsctp_cookie_tcb tcb;
} __packed;

static void hmac_sha256(const u8 key[32], const u8 *data, u32 len,
			u8 out[XSCTP_MAC_LEN])
{
	u8 pad[SHA256_BLOCK_SIZE];
	struct sha256_state s;
	int i;

	/* RFC 2104: H((K ^ opad) || H((K ^ ipad) || text)), K zero-padded */
	memset(pad, 0x36, sizeof(pad));
	for (i = 0; i < 32; i++)
		pad[i] ^= key[i];
	sha256_init(&s);
	sha256_update(&s, pad, sizeof(pad));
	sha256_update(&s, data, len);
	sha256_final(&s, out);

	memset(pad, 0x5c, sizeof(pad));
	for (i = 0; i < 32; i++)
		pad[i] ^= key[i];
	sha256_init(&s);
	sha256_update(&s, pad, sizeof(pad));
	sha256_update(&s, out, XSCTP_MAC_LEN);
	sha256_final(&s, out);
	memzero_explicit(pad, sizeof(pad));
}

void xsctp_cookie_keys_init(struct xsctp_cookie_keys *k)
{
	seqlock_init(&k->lock);
	k->gen = 0;
	k->born = ktime_get_boottime_ns();
	get_random_bytes(k->keys, sizeof(k->keys));
}

/* Makes a new current key when the current one is old enough. */
static void maybe_rotate(struct xsctp_cookie_keys *k, u64 now)
{
	if (now - READ_ONCE(k->born) < XSCTP_KEY_ROTATE_NS)
		return;
	write_seqlock_bh(&k->lock);
	if (now - k->born >= XSCTP_KEY_ROTATE_NS) {
		get_random_bytes(k->keys[(k->gen + 1) & 1], 32);
		k->gen++;
		k->born = now;
	}
	write_sequnlock_bh(&k->lock);
}

/* Copies the key of generation @gen; false if it is neither live key. */
static bool get_key(struct xsctp_cookie_keys *k, u32 gen, u8 key[32])
{
	unsigned int seq;
	bool ok;

	do {
		seq = read_seqbegin(&k->lock);
		ok = gen == k->gen || gen + 1 == k->gen;
		if (ok)
			memcpy(key, k->keys[gen & 1], 32);
	} while (read_seqretry(&k->lock, seq));
	return ok;
}

/* Writes XSCTP_COOKIE_LEN bytes to @out. */
void xsctp_cookie_make(struct xsctp_cookie_keys *k,
		       const struct xsctp_cookie_tcb *tcb, u32 life_ms,
		       u8 *out)
{
	struct xsctp_cookie_hdr *c = (struct xsctp_cookie_hdr *)out;
	u64 now = ktime_get_boottime_ns();
	u8 key[32];

	BUILD_BUG_ON(sizeof(*c) != XSCTP_COOKIE_LEN);
	maybe_rotate(k, now);
	c->gen = READ_ONCE(k->gen);
	get_key(k, c->gen, key);
	c->created = now;
	c->life_ms = life_ms;
	memcpy(&c->tcb, tcb, sizeof(*tcb));
	hmac_sha256(key, out + XSCTP_MAC_LEN, sizeof(*c) - XSCTP_MAC_LEN,
		    c->mac);
	memzero_explicit(key, sizeof(key));
}

/*
 * RFC 9260 s5.1.5: compute the MAC and compare it with the one carried
 * (in constant time, in full); if they differ, discard.  Then check the
 * lifetime; a stale cookie reports how late it is in microseconds, and
 * its TCB too, whose peer tag the Stale Cookie ERROR must carry.
 */
enum xsctp_cookie_verdict xsctp_cookie_open(struct xsctp_cookie_keys *k,
					    const u8 *in, u32 len,
					    struct xsctp_cookie_tcb *tcb,
					    u32 *stale_us)
{
	struct xsctp_cookie_hdr c;
	u8 key[32], mac[XSCTP_MAC_LEN];
	u64 now, end;
	bool same;

	if (len != sizeof(c))
		return XSCTP_COOKIE_BAD;
	memcpy(&c, in, sizeof(c));
	if (!get_key(k, c.gen, key))
		return XSCTP_COOKIE_BAD;
	hmac_sha256(key, in + XSCTP_MAC_LEN, len - XSCTP_MAC_LEN, mac);
	memzero_explicit(key, sizeof(key));
	same = !crypto_memneq(mac, c.mac, XSCTP_MAC_LEN);
	if (!same)
		return XSCTP_COOKIE_BAD;
	*tcb = c.tcb;
	now = ktime_get_boottime_ns();
	end = c.created + (u64)c.life_ms * NSEC_PER_MSEC;
	if (now > end) {
		*stale_us = (u32)min_t(u64, div_u64(now - end, NSEC_PER_USEC),
				       U32_MAX);
		return XSCTP_COOKIE_STALE;
	}
	return XSCTP_COOKIE_OK;
}
