// SPDX-License-Identifier: GPL-2.0
/*
 * Notifications of RFC 6458 s6.1 and the options that go with them, each
 * field as Linux's sctp.ko fills it: SCTP_SEND_FAILED and
 * SCTP_SEND_FAILED_EVENT (s6.1.4, s6.1.11) with the user data handed
 * back, one per DATA chunk, after the COMM_LOST or CANT_STR_ASSOC;
 * SCTP_REMOTE_ERROR (s6.1.3) for an ERROR chunk the peer sent;
 * SCTP_ADAPTATION_LAYER (s8.1.10) and SCTP_ADAPTATION_INDICATION (s6.1.6);
 * SCTP_EVENT per association (s6.2.2).  One-to-one and one-to-many, IPv4
 * and IPv6, each test in a network namespace of its own.  The ERROR is
 * provoked with an unknown chunk (type 0x7e: "skip and report", RFC 9260
 * s3.2) sent from a raw socket with the tag learnt from the INIT ACK.
 * Only the standard API: every test passes on sctp.ko too.
 */
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "helpers.h"

#define TMO 20000
#define PPID1 0x11223344u
#define PPID2 0x55667788u
#define CTX1 77u
#define CTX2 78u
#define BIGMSG 8000	/* fragmented at the 1500-byte MTU set below */
#define SMALLMSG 300

static unsigned char nbuf[1 << 17];	/* one notification */
static int peek;			/* next_notif leaves it queued */

static unsigned char pattern(unsigned int msg, size_t i)
{
	return (unsigned char)(msg * 31 + i * 7 + (i >> 8));
}

static void fill(unsigned char *b, unsigned int msg, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = pattern(msg, i);
}

/* A fresh namespace with lo up at @mtu: nothing else sees our packets. */
static int netns(int mtu)
{
	char cmd[64];

	if (unshare(CLONE_NEWNET))
		return -1;
	snprintf(cmd, sizeof(cmd), "ip link set lo up mtu %d", mtu);
	return sh(cmd);
}

static socklen_t loopback(int fam, struct sockaddr_storage *ss, int port)
{
	memset(ss, 0, sizeof(*ss));
	if (fam == AF_INET) {
		struct sockaddr_in *a = (struct sockaddr_in *)ss;

		a->sin_family = AF_INET;
		a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		a->sin_port = htons(port);
		return sizeof(*a);
	}
	((struct sockaddr_in6 *)ss)->sin6_family = AF_INET6;
	((struct sockaddr_in6 *)ss)->sin6_addr = in6addr_loopback;
	((struct sockaddr_in6 *)ss)->sin6_port = htons(port);
	return sizeof(struct sockaddr_in6);
}

static int port_of(const struct sockaddr_storage *ss)
{
	return ntohs(((const struct sockaddr_in *)ss)->sin_port);
}

/* A socket bound to loopback, port chosen by the kernel, in *@ss. */
static int bound(int fam, int type, struct sockaddr_storage *ss)
{
	socklen_t len = loopback(fam, ss, 0);
	int fd = socket(fam, type, IPPROTO_SCTP);

	if (fd < 0 || bind(fd, (struct sockaddr *)ss, len) ||
	    getsockname(fd, (struct sockaddr *)ss, &len))
		return -1;
	return fd;
}

static int subscribe(int fd, uint16_t type, sctp_assoc_t id, int on)
{
	struct sctp_event e = { .se_assoc_id = id, .se_type = type,
				.se_on = on };

	return setsockopt(fd, IPPROTO_SCTP, SCTP_EVENT, &e, sizeof(e));
}

static int event_on(int fd, uint16_t type, sctp_assoc_t id)
{
	struct sctp_event e = { .se_assoc_id = id, .se_type = type };
	socklen_t len = sizeof(e);

	if (getsockopt(fd, IPPROTO_SCTP, SCTP_EVENT, &e, &len))
		return -errno;
	return e.se_on;
}

/*
 * The next notification on @fd within @ms into nbuf, whole (MSG_EOR):
 * its length, or 0 at end of file.  Data is skipped, and so is a COMM_UP unless @want_up:
 * xsctp's accepted one-to-one sockets get one, sctp.ko's do not.
 */
static int next_notif(int fd, int ms, int want_up)
{
	const struct sctp_assoc_change *sac = (void *)nbuf;
	struct pollfd p = { .fd = fd, .events = POLLIN };

	for (;;) {
		struct iovec iov = { nbuf, sizeof(nbuf) };
		struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
		ssize_t n;

		if (poll(&p, 1, ms) != 1)
			return -ETIMEDOUT;
		n = recvmsg(fd, &m, peek ? MSG_PEEK : 0);
		if (n <= 0)
			return n ? -errno : 0;	/* 0: end of file */
		if (!(m.msg_flags & MSG_NOTIFICATION)) {
			if (peek && recv(fd, nbuf, sizeof(nbuf), 0) < 0)
				return -errno;
			continue;
		}
		if (!(m.msg_flags & MSG_EOR))
			return -EMSGSIZE;
		if (!want_up && sac->sac_type == SCTP_ASSOC_CHANGE &&
		    sac->sac_state == SCTP_COMM_UP) {
			if (peek && recv(fd, nbuf, sizeof(nbuf), 0) < 0)
				return -errno;
			continue;
		}
		return n;
	}
}

/* ---- raw packets: learn the server's tag, send it an unknown chunk ---- */

static uint16_t get16(const uint8_t *p)
{
	return p[0] << 8 | p[1];
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get16(p) << 16 | get16(p + 2);
}

