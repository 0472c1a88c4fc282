// SPDX-License-Identifier: GPL-2.0
/* Unit tests for net/xsctp/chunk.c: validation, iterators, accessors. */
#include <ctype.h>
#include <net/xsctp/chunk.h>
#include "unit.h"

/* ---- packet builder ---- */

struct buf {
	u8 b[4096];
	u32 len;
};

static void put8(struct buf *p, u8 v)
{
	p->b[p->len++] = v;
}

static void put16(struct buf *p, u16 v)
{
	put8(p, v >> 8);
	put8(p, v & 0xff);
}

static void put32(struct buf *p, u32 v)
{
	put16(p, v >> 16);
	put16(p, v & 0xffff);
}

static void putn(struct buf *p, const void *v, u32 n)
{
	memcpy(p->b + p->len, v, n);
	p->len += n;
}

static void pad4(struct buf *p)
{
	while (p->len & 3)
		put8(p, 0);
}

static void set16(struct buf *p, u32 off, u16 v)
{
	p->b[off] = v >> 8;
	p->b[off + 1] = v & 0xff;
}

static void pkt_hdr(struct buf *p, u16 sport, u16 dport, u32 vtag)
{
	memset(p, 0, sizeof(*p));
	put16(p, sport);
	put16(p, dport);
	put32(p, vtag);
	put32(p, 0);
}

/* Appends a chunk with @vlen bytes of value and its padding */
static u32 chunk(struct buf *p, u8 type, u8 flags, const void *v, u16 vlen)
{
	u32 off = p->len;

	put8(p, type);
	put8(p, flags);
	put16(p, 4 + vlen);
	if (vlen)
		putn(p, v, vlen);
	pad4(p);
	return off;
}

/* Appends a TLV with its padding to a value buffer */
static void tlv(struct buf *v, u16 type, const void *val, u16 vlen)
{
	put16(v, type);
	put16(v, 4 + vlen);
	if (vlen)
		putn(v, val, vlen);
	pad4(v);
}

static void init_fixed(struct buf *v, u32 tag, u16 os, u16 mis)
{
	memset(v, 0, sizeof(*v));
	put32(v, tag);
	put32(v, 65536);	/* a_rwnd */
	put16(v, os);
	put16(v, mis);
	put32(v, 1000);		/* initial TSN */
}

/* INIT packet (vtag 0) with the given parameter area */
static void init_pkt(struct buf *p, u8 type, const struct buf *v)
{
	pkt_hdr(p, 5000, 6000, type == XSCTP_CID_INIT ? 0 : 7);
	chunk(p, type, 0, v->b, v->len);
}

static enum xsctp_drop_reason validate(const struct buf *p)
{
	return xsctp_pkt_validate(p->b, p->len);
}

/* A DATA chunk value of @n payload bytes */
static void data_val(struct buf *v, u32 tsn, u16 n)
{
	v->len = 0;
	put32(v, tsn);
	put16(v, 3);		/* sid */
	put16(v, 9);		/* ssn */
	put32(v, 51);		/* ppid */
	while (n--)
		put8(v, 0xaa);
}

/* ---- drop reasons and the ops table ---- */

UNIT(drop_reason_names)
{
	char want[128];
	int r, s;

	for (r = 0; r < XSCTP_DROP__MAX; r++) {
		const char *n = xsctp_drop_reason_name(r);
		const char *mib = xsctp_drop_reason_mib(r);
		int up = 1, j, i;

		UNIT_CHECK(n && mib && *n);
		/* snake_case, and the MIB name is its CamelCase */
		j = snprintf(want, sizeof(want), "XsctpDrop");
		for (i = 0; n[i]; i++) {
			UNIT_CHECK(islower(n[i]) || n[i] == '_');
			if (n[i] == '_') {
				up = 1;
				continue;
			}
			want[j++] = up ? toupper(n[i]) : n[i];
			up = 0;
		}
		want[j] = 0;
		UNIT_CHECK(!strcmp(mib, want));
		for (s = 0; s < r; s++)
			UNIT_CHECK(strcmp(n, xsctp_drop_reason_name(s)));
	}
	UNIT_CHECK(!strcmp(xsctp_drop_reason_name(XSCTP_DROP__MAX), "invalid"));
	UNIT_CHECK(!strcmp(xsctp_drop_reason_mib(-1), "XsctpDropInvalid"));
	UNIT_CHECK(!strcmp(xsctp_drop_reason_mib(XSCTP_DROP_CHUNK_OVERRUN),
			   "XsctpDropChunkOverrun"));
}

UNIT(ops_table)
{
	static const u8 known[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
				    13, 14, 15, 64, 128, 130, 132, 192, 193,
				    194 };
	const struct xsctp_chunk_ops *ops;
	int t, n = 0;

	for (t = 0; t < 256; t++) {
		ops = xsctp_chunk_ops(t);
		if (!ops)
			continue;
		n++;
		UNIT_CHECK(ops->name && ops->min_len >= 4);
		UNIT_CHECK(ops->tlv_off <= ops->min_len);
		UNIT_CHECK(!(ops->flags & XSCTP_CHUNK_F_CONTROL) ==
			   (t == XSCTP_CID_DATA || t == XSCTP_CID_I_DATA));
	}
	UNIT_CHECK_EQ(n, sizeof(known));
	for (t = 0; t < (int)sizeof(known); t++)
		UNIT_CHECK(xsctp_chunk_ops(known[t]));
	UNIT_CHECK(!strcmp(xsctp_chunk_ops(XSCTP_CID_SACK)->name, "SACK"));
	UNIT_CHECK(!strcmp(xsctp_chunk_ops(XSCTP_CID_I_FWD_TSN)->name,
			   "I_FWD_TSN"));
	UNIT_CHECK(xsctp_chunk_ops(XSCTP_CID_INIT)->flags &
		   XSCTP_CHUNK_F_MUST_BE_ALONE);
	UNIT_CHECK(xsctp_chunk_ops(XSCTP_CID_SHUTDOWN_COMPLETE)->flags &
		   XSCTP_CHUNK_F_MUST_BE_ALONE);
	UNIT_CHECK(!(xsctp_chunk_ops(XSCTP_CID_COOKIE_ECHO)->flags &
		     XSCTP_CHUNK_F_MUST_BE_ALONE));
	UNIT_CHECK(xsctp_chunk_ops(XSCTP_CID_ASCONF)->flags &
		   XSCTP_CHUNK_F_PARAMS);
	UNIT_CHECK(xsctp_chunk_ops(XSCTP_CID_RECONF)->flags &
		   XSCTP_CHUNK_F_PARAMS);
	UNIT_CHECK(xsctp_chunk_ops(XSCTP_CID_ABORT)->flags &
		   XSCTP_CHUNK_F_CAUSES);
	UNIT_CHECK_EQ(xsctp_chunk_ops(XSCTP_CID_INIT_ACK)->tlv_off, 20);
	UNIT_CHECK(!xsctp_chunk_ops(16));
	UNIT_CHECK(!xsctp_chunk_ops(255));
}

