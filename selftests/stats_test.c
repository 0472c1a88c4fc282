// SPDX-License-Identifier: GPL-2.0
/*
 * SCTP_GET_ASSOC_STATS (Linux's option): each counter against a scenario
 * whose value is known (exact for serialised traffic, > 0 under netem
 * loss or duplication), the maximum RTO read-and-reset, lengths and
 * errno.  SCTP_DSTADDRV4/V6 on sendmsg (RFC 6458 s5.3.9, s5.3.10): more
 * peer addresses for an implicit setup, ignored on an association.
 * SCTP_NXTINFO with MSG_PEEK.  SctpInPktBacklog: packets that come while
 * a one-to-one socket's reader is inside recvmsg() wait for it.
 * Standard API only: passes on sctp.ko too.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/sock_diag.h>
#include <linux/userfaultfd.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include "kselftest_harness.h"
#include "helpers.h"

#define TIMEOUT_MS 20000

static int get_stats(int fd, sctp_assoc_t id, struct sctp_assoc_stats *s)
{
	socklen_t len = sizeof(*s);

	memset(s, 0, sizeof(*s));
	s->sas_assoc_id = id;
	if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_STATS, s, &len))
		return -errno;
	return len == sizeof(*s) ? 0 : -EMSGSIZE;
}

/* The next SCTP_SENDER_DRY_EVENT on @fd (a client that receives no data). */
static int wait_dry(int fd)
{
	union { struct sctp_sender_dry_event sd; char b[512]; } n;
	struct pollfd p = { .fd = fd, .events = POLLIN };

	for (;;) {
		if (poll(&p, 1, TIMEOUT_MS) != 1)
			return -ETIMEDOUT;
		if (recv(fd, &n, sizeof(n), 0) < 0)
			return -errno;
		if (n.sd.sender_dry_type == SCTP_SENDER_DRY_EVENT)
			return 0;
	}
}

/* Until nothing @fd sent is unacknowledged, woken by SENDER_DRY. */
static int wait_dry_acked(int fd)
{
	struct sctp_status st;
	socklen_t len;

	for (;;) {
		memset(&st, 0, sizeof(st));
		len = sizeof(st);
		if (getsockopt(fd, IPPROTO_SCTP, SCTP_STATUS, &st, &len))
			return -errno;
		if (!st.sstat_unackdata)
			return 0;
		if (wait_dry(fd))
			return -ETIMEDOUT;
	}
}

/* The next data message on one-to-many @fd: its length. */
static int next_data(int fd, char *buf, size_t size)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int flags, n;

	do {
		if (poll(&p, 1, TIMEOUT_MS) != 1)
			return -ETIMEDOUT;
		flags = 0;
		n = sctp_recvmsg(fd, buf, size, NULL, NULL, NULL, &flags);
		if (n < 0)
			return -errno;
	} while (flags & MSG_NOTIFICATION);
	return n;
}

/*
 * A one-to-many server and a one-to-one client on the loopback of a
 * namespace of the test's own.  No heartbeats; the server SACKs every
 * packet at once and the client sends without Nagle, so one message of
 * one chunk is one DATA packet and one SACK packet.
 */
FIXTURE(pair) {
	int l, c;
	sctp_assoc_t sid;
	struct sockaddr_in srv;
};

FIXTURE_SETUP(pair)
{
	struct sctp_rtoinfo rto = { .srto_initial = 2000, .srto_min = 500,
				    .srto_max = 2000 };
	struct sctp_paddrparams pp = { .spp_flags = SPP_HB_DISABLE };
	struct sctp_sack_info sack = { .sack_freq = 1 };
	struct sctp_event ev = { .se_type = SCTP_ASSOC_CHANGE, .se_on = 1 };
	socklen_t len = sizeof(self->srv);
	int one = 1;

	sh("modprobe sch_netem 2>/dev/null");
	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	ASSERT_EQ(0, sh("ip link set lo up"));
	memset(&self->srv, 0, sizeof(self->srv));
	self->srv.sin_family = AF_INET;
	self->srv.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	self->l = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	self->c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, self->l);
	ASSERT_LE(0, self->c);
	ASSERT_EQ(0, bind(self->l, (struct sockaddr *)&self->srv,
			  sizeof(self->srv)));
	ASSERT_EQ(0, getsockname(self->l, (struct sockaddr *)&self->srv,
				 &len));
	ASSERT_EQ(0, setsockopt(self->l, IPPROTO_SCTP, SCTP_EVENT, &ev,
				sizeof(ev)));
	ASSERT_EQ(0, setsockopt(self->l, IPPROTO_SCTP, SCTP_DELAYED_SACK,
				&sack, sizeof(sack)));
	ASSERT_EQ(0, setsockopt(self->l, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
				&pp, sizeof(pp)));
	ASSERT_EQ(0, listen(self->l, 1));
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS,
				&pp, sizeof(pp)));
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_RTOINFO, &rto,
				sizeof(rto)));
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_NODELAY, &one,
				sizeof(one)));
	ASSERT_EQ(0, connect(self->c, (struct sockaddr *)&self->srv,
			     sizeof(self->srv)));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change_id(self->l, 5000, &self->sid));
	/* subscribing when dry says so at once (RFC 6458 s6.1.9) */
	ev.se_type = SCTP_SENDER_DRY_EVENT;
	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_EVENT, &ev,
				sizeof(ev)));
	ASSERT_EQ(0, wait_dry(self->c));
}

