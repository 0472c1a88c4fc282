// SPDX-License-Identifier: GPL-2.0
/*
 * Several local addresses per endpoint (RFC 6458 s9.1 sctp_bindx) and the
 * multi-homed association they make (RFC 9260 s5.1.2, s5.4): the peer
 * learns every address from INIT ACK, confirms each with a heartbeat,
 * and the primary path can be moved (SCTP_PRIMARY_ADDR).  Over loopback
 * (127.0.0.1 and 127.0.0.2 are both local), standard API only: it
 * passes on Linux's sctp.ko too.
 */
#include <errno.h>
#include <poll.h>
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

#define TIMEOUT_MS 10000

static struct sockaddr_in lo(int last, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(port) };

	a.sin_addr.s_addr = htonl(0x7f000000 | last);
	return a;
}

/* Addresses sctp_getladdrs()/sctp_getpaddrs() report, as 127.0.0.x. */
static int last_octets(struct sockaddr *addrs, int n, int *out)
{
	int i;

	for (i = 0; i < n; i++) {
		struct sockaddr_in *a = (struct sockaddr_in *)addrs + i;

		if (a->sin_family != AF_INET)
			return -1;
		out[i] = ntohl(a->sin_addr.s_addr) & 0xff;
	}
	return n;
}

TEST(add_and_remove)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP), n, o[4];
	struct sockaddr_in a = lo(1, 0), b;
	struct sockaddr *addrs;
	socklen_t len = sizeof(a);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, bind(fd, (struct sockaddr *)&a, sizeof(a)));
	ASSERT_EQ(0, getsockname(fd, (struct sockaddr *)&a, &len));
	b = lo(2, 0);
	ASSERT_EQ(0, sctp_bindx(fd, (struct sockaddr *)&b, 1,
				SCTP_BINDX_ADD_ADDR));
	n = sctp_getladdrs(fd, 0, &addrs);
	ASSERT_EQ(2, n);
	ASSERT_EQ(2, last_octets(addrs, n, o));
	EXPECT_EQ(3, o[0] + o[1]);
	EXPECT_EQ(a.sin_port, ((struct sockaddr_in *)addrs)[1].sin_port);
	sctp_freeladdrs(addrs);
	/* another port than the socket's */
	b = lo(3, ntohs(a.sin_port) + 1);
	EXPECT_EQ(-1, sctp_bindx(fd, (struct sockaddr *)&b, 1,
				 SCTP_BINDX_ADD_ADDR));
	EXPECT_EQ(EINVAL, errno);
	/* an address the socket does not have */
	b = lo(9, 0);
	EXPECT_EQ(-1, sctp_bindx(fd, (struct sockaddr *)&b, 1,
				 SCTP_BINDX_REM_ADDR));
	EXPECT_EQ(EINVAL, errno);
	b = lo(1, 0);
	ASSERT_EQ(0, sctp_bindx(fd, (struct sockaddr *)&b, 1,
				SCTP_BINDX_REM_ADDR));
	n = sctp_getladdrs(fd, 0, &addrs);
	ASSERT_EQ(1, n);
	ASSERT_EQ(1, last_octets(addrs, n, o));
	EXPECT_EQ(2, o[0]);
	sctp_freeladdrs(addrs);
	/* the last address cannot go */
	b = lo(2, 0);
	EXPECT_EQ(-1, sctp_bindx(fd, (struct sockaddr *)&b, 1,
				 SCTP_BINDX_REM_ADDR));
	EXPECT_TRUE(errno == EBUSY || errno == EINVAL);
	close(fd);
}

/* The next SCTP_PEER_ADDR_CHANGE with @state for 127.0.0.@last on @fd. */
static int wait_paddr(int fd, int state, int last)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	union {
		struct sctp_paddr_change pc;
		char b[512];
	} u;

	for (;;) {
		int flags = 0;
		struct sockaddr_in *a = (struct sockaddr_in *)&u.pc.spc_aaddr;

		if (poll(&p, 1, TIMEOUT_MS) != 1)
			return -ETIMEDOUT;
		if (sctp_recvmsg(fd, &u, sizeof(u), NULL, NULL, NULL,
				 &flags) < 0)
			return -errno;
		if (!(flags & MSG_NOTIFICATION) ||
		    u.pc.spc_type != SCTP_PEER_ADDR_CHANGE)
			continue;
		if (u.pc.spc_state == state &&
		    (ntohl(a->sin_addr.s_addr) & 0xff) == (unsigned int)last)
			return 0;
	}
}

