// SPDX-License-Identifier: GPL-2.0
/*
 * SOL_SCTP socket options (RFC 6458 s8): for each, the value set comes
 * back, its effect shows where userspace can see it (the receiver's
 * stream, PPID, context and address, the DATA chunks counted in
 * /proc/net/sctp/snmp, the time a SACK takes), and bad lengths, bad
 * association ids, the wrong socket style and bad values get the errno
 * Linux's sctp.ko gives.  Over loopback, standard API only: every test
 * passes on sctp.ko too.  SCTP_MAX_BURST's effect (packets per flush)
 * has no reliable userspace signal on loopback and is not tested.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "helpers.h"

#define TIMEOUT_MS	10000
#define NO_ASSOC	12345	/* an id no association has */

/*
 * Binds a socket of @fam/@type to loopback (@any: to the wildcard, so
 * that a v6 socket also talks to IPv4 peers), any port; @a gets the name.
 */
static int bound_socket(int fam, int type, int any,
			struct sockaddr_storage *a)
{
	socklen_t len = sizeof(*a);
	int fd = socket(fam, type, IPPROTO_SCTP);

	memset(a, 0, sizeof(*a));
	a->ss_family = fam;
	if (fam == AF_INET)
		((struct sockaddr_in *)a)->sin_addr.s_addr =
			htonl(INADDR_LOOPBACK);
	else if (!any)
		((struct sockaddr_in6 *)a)->sin6_addr = in6addr_loopback;
	if (fd < 0 || bind(fd, (struct sockaddr *)a, fam == AF_INET ?
			   sizeof(struct sockaddr_in) :
			   sizeof(struct sockaddr_in6)) ||
	    getsockname(fd, (struct sockaddr *)a, &len))
		return -1;
	return fd;
}

static int lo_socket(int fam, int type, struct sockaddr_storage *a)
{
	return bound_socket(fam, type, 0, a);
}

static socklen_t alen(const struct sockaddr_storage *a)
{
	return a->ss_family == AF_INET ? sizeof(struct sockaddr_in) :
					 sizeof(struct sockaddr_in6);
}

/*
 * A one-to-one connection: *@cli connected, *@srv accepted.  @prep, when
 * set, runs on the listener before the connection (options to inherit).
 */
static int stream_pair(int fam, int *cli, int *srv, void (*prep)(int fd))
{
	struct sockaddr_storage la, ca;
	int l = lo_socket(fam, SOCK_STREAM, &la);

	if (l < 0 || listen(l, 4))
		return -1;
	if (prep)
		prep(l);
	*cli = lo_socket(fam, SOCK_STREAM, &ca);
	if (*cli < 0 || connect(*cli, (struct sockaddr *)&la, alen(&la)))
		return -1;
	*srv = accept(l, NULL, NULL);
	close(l);
	return *srv < 0 ? -1 : 0;
}

/* The state of association @id of @fd (0 on one-to-one), or -errno. */
static int assoc_state(int fd, sctp_assoc_t id)
{
	struct sctp_status st = { .sstat_assoc_id = id };
	socklen_t len = sizeof(st);

	if (getsockopt(fd, IPPROTO_SCTP, SCTP_STATUS, &st, &len))
		return -errno;
	return st.sstat_state;
}

/*
 * Two one-to-many sockets, @a of family @fam, the listener @b of @bfam
 * (a v6 @b is reached from a v4 @a at 127.0.0.1); @a sets up an
 * association to @b, whose id on @a is *@id.  Waits until it is up.
 */
static struct sockaddr_storage seq_peer;	/* @b as @a reaches it */

static int seq_pair(int fam, int bfam, int *a, int *b, sctp_assoc_t *id)
{
	struct sockaddr_storage aa, ba;
	int i;

	*b = bound_socket(bfam, SOCK_SEQPACKET, bfam != fam, &ba);
	*a = lo_socket(fam, SOCK_SEQPACKET, &aa);
	if (*a < 0 || *b < 0 || listen(*b, 4))
		return -1;
	if (bfam != fam) {	/* a v4 peer of a v6 socket: 127.0.0.1 */
		struct sockaddr_in *s = (struct sockaddr_in *)&ba;
		unsigned short port = ((struct sockaddr_in6 *)&ba)->sin6_port;

		memset(&ba, 0, sizeof(ba));
		s->sin_family = AF_INET;
		s->sin_port = port;
		s->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	}
	seq_peer = ba;
	if (sctp_connectx(*a, (struct sockaddr *)&ba, 1, id) < 0)
		return -1;
	for (i = 0; i < TIMEOUT_MS / 10; i++) {
		if (assoc_state(*a, *id) == SCTP_ESTABLISHED)
			return 0;
		usleep(10000);
	}
	return -1;
}

/* What recv_msg() saw besides the data. */
struct rcvd {
	int flags;
	int has_rcv, has_nxt;
	struct sctp_rcvinfo rcv;
	struct sctp_nxtinfo nxt;
	struct sockaddr_storage from;
	socklen_t fromlen;
};

/* Reads one message (notifications skipped) within TIMEOUT_MS. */
static ssize_t recv_msg(int fd, void *buf, size_t size, struct rcvd *r)
{
	char cbuf[CMSG_SPACE(sizeof(struct sctp_rcvinfo)) +
		  CMSG_SPACE(sizeof(struct sctp_nxtinfo)) + 64];
	struct pollfd p = { .fd = fd, .events = POLLIN };
	struct cmsghdr *c;
	ssize_t n;

	for (;;) {
		struct iovec iov = { buf, size };
		struct msghdr m = {
			.msg_name = &r->from, .msg_namelen = sizeof(r->from),
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
		};

		memset(r, 0, sizeof(*r));
		if (poll(&p, 1, TIMEOUT_MS) != 1)
			return -ETIMEDOUT;
		n = recvmsg(fd, &m, 0);
		if (n < 0)
			return -errno;
		if (m.msg_flags & MSG_NOTIFICATION)
			continue;
		r->flags = m.msg_flags;
		r->fromlen = m.msg_namelen;
		for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
			if (c->cmsg_level != IPPROTO_SCTP)
				continue;
			if (c->cmsg_type == SCTP_RCVINFO) {
				memcpy(&r->rcv, CMSG_DATA(c), sizeof(r->rcv));
				r->has_rcv = 1;
			} else if (c->cmsg_type == SCTP_NXTINFO) {
				memcpy(&r->nxt, CMSG_DATA(c), sizeof(r->nxt));
				r->has_nxt = 1;
			}
		}
		return n;
	}
}

static int set_int(int fd, int opt, int v)
{
	return setsockopt(fd, IPPROTO_SCTP, opt, &v, sizeof(v)) ? -errno : 0;
}

static int get_int(int fd, int opt)
{
	socklen_t len = sizeof(int);
	int v;

	if (getsockopt(fd, IPPROTO_SCTP, opt, &v, &len))
		return -errno;
	return v;
}

/* setsockopt / getsockopt with a given length: 0 or -errno. */
static int set_len(int fd, int opt, const void *v, socklen_t len)
{
	return setsockopt(fd, IPPROTO_SCTP, opt, v, len) ? -errno : 0;
}

static int get_len(int fd, int opt, void *v, socklen_t len)
{
	return getsockopt(fd, IPPROTO_SCTP, opt, v, &len) ? -errno : 0;
}

static int set_av(int fd, int opt, sctp_assoc_t id, unsigned int v)
{
	struct sctp_assoc_value av = { .assoc_id = id, .assoc_value = v };

	return set_len(fd, opt, &av, sizeof(av));
}

/* The value of an sctp_assoc_value option, or -errno. */
static long get_av(int fd, int opt, sctp_assoc_t id)
{
	struct sctp_assoc_value av = { .assoc_id = id };
	int err = get_len(fd, opt, &av, sizeof(av));

	return err ? err : (long)av.assoc_value;
}