FIXTURE_TEARDOWN(pair)
{
	sh("tc qdisc del dev lo root 2>/dev/null");
	close(self->c);
	close(self->l);
}

/* One message of @len bytes, received whole, acknowledged. */
static int one_message(struct _test_data_pair *self, size_t len,
		       uint16_t sid, uint32_t ppid, uint32_t flags)
{
	static char out[4096], in[4096];
	size_t i;

	for (i = 0; i < len; i++)
		out[i] = (char)(i * 7 + len + sid);
	if (sctp_sendmsg(self->c, out, len, NULL, 0, ppid, flags, sid, 0, 0) !=
	    (int)len)
		return -errno;
	if (next_data(self->l, in, sizeof(in)) != (int)len ||
	    memcmp(in, out, len))
		return -EBADMSG;
	return wait_dry(self->c);
}

#define DELTA(f)	((long long)(b.f - a.f))

TEST_F(pair, serialised_traffic_counts_exactly)
{
	struct sctp_assoc_stats a, b, sa, sb;
	int i;

	ASSERT_EQ(0, get_stats(self->c, 0, &a));
	ASSERT_EQ(0, get_stats(self->l, self->sid, &sa));
	for (i = 0; i < 4; i++)
		ASSERT_EQ(0, one_message(self, 100 + i, 0, 1, 0));
	for (i = 0; i < 3; i++)
		ASSERT_EQ(0, one_message(self, 200 + i, 1, 2,
					 SCTP_UNORDERED));
	ASSERT_EQ(0, get_stats(self->c, 0, &b));
	/* the client: 7 DATA packets out, 7 SACK packets in */
	EXPECT_EQ(4, DELTA(sas_oodchunks));
	EXPECT_EQ(3, DELTA(sas_ouodchunks));
	EXPECT_EQ(7, DELTA(sas_opackets));
	EXPECT_EQ(7, DELTA(sas_ipackets));
	EXPECT_EQ(7, DELTA(sas_isacks));
	EXPECT_EQ(7, DELTA(sas_ictrlchunks));
	EXPECT_EQ(0, DELTA(sas_octrlchunks));
	EXPECT_EQ(0, DELTA(sas_osacks));
	EXPECT_EQ(0, DELTA(sas_iodchunks));
	EXPECT_EQ(0, DELTA(sas_iuodchunks));
	EXPECT_EQ(0, DELTA(sas_rtxchunks));
	EXPECT_EQ(0, DELTA(sas_gapcnt));
	EXPECT_EQ(0, DELTA(sas_idupchunks));
	EXPECT_EQ(0, DELTA(sas_outofseqtsns));
	a = sa;
	ASSERT_EQ(0, get_stats(self->l, self->sid, &b));
	sb = b;
	/* the server: the mirror image */
	EXPECT_EQ(4, DELTA(sas_iodchunks));
	EXPECT_EQ(3, DELTA(sas_iuodchunks));
	EXPECT_EQ(7, DELTA(sas_ipackets));
	EXPECT_EQ(7, DELTA(sas_opackets));
	EXPECT_EQ(7, DELTA(sas_osacks));
	EXPECT_EQ(7, DELTA(sas_octrlchunks));
	EXPECT_EQ(0, DELTA(sas_ictrlchunks));
	EXPECT_EQ(0, DELTA(sas_isacks));
	EXPECT_EQ(0, DELTA(sas_oodchunks));
	EXPECT_EQ(0, DELTA(sas_ouodchunks));
	EXPECT_EQ(0, DELTA(sas_rtxchunks));
	EXPECT_EQ(0, DELTA(sas_gapcnt));
	EXPECT_EQ(0, DELTA(sas_idupchunks));
	EXPECT_EQ(0, DELTA(sas_outofseqtsns));
	EXPECT_EQ(self->sid, sb.sas_assoc_id);
}