/* The Initiate Tag of the INIT ACK from @sport to @cport seen on @raw. */
static int sniff_tag(int raw, int fam, int cport, int sport, uint32_t *tag)
{
	struct pollfd p = { .fd = raw, .events = POLLIN };
	uint8_t b[4096], *h;
	ssize_t n;
	size_t off;

	while (poll(&p, 1, 0) == 1) {
		n = recv(raw, b, sizeof(b), 0);
		if (n < 0)
			return -1;
		off = fam == AF_INET ? (size_t)(b[0] & 15) * 4 : 0;
		if ((size_t)n < off + 24)
			continue;
		h = b + off;
		if (get16(h) == sport && get16(h + 2) == cport &&
		    h[12] == 2 /* INIT ACK */) {
			*tag = get32(h + 16);
			return 0;
		}
	}
	return -1;
}

/* The unknown chunk the server must report: type, flags, length, value. */
static const uint8_t unknown_chunk[8] = { 0x7e, 0, 0, 8, 'A', 'B', 'C', 'D' };

static int inject_unknown(int raw, struct sockaddr_storage *srv,
			  socklen_t slen, int cport, uint32_t tag)
{
	uint8_t p[12 + sizeof(unknown_chunk)];

	memcpy(p + 12, unknown_chunk, sizeof(unknown_chunk));
	return raw_send(raw, p, sizeof(p), htons(cport), srv, slen, tag);
}

/* ---- the association under test ---- */

FIXTURE(notif) {
	int c, l, s;		/* client, listener, server side */
	sctp_assoc_t cid, sid;	/* the association, as each end names it */
	struct sockaddr_storage caddr, saddr;
	socklen_t slen;
};

FIXTURE_VARIANT(notif) {
	int family;
	int type;
};

FIXTURE_VARIANT_ADD(notif, v4_one_to_one) { AF_INET, SOCK_STREAM };
FIXTURE_VARIANT_ADD(notif, v4_one_to_many) { AF_INET, SOCK_SEQPACKET };
FIXTURE_VARIANT_ADD(notif, v6_one_to_one) { AF_INET6, SOCK_STREAM };
FIXTURE_VARIANT_ADD(notif, v6_one_to_many) { AF_INET6, SOCK_SEQPACKET };

FIXTURE_SETUP(notif)
{
	self->s = -1;
	ASSERT_EQ(0, netns(1500));
	self->l = bound(variant->family, variant->type, &self->saddr);
	self->c = bound(variant->family, variant->type, &self->caddr);
	ASSERT_LE(0, self->l);
	ASSERT_LE(0, self->c);
	self->slen = variant->family == AF_INET ?
		     sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
	ASSERT_EQ(0, listen(self->l, 4));
	ASSERT_EQ(0, subscribe(self->c, SCTP_ASSOC_CHANGE, 0, 1));
	ASSERT_EQ(0, subscribe(self->l, SCTP_ASSOC_CHANGE, 0, 1));
}

FIXTURE_TEARDOWN(notif)
{
	sh("tc qdisc del dev lo root 2>/dev/null");
	if (self->s >= 0 && self->s != self->l)
		close(self->s);
	close(self->c);
	close(self->l);
}

static int status_id(int fd, sctp_assoc_t *id)
{
	struct sctp_status st = {};
	socklen_t len = sizeof(st);

	if (getsockopt(fd, IPPROTO_SCTP, SCTP_STATUS, &st, &len))
		return -1;
	*id = st.sstat_assoc_id;
	return 0;
}

/* Connects; the client's COMM_UP is read, the server's (if any) not. */
static void up(struct __test_metadata *_metadata, struct _test_data_notif *self,
	       int type)
{
	ASSERT_EQ(0, connect(self->c, (struct sockaddr *)&self->saddr,
			     self->slen));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change_id(self->c, TMO, &self->cid));
	if (type == SOCK_SEQPACKET) {
		self->s = self->l;
		ASSERT_EQ(SCTP_COMM_UP,
			  assoc_change_id(self->l, TMO, &self->sid));
		return;
	}
	self->s = accept(self->l, NULL, NULL);
	ASSERT_LE(0, self->s);
	ASSERT_EQ(0, status_id(self->s, &self->sid));
	ASSERT_EQ(0, status_id(self->c, &self->cid));
}

/* The next data message on @fd within TMO, notifications skipped. */
static ssize_t recv_data(int fd, void *b, size_t size)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t n;
	int flags;

	for (;;) {
		if (poll(&p, 1, TMO) != 1)
			return -ETIMEDOUT;
		flags = 0;
		n = sctp_recvmsg(fd, b, size, NULL, NULL, NULL, &flags);
		if (n < 0 || !(flags & MSG_NOTIFICATION))
			return n;
	}
}

/* One message on @fd for association @id, with every SCTP_SNDINFO field. */
static ssize_t send_msg(int fd, sctp_assoc_t id, const void *b, size_t n,
			uint16_t sid, uint32_t ppid, uint32_t ctx, int flags)
{
	char cbuf[CMSG_SPACE(sizeof(struct sctp_sndinfo))] = {};
	struct iovec iov = { (void *)b, n };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cbuf,
			    .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
	struct sctp_sndinfo si = { .snd_sid = sid, .snd_flags = flags,
				   .snd_ppid = htonl(ppid),
				   .snd_context = ctx, .snd_assoc_id = id };

	cm->cmsg_level = IPPROTO_SCTP;
	cm->cmsg_type = SCTP_SNDINFO;
	cm->cmsg_len = CMSG_LEN(sizeof(si));
	memcpy(CMSG_DATA(cm), &si, sizeof(si));
	return sendmsg(fd, &m, 0);
}

