// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_connectx() with several peer addresses (RFC 6458 s9.9): every one
 * is a path of the association from the start, and confirmed (RFC 9260
 * s5.4); the errors Linux's sctp.ko gives for lists it refuses.  Over
 * loopback (127.0.0.1 and 127.0.0.2, both local), standard API only:
 * passes on sctp.ko too.  multihome.sh covers an address that does not
 * answer (T1-init moves the INIT on to the next one).
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "helpers.h"

#define TIMEOUT_MS	10000

static struct sockaddr_in v4(const char *ip, unsigned short port)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(port) };

	inet_pton(AF_INET, ip, &a.sin_addr);
	return a;
}

/* The raw option: libsctp checks some lists itself; the kernel's word. */
static int connectx_raw(int fd, const void *buf, int len)
{
	return setsockopt(fd, IPPROTO_SCTP, SCTP_SOCKOPT_CONNECTX, buf, len);
}

/* A one-to-many server on 127.0.0.1 and 127.0.0.2, one port. */
FIXTURE(cx) {
	int srv, cli;
	unsigned short port;
};

FIXTURE_SETUP(cx)
{
	struct sockaddr_in a[2] = { v4("127.0.0.1", 0), v4("127.0.0.2", 0) };
	socklen_t len = sizeof(a[0]);

	self->srv = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	ASSERT_LE(0, self->srv);
	ASSERT_EQ(0, bind(self->srv, (struct sockaddr *)&a[0], sizeof(a[0])));
	ASSERT_EQ(0, getsockname(self->srv, (struct sockaddr *)&a[0], &len));
	self->port = ntohs(a[0].sin_port);
	a[1].sin_port = a[0].sin_port;
	ASSERT_EQ(0, sctp_bindx(self->srv, (struct sockaddr *)&a[1], 1,
				SCTP_BINDX_ADD_ADDR));
	ASSERT_EQ(0, listen(self->srv, 4));
	self->cli = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, self->cli);
}

FIXTURE_TEARDOWN(cx)
{
	close(self->cli);
	close(self->srv);
}

/* The peer's addresses as the client sees them; their count. */
static int peer_addrs(int fd, struct sockaddr_in *out, int max)
{
	struct sockaddr *addrs;
	int n = sctp_getpaddrs(fd, 0, &addrs), i;

	for (i = 0; i < n && i < max; i++)
		memcpy(&out[i], (struct sockaddr_in *)addrs + i,
		       sizeof(out[i]));
	if (n > 0)
		sctp_freepaddrs(addrs);
	return n;
}

static int path_state(int fd, const struct sockaddr_in *a)
{
	struct sctp_paddrinfo pi = { .spinfo_assoc_id = 0 };
	socklen_t len = sizeof(pi);

	memcpy(&pi.spinfo_address, a, sizeof(*a));
	if (getsockopt(fd, IPPROTO_SCTP, SCTP_GET_PEER_ADDR_INFO, &pi, &len))
		return -errno;
	return pi.spinfo_state;
}

static int has(const struct sockaddr_in *set, int n, const char *ip)
{
	struct sockaddr_in a = v4(ip, 0);

	while (n--)
		if (set[n].sin_addr.s_addr == a.sin_addr.s_addr)
			return 1;
	return 0;
}

/* Both addresses are paths, both ACTIVE without a heartbeat (s5.4). */
TEST_F(cx, both_addresses_are_paths)
{
	struct sockaddr_in a[2] = { v4("127.0.0.1", self->port),
				    v4("127.0.0.2", self->port) };
	struct sockaddr_in got[4];
	sctp_assoc_t id;

	ASSERT_LE(0, sctp_connectx(self->cli, (struct sockaddr *)a, 2, &id));
	ASSERT_EQ(2, peer_addrs(self->cli, got, 4));
	EXPECT_TRUE(has(got, 2, "127.0.0.1"));
	EXPECT_TRUE(has(got, 2, "127.0.0.2"));
	EXPECT_EQ(SCTP_ACTIVE, path_state(self->cli, &a[0]));
	EXPECT_EQ(SCTP_ACTIVE, path_state(self->cli, &a[1]));
}

/*
 * The same address twice: sctp.ko finds the association the list is
 * making and refuses.
 */
TEST_F(cx, duplicate_eaddrnotavail)
{
	struct sockaddr_in a[2] = { v4("127.0.0.1", self->port),
				    v4("127.0.0.1", self->port) };

	EXPECT_EQ(-1, connectx_raw(self->cli, a, sizeof(a)));
	EXPECT_EQ(EADDRNOTAVAIL, errno);
	/* and nothing was left behind: the socket connects afterwards */
	EXPECT_EQ(0, connect(self->cli, (struct sockaddr *)a, sizeof(a[0])));
}

TEST_F(cx, no_address_einval)
{
	struct sockaddr_in a = v4("127.0.0.1", self->port);

	EXPECT_EQ(-1, connectx_raw(self->cli, &a, 0));
	EXPECT_EQ(EINVAL, errno);
}

/* An IPv6 address on an IPv4 socket. */
TEST_F(cx, mixed_families_einval)
{
	struct {
		struct sockaddr_in a;
		struct sockaddr_in6 b;
	} __attribute__((packed)) l = {
		.a = v4("127.0.0.1", self->port),
		.b = { .sin6_family = AF_INET6, .sin6_port = htons(self->port),
		       .sin6_addr = IN6ADDR_LOOPBACK_INIT },
	};

	EXPECT_EQ(-1, connectx_raw(self->cli, &l, sizeof(l)));
	EXPECT_EQ(EINVAL, errno);
}