/* Counters count chunks: a message cut in three is three DATA chunks. */
TEST_F(pair, fragments_count_as_chunks)
{
	struct sctp_assoc_value av = { .assoc_value = 1000 };
	struct sctp_assoc_stats a, b;

	ASSERT_EQ(0, setsockopt(self->c, IPPROTO_SCTP, SCTP_MAXSEG, &av,
				sizeof(av)));
	ASSERT_EQ(0, get_stats(self->c, 0, &a));
	ASSERT_EQ(0, one_message(self, 2500, 0, 1, 0));
	ASSERT_EQ(0, get_stats(self->c, 0, &b));
	EXPECT_EQ(3, DELTA(sas_oodchunks));
	EXPECT_EQ(0, DELTA(sas_rtxchunks));
	ASSERT_EQ(0, get_stats(self->l, self->sid, &a));
	ASSERT_EQ(0, one_message(self, 2100, 0, 1, SCTP_UNORDERED));
	ASSERT_EQ(0, get_stats(self->l, self->sid, &b));
	EXPECT_EQ(3, DELTA(sas_iuodchunks));
	EXPECT_EQ(0, DELTA(sas_iodchunks));
}

/*
 * The highest RTO since the last read, in jiffies as sctp.ko gives it
 * (so only ratios are checked here): RTO.Initial (2000 ms) from the
 * setup, then RTO.Min (500 ms) once read, while RTT samples on loopback
 * stay at RTO.Min.  The path's address stays as it was.
 */
TEST_F(pair, max_rto_is_read_and_reset)
{
	struct sctp_assoc_stats s1, s2, s3;
	struct sockaddr_in *a;

	ASSERT_EQ(0, get_stats(self->c, 0, &s1));
	ASSERT_EQ(0, get_stats(self->c, 0, &s2));
	ASSERT_LT(0ULL, s2.sas_maxrto);
	EXPECT_EQ(4 * s2.sas_maxrto, s1.sas_maxrto);
	a = (struct sockaddr_in *)&s1.sas_obs_rto_ipaddr;
	EXPECT_EQ(AF_INET, a->sin_family);
	EXPECT_EQ(self->srv.sin_port, a->sin_port);
	EXPECT_EQ(htonl(INADDR_LOOPBACK), a->sin_addr.s_addr);
	EXPECT_EQ(0, memcmp(&s1.sas_obs_rto_ipaddr, &s2.sas_obs_rto_ipaddr,
			    sizeof(s1.sas_obs_rto_ipaddr)));
	ASSERT_EQ(0, one_message(self, 64, 0, 1, 0));
	ASSERT_EQ(0, get_stats(self->c, 0, &s3));
	EXPECT_EQ(s2.sas_maxrto, s3.sas_maxrto);
}

/*
 * 10% loss both ways: every chunk is sent new once and accepted once,
 * exactly; what was lost is retransmitted and gaps were reported.
 */
TEST_F(pair, loss_retransmits_and_reports_gaps)
{
	struct sctp_assoc_stats a, b;
	char buf[1000];
	int i, n;

	ASSERT_EQ(0, get_stats(self->c, 0, &a));
	ASSERT_EQ(0, sh("tc qdisc add dev lo root netem loss 10%"));
	for (i = 0; i < 100; i++) {
		memset(buf, i, sizeof(buf));
		ASSERT_EQ((int)sizeof(buf), sctp_sendmsg(self->c, buf, sizeof(buf),
						    NULL, 0, 0, 0, 0, 0, 0));
	}
	for (i = 0; i < 100; i++) {
		n = next_data(self->l, buf, sizeof(buf));
		ASSERT_EQ((int)sizeof(buf), n);
		ASSERT_EQ((char)i, buf[0]);
		ASSERT_EQ((char)i, buf[sizeof(buf) - 1]);
	}
	ASSERT_EQ(0, sh("tc qdisc del dev lo root"));
	ASSERT_EQ(0, wait_dry_acked(self->c));
	ASSERT_EQ(0, get_stats(self->c, 0, &b));
	EXPECT_EQ(100, DELTA(sas_oodchunks));
	EXPECT_LT(0, DELTA(sas_rtxchunks));
	EXPECT_LT(0, DELTA(sas_gapcnt));
	EXPECT_LT(0, DELTA(sas_isacks));
	ASSERT_EQ(0, get_stats(self->l, self->sid, &b));
	EXPECT_EQ(100ULL, b.sas_iodchunks);
}

/* Every packet twice: the second copy of each DATA is a duplicate TSN. */
TEST_F(pair, duplicates_are_reported)
{
	struct sctp_assoc_stats a, b;
	int i;

	ASSERT_EQ(0, get_stats(self->l, self->sid, &a));
	ASSERT_EQ(0, sh("tc qdisc add dev lo root netem duplicate 100%"));
	for (i = 0; i < 5; i++)
		ASSERT_EQ(0, one_message(self, 300, 0, 1, 0));
	ASSERT_EQ(0, sh("tc qdisc del dev lo root"));
	ASSERT_EQ(0, get_stats(self->l, self->sid, &b));
	EXPECT_LT(0, DELTA(sas_idupchunks));
	EXPECT_EQ(5, DELTA(sas_iodchunks));
}

