// SPDX-License-Identifier: GPL-2.0
/*
 * Handshakes that do not go straight (RFC 9260 s5.2): INITs that cross,
 * a COOKIE ACK that is lost, and a State Cookie that is always stale on
 * arrival.  Each test runs in a network namespace of its own whose
 * loopback is slowed with netem or filtered with tc, so the timing that
 * makes the case happen is forced, not hoped for.  Only the standard API:
 * every test passes on Linux's sctp.ko too.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
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

#define TIMEOUT_MS 10000

/* A namespace of our own with loopback up, then @tc (if any) run in it. */
#define own_netns(tc) do {						\
	sh("modprobe -a sch_netem sch_prio cls_u32 act_gact 2>/dev/null"); \
	ASSERT_EQ(0, unshare(CLONE_NEWNET));				\
	ASSERT_EQ(0, sh("ip link set lo up"));				\
	if (tc)								\
		ASSERT_EQ(0, sh(tc));					\
} while (0)

/* A socket bound to 127.0.0.1 on a free port; its address in *@a. */
static int bound(int type, struct sockaddr_in *a)
{
	struct sctp_event_subscribe ev = { .sctp_data_io_event = 1,
					   .sctp_association_event = 1 };
	socklen_t len = sizeof(*a);
	int fd = socket(AF_INET, type, IPPROTO_SCTP);

	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)a, sizeof(*a)) ||
	    getsockname(fd, (struct sockaddr *)a, &len) ||
	    setsockopt(fd, IPPROTO_SCTP, SCTP_EVENTS, &ev, sizeof(ev)))
		return -1;
	return fd;
}

/* What one socket saw until its first data message. */
struct seen {
	int comm_up, other;		/* ASSOC_CHANGE: COMM_UP, any other */
	sctp_assoc_t up_id, data_id;
	char data[64];
};

/* Reads notifications and then one data message from @fd, into @s. */
static int read_until_data(int fd, struct seen *s)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	memset(s, 0, sizeof(*s));
	for (;;) {
		union {
			struct sctp_assoc_change sac;
			char b[256];
		} u;
		struct sctp_sndrcvinfo si;
		int flags = 0;
		ssize_t n;

		if (poll(&p, 1, TIMEOUT_MS) != 1)
			return -ETIMEDOUT;
		memset(&si, 0, sizeof(si));
		n = sctp_recvmsg(fd, &u, sizeof(u) - 1, NULL, NULL, &si,
				 &flags);
		if (n < 0)
			return -errno;
		if (!(flags & MSG_NOTIFICATION)) {
			memcpy(s->data, u.b, n < 63 ? n : 63);
			s->data_id = si.sinfo_assoc_id;
			return 0;
		}
		if (u.sac.sac_type != SCTP_ASSOC_CHANGE)
			continue;
		if (u.sac.sac_state == SCTP_COMM_UP) {
			s->comm_up++;
			s->up_id = u.sac.sac_assoc_id;
		} else {
			s->other++;
		}
	}
}

/* Associations on a one-to-many socket, by SCTP_GET_ASSOC_ID_LIST. */
static int assoc_count(int fd)
{
	union {
		struct sctp_assoc_ids ids;
		char b[sizeof(struct sctp_assoc_ids) + 16 * sizeof(sctp_assoc_t)];
	} u;
	socklen_t len = sizeof(u);

	if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST, &u, &len))
		return -errno;
	return u.ids.gaids_number_of_ids;
}

static int send_to(int fd, const char *msg, const struct sockaddr_in *to)
{
	return sctp_sendmsg(fd, msg, strlen(msg), (struct sockaddr *)to,
			    sizeof(*to), 0, 0, 0, 0, 0);
}

/* Polls (every 20 ms, up to 10 s) until shell command @cmd succeeds. */
static int wait_sh(const char *cmd)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	int i;

	for (i = 0; i < 500; i++) {
		if (!sh(cmd))
			return 0;
		nanosleep(&ts, NULL);
	}
	return -ETIMEDOUT;
}

/*
 * RFC 9260 s5.2.1: both ends send INIT at once (each sendmsg sets up an
 * association implicitly, and the 50 ms delay makes the INITs cross).
 * Each end answers the other's INIT from COOKIE-WAIT, and the COOKIE
 * ECHOs that cross too (s5.2.4) must end in one association per side,
 * not two, each reporting COMM_UP once and carrying the other's data.
 */