static int set_sack(int fd, sctp_assoc_t id, unsigned int delay,
		    unsigned int freq)
{
	struct sctp_sack_info si = { id, delay, freq };

	return set_len(fd, SCTP_DELAYED_SACK, &si, sizeof(si));
}

static int get_sack(int fd, sctp_assoc_t id, struct sctp_sack_info *si)
{
	memset(si, 0, sizeof(*si));
	si->sack_assoc_id = id;
	return get_len(fd, SCTP_DELAYED_SACK, si, sizeof(*si));
}

static int set_sndinfo(int fd, sctp_assoc_t id, unsigned short sid,
		       unsigned int ppid, unsigned short flags)
{
	struct sctp_sndinfo si = { .snd_sid = sid, .snd_flags = flags,
				   .snd_ppid = ppid, .snd_assoc_id = id };

	return set_len(fd, SCTP_DEFAULT_SNDINFO, &si, sizeof(si));
}

static int get_sndinfo(int fd, sctp_assoc_t id, struct sctp_sndinfo *si)
{
	memset(si, 0, sizeof(*si));
	si->snd_assoc_id = id;
	return get_len(fd, SCTP_DEFAULT_SNDINFO, si, sizeof(*si));
}

/* ---- rules shared by all options ---- */

TEST(unknown_option_enoprotoopt)
{
	int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int v = 1;
	socklen_t len = sizeof(v);

	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, setsockopt(fd, IPPROTO_SCTP, 9999, &v, sizeof(v)));
	EXPECT_EQ(ENOPROTOOPT, errno);
	EXPECT_EQ(-1, getsockopt(fd, IPPROTO_SCTP, 9999, &v, &len));
	EXPECT_EQ(ENOPROTOOPT, errno);
	/* get-only options cannot be set */
	EXPECT_EQ(-ENOPROTOOPT, set_int(fd, SCTP_GET_ASSOC_NUMBER, 1));
	close(fd);
}

/* One length rule: option, style, length, set errno, get errno. */
struct len_rule {
	int opt;
	int type;
	socklen_t len;
	int set_err;
	int get_err;
};

/*
 * Too short is EINVAL everywhere; a struct option takes exactly its
 * size on set (more on get), int flags take anything from an int up.
 * -1: that direction is not checked (the call would do something else).
 */
static const struct len_rule len_rules[] = {
	{ SCTP_INITMSG, SOCK_STREAM, sizeof(struct sctp_initmsg) - 1,
	  EINVAL, EINVAL },
	{ SCTP_INITMSG, SOCK_STREAM, sizeof(struct sctp_initmsg) + 4,
	  EINVAL, 0 },
	{ SCTP_RTOINFO, SOCK_STREAM, sizeof(struct sctp_rtoinfo) - 1,
	  EINVAL, EINVAL },
	{ SCTP_RTOINFO, SOCK_STREAM, sizeof(struct sctp_rtoinfo) + 4,
	  EINVAL, 0 },
	{ SCTP_ASSOCINFO, SOCK_STREAM, sizeof(struct sctp_assocparams) - 1,
	  EINVAL, EINVAL },
	{ SCTP_ASSOCINFO, SOCK_STREAM, sizeof(struct sctp_assocparams) + 4,
	  EINVAL, 0 },
	{ SCTP_EVENTS, SOCK_STREAM, sizeof(struct sctp_event_subscribe) + 1,
	  EINVAL, 0 },
	{ SCTP_EVENTS, SOCK_STREAM, 0, -1, EINVAL },
	{ SCTP_EVENT, SOCK_STREAM, sizeof(struct sctp_event) - 1,
	  EINVAL, EINVAL },
	{ SCTP_AUTOCLOSE, SOCK_SEQPACKET, 3, EINVAL, EINVAL },
	{ SCTP_AUTOCLOSE, SOCK_SEQPACKET, 8, EINVAL, 0 },
	{ SCTP_PARTIAL_DELIVERY_POINT, SOCK_STREAM, 3, EINVAL, EINVAL },
	{ SCTP_PARTIAL_DELIVERY_POINT, SOCK_STREAM, 8, EINVAL, 0 },
	{ SCTP_FRAGMENT_INTERLEAVE, SOCK_STREAM, 3, EINVAL, EINVAL },
	{ SCTP_FRAGMENT_INTERLEAVE, SOCK_STREAM, 8, EINVAL, 0 },
	{ SCTP_NODELAY, SOCK_STREAM, 3, EINVAL, EINVAL },
	{ SCTP_NODELAY, SOCK_STREAM, 8, 0, 0 },
	{ SCTP_DISABLE_FRAGMENTS, SOCK_STREAM, 3, EINVAL, EINVAL },
	{ SCTP_DISABLE_FRAGMENTS, SOCK_STREAM, 8, 0, 0 },
	{ SCTP_RECVRCVINFO, SOCK_STREAM, 3, EINVAL, EINVAL },
	{ SCTP_RECVNXTINFO, SOCK_STREAM, 3, EINVAL, EINVAL },
	{ SCTP_RECVNXTINFO, SOCK_STREAM, 8, 0, 0 },
	{ SCTP_I_WANT_MAPPED_V4_ADDR, SOCK_STREAM, 3, EINVAL, EINVAL },
	{ SCTP_I_WANT_MAPPED_V4_ADDR, SOCK_STREAM, 8, 0, 0 },
	{ SCTP_REUSE_PORT, SOCK_STREAM, 3, -1, EINVAL },
	{ SCTP_STATUS, SOCK_STREAM, sizeof(struct sctp_status) - 1,
	  -1, EINVAL },
	{ SCTP_GET_ASSOC_NUMBER, SOCK_SEQPACKET, 3, -1, EINVAL },
	{ SCTP_DEFAULT_SNDINFO, SOCK_STREAM, sizeof(struct sctp_sndinfo) - 1,
	  EINVAL, EINVAL },
	{ SCTP_DEFAULT_SNDINFO, SOCK_STREAM, sizeof(struct sctp_sndinfo) + 4,
	  EINVAL, 0 },
	{ SCTP_DEFAULT_SEND_PARAM, SOCK_STREAM,
	  sizeof(struct sctp_sndrcvinfo) - 1, EINVAL, EINVAL },
	{ SCTP_DEFAULT_SEND_PARAM, SOCK_STREAM,
	  sizeof(struct sctp_sndrcvinfo) + 4, EINVAL, 0 },
	{ SCTP_CONTEXT, SOCK_STREAM, 4, EINVAL, EINVAL },
	{ SCTP_CONTEXT, SOCK_STREAM, 12, EINVAL, 0 },
	{ SCTP_MAX_BURST, SOCK_STREAM, 6, EINVAL, EINVAL },
	{ SCTP_MAX_BURST, SOCK_STREAM, 12, EINVAL, 0 },
	{ SCTP_MAXSEG, SOCK_STREAM, 6, EINVAL, EINVAL },
	{ SCTP_MAXSEG, SOCK_STREAM, 12, EINVAL, 0 },
	{ SCTP_DELAYED_SACK, SOCK_STREAM, 4, EINVAL, EINVAL },
	{ SCTP_DELAYED_SACK, SOCK_STREAM, 16, EINVAL, 0 },
};

TEST(lengths)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(len_rules); i++) {
		const struct len_rule *r = &len_rules[i];
		char buf[512] = {};
		int fd = socket(AF_INET, r->type, IPPROTO_SCTP);

		ASSERT_LE(0, fd);
		/* valid contents: a known event type, sane values */
		if (r->opt == SCTP_EVENT)
			((struct sctp_event *)buf)->se_type =
				SCTP_ASSOC_CHANGE;
		if (r->set_err >= 0) {
			EXPECT_EQ(-r->set_err, set_len(fd, r->opt, buf, r->len))
				TH_LOG("set opt %d len %u", r->opt, r->len);
		}
		if (r->get_err >= 0) {
			EXPECT_EQ(-r->get_err, get_len(fd, r->opt, buf, r->len))
				TH_LOG("get opt %d len %u", r->opt, r->len);
		}
		close(fd);
	}
}