/* The first 64 bytes of the next packet to port @dport, chunk @type */
static int raw_next(int r, uint16_t dport, uint8_t type, uint8_t *out)
{
	int n = raw_next_ms(r, dport, type, out, 64, TIMEOUT_MS);

	return n < 0 ? n : 0;
}

/*
 * A DATA chunk far beyond the receive window (RFC 9260 s6.2: dropped)
 * counts in sas_outofseqtsns.  The test learns the tags and the TSN from
 * a DATA packet it sees on a raw socket and sends one as the client
 * would, 100000 TSNs ahead; the server's SACK to it says it was taken in.
 */
TEST_F(pair, far_tsn_is_out_of_sequence)
{
	struct sctp_assoc_stats a, b;
	uint8_t seen[64], pkt[32];
	uint16_t cport;
	uint32_t tsn;
	int r;

	r = socket(AF_INET, SOCK_RAW, IPPROTO_SCTP);
	ASSERT_LE(0, r);
	ASSERT_EQ(0, one_message(self, 4, 0, 1, 0));
	ASSERT_EQ(0, raw_next(r, self->srv.sin_port, 0, seen));
	memcpy(&cport, seen, 2);
	memcpy(&tsn, seen + 16, 4);
	tsn = htonl(ntohl(tsn) + 100000);
	memset(pkt, 0, sizeof(pkt));
	memcpy(pkt, seen, 8);			/* ports and tag */
	pkt[12] = 0;				/* DATA, B and E */
	pkt[13] = 3;
	pkt[15] = 20;				/* 16 + 4 bytes of data */
	memcpy(pkt + 16, &tsn, 4);
	memcpy(pkt + 28, "far!", 4);
	sctp_csum(pkt, sizeof(pkt));

	ASSERT_EQ(0, get_stats(self->l, self->sid, &a));
	ASSERT_EQ((int)sizeof(pkt), sendto(r, pkt, sizeof(pkt), 0,
					   (struct sockaddr *)&self->srv,
					   sizeof(self->srv)));
	ASSERT_EQ(0, raw_next(r, cport, 3, seen));	/* the SACK */
	ASSERT_EQ(0, get_stats(self->l, self->sid, &b));
	EXPECT_EQ(1, DELTA(sas_outofseqtsns));
	EXPECT_EQ(0, DELTA(sas_iodchunks));
	EXPECT_EQ(1, DELTA(sas_ipackets));
	EXPECT_EQ(0, DELTA(sas_ictrlchunks));
	close(r);
}

/*
 * As sctp.ko: at least the id is needed, a shorter structure gets what
 * fits, a longer one the structure; a one-to-one socket ignores the id
 * once up; a one-to-many id that names no association is EINVAL.
 */
TEST_F(pair, lengths_and_ids)
{
	struct sctp_assoc_stats s;
	char big[sizeof(s) + 16];
	socklen_t len;

	len = sizeof(sctp_assoc_t) - 1;
	EXPECT_EQ(-1, getsockopt(self->c, IPPROTO_SCTP, SCTP_GET_ASSOC_STATS,
				 &s, &len));
	EXPECT_EQ(EINVAL, errno);
	memset(&s, 0, sizeof(s));
	len = offsetof(struct sctp_assoc_stats, sas_maxrto);
	EXPECT_EQ(0, getsockopt(self->c, IPPROTO_SCTP, SCTP_GET_ASSOC_STATS,
				&s, &len));
	EXPECT_EQ(offsetof(struct sctp_assoc_stats, sas_maxrto), len);
	memset(big, 0, sizeof(big));
	len = sizeof(big);
	((struct sctp_assoc_stats *)big)->sas_assoc_id = 4242;
	EXPECT_EQ(0, getsockopt(self->c, IPPROTO_SCTP, SCTP_GET_ASSOC_STATS,
				big, &len));
	EXPECT_EQ(sizeof(s), len);

	EXPECT_EQ(0, get_stats(self->l, self->sid, &s));
	EXPECT_EQ(-EINVAL, get_stats(self->l, self->sid + 100, &s));
	EXPECT_EQ(-EINVAL, get_stats(self->l, SCTP_FUTURE_ASSOC, &s));
	EXPECT_EQ(-EINVAL, get_stats(self->l, SCTP_CURRENT_ASSOC, &s));
}