UNIT(action_bits)
{
	UNIT_CHECK_EQ(xsctp_chunk_action(0x3f), XSCTP_CHUNK_ACT_STOP);
	UNIT_CHECK_EQ(xsctp_chunk_action(0x7f), XSCTP_CHUNK_ACT_STOP_REPORT);
	UNIT_CHECK_EQ(xsctp_chunk_action(0xbf), XSCTP_CHUNK_ACT_SKIP);
	UNIT_CHECK_EQ(xsctp_chunk_action(0xff), XSCTP_CHUNK_ACT_SKIP_REPORT);
	UNIT_CHECK_EQ(xsctp_param_action(0x0123), XSCTP_PARAM_ACT_STOP);
	UNIT_CHECK_EQ(xsctp_param_action(0x4123),
		      XSCTP_PARAM_ACT_STOP_REPORT);
	UNIT_CHECK_EQ(xsctp_param_action(0x8123), XSCTP_PARAM_ACT_SKIP);
	UNIT_CHECK_EQ(xsctp_param_action(0xc123),
		      XSCTP_PARAM_ACT_SKIP_REPORT);
}

/* ---- valid packets ---- */

UNIT(valid_init)
{
	static const u8 v4[] = { 10, 0, 0, 1 };
	static const u8 v6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	struct xsctp_init_info info = { .unrec_budget = 256 };
	struct xsctp_chunk_iter it;
	struct xsctp_chunk c;
	struct buf v, p;

	init_fixed(&v, 0x11223344, 10, 65535);
	tlv(&v, XSCTP_PARAM_IPV4, v4, 4);
	tlv(&v, XSCTP_PARAM_IPV6, v6, 16);
	init_pkt(&p, XSCTP_CID_INIT, &v);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK(xsctp_chunk_first(&it, p.b, p.len, &c));
	UNIT_CHECK_EQ(c.type, XSCTP_CID_INIT);
	UNIT_CHECK_EQ(c.off, 12);
	UNIT_CHECK_EQ(c.len, 20 + 8 + 20);
	UNIT_CHECK(c.ops && !strcmp(c.ops->name, "INIT"));
	UNIT_CHECK(!xsctp_chunk_next(&it, &c));
	UNIT_CHECK(xsctp_chunk_first(&it, p.b, p.len, &c));
	UNIT_CHECK_EQ(xsctp_init_parse(c.p, c.len, &info), 0);
	UNIT_CHECK_EQ(info.type, XSCTP_CID_INIT);
	UNIT_CHECK_EQ(info.init_tag, 0x11223344);
	UNIT_CHECK_EQ(info.a_rwnd, 65536);
	UNIT_CHECK_EQ(info.num_os, 10);
	UNIT_CHECK_EQ(info.num_mis, 65535);
	UNIT_CHECK_EQ(info.initial_tsn, 1000);
	UNIT_CHECK_EQ(info.naddrs, 2);
	UNIT_CHECK_EQ(info.addrs[0].type, XSCTP_PARAM_IPV4);
	UNIT_CHECK(!memcmp(info.addrs[0].addr, v4, 4));
	UNIT_CHECK_EQ(info.addrs[1].type, XSCTP_PARAM_IPV6);
	UNIT_CHECK(!memcmp(info.addrs[1].addr, v6, 16));
	UNIT_CHECK_EQ(info.addr_types, XSCTP_ADDR_TYPE_IPV4 |
		      XSCTP_ADDR_TYPE_IPV6 | XSCTP_ADDR_TYPE_HOSTNAME);
	UNIT_CHECK(!info.cookie && !info.stopped && !info.nunrec);
	UNIT_CHECK_EQ(info.unrec_budget, 256);
}

UNIT(valid_init_ack_with_cookie)
{
	static const u8 cookie[37] = { 1, 2, 3, [36] = 0x37 };
	struct xsctp_init_info info = { 0 };
	struct buf v, p;

	init_fixed(&v, 5, 1, 1);
	tlv(&v, XSCTP_PARAM_STATE_COOKIE, cookie, sizeof(cookie));
	tlv(&v, XSCTP_PARAM_ECN_CAPABLE, NULL, 0);
	init_pkt(&p, XSCTP_CID_INIT_ACK, &v);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK_EQ(xsctp_init_parse(p.b + 12, p.len - 12, &info), 0);
	UNIT_CHECK_EQ(info.type, XSCTP_CID_INIT_ACK);
	UNIT_CHECK_EQ(info.cookie_len, sizeof(cookie));
	UNIT_CHECK(info.cookie == p.b + 12 + 20 + 4);
	UNIT_CHECK(!memcmp(info.cookie, cookie, sizeof(cookie)));
	UNIT_CHECK(info.ecn);
}

UNIT(init_ack_without_cookie)
{
	struct xsctp_init_info info = { 0 };
	struct buf v, p;

	init_fixed(&v, 5, 1, 1);
	init_pkt(&p, XSCTP_CID_INIT_ACK, &v);
	UNIT_CHECK_EQ(xsctp_init_parse(p.b + 12, p.len - 12, &info),
		      -XSCTP_INIT_ERR_NO_COOKIE);
	UNIT_CHECK_EQ(info.init_tag, 5);
	/* empty cookie: present, length 0 */
	tlv(&v, XSCTP_PARAM_STATE_COOKIE, NULL, 0);
	init_pkt(&p, XSCTP_CID_INIT_ACK, &v);
	UNIT_CHECK_EQ(xsctp_init_parse(p.b + 12, p.len - 12, &info), 0);
	UNIT_CHECK(info.cookie && !info.cookie_len);
}