/* Options kept per association, in struct sctp_assoc_value or alike. */
static const int scoped_opts[] = {
	SCTP_DEFAULT_SNDINFO, SCTP_DEFAULT_SEND_PARAM, SCTP_CONTEXT,
	SCTP_MAX_BURST, SCTP_MAXSEG, SCTP_DELAYED_SACK, SCTP_RTOINFO,
	SCTP_ASSOCINFO, SCTP_EVENT,
};

/* A valid value of @opt for association @id, in @buf; its length. */
static socklen_t scoped_val(int opt, sctp_assoc_t id, char *buf)
{
	memset(buf, 0, 256);
	switch (opt) {
	case SCTP_DEFAULT_SNDINFO:
		((struct sctp_sndinfo *)buf)->snd_assoc_id = id;
		return sizeof(struct sctp_sndinfo);
	case SCTP_DEFAULT_SEND_PARAM:
		((struct sctp_sndrcvinfo *)buf)->sinfo_assoc_id = id;
		return sizeof(struct sctp_sndrcvinfo);
	case SCTP_DELAYED_SACK:
		((struct sctp_sack_info *)buf)->sack_assoc_id = id;
		((struct sctp_sack_info *)buf)->sack_delay = 200;
		return sizeof(struct sctp_sack_info);
	case SCTP_RTOINFO:
		((struct sctp_rtoinfo *)buf)->srto_assoc_id = id;
		return sizeof(struct sctp_rtoinfo);
	case SCTP_ASSOCINFO:
		((struct sctp_assocparams *)buf)->sasoc_assoc_id = id;
		return sizeof(struct sctp_assocparams);
	case SCTP_EVENT:
		((struct sctp_event *)buf)->se_assoc_id = id;
		((struct sctp_event *)buf)->se_type = SCTP_ASSOC_CHANGE;
		return sizeof(struct sctp_event);
	default:
		((struct sctp_assoc_value *)buf)->assoc_id = id;
		((struct sctp_assoc_value *)buf)->assoc_value =
			opt == SCTP_MAXSEG ? 1000 : 3;
		return sizeof(struct sctp_assoc_value);
	}
}

/* One-to-many: an id that names no association is EINVAL. */
TEST(bad_assoc_id_einval)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	unsigned int i;
	char buf[256];

	ASSERT_LE(0, fd);
	for (i = 0; i < ARRAY_SIZE(scoped_opts); i++) {
		int opt = scoped_opts[i];
		socklen_t len = scoped_val(opt, NO_ASSOC, buf);

		EXPECT_EQ(-EINVAL, set_len(fd, opt, buf, len))
			TH_LOG("set opt %d", opt);
		len = scoped_val(opt, NO_ASSOC, buf);
		EXPECT_EQ(-EINVAL, get_len(fd, opt, buf, len))
			TH_LOG("get opt %d", opt);
		/* a get names one association or the default, never all */
		len = scoped_val(opt, SCTP_CURRENT_ASSOC, buf);
		EXPECT_EQ(-EINVAL, get_len(fd, opt, buf, len))
			TH_LOG("get opt %d CURRENT", opt);
		len = scoped_val(opt, SCTP_FUTURE_ASSOC, buf);
		EXPECT_EQ(0, get_len(fd, opt, buf, len))
			TH_LOG("get opt %d FUTURE", opt);
	}
	close(fd);
}

/*
 * One-to-many: SCTP_CURRENT_ASSOC and SCTP_ALL_ASSOC are taken by the
 * options that apply to many associations, EINVAL for the others.
 */
TEST(current_all_assoc)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	unsigned int i;
	char buf[256];

	ASSERT_LE(0, fd);
	for (i = 0; i < ARRAY_SIZE(scoped_opts); i++) {
		int opt = scoped_opts[i];
		int want = opt == SCTP_MAXSEG || opt == SCTP_RTOINFO ||
			   opt == SCTP_ASSOCINFO ? -EINVAL : 0;
		socklen_t len = scoped_val(opt, SCTP_CURRENT_ASSOC, buf);

		EXPECT_EQ(want, set_len(fd, opt, buf, len))
			TH_LOG("set opt %d CURRENT", opt);
		len = scoped_val(opt, SCTP_ALL_ASSOC, buf);
		EXPECT_EQ(want, set_len(fd, opt, buf, len))
			TH_LOG("set opt %d ALL", opt);
	}
	close(fd);
}

/* One-to-one sockets ignore the association id. */
TEST(one_to_one_ignores_assoc_id)
{
	int fd = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);
	struct sctp_sndinfo si;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, set_sndinfo(fd, NO_ASSOC, 2, htonl(9), 0));
	ASSERT_EQ(0, get_sndinfo(fd, NO_ASSOC, &si));
	EXPECT_EQ(2, si.snd_sid);
	EXPECT_EQ(htonl(9), si.snd_ppid);
	EXPECT_EQ(0, set_av(fd, SCTP_CONTEXT, NO_ASSOC, 5));
	EXPECT_EQ(5, get_av(fd, SCTP_CONTEXT, SCTP_CURRENT_ASSOC));
	close(fd);
}

TEST(wrong_style_eopnotsupp)
{
	int s = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int m = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	struct sctp_assoc_ids ids;

	ASSERT_LE(0, s);
	ASSERT_LE(0, m);
	EXPECT_EQ(-EOPNOTSUPP, set_int(s, SCTP_AUTOCLOSE, 5));
	EXPECT_EQ(-EOPNOTSUPP, get_int(s, SCTP_AUTOCLOSE));
	EXPECT_EQ(-EOPNOTSUPP, get_int(s, SCTP_GET_ASSOC_NUMBER));
	EXPECT_EQ(-EOPNOTSUPP, get_len(s, SCTP_GET_ASSOC_ID_LIST, &ids,
				       sizeof(ids)));
	EXPECT_EQ(-EOPNOTSUPP, set_int(m, SCTP_REUSE_PORT, 1));
	/* reading it is fine on both */
	EXPECT_EQ(0, get_int(m, SCTP_REUSE_PORT));
	close(s);
	close(m);
}

/* ---- SCTP_DEFAULT_SNDINFO, SCTP_DEFAULT_SEND_PARAM ---- */

TEST(default_sndinfo_set_get)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	struct sctp_sndrcvinfo srv = { .sinfo_stream = 4,
				       .sinfo_flags = SCTP_UNORDERED,
				       .sinfo_ppid = htonl(70),
				       .sinfo_context = 71,
				       .sinfo_timetolive = 72 };
	struct sctp_sndinfo si;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, get_sndinfo(fd, 0, &si));
	EXPECT_EQ(0, si.snd_sid);
	EXPECT_EQ(0, si.snd_ppid);
	ASSERT_EQ(0, set_len(fd, SCTP_DEFAULT_SEND_PARAM, &srv, sizeof(srv)));
	/* one set of defaults behind both options */
	ASSERT_EQ(0, get_sndinfo(fd, 0, &si));
	EXPECT_EQ(4, si.snd_sid);
	EXPECT_EQ(SCTP_UNORDERED, si.snd_flags);
	EXPECT_EQ(htonl(70), si.snd_ppid);
	EXPECT_EQ(71, si.snd_context);
	memset(&srv, 0, sizeof(srv));
	ASSERT_EQ(0, get_len(fd, SCTP_DEFAULT_SEND_PARAM, &srv, sizeof(srv)));
	EXPECT_EQ(72, srv.sinfo_timetolive);
	EXPECT_EQ(71, srv.sinfo_context);
	/* SNDINFO leaves the time to live alone */
	ASSERT_EQ(0, set_sndinfo(fd, 0, 1, 0, 0));
	ASSERT_EQ(0, get_len(fd, SCTP_DEFAULT_SEND_PARAM, &srv, sizeof(srv)));
	EXPECT_EQ(1, srv.sinfo_stream);
	EXPECT_EQ(72, srv.sinfo_timetolive);
	close(fd);
}

