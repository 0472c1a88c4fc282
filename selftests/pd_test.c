// SPDX-License-Identifier: GPL-2.0
/*
 * Partial delivery (RFC 6458 s8.1.20, s8.1.21, s6.1.7; RFC 9260 s6.9):
 * a message larger than the receive buffer still arrives whole, in
 * pieces of which only the last has MSG_EOR; while one association's
 * message is in pieces a one-to-many socket hands out nothing else; and
 * an association that dies in the middle of one leaves the socket
 * serving the others.  Over loopback, standard API only: every test
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
#define BIG 150000	/* > twice the receive buffer below, < SO_SNDBUF */
#define PIECE 4096

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + (i >> 8));
}

static void fill(unsigned char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = pattern(i);
}

static int socket_on(int type, struct sockaddr_in *a, int rcvbuf)
{
	struct sctp_event_subscribe ev = { .sctp_data_io_event = 1,
					   .sctp_association_event = 1,
					   .sctp_partial_delivery_event = 1 };
	socklen_t len = sizeof(*a);
	int fd = socket(AF_INET, type, IPPROTO_SCTP);

	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || (rcvbuf && setsockopt(fd, SOL_SOCKET, SO_RCVBUF,
					    &rcvbuf, sizeof(rcvbuf))) ||
	    bind(fd, (struct sockaddr *)a, sizeof(*a)) ||
	    getsockname(fd, (struct sockaddr *)a, &len) ||
	    setsockopt(fd, IPPROTO_SCTP, SCTP_EVENTS, &ev, sizeof(ev)))
		return -1;
	return fd;
}

/* One recvmsg, bounded by TIMEOUT_MS: bytes, flags and sndrcvinfo. */
static ssize_t read_piece(int fd, void *buf, size_t size, int *flags,
			  struct sctp_sndrcvinfo *si)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t n;

	if (poll(&p, 1, TIMEOUT_MS) != 1)
		return -ETIMEDOUT;
	*flags = 0;
	memset(si, 0, sizeof(*si));
	n = sctp_recvmsg(fd, buf, size, NULL, NULL, si, flags);
	return n < 0 ? -errno : n;
}

/*
 * Reads the rest of a BIG message whose first @got bytes came already,
 * checking every byte; returns the pieces read, or -1.  Every piece
 * must belong to association @id.
 */
static int read_rest(int fd, size_t got, sctp_assoc_t id)
{
	unsigned char buf[PIECE];
	struct sctp_sndrcvinfo si;
	int flags, pieces = 0;
	size_t i;
	ssize_t n;

	while (got < BIG) {
		n = read_piece(fd, buf, sizeof(buf), &flags, &si);
		if (n > 0 && !got && (flags & MSG_NOTIFICATION))
			continue;	/* COMM_UP, on xsctp's accepted socket */
		if (n <= 0 || (flags & MSG_NOTIFICATION) ||
		    (id && si.sinfo_assoc_id != id))
			goto bad;
		for (i = 0; i < (size_t)n; i++)
			if (buf[i] != pattern(got + i))
				goto bad;
		got += n;
		pieces++;
		if (!!(flags & MSG_EOR) != (got == BIG))
			goto bad;
	}
	return pieces;
bad:
	fprintf(stderr, "# at byte %zu: read %zd, flags 0x%x, assoc %d\n",
		got, n, flags, si.sinfo_assoc_id);
	return -1;
}

/* The fd of a one-to-one connection to @srv (blocking connect). */
static int connect_to(const struct sockaddr_in *srv)
{
	struct sockaddr_in me;
	int fd = socket_on(SOCK_STREAM, &me, 0);

	if (fd < 0 || connect(fd, (const struct sockaddr *)srv, sizeof(*srv)))
		return -1;
	return fd;
}

/*
 * A 150 kB message into a 16 kB receive buffer: without partial
 * delivery the receiver could never hold it whole and the transfer
 * would stop; with it, every byte arrives, MSG_EOR on the last piece
 * only.
 */
TEST(message_larger_than_receive_buffer)
{
	static unsigned char big[BIG];
	struct sockaddr_in sa;
	int l, c, a;

	l = socket_on(SOCK_STREAM, &sa, 8192);
	ASSERT_LE(0, l);
	ASSERT_EQ(0, listen(l, 1));
	c = connect_to(&sa);
	ASSERT_LE(0, c);
	a = accept(l, NULL, NULL);
	ASSERT_LE(0, a);
	fill(big, BIG);
	ASSERT_EQ(BIG, send(c, big, BIG, 0));
	EXPECT_LT(1, read_rest(a, 0, 0));
	close(a);
	close(c);
	close(l);
}

/*
 * RFC 6458 s8.1.20, level 0 (the default): while association A's message
 * is in pieces, a message from B on the same one-to-many socket waits
 * until A's is whole.
 */