UNIT(valid_cookie_echo_and_data)
{
	static const u8 cookie[24] = { 9 };
	struct xsctp_chunk_iter it;
	struct xsctp_data_info d;
	struct xsctp_chunk c;
	struct buf v, p;

	pkt_hdr(&p, 1, 2, 0xdeadbeef);
	chunk(&p, XSCTP_CID_COOKIE_ECHO, 0, cookie, sizeof(cookie));
	data_val(&v, 77, 5);
	chunk(&p, XSCTP_CID_DATA, XSCTP_DATA_UNFRAG, v.b, v.len);
	data_val(&v, 78, 1);
	chunk(&p, XSCTP_CID_DATA, XSCTP_DATA_B | XSCTP_DATA_U, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK(xsctp_chunk_first(&it, p.b, p.len, &c));
	UNIT_CHECK_EQ(c.type, XSCTP_CID_COOKIE_ECHO);
	UNIT_CHECK_EQ(c.len, 28);
	UNIT_CHECK(xsctp_chunk_next(&it, &c));
	UNIT_CHECK_EQ(c.type, XSCTP_CID_DATA);
	UNIT_CHECK_EQ(c.off, 12 + 28);
	UNIT_CHECK_EQ(xsctp_data_parse(c.p, c.len, &d), 0);
	UNIT_CHECK_EQ(d.tsn, 77);
	UNIT_CHECK_EQ(d.sid, 3);
	UNIT_CHECK_EQ(d.ssn, 9);
	UNIT_CHECK_EQ(d.ppid, 51);
	UNIT_CHECK_EQ(d.flags, XSCTP_DATA_UNFRAG);
	UNIT_CHECK_EQ(d.payload_len, 5);
	UNIT_CHECK(d.payload == c.p + 16 && d.payload[4] == 0xaa);
	UNIT_CHECK(xsctp_chunk_next(&it, &c));
	UNIT_CHECK_EQ(xsctp_data_parse(c.p, c.len, &d), 0);
	UNIT_CHECK_EQ(d.tsn, 78);
	UNIT_CHECK_EQ(d.payload_len, 1);
	UNIT_CHECK_EQ(d.flags, XSCTP_DATA_B | XSCTP_DATA_U);
	UNIT_CHECK(!xsctp_chunk_next(&it, &c));
}

static void sack_val(struct buf *v, u16 ngaps, u16 ndups)
{
	u16 i;

	v->len = 0;
	put32(v, 100);
	put32(v, 4096);
	put16(v, ngaps);
	put16(v, ndups);
	for (i = 0; i < ngaps; i++) {
		put16(v, 2 + 4 * i);
		put16(v, 3 + 4 * i);
	}
	for (i = 0; i < ndups; i++)
		put32(v, 90 + i);
}

UNIT(valid_sack_gaps_dups)
{
	struct xsctp_sack_info s;
	u16 start, end;
	struct buf v, p;
	u32 tsn;

	sack_val(&v, 3, 2);
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_SACK, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK_EQ(xsctp_sack_parse(p.b + 12, p.len - 12, &s), 0);
	UNIT_CHECK_EQ(s.cum_tsn, 100);
	UNIT_CHECK_EQ(s.a_rwnd, 4096);
	UNIT_CHECK_EQ(s.num_gaps, 3);
	UNIT_CHECK_EQ(s.num_dups, 2);
	UNIT_CHECK(xsctp_sack_gap(&s, 2, &start, &end));
	UNIT_CHECK_EQ(start, 10);
	UNIT_CHECK_EQ(end, 11);
	UNIT_CHECK(!xsctp_sack_gap(&s, 3, &start, &end));
	UNIT_CHECK(xsctp_sack_dup(&s, 1, &tsn));
	UNIT_CHECK_EQ(tsn, 91);
	UNIT_CHECK(!xsctp_sack_dup(&s, 2, &tsn));
}

/* A SACK whose counts claim one entry more than its length holds */
UNIT(sack_counts_overrun)
{
	struct xsctp_sack_info s;
	struct buf v, p;

	sack_val(&v, 2, 2);
	set16(&v, 8, 3);	/* num_gaps 3, room for 2 + 2 dups only */
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_SACK, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_MALFORMED);
	UNIT_CHECK_EQ(xsctp_sack_parse(p.b + 12, p.len - 12, &s), -EINVAL);
	set16(&v, 8, 2);
	set16(&v, 10, 3);	/* now one dup too many */
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_SACK, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_MALFORMED);
	UNIT_CHECK_EQ(xsctp_sack_parse(p.b + 12, p.len - 12, &s), -EINVAL);
	set16(&v, 10, 0xffff);
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_SACK, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_MALFORMED);
	/* fewer entries than the room: extra bytes are ignored */
	set16(&v, 10, 1);
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_SACK, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK_EQ(xsctp_sack_parse(p.b + 12, p.len - 12, &s), 0);
	UNIT_CHECK_EQ(s.num_dups, 1);
}

/* ---- drop reasons, one at a time ---- */

UNIT(drop_too_short_and_no_chunks)
{
	struct buf p;
	u32 n;

	pkt_hdr(&p, 1, 2, 3);
	for (n = 0; n < 12; n++)
		UNIT_CHECK_EQ(xsctp_pkt_validate(p.b, n), XSCTP_DROP_TOO_SHORT);
	UNIT_CHECK_EQ(xsctp_pkt_validate(p.b, 12), XSCTP_DROP_NO_CHUNKS);
	UNIT_CHECK_EQ(xsctp_pkt_validate(NULL, 0), XSCTP_DROP_TOO_SHORT);
}

UNIT(drop_zero_port)
{
	struct buf p;

	pkt_hdr(&p, 0, 2, 3);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_ZERO_PORT);
	pkt_hdr(&p, 1, 0, 3);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_ZERO_PORT);
	pkt_hdr(&p, 1, 0, 3);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_ZERO_PORT);
}

UNIT(drop_chunk_too_short)
{
	struct buf p;
	u16 l;

	for (l = 0; l < 4; l++) {
		pkt_hdr(&p, 1, 2, 3);
		chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
		set16(&p, 14, l);
		UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_TOO_SHORT);
	}
	/* 1..3 bytes after the header: not even a chunk header */
	for (l = 1; l < 4; l++) {
		pkt_hdr(&p, 1, 2, 3);
		p.len += l;
		UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_TOO_SHORT);
	}
}

/* 1..3 bytes left after a padded chunk */
UNIT(drop_trailing_partial_chunk)
{
	struct buf p;
	u32 l;

	for (l = 1; l < 4; l++) {
		pkt_hdr(&p, 1, 2, 3);
		chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
		p.len += l;
		UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_TOO_SHORT);
	}
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	chunk(&p, XSCTP_CID_PAD, 0, NULL, 0);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
}

UNIT(drop_chunk_overrun)
{
	static const u8 cookie[8];
	struct buf p;

	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_COOKIE_ECHO, 0, cookie, sizeof(cookie));
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	set16(&p, 14, 13);	/* one past the end */
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_OVERRUN);
	set16(&p, 14, 0xffff);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_OVERRUN);
	/* truncated by one byte */
	set16(&p, 14, 12);
	p.len--;
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_OVERRUN);
	/* overrun in a chunk that is not the first */
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	chunk(&p, XSCTP_CID_COOKIE_ECHO, 0, cookie, sizeof(cookie));
	set16(&p, 18, 13);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_OVERRUN);
}

/* A chunk of every known type at its minimum and one byte below it */
UNIT(drop_chunk_below_min)
{
	const struct xsctp_chunk_ops *ops;
	struct buf v, p;
	int t;

	for (t = 0; t < 256; t++) {
		ops = xsctp_chunk_ops(t);
		if (!ops)
			continue;
		memset(v.b, 0, sizeof(v.b));
		v.len = ops->min_len - 4;
		/* a minimal TLV where the type needs one */
		if (ops->tlv_off && ops->tlv_off < ops->min_len)
			set16(&v, ops->tlv_off - 4 + 2, 4);
		pkt_hdr(&p, 1, 2, t == XSCTP_CID_INIT ? 0 : 9);
		chunk(&p, t, 0, v.b, v.len);
		if (validate(&p) != XSCTP_DROP_NONE)
			printf("# type %d: %s\n", t,
			       xsctp_drop_reason_name(validate(&p)));
		UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
		if (ops->min_len == 4)
			continue;
		pkt_hdr(&p, 1, 2, t == XSCTP_CID_INIT ? 0 : 9);
		chunk(&p, t, 0, v.b, v.len - 1);
		UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_BELOW_MIN);
	}
}