/* ---- SCTP_REMOTE_ERROR ---- */

/*
 * RFC 9260 s3.2: the server reports our unknown chunk in an ERROR with
 * cause 6 holding the chunk; the client hands it to the user: sre_error
 * is the cause code in network order (sctp.ko's __be16 field), sre_data
 * the cause's value.
 */
TEST_F(notif, remote_error)
{
	int raw = socket(variant->family, SOCK_RAW, IPPROTO_SCTP);
	struct sctp_remote_error *sre = (void *)nbuf;
	uint32_t tag = 0;

	ASSERT_LE(0, raw);
	ASSERT_EQ(0, subscribe(self->c, SCTP_REMOTE_ERROR, 0, 1));
	up(_metadata, self, variant->type);
	ASSERT_EQ(0, sniff_tag(raw, variant->family, port_of(&self->caddr),
			       port_of(&self->saddr), &tag));
	ASSERT_EQ(0, inject_unknown(raw, &self->saddr, self->slen,
				    port_of(&self->caddr), tag));
	ASSERT_EQ((int)sizeof(*sre) + 8, next_notif(self->c, TMO, 0));
	EXPECT_EQ(SCTP_REMOTE_ERROR, sre->sre_type);
	EXPECT_EQ(0, sre->sre_flags);
	EXPECT_EQ(sizeof(*sre) + 8, sre->sre_length);
	EXPECT_EQ(htons(6), sre->sre_error);	/* Unrecognized Chunk Type */
	EXPECT_EQ(self->cid, sre->sre_assoc_id);
	EXPECT_EQ(0, memcmp(sre->sre_data, unknown_chunk,
			    sizeof(unknown_chunk)));
	/* not subscribed: the server's side has nothing to say */
	close(raw);
}

/* Without a subscription nothing comes; the association lives on. */
TEST_F(notif, remote_error_unsubscribed)
{
	int raw = socket(variant->family, SOCK_RAW, IPPROTO_SCTP);
	struct sctp_status st = {};
	socklen_t len = sizeof(st);
	char buf[8];
	uint32_t tag = 0;

	ASSERT_LE(0, raw);
	up(_metadata, self, variant->type);
	ASSERT_EQ(0, sniff_tag(raw, variant->family, port_of(&self->caddr),
			       port_of(&self->saddr), &tag));
	ASSERT_EQ(0, inject_unknown(raw, &self->saddr, self->slen,
				    port_of(&self->caddr), tag));
	/* data sent after the ERROR arrives: the ERROR came before it */
	ASSERT_EQ(4, send_msg(self->s, self->sid, "ping", 4, 0, 0, 0, 0));
	ASSERT_EQ(4, sctp_recvmsg(self->c, buf, sizeof(buf), NULL, NULL,
				  NULL, NULL));
	ASSERT_EQ(-ETIMEDOUT, next_notif(self->c, 0, 0));
	st.sstat_assoc_id = self->cid;
	ASSERT_EQ(0, getsockopt(self->c, IPPROTO_SCTP, SCTP_STATUS, &st, &len));
	EXPECT_EQ(SCTP_ESTABLISHED, st.sstat_state);
	close(raw);
}

/* ---- SCTP_ADAPTATION_LAYER and SCTP_ADAPTATION_INDICATION ---- */

static int set_adaptation(int fd, uint32_t ind)
{
	struct sctp_setadaptation a = { .ssb_adaptation_ind = ind };

	return setsockopt(fd, IPPROTO_SCTP, SCTP_ADAPTATION_LAYER, &a,
			  sizeof(a));
}

static void expect_adaptation(struct __test_metadata *_metadata, int fd,
			      uint32_t ind, sctp_assoc_t id)
{
	struct sctp_adaptation_event *sai = (void *)nbuf;

	ASSERT_EQ((int)sizeof(*sai), next_notif(fd, TMO, 0));
	EXPECT_EQ(SCTP_ADAPTATION_INDICATION, sai->sai_type);
	EXPECT_EQ(0, sai->sai_flags);
	EXPECT_EQ(sizeof(*sai), sai->sai_length);
	EXPECT_EQ(ind, sai->sai_adaptation_ind);
	EXPECT_EQ(id, sai->sai_assoc_id);
}

/* RFC 8.1.10: get and set, lengths and errno as on sctp.ko. */
TEST_F(notif, adaptation_option)
{
	struct sctp_setadaptation a = { .ssb_adaptation_ind = 7 };
	socklen_t len = sizeof(a);
	char big[16] = {};

	ASSERT_EQ(0, getsockopt(self->c, IPPROTO_SCTP, SCTP_ADAPTATION_LAYER,
				&a, &len));
	EXPECT_EQ(0u, a.ssb_adaptation_ind);
	EXPECT_EQ(sizeof(a), len);
	ASSERT_EQ(0, set_adaptation(self->c, 0xdeadbeef));
	len = sizeof(big);
	ASSERT_EQ(0, getsockopt(self->c, IPPROTO_SCTP, SCTP_ADAPTATION_LAYER,
				big, &len));
	EXPECT_EQ(sizeof(a), len);
	memcpy(&a, big, sizeof(a));
	EXPECT_EQ(0xdeadbeef, a.ssb_adaptation_ind);
	len = sizeof(a) - 1;
	EXPECT_EQ(-1, getsockopt(self->c, IPPROTO_SCTP, SCTP_ADAPTATION_LAYER,
				 &a, &len));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, setsockopt(self->c, IPPROTO_SCTP, SCTP_ADAPTATION_LAYER,
				 big, sizeof(big)));
	EXPECT_EQ(EINVAL, errno);
}