TEST(pieces_are_not_interleaved)
{
	static unsigned char big[BIG];
	unsigned char buf[PIECE];
	struct sctp_sndrcvinfo si;
	struct sockaddr_in sa;
	int s, ca, cb, flags;
	sctp_assoc_t ida;
	ssize_t n;

	s = socket_on(SOCK_SEQPACKET, &sa, 8192);
	ASSERT_LE(0, s);
	ASSERT_EQ(0, listen(s, 4));
	ca = connect_to(&sa);
	cb = connect_to(&sa);
	ASSERT_LE(0, ca);
	ASSERT_LE(0, cb);
	fill(big, BIG);
	ASSERT_EQ(BIG, send(ca, big, BIG, 0));
	/* skip the two COMM_UPs; the first piece of A's message */
	do {
		n = read_piece(s, buf, sizeof(buf), &flags, &si);
		ASSERT_LT(0, n);
	} while (flags & MSG_NOTIFICATION);
	ASSERT_EQ(0, flags & MSG_EOR);
	ASSERT_EQ(PIECE, n);
	ida = si.sinfo_assoc_id;
	/* B's message now: it must come after all of A's */
	ASSERT_EQ(1, send(cb, "b", 1, 0));
	ASSERT_LT(0, read_rest(s, PIECE, ida));
	n = read_piece(s, buf, sizeof(buf), &flags, &si);
	ASSERT_EQ(1, n);
	EXPECT_EQ('b', buf[0]);
	EXPECT_NE(ida, si.sinfo_assoc_id);
	EXPECT_TRUE(flags & MSG_EOR);
	close(ca);
	close(cb);
	close(s);
}

/*
 * A's sender aborts while its message is in pieces: the reader is told
 * (SCTP_PARTIAL_DELIVERY_EVENT, aborted, then COMM_LOST) and B's
 * message, held back meanwhile, is delivered: the socket is not stuck in
 * a message that will never end.
 */
TEST(abort_in_the_middle)
{
	static unsigned char big[BIG];
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	union {
		struct sctp_pdapi_event pd;
		struct sctp_assoc_change sac;
		unsigned char b[PIECE];
	} u;
	struct sctp_sndrcvinfo si;
	struct sockaddr_in sa;
	int s, ca, cb, flags, pdapi = 0, lost = 0;
	sctp_assoc_t ida = 0;
	ssize_t n;

	s = socket_on(SOCK_SEQPACKET, &sa, 8192);
	ASSERT_LE(0, s);
	ASSERT_EQ(0, listen(s, 4));
	ca = connect_to(&sa);
	cb = connect_to(&sa);
	ASSERT_LE(0, ca);
	ASSERT_LE(0, cb);
	fill(big, BIG);
	ASSERT_EQ(BIG, send(ca, big, BIG, 0));
	do {
		n = read_piece(s, &u, sizeof(u), &flags, &si);
		ASSERT_LT(0, n);
	} while (flags & MSG_NOTIFICATION);
	ASSERT_EQ(0, flags & MSG_EOR);
	ida = si.sinfo_assoc_id;
	ASSERT_EQ(1, send(cb, "b", 1, 0));
	/* most of A's message is still unsent: the window is closed */
	ASSERT_EQ(0, setsockopt(ca, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)));
	close(ca);
	for (;;) {
		n = read_piece(s, &u, sizeof(u), &flags, &si);
		ASSERT_LT(0, n);
		if (!(flags & MSG_NOTIFICATION)) {
			/* the rest of A's pieces, then B's message */
			if (si.sinfo_assoc_id == ida)
				continue;
			break;
		}
		if (u.pd.pdapi_type == SCTP_PARTIAL_DELIVERY_EVENT) {
			EXPECT_EQ(SCTP_PARTIAL_DELIVERY_ABORTED,
				  u.pd.pdapi_indication);
			EXPECT_EQ(ida, u.pd.pdapi_assoc_id);
			pdapi++;
		} else if (u.sac.sac_type == SCTP_ASSOC_CHANGE &&
			   u.sac.sac_assoc_id == ida) {
			EXPECT_EQ(SCTP_COMM_LOST, u.sac.sac_state);
			lost++;
		}
	}
	EXPECT_EQ(1, n);
	EXPECT_EQ('b', u.b[0]);
	EXPECT_EQ(1, pdapi);
	EXPECT_EQ(1, lost);
	close(cb);
	close(s);
}

/* Linux's rules for SCTP_PARTIAL_DELIVERY_POINT and FRAGMENT_INTERLEAVE. */
TEST(options)
{
	int fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	int rcvbuf = 0, v;
	socklen_t len = sizeof(rcvbuf);
	unsigned int pd;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, &len));
	len = sizeof(pd);
	ASSERT_EQ(0, getsockopt(fd, IPPROTO_SCTP, SCTP_PARTIAL_DELIVERY_POINT,
				&pd, &len));
	EXPECT_EQ(0, pd);
	pd = 4096;
	ASSERT_EQ(0, setsockopt(fd, IPPROTO_SCTP, SCTP_PARTIAL_DELIVERY_POINT,
				&pd, sizeof(pd)));
	pd = 0;
	ASSERT_EQ(0, getsockopt(fd, IPPROTO_SCTP, SCTP_PARTIAL_DELIVERY_POINT,
				&pd, &len));
	EXPECT_EQ(4096, pd);
	pd = rcvbuf / 2 + 1;
	EXPECT_EQ(-1, setsockopt(fd, IPPROTO_SCTP, SCTP_PARTIAL_DELIVERY_POINT,
				 &pd, sizeof(pd)));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, setsockopt(fd, IPPROTO_SCTP, SCTP_PARTIAL_DELIVERY_POINT,
				 &pd, 2));
	EXPECT_EQ(EINVAL, errno);
	v = 1;
	ASSERT_EQ(0, setsockopt(fd, IPPROTO_SCTP, SCTP_FRAGMENT_INTERLEAVE,
				&v, sizeof(v)));
	v = 0;
	len = sizeof(v);
	ASSERT_EQ(0, getsockopt(fd, IPPROTO_SCTP, SCTP_FRAGMENT_INTERLEAVE,
				&v, &len));
	EXPECT_EQ(1, v);
	close(fd);
}

TEST_HARNESS_MAIN