UNIT(drop_init_bundled)
{
	static const u8 pair[][2] = {
		{ XSCTP_CID_INIT, XSCTP_CID_COOKIE_ECHO },
		{ XSCTP_CID_COOKIE_ACK, XSCTP_CID_INIT },
		{ XSCTP_CID_INIT_ACK, XSCTP_CID_PAD },
		{ XSCTP_CID_SHUTDOWN_COMPLETE, XSCTP_CID_ABORT },
		{ XSCTP_CID_SHUTDOWN_ACK, XSCTP_CID_SHUTDOWN_COMPLETE },
		{ XSCTP_CID_INIT, 0xbf },	/* unknown, skip */
		{ XSCTP_CID_INIT, 0x3f },	/* unknown, stop */
	};
	struct buf v, p;
	u32 i, k;

	for (i = 0; i < ARRAY_SIZE(pair); i++) {
		pkt_hdr(&p, 1, 2, 0);
		for (k = 0; k < 2; k++) {
			u8 t = pair[i][k];

			if (t == XSCTP_CID_INIT || t == XSCTP_CID_INIT_ACK) {
				init_fixed(&v, 1, 1, 1);
				chunk(&p, t, 0, v.b, v.len);
			} else {
				chunk(&p, t, 0, NULL, 0);
			}
		}
		UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_INIT_BUNDLED);
	}
	/* INIT after a "stop" chunk is never reached */
	pkt_hdr(&p, 1, 2, 5);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	chunk(&p, 0x7f, 0, NULL, 0);
	init_fixed(&v, 1, 1, 1);
	chunk(&p, XSCTP_CID_INIT, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
}

UNIT(drop_init_vtag)
{
	struct buf v, p;

	init_fixed(&v, 1, 1, 1);
	init_pkt(&p, XSCTP_CID_INIT, &v);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	p.b[7] = 1;
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_INIT_ZERO_TAG);
}

UNIT(drop_zero_vtag)
{
	struct buf p;

	pkt_hdr(&p, 1, 2, 0);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_ZERO_VTAG);
	pkt_hdr(&p, 1, 2, 0);
	chunk(&p, XSCTP_CID_ABORT, XSCTP_CHUNK_FLAG_T, NULL, 0);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_ZERO_VTAG);
}

UNIT(drop_param_too_short)
{
	struct buf v, p;
	u16 l;

	for (l = 0; l < 4; l++) {
		init_fixed(&v, 1, 1, 1);
		tlv(&v, XSCTP_PARAM_ECN_CAPABLE, NULL, 0);
		set16(&v, 16 + 2, l);
		init_pkt(&p, XSCTP_CID_INIT, &v);
		UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_PARAM_TOO_SHORT);
	}
	/* 1..3 bytes after the last TLV */
	for (l = 1; l < 4; l++) {
		init_fixed(&v, 1, 1, 1);
		tlv(&v, XSCTP_PARAM_ECN_CAPABLE, NULL, 0);
		v.len += l;
		init_pkt(&p, XSCTP_CID_INIT, &v);
		UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_PARAM_TOO_SHORT);
	}
	/* in the cause list of an ABORT */
	v.len = 0;
	put16(&v, XSCTP_CAUSE_USER_ABORT);
	put16(&v, 3);
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_ABORT, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_PARAM_TOO_SHORT);
}

UNIT(drop_param_overrun)
{
	static const u8 v4[4] = { 1, 2, 3, 4 };
	struct buf v, p;

	init_fixed(&v, 1, 1, 1);
	tlv(&v, XSCTP_PARAM_IPV4, v4, 4);
	init_pkt(&p, XSCTP_CID_INIT, &v);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	set16(&v, 16 + 2, 9);
	init_pkt(&p, XSCTP_CID_INIT, &v);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_PARAM_OVERRUN);
	/* HEARTBEAT info longer than the chunk */
	v.len = 0;
	tlv(&v, XSCTP_PARAM_HEARTBEAT_INFO, v4, 4);
	set16(&v, 2, 9);
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_HEARTBEAT, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_PARAM_OVERRUN);
	/* an ERROR cause past the chunk */
	v.len = 0;
	tlv(&v, XSCTP_CAUSE_INVALID_STREAM, v4, 4);
	set16(&v, 2, 12);
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_ERROR, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_PARAM_OVERRUN);
}

/* ---- unknown chunk types (RFC 9260 s3.2) ---- */

UNIT(unknown_chunk_stop_first)
{
	struct xsctp_chunk_iter it;
	struct xsctp_chunk c;
	struct buf p;

	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, 0x3f, 0, NULL, 0);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_UNKNOWN_CHUNK_DISCARD);
	/* the chunks after it are not even looked at */
	p.len -= 2;
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_UNKNOWN_CHUNK_DISCARD);
	UNIT_CHECK(xsctp_chunk_first(&it, p.b, p.len, &c));
	UNIT_CHECK(!c.ops);
	UNIT_CHECK_EQ(c.action, XSCTP_CHUNK_ACT_STOP);
	UNIT_CHECK(!xsctp_chunk_next(&it, &c));
}

UNIT(unknown_chunk_stop_report)
{
	static const u8 junk[5] = { 1, 2, 3, 4, 5 };
	struct xsctp_chunk_iter it;
	struct xsctp_chunk c;
	struct buf p;

	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	chunk(&p, 0x7e, 0, junk, sizeof(junk));
	put32(&p, 0x00000000);	/* garbage: a chunk of length 0 */
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK(xsctp_chunk_first(&it, p.b, p.len, &c));
	UNIT_CHECK_EQ(c.type, XSCTP_CID_COOKIE_ACK);
	UNIT_CHECK(xsctp_chunk_next(&it, &c));
	UNIT_CHECK(!c.ops);
	UNIT_CHECK_EQ(c.type, 0x7e);
	UNIT_CHECK_EQ(c.len, 9);
	UNIT_CHECK_EQ(c.action, XSCTP_CHUNK_ACT_STOP_REPORT);
	UNIT_CHECK(!xsctp_chunk_next(&it, &c));
	/* the unknown chunk itself must still fit */
	set16(&p, 18, 100);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_OVERRUN);
}