TEST(stats_without_association)
{
	struct sctp_assoc_stats s;
	int fd;

	fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, fd);
	EXPECT_EQ(-EINVAL, get_stats(fd, 0, &s));
	close(fd);
	fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, fd);
	EXPECT_EQ(-EINVAL, get_stats(fd, 0, &s));
	EXPECT_EQ(-EINVAL, get_stats(fd, 1234, &s));
	close(fd);
}

/* One recvmsg: its length, and the SCTP_NXTINFO in *@ni (0 if absent). */
static int recv_nxt(int fd, char *buf, size_t size, int flags,
		    struct sctp_nxtinfo *ni, int *has)
{
	char cb[CMSG_SPACE(sizeof(*ni)) * 2];
	struct iovec iov = { buf, size };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cb, .msg_controllen = sizeof(cb) };
	struct cmsghdr *c;
	int n = recvmsg(fd, &m, flags);

	*has = 0;
	if (n < 0)
		return -errno;
	for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
		if (c->cmsg_level == IPPROTO_SCTP &&
		    c->cmsg_type == SCTP_NXTINFO) {
			memcpy(ni, CMSG_DATA(c), sizeof(*ni));
			*has = 1;
		}
	return n;
}

/*
 * RFC 6458 s5.3.6 with MSG_PEEK, as sctp.ko: the peeked message stays
 * first in the queue, and SCTP_NXTINFO describes the first message
 * queued, the peeked one itself; a plain read describes the one after.
 */
TEST_F(pair, nxtinfo_with_peek)
{
	struct sctp_nxtinfo ni;
	char buf[64];
	int one = 1, has;

	ASSERT_EQ(0, setsockopt(self->l, IPPROTO_SCTP, SCTP_RECVNXTINFO, &one,
				sizeof(one)));
	ASSERT_EQ(4, sctp_sendmsg(self->c, "abcd", 4, NULL, 0, 7, 0, 0, 0, 0));
	ASSERT_EQ(8, sctp_sendmsg(self->c, "efghijkl", 8, NULL, 0, 9,
				  SCTP_UNORDERED, 1, 0, 0));
	/* acked means queued to the server's socket */
	ASSERT_EQ(0, wait_dry_acked(self->c));

	memset(&ni, 0xff, sizeof(ni));
	ASSERT_EQ(4, recv_nxt(self->l, buf, sizeof(buf), MSG_PEEK, &ni, &has));
	ASSERT_EQ(0, memcmp(buf, "abcd", 4));
	ASSERT_EQ(1, has);
	EXPECT_EQ(0, ni.nxt_sid);
	EXPECT_EQ(0, ni.nxt_flags);
	EXPECT_EQ(7U, ni.nxt_ppid);
	EXPECT_EQ(4U, ni.nxt_length);
	EXPECT_EQ(self->sid, ni.nxt_assoc_id);

	memset(&ni, 0xff, sizeof(ni));
	ASSERT_EQ(4, recv_nxt(self->l, buf, sizeof(buf), 0, &ni, &has));
	ASSERT_EQ(0, memcmp(buf, "abcd", 4));
	ASSERT_EQ(1, has);
	EXPECT_EQ(1, ni.nxt_sid);
	EXPECT_EQ(SCTP_UNORDERED, ni.nxt_flags);
	EXPECT_EQ(9U, ni.nxt_ppid);
	EXPECT_EQ(8U, ni.nxt_length);
	EXPECT_EQ(self->sid, ni.nxt_assoc_id);

	memset(&ni, 0xff, sizeof(ni));
	ASSERT_EQ(8, recv_nxt(self->l, buf, sizeof(buf), MSG_PEEK, &ni, &has));
	ASSERT_EQ(0, memcmp(buf, "efghijkl", 8));
	ASSERT_EQ(1, has);
	EXPECT_EQ(1, ni.nxt_sid);
	EXPECT_EQ(8U, ni.nxt_length);

	ASSERT_EQ(8, recv_nxt(self->l, buf, sizeof(buf), 0, &ni, &has));
	ASSERT_EQ(0, memcmp(buf, "efghijkl", 8));
	EXPECT_EQ(0, has);
}

/* sendmsg() with msg_name @to and the cmsgs in @cb (@cblen bytes). */
static int send_dst(int fd, const struct sockaddr_in *to, void *cb,
		    size_t cblen)
{
	struct iovec iov = { "x", 1 };
	struct msghdr m = { .msg_name = (void *)to, .msg_namelen = sizeof(*to),
			    .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cb, .msg_controllen = cblen };

	return sendmsg(fd, &m, MSG_DONTWAIT) < 0 ? -errno : 0;
}

/* Appends one SCTP_DSTADDR* cmsg of @dlen bytes from @data at *@at. */
static size_t put_dst(char *at, int type, const void *data, size_t dlen)
{
	struct cmsghdr *c = (struct cmsghdr *)at;

	c->cmsg_level = IPPROTO_SCTP;
	c->cmsg_type = type;
	c->cmsg_len = CMSG_LEN(dlen);
	memcpy(CMSG_DATA(c), data, dlen);
	return CMSG_SPACE(dlen);
}