TEST(init_collision)
{
	struct sockaddr_in aa, ba;
	struct seen sa, sb;
	int a, b;

	own_netns("tc qdisc add dev lo root netem delay 50ms");
	a = bound(SOCK_SEQPACKET, &aa);
	b = bound(SOCK_SEQPACKET, &ba);
	ASSERT_LE(0, a);
	ASSERT_LE(0, b);
	ASSERT_EQ(0, listen(a, 4));
	ASSERT_EQ(0, listen(b, 4));
	ASSERT_EQ(6, send_to(a, "from-a", &ba));
	ASSERT_EQ(6, send_to(b, "from-b", &aa));
	ASSERT_EQ(0, read_until_data(a, &sa));
	ASSERT_EQ(0, read_until_data(b, &sb));
	EXPECT_STREQ("from-b", sa.data);
	EXPECT_STREQ("from-a", sb.data);
	EXPECT_EQ(1, sa.comm_up);
	EXPECT_EQ(1, sb.comm_up);
	EXPECT_EQ(0, sa.other);
	EXPECT_EQ(0, sb.other);
	EXPECT_EQ(sa.up_id, sa.data_id);
	EXPECT_EQ(sb.up_id, sb.data_id);
	EXPECT_EQ(1, assoc_count(a));
	EXPECT_EQ(1, assoc_count(b));
	close(a);
	close(b);
}

/* u32 at offset 32 of the IPv4 packet: the first chunk's type, 11 */
#define DROP_COOKIE_ACK							\
	"tc qdisc add dev lo root handle 1: prio && "			\
	"tc filter add dev lo parent 1: protocol ip prio 1 u32 "	\
	"match ip protocol 132 0xff match u8 0x0b 0xff at 32 action drop"

/*
 * RFC 9260 s5.2.4 (D): the server's COOKIE ACK is lost, so the client
 * sends its COOKIE ECHO again to an association that is already up.
 * The server answers with a COOKIE ACK and nothing else: no second
 * association, no second COMM_UP, no restart.
 */
TEST(cookie_ack_lost)
{
	struct sctp_rtoinfo rto = { .srto_initial = 300, .srto_min = 100,
				    .srto_max = 1000 };
	struct sockaddr_in sa, ca;
	int s, c, err = -1;
	socklen_t len = sizeof(err);
	struct pollfd p;
	struct seen seen;

	own_netns(DROP_COOKIE_ACK);
	s = bound(SOCK_SEQPACKET, &sa);
	c = bound(SOCK_STREAM, &ca);
	ASSERT_LE(0, s);
	ASSERT_LE(0, c);
	ASSERT_EQ(0, listen(s, 4));
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_RTOINFO, &rto,
				sizeof(rto)));
	ASSERT_EQ(0, fcntl(c, F_SETFL, O_NONBLOCK));
	ASSERT_EQ(-1, connect(c, (struct sockaddr *)&sa, sizeof(sa)));
	ASSERT_EQ(EINPROGRESS, errno);
	/* one COOKIE ACK dropped: let the next one through */
	ASSERT_EQ(0, wait_sh("tc -s filter show dev lo | grep -q 'dropped [1-9]'"));
	ASSERT_EQ(0, sh("tc qdisc del dev lo root"));
	p = (struct pollfd){ .fd = c, .events = POLLOUT };
	ASSERT_EQ(1, poll(&p, 1, TIMEOUT_MS));
	ASSERT_EQ(0, getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len));
	ASSERT_EQ(0, err);
	ASSERT_EQ(5, send(c, "hello", 5, 0));
	ASSERT_EQ(0, read_until_data(s, &seen));
	EXPECT_STREQ("hello", seen.data);
	EXPECT_EQ(1, seen.comm_up);
	EXPECT_EQ(0, seen.other);
	EXPECT_EQ(seen.up_id, seen.data_id);
	EXPECT_EQ(1, assoc_count(s));
	close(c);
	close(s);
}

/*
 * RFC 9260 s5.1.5 (3) and s5.2.6: the server's cookies live 100 ms and
 * the round trip takes 150 ms, so every first COOKIE ECHO is stale.  The
 * server must report it under the client's tag, and the client must start
 * over asking for a longer cookie life (Cookie Preservative, s3.3.2.1),
 * which the server grants: the only way this association comes up.
 */