/*
 * A server bound to 127.0.0.1 and 127.0.0.2 lists both in its INIT ACK;
 * the client, connected to the first, confirms the second by heartbeat
 * (ADDR_CONFIRMED), reports both paths ACTIVE, and can make the second
 * its primary (ADDR_MADE_PRIM), over which data then flows.
 */
TEST(multihomed_association)
{
	struct sctp_event_subscribe ev = { .sctp_data_io_event = 1,
					   .sctp_address_event = 1 };
	struct sctp_rtoinfo rto = { .srto_initial = 300, .srto_min = 100,
				    .srto_max = 1000 };
	struct sockaddr_in a = lo(1, 0), b = lo(2, 0);
	struct sctp_paddrinfo pi;
	struct sctp_prim prim;
	struct sockaddr *addrs;
	socklen_t len = sizeof(a);
	int s, c, n, o[4], flags = 0;
	char buf[16];

	s = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	c = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	ASSERT_LE(0, s);
	ASSERT_LE(0, c);
	ASSERT_EQ(0, bind(s, (struct sockaddr *)&a, sizeof(a)));
	ASSERT_EQ(0, getsockname(s, (struct sockaddr *)&a, &len));
	b.sin_port = a.sin_port;
	ASSERT_EQ(0, sctp_bindx(s, (struct sockaddr *)&b, 1,
				SCTP_BINDX_ADD_ADDR));
	ASSERT_EQ(0, setsockopt(s, IPPROTO_SCTP, SCTP_EVENTS, &ev,
				sizeof(ev)));
	ASSERT_EQ(0, listen(s, 4));
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_EVENTS, &ev,
				sizeof(ev)));
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_RTOINFO, &rto,
				sizeof(rto)));
	ASSERT_EQ(0, connect(c, (struct sockaddr *)&a, sizeof(a)));
	n = sctp_getpaddrs(c, 0, &addrs);
	ASSERT_EQ(2, n);
	ASSERT_EQ(2, last_octets(addrs, n, o));
	EXPECT_EQ(3, o[0] + o[1]);
	sctp_freepaddrs(addrs);
	/* s5.4: the second address is confirmed by a heartbeat */
	ASSERT_EQ(0, wait_paddr(c, SCTP_ADDR_CONFIRMED, 2));
	memset(&pi, 0, sizeof(pi));
	memcpy(&pi.spinfo_address, &b, sizeof(b));
	len = sizeof(pi);
	ASSERT_EQ(0, getsockopt(c, IPPROTO_SCTP, SCTP_GET_PEER_ADDR_INFO,
				&pi, &len));
	EXPECT_EQ(SCTP_ACTIVE, pi.spinfo_state);
	EXPECT_LT(0, pi.spinfo_mtu);
	EXPECT_LT(0, pi.spinfo_cwnd);
	/* an address that is not the peer's */
	pi.spinfo_address.ss_family = AF_INET;
	((struct sockaddr_in *)&pi.spinfo_address)->sin_addr.s_addr =
		htonl(0x7f000009);
	EXPECT_EQ(-1, getsockopt(c, IPPROTO_SCTP, SCTP_GET_PEER_ADDR_INFO,
				 &pi, &len));
	EXPECT_EQ(EINVAL, errno);
	/* move the primary path to the second address */
	memset(&prim, 0, sizeof(prim));
	memcpy(&prim.ssp_addr, &b, sizeof(b));
	ASSERT_EQ(0, setsockopt(c, IPPROTO_SCTP, SCTP_PRIMARY_ADDR, &prim,
				sizeof(prim)));
	memset(&prim, 0, sizeof(prim));
	len = sizeof(prim);
	ASSERT_EQ(0, getsockopt(c, IPPROTO_SCTP, SCTP_PRIMARY_ADDR, &prim,
				&len));
	EXPECT_EQ(b.sin_addr.s_addr,
		  ((struct sockaddr_in *)&prim.ssp_addr)->sin_addr.s_addr);
	ASSERT_EQ(0, wait_paddr(c, SCTP_ADDR_MADE_PRIM, 2));
	ASSERT_EQ(4, send(c, "data", 4, 0));
	do {
		struct pollfd p = { .fd = s, .events = POLLIN };

		ASSERT_EQ(1, poll(&p, 1, TIMEOUT_MS));
		n = sctp_recvmsg(s, buf, sizeof(buf), NULL, NULL, NULL,
				 &flags);
		ASSERT_LT(0, n);
	} while (flags & MSG_NOTIFICATION);
	EXPECT_EQ(0, memcmp(buf, "data", 4));
	close(c);
	close(s);
}

TEST_HARNESS_MAIN