static int assoc_number(int fd)
{
	uint32_t n = 0;
	socklen_t len = sizeof(n);

	if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_NUMBER, &n, &len))
		return -errno;
	return n;
}

/* Peers that never answer: a dummy link swallows what goes to them. */
#define dummy_netns() do {						\
	ASSERT_EQ(0, unshare(CLONE_NEWNET));				\
	ASSERT_EQ(0, sh("ip link set lo up && "			\
			"ip link add d0 type dummy && ip link set d0 up && " \
			"ip addr add 10.77.0.1/24 dev d0"));		\
} while (0)

static struct sockaddr_in dummy_peer(int host)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(5000) };

	a.sin_addr.s_addr = htonl(0x0a4d0000 | host);	/* 10.77.0.host */
	return a;
}

/* SCTP_GET_PEER_ADDR_INFO for the peer address @a on association @id. */
static int peer_info_at(int fd, sctp_assoc_t id, const void *a, size_t alen)
{
	struct sctp_paddrinfo pi;
	socklen_t len = sizeof(pi);

	memset(&pi, 0, sizeof(pi));
	pi.spinfo_assoc_id = id;
	memcpy(&pi.spinfo_address, a, alen);
	if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_PEER_ADDR_INFO, &pi, &len))
		return -errno;
	return pi.spinfo_assoc_id == id ? 0 : -EBADMSG;
}

/* The same for 10.77.0.@host. */
static int peer_info(int fd, sctp_assoc_t id, int host)
{
	struct sockaddr_in a = dummy_peer(host);

	return peer_info_at(fd, id, &a, sizeof(a));
}

/*
 * An implicit setup to 10.77.0.2 with SCTP_DSTADDRV4 10.77.0.3 and .4:
 * the association has the three as peer addresses, at msg_name's port.
 * A later send on it ignores the cmsgs, even a malformed one.  (sctp.ko
 * gives an implicit setup its id only once INIT ACK comes: the id is
 * taken from the list, and the paths are looked up by address.)
 */
TEST(dstaddr_adds_peer_addresses)
{
	struct sockaddr_in to = dummy_peer(2), b = dummy_peer(3),
			   c = dummy_peer(4);
	struct { struct sctp_assoc_ids ids; sctp_assoc_t more[4]; } ids;
	sctp_assoc_t id;
	socklen_t len;
	char cb[256];
	size_t n = 0;
	int fd;

	dummy_netns();
	fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, fd);
	memset(cb, 0, sizeof(cb));
	n += put_dst(cb + n, SCTP_DSTADDRV4, &b.sin_addr, 4);
	n += put_dst(cb + n, SCTP_DSTADDRV4, &c.sin_addr, 4);
	ASSERT_EQ(0, send_dst(fd, &to, cb, n));
	len = sizeof(ids);
	ASSERT_EQ(0, getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST,
				&ids, &len));
	ASSERT_EQ(1U, ids.ids.gaids_number_of_ids);
	id = ids.ids.gaids_assoc_id[0];
	EXPECT_EQ(0, peer_info(fd, id, 2));
	EXPECT_EQ(0, peer_info(fd, id, 3));
	EXPECT_EQ(0, peer_info(fd, id, 4));
	EXPECT_EQ(-EINVAL, peer_info(fd, id, 5));

	/* on the association: ignored, even two bytes of address */
	n = put_dst(cb, SCTP_DSTADDRV4, "\x0a\x4d", 2);
	EXPECT_EQ(0, send_dst(fd, &to, cb, n));
	EXPECT_EQ(1, assoc_number(fd));
	close(fd);
}

/* Without the cmsgs, the association knows msg_name's address only. */
TEST(no_dstaddr_one_peer_address)
{
	struct sockaddr_in to = dummy_peer(2);
	struct { struct sctp_assoc_ids ids; sctp_assoc_t more[4]; } ids;
	socklen_t len;
	int fd;

	dummy_netns();
	fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, send_dst(fd, &to, NULL, 0));
	len = sizeof(ids);
	ASSERT_EQ(0, getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST,
				&ids, &len));
	ASSERT_EQ(1U, ids.ids.gaids_number_of_ids);
	EXPECT_EQ(0, peer_info(fd, ids.ids.gaids_assoc_id[0], 2));
	EXPECT_EQ(-EINVAL, peer_info(fd, ids.ids.gaids_assoc_id[0], 3));
	close(fd);
}