TEST(default_sndinfo_bad_flags)
{
	int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	struct sctp_sndrcvinfo srv = { .sinfo_flags = SCTP_SACK_IMMEDIATELY };

	ASSERT_LE(0, fd);
	EXPECT_EQ(-EINVAL, set_sndinfo(fd, 0, 0, 0, SCTP_SENDALL));
	EXPECT_EQ(-EINVAL, set_len(fd, SCTP_DEFAULT_SEND_PARAM, &srv,
				   sizeof(srv)));
	EXPECT_EQ(0, set_sndinfo(fd, 0, 0, 0, SCTP_UNORDERED | SCTP_EOF |
				 SCTP_ABORT | SCTP_ADDR_OVER));
	close(fd);
}

/* The receiver's view of one message sent without ancillary data. */
static int send_plain_and_read(int tx, int rx, struct rcvd *r)
{
	char buf[64];

	if (set_int(rx, SCTP_RECVRCVINFO, 1) ||
	    send(tx, "hello", 5, 0) != 5 ||
	    recv_msg(rx, buf, sizeof(buf), r) != 5 || !r->has_rcv)
		return -1;
	return 0;
}

static void stream_default_sndinfo(struct __test_metadata *_metadata,
				   int fam)
{
	char buf[64];
	struct rcvd r;
	int c, s;

	ASSERT_EQ(0, stream_pair(fam, &c, &s, NULL));
	ASSERT_EQ(0, set_sndinfo(c, 0, 3, htonl(1234), 0));
	ASSERT_EQ(0, send_plain_and_read(c, s, &r));
	EXPECT_EQ(3, r.rcv.rcv_sid);
	EXPECT_EQ(htonl(1234), r.rcv.rcv_ppid);
	/* ancillary data still wins */
	ASSERT_EQ(5, sctp_sendmsg(c, "hello", 5, NULL, 0, htonl(7), 0, 1,
				  0, 0));
	ASSERT_EQ(5, recv_msg(s, buf, sizeof(buf), &r));
	EXPECT_EQ(1, r.rcv.rcv_sid);
	EXPECT_EQ(htonl(7), r.rcv.rcv_ppid);
	close(c);
	close(s);
}

TEST(default_sndinfo_effect_v4)
{
	stream_default_sndinfo(_metadata, AF_INET);
}

TEST(default_sndinfo_effect_v6)
{
	stream_default_sndinfo(_metadata, AF_INET6);
}

/* A message from one-to-many @a to @seq_peer, no ancillary data. */
static int send_to_peer(int a, const char *text)
{
	return sendto(a, text, strlen(text), 0, (struct sockaddr *)&seq_peer,
		      alen(&seq_peer)) == (ssize_t)strlen(text) ? 0 : -1;
}

/*
 * One-to-many: a per-association value wins over the socket's; FUTURE
 * reaches associations set up later, CURRENT the existing ones only.
 */
TEST(default_sndinfo_scope_one_to_many)
{
	struct sctp_sndinfo si;
	sctp_assoc_t id;
	struct rcvd r;
	char buf[64];
	int a, b;

	ASSERT_EQ(0, seq_pair(AF_INET, AF_INET, &a, &b, &id));
	ASSERT_EQ(0, set_int(b, SCTP_RECVRCVINFO, 1));
	ASSERT_EQ(0, set_sndinfo(a, SCTP_FUTURE_ASSOC, 1, htonl(11), 0));
	ASSERT_EQ(0, get_sndinfo(a, id, &si));
	EXPECT_EQ(0, si.snd_sid);	/* the association kept its own */
	ASSERT_EQ(0, set_sndinfo(a, SCTP_CURRENT_ASSOC, 2, htonl(22), 0));
	ASSERT_EQ(0, get_sndinfo(a, id, &si));
	EXPECT_EQ(2, si.snd_sid);
	ASSERT_EQ(0, get_sndinfo(a, SCTP_FUTURE_ASSOC, &si));
	EXPECT_EQ(1, si.snd_sid);
	ASSERT_EQ(0, send_to_peer(a, "one"));
	ASSERT_EQ(3, recv_msg(b, buf, sizeof(buf), &r));
	EXPECT_EQ(2, r.rcv.rcv_sid);
	EXPECT_EQ(htonl(22), r.rcv.rcv_ppid);
	ASSERT_EQ(0, set_sndinfo(a, id, 3, htonl(33), SCTP_UNORDERED));
	ASSERT_EQ(0, send_to_peer(a, "two"));
	ASSERT_EQ(3, recv_msg(b, buf, sizeof(buf), &r));
	EXPECT_EQ(3, r.rcv.rcv_sid);
	EXPECT_EQ(htonl(33), r.rcv.rcv_ppid);
	EXPECT_EQ(SCTP_UNORDERED, r.rcv.rcv_flags & SCTP_UNORDERED);
	/* ALL: the default and every association */
	ASSERT_EQ(0, set_sndinfo(a, SCTP_ALL_ASSOC, 4, htonl(44), 0));
	ASSERT_EQ(0, get_sndinfo(a, id, &si));
	EXPECT_EQ(4, si.snd_sid);
	ASSERT_EQ(0, get_sndinfo(a, SCTP_FUTURE_ASSOC, &si));
	EXPECT_EQ(4, si.snd_sid);
	close(a);
	close(b);
}

/* An association set up after the default was set inherits it. */
TEST(default_sndinfo_inherited_v4mapped)
{
	struct sockaddr_in6 *s6 = (void *)&seq_peer;
	struct sockaddr_storage aa, ba;
	struct rcvd r;
	char buf[64];
	int a, b;

	/* a v6 sender, a v4 receiver reached as ::ffff:127.0.0.1 */
	b = lo_socket(AF_INET, SOCK_SEQPACKET, &ba);
	a = bound_socket(AF_INET6, SOCK_SEQPACKET, 1, &aa);
	ASSERT_LE(0, a);
	ASSERT_LE(0, b);
	ASSERT_EQ(0, listen(b, 4));
	ASSERT_EQ(0, set_int(b, SCTP_RECVRCVINFO, 1));
	ASSERT_EQ(0, set_sndinfo(a, 0, 5, htonl(55), 0));
	memset(&seq_peer, 0, sizeof(seq_peer));
	s6->sin6_family = AF_INET6;
	s6->sin6_port = ((struct sockaddr_in *)&ba)->sin_port;
	s6->sin6_addr.s6_addr32[2] = htonl(0xffff);
	s6->sin6_addr.s6_addr32[3] = htonl(INADDR_LOOPBACK);
	/* the first send sets the association up implicitly */
	ASSERT_EQ(0, send_to_peer(a, "three"));
	ASSERT_EQ(5, recv_msg(b, buf, sizeof(buf), &r));
	EXPECT_EQ(5, r.rcv.rcv_sid);
	EXPECT_EQ(htonl(55), r.rcv.rcv_ppid);
	close(a);
	close(b);
}

/* ---- SCTP_CONTEXT ---- */

static void set_context_77(int fd)
{
	set_av(fd, SCTP_CONTEXT, 0, 77);
}

TEST(context_set_get)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);

	ASSERT_LE(0, fd);
	EXPECT_EQ(0, get_av(fd, SCTP_CONTEXT, 0));
	ASSERT_EQ(0, set_av(fd, SCTP_CONTEXT, 0, 0xabcdef));
	EXPECT_EQ(0xabcdef, get_av(fd, SCTP_CONTEXT, 0));
	close(fd);
}

/* Received messages carry the association's context (s8.1.25). */
TEST(context_effect)
{
	struct rcvd r;
	int c, s;

	ASSERT_EQ(0, stream_pair(AF_INET, &c, &s, set_context_77));
	EXPECT_EQ(77, get_av(s, SCTP_CONTEXT, 0));
	ASSERT_EQ(0, send_plain_and_read(c, s, &r));
	EXPECT_EQ(77, r.rcv.rcv_context);
	ASSERT_EQ(0, set_av(s, SCTP_CONTEXT, 0, 78));
	ASSERT_EQ(0, send_plain_and_read(c, s, &r));
	EXPECT_EQ(78, r.rcv.rcv_context);
	close(c);
	close(s);
}

