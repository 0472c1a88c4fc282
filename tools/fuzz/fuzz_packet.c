// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for net/xsctp/chunk.c: arbitrary bytes go through
 * xsctp_pkt_validate(), both iterators, xsctp_init_parse() and every
 * accessor; what the API promises about bounds is asserted on the way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <net/xsctp/chunk.h>

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
			__FILE__, __LINE__, #c);			\
		abort();						\
	}								\
} while (0)

static const u8 *buf_lo, *buf_hi;
u32 fuzz_sink;		/* keeps the reads below from being optimised out */

/* [p, p + n) lies in the fuzz input; read it so ASan checks it too */
static void in_input(const u8 *p, u32 n)
{
	CHECK(p >= buf_lo && p <= buf_hi && n <= (u32)(buf_hi - p));
	while (n--)
		fuzz_sink += *p++;
}

/* A byte range of a chunk (offset, length) lies inside that chunk */
static void in_chunk(const struct xsctp_tlv_ref *r, u16 clen)
{
	CHECK((u32)r->off + r->len <= clen);
}

/* Walks TLVs from @off; returns true if the walk covered the chunk */
static bool walk_tlvs(const u8 *chunk, u32 avail, u16 clen, u16 off)
{
	struct xsctp_param_iter it;
	struct xsctp_tlv t;
	u32 next = off;
	bool more;

	more = xsctp_param_first(&it, chunk, avail, off, &t);
	for (; more; more = xsctp_param_next(&it, &t)) {
		CHECK(t.off == next);
		CHECK(t.len >= 4 && (u32)t.off + t.len <= clen);
		CHECK(t.p == chunk + t.off);
		CHECK(t.type == xsctp_get_be16(t.p));
		in_input(t.p, t.len);
		next = t.off + ALIGN((u32)t.len, 4);
	}
	return next >= clen;
}

static void check_init(const u8 *p, u32 avail, u16 clen, u32 budget,
		       bool valid)
{
	struct xsctp_init_info info;
	int err, i;

	memset(&info, 0xa5, sizeof(info));
	info.unrec_budget = budget;
	err = xsctp_init_parse(p, avail, &info);
	CHECK(err <= 0 && err > -XSCTP_INIT_ERR__MAX);
	CHECK(info.unrec_budget == budget);
	(void)xsctp_init_err_cause(-err);
	/* a packet validate() accepted has well-formed INIT TLVs */
	if (valid)
		CHECK(err != -XSCTP_INIT_ERR_MALFORMED);
	if (err && err != -XSCTP_INIT_ERR_HOSTNAME &&
	    err != -XSCTP_INIT_ERR_NO_COOKIE)
		return;
	CHECK(info.type == p[0]);
	CHECK(info.init_tag && info.num_os && info.num_mis);
	CHECK(info.naddrs <= XSCTP_INIT_MAX_ADDRS);
	for (i = 0; i < info.naddrs; i++)
		CHECK(info.addrs[i].type == XSCTP_PARAM_IPV4 ||
		      info.addrs[i].type == XSCTP_PARAM_IPV6);
	CHECK(info.nunrec <= XSCTP_INIT_MAX_UNREC);
	CHECK(info.unrec_used <= budget);
	for (i = 0; i < info.nunrec; i++) {
		in_chunk(&info.unrec[i], clen);
		CHECK(info.unrec[i].off >= XSCTP_INIT_FIXED_LEN);
	}
	if (info.cookie) {
		CHECK(info.cookie >= p + XSCTP_INIT_FIXED_LEN);
		CHECK(info.cookie + info.cookie_len <= p + clen);
		in_input(info.cookie, info.cookie_len);
	} else {
		CHECK(err || p[0] == XSCTP_CID_INIT);
	}
	CHECK(!!info.hostname.len == (err == -XSCTP_INIT_ERR_HOSTNAME));
	in_chunk(&info.hostname, clen);
	in_chunk(&info.random, clen);
	in_chunk(&info.chunks, clen);
	in_chunk(&info.hmacs, clen);
	if (info.stopped)
		CHECK(info.stop_off >= XSCTP_INIT_FIXED_LEN &&
		      info.stop_off < clen);
}