UNIT(unknown_chunk_skip)
{
	struct xsctp_chunk_iter it;
	struct xsctp_chunk c;
	struct buf p;

	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, 0xbf, 0, "ab", 2);
	chunk(&p, 0xfe, 0, NULL, 0);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK(xsctp_chunk_first(&it, p.b, p.len, &c));
	UNIT_CHECK_EQ(c.action, XSCTP_CHUNK_ACT_SKIP);
	UNIT_CHECK(xsctp_chunk_next(&it, &c));
	UNIT_CHECK_EQ(c.action, XSCTP_CHUNK_ACT_SKIP_REPORT);
	UNIT_CHECK(xsctp_chunk_next(&it, &c));
	UNIT_CHECK_EQ(c.type, XSCTP_CID_COOKIE_ACK);
	UNIT_CHECK(!xsctp_chunk_next(&it, &c));
	/* a malformed chunk after skipped ones is still a drop */
	set16(&p, 26, 2);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_TOO_SHORT);
}

/* ---- padding ---- */

UNIT(padding_last_chunk_may_be_short)
{
	struct xsctp_chunk_iter it;
	struct xsctp_chunk c;
	struct buf p;
	u32 full, cut;

	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	chunk(&p, XSCTP_CID_COOKIE_ECHO, 0, "x", 1);	/* length 5 */
	full = p.len;
	for (cut = 0; cut < 4; cut++) {
		p.len = full - cut;
		UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
		UNIT_CHECK(xsctp_chunk_first(&it, p.b, p.len, &c));
		UNIT_CHECK(xsctp_chunk_next(&it, &c));
		UNIT_CHECK_EQ(c.len, 5);
		UNIT_CHECK(!xsctp_chunk_next(&it, &c));
	}
	p.len = full - 4;	/* now the value byte is missing */
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_CHUNK_OVERRUN);
}

/* Padding of a chunk that is not the last must be there */
UNIT(padding_required_between_chunks)
{
	struct xsctp_chunk_iter it;
	struct xsctp_chunk c;
	struct buf p;

	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_COOKIE_ECHO, 0, "x", 1);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK(xsctp_chunk_first(&it, p.b, p.len, &c));
	UNIT_CHECK(xsctp_chunk_next(&it, &c));
	UNIT_CHECK_EQ(c.off, 20);
	/* without the padding the next header is read from the wrong bytes */
	memmove(p.b + 17, p.b + 20, 4);
	p.len -= 3;
	UNIT_CHECK(validate(&p) != XSCTP_DROP_NONE);
}

UNIT(padding_last_param_may_be_short)
{
	struct xsctp_init_info info = { 0 };
	struct buf v, p;

	init_fixed(&v, 1, 1, 1);
	tlv(&v, XSCTP_PARAM_STATE_COOKIE, "abc", 3);
	v.len -= 1;		/* chunk length excludes the last padding */
	init_pkt(&p, XSCTP_CID_INIT_ACK, &v);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK_EQ(xsctp_init_parse(p.b + 12, p.len - 12, &info), 0);
	UNIT_CHECK_EQ(info.cookie_len, 3);
	/* padding missing in front of another TLV shifts it: a drop */
	init_fixed(&v, 1, 1, 1);
	tlv(&v, XSCTP_PARAM_STATE_COOKIE, "abc", 3);
	v.len -= 1;
	tlv(&v, XSCTP_PARAM_ECN_CAPABLE, NULL, 0);
	init_pkt(&p, XSCTP_CID_INIT_ACK, &v);
	UNIT_CHECK(validate(&p) != XSCTP_DROP_NONE);
}

/* ---- INIT parsing ---- */

static int parse_init(struct buf *v, u8 type, struct xsctp_init_info *info)
{
	struct buf p;

	init_pkt(&p, type, v);
	return xsctp_init_parse(p.b + 12, p.len - 12, info);
}

UNIT(init_mandatory_fields)
{
	struct xsctp_init_info info = { 0 };
	struct buf v;

	init_fixed(&v, 0, 1, 1);
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info),
		      -XSCTP_INIT_ERR_ZERO_TAG);
	init_fixed(&v, 1, 0, 1);
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info),
		      -XSCTP_INIT_ERR_ZERO_OS);
	init_fixed(&v, 1, 1, 0);
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info),
		      -XSCTP_INIT_ERR_ZERO_MIS);
	init_fixed(&v, 0, 1, 1);
	tlv(&v, XSCTP_PARAM_STATE_COOKIE, NULL, 0);
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT_ACK, &info),
		      -XSCTP_INIT_ERR_ZERO_TAG);
	UNIT_CHECK_EQ(xsctp_init_err_cause(XSCTP_INIT_ERR_ZERO_TAG),
		      XSCTP_CAUSE_INVALID_PARAM);
	UNIT_CHECK_EQ(xsctp_init_err_cause(XSCTP_INIT_ERR_ZERO_OS),
		      XSCTP_CAUSE_INVALID_PARAM);
	UNIT_CHECK_EQ(xsctp_init_err_cause(XSCTP_INIT_ERR_ZERO_MIS),
		      XSCTP_CAUSE_INVALID_PARAM);
	UNIT_CHECK_EQ(xsctp_init_err_cause(XSCTP_INIT_ERR_HOSTNAME),
		      XSCTP_CAUSE_UNRESOLVABLE_ADDR);
	UNIT_CHECK_EQ(xsctp_init_err_cause(XSCTP_INIT_ERR_NO_COOKIE),
		      XSCTP_CAUSE_MISSING_PARAM);
	UNIT_CHECK_EQ(xsctp_init_err_cause(XSCTP_INIT_ERR_MALFORMED),
		      XSCTP_CAUSE_PROTO_VIOLATION);
	UNIT_CHECK_EQ(xsctp_init_err_cause(XSCTP_INIT_OK), 0);
	UNIT_CHECK_EQ(xsctp_init_err_cause(XSCTP_INIT_ERR__MAX), 0);
}

UNIT(init_malformed)
{
	struct xsctp_init_info info = { 0 };
	struct buf v, p;

	init_fixed(&v, 1, 1, 1);
	init_pkt(&p, XSCTP_CID_INIT, &v);
	/* one byte short of the fixed part, in the length and the buffer */
	UNIT_CHECK_EQ(xsctp_init_parse(p.b + 12, 19, &info),
		      -XSCTP_INIT_ERR_MALFORMED);
	set16(&p, 14, 19);
	UNIT_CHECK_EQ(xsctp_init_parse(p.b + 12, 20, &info),
		      -XSCTP_INIT_ERR_MALFORMED);
	UNIT_CHECK_EQ(xsctp_init_parse(p.b + 12, 0, &info),
		      -XSCTP_INIT_ERR_MALFORMED);
	/* not an INIT */
	set16(&p, 14, 20);
	p.b[12] = XSCTP_CID_DATA;
	UNIT_CHECK_EQ(xsctp_init_parse(p.b + 12, 20, &info),
		      -XSCTP_INIT_ERR_MALFORMED);
	/* a TLV past the chunk */
	init_fixed(&v, 1, 1, 1);
	tlv(&v, XSCTP_PARAM_ECN_CAPABLE, NULL, 0);
	set16(&v, 18, 5);
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info),
		      -XSCTP_INIT_ERR_MALFORMED);
}