/* ---- SCTP_MAX_BURST ---- */

TEST(max_burst_set_get)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	static char big[20000];
	sctp_assoc_t id;
	struct rcvd r;
	int a, b;

	ASSERT_LE(0, fd);
	EXPECT_EQ(4, get_av(fd, SCTP_MAX_BURST, 0));	/* Max.Burst */
	ASSERT_EQ(0, set_av(fd, SCTP_MAX_BURST, 0, 0));	/* no limit */
	EXPECT_EQ(0, get_av(fd, SCTP_MAX_BURST, 0));
	/* a bare int is the socket's default */
	ASSERT_EQ(0, set_int(fd, SCTP_MAX_BURST, 9));
	EXPECT_EQ(9, get_int(fd, SCTP_MAX_BURST));
	EXPECT_EQ(9, get_av(fd, SCTP_MAX_BURST, 0));
	close(fd);
	ASSERT_EQ(0, seq_pair(AF_INET, AF_INET, &a, &b, &id));
	EXPECT_EQ(4, get_av(a, SCTP_MAX_BURST, id));
	ASSERT_EQ(0, set_av(a, SCTP_MAX_BURST, id, 1));
	EXPECT_EQ(1, get_av(a, SCTP_MAX_BURST, id));
	EXPECT_EQ(4, get_av(a, SCTP_MAX_BURST, 0));
	/* it still moves data at one packet per burst */
	ASSERT_EQ(sizeof(big), sendto(a, big, sizeof(big), 0,
				      (struct sockaddr *)&seq_peer,
				      alen(&seq_peer)));
	ASSERT_EQ(sizeof(big), recv_msg(b, big, sizeof(big), &r));
	close(a);
	close(b);
}

/* ---- SCTP_MAXSEG ---- */

TEST(maxseg_bounds)
{
	int v4 = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int v6 = socket(AF_INET6, SOCK_STREAM, IPPROTO_SCTP);

	ASSERT_LE(0, v4);
	ASSERT_LE(0, v6);
	EXPECT_EQ(0, get_av(v4, SCTP_MAXSEG, 0));
	/* a payload that fits a 512-byte packet: IP, common, DATA header */
	EXPECT_EQ(-EINVAL, set_av(v4, SCTP_MAXSEG, 0, 512 - 20 - 12 - 16 - 1));
	EXPECT_EQ(0, set_av(v4, SCTP_MAXSEG, 0, 512 - 20 - 12 - 16));
	EXPECT_EQ(-EINVAL, set_av(v6, SCTP_MAXSEG, 0, 512 - 40 - 12 - 16 - 1));
	EXPECT_EQ(0, set_av(v6, SCTP_MAXSEG, 0, 512 - 40 - 12 - 16));
	/* up to the largest chunk */
	EXPECT_EQ(0, set_av(v4, SCTP_MAXSEG, 0, 65532 - 16));
	EXPECT_EQ(-EINVAL, set_av(v4, SCTP_MAXSEG, 0, 65532 - 16 + 1));
	EXPECT_EQ(-EINVAL, set_av(v4, SCTP_MAXSEG, 0, -1));
	EXPECT_EQ(0, set_av(v4, SCTP_MAXSEG, 0, 0));
	EXPECT_EQ(0, set_int(v6, SCTP_MAXSEG, 1000));
	EXPECT_EQ(1000, get_int(v6, SCTP_MAXSEG));
	EXPECT_EQ(1000, get_av(v6, SCTP_MAXSEG, 0));
	close(v4);
	close(v6);
}

static void set_maxseg_1002(int fd)
{
	set_av(fd, SCTP_MAXSEG, 0, 1002);
}

/* A message is cut into DATA chunks of the effective size. */
static void maxseg_effect(struct __test_metadata *_metadata, int fam)
{
	static char big[10000];
	struct sctp_status st = {};
	socklen_t len = sizeof(st);
	struct rcvd r;
	long before;
	int c, s;

	ASSERT_EQ(0, stream_pair(fam, &c, &s, NULL));
	set_maxseg_1002(c);	/* after connect: the association's own */
	/* the association reports what it uses: 4-byte aligned */
	EXPECT_EQ(1000, get_av(c, SCTP_MAXSEG, 0));
	ASSERT_EQ(0, getsockopt(c, IPPROTO_SCTP, SCTP_STATUS, &st, &len));
	EXPECT_EQ(1000, st.sstat_fragmentation_point);
	before = snmp("SctpOutOrderChunks");
	ASSERT_LE(0, before);
	ASSERT_EQ(sizeof(big), send(c, big, sizeof(big), 0));
	ASSERT_EQ(sizeof(big), recv_msg(s, big, sizeof(big), &r));
	EXPECT_EQ(10, snmp("SctpOutOrderChunks") - before);
	close(c);
	close(s);
}

TEST(maxseg_effect_v4)
{
	maxseg_effect(_metadata, AF_INET);
}

TEST(maxseg_effect_v6)
{
	maxseg_effect(_metadata, AF_INET6);
}

/* Set on the listener, inherited by the accepted association. */
TEST(maxseg_inherited)
{
	static char big[10000];
	struct rcvd r;
	long before;
	int c, s;

	ASSERT_EQ(0, stream_pair(AF_INET, &c, &s, set_maxseg_1002));
	EXPECT_EQ(1000, get_av(s, SCTP_MAXSEG, 0));
	before = snmp("SctpOutOrderChunks");
	ASSERT_EQ(sizeof(big), send(s, big, sizeof(big), 0));
	ASSERT_EQ(sizeof(big), recv_msg(c, big, sizeof(big), &r));
	EXPECT_EQ(10, snmp("SctpOutOrderChunks") - before);
	close(c);
	close(s);
}

/* SCTP_DISABLE_FRAGMENTS measures against the SCTP_MAXSEG size. */
TEST(maxseg_disable_fragments)
{
	static char big[1001];
	int c, s;

	ASSERT_EQ(0, stream_pair(AF_INET, &c, &s, NULL));
	ASSERT_EQ(0, set_int(c, SCTP_DISABLE_FRAGMENTS, 1));
	EXPECT_EQ(1, get_int(c, SCTP_DISABLE_FRAGMENTS));
	ASSERT_EQ(0, set_av(c, SCTP_MAXSEG, 0, 1000));
	EXPECT_EQ(-1, send(c, big, sizeof(big), 0));
	EXPECT_EQ(EMSGSIZE, errno);
	EXPECT_EQ(1000, send(c, big, 1000, 0));
	close(c);
	close(s);
}

/* ---- SCTP_DELAYED_SACK ---- */