static void check_data(const struct xsctp_chunk *c, u32 avail)
{
	struct xsctp_data_info d;
	int err;

	err = xsctp_data_parse(c->p, avail, &d);
	CHECK(err == 0 || err == -ENODATA || err == -EINVAL);
	CHECK(err == -EINVAL || c->type == XSCTP_CID_DATA);
	if (err != -EINVAL) {
		CHECK(d.payload + d.payload_len == c->p + c->len);
		CHECK(!d.payload_len == (err == -ENODATA));
		in_input(d.payload, d.payload_len);
	}
	err = xsctp_idata_parse(c->p, avail, &d);
	CHECK(err == -EINVAL || c->type == XSCTP_CID_I_DATA);
	if (err != -EINVAL) {
		CHECK(d.payload + d.payload_len == c->p + c->len);
		in_input(d.payload, d.payload_len);
	}
}

static void check_sack(const struct xsctp_chunk *c, u32 avail, bool valid)
{
	struct xsctp_sack_info s;
	u16 i, start, end;
	u32 tsn;

	if (xsctp_sack_parse(c->p, avail, &s)) {
		CHECK(!valid || c->type != XSCTP_CID_SACK);
		return;
	}
	CHECK(c->type == XSCTP_CID_SACK);
	CHECK(s.gaps + 4 * ((u32)s.num_gaps + s.num_dups) <= c->p + c->len);
	for (i = 0; i < s.num_gaps; i++)
		CHECK(xsctp_sack_gap(&s, i, &start, &end));
	CHECK(!xsctp_sack_gap(&s, s.num_gaps, &start, &end));
	for (i = 0; i < s.num_dups; i++)
		CHECK(xsctp_sack_dup(&s, i, &tsn));
	CHECK(!xsctp_sack_dup(&s, s.num_dups, &tsn));
}

static void check_misc(const struct xsctp_chunk *c, u32 avail)
{
	struct xsctp_fwdtsn_info f;
	struct xsctp_tlv t;
	u32 cum;

	if (!xsctp_heartbeat_info(c->p, avail, &t)) {
		CHECK(t.p == c->p + 4 && t.len <= c->len - 4);
		CHECK(t.type == XSCTP_PARAM_HEARTBEAT_INFO);
		in_input(t.p, t.len);
	}
	if (!xsctp_shutdown_cum_tsn(c->p, avail, &cum))
		CHECK(c->type == XSCTP_CID_SHUTDOWN && c->len >= 8);
	if (!xsctp_fwdtsn_parse(c->p, avail, &f)) {
		CHECK(f.skips + (u32)f.num_skips * f.skip_len <=
		      c->p + c->len);
		in_input(f.skips, (u32)f.num_skips * f.skip_len);
	}
}

/* Given fewer bytes than the chunk claims, every accessor refuses it */
static void check_truncated(const struct xsctp_chunk *c, u32 avail)
{
	struct xsctp_init_info info = { .unrec_budget = 64 };
	struct xsctp_param_iter it;
	struct xsctp_fwdtsn_info f;
	struct xsctp_data_info d;
	struct xsctp_sack_info s;
	struct xsctp_tlv t;
	u32 cum;

	CHECK(xsctp_init_parse(c->p, avail, &info) ==
	      -XSCTP_INIT_ERR_MALFORMED);
	CHECK(xsctp_data_parse(c->p, avail, &d) == -EINVAL);
	CHECK(xsctp_idata_parse(c->p, avail, &d) == -EINVAL);
	CHECK(xsctp_sack_parse(c->p, avail, &s) == -EINVAL);
	CHECK(xsctp_heartbeat_info(c->p, avail, &t) == -EINVAL);
	CHECK(xsctp_shutdown_cum_tsn(c->p, avail, &cum) == -EINVAL);
	CHECK(xsctp_fwdtsn_parse(c->p, avail, &f) == -EINVAL);
	CHECK(!xsctp_param_first(&it, c->p, avail, 0, &t));
}