UNIT(init_param_lengths)
{
	static const struct { u16 type, bad_len; } c[] = {
		{ XSCTP_PARAM_IPV4, 4 + 3 }, { XSCTP_PARAM_IPV4, 4 + 5 },
		{ XSCTP_PARAM_IPV6, 4 + 15 }, { XSCTP_PARAM_IPV6, 4 + 17 },
		{ XSCTP_PARAM_COOKIE_PRESERVATIVE, 4 + 3 },
		{ XSCTP_PARAM_ECN_CAPABLE, 4 + 1 },
		{ XSCTP_PARAM_FWD_TSN_SUPPORTED, 4 + 4 },
		{ XSCTP_PARAM_ADAPTATION_IND, 4 + 2 },
		{ XSCTP_PARAM_ZERO_CHECKSUM, 4 + 5 },
		{ XSCTP_PARAM_SUPPORTED_ADDR, 4 + 3 },
	};
	struct xsctp_init_info info = { 0 };
	static const u8 zero[32];
	struct buf v;
	u32 i;

	for (i = 0; i < ARRAY_SIZE(c); i++) {
		init_fixed(&v, 1, 1, 1);
		tlv(&v, c[i].type, zero, c[i].bad_len - 4);
		UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info),
			      -XSCTP_INIT_ERR_PARAM_LEN);
	}
}

UNIT(init_options)
{
	static const u8 ext[] = { XSCTP_CID_RECONF, XSCTP_CID_FWD_TSN, 0xff };
	static const u8 rnd[32] = { 7 };
	struct xsctp_init_info info = { 0 };
	struct buf v, o;

	init_fixed(&v, 1, 1, 1);
	o.len = 0;
	put32(&o, 60000);
	tlv(&v, XSCTP_PARAM_COOKIE_PRESERVATIVE, o.b, 4);
	o.len = 0;
	put16(&o, XSCTP_PARAM_IPV6);
	tlv(&v, XSCTP_PARAM_SUPPORTED_ADDR, o.b, 2);
	tlv(&v, XSCTP_PARAM_FWD_TSN_SUPPORTED, NULL, 0);
	o.len = 0;
	put32(&o, 0xabcdef01);
	tlv(&v, XSCTP_PARAM_ADAPTATION_IND, o.b, 4);
	tlv(&v, XSCTP_PARAM_SUPPORTED_EXT, ext, sizeof(ext));
	tlv(&v, XSCTP_PARAM_RANDOM, rnd, sizeof(rnd));
	tlv(&v, XSCTP_PARAM_PADDING, rnd, 13);
	o.len = 0;
	put32(&o, 1);
	tlv(&v, XSCTP_PARAM_ZERO_CHECKSUM, o.b, 4);
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info), 0);
	UNIT_CHECK(info.has_cookie_inc);
	UNIT_CHECK_EQ(info.cookie_inc, 60000);
	UNIT_CHECK(info.has_addr_types);
	UNIT_CHECK_EQ(info.addr_types, XSCTP_ADDR_TYPE_IPV6);
	UNIT_CHECK(info.fwd_tsn && !info.ecn);
	UNIT_CHECK(info.has_adaptation);
	UNIT_CHECK_EQ(info.adaptation_ind, 0xabcdef01);
	UNIT_CHECK(info.has_ext);
	UNIT_CHECK(xsctp_init_has_ext(&info, XSCTP_CID_RECONF));
	UNIT_CHECK(xsctp_init_has_ext(&info, XSCTP_CID_FWD_TSN));
	UNIT_CHECK(xsctp_init_has_ext(&info, 0xff));
	UNIT_CHECK(!xsctp_init_has_ext(&info, XSCTP_CID_ASCONF));
	UNIT_CHECK_EQ(info.random.len, 32);
	UNIT_CHECK(!info.chunks.len && !info.hmacs.len);
	UNIT_CHECK(info.has_zero_csum);
	UNIT_CHECK_EQ(info.zero_csum_edmid, 1);
	UNIT_CHECK(!info.nunrec && !info.stopped);
}

UNIT(init_hostname)
{
	struct xsctp_init_info info = { 0 };
	struct buf v;

	init_fixed(&v, 1, 1, 1);
	tlv(&v, XSCTP_PARAM_ECN_CAPABLE, NULL, 0);
	tlv(&v, XSCTP_PARAM_HOSTNAME, "example.org", 12);
	tlv(&v, XSCTP_PARAM_FWD_TSN_SUPPORTED, NULL, 0);
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info),
		      -XSCTP_INIT_ERR_HOSTNAME);
	UNIT_CHECK_EQ(info.hostname.off, 24);
	UNIT_CHECK_EQ(info.hostname.len, 16);
	/* the rest was still parsed, for the ABORT */
	UNIT_CHECK(info.ecn && info.fwd_tsn);
}

UNIT(init_address_overflow)
{
	struct xsctp_init_info info = { 0 };
	struct buf v;
	u8 a[4];
	int i;

	init_fixed(&v, 1, 1, 1);
	for (i = 0; i < XSCTP_INIT_MAX_ADDRS + 3; i++) {
		a[0] = 10;
		a[1] = 0;
		a[2] = 0;
		a[3] = i;
		tlv(&v, XSCTP_PARAM_IPV4, a, 4);
	}
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info), 0);
	UNIT_CHECK_EQ(info.naddrs, XSCTP_INIT_MAX_ADDRS);
	UNIT_CHECK_EQ(info.addrs_overflow, 3);
	UNIT_CHECK_EQ(info.addrs[XSCTP_INIT_MAX_ADDRS - 1].addr[3],
		      XSCTP_INIT_MAX_ADDRS - 1);
}