/*
 * RFC 5061 s4.2.5: each end's indication goes in its INIT / INIT ACK;
 * each end reports the other's after its COMM_UP.  The server learns the
 * client's from the INIT, i.e. through the cookie.
 */
TEST_F(notif, adaptation_indication)
{
	struct sctp_assoc_change *sac = (void *)nbuf;

	ASSERT_EQ(0, set_adaptation(self->c, 0x01020304));
	ASSERT_EQ(0, set_adaptation(self->l, 0xa0b0c0d0));
	ASSERT_EQ(0, subscribe(self->c, SCTP_ADAPTATION_INDICATION, 0, 1));
	ASSERT_EQ(0, subscribe(self->l, SCTP_ADAPTATION_INDICATION, 0, 1));
	ASSERT_EQ(0, connect(self->c, (struct sockaddr *)&self->saddr,
			     self->slen));
	/* the client: COMM_UP first, then the indication */
	ASSERT_EQ((int)sizeof(*sac), next_notif(self->c, TMO, 1));
	ASSERT_EQ(SCTP_ASSOC_CHANGE, sac->sac_type);
	ASSERT_EQ(SCTP_COMM_UP, sac->sac_state);
	self->cid = sac->sac_assoc_id;
	expect_adaptation(_metadata, self->c, 0xa0b0c0d0, self->cid);
	if (variant->type == SOCK_SEQPACKET) {
		ASSERT_EQ((int)sizeof(*sac), next_notif(self->l, TMO, 1));
		ASSERT_EQ(SCTP_COMM_UP, sac->sac_state);
		self->sid = sac->sac_assoc_id;
		expect_adaptation(_metadata, self->l, 0x01020304, self->sid);
		return;
	}
	self->s = accept(self->l, NULL, NULL);
	ASSERT_LE(0, self->s);
	ASSERT_EQ(0, status_id(self->s, &self->sid));
	expect_adaptation(_metadata, self->s, 0x01020304, self->sid);
}

/* Indication 0 (the default) is not sent: no event at the peer. */
TEST_F(notif, adaptation_none)
{
	char buf[8];

	ASSERT_EQ(0, subscribe(self->c, SCTP_ADAPTATION_INDICATION, 0, 1));
	up(_metadata, self, variant->type);
	/* data after setup: an indication would have come before it */
	ASSERT_EQ(4, send_msg(self->s, self->sid, "ping", 4, 0, 0, 0, 0));
	ASSERT_EQ(4, sctp_recvmsg(self->c, buf, sizeof(buf), NULL, NULL,
				  NULL, NULL));
	ASSERT_EQ(-ETIMEDOUT, next_notif(self->c, 0, 0));
}

/* ---- SCTP_SEND_FAILED and SCTP_SEND_FAILED_EVENT ---- */

/* What one message sent was, to compare the notifications with. */
struct sent {
	unsigned int msg;	/* pattern seed */
	size_t len;
	uint16_t sid;
	uint32_t ppid;
	uint32_t ctx;
};

static const struct sent two[] = {
	{ 1, BIGMSG, 1, PPID1, CTX1 },
	{ 2, SMALLMSG, 2, PPID2, CTX2 },
};

/*
 * Reads the SEND_FAILED / SEND_FAILED_EVENT pairs (subscribed to both:
 * sctp.ko sends them in that order for each DATA chunk) for the data of
 * @msgs, from message @first on, and checks every field and byte: the
 * chunk flags B/E in sinfo_flags, SENT chunks before UNSENT ones, all
 * of the data from @first on handed back in order.  The info's
 * association id is the one the send gave (@info_id; sctp.ko echoes it),
 * ssf_assoc_id the association's (@id).  Returns how many chunks came
 * back SENT.
 */