TEST(delayed_sack_set_get)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	struct sctp_assoc_value av = { 0, 0 };
	struct sctp_sack_info si;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, get_sack(fd, 0, &si));
	EXPECT_EQ(200, si.sack_delay);	/* RFC 9260 s6.2 default */
	EXPECT_EQ(2, si.sack_freq);
	ASSERT_EQ(0, set_sack(fd, 0, 300, 4));
	ASSERT_EQ(0, get_sack(fd, 0, &si));
	EXPECT_EQ(300, si.sack_delay);
	EXPECT_EQ(4, si.sack_freq);
	/* zero keeps; both zero change nothing, even for a bad id */
	ASSERT_EQ(0, set_sack(fd, NO_ASSOC, 0, 0));
	ASSERT_EQ(0, set_sack(fd, 0, 0, 3));
	ASSERT_EQ(0, get_sack(fd, 0, &si));
	EXPECT_EQ(300, si.sack_delay);
	EXPECT_EQ(3, si.sack_freq);
	/* a frequency of 1 turns it off; a delay turns it on again */
	ASSERT_EQ(0, set_sack(fd, 0, 0, 1));
	ASSERT_EQ(0, get_sack(fd, 0, &si));
	EXPECT_EQ(0, si.sack_delay);
	EXPECT_EQ(1, si.sack_freq);
	ASSERT_EQ(0, set_sack(fd, 0, 250, 0));
	ASSERT_EQ(0, get_sack(fd, 0, &si));
	EXPECT_EQ(250, si.sack_delay);
	EXPECT_EQ(3, si.sack_freq);
	/* RFC 9260 s6.2: at most 500 ms */
	EXPECT_EQ(-EINVAL, set_sack(fd, 0, 501, 0));
	/* the old struct sctp_assoc_value form: 0 is off */
	ASSERT_EQ(0, set_len(fd, SCTP_DELAYED_SACK, &av, sizeof(av)));
	ASSERT_EQ(0, get_sack(fd, 0, &si));
	EXPECT_EQ(0, si.sack_delay);
	EXPECT_EQ(1, si.sack_freq);
	av.assoc_value = 400;
	ASSERT_EQ(0, set_len(fd, SCTP_DELAYED_SACK, &av, sizeof(av)));
	av.assoc_value = 0;
	ASSERT_EQ(0, get_len(fd, SCTP_DELAYED_SACK, &av, sizeof(av)));
	EXPECT_EQ(400, av.assoc_value);
	close(fd);
}

static void sack_500(int fd)
{
	set_sack(fd, 0, 500, 2);
}

static void sack_off(int fd)
{
	set_sack(fd, 0, 0, 1);
}

/*
 * How long the receiver takes to acknowledge a lone packet, after a
 * first one (which Linux acknowledges at once) has been.
 */
static long lone_ack_ms(struct __test_metadata *_metadata,
			void (*prep)(int fd))
{
	char buf[64];
	struct rcvd r;
	long ms;
	int c, s;

	if (stream_pair(AF_INET, &c, &s, prep) || set_int(c, SCTP_NODELAY, 1))
		return -1;
	if (send(c, "a", 1, 0) != 1 || wait_acked(c, TIMEOUT_MS) < 0)
		return -1;
	if (send(c, "b", 1, 0) != 1)
		return -1;
	ms = wait_acked(c, TIMEOUT_MS);
	if (recv_msg(s, buf, sizeof(buf), &r) != 1)
		ms = -1;
	close(c);
	close(s);
	return ms;
}

/* The SACK timer waits the delay set; frequency 1 answers at once. */
TEST(delayed_sack_effect)
{
	long slow = lone_ack_ms(_metadata, sack_500);
	long fast = lone_ack_ms(_metadata, sack_off);

	TH_LOG("lone packet acknowledged after %ld ms (500 ms delay), %ld ms (off)",
	       slow, fast);
	EXPECT_LE(400, slow);
	EXPECT_LE(0, fast);
	EXPECT_GT(300, fast);
}

/*
 * Nagle (no SCTP_NODELAY) holds back a small packet while data is
 * unacknowledged, but not the fragments of a message cut in pieces, as
 * sctp.ko: the last one would wait for the SACK of the others (here the
 * receiver's 500 ms delayed SACK).  Found: xsctp held it.
 */
TEST(nagle_does_not_hold_fragments)
{
	static char msg[100000], buf[120000];
	size_t got;
	ssize_t n;
	struct rcvd r;
	long t0, ms;
	int c, s;

	memset(msg, 'f', sizeof(msg));
	ASSERT_EQ(0, stream_pair(AF_INET, &c, &s, sack_500));
	/* two fragments on loopback (64 KiB packets): the first fills a
	 * packet, the second does not
	 */
	ASSERT_EQ(1, send(c, "a", 1, 0));
	ASSERT_LE(0, wait_acked(c, TIMEOUT_MS));
	ASSERT_EQ(1, recv_msg(s, buf, sizeof(buf), &r));
	t0 = now_ms();
	ASSERT_EQ(sizeof(msg), send(c, msg, sizeof(msg), 0));
	/* whole, or in pieces if partial delivery starts */
	for (got = 0; got < sizeof(msg); got += n) {
		n = recv_msg(s, buf + got, sizeof(buf) - got, &r);
		ASSERT_LT(0, n);
	}
	ms = now_ms() - t0;
	EXPECT_EQ(sizeof(msg), got);
	EXPECT_TRUE(r.flags & MSG_EOR);
	EXPECT_EQ(0, memcmp(msg, buf, sizeof(msg)));
	TH_LOG("a 100000-byte message arrived after %ld ms", ms);
	EXPECT_GT(250, ms);
	close(c);
	close(s);
}

/* ---- SCTP_I_WANT_MAPPED_V4_ADDR ---- */

TEST(mapped_v4_set_get)
{
	int v6 = socket(AF_INET6, SOCK_SEQPACKET, IPPROTO_SCTP);
	int v4 = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);

	ASSERT_LE(0, v6);
	ASSERT_LE(0, v4);
	EXPECT_EQ(1, get_int(v6, SCTP_I_WANT_MAPPED_V4_ADDR));
	ASSERT_EQ(0, set_int(v6, SCTP_I_WANT_MAPPED_V4_ADDR, 0));
	EXPECT_EQ(0, get_int(v6, SCTP_I_WANT_MAPPED_V4_ADDR));
	ASSERT_EQ(0, set_int(v6, SCTP_I_WANT_MAPPED_V4_ADDR, 7));
	EXPECT_EQ(1, get_int(v6, SCTP_I_WANT_MAPPED_V4_ADDR));
	/* an IPv4 socket takes it too (Linux does), to no effect */
	EXPECT_EQ(0, set_int(v4, SCTP_I_WANT_MAPPED_V4_ADDR, 0));
	close(v6);
	close(v4);
}

/* A v6 socket sees an IPv4 peer as ::ffff:a.b.c.d, or as AF_INET. */
static void mapped_from(struct __test_metadata *_metadata, int on)
{
	sctp_assoc_t id;
	struct rcvd r;
	char buf[64];
	int a, b;

	ASSERT_EQ(0, seq_pair(AF_INET, AF_INET6, &a, &b, &id));
	ASSERT_EQ(0, set_int(b, SCTP_I_WANT_MAPPED_V4_ADDR, on));
	ASSERT_EQ(0, send_to_peer(a, "hi"));
	ASSERT_EQ(2, recv_msg(b, buf, sizeof(buf), &r));
	if (on) {
		struct sockaddr_in6 *s6 = (void *)&r.from;

		EXPECT_EQ(AF_INET6, r.from.ss_family);
		EXPECT_EQ(sizeof(*s6), r.fromlen);
		EXPECT_EQ(htonl(0xffff), s6->sin6_addr.s6_addr32[2]);
		EXPECT_EQ(htonl(INADDR_LOOPBACK), s6->sin6_addr.s6_addr32[3]);
	} else {
		struct sockaddr_in *s4 = (void *)&r.from;

		EXPECT_EQ(AF_INET, r.from.ss_family);
		EXPECT_EQ(sizeof(*s4), r.fromlen);
		EXPECT_EQ(htonl(INADDR_LOOPBACK), s4->sin_addr.s_addr);
	}
	close(a);
	close(b);
}

TEST(mapped_v4_on)
{
	mapped_from(_metadata, 1);
}

TEST(mapped_v4_off)
{
	mapped_from(_metadata, 0);
}

/* ---- SCTP_GET_ASSOC_NUMBER ---- */