/* Everything about one chunk; @valid: the packet passed validation */
static void check_chunk(const struct xsctp_chunk *c, u32 avail, bool valid,
			u32 budget)
{
	const struct xsctp_chunk_ops *ops = c->ops;

	CHECK(ops == xsctp_chunk_ops(c->type));
	CHECK(c->action == xsctp_chunk_action(c->type));
	if (valid && ops) {
		CHECK(c->len >= ops->min_len);
		CHECK(!ops->check || ops->check(c->p, c->len));
	}
	if (ops && (ops->flags & (XSCTP_CHUNK_F_PARAMS |
				  XSCTP_CHUNK_F_CAUSES))) {
		bool whole = walk_tlvs(c->p, avail, c->len, ops->tlv_off);

		CHECK(!valid || whole);
	}
	/* any offset must be safe, including odd and past-the-end ones */
	walk_tlvs(c->p, avail, c->len, budget % (c->len + 8));
	if (c->type == XSCTP_CID_INIT || c->type == XSCTP_CID_INIT_ACK)
		check_init(c->p, avail, c->len, budget, valid);
	check_data(c, avail);
	check_sack(c, avail, valid);
	check_misc(c, avail);
	check_truncated(c, budget % c->len);
}

static void check_packet(const u8 *data, u32 size, u32 budget)
{
	enum xsctp_drop_reason r = xsctp_pkt_validate(data, size);
	struct xsctp_chunk_iter it;
	struct xsctp_chunk c;
	u32 n = 0, next = XSCTP_HDR_LEN, alone = 0;
	bool more, stopped = false;

	CHECK((unsigned int)r < XSCTP_DROP__MAX);
	CHECK(xsctp_drop_reason_name(r) && xsctp_drop_reason_mib(r));
	for (more = xsctp_chunk_first(&it, data, size, &c); more;
	     more = xsctp_chunk_next(&it, &c)) {
		CHECK(!stopped);
		CHECK(c.off == next && c.p == data + c.off);
		CHECK(c.len >= 4 && (u32)c.off + c.len <= size);
		CHECK(c.type == c.p[0] && c.flags == c.p[1]);
		in_input(c.p, c.len);
		check_chunk(&c, size - c.off, r == XSCTP_DROP_NONE, budget);
		if (c.ops && (c.ops->flags & XSCTP_CHUNK_F_MUST_BE_ALONE))
			alone++;
		stopped = !c.ops && !(c.action & XSCTP_CHUNK_ACT_SKIP);
		next = c.off + ALIGN((u32)c.len, 4);
		n++;
	}
	if (r != XSCTP_DROP_NONE)
		return;
	/* an accepted packet: chunks reach its end, bundling rules hold */
	CHECK(n > 0);
	CHECK(stopped || next >= size);
	CHECK(!alone || n == 1);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	u32 budget;

	buf_lo = data;
	buf_hi = data + size;
	/*
	 * The unrecognised-parameter budget comes from the checksum field,
	 * which nothing here reads, so seeds stay valid packets.
	 */
	budget = size >= XSCTP_HDR_LEN ? xsctp_get_be16(data + 8) : 0;
	check_packet(data, size, budget);
	/* the accessors on their own, at the packet's first chunk */
	if (size > XSCTP_HDR_LEN) {
		struct xsctp_chunk c = { 0 };

		c.p = data + XSCTP_HDR_LEN;
		c.type = c.p[0];
		c.len = size - XSCTP_HDR_LEN >= 4 ?
			xsctp_get_be16(c.p + 2) : 0;
		if (c.len >= 4 && c.len <= size - XSCTP_HDR_LEN) {
			check_init(c.p, size - XSCTP_HDR_LEN, c.len, budget,
				   false);
			check_misc(&c, size - XSCTP_HDR_LEN);
		}
	}
	return 0;
}