static struct sockaddr_in6 dummy_peer6(int host)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6,
				  .sin6_port = htons(5000) };

	inet_pton(AF_INET6, "2001:db8::", &a.sin6_addr);
	a.sin6_addr.s6_addr[15] = host;
	return a;
}

static int peer_info6(int fd, sctp_assoc_t id, int host)
{
	struct sockaddr_in6 a = dummy_peer6(host);

	return peer_info_at(fd, id, &a, sizeof(a));
}

/* The same with SCTP_DSTADDRV6 on an IPv6 socket. */
TEST(dstaddrv6_adds_peer_address)
{
	struct sockaddr_in6 to = dummy_peer6(2), b = dummy_peer6(3);
	struct { struct sctp_assoc_ids ids; sctp_assoc_t more[4]; } ids;
	struct iovec iov = { "x", 1 };
	struct msghdr m = { .msg_name = &to, .msg_namelen = sizeof(to),
			    .msg_iov = &iov, .msg_iovlen = 1 };
	char cb[256];
	socklen_t len;
	int fd;

	dummy_netns();
	ASSERT_EQ(0, sh("ip addr add 2001:db8::1/64 dev d0 nodad"));
	fd = socket(AF_INET6, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, fd);
	memset(cb, 0, sizeof(cb));
	m.msg_control = cb;
	m.msg_controllen = put_dst(cb, SCTP_DSTADDRV6, &b.sin6_addr, 16);
	ASSERT_EQ(1, sendmsg(fd, &m, MSG_DONTWAIT));
	len = sizeof(ids);
	ASSERT_EQ(0, getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST,
				&ids, &len));
	ASSERT_EQ(1U, ids.ids.gaids_number_of_ids);
	EXPECT_EQ(0, peer_info6(fd, ids.ids.gaids_assoc_id[0], 2));
	EXPECT_EQ(0, peer_info6(fd, ids.ids.gaids_assoc_id[0], 3));
	EXPECT_EQ(-EINVAL, peer_info6(fd, ids.ids.gaids_assoc_id[0], 4));
	close(fd);
}

/* A short address or an IPv6 one on an IPv4 socket sets up nothing. */
TEST(dstaddr_bad_sets_up_nothing)
{
	struct sockaddr_in to = dummy_peer(2), b = dummy_peer(3);
	struct in6_addr v6 = IN6ADDR_LOOPBACK_INIT;
	char cb[256];
	size_t n;
	int fd;

	dummy_netns();
	fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, fd);
	n = put_dst(cb, SCTP_DSTADDRV4, &b.sin_addr, 3);
	EXPECT_EQ(-EINVAL, send_dst(fd, &to, cb, n));
	EXPECT_EQ(0, assoc_number(fd));
	n = put_dst(cb, SCTP_DSTADDRV6, &v6, 8);
	EXPECT_EQ(-EINVAL, send_dst(fd, &to, cb, n));
	n = put_dst(cb, SCTP_DSTADDRV6, &v6, sizeof(v6));
	EXPECT_EQ(-EINVAL, send_dst(fd, &to, cb, n));
	EXPECT_EQ(0, assoc_number(fd));
	close(fd);
}

struct stuck_read {
	int fd;
	char *buf;
	ssize_t n;
};

static void *read_stuck(void *arg)
{
	struct stuck_read *r = arg;

	r->n = recv(r->fd, r->buf, 4096, 0);
	return NULL;
}

/* The bytes waiting on @fd's socket backlog (SO_MEMINFO), or -1. */
static int backlog_bytes(int fd)
{
	uint32_t m[SK_MEMINFO_VARS];
	socklen_t len = sizeof(m);

	if (getsockopt(fd, SOL_SOCKET, SO_MEMINFO, m, &len))
		return -1;
	return m[SK_MEMINFO_BACKLOG];
}

/* A fresh page whose first touch waits for @uffd to resolve it. */
static char *trap_page(int uffd)
{
	struct uffdio_api api = { .api = UFFD_API };
	struct uffdio_register reg = { .mode = UFFDIO_REGISTER_MODE_MISSING };
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || ioctl(uffd, UFFDIO_API, &api))
		return NULL;
	reg.range.start = (unsigned long)p;
	reg.range.len = 4096;
	return ioctl(uffd, UFFDIO_REGISTER, &reg) ? NULL : p;
}

/*
 * While a one-to-one socket's reader is inside recvmsg(), holding the
 * socket, the packets that come for it wait on the socket's backlog and
 * run when it lets go (as on TCP, and on sctp.ko for every socket).  The
 * reader is held there for as long as the test wants by a user buffer
 * whose page faults into userfaultfd: the copy out waits on the fault.
 * The 20 messages sent meanwhile all wait (SctpInPktSoftirq +0), are
 * all taken in from the backlog (SctpInPktBacklog +20), and are then
 * read intact and in order.  The first carries the SACK the client owes
 * for a "ping": that packet, built rather than sent as a clone of its
 * one chunk, must be sized to what it holds.
 */