TEST(assoc_number)
{
	sctp_assoc_t id, id2;
	int a, b, c, i;

	ASSERT_EQ(0, seq_pair(AF_INET, AF_INET, &a, &b, &id));
	EXPECT_EQ(1, get_int(a, SCTP_GET_ASSOC_NUMBER));
	c = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, c);
	EXPECT_EQ(0, get_int(c, SCTP_GET_ASSOC_NUMBER));
	ASSERT_LE(0, sctp_connectx(c, (struct sockaddr *)&seq_peer, 1, &id2));
	EXPECT_EQ(1, get_int(c, SCTP_GET_ASSOC_NUMBER));
	/* the listener counts both of its associations once they are up */
	for (i = 0; i < TIMEOUT_MS / 10 && get_int(b, SCTP_GET_ASSOC_NUMBER) < 2;
	     i++)
		usleep(10000);
	EXPECT_EQ(2, get_int(b, SCTP_GET_ASSOC_NUMBER));
	close(a);
	close(b);
	close(c);
}

/* ---- SCTP_RECVNXTINFO ---- */

TEST(recvnxtinfo)
{
	char buf[64];
	struct rcvd r;
	int c, s;

	ASSERT_EQ(0, stream_pair(AF_INET, &c, &s, NULL));
	EXPECT_EQ(0, get_int(s, SCTP_RECVNXTINFO));
	ASSERT_EQ(0, set_int(c, SCTP_NODELAY, 1));
	ASSERT_EQ(3, sctp_sendmsg(c, "one", 3, NULL, 0, htonl(1), 0, 1, 0, 0));
	ASSERT_EQ(5, sctp_sendmsg(c, "three", 5, NULL, 0, htonl(3), 0, 2, 0,
				  0));
	ASSERT_LE(0, wait_acked(c, TIMEOUT_MS));	/* both queued at the receiver */
	ASSERT_EQ(3, recv_msg(s, buf, sizeof(buf), &r));
	EXPECT_EQ(0, r.has_nxt);	/* off by default */
	ASSERT_EQ(3, sctp_sendmsg(c, "two", 3, NULL, 0, htonl(2), 0, 1, 0, 0));
	ASSERT_LE(0, wait_acked(c, TIMEOUT_MS));
	ASSERT_EQ(0, set_int(s, SCTP_RECVNXTINFO, 1));
	EXPECT_EQ(1, get_int(s, SCTP_RECVNXTINFO));
	ASSERT_EQ(5, recv_msg(s, buf, sizeof(buf), &r));
	ASSERT_EQ(1, r.has_nxt);
	EXPECT_EQ(1, r.nxt.nxt_sid);
	EXPECT_EQ(htonl(2), r.nxt.nxt_ppid);
	EXPECT_EQ(3, r.nxt.nxt_length);
	EXPECT_EQ(0, r.nxt.nxt_flags);
	/* the last one: nothing follows */
	ASSERT_EQ(3, recv_msg(s, buf, sizeof(buf), &r));
	EXPECT_EQ(0, r.has_nxt);
	close(c);
	close(s);
}

/* ---- SCTP_REUSE_PORT ---- */

static int bound_to(int fd, const struct sockaddr_in *a)
{
	return bind(fd, (const struct sockaddr *)a, sizeof(*a)) ? -errno : 0;
}

TEST(reuse_port)
{
	int a = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int b = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	int c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof(sa);

	ASSERT_LE(0, a);
	ASSERT_LE(0, b);
	ASSERT_LE(0, c);
	EXPECT_EQ(0, get_int(a, SCTP_REUSE_PORT));
	ASSERT_EQ(0, set_int(a, SCTP_REUSE_PORT, 1));
	EXPECT_EQ(1, get_int(a, SCTP_REUSE_PORT));
	ASSERT_EQ(0, set_int(b, SCTP_REUSE_PORT, 1));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ASSERT_EQ(0, bound_to(a, &sa));
	ASSERT_EQ(0, getsockname(a, (struct sockaddr *)&sa, &len));
	/* both asked: they share the port; one that did not is refused */
	EXPECT_EQ(0, bound_to(b, &sa));
	EXPECT_EQ(-EADDRINUSE, bound_to(c, &sa));
	/* only before bind() */
	EXPECT_EQ(-EFAULT, set_int(a, SCTP_REUSE_PORT, 0));
	close(a);
	close(b);
	close(c);
}

/* ---- the options built before: values and errno ---- */

TEST(rtoinfo_rules)
{
	struct sctp_rtoinfo ri = { .srto_min = 2000, .srto_max = 1500 };
	sctp_assoc_t id;
	int a, b;

	ASSERT_EQ(0, seq_pair(AF_INET, AF_INET, &a, &b, &id));
	EXPECT_EQ(-EINVAL, set_len(a, SCTP_RTOINFO, &ri, sizeof(ri)));
	/* an initial RTO outside the bounds is taken as given */
	ri = (struct sctp_rtoinfo){ .srto_initial = 500, .srto_min = 1000,
				    .srto_max = 4000 };
	EXPECT_EQ(0, set_len(a, SCTP_RTOINFO, &ri, sizeof(ri)));
	/* one association, not the default */
	ri = (struct sctp_rtoinfo){ .srto_assoc_id = id, .srto_max = 8000 };
	EXPECT_EQ(0, set_len(a, SCTP_RTOINFO, &ri, sizeof(ri)));
	memset(&ri, 0, sizeof(ri));
	ri.srto_assoc_id = id;
	ASSERT_EQ(0, get_len(a, SCTP_RTOINFO, &ri, sizeof(ri)));
	EXPECT_EQ(8000, ri.srto_max);
	memset(&ri, 0, sizeof(ri));
	ASSERT_EQ(0, get_len(a, SCTP_RTOINFO, &ri, sizeof(ri)));
	EXPECT_EQ(500, ri.srto_initial);
	EXPECT_EQ(4000, ri.srto_max);
	close(a);
	close(b);
}

TEST(associnfo_rules)
{
	struct sctp_assocparams ap = { .sasoc_asocmaxrxt = 7 };
	sctp_assoc_t id;
	int a, b;

	ASSERT_EQ(0, seq_pair(AF_INET, AF_INET, &a, &b, &id));
	ap.sasoc_assoc_id = id;
	ASSERT_EQ(0, set_len(a, SCTP_ASSOCINFO, &ap, sizeof(ap)));
	memset(&ap, 0, sizeof(ap));
	ap.sasoc_assoc_id = id;
	ASSERT_EQ(0, get_len(a, SCTP_ASSOCINFO, &ap, sizeof(ap)));
	EXPECT_EQ(7, ap.sasoc_asocmaxrxt);
	EXPECT_EQ(1, ap.sasoc_number_peer_destinations);
	memset(&ap, 0, sizeof(ap));
	ASSERT_EQ(0, get_len(a, SCTP_ASSOCINFO, &ap, sizeof(ap)));
	EXPECT_EQ(10, ap.sasoc_asocmaxrxt);	/* the default is untouched */
	close(a);
	close(b);
}

TEST(event_rules)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	struct sctp_event e = { .se_type = SCTP_SN_TYPE_BASE - 1, .se_on = 1 };

	ASSERT_LE(0, fd);
	EXPECT_EQ(-EINVAL, set_len(fd, SCTP_EVENT, &e, sizeof(e)));
	EXPECT_EQ(-EINVAL, get_len(fd, SCTP_EVENT, &e, sizeof(e)));
	e.se_type = SCTP_SHUTDOWN_EVENT;
	ASSERT_EQ(0, set_len(fd, SCTP_EVENT, &e, sizeof(e)));
	e.se_on = 0;
	ASSERT_EQ(0, get_len(fd, SCTP_EVENT, &e, sizeof(e)));
	EXPECT_EQ(1, e.se_on);
	e.se_type = SCTP_ASSOC_CHANGE;
	ASSERT_EQ(0, get_len(fd, SCTP_EVENT, &e, sizeof(e)));
	EXPECT_EQ(0, e.se_on);
	close(fd);
}