/* RFC 6458 s9.9: one peer, one port. */
TEST_F(cx, different_ports_einval)
{
	struct sockaddr_in a[2] = { v4("127.0.0.1", self->port),
				    v4("127.0.0.2", self->port + 1) };

	EXPECT_EQ(-1, connectx_raw(self->cli, a, sizeof(a)));
	EXPECT_EQ(EINVAL, errno);
}

/* A list that ends inside a sockaddr. */
TEST_F(cx, truncated_einval)
{
	struct sockaddr_in a[2] = { v4("127.0.0.1", self->port),
				    v4("127.0.0.2", self->port) };

	EXPECT_EQ(-1, connectx_raw(self->cli, a, sizeof(a) - 4));
	EXPECT_EQ(EINVAL, errno);
}

/* An unknown family. */
TEST_F(cx, bad_family_einval)
{
	struct sockaddr_in a[2] = { v4("127.0.0.1", self->port),
				    v4("127.0.0.2", self->port) };

	a[1].sin_family = AF_UNIX;
	EXPECT_EQ(-1, connectx_raw(self->cli, a, sizeof(a)));
	EXPECT_EQ(EINVAL, errno);
}

/*
 * Implicit setup with SCTP_DSTADDRV4 (RFC 6458 s5.3.9): the extra
 * address 127.0.0.3, which the server does not have, is not in its INIT
 * ACK and goes, as a connectx() address would (sctp.ko): the paths are
 * the server's two addresses, nothing else.
 */
TEST_F(cx, dstaddr_unlisted_dropped)
{
	struct sctp_event ev = { .se_type = SCTP_ASSOC_CHANGE, .se_on = 1 };
	struct sockaddr_in to = v4("127.0.0.1", self->port);
	char cbuf[CMSG_SPACE(sizeof(struct in_addr))] = {};
	struct iovec iov = { "hi", 2 };
	struct msghdr m = { .msg_name = &to, .msg_namelen = sizeof(to),
			    .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cbuf,
			    .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
	struct sockaddr_in got[4];
	int n;

	cm->cmsg_level = IPPROTO_SCTP;
	cm->cmsg_type = SCTP_DSTADDRV4;
	cm->cmsg_len = CMSG_LEN(sizeof(struct in_addr));
	inet_pton(AF_INET, "127.0.0.3", CMSG_DATA(cm));
	ASSERT_EQ(0, setsockopt(self->cli, IPPROTO_SCTP, SCTP_EVENT, &ev,
				sizeof(ev)));
	ASSERT_EQ(2, sendmsg(self->cli, &m, 0));
	ASSERT_EQ(SCTP_COMM_UP, assoc_change(self->cli, TIMEOUT_MS));
	n = peer_addrs(self->cli, got, 4);
	EXPECT_EQ(2, n);
	EXPECT_TRUE(has(got, n, "127.0.0.1"));
	EXPECT_TRUE(has(got, n, "127.0.0.2"));
	EXPECT_FALSE(has(got, n, "127.0.0.3"));
}

/*
 * A peer that never answers (netem drops all on the loopback of a
 * namespace of the test's own): the INIT is given up after T1 and the
 * association ends in COOKIE-WAIT with SCTP_CANT_STR_ASSOC.  As sctp.ko,
 * the id sctp_connectx() gave is the notification's: the association was
 * named when the user asked for its id.  Plain connect() does not ask,
 * and sctp.ko names it only at the INIT ACK: its notification says 0.
 */
static void no_answer(struct __test_metadata *_metadata, int type, bool cx)
{
	struct sctp_rtoinfo rto = { .srto_initial = 100, .srto_min = 100,
				    .srto_max = 200 };
	struct sctp_initmsg im = { .sinit_max_attempts = 2,
				   .sinit_max_init_timeo = 200 };
	struct sctp_event ev = { .se_type = SCTP_ASSOC_CHANGE, .se_on = 1 };
	struct sockaddr_in to = v4("127.0.0.1", 9);
	sctp_assoc_t id = -7, got = -7;
	int fd = socket(AF_INET, type, IPPROTO_SCTP);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, setsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, &rto,
				sizeof(rto)));
	ASSERT_EQ(0, setsockopt(fd, IPPROTO_SCTP, SCTP_INITMSG, &im,
				sizeof(im)));
	ASSERT_EQ(0, setsockopt(fd, IPPROTO_SCTP, SCTP_EVENT, &ev,
				sizeof(ev)));
	ASSERT_EQ(0, fcntl(fd, F_SETFL, O_NONBLOCK));
	if (cx) {
		ASSERT_EQ(-1, sctp_connectx(fd, (struct sockaddr *)&to, 1,
					    &id));
	} else {
		ASSERT_EQ(-1, connect(fd, (struct sockaddr *)&to,
				      sizeof(to)));
	}
	ASSERT_EQ(EINPROGRESS, errno);
	if (cx)
		EXPECT_LT(0, id);
	ASSERT_EQ(SCTP_CANT_STR_ASSOC, assoc_change_id(fd, TIMEOUT_MS, &got));
	TH_LOG("type %d connectx %d: id %d, notification %d", type, cx, id,
	       got);
	EXPECT_EQ(cx ? id : 0, got);
	close(fd);
}

TEST(connectx_t1_expiry_keeps_id)
{
	sh("modprobe sch_netem 2>/dev/null");
	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	ASSERT_EQ(0, sh("ip link set lo up && "
			"tc qdisc add dev lo root netem loss 100%"));
	no_answer(_metadata, SOCK_SEQPACKET, true);
	no_answer(_metadata, SOCK_STREAM, true);
	no_answer(_metadata, SOCK_SEQPACKET, false);
	no_answer(_metadata, SOCK_STREAM, false);
}

TEST_HARNESS_MAIN