TEST(packets_wait_for_a_busy_reader)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	struct uffdio_zeropage zero = { .range.len = 4096 };
	struct stuck_read r = {};
	struct uffd_msg m;
	struct pollfd p;
	socklen_t len = sizeof(a);
	long pkts, soft, bl;
	char in[64], out[64];
	struct sctp_sack_info sack = { .sack_delay = 500, .sack_freq = 2 };
	int l, c, uffd, i, k, one = 1;
	pthread_t t;

	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	ASSERT_EQ(0, sh("ip link set lo up"));
	uffd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	ASSERT_LE(0, uffd) TH_LOG("userfaultfd: %s", strerror(errno));
	r.buf = trap_page(uffd);
	ASSERT_NE(NULL, r.buf);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, l);
	ASSERT_LE(0, c);
	ASSERT_EQ(0, bind(l, (struct sockaddr *)&a, sizeof(a)));
	ASSERT_EQ(0, getsockname(l, (struct sockaddr *)&a, &len));
	ASSERT_EQ(0, listen(l, 1));
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_NODELAY, &one,
				sizeof(one)));
	ASSERT_EQ(0, connect(c, (struct sockaddr *)&a, sizeof(a)));
	r.fd = accept(l, NULL, NULL);
	ASSERT_LE(0, r.fd);

	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_DELAYED_SACK, &sack,
				sizeof(sack)));
	ASSERT_EQ(5, send(c, "first", 5, 0));
	/* its SACK, delayed or not, is in before the counting starts */
	ASSERT_LE(0, wait_acked(c, TIMEOUT_MS));
	/* the client owes a SACK for this until its first message */
	ASSERT_EQ(4, send(r.fd, "ping", 4, 0));
	p = (struct pollfd){ .fd = c, .events = POLLIN };
	ASSERT_EQ(1, poll(&p, 1, TIMEOUT_MS));
	ASSERT_EQ(0, pthread_create(&t, NULL, read_stuck, &r));
	p = (struct pollfd){ .fd = uffd, .events = POLLIN };
	ASSERT_EQ(1, poll(&p, 1, TIMEOUT_MS));	/* the reader is copying */
	ASSERT_EQ((ssize_t)sizeof(m), read(uffd, &m, sizeof(m)));
	ASSERT_EQ(UFFD_EVENT_PAGEFAULT, m.event);

	pkts = snmp("SctpInSCTPPacks");
	soft = snmp("SctpInPktSoftirq");
	bl = snmp("SctpInPktBacklog");
	for (i = 0; i < 20; i++) {
		snprintf(out, sizeof(out), "message %d", i);
		ASSERT_EQ((ssize_t)strlen(out), send(c, out, strlen(out), 0));
		if (i)
			continue;
		/* the SACK and the DATA bundled: a packet the size of its
		 * chunks, not of loopback's 64 KiB MTU (128 KiB of skb)
		 */
		for (k = 0; k < TIMEOUT_MS / 10 && !backlog_bytes(r.fd); k++)
			usleep(10000);
		EXPECT_LT(0, backlog_bytes(r.fd));
		EXPECT_GT(16384, backlog_bytes(r.fd));
	}
	for (i = 0; i < TIMEOUT_MS / 10 && snmp("SctpInSCTPPacks") < pkts + 20;
	     i++)
		usleep(10000);
	EXPECT_EQ(pkts + 20, snmp("SctpInSCTPPacks"));
	EXPECT_EQ(soft, snmp("SctpInPktSoftirq"));

	zero.range.start = (unsigned long)r.buf;
	ASSERT_EQ(0, ioctl(uffd, UFFDIO_ZEROPAGE, &zero));
	ASSERT_EQ(0, pthread_join(t, NULL));
	ASSERT_EQ(5, r.n);
	EXPECT_EQ(0, memcmp(r.buf, "first", 5));
	/* counted when queued (sctp.ko) or when run (xsctp) */
	EXPECT_EQ(bl + 20, snmp("SctpInPktBacklog"));
	for (i = 0; i < 20; i++) {
		ssize_t n;

		p = (struct pollfd){ .fd = r.fd, .events = POLLIN };
		ASSERT_EQ(1, poll(&p, 1, TIMEOUT_MS));
		n = recv(r.fd, in, sizeof(in) - 1, 0);
		ASSERT_LT(0, n);
		in[n] = 0;
		snprintf(out, sizeof(out), "message %d", i);
		EXPECT_STREQ(out, in);
	}
	close(uffd);
	close(c);
	close(r.fd);
	close(l);
}

TEST_HARNESS_MAIN