static int check_failed(struct __test_metadata *_metadata, int fd,
			const struct sent *msgs, int nmsgs, int first,
			sctp_assoc_t id, sctp_assoc_t info_id, uint32_t error)
{
	static unsigned char old_data[1 << 16];
	const struct sctp_send_failed *o = (void *)nbuf;
	const struct sctp_send_failed_event *e = (void *)nbuf;
	int m, nsent = 0, unsent_seen = 0;

	for (m = first; m < nmsgs; m++) {
		const struct sent *s = &msgs[m];
		size_t off = 0;

		while (off < s->len) {
			unsigned int dlen, flags, want_flags = 0;
			size_t i;
			int n = next_notif(fd, TMO, 0);

			ASSERT_LT((int)sizeof(*o), n) TH_LOG("msg %d off %zu",
							     m, off);
			ASSERT_EQ(SCTP_SEND_FAILED, o->ssf_type);
			ASSERT_EQ((unsigned int)n, o->ssf_length);
			dlen = n - sizeof(*o);
			ASSERT_GE(s->len - off, dlen);
			flags = o->ssf_flags;
			ASSERT_TRUE(flags == SCTP_DATA_SENT ||
				    flags == SCTP_DATA_UNSENT);
			if (flags == SCTP_DATA_SENT) {
				ASSERT_FALSE(unsent_seen);
				nsent++;
			} else {
				unsent_seen = 1;
			}
			if (!off)
				want_flags |= 2;	/* B */
			if (off + dlen == s->len)
				want_flags |= 1;	/* E */
			EXPECT_EQ(error, o->ssf_error);
			EXPECT_EQ(s->sid, o->ssf_info.sinfo_stream);
			EXPECT_EQ(0, o->ssf_info.sinfo_ssn);
			EXPECT_EQ(want_flags, o->ssf_info.sinfo_flags);
			EXPECT_EQ(htonl(s->ppid), o->ssf_info.sinfo_ppid);
			EXPECT_EQ(s->ctx, o->ssf_info.sinfo_context);
			EXPECT_EQ(0u, o->ssf_info.sinfo_timetolive);
			EXPECT_EQ(0u, o->ssf_info.sinfo_tsn);
			EXPECT_EQ(0u, o->ssf_info.sinfo_cumtsn);
			EXPECT_EQ(info_id, o->ssf_info.sinfo_assoc_id);
			EXPECT_EQ(id, o->ssf_assoc_id);
			for (i = 0; i < dlen; i++)
				ASSERT_EQ(pattern(s->msg, off + i),
					  o->ssf_data[i]);
			memcpy(old_data, o->ssf_data, dlen);

			/* the same chunk again, as SEND_FAILED_EVENT */
			ASSERT_EQ((int)(sizeof(*e) + dlen),
				  next_notif(fd, TMO, 0));
			ASSERT_EQ(SCTP_SEND_FAILED_EVENT, e->ssf_type);
			EXPECT_EQ(sizeof(*e) + dlen, e->ssf_length);
			EXPECT_EQ(flags, e->ssf_flags);
			EXPECT_EQ(error, e->ssf_error);
			EXPECT_EQ(s->sid, e->ssfe_info.snd_sid);
			EXPECT_EQ(want_flags, e->ssfe_info.snd_flags);
			EXPECT_EQ(htonl(s->ppid), e->ssfe_info.snd_ppid);
			EXPECT_EQ(s->ctx, e->ssfe_info.snd_context);
			EXPECT_EQ(info_id, e->ssfe_info.snd_assoc_id);
			EXPECT_EQ(id, e->ssf_assoc_id);
			EXPECT_EQ(0, memcmp(old_data, e->ssf_data, dlen));
			off += dlen;
		}
	}
	return nsent;
}

/* Subscribes @fd to both kinds, the old one through SCTP_EVENTS. */
static int subscribe_failed(int fd)
{
	struct sctp_event_subscribe ev = {};
	socklen_t len = sizeof(ev);

	if (getsockopt(fd, IPPROTO_SCTP, SCTP_EVENTS, &ev, &len))
		return -1;
	ev.sctp_send_failure_event = 1;
	if (setsockopt(fd, IPPROTO_SCTP, SCTP_EVENTS, &ev, sizeof(ev)))
		return -1;
	return subscribe(fd, SCTP_SEND_FAILED_EVENT, 0, 1);
}

/* The association's end as its ASSOC_CHANGE says: every field. */
static void expect_end(struct __test_metadata *_metadata, int fd,
		       uint16_t state, uint16_t error, sctp_assoc_t id,
		       const void *info, size_t ilen)
{
	struct sctp_assoc_change *sac = (void *)nbuf;

	ASSERT_EQ((int)(sizeof(*sac) + ilen), next_notif(fd, TMO, 0));
	ASSERT_EQ(SCTP_ASSOC_CHANGE, sac->sac_type);
	EXPECT_EQ(0, sac->sac_flags);
	EXPECT_EQ(sizeof(*sac) + ilen, sac->sac_length);
	EXPECT_EQ(state, sac->sac_state);
	EXPECT_EQ(error, sac->sac_error);
	/* only COMM_UP and RESTART report stream counts */
	EXPECT_EQ(0, sac->sac_outbound_streams);
	EXPECT_EQ(0, sac->sac_inbound_streams);
	EXPECT_EQ(id, sac->sac_assoc_id);
	if (ilen)
		EXPECT_EQ(0, memcmp(sac->sac_info, info, ilen));
}

/* Sends the two messages into a peer that no longer answers. */
static void send_into_void(struct __test_metadata *_metadata,
			   struct _test_data_notif *self)
{
	static unsigned char b[BIGMSG];
	size_t i;

	sh("modprobe sch_netem 2>/dev/null");
	ASSERT_EQ(0, sh("tc qdisc add dev lo root netem loss 100%"));
	for (i = 0; i < 2; i++) {
		fill(b, two[i].msg, two[i].len);
		ASSERT_EQ((ssize_t)two[i].len,
			  send_msg(self->c, self->cid, b, two[i].len,
				   two[i].sid, two[i].ppid, two[i].ctx, 0));
	}
}

/*
 * RFC 9260 s8.1: the peer is gone; after Association.Max.Retrans the
 * association ends with COMM_LOST (sac_error 0), and the data of both
 * messages comes back, chunk by chunk: those sent (at least the first)
 * flagged SCTP_DATA_SENT, the rest SCTP_DATA_UNSENT, ssf_error 0.
 */
TEST_F(notif, send_failed_comm_lost)
{
	struct sctp_rtoinfo rto = { .srto_initial = 100, .srto_min = 100,
				    .srto_max = 200 };
	struct sctp_assocparams ap = { .sasoc_asocmaxrxt = 2 };

	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_RTOINFO, &rto,
				sizeof(rto)));
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_ASSOCINFO, &ap,
				sizeof(ap)));
	ASSERT_EQ(0, subscribe_failed(self->c));
	up(_metadata, self, variant->type);
	send_into_void(_metadata, self);
	expect_end(_metadata, self->c, SCTP_COMM_LOST, 0, self->cid, NULL, 0);
	EXPECT_LT(0, check_failed(_metadata, self->c, two, 2, 0, self->cid,
				  self->cid, 0));
	EXPECT_EQ(-ETIMEDOUT, next_notif(self->c, 0, 0));
}