/* RFC 9260 s3.2.1: all four actions for unrecognised parameters */
UNIT(init_unrecognised_actions)
{
	struct xsctp_init_info info = { .unrec_budget = 1000 };
	struct buf v;

	init_fixed(&v, 1, 1, 1);
	tlv(&v, 0x8123, "a", 1);	/* skip */
	tlv(&v, 0xc123, "bb", 2);	/* skip + report */
	tlv(&v, XSCTP_PARAM_ECN_CAPABLE, NULL, 0);
	tlv(&v, 0x4123, "ccc", 3);	/* stop + report */
	tlv(&v, XSCTP_PARAM_FWD_TSN_SUPPORTED, NULL, 0);
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info), 0);
	UNIT_CHECK(info.ecn);
	UNIT_CHECK(!info.fwd_tsn);	/* after the stop */
	UNIT_CHECK(info.stopped);
	UNIT_CHECK_EQ(info.stop_off, 20 + 8 + 8 + 4);
	UNIT_CHECK_EQ(info.nunrec, 2);
	UNIT_CHECK_EQ(info.unrec[0].off, 28);
	UNIT_CHECK_EQ(info.unrec[0].len, 6);
	UNIT_CHECK_EQ(info.unrec[1].off, 40);
	UNIT_CHECK_EQ(info.unrec[1].len, 7);
	UNIT_CHECK_EQ(info.unrec_used, (4 + 8) + (4 + 8));
	UNIT_CHECK_EQ(info.unrec_overflow, 0);

	init_fixed(&v, 1, 1, 1);
	tlv(&v, 0x0123, "d", 1);	/* stop, silently */
	tlv(&v, XSCTP_PARAM_ECN_CAPABLE, NULL, 0);
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info), 0);
	UNIT_CHECK(info.stopped && !info.ecn && !info.nunrec);
	UNIT_CHECK_EQ(info.stop_off, 20);
	/* a type this parser knows only outside INIT is unrecognised here */
	init_fixed(&v, 1, 1, 1);
	tlv(&v, XSCTP_PARAM_HEARTBEAT_INFO, "e", 1);
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info), 0);
	UNIT_CHECK(info.stopped);
}

/* Each report costs 4 + the padded TLV: exact fit, one byte short */
UNIT(init_unrecognised_budget)
{
	struct xsctp_init_info info;
	struct buf v;
	int i;

	init_fixed(&v, 1, 1, 1);
	tlv(&v, 0xc001 + 0x100, "abcde", 5);	/* TLV 9, padded 12: 16 */
	tlv(&v, 0xc002 + 0x100, NULL, 0);	/* TLV 4: 8 */
	memset(&info, 0, sizeof(info));
	info.unrec_budget = 24;
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info), 0);
	UNIT_CHECK_EQ(info.nunrec, 2);
	UNIT_CHECK_EQ(info.unrec_used, 24);
	UNIT_CHECK_EQ(info.unrec_overflow, 0);
	info.unrec_budget = 23;
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info), 0);
	UNIT_CHECK_EQ(info.nunrec, 1);
	UNIT_CHECK_EQ(info.unrec_used, 16);
	UNIT_CHECK_EQ(info.unrec_overflow, 1);
	UNIT_CHECK_EQ(info.unrec_budget, 23);
	info.unrec_budget = 15;	/* the first no longer fits, the second does */
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info), 0);
	UNIT_CHECK_EQ(info.nunrec, 1);
	UNIT_CHECK_EQ(info.unrec[0].len, 4);
	UNIT_CHECK_EQ(info.unrec_overflow, 1);
	info.unrec_budget = 0;
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info), 0);
	UNIT_CHECK_EQ(info.nunrec, 0);
	UNIT_CHECK_EQ(info.unrec_overflow, 2);
	/* the array bound, with budget to spare */
	init_fixed(&v, 1, 1, 1);
	for (i = 0; i < XSCTP_INIT_MAX_UNREC + 2; i++)
		tlv(&v, 0xfff0, NULL, 0);
	info.unrec_budget = 100000;
	UNIT_CHECK_EQ(parse_init(&v, XSCTP_CID_INIT, &info), 0);
	UNIT_CHECK_EQ(info.nunrec, XSCTP_INIT_MAX_UNREC);
	UNIT_CHECK_EQ(info.unrec_overflow, 2);
	UNIT_CHECK_EQ(info.unrec_used, 8 * XSCTP_INIT_MAX_UNREC);
}

/* ---- other accessors ---- */

UNIT(data_no_user_data)
{
	struct xsctp_data_info d;
	struct buf v, p;

	data_val(&v, 5, 0);
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_DATA, 3, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK_EQ(xsctp_data_parse(p.b + 12, p.len - 12, &d), -ENODATA);
	UNIT_CHECK_EQ(d.tsn, 5);
	UNIT_CHECK_EQ(d.payload_len, 0);
	/* shorter than the DATA header, or not DATA */
	UNIT_CHECK_EQ(xsctp_data_parse(p.b + 12, 15, &d), -EINVAL);
	p.b[12] = XSCTP_CID_I_DATA;
	UNIT_CHECK_EQ(xsctp_data_parse(p.b + 12, p.len - 12, &d), -EINVAL);
}

UNIT(idata_fields)
{
	struct xsctp_data_info d;
	struct buf v, p;

	v.len = 0;
	put32(&v, 1);		/* tsn */
	put16(&v, 2);		/* sid */
	put16(&v, 0);
	put32(&v, 3);		/* mid */
	put32(&v, 4);		/* ppid or fsn */
	put8(&v, 0x55);
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_I_DATA, XSCTP_DATA_B, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK_EQ(xsctp_idata_parse(p.b + 12, p.len - 12, &d), 0);
	UNIT_CHECK_EQ(d.tsn, 1);
	UNIT_CHECK_EQ(d.sid, 2);
	UNIT_CHECK_EQ(d.mid, 3);
	UNIT_CHECK_EQ(d.ppid, 4);
	UNIT_CHECK_EQ(d.fsn, 0);
	UNIT_CHECK_EQ(d.payload_len, 1);
	p.b[13] = XSCTP_DATA_E;
	UNIT_CHECK_EQ(xsctp_idata_parse(p.b + 12, p.len - 12, &d), 0);
	UNIT_CHECK_EQ(d.ppid, 0);
	UNIT_CHECK_EQ(d.fsn, 4);
	set16(&p, 14, 20);
	UNIT_CHECK_EQ(xsctp_idata_parse(p.b + 12, p.len - 12, &d), -ENODATA);
}

UNIT(heartbeat_info)
{
	static const u8 hb[12] = { 1, 2, 3 };
	struct xsctp_tlv t;
	struct buf v, p;

	v.len = 0;
	tlv(&v, XSCTP_PARAM_HEARTBEAT_INFO, hb, sizeof(hb));
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_HEARTBEAT, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK_EQ(xsctp_heartbeat_info(p.b + 12, p.len - 12, &t), 0);
	UNIT_CHECK(t.p == p.b + 16);
	UNIT_CHECK_EQ(t.len, 16);
	p.b[12] = XSCTP_CID_HEARTBEAT_ACK;
	UNIT_CHECK_EQ(xsctp_heartbeat_info(p.b + 12, p.len - 12, &t), 0);
	p.b[17] = 2;		/* not a Heartbeat Info TLV */
	UNIT_CHECK_EQ(xsctp_heartbeat_info(p.b + 12, p.len - 12, &t), -EINVAL);
	p.b[17] = 1;
	set16(&p, 18, 17);	/* TLV one byte past the chunk */
	UNIT_CHECK_EQ(xsctp_heartbeat_info(p.b + 12, p.len - 12, &t), -EINVAL);
	p.b[12] = XSCTP_CID_SACK;
	UNIT_CHECK_EQ(xsctp_heartbeat_info(p.b + 12, p.len - 12, &t), -EINVAL);
}