TEST(value_rules)
{
	int m = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	struct sctp_initmsg im = { .sinit_num_ostreams = 5 };
	int big = 1 << 30;

	ASSERT_LE(0, m);
	/* more than half the receive buffer */
	EXPECT_EQ(-EINVAL, set_len(m, SCTP_PARTIAL_DELIVERY_POINT, &big,
				   sizeof(big)));
	EXPECT_EQ(0, set_int(m, SCTP_PARTIAL_DELIVERY_POINT, 1000));
	EXPECT_EQ(1000, get_int(m, SCTP_PARTIAL_DELIVERY_POINT));
	EXPECT_EQ(0, set_int(m, SCTP_AUTOCLOSE, 30));
	EXPECT_EQ(30, get_int(m, SCTP_AUTOCLOSE));
	EXPECT_EQ(0, set_int(m, SCTP_FRAGMENT_INTERLEAVE, 2));
	EXPECT_EQ(1, get_int(m, SCTP_FRAGMENT_INTERLEAVE));
	/* zero fields of SCTP_INITMSG keep their value */
	ASSERT_EQ(0, set_len(m, SCTP_INITMSG, &im, sizeof(im)));
	memset(&im, 0, sizeof(im));
	ASSERT_EQ(0, get_len(m, SCTP_INITMSG, &im, sizeof(im)));
	EXPECT_EQ(5, im.sinit_num_ostreams);
	EXPECT_EQ(8, im.sinit_max_attempts);
	close(m);
}

/* Waits up to TIMEOUT_MS for association @id on @fd to be up. */
static int wait_established(int fd, sctp_assoc_t id)
{
	int i;

	for (i = 0; i < TIMEOUT_MS / 10; i++) {
		if (assoc_state(fd, id) == SCTP_ESTABLISHED)
			return 0;
		usleep(10000);
	}
	return -1;
}

/*
 * The private options libsctp's sctp_connectx() tries, newest first:
 * SCTP_SOCKOPT_CONNECTX3 (getsockopt; the id written back),
 * SCTP_SOCKOPT_CONNECTX (setsockopt returning the id) and
 * SCTP_SOCKOPT_CONNECTX_OLD (returning 0).  Older libsctp builds and
 * other language bindings call them directly.
 */
TEST(connectx_private_options)
{
	struct sockaddr_storage srv, a;
	int l = lo_socket(AF_INET, SOCK_SEQPACKET, &srv);
	struct sctp_getaddrs_old g = {
		.addr_num = alen(&srv),		/* bytes, despite its name */
		.addrs = (struct sockaddr *)&srv,
	};
	socklen_t len = sizeof(g);
	sctp_assoc_t ids[3];
	int fd[3], i;

	ASSERT_LE(0, l);
	ASSERT_EQ(0, listen(l, 8));
	for (i = 0; i < 3; i++) {
		fd[i] = lo_socket(AF_INET, SOCK_SEQPACKET, &a);
		ASSERT_LE(0, fd[i]);
	}
	ASSERT_EQ(0, getsockopt(fd[0], IPPROTO_SCTP, SCTP_SOCKOPT_CONNECTX3,
				&g, &len)) TH_LOG("%s", strerror(errno));
	ids[0] = g.assoc_id;
	ids[1] = setsockopt(fd[1], IPPROTO_SCTP, SCTP_SOCKOPT_CONNECTX, &srv,
			    alen(&srv));
	ASSERT_EQ(0, setsockopt(fd[2], IPPROTO_SCTP, SCTP_SOCKOPT_CONNECTX_OLD,
				&srv, alen(&srv)));
	EXPECT_LT(0, ids[0]);
	EXPECT_LT(0, ids[1]);
	EXPECT_EQ(0, wait_established(fd[0], ids[0]));
	EXPECT_EQ(0, wait_established(fd[1], ids[1]));
	/* the old one tells no id: the socket's only association is up */
	for (i = 0; i < TIMEOUT_MS / 10; i++) {
		struct { struct sctp_assoc_ids l; sctp_assoc_t id[1]; } li;
		socklen_t llen = sizeof(li);

		ASSERT_EQ(0, getsockopt(fd[2], IPPROTO_SCTP,
					SCTP_GET_ASSOC_ID_LIST, &li, &llen));
		if (li.l.gaids_number_of_ids == 1 &&
		    !wait_established(fd[2], li.l.gaids_assoc_id[0]))
			break;
		usleep(10000);
	}
	EXPECT_GT(TIMEOUT_MS / 10, i);
	for (i = 0; i < 3; i++)
		close(fd[i]);
	close(l);
}

/*
 * SCTP_GET_PEER_ADDRS / SCTP_GET_LOCAL_ADDRS, which sctp_getpaddrs() and
 * sctp_getladdrs() call: the addresses packed after a struct
 * sctp_getaddrs, and the errno sctp.ko gives for a buffer too short for
 * the header (EINVAL) or for the addresses (ENOMEM), and for an unknown
 * association (EINVAL).
 */
TEST(getaddrs_private_options)
{
	struct {
		struct sctp_getaddrs g;
		struct sockaddr_in a[4];
	} buf;
	struct sockaddr_in *sin;
	socklen_t len;
	sctp_assoc_t id;
	int a, b;

	ASSERT_EQ(0, seq_pair(AF_INET, AF_INET, &a, &b, &id));
	memset(&buf, 0, sizeof(buf));
	buf.g.assoc_id = id;
	len = sizeof(buf);
	ASSERT_EQ(0, getsockopt(a, IPPROTO_SCTP, SCTP_GET_PEER_ADDRS, &buf,
				&len)) TH_LOG("%s", strerror(errno));
	EXPECT_EQ(1, buf.g.addr_num);
	EXPECT_EQ(sizeof(buf.g) + sizeof(struct sockaddr_in), len);
	sin = (struct sockaddr_in *)buf.g.addrs;
	EXPECT_EQ(AF_INET, sin->sin_family);
	EXPECT_EQ(((struct sockaddr_in *)&seq_peer)->sin_port, sin->sin_port);
	EXPECT_EQ(htonl(INADDR_LOOPBACK), sin->sin_addr.s_addr);
	buf.g.assoc_id = id;
	len = sizeof(buf);
	ASSERT_EQ(0, getsockopt(a, IPPROTO_SCTP, SCTP_GET_LOCAL_ADDRS, &buf,
				&len)) TH_LOG("%s", strerror(errno));
	EXPECT_EQ(1, buf.g.addr_num);
	/* too short for the header, and for one address */
	buf.g.assoc_id = id;
	len = sizeof(buf.g) - 1;
	EXPECT_EQ(-1, getsockopt(a, IPPROTO_SCTP, SCTP_GET_PEER_ADDRS, &buf,
				 &len));
	EXPECT_EQ(EINVAL, errno);
	len = sizeof(buf.g);
	EXPECT_EQ(-1, getsockopt(a, IPPROTO_SCTP, SCTP_GET_PEER_ADDRS, &buf,
				 &len));
	EXPECT_EQ(ENOMEM, errno);
	buf.g.assoc_id = NO_ASSOC;
	len = sizeof(buf);
	EXPECT_EQ(-1, getsockopt(a, IPPROTO_SCTP, SCTP_GET_PEER_ADDRS, &buf,
				 &len));
	EXPECT_EQ(EINVAL, errno);
	close(a);
	close(b);
}

/*
 * SCTP_SET_PEER_PRIMARY_ADDR asks the peer by ASCONF (RFC 5061 s4.1.5),
 * which neither end has here: EPERM, as sctp.ko with addip_enable 0.
 */
TEST(set_peer_primary_eperm)
{
	struct sctp_setpeerprim sp;
	sctp_assoc_t id;
	int a, b;

	ASSERT_EQ(0, seq_pair(AF_INET, AF_INET, &a, &b, &id));
	memset(&sp, 0, sizeof(sp));
	sp.sspp_assoc_id = id;
	memcpy(&sp.sspp_addr, &seq_peer, sizeof(struct sockaddr_in));
	EXPECT_EQ(-1, setsockopt(a, IPPROTO_SCTP, SCTP_SET_PEER_PRIMARY_ADDR,
				 &sp, sizeof(sp)));
	EXPECT_EQ(EPERM, errno);
	close(a);
	close(b);
}

TEST_HARNESS_MAIN