/*
 * The user aborts (SCTP_ABORT, one-to-many only): COMM_LOST and
 * ssf_error carry the User-Initiated Abort cause as sctp.ko has it, the
 * code in network order.
 */
TEST_F(notif, send_failed_user_abort)
{
	struct sctp_sndrcvinfo si = { .sinfo_flags = SCTP_ABORT };

	if (variant->type == SOCK_STREAM)
		SKIP(return, "SCTP_ABORT is for one-to-many sockets");
	ASSERT_EQ(0, subscribe_failed(self->c));
	up(_metadata, self, variant->type);
	send_into_void(_metadata, self);
	si.sinfo_assoc_id = self->cid;
	ASSERT_EQ(0, sctp_send(self->c, NULL, 0, &si, 0));
	expect_end(_metadata, self->c, SCTP_COMM_LOST, htons(12), self->cid,
		   NULL, 0);
	EXPECT_LT(0, check_failed(_metadata, self->c, two, 2, 0, self->cid,
				  self->cid, htons(12)));
	EXPECT_EQ(-ETIMEDOUT, next_notif(self->c, 0, 0));
}

/*
 * One-to-many: data given with the sendmsg that sets the association up
 * (RFC 6458 s3.1.1) to a port nobody listens on.  The ABORT answering the
 * INIT ends it with CANT_STR_ASSOC, and the data, never sent, comes back
 * flagged SCTP_DATA_UNSENT.  Its association id is 0 there, as on
 * sctp.ko: an association gets its id with the INIT ACK (or from
 * sctp_connectx()).  Without SCTP_SNDINFO the association's
 * defaults apply: stream 0, PPID and context from SCTP_DEFAULT_SNDINFO.
 */
TEST_F(notif, send_failed_unsent_at_setup)
{
	struct sctp_sndinfo dflt = { .snd_sid = 0, .snd_ppid = htonl(PPID2),
				     .snd_context = CTX2,
				     .snd_assoc_id = SCTP_FUTURE_ASSOC };
	const struct sent one = { 5, SMALLMSG, 0, PPID2, CTX2 };
	struct sctp_assoc_change *sac = (void *)nbuf;
	struct sockaddr_storage nobody;
	unsigned char b[SMALLMSG];
	sctp_assoc_t id;
	int fd;

	if (variant->type == SOCK_STREAM)
		SKIP(return, "setup by sendmsg is one-to-many's");
	fd = bound(variant->family, SOCK_SEQPACKET, &nobody);
	ASSERT_LE(0, fd);
	close(fd);		/* its port: nobody there now */
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_DEFAULT_SNDINFO,
				&dflt, sizeof(dflt)));
	ASSERT_EQ(0, subscribe_failed(self->c));
	fill(b, one.msg, one.len);
	ASSERT_EQ((ssize_t)one.len,
		  sendto(self->c, b, one.len, 0, (struct sockaddr *)&nobody,
			 self->slen));
	ASSERT_EQ((int)sizeof(*sac), next_notif(self->c, TMO, 0));
	ASSERT_EQ(SCTP_ASSOC_CHANGE, sac->sac_type);
	EXPECT_EQ(SCTP_CANT_STR_ASSOC, sac->sac_state);
	EXPECT_EQ(0, sac->sac_error);
	EXPECT_EQ(0, sac->sac_outbound_streams);
	EXPECT_EQ(0, sac->sac_inbound_streams);
	/* sctp.ko names an association only once the INIT ACK is in */
	id = sac->sac_assoc_id;
	EXPECT_EQ(0, id);
	EXPECT_EQ(0, check_failed(_metadata, self->c, &one, 1, 0, id, id, 0));
	EXPECT_EQ(-ETIMEDOUT, next_notif(self->c, 0, 0));
}

/*
 * The peer aborts while our data waits for its window: COMM_LOST with
 * sac_error the ABORT's cause as on the wire and the ABORT's causes in
 * sac_info; what the peer had not acknowledged comes back.  Messages of
 * one chunk each, so what comes back is a run of whole messages ending
 * with the last.
 */