UNIT(shutdown_and_fwdtsn)
{
	struct xsctp_fwdtsn_info f;
	struct buf v, p;
	u32 cum;

	v.len = 0;
	put32(&v, 0x12345678);
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_SHUTDOWN, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK_EQ(xsctp_shutdown_cum_tsn(p.b + 12, p.len - 12, &cum), 0);
	UNIT_CHECK_EQ(cum, 0x12345678);
	UNIT_CHECK_EQ(xsctp_shutdown_cum_tsn(p.b + 12, 7, &cum), -EINVAL);

	put32(&v, 0x00010002);
	put32(&v, 0x00030004);
	put16(&v, 0xffff);	/* a partial entry, ignored */
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_FWD_TSN, 0, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK_EQ(xsctp_fwdtsn_parse(p.b + 12, p.len - 12, &f), 0);
	UNIT_CHECK_EQ(f.new_cum_tsn, 0x12345678);
	UNIT_CHECK_EQ(f.num_skips, 2);
	UNIT_CHECK_EQ(f.skip_len, 4);
	UNIT_CHECK_EQ(xsctp_get_be16(f.skips + 4), 3);
	p.b[12] = XSCTP_CID_I_FWD_TSN;
	UNIT_CHECK_EQ(xsctp_fwdtsn_parse(p.b + 12, p.len - 12, &f), 0);
	UNIT_CHECK_EQ(f.num_skips, 1);
	UNIT_CHECK_EQ(f.skip_len, 8);
	p.b[12] = XSCTP_CID_SHUTDOWN;
	UNIT_CHECK_EQ(xsctp_fwdtsn_parse(p.b + 12, p.len - 12, &f), -EINVAL);
}

UNIT(abort_causes)
{
	struct xsctp_param_iter it;
	struct xsctp_chunk_iter ci;
	struct xsctp_chunk c;
	struct xsctp_tlv t;
	struct buf v, p;

	v.len = 0;
	tlv(&v, XSCTP_CAUSE_USER_ABORT, "bye", 3);
	tlv(&v, XSCTP_CAUSE_PROTO_VIOLATION, NULL, 0);
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_ABORT, XSCTP_CHUNK_FLAG_T, v.b, v.len);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK(xsctp_chunk_first(&ci, p.b, p.len, &c));
	UNIT_CHECK(c.flags & XSCTP_CHUNK_FLAG_T);
	UNIT_CHECK(c.ops->flags & XSCTP_CHUNK_F_T_BIT);
	UNIT_CHECK(xsctp_cause_first(&it, c.p, c.len, &t));
	UNIT_CHECK_EQ(t.type, XSCTP_CAUSE_USER_ABORT);
	UNIT_CHECK_EQ(t.len, 7);
	UNIT_CHECK_EQ(t.off, 4);
	UNIT_CHECK(xsctp_param_next(&it, &t));
	UNIT_CHECK_EQ(t.type, XSCTP_CAUSE_PROTO_VIOLATION);
	UNIT_CHECK_EQ(t.off, 12);
	UNIT_CHECK(!xsctp_param_next(&it, &t));
	/* fewer bytes than the chunk claims: nothing */
	UNIT_CHECK(!xsctp_cause_first(&it, c.p, c.len - 1, &t));
	/* an ABORT without causes */
	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_ABORT, 0, NULL, 0);
	UNIT_CHECK_EQ(validate(&p), XSCTP_DROP_NONE);
	UNIT_CHECK(!xsctp_cause_first(&it, p.b + 12, 4, &t));
}

/* The iterators stay inside the buffer on input nobody validated */
UNIT(iterators_on_garbage)
{
	struct xsctp_param_iter pi;
	struct xsctp_chunk_iter it;
	struct xsctp_chunk c;
	struct xsctp_tlv t;
	struct buf p;
	int n = 0;

	pkt_hdr(&p, 1, 2, 3);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	chunk(&p, XSCTP_CID_COOKIE_ACK, 0, NULL, 0);
	set16(&p, 18, 200);
	UNIT_CHECK(xsctp_chunk_first(&it, p.b, p.len, &c));
	while (xsctp_chunk_next(&it, &c))
		n++;
	UNIT_CHECK_EQ(n, 0);
	UNIT_CHECK(!xsctp_chunk_first(&it, p.b, 12, &c));
	UNIT_CHECK(!xsctp_chunk_first(&it, p.b, 5, &c));
	/* TLV walk where the chunk length exceeds what is available */
	UNIT_CHECK(!xsctp_param_first(&pi, p.b + 16, 4, 4, &t));
	UNIT_CHECK(!xsctp_param_first(&pi, p.b + 16, 3, 0, &t));
}

UNIT_MAIN("xsctp_chunk",
	  UNIT_CASE(drop_reason_names),
	  UNIT_CASE(ops_table),
	  UNIT_CASE(action_bits),
	  UNIT_CASE(valid_init),
	  UNIT_CASE(valid_init_ack_with_cookie),
	  UNIT_CASE(init_ack_without_cookie),
	  UNIT_CASE(valid_cookie_echo_and_data),
	  UNIT_CASE(valid_sack_gaps_dups),
	  UNIT_CASE(sack_counts_overrun),
	  UNIT_CASE(drop_too_short_and_no_chunks),
	  UNIT_CASE(drop_zero_port),
	  UNIT_CASE(drop_chunk_too_short),
	  UNIT_CASE(drop_trailing_partial_chunk),
	  UNIT_CASE(drop_chunk_overrun),
	  UNIT_CASE(drop_chunk_below_min),
	  UNIT_CASE(drop_init_bundled),
	  UNIT_CASE(drop_init_vtag),
	  UNIT_CASE(drop_zero_vtag),
	  UNIT_CASE(drop_param_too_short),
	  UNIT_CASE(drop_param_overrun),
	  UNIT_CASE(unknown_chunk_stop_first),
	  UNIT_CASE(unknown_chunk_stop_report),
	  UNIT_CASE(unknown_chunk_skip),
	  UNIT_CASE(padding_last_chunk_may_be_short),
	  UNIT_CASE(padding_required_between_chunks),
	  UNIT_CASE(padding_last_param_may_be_short),
	  UNIT_CASE(init_mandatory_fields),
	  UNIT_CASE(init_malformed),
	  UNIT_CASE(init_param_lengths),
	  UNIT_CASE(init_options),
	  UNIT_CASE(init_hostname),
	  UNIT_CASE(init_address_overflow),
	  UNIT_CASE(init_unrecognised_actions),
	  UNIT_CASE(init_unrecognised_budget),
	  UNIT_CASE(data_no_user_data),
	  UNIT_CASE(idata_fields),
	  UNIT_CASE(heartbeat_info),
	  UNIT_CASE(shutdown_and_fwdtsn),
	  UNIT_CASE(abort_causes),
	  UNIT_CASE(iterators_on_garbage))