TEST(stale_cookie_is_preserved)
{
	struct sctp_assocparams ap = { .sasoc_cookie_life = 100 };
	struct sctp_initmsg im = { .sinit_max_attempts = 4 };
	struct sockaddr_in sa, ca;
	struct seen seen;
	int s, c;

	own_netns("tc qdisc add dev lo root netem delay 75ms");
	s = bound(SOCK_SEQPACKET, &sa);
	c = bound(SOCK_STREAM, &ca);
	ASSERT_LE(0, s);
	ASSERT_LE(0, c);
	ASSERT_EQ(0, setsockopt(s, IPPROTO_SCTP, SCTP_ASSOCINFO, &ap,
				sizeof(ap)));
	ASSERT_EQ(0, listen(s, 4));
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_INITMSG, &im,
				sizeof(im)));
	ASSERT_EQ(0, connect(c, (struct sockaddr *)&sa, sizeof(sa)))
		TH_LOG("connect: %s", strerror(errno));
	ASSERT_EQ(5, send(c, "fresh", 5, 0));
	ASSERT_EQ(0, read_until_data(s, &seen));
	EXPECT_STREQ("fresh", seen.data);
	EXPECT_EQ(1, seen.comm_up);
	EXPECT_EQ(1, assoc_count(s));
	close(c);
	close(s);
}

/*
 * RFC 9260 s5.1.5 (3): a State Cookie is good only for the ports it was
 * made for.  A raw socket plays the client: it sends an INIT to endpoint
 * a and takes the cookie of a's INIT ACK to endpoint b, which must drop
 * it (both endpoints' cookies carry the same namespace's MAC).  The same
 * cookie then makes the association at a, and reading its COMM_UP sends
 * nothing: a window the peer already knows from the INIT ACK is no
 * window update (a SACK before any DATA, which the local stack, seeing
 * it for no association, would answer with an ABORT).
 */
TEST(cookie_for_another_port)
{
	uint8_t init[32] = { 0 }, ack[2048], echo[2048] = { 0 }, seen[64];
	uint16_t cport = htons(40000 + getpid() % 20000);
	struct sockaddr_in aa, ba;
	uint32_t tag, itag = htonl(0x5eed0001);
	int a, b, r, n, off, clen = 0;
	cpu_set_t one;

	own_netns(NULL);
	/* one CPU: the kernel takes the packets in the order they are sent */
	CPU_ZERO(&one);
	CPU_SET(0, &one);
	ASSERT_EQ(0, sched_setaffinity(0, sizeof(one), &one));
	a = bound(SOCK_SEQPACKET, &aa);
	b = bound(SOCK_SEQPACKET, &ba);
	r = socket(AF_INET, SOCK_RAW, IPPROTO_SCTP);
	ASSERT_LE(0, a);
	ASSERT_LE(0, b);
	ASSERT_LE(0, r);
	ASSERT_EQ(0, listen(a, 4));
	ASSERT_EQ(0, listen(b, 4));

	/* INIT: tag, a_rwnd 64 KiB, 1 stream each way, TSN 1 */
	init[12] = 1;
	init[15] = 20;
	memcpy(init + 16, &itag, 4);
	init[21] = 1;
	init[25] = 1;
	init[27] = 1;
	init[31] = 1;
	ASSERT_EQ(0, raw_send(r, init, sizeof(init), cport, &aa, sizeof(aa), 0));
	n = raw_next_ms(r, cport, 2, ack, sizeof(ack), TIMEOUT_MS);
	ASSERT_LT(32, n);
	memcpy(&tag, ack + 16, 4);		/* a's Initiate Tag */
	for (off = 32; off + 4 <= n; off += (clen + 3) & ~3) {
		clen = ack[off + 2] << 8 | ack[off + 3];
		ASSERT_LE(4, clen);
		if (ack[off] == 0 && ack[off + 1] == 7)	/* State Cookie */
			break;
	}
	ASSERT_GE(n, off + clen) TH_LOG("no State Cookie in the INIT ACK");
	echo[12] = 10;				/* COOKIE ECHO */
	echo[14] = clen >> 8;
	echo[15] = clen;
	memcpy(echo + 16, ack + off + 4, clen - 4);

	ASSERT_EQ(0, raw_send(r, echo, 12 + clen, cport, &ba, sizeof(ba), ntohl(tag)));
	ASSERT_EQ(0, raw_send(r, echo, 12 + clen, cport, &aa, sizeof(aa), ntohl(tag)));
	/* a's COOKIE ACK, and no answer from b before it */
	do {
		n = raw_next_ms(r, cport, 11, seen, sizeof(seen), TIMEOUT_MS);
		ASSERT_EQ(16, n);
		ASSERT_NE(0, memcmp(seen, &ba.sin_port, 2))
			TH_LOG("b took a's cookie");
	} while (memcmp(seen, &aa.sin_port, 2));
	EXPECT_EQ(SCTP_COMM_UP, assoc_change(a, TIMEOUT_MS));
	EXPECT_EQ(-ETIMEDOUT, raw_next_ms(r, cport, 3, seen, sizeof(seen), 0));
	EXPECT_EQ(1, assoc_count(a));
	EXPECT_EQ(0, assoc_count(b));
	close(r);
	close(a);
	close(b);
}

TEST_HARNESS_MAIN