TEST_F(notif, send_failed_peer_abort)
{
	static const uint8_t user_abort[4] = { 0, 12, 0, 4 };
	struct sctp_sndrcvinfo si = { .sinfo_flags = SCTP_ABORT };
	const struct sctp_send_failed *o = (void *)nbuf;
	struct sent msgs[40];
	int small = 4096, i, first;
	unsigned char b[1000];
	sctp_assoc_t info_id;

	ASSERT_EQ(0, setsockopt(self->l, SOL_SOCKET, SO_RCVBUF, &small,
				sizeof(small)));
	ASSERT_EQ(0, subscribe_failed(self->c));
	up(_metadata, self, variant->type);
	/* a one-to-one socket's sends name no association: 0 */
	info_id = variant->type == SOCK_STREAM ? 0 : self->cid;
	for (i = 0; i < 40; i++) {
		msgs[i] = (struct sent){ 10 + i, sizeof(b), 3, PPID1 + i,
					 CTX1 + i };
		fill(b, msgs[i].msg, sizeof(b));
		ASSERT_EQ((ssize_t)sizeof(b),
			  send_msg(self->c, info_id, b, sizeof(b), 3,
				   PPID1 + i, CTX1 + i, 0));
	}
	/* the server takes one message (the window is open), then aborts */
	ASSERT_EQ((ssize_t)sizeof(b), recv_data(self->s, b, sizeof(b)));
	for (i = 0; i < (int)sizeof(b); i++)
		ASSERT_EQ(pattern(10, i), b[i]);
	if (variant->type == SOCK_SEQPACKET) {
		si.sinfo_assoc_id = self->sid;
		ASSERT_EQ(0, sctp_send(self->s, NULL, 0, &si, 0));
	} else {
		struct linger lg = { .l_onoff = 1, .l_linger = 0 };

		ASSERT_EQ(0, setsockopt(self->s, SOL_SOCKET, SO_LINGER, &lg,
					sizeof(lg)));
		close(self->s);
		self->s = -1;
	}
	expect_end(_metadata, self->c, SCTP_COMM_LOST, htons(12), self->cid,
		   user_abort, sizeof(user_abort));
	/*
	 * What the peer had not acknowledged comes back, a run of messages
	 * ending with the last: which is first depends on the window and
	 * on whether the SACK for the one read went out before the ABORT.
	 */
	peek = 1;
	ASSERT_LT((int)sizeof(*o), next_notif(self->c, TMO, 0));
	peek = 0;
	ASSERT_EQ(SCTP_SEND_FAILED, o->ssf_type);
	first = ntohl(o->ssf_info.sinfo_ppid) - PPID1;
	ASSERT_LE(0, first);
	ASSERT_GT(40, first);
	check_failed(_metadata, self->c, msgs, 40, first, self->cid, info_id,
		     htons(12));
	/* then nothing more; a one-to-one socket reports the reset */
	EXPECT_EQ(variant->type == SOCK_STREAM ? -ECONNRESET : -ETIMEDOUT,
		  next_notif(self->c, 0, 0));
}

/* Not subscribed: nothing but the COMM_LOST. */
TEST_F(notif, send_failed_unsubscribed)
{
	struct sctp_sndrcvinfo si = { .sinfo_flags = SCTP_ABORT };

	if (variant->type == SOCK_STREAM)
		SKIP(return, "SCTP_ABORT is for one-to-many sockets");
	up(_metadata, self, variant->type);
	send_into_void(_metadata, self);
	si.sinfo_assoc_id = self->cid;
	ASSERT_EQ(0, sctp_send(self->c, NULL, 0, &si, 0));
	expect_end(_metadata, self->c, SCTP_COMM_LOST, htons(12), self->cid,
		   NULL, 0);
	EXPECT_EQ(-ETIMEDOUT, next_notif(self->c, 500, 0));
}

/* ---- SCTP_EVENT per association ---- */

/*
 * One-to-one: once up, SCTP_EVENT acts on the association whatever the
 * id says, and leaves the socket's own subscriptions (SCTP_EVENTS) be.
 * SCTP_EVENTS sets the socket's and the association's.
 */
TEST_F(notif, event_one_to_one_is_the_association)
{
	struct sctp_event_subscribe ev = {};
	socklen_t len = sizeof(ev);
	sctp_assoc_t id;
	int i;

	if (variant->type != SOCK_STREAM)
		SKIP(return, "one-to-one");
	up(_metadata, self, variant->type);
	EXPECT_EQ(1, event_on(self->c, SCTP_ASSOC_CHANGE, 0));
	ASSERT_EQ(0, subscribe(self->c, SCTP_ASSOC_CHANGE, 1234, 0));
	EXPECT_EQ(0, event_on(self->c, SCTP_ASSOC_CHANGE, 0));
	EXPECT_EQ(0, event_on(self->c, SCTP_ASSOC_CHANGE, 999));
	ASSERT_EQ(0, getsockopt(self->c, IPPROTO_SCTP, SCTP_EVENTS, &ev,
				&len));
	EXPECT_EQ(1, ev.sctp_association_event);
	/* the association ends without a SHUTDOWN_COMP: the peer's SHUTDOWN
	 * gives end of file, SHUTDOWN COMPLETE takes the association away
	 */
	close(self->s);
	self->s = -1;
	EXPECT_EQ(0, next_notif(self->c, TMO, 0));
	for (i = 0; i < 1000 && !status_id(self->c, &id); i++)
		usleep(10000);
	EXPECT_EQ(-1, status_id(self->c, &id));
	EXPECT_EQ(0, next_notif(self->c, 0, 0));
}

TEST_F(notif, events_resets_the_associations)
{
	struct sctp_event_subscribe ev = { .sctp_association_event = 1 };

	up(_metadata, self, variant->type);
	ASSERT_EQ(0, subscribe(self->c, SCTP_ASSOC_CHANGE, self->cid, 0));
	EXPECT_EQ(0, event_on(self->c, SCTP_ASSOC_CHANGE, self->cid));
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_EVENTS, &ev,
				sizeof(ev)));
	EXPECT_EQ(1, event_on(self->c, SCTP_ASSOC_CHANGE, self->cid));
	EXPECT_EQ(0, event_on(self->c, SCTP_SHUTDOWN_EVENT, self->cid));
}

/* Bad types and lengths, on any socket. */
TEST_F(notif, event_errno)
{
	struct sctp_event e = { .se_type = SCTP_SN_TYPE_BASE - 1, .se_on = 1 };
	socklen_t len = sizeof(e);

	EXPECT_EQ(-1, setsockopt(self->c, IPPROTO_SCTP, SCTP_EVENT, &e,
				 sizeof(e)));
	EXPECT_EQ(EINVAL, errno);
	e.se_type = SCTP_SN_TYPE_MAX + 1;
	EXPECT_EQ(-1, setsockopt(self->c, IPPROTO_SCTP, SCTP_EVENT, &e,
				 sizeof(e)));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, getsockopt(self->c, IPPROTO_SCTP, SCTP_EVENT, &e, &len));
	EXPECT_EQ(EINVAL, errno);
	e.se_type = SCTP_REMOTE_ERROR;
	EXPECT_EQ(-1, setsockopt(self->c, IPPROTO_SCTP, SCTP_EVENT, &e,
				 sizeof(e) - 1));
	EXPECT_EQ(EINVAL, errno);
	len = sizeof(e) - 1;
	EXPECT_EQ(-1, getsockopt(self->c, IPPROTO_SCTP, SCTP_EVENT, &e, &len));
	EXPECT_EQ(EINVAL, errno);
}

/* One-to-many: ids that name no association. */
TEST_F(notif, event_one_to_many_ids)
{
	if (variant->type != SOCK_SEQPACKET)
		SKIP(return, "one-to-many");
	up(_metadata, self, variant->type);
	EXPECT_EQ(-1, subscribe(self->l, SCTP_REMOTE_ERROR, 12345, 1));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-EINVAL, event_on(self->l, SCTP_REMOTE_ERROR, 12345));
	EXPECT_EQ(-EINVAL, event_on(self->l, SCTP_REMOTE_ERROR,
				    SCTP_CURRENT_ASSOC));
	EXPECT_EQ(-EINVAL, event_on(self->l, SCTP_REMOTE_ERROR,
				    SCTP_ALL_ASSOC));
	/* CURRENT: the existing association only */
	ASSERT_EQ(0, subscribe(self->l, SCTP_REMOTE_ERROR, SCTP_CURRENT_ASSOC,
			       1));
	EXPECT_EQ(1, event_on(self->l, SCTP_REMOTE_ERROR, self->sid));
	EXPECT_EQ(0, event_on(self->l, SCTP_REMOTE_ERROR, SCTP_FUTURE_ASSOC));
	/* FUTURE: the socket only */
	ASSERT_EQ(0, subscribe(self->l, SCTP_SHUTDOWN_EVENT,
			       SCTP_FUTURE_ASSOC, 1));
	EXPECT_EQ(0, event_on(self->l, SCTP_SHUTDOWN_EVENT, self->sid));
	EXPECT_EQ(1, event_on(self->l, SCTP_SHUTDOWN_EVENT, SCTP_FUTURE_ASSOC));
	/* ALL: both */
	ASSERT_EQ(0, subscribe(self->l, SCTP_PEER_ADDR_CHANGE, SCTP_ALL_ASSOC,
			       1));
	EXPECT_EQ(1, event_on(self->l, SCTP_PEER_ADDR_CHANGE, self->sid));
	EXPECT_EQ(1, event_on(self->l, SCTP_PEER_ADDR_CHANGE,
			      SCTP_FUTURE_ASSOC));
}

/*
 * One-to-many, two associations: one unsubscribed from ASSOC_CHANGE
 * ends silently, the other reports SHUTDOWN_COMP (streams 0/0).
 */
TEST_F(notif, event_per_association_delivery)
{
	struct sctp_sndrcvinfo si = { .sinfo_flags = SCTP_EOF };
	struct sockaddr_storage c2addr;
	sctp_assoc_t c2id, s2id;
	int c2;

	if (variant->type != SOCK_SEQPACKET)
		SKIP(return, "one-to-many");
	up(_metadata, self, variant->type);
	c2 = bound(variant->family, SOCK_SEQPACKET, &c2addr);
	ASSERT_LE(0, c2);
	ASSERT_EQ(0, subscribe(c2, SCTP_ASSOC_CHANGE, 0, 1));
	ASSERT_EQ(0, connect(c2, (struct sockaddr *)&self->saddr, self->slen));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change_id(c2, TMO, &c2id));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change_id(self->l, TMO, &s2id));
	ASSERT_NE(self->sid, s2id);

	ASSERT_EQ(0, subscribe(self->l, SCTP_ASSOC_CHANGE, self->sid, 0));
	EXPECT_EQ(0, event_on(self->l, SCTP_ASSOC_CHANGE, self->sid));
	EXPECT_EQ(1, event_on(self->l, SCTP_ASSOC_CHANGE, s2id));
	EXPECT_EQ(1, event_on(self->l, SCTP_ASSOC_CHANGE, SCTP_FUTURE_ASSOC));

	/* the first ends; its client's SHUTDOWN_COMP says it is over */
	si.sinfo_assoc_id = self->cid;
	ASSERT_EQ(0, sctp_send(self->c, NULL, 0, &si, 0));
	ASSERT_EQ(SCTP_SHUTDOWN_COMP, assoc_change(self->c, TMO));
	/* then the second: the only one the server hears of */
	si.sinfo_assoc_id = c2id;
	ASSERT_EQ(0, sctp_send(c2, NULL, 0, &si, 0));
	expect_end(_metadata, self->l, SCTP_SHUTDOWN_COMP, 0, s2id, NULL, 0);
	EXPECT_EQ(-ETIMEDOUT, next_notif(self->l, 0, 0));
	close(c2);
}

TEST_HARNESS_MAIN
